// Decodes and encodes one Modbus PDU (function code + data). The same function code lays out
// requests and responses differently (Modbus Application Protocol v1.1b3, 6), so the caller says
// which direction the bytes travelled: the gateway and the sensor know it from the port.
import { fail, ok, type Decoded } from '../errors.js';
import { MAX_PDU_LENGTH, PduWriter, refuse, u8 } from './bytes.js';
import { FUNCTION_CODES } from './codes.js';
import type { ModbusPduError } from './errors.js';
import { decodeDiagnostics, encodeDiagnostics, type Diagnostics } from './functions/diagnostics.js';
import {
  decodeEncapsulated,
  encodeCanopenGeneralReference,
  encodeEncapsulatedInterfaceTransport,
  type CanopenGeneralReference,
  type EncapsulatedInterfaceTransport,
} from './functions/encapsulated-interface-transport.js';
import { decodeException, encodeException, type ExceptionResponse } from './functions/exception.js';
import {
  decodeGetCommEventCounterRequest,
  decodeGetCommEventCounterResponse,
  encodeGetCommEventCounterRequest,
  encodeGetCommEventCounterResponse,
  type GetCommEventCounterRequest,
  type GetCommEventCounterResponse,
} from './functions/get-comm-event-counter.js';
import {
  decodeGetCommEventLogRequest,
  decodeGetCommEventLogResponse,
  encodeGetCommEventLogRequest,
  encodeGetCommEventLogResponse,
  type GetCommEventLogRequest,
  type GetCommEventLogResponse,
} from './functions/get-comm-event-log.js';
import {
  decodeMaskWriteRegister,
  encodeMaskWriteRegister,
  type MaskWriteRegister,
} from './functions/mask-write-register.js';
import { decodeOpaque, encodeOpaque, type OpaquePdu } from './functions/opaque.js';
import {
  decodeReadBitsRequest,
  decodeReadBitsResponse,
  encodeReadBitsRequest,
  encodeReadBitsResponse,
  type ReadBitsRequest,
  type ReadBitsResponse,
} from './functions/read-bits.js';
import {
  encodeReadDeviceIdentificationRequest,
  encodeReadDeviceIdentificationResponse,
  type ReadDeviceIdentificationRequest,
  type ReadDeviceIdentificationResponse,
} from './functions/read-device-identification.js';
import {
  decodeReadExceptionStatusRequest,
  decodeReadExceptionStatusResponse,
  encodeReadExceptionStatusRequest,
  encodeReadExceptionStatusResponse,
  type ReadExceptionStatusRequest,
  type ReadExceptionStatusResponse,
} from './functions/read-exception-status.js';
import {
  decodeReadFifoQueueRequest,
  decodeReadFifoQueueResponse,
  encodeReadFifoQueueRequest,
  encodeReadFifoQueueResponse,
  type ReadFifoQueueRequest,
  type ReadFifoQueueResponse,
} from './functions/read-fifo-queue.js';
import {
  decodeReadFileRecordRequest,
  decodeReadFileRecordResponse,
  encodeReadFileRecordRequest,
  encodeReadFileRecordResponse,
  type ReadFileRecordRequest,
  type ReadFileRecordResponse,
} from './functions/read-file-record.js';
import {
  decodeReadRegistersRequest,
  decodeReadRegistersResponse,
  encodeReadRegistersRequest,
  encodeReadRegistersResponse,
  type ReadRegistersRequest,
  type ReadRegistersResponse,
} from './functions/read-registers.js';
import {
  decodeReadWriteMultipleRegistersRequest,
  decodeReadWriteMultipleRegistersResponse,
  encodeReadWriteMultipleRegistersRequest,
  encodeReadWriteMultipleRegistersResponse,
  type ReadWriteMultipleRegistersRequest,
  type ReadWriteMultipleRegistersResponse,
} from './functions/read-write-multiple-registers.js';
import {
  decodeReportServerIdRequest,
  decodeReportServerIdResponse,
  encodeReportServerIdRequest,
  encodeReportServerIdResponse,
  type ReportServerIdRequest,
  type ReportServerIdResponse,
} from './functions/report-server-id.js';
import { decodeUmas, encodeUmas, type UmasRequest, type UmasResponse } from './functions/umas.js';
import {
  decodeWriteFileRecord,
  encodeWriteFileRecord,
  type WriteFileRecord,
} from './functions/write-file-record.js';
import {
  decodeWriteMultipleCoilsRequest,
  decodeWriteMultipleCoilsResponse,
  encodeWriteMultipleCoilsRequest,
  encodeWriteMultipleCoilsResponse,
  type WriteMultipleCoilsRequest,
  type WriteMultipleCoilsResponse,
} from './functions/write-multiple-coils.js';
import {
  decodeWriteMultipleRegistersRequest,
  decodeWriteMultipleRegistersResponse,
  encodeWriteMultipleRegistersRequest,
  encodeWriteMultipleRegistersResponse,
  type WriteMultipleRegistersRequest,
  type WriteMultipleRegistersResponse,
} from './functions/write-multiple-registers.js';
import {
  decodeWriteSingleCoil,
  encodeWriteSingleCoil,
  type WriteSingleCoil,
} from './functions/write-single-coil.js';
import {
  decodeWriteSingleRegister,
  encodeWriteSingleRegister,
  type WriteSingleRegister,
} from './functions/write-single-register.js';

