// End upload (function 0x1F): the station closes the upload it started; an error code reports an
// aborted upload.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import type { PartOffsets } from './common.js';
import { decodeFunctionStatus, expectNoData, writeFunctionStatus } from './common.js';
import { decodeUploadIdJob } from './upload.js';

export const FUNCTION_END_UPLOAD = 0x1f;

export interface EndUploadRequest {
  kind: 'end_upload_request';
  functionStatus: number;
  /** Error code in the parameter-error table (0x0000 normally). */
  errorCode: number;
  uploadId: number;
}

export interface EndUploadResponse {
  kind: 'end_upload_response';
  functionStatus?: number;
}

export function decodeEndUploadRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<EndUploadRequest> {
  // 1F, status (1), error code (2), upload id (4).
  const job = decodeUploadIdJob(parameter, data, at, 'end upload');
  if (!job.ok) return job;
  return ok({
    kind: 'end_upload_request',
    functionStatus: job.value.functionStatus,
    errorCode: job.value.word,
    uploadId: job.value.uploadId,
  });
}

export function writeEndUploadRequest(message: EndUploadRequest, parameter: ByteWriter): void {
  parameter.u8(FUNCTION_END_UPLOAD).u8(message.functionStatus);
  parameter.u16(message.errorCode).u32(message.uploadId);
}

export function decodeEndUploadResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<EndUploadResponse> {
  const status = decodeFunctionStatus(parameter, 'end upload', at);
  if (!status.ok) return status;
  const noData = expectNoData(data, 'end upload ack-data', at);
  if (noData) return fail(noData);
  return ok(
    status.value === undefined
      ? { kind: 'end_upload_response' }
      : { kind: 'end_upload_response', functionStatus: status.value },
  );
}

export function writeEndUploadResponse(message: EndUploadResponse, parameter: ByteWriter): void {
  writeFunctionStatus(parameter, FUNCTION_END_UPLOAD, message.functionStatus);
}
