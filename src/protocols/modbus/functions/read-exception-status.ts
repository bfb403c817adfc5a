// Read Exception Status (FC 7), a serial-line function that some TCP devices answer too
// (Modbus Application Protocol v1.1b3, 6.7).
import type { ModbusPduError } from '../errors.js';
import { exactLength, u8, type PduWriter } from '../bytes.js';

export interface ReadExceptionStatusRequest {
  kind: 'read_exception_status';
  pduType: 'request';
}

export interface ReadExceptionStatusResponse {
  kind: 'read_exception_status';
  pduType: 'response';
  /** Eight device-specific exception status outputs, one byte. */
  outputData: number;
}

export function decodeReadExceptionStatusRequest(
  b: Uint8Array,
  start: number,
  end: number,
): ReadExceptionStatusRequest | ModbusPduError {
  // function code only
  return (
    exactLength(b, start, end, 1, 'read_exception_status request') ?? {
      kind: 'read_exception_status',
      pduType: 'request',
    }
  );
}

export function decodeReadExceptionStatusResponse(
  b: Uint8Array,
  start: number,
  end: number,
): ReadExceptionStatusResponse | ModbusPduError {
  // function code (1), output data (1)
  return (
    exactLength(b, start, end, 2, 'read_exception_status response') ?? {
      kind: 'read_exception_status',
      pduType: 'response',
      outputData: u8(b, start + 1),
    }
  );
}

export function encodeReadExceptionStatusRequest(w: PduWriter): void {
  w.u8(7, 'function code');
}

export function encodeReadExceptionStatusResponse(
  pdu: ReadExceptionStatusResponse,
  w: PduWriter,
): void {
  w.u8(7, 'function code');
  w.u8(pdu.outputData, 'output data');
}
