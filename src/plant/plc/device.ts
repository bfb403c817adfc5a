// What the network sees of a PLC: the contract between the PLC runtime (src/plant/plc) and the
// servers that put it on the wire (src/net). A server never reaches into the runtime past this.
import type { MemoryImage } from './memory.js';

/** RUN executes the program every scan; STOP holds the outputs and skips the logic. */
export type PlcMode = 'run' | 'stop';

/** S7 block types a client can list, upload, download or delete. */
export type BlockType = 'OB' | 'FB' | 'FC' | 'DB' | 'SDB';

/** Why the PLC refused a request, in words a server maps onto its protocol's error codes. */
export type PlcRefusal =
  | 'not_found' // no such block
  | 'invalid_program' // the verifier rejected a downloaded block
  | 'wrong_mode' // e.g. delete or download of OB1 while the CPU must be stopped
  | 'protected'; // password or protection level forbids it

export type PlcResult<T = undefined> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: PlcRefusal; readonly message: string };

export interface BlockInfo {
  readonly type: BlockType;
  readonly number: number;
  /** The block as a client uploads it: header and body, byte for byte what it downloaded. */
  readonly bytes: Uint8Array;
}

/** Everything about a change of program or mode, for the PLC's log and the detections' evidence. */
export interface PlcChange {
  readonly kind: 'mode' | 'download' | 'delete' | 'restore';
  readonly by: string;
  readonly detail: string;
  /** The program's hash after the change. */
  readonly programHash: string;
}

export interface PlcDevice {
  /** The PLC's name in the plant, e.g. "boiler-plc". */
  readonly name: string;
  readonly memory: MemoryImage;
  mode(): PlcMode;
  stop(by: string): PlcResult;
  start(by: string): PlcResult;
  /** sha256 hex of the running program, as the verifier computes it. */
  programHash(): string;
  listBlocks(): readonly BlockInfo[];
  uploadBlock(type: BlockType, number: number): PlcResult<BlockInfo>;
  /** Verifies, then installs, a downloaded block; a bad program is refused and nothing changes. */
  downloadBlock(type: BlockType, number: number, bytes: Uint8Array, by: string): PlcResult;
  deleteBlock(type: BlockType, number: number, by: string): PlcResult;
  onChange(listener: (change: PlcChange) => void): () => void;
}