/** Which way a PDU travelled: a client's request or a server's response. */
export type Direction = 'request' | 'response';

/** Every PDU this codec decodes, told apart by `kind` and `pduType`. */
export type ModbusPdu =
  | ReadBitsRequest
  | ReadBitsResponse
  | ReadRegistersRequest
  | ReadRegistersResponse
  | WriteSingleCoil
  | WriteSingleRegister
  | ReadExceptionStatusRequest
  | ReadExceptionStatusResponse
  | Diagnostics
  | GetCommEventCounterRequest
  | GetCommEventCounterResponse
  | GetCommEventLogRequest
  | GetCommEventLogResponse
  | WriteMultipleCoilsRequest
  | WriteMultipleCoilsResponse
  | WriteMultipleRegistersRequest
  | WriteMultipleRegistersResponse
  | ReportServerIdRequest
  | ReportServerIdResponse
  | ReadFileRecordRequest
  | ReadFileRecordResponse
  | WriteFileRecord
  | MaskWriteRegister
  | ReadWriteMultipleRegistersRequest
  | ReadWriteMultipleRegistersResponse
  | ReadFifoQueueRequest
  | ReadFifoQueueResponse
  | ReadDeviceIdentificationRequest
  | ReadDeviceIdentificationResponse
  | CanopenGeneralReference
  | EncapsulatedInterfaceTransport
  | UmasRequest
  | UmasResponse
  | OpaquePdu
  | ExceptionResponse;

export type ModbusPduKind = ModbusPdu['kind'];

type PduDecoder = (b: Uint8Array, start: number, end: number) => ModbusPdu | ModbusPduError;

/** Decoders by function code, one table per direction; a missing entry means opaque. */
const REQUEST_DECODERS: (PduDecoder | undefined)[] = [];
const RESPONSE_DECODERS: (PduDecoder | undefined)[] = [];

function both(code: number, decode: (pduType: Direction) => PduDecoder): void {
  REQUEST_DECODERS[code] = decode('request');
  RESPONSE_DECODERS[code] = decode('response');
}

