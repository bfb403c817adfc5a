// One S7 PDU (the user data of a COTP TSDU): the header, then a message decoded by ROSCTR and
// function code — job and ack-data per function, userdata per group — or kept as its two parts.
import type { Decoded } from '../errors.js';
import { fail, ok } from '../errors.js';
import { ByteWriter } from './bytes.js';
import { s7Error } from './errors.js';
import type { PartOffsets } from './functions/common.js';
import type { DownloadBlockRequest, DownloadBlockResponse } from './functions/download-block.js';
import {
  FUNCTION_DOWNLOAD_BLOCK,
  decodeDownloadBlockRequest,
  decodeDownloadBlockResponse,
  writeDownloadBlockRequest,
  writeDownloadBlockResponse,
} from './functions/download-block.js';
import type { DownloadEndedRequest, DownloadEndedResponse } from './functions/download-ended.js';
import {
  FUNCTION_DOWNLOAD_ENDED,
  decodeDownloadEndedRequest,
  decodeDownloadEndedResponse,
  writeDownloadEndedRequest,
  writeDownloadEndedResponse,
} from './functions/download-ended.js';
import type { EndUploadRequest, EndUploadResponse } from './functions/end-upload.js';
import {
  FUNCTION_END_UPLOAD,
  decodeEndUploadRequest,
  decodeEndUploadResponse,
  writeEndUploadRequest,
  writeEndUploadResponse,
} from './functions/end-upload.js';
import type { PiServiceRequest, PiServiceResponse } from './functions/pi-service.js';
import {
  FUNCTION_PI_SERVICE,
  decodePiServiceRequest,
  decodePiServiceResponse,
  writePiServiceRequest,
  writePiServiceResponse,
} from './functions/pi-service.js';
import type { PlcStopRequest, PlcStopResponse } from './functions/plc-stop.js';
import {
  FUNCTION_PLC_STOP,
  decodePlcStopRequest,
  decodePlcStopResponse,
  writePlcStopRequest,
  writePlcStopResponse,
} from './functions/plc-stop.js';
import type { ReadVarRequest, ReadVarResponse } from './functions/read-var.js';
import {
  FUNCTION_READ_VAR,
  decodeReadVarRequest,
  decodeReadVarResponse,
  writeReadVarRequest,
  writeReadVarResponse,
} from './functions/read-var.js';
import type {
  RequestDownloadRequest,
  RequestDownloadResponse,
} from './functions/request-download.js';
import {
  FUNCTION_REQUEST_DOWNLOAD,
  decodeRequestDownloadRequest,
  decodeRequestDownloadResponse,
  writeRequestDownloadRequest,
  writeRequestDownloadResponse,
} from './functions/request-download.js';
import type { SetupCommunication } from './functions/setup-communication.js';
import {
  FUNCTION_SETUP_COMMUNICATION,
  decodeSetupCommunication,
  writeSetupCommunication,
} from './functions/setup-communication.js';
import type { StartUploadRequest, StartUploadResponse } from './functions/start-upload.js';
import {
  FUNCTION_START_UPLOAD,
  decodeStartUploadRequest,
  decodeStartUploadResponse,
  writeStartUploadRequest,
  writeStartUploadResponse,
} from './functions/start-upload.js';
import type { UploadRequest, UploadResponse } from './functions/upload.js';
import {
  FUNCTION_UPLOAD,
  decodeUploadRequest,
  decodeUploadResponse,
  writeUploadRequest,
  writeUploadResponse,
} from './functions/upload.js';
import type { WriteVarRequest, WriteVarResponse } from './functions/write-var.js';
import {
  FUNCTION_WRITE_VAR,
  decodeWriteVarRequest,
  decodeWriteVarResponse,
  writeWriteVarRequest,
  writeWriteVarResponse,
} from './functions/write-var.js';
import type { S7Header, S7HeaderInit } from './header.js';
import {
  ROSCTR_ACK_DATA,
  ROSCTR_JOB,
  ROSCTR_USERDATA,
  decodeS7Header,
  s7HeaderLength,
  writeS7Header,
} from './header.js';
import type { UserdataMessage } from './userdata/userdata.js';
import { decodeUserdata, writeUserdata } from './userdata/userdata.js';

