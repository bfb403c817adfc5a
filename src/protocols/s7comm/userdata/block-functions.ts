// Userdata block functions (group 3): list blocks (count per block type), list blocks of a type
// (number, flags, language of each) and block info (request decoded; the answer kept as bytes).
import type { ByteWriter } from '../bytes.js';
import { latin1, u16 } from '../bytes.js';
import type { BlockFileInfo } from '../functions/common.js';
import { blockFileInfo } from '../functions/common.js';
import type { BlockTypeName } from '../names.js';
import { blockLanguageName, blockTypeName } from '../names.js';

export const SUBFUNCTION_LIST_BLOCKS = 0x01;
export const SUBFUNCTION_LIST_BLOCKS_OF_TYPE = 0x02;
export const SUBFUNCTION_BLOCK_INFO = 0x03;

export interface BlockCount {
  /** Two ASCII characters read big-endian: 0x3038 is '08', OB. */
  blockType: number;
  blockTypeName?: BlockTypeName;
  count: number;
}

export interface BlockListBody {
  kind: 'block_list';
  entries: BlockCount[];
}

export interface BlockListOfTypeRequest {
  kind: 'block_list_of_type_request';
  blockType: number;
  blockTypeName?: BlockTypeName;
}

export interface BlockEntry {
  blockNumber: number;
  /** Flags of unknown meaning (0x22 in captures). */
  flags: number;
  /** 1 AWL, 2 KOP, 3 FUP, 4 SCL, 5 DB, 6 GRAPH, ... */
  language: number;
  languageName?: string;
}

export interface BlockListOfTypeBody {
  kind: 'block_list_of_type';
  entries: BlockEntry[];
}

export interface BlockInfoRequest {
  kind: 'block_info_request';
  /** 8 characters: type (2), number (5 digits), file system (1): '0A00001A'. */
  name: string;
  info?: BlockFileInfo;
}

export function decodeBlockList(payload: Uint8Array): BlockListBody {
  // Entries of 4 bytes: block type (2 ASCII), count (2). The caller checked the length.
  const entries: BlockCount[] = [];
  for (let i = 0; i + 4 <= payload.length; i += 4) {
    const blockType = u16(payload, i);
    entries.push({
      blockType,
      blockTypeName: blockTypeName(blockType),
      count: u16(payload, i + 2),
    });
  }
  return { kind: 'block_list', entries };
}

export function writeBlockList(w: ByteWriter, body: BlockListBody): void {
  for (const e of body.entries) w.u16(e.blockType).u16(e.count);
}

export function decodeBlockListOfTypeRequest(payload: Uint8Array): BlockListOfTypeRequest {
  const blockType = u16(payload, 0);
  return { kind: 'block_list_of_type_request', blockType, blockTypeName: blockTypeName(blockType) };
}

export function writeBlockListOfTypeRequest(w: ByteWriter, body: BlockListOfTypeRequest): void {
  w.u16(body.blockType);
}

export function decodeBlockListOfType(payload: Uint8Array): BlockListOfTypeBody {
  // Entries of 4 bytes: block number (2), flags (1), language (1).
  const entries: BlockEntry[] = [];
  for (let i = 0; i + 4 <= payload.length; i += 4) {
    const language = payload[i + 3] ?? 0;
    entries.push({
      blockNumber: u16(payload, i),
      flags: payload[i + 2] ?? 0,
      language,
      languageName: blockLanguageName(language),
    });
  }
  return { kind: 'block_list_of_type', entries };
}

export function writeBlockListOfType(w: ByteWriter, body: BlockListOfTypeBody): void {
  for (const e of body.entries) w.u16(e.blockNumber).u8(e.flags).u8(e.language);
}

export function decodeBlockInfoRequest(payload: Uint8Array): BlockInfoRequest {
  const name = latin1(payload, 0, 8);
  const info = blockFileInfo('_' + name);
  return info ? { kind: 'block_info_request', name, info } : { kind: 'block_info_request', name };
}

export function writeBlockInfoRequest(w: ByteWriter, body: BlockInfoRequest): void {
  for (let i = 0; i < 8; i++) w.u8(i < body.name.length ? body.name.charCodeAt(i) : 0x20);
}