REQUEST_DECODERS[1] = (b, s, e) => decodeReadBitsRequest('read_coils', b, s, e);
RESPONSE_DECODERS[1] = (b, s, e) => decodeReadBitsResponse('read_coils', b, s, e);
REQUEST_DECODERS[2] = (b, s, e) => decodeReadBitsRequest('read_discrete_inputs', b, s, e);
RESPONSE_DECODERS[2] = (b, s, e) => decodeReadBitsResponse('read_discrete_inputs', b, s, e);
REQUEST_DECODERS[3] = (b, s, e) => decodeReadRegistersRequest('read_holding_registers', b, s, e);
RESPONSE_DECODERS[3] = (b, s, e) => decodeReadRegistersResponse('read_holding_registers', b, s, e);
REQUEST_DECODERS[4] = (b, s, e) => decodeReadRegistersRequest('read_input_registers', b, s, e);
RESPONSE_DECODERS[4] = (b, s, e) => decodeReadRegistersResponse('read_input_registers', b, s, e);
both(5, (t) => (b, s, e) => decodeWriteSingleCoil(t, b, s, e));
both(6, (t) => (b, s, e) => decodeWriteSingleRegister(t, b, s, e));
REQUEST_DECODERS[7] = decodeReadExceptionStatusRequest;
RESPONSE_DECODERS[7] = decodeReadExceptionStatusResponse;
both(8, (t) => (b, s, e) => decodeDiagnostics(t, b, s, e));
REQUEST_DECODERS[11] = decodeGetCommEventCounterRequest;
RESPONSE_DECODERS[11] = decodeGetCommEventCounterResponse;
REQUEST_DECODERS[12] = decodeGetCommEventLogRequest;
RESPONSE_DECODERS[12] = decodeGetCommEventLogResponse;
REQUEST_DECODERS[15] = decodeWriteMultipleCoilsRequest;
RESPONSE_DECODERS[15] = decodeWriteMultipleCoilsResponse;
REQUEST_DECODERS[16] = decodeWriteMultipleRegistersRequest;
RESPONSE_DECODERS[16] = decodeWriteMultipleRegistersResponse;
REQUEST_DECODERS[17] = decodeReportServerIdRequest;
RESPONSE_DECODERS[17] = decodeReportServerIdResponse;
REQUEST_DECODERS[20] = decodeReadFileRecordRequest;
RESPONSE_DECODERS[20] = decodeReadFileRecordResponse;
both(21, (t) => (b, s, e) => decodeWriteFileRecord(t, b, s, e));
both(22, (t) => (b, s, e) => decodeMaskWriteRegister(t, b, s, e));
REQUEST_DECODERS[23] = decodeReadWriteMultipleRegistersRequest;
RESPONSE_DECODERS[23] = decodeReadWriteMultipleRegistersResponse;
REQUEST_DECODERS[24] = decodeReadFifoQueueRequest;
RESPONSE_DECODERS[24] = decodeReadFifoQueueResponse;
both(43, (t) => (b, s, e) => decodeEncapsulated(t, b, s, e));
both(90, (t) => (b, s, e) => decodeUmas(t, b, s, e));

/**
 * Decodes the PDU in `b[start, end)`, the function code at `start`. The hot path of the
 * framing layer: no wrapper object, the result or a ModbusPduError whose offset counts from
 * the function code.
 */
