// Pieces the job/ack-data function codecs share: the decoding context, the short "function and
// optional status byte" acknowledgements, and block file names such as `_0A00001P`.
import type { CodecError, Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { latin1 } from '../bytes.js';
import { s7Error } from '../errors.js';
import type { BlockTypeName } from '../names.js';
import { blockTypeName } from '../names.js';

/** Where the parameter and data parts start in the PDU, for error offsets. */
export interface PartOffsets {
  parameter: number;
  data: number;
}

export function badParameter(message: string, offset: number): CodecError {
  return s7Error('OTS_S7COMM_BAD_PARAMETER', message, offset);
}

export function badData(message: string, offset: number): CodecError {
  return s7Error('OTS_S7COMM_BAD_DATA', message, offset);
}

/** Fails unless the data part is empty (functions whose PDU has none). */
export function expectNoData(
  data: Uint8Array,
  name: string,
  at: PartOffsets,
): CodecError | undefined {
  return data.length === 0
    ? undefined
    : badData(`${name} carries no data part, got ${data.length} bytes`, at.data);
}

/**
 * The ack-data of PI service, PLC stop and the block functions: the function code alone, or
 * followed by the function status byte (bit 0: more data follows, bit 1: error).
 */
export function decodeFunctionStatus(
  parameter: Uint8Array,
  name: string,
  at: PartOffsets,
): Decoded<number | undefined> {
  if (parameter.length === 1) return ok(undefined);
  if (parameter.length === 2) return ok(parameter[1] ?? 0);
  return fail(
    badParameter(
      `${name} ack-data parameter of ${parameter.length} bytes, expected 1 or 2`,
      at.parameter,
    ),
  );
}

export function writeFunctionStatus(
  w: ByteWriter,
  code: number,
  functionStatus: number | undefined,
): void {
  w.u8(code);
  if (functionStatus !== undefined) w.u8(functionStatus);
}

/** What a PLC block file name says: `_0A00001P` is a complete (`_`) DB (`0A`) 1, passive (`P`). */
export interface BlockFileInfo {
  /** '_' complete module, '$' module header for uploading. */
  identifier: string;
  /** The two ASCII characters of the type, '08' OB ... '0F' SFB. */
  blockType: string;
  blockTypeName: BlockTypeName;
  /** The five decimal digits as a number; undefined when they are not digits. */
  blockNumber: number | undefined;
  /** Destination file system: 'P' passive, 'A' active, 'B' both. */
  fileSystem: string;
}

/** Parse a block file name; undefined for any other file name (NC files, oddities). */
export function blockFileInfo(fileName: string): BlockFileInfo | undefined {
  // 9 characters: identifier, 2-character type ('08'..'0F'), 5 digits, file system.
  if (fileName.length !== 9) return undefined;
  const identifier = fileName.charAt(0);
  if (identifier !== '_' && identifier !== '$') return undefined;
  const blockType = fileName.slice(1, 3);
  const code = (blockType.charCodeAt(0) << 8) | blockType.charCodeAt(1);
  if (code < 0x3038 || code > 0x3046) return undefined;
  const digits = fileName.slice(3, 8);
  return {
    identifier,
    blockType,
    blockTypeName: blockTypeName(code),
    blockNumber: /^\d{5}$/.test(digits) ? Number(digits) : undefined,
    fileSystem: fileName.charAt(8),
  };
}

/** Block type name -> its two ASCII characters ('DB' -> '0A'). */
export const BLOCK_TYPE_CODE = {
  OB: '08',
  CMod: '09',
  DB: '0A',
  SDB: '0B',
  FC: '0C',
  SFC: '0D',
  FB: '0E',
  SFB: '0F',
} as const;

/** Build a block file name: `blockFileName('DB', 1)` is `_0A00001P`. */
export function blockFileName(
  type: keyof typeof BLOCK_TYPE_CODE,
  blockNumber: number,
  fileSystem = 'P',
  identifier = '_',
): string {
  const digits = String(Math.max(0, Math.min(99999, Math.floor(blockNumber)))).padStart(5, '0');
  return identifier + BLOCK_TYPE_CODE[type] + digits + fileSystem.charAt(0);
}

/** Read a length-prefixed (1 byte) Latin-1 string at `offset`; undefined when it runs past `end`. */
export function readShortString(
  bytes: Uint8Array,
  offset: number,
  end: number,
): { text: string; next: number } | undefined {
  if (offset >= end) return undefined;
  const length = bytes[offset] ?? 0;
  if (offset + 1 + length > end) return undefined;
  return { text: latin1(bytes, offset + 1, offset + 1 + length), next: offset + 1 + length };
}

export function writeShortString(w: ByteWriter, text: string): void {
  const value = text.length > 255 ? text.slice(0, 255) : text;
  w.u8(value.length).text(value);
}

/**
 * Decodes the ack-data of a function whose answer is its code and, at most, a status byte, with
 * no data part (PLC stop, PI service, request download, and others).
 */
export function decodeStatusOnlyAck<K extends string>(
  kind: K,
  name: string,
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<{ kind: K; functionStatus?: number }> {
  const status = decodeFunctionStatus(parameter, name, at);
  if (!status.ok) return status;
  const noData = expectNoData(data, `${name} ack-data`, at);
  if (noData) return fail(noData);
  return ok(status.value === undefined ? { kind } : { kind, functionStatus: status.value });
}
