// Exception responses: the function code with its high bit set, then one exception code
// (Modbus Application Protocol v1.1b3, 7).
import type { ModbusPduError } from '../errors.js';
import { exactLength, refuse, u8, type PduWriter } from '../bytes.js';

export interface ExceptionResponse {
  kind: 'exception';
  pduType: 'exception';
  /** The function code of the request, without the 0x80 bit, as tshark reports it: an
   * exception to FC 8 (0x88 on the wire) gives 8. */
  functionCode: number;
  /** See EXCEPTION_CODES: 1-4, 5, 6, 8, 10, 11; other values are kept and named unknown-N. */
  exceptionCode: number;
}

export function decodeException(
  b: Uint8Array,
  start: number,
  end: number,
): ExceptionResponse | ModbusPduError {
  // function code + 0x80 (1), exception code (1)
  const wrongLength = exactLength(b, start, end, 2, 'exception response');
  if (wrongLength !== undefined) {
    // Report the function the exception answers, masked as everywhere else.
    return refuse(
      wrongLength.code,
      wrongLength.message,
      wrongLength.offset ?? 0,
      u8(b, start) & 0x7f,
    );
  }
  return {
    kind: 'exception',
    pduType: 'exception',
    functionCode: u8(b, start) & 0x7f,
    exceptionCode: u8(b, start + 1),
  };
}

export function encodeException(pdu: ExceptionResponse, w: PduWriter): void {
  if (!Number.isInteger(pdu.functionCode) || pdu.functionCode < 0 || pdu.functionCode > 0x7f) {
    w.fail(`exception function code must be an integer 0..127, got ${String(pdu.functionCode)}`);
    return;
  }
  w.u8(pdu.functionCode | 0x80, 'function code');
  w.u8(pdu.exceptionCode, 'exception code');
}

/** The exception response a server sends for a request it refuses. */
export function exceptionPdu(functionCode: number, exceptionCode: number): ExceptionResponse {
  return {
    kind: 'exception',
    pduType: 'exception',
    functionCode: functionCode & 0x7f,
    exceptionCode,
  };
}
