// Request download (function 0x1A): the engineering station announces a block it is about to
// load into the CPU, by file name (`_0A00001P`) and, optionally, its load memory and MC7 lengths.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { u16, u32 } from '../bytes.js';
import type { BlockFileInfo, PartOffsets } from './common.js';
import {
  badParameter,
  decodeStatusOnlyAck,
  blockFileInfo,
  expectNoData,
  readShortString,
  writeFunctionStatus,
  writeShortString,
} from './common.js';

export const FUNCTION_REQUEST_DOWNLOAD = 0x1a;

export interface RequestDownloadRequest {
  kind: 'request_download_request';
  functionStatus: number;
  /** 2 bytes of unknown meaning (0x0100 in captures). */
  reserved1: number;
  /** 4 bytes of unknown meaning (the upload id on uploads; 0 here). */
  reserved2: number;
  fileName: string;
  /** Decoder: the parts of a block file name. */
  block?: BlockFileInfo;
  /** Second string as sent: '1', load memory length (6 digits), MC7 code length (6 digits). */
  lengths?: string;
  /** Decoder: load memory length in bytes, from `lengths`. */
  loadMemoryLength?: number;
  /** Decoder: MC7 code length in bytes, from `lengths`. */
  mc7CodeLength?: number;
}

export interface RequestDownloadResponse {
  kind: 'request_download_response';
  functionStatus?: number;
}

export function decodeRequestDownloadRequest(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<RequestDownloadRequest> {
  // 1A, status (1), unknown (2), unknown (4), file name length (1), file name,
  // [length (1), '1', load memory length (6 ASCII digits), MC7 length (6 ASCII digits)].
  const name = readShortString(parameter, 8, parameter.length);
  if (name === undefined) {
    return fail(badParameter('request download parameter lacks its file name', at.parameter));
  }
  const message: RequestDownloadRequest = {
    kind: 'request_download_request',
    functionStatus: parameter[1] ?? 0,
    reserved1: u16(parameter, 2),
    reserved2: u32(parameter, 4),
    fileName: name.text,
  };
  const block = blockFileInfo(name.text);
  if (block) message.block = block;
  if (name.next < parameter.length) {
    const lengths = readShortString(parameter, name.next, parameter.length);
    if (lengths?.next !== parameter.length) {
      return fail(
        badParameter(
          'request download length string does not fit the parameter part',
          at.parameter + name.next,
        ),
      );
    }
    message.lengths = lengths.text;
    if (/^.\d{6}\d{6}$/.test(lengths.text)) {
      message.loadMemoryLength = Number(lengths.text.slice(1, 7));
      message.mc7CodeLength = Number(lengths.text.slice(7, 13));
    }
  }
  const noData = expectNoData(data, 'request download job', at);
  if (noData) return fail(noData);
  return ok(message);
}

export function writeRequestDownloadRequest(
  message: RequestDownloadRequest,
  parameter: ByteWriter,
): void {
  parameter.u8(FUNCTION_REQUEST_DOWNLOAD).u8(message.functionStatus);
  parameter.u16(message.reserved1).u32(message.reserved2);
  writeShortString(parameter, message.fileName);
  if (message.lengths !== undefined) writeShortString(parameter, message.lengths);
}

export function decodeRequestDownloadResponse(
  parameter: Uint8Array,
  data: Uint8Array,
  at: PartOffsets,
): Decoded<RequestDownloadResponse> {
  return decodeStatusOnlyAck('request_download_response', 'request download', parameter, data, at);
}

export function writeRequestDownloadResponse(
  message: RequestDownloadResponse,
  parameter: ByteWriter,
): void {
  writeFunctionStatus(parameter, FUNCTION_REQUEST_DOWNLOAD, message.functionStatus);
}