/**
 * A PDU this module keeps as its two parts: ack (ROSCTR 2), an unknown function, an empty
 * parameter part (some error ack-data), or a userdata form other than 00 01 12.
 */
export interface RawMessage {
  kind: 'raw';
  parameter: Uint8Array;
  data: Uint8Array;
}

export type S7Message =
  | SetupCommunication
  | ReadVarRequest
  | ReadVarResponse
  | WriteVarRequest
  | WriteVarResponse
  | PiServiceRequest
  | PiServiceResponse
  | PlcStopRequest
  | PlcStopResponse
  | RequestDownloadRequest
  | RequestDownloadResponse
  | DownloadBlockRequest
  | DownloadBlockResponse
  | DownloadEndedRequest
  | DownloadEndedResponse
  | StartUploadRequest
  | StartUploadResponse
  | UploadRequest
  | UploadResponse
  | EndUploadRequest
  | EndUploadResponse
  | UserdataMessage
  | RawMessage;

export interface S7Pdu {
  header: S7Header;
  message: S7Message;
}

/** What encodeS7Pdu takes: the header without its lengths (computed) and a message. */
export interface S7PduInit {
  header: S7HeaderInit;
  message: S7Message;
}

type PartDecoder = (parameter: Uint8Array, data: Uint8Array, at: PartOffsets) => Decoded<S7Message>;

/** Decoders by function code, as 256-entry arrays: one indexed load per PDU on the hot path. */
function byFunction(
  entries: readonly (readonly [number, PartDecoder])[],
): (PartDecoder | undefined)[] {
  const table: (PartDecoder | undefined)[] = new Array<PartDecoder | undefined>(256).fill(
    undefined,
  );
  for (const [code, decode] of entries) table[code] = decode;
  return table;
}

const JOB = byFunction([
  [FUNCTION_SETUP_COMMUNICATION, decodeSetupCommunication],
  [FUNCTION_READ_VAR, decodeReadVarRequest],
  [FUNCTION_WRITE_VAR, decodeWriteVarRequest],
  [FUNCTION_PI_SERVICE, decodePiServiceRequest],
  [FUNCTION_PLC_STOP, decodePlcStopRequest],
  [FUNCTION_REQUEST_DOWNLOAD, decodeRequestDownloadRequest],
  [FUNCTION_DOWNLOAD_BLOCK, decodeDownloadBlockRequest],
  [FUNCTION_DOWNLOAD_ENDED, decodeDownloadEndedRequest],
  [FUNCTION_START_UPLOAD, decodeStartUploadRequest],
  [FUNCTION_UPLOAD, decodeUploadRequest],
  [FUNCTION_END_UPLOAD, decodeEndUploadRequest],
]);

const ACK_DATA = byFunction([
  [FUNCTION_SETUP_COMMUNICATION, decodeSetupCommunication],
  [FUNCTION_READ_VAR, decodeReadVarResponse],
  [FUNCTION_WRITE_VAR, decodeWriteVarResponse],
  [FUNCTION_PI_SERVICE, decodePiServiceResponse],
  [FUNCTION_PLC_STOP, decodePlcStopResponse],
  [FUNCTION_REQUEST_DOWNLOAD, decodeRequestDownloadResponse],
  [FUNCTION_DOWNLOAD_BLOCK, decodeDownloadBlockResponse],
  [FUNCTION_DOWNLOAD_ENDED, decodeDownloadEndedResponse],
  [FUNCTION_START_UPLOAD, decodeStartUploadResponse],
  [FUNCTION_UPLOAD, decodeUploadResponse],
  [FUNCTION_END_UPLOAD, decodeEndUploadResponse],
]);

