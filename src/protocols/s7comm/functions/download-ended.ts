// Download ended (function 0x1C): the CPU tells the station it has the whole block; an error code
// in the job reports a failed download.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import type { BlockFileInfo, PartOffsets } from './common.js';
import {
  decodeFunctionStatus,
  expectNoData,
  writeFunctionStatus,
  writeShortString,
} from './common.js';
import { decodeFileJob } from './download-block.js';

export const FUNCTION_DOWNLOAD_ENDED = 0x1c;

export interface DownloadEndedRequest {
  kind: 'download_ended_request';
  functionStatus: number;
  /** Error code in the parameter-error table (0x0000 when the download succeeded). */
  errorCode: number;
  reserved2: number;
  fileName: string;
  block?: BlockFileInfo;
}

export interface DownloadEndedResponse {
  kind: 'download_ended_response';
  functionStatus?: number;
}

export function decodeDownloadEndedRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<DownloadEndedRequest> {
  // 1C, status (1), error code (2), unknown (4), file name length (1), file name.
  const job = decodeFileJob(parameter, data, at, 'download ended');
  if (!job.ok) return job;
  const { functionStatus, word, dword, fileName, block } = job.value;
  return ok({
    kind: 'download_ended_request',
    functionStatus,
    errorCode: word,
    reserved2: dword,
    fileName,
    ...(block ? { block } : {}),
  });
}

export function writeDownloadEndedRequest(
  message: DownloadEndedRequest,
  parameter: ByteWriter,
): void {
  parameter.u8(FUNCTION_DOWNLOAD_ENDED).u8(message.functionStatus);
  parameter.u16(message.errorCode).u32(message.reserved2);
  writeShortString(parameter, message.fileName);
}

export function decodeDownloadEndedResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<DownloadEndedResponse> {
  const status = decodeFunctionStatus(parameter, 'download ended', at);
  if (!status.ok) return status;
  const noData = expectNoData(data, 'download ended ack-data', at);
  if (noData) return fail(noData);
  return ok(
    status.value === undefined
      ? { kind: 'download_ended_response' }
      : { kind: 'download_ended_response', functionStatus: status.value },
  );
}

export function writeDownloadEndedResponse(
  message: DownloadEndedResponse,
  parameter: ByteWriter,
): void {
  writeFunctionStatus(parameter, FUNCTION_DOWNLOAD_ENDED, message.functionStatus);
}