export function decodePduAt(
  b: Uint8Array,
  start: number,
  end: number,
  direction: Direction,
): ModbusPdu | ModbusPduError {
  if (end <= start) {
    return refuse('OTS_MODBUS_BAD_PDU_LENGTH', 'the PDU is empty, it has no function code', 0, 0);
  }
  const code = u8(b, start);
  if (direction === 'response') {
    // 0x80 | code is an exception response (v1.1b3, 7); 0x80 itself answers function 0, which
    // real devices do (the ITI function-code scan has one).
    if (code >= 0x80) return decodeException(b, start, end);
    if (code === 0) {
      return refuse(
        'OTS_MODBUS_BAD_FUNCTION_CODE',
        'function code 0 is not valid (v1.1b3, 4.1)',
        0,
        0,
        1,
      );
    }
    // The common codes are called directly, not through the table's wrapper closures: one call
    // fewer per PDU, and call sites V8 can inline. The table decodes the rest, the same way.
    switch (code) {
      case 1:
        return decodeReadBitsResponse('read_coils', b, start, end);
      case 2:
        return decodeReadBitsResponse('read_discrete_inputs', b, start, end);
      case 3:
        return decodeReadRegistersResponse('read_holding_registers', b, start, end);
      case 4:
        return decodeReadRegistersResponse('read_input_registers', b, start, end);
      case 15:
        return decodeWriteMultipleCoilsResponse(b, start, end);
      case 16:
        return decodeWriteMultipleRegistersResponse(b, start, end);
      default:
        return (RESPONSE_DECODERS[code] ?? decodeOpaqueResponse)(b, start, end);
    }
  }
  if (code === 0 || code >= 0x80) {
    return refuse(
      'OTS_MODBUS_BAD_FUNCTION_CODE',
      `function code ${code} is not valid in a request: 0 is not used and 128-255 are for exception responses (v1.1b3, 4.1)`,
      0,
      code,
      1,
    );
  }
  switch (code) {
    case 1:
      return decodeReadBitsRequest('read_coils', b, start, end);
    case 2:
      return decodeReadBitsRequest('read_discrete_inputs', b, start, end);
    case 3:
      return decodeReadRegistersRequest('read_holding_registers', b, start, end);
    case 4:
      return decodeReadRegistersRequest('read_input_registers', b, start, end);
    case 15:
      return decodeWriteMultipleCoilsRequest(b, start, end);
    case 16:
      return decodeWriteMultipleRegistersRequest(b, start, end);
    default:
      return (REQUEST_DECODERS[code] ?? decodeOpaqueRequest)(b, start, end);
  }
}

function decodeOpaqueRequest(b: Uint8Array, start: number, end: number): OpaquePdu {
  return decodeOpaque('request', b, start, end);
}

function decodeOpaqueResponse(b: Uint8Array, start: number, end: number): OpaquePdu {
  return decodeOpaque('response', b, start, end);
}

/** Decodes one PDU. Data fields that are bytes (opaque data, diagnostics data, ...) are views
 * into `bytes`, not copies: copy them if `bytes` is reused. */
export function decodePdu(bytes: Uint8Array, direction: Direction): Decoded<ModbusPdu> {
  const result = decodePduAt(bytes, 0, bytes.length, direction);
  return 'kind' in result ? ok(result) : fail(result);
}

const KIND_CODES = {
  ...FUNCTION_CODES,
  read_device_identification: 43,
  canopen_general_reference: 43,
} as const;

/** The function code a PDU travels with (an exception's without its 0x80 bit, like tshark). */
export function functionCodeOf(pdu: ModbusPdu): number {
  switch (pdu.kind) {
    case 'opaque':
    case 'exception':
      return pdu.functionCode;
    case 'encapsulated_interface_transport':
      return 43;
    default:
      return KIND_CODES[pdu.kind];
  }
}