/** Decode one S7 PDU; its header lengths must account for every byte. */
export function decodeS7Pdu(bytes: Uint8Array): Decoded<S7Pdu> {
  const h = decodeS7Header(bytes);
  if (!h.ok) return h;
  const header = h.value;
  const headerLength = s7HeaderLength(header.rosctr);
  const parameterEnd = headerLength + header.parameterLength;
  const end = parameterEnd + header.dataLength;
  if (end !== bytes.length) {
    return fail(
      s7Error(
        'OTS_S7COMM_LENGTH_MISMATCH',
        `header announces ${headerLength} + ${header.parameterLength} + ${header.dataLength} bytes, the PDU holds ${bytes.length}`,
        6,
      ),
    );
  }
  const parameter = bytes.subarray(headerLength, parameterEnd);
  const data = bytes.subarray(parameterEnd, end);
  const at: PartOffsets = { parameter: headerLength, data: parameterEnd };

  let message: Decoded<S7Message> | undefined;
  if (header.rosctr === ROSCTR_USERDATA) {
    // 00 01 12 is the userdata form this module decodes; mode transition (01 ...) and USEND stay raw.
    if (parameter[0] === 0x00 && parameter[2] === 0x12 && parameter[4] !== 0x13) {
      message = decodeUserdata(parameter, data, at);
    }
  } else if (
    parameter.length > 0 &&
    (header.rosctr === ROSCTR_JOB || header.rosctr === ROSCTR_ACK_DATA)
  ) {
    const decode = (header.rosctr === ROSCTR_JOB ? JOB : ACK_DATA)[parameter[0] ?? 0];
    if (decode) message = decode(parameter, data, at);
  }
  if (message === undefined) return ok({ header, message: { kind: 'raw', parameter, data } });
  if (!message.ok) return message;
  return ok({ header, message: message.value });
}

function writeMessage(message: S7Message, p: ByteWriter, d: ByteWriter): void {
  switch (message.kind) {
    case 'setup_communication':
      writeSetupCommunication(message, p);
      return;
    case 'read_var_request':
      writeReadVarRequest(message, p);
      return;
    case 'read_var_response':
      writeReadVarResponse(message, p, d);
      return;
    case 'write_var_request':
      writeWriteVarRequest(message, p, d);
      return;
    case 'write_var_response':
      writeWriteVarResponse(message, p, d);
      return;
    case 'pi_service_request':
      writePiServiceRequest(message, p);
      return;
    case 'pi_service_response':
      writePiServiceResponse(message, p);
      return;
    case 'plc_stop_request':
      writePlcStopRequest(message, p);
      return;
    case 'plc_stop_response':
      writePlcStopResponse(message, p);
      return;
    case 'request_download_request':
      writeRequestDownloadRequest(message, p);
      return;
    case 'request_download_response':
      writeRequestDownloadResponse(message, p);
      return;
    case 'download_block_request':
      writeDownloadBlockRequest(message, p);
      return;
    case 'download_block_response':
      writeDownloadBlockResponse(message, p, d);
      return;
    case 'download_ended_request':
      writeDownloadEndedRequest(message, p);
      return;
    case 'download_ended_response':
      writeDownloadEndedResponse(message, p);
      return;
    case 'start_upload_request':
      writeStartUploadRequest(message, p);
      return;
    case 'start_upload_response':
      writeStartUploadResponse(message, p);
      return;
    case 'upload_request':
      writeUploadRequest(message, p);
      return;
    case 'upload_response':
      writeUploadResponse(message, p, d);
      return;
    case 'end_upload_request':
      writeEndUploadRequest(message, p);
      return;
    case 'end_upload_response':
      writeEndUploadResponse(message, p);
      return;
    case 'userdata':
      writeUserdata(message, p, d);
      return;
    case 'raw':
      p.bytes(message.parameter);
      d.bytes(message.data);
      return;
  }
}

/**
 * Encode an S7 PDU: header lengths are computed from the message. A message whose parts exceed
 * 65535 bytes cannot be framed; its length fields wrap, as on the wire.
 */
export function encodeS7Pdu(pdu: S7PduInit): Uint8Array {
  const p = new ByteWriter(64);
  const d = new ByteWriter(64);
  writeMessage(pdu.message, p, d);
  const w = new ByteWriter(12 + p.length + d.length);
  writeS7Header(w, pdu.header, p.length, d.length);
  w.bytes(p.finish()).bytes(d.finish());
  return w.finish();
}
