// Start upload (function 0x1D): the station asks the CPU for a block by file name; the CPU
// answers with an upload id and the block length as a decimal string.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { u16, u32 } from '../bytes.js';
import type { BlockFileInfo, PartOffsets } from './common.js';
import {
  badParameter,
  blockFileInfo,
  expectNoData,
  readShortString,
  writeShortString,
} from './common.js';

export const FUNCTION_START_UPLOAD = 0x1d;

export interface StartUploadRequest {
  kind: 'start_upload_request';
  functionStatus: number;
  reserved1: number;
  uploadId: number;
  fileName: string;
  block?: BlockFileInfo;
}

export interface StartUploadResponse {
  kind: 'start_upload_response';
  functionStatus: number;
  reserved1: number;
  /** The id the next upload and end upload jobs name. */
  uploadId: number;
  /** Length of the complete block in bytes, as the decimal string sent ('0000216'). */
  blockLength?: string;
}

export function decodeStartUploadRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<StartUploadRequest> {
  // 1D, status (1), unknown (2), upload id (4), file name length (1), file name.
  const file = readShortString(parameter, 8, parameter.length);
  if (file?.next !== parameter.length) {
    return fail(
      badParameter('start upload parameter does not end with its file name', at.parameter),
    );
  }
  const noData = expectNoData(data, 'start upload job', at);
  if (noData) return fail(noData);
  const block = blockFileInfo(file.text);
  return ok({
    kind: 'start_upload_request',
    functionStatus: parameter[1] ?? 0,
    reserved1: u16(parameter, 2),
    uploadId: u32(parameter, 4),
    fileName: file.text,
    ...(block ? { block } : {}),
  });
}

export function writeStartUploadRequest(message: StartUploadRequest, parameter: ByteWriter): void {
  parameter.u8(FUNCTION_START_UPLOAD).u8(message.functionStatus);
  parameter.u16(message.reserved1).u32(message.uploadId);
  writeShortString(parameter, message.fileName);
}

export function decodeStartUploadResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<StartUploadResponse> {
  // 1D, status (1), unknown (2), upload id (4), [length string length (1), length string].
  if (parameter.length < 8) {
    return fail(
      badParameter(
        `start upload ack-data parameter of ${parameter.length} bytes, at least 8 needed`,
        at.parameter,
      ),
    );
  }
  const message: StartUploadResponse = {
    kind: 'start_upload_response',
    functionStatus: parameter[1] ?? 0,
    reserved1: u16(parameter, 2),
    uploadId: u32(parameter, 4),
  };
  if (parameter.length > 8) {
    const length = readShortString(parameter, 8, parameter.length);
    if (length?.next !== parameter.length) {
      return fail(
        badParameter(
          'start upload block length string does not fit the parameter part',
          at.parameter + 8,
        ),
      );
    }
    message.blockLength = length.text;
  }
  const noData = expectNoData(data, 'start upload ack-data', at);
  if (noData) return fail(noData);
  return ok(message);
}

export function writeStartUploadResponse(
  message: StartUploadResponse,
  parameter: ByteWriter,
): void {
  parameter.u8(FUNCTION_START_UPLOAD).u8(message.functionStatus);
  parameter.u16(message.reserved1).u32(message.uploadId);
  if (message.blockLength !== undefined) writeShortString(parameter, message.blockLength);
}