/** Writes one PDU into a writer; a value that does not fit its field sets `w.error`. */
export function encodePduInto(pdu: ModbusPdu, w: PduWriter): void {
  switch (pdu.kind) {
    case 'read_coils':
    case 'read_discrete_inputs':
      if (pdu.pduType === 'request') encodeReadBitsRequest(KIND_CODES[pdu.kind], pdu, w);
      else encodeReadBitsResponse(KIND_CODES[pdu.kind], pdu, w);
      return;
    case 'read_holding_registers':
    case 'read_input_registers':
      if (pdu.pduType === 'request') encodeReadRegistersRequest(KIND_CODES[pdu.kind], pdu, w);
      else encodeReadRegistersResponse(KIND_CODES[pdu.kind], pdu, w);
      return;
    case 'write_single_coil':
      encodeWriteSingleCoil(pdu, w);
      return;
    case 'write_single_register':
      encodeWriteSingleRegister(pdu, w);
      return;
    case 'read_exception_status':
      if (pdu.pduType === 'request') encodeReadExceptionStatusRequest(w);
      else encodeReadExceptionStatusResponse(pdu, w);
      return;
    case 'diagnostics':
      encodeDiagnostics(pdu, w);
      return;
    case 'get_comm_event_counter':
      if (pdu.pduType === 'request') encodeGetCommEventCounterRequest(w);
      else encodeGetCommEventCounterResponse(pdu, w);
      return;
    case 'get_comm_event_log':
      if (pdu.pduType === 'request') encodeGetCommEventLogRequest(w);
      else encodeGetCommEventLogResponse(pdu, w);
      return;
    case 'write_multiple_coils':
      if (pdu.pduType === 'request') encodeWriteMultipleCoilsRequest(pdu, w);
      else encodeWriteMultipleCoilsResponse(pdu, w);
      return;
    case 'write_multiple_registers':
      if (pdu.pduType === 'request') encodeWriteMultipleRegistersRequest(pdu, w);
      else encodeWriteMultipleRegistersResponse(pdu, w);
      return;
    case 'report_server_id':
      if (pdu.pduType === 'request') encodeReportServerIdRequest(w);
      else encodeReportServerIdResponse(pdu, w);
      return;
    case 'read_file_record':
      if (pdu.pduType === 'request') encodeReadFileRecordRequest(pdu, w);
      else encodeReadFileRecordResponse(pdu, w);
      return;
    case 'write_file_record':
      encodeWriteFileRecord(pdu, w);
      return;
    case 'mask_write_register':
      encodeMaskWriteRegister(pdu, w);
      return;
    case 'read_write_multiple_registers':
      if (pdu.pduType === 'request') encodeReadWriteMultipleRegistersRequest(pdu, w);
      else encodeReadWriteMultipleRegistersResponse(pdu, w);
      return;
    case 'read_fifo_queue':
      if (pdu.pduType === 'request') encodeReadFifoQueueRequest(pdu, w);
      else encodeReadFifoQueueResponse(pdu, w);
      return;
    case 'read_device_identification':
      if (pdu.pduType === 'request') encodeReadDeviceIdentificationRequest(pdu, w);
      else encodeReadDeviceIdentificationResponse(pdu, w);
      return;
    case 'canopen_general_reference':
      encodeCanopenGeneralReference(pdu, w);
      return;
    case 'encapsulated_interface_transport':
      encodeEncapsulatedInterfaceTransport(pdu, w);
      return;
    case 'umas':
      encodeUmas(pdu, w);
      return;
    case 'opaque':
      encodeOpaque(pdu, w);
      return;
    case 'exception':
      encodeException(pdu, w);
      return;
  }
}

export interface EncodeOptions {
  /** The largest PDU the encoder may produce: 253 by default (v1.1b3, 4.1). Raise it only to
   * imitate devices that exceed the specification, like Modicon PLCs answering UMAS. */
  maxPduLength?: number;
}

/** The PDU size limit an encoder works to: the option clamped to 1..65535 (the MBAP length
 * field is 16 bits), 253 when absent or not a number. */
export function maxPduLength(options: EncodeOptions): number {
  const wanted = options.maxPduLength;
  if (wanted === undefined || !Number.isFinite(wanted)) return MAX_PDU_LENGTH;
  return Math.min(0xfffe, Math.max(1, Math.floor(wanted)));
}

/** The PDU's bytes, or an error naming the field whose value does not fit. */
export function encodePdu(pdu: ModbusPdu, options: EncodeOptions = {}): Decoded<Uint8Array> {
  const w = new PduWriter(0, maxPduLength(options));
  encodePduInto(pdu, w);
  if (w.error !== undefined) return fail(w.error);
  return ok(w.buffer.subarray(0, w.position));
}
