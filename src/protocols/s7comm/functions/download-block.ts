// Download block (function 0x1B): the CPU pulls the announced block from the engineering station
// (the job goes from the CPU to the station); each ack-data carries the next piece of the block.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { u16, u32 } from '../bytes.js';
import type { BlockFileInfo, PartOffsets } from './common.js';
import {
  badData,
  badParameter,
  blockFileInfo,
  decodeFunctionStatus,
  expectNoData,
  readShortString,
  writeFunctionStatus,
  writeShortString,
} from './common.js';

export const FUNCTION_DOWNLOAD_BLOCK = 0x1b;

export interface DownloadBlockRequest {
  kind: 'download_block_request';
  functionStatus: number;
  reserved1: number;
  reserved2: number;
  fileName: string;
  block?: BlockFileInfo;
}

/** The data part of download block and upload ack-data: length (2), unknown (2), the bytes. */
export interface BlockPiece {
  /** 2 bytes of unknown meaning, 0x00FB in every capture. */
  reserved: number;
  bytes: Uint8Array;
}

export interface DownloadBlockResponse {
  kind: 'download_block_response';
  /** Bit 0 set: more pieces follow. */
  functionStatus?: number;
  piece?: BlockPiece;
}

export function decodeBlockPiece(
  data: Uint8Array,
  at: PartOffsets,
): Decoded<BlockPiece | undefined> {
  if (data.length === 0) return ok(undefined);
  // Length (2) counts the bytes after the 4-byte head (Wireshark, s7comm_decode_plc_controls_updownload).
  if (data.length < 4 || u16(data, 0) !== data.length - 4) {
    return fail(
      badData(`block data of ${data.length} bytes does not match its length field`, at.data),
    );
  }
  return ok({ reserved: u16(data, 2), bytes: data.subarray(4) });
}

export function writeBlockPiece(w: ByteWriter, piece: BlockPiece | undefined): void {
  if (piece === undefined) return;
  w.u16(piece.bytes.length).u16(piece.reserved).bytes(piece.bytes);
}

/** Shared by download block and download ended jobs: 1B/1C, status, 2 + 4 bytes, file name. */
export function decodeFileJob(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
  name: string,
): Decoded<{
  functionStatus: number;
  word: number;
  dword: number;
  fileName: string;
  block?: BlockFileInfo;
}> {
  const file = readShortString(parameter, 8, parameter.length);
  if (file?.next !== parameter.length) {
    return fail(badParameter(`${name} parameter does not end with its file name`, at.parameter));
  }
  const noData = expectNoData(data, `${name} job`, at);
  if (noData) return fail(noData);
  const block = blockFileInfo(file.text);
  return ok({
    functionStatus: parameter[1] ?? 0,
    word: u16(parameter, 2),
    dword: u32(parameter, 4),
    fileName: file.text,
    ...(block ? { block } : {}),
  });
}

export function decodeDownloadBlockRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<DownloadBlockRequest> {
  const job = decodeFileJob(parameter, data, at, 'download block');
  if (!job.ok) return job;
  const { functionStatus, word, dword, fileName, block } = job.value;
  return ok({
    kind: 'download_block_request',
    functionStatus,
    reserved1: word,
    reserved2: dword,
    fileName,
    ...(block ? { block } : {}),
  });
}

export function writeDownloadBlockRequest(
  message: DownloadBlockRequest,
  parameter: ByteWriter,
): void {
  parameter.u8(FUNCTION_DOWNLOAD_BLOCK).u8(message.functionStatus);
  parameter.u16(message.reserved1).u32(message.reserved2);
  writeShortString(parameter, message.fileName);
}

export function decodeDownloadBlockResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<DownloadBlockResponse> {
  const status = decodeFunctionStatus(parameter, 'download block', at);
  if (!status.ok) return status;
  const piece = decodeBlockPiece(data, at);
  if (!piece.ok) return piece;
  const message: DownloadBlockResponse = { kind: 'download_block_response' };
  if (status.value !== undefined) message.functionStatus = status.value;
  if (piece.value) message.piece = piece.value;
  return ok(message);
}

export function writeDownloadBlockResponse(
  message: DownloadBlockResponse,
  parameter: ByteWriter,
  data: ByteWriter,
): void {
  writeFunctionStatus(parameter, FUNCTION_DOWNLOAD_BLOCK, message.functionStatus);
  writeBlockPiece(data, message.piece);
}
