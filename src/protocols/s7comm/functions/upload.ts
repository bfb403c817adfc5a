// Upload (function 0x1E): the station fetches the next piece of the block it started uploading;
// the ack-data carries the piece, with function status bit 0 set while more follow.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { u16, u32 } from '../bytes.js';
import type { PartOffsets } from './common.js';
import { badParameter, decodeFunctionStatus, expectNoData, writeFunctionStatus } from './common.js';
import type { BlockPiece } from './download-block.js';
import { decodeBlockPiece, writeBlockPiece } from './download-block.js';

export const FUNCTION_UPLOAD = 0x1e;

export interface UploadRequest {
  kind: 'upload_request';
  functionStatus: number;
  reserved1: number;
  uploadId: number;
}

export interface UploadResponse {
  kind: 'upload_response';
  functionStatus?: number;
  piece?: BlockPiece;
}

/** Upload and end upload jobs: function, status (1), 2 bytes, upload id (4); exactly 8 bytes. */
export function decodeUploadIdJob(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
  name: string,
): Decoded<{ functionStatus: number; word: number; uploadId: number }> {
  if (parameter.length !== 8) {
    return fail(
      badParameter(`${name} parameter of ${parameter.length} bytes, expected 8`, at.parameter),
    );
  }
  const noData = expectNoData(data, `${name} job`, at);
  if (noData) return fail(noData);
  return ok({
    functionStatus: parameter[1] ?? 0,
    word: u16(parameter, 2),
    uploadId: u32(parameter, 4),
  });
}

export function decodeUploadRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<UploadRequest> {
  const job = decodeUploadIdJob(parameter, data, at, 'upload');
  if (!job.ok) return job;
  return ok({
    kind: 'upload_request',
    functionStatus: job.value.functionStatus,
    reserved1: job.value.word,
    uploadId: job.value.uploadId,
  });
}

export function writeUploadRequest(message: UploadRequest, parameter: ByteWriter): void {
  parameter.u8(FUNCTION_UPLOAD).u8(message.functionStatus);
  parameter.u16(message.reserved1).u32(message.uploadId);
}

export function decodeUploadResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<UploadResponse> {
  const status = decodeFunctionStatus(parameter, 'upload', at);
  if (!status.ok) return status;
  const piece = decodeBlockPiece(data, at);
  if (!piece.ok) return piece;
  const message: UploadResponse = { kind: 'upload_response' };
  if (status.value !== undefined) message.functionStatus = status.value;
  if (piece.value) message.piece = piece.value;
  return ok(message);
}

export function writeUploadResponse(
  message: UploadResponse,
  parameter: ByteWriter,
  data: ByteWriter,
): void {
  writeFunctionStatus(parameter, FUNCTION_UPLOAD, message.functionStatus);
  writeBlockPiece(data, message.piece);
}
