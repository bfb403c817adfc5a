// Schneider Electric's UMAS, carried in Modbus function 90 (0x5A): the session key and the UMAS
// function code (requests) or status (replies) are decoded, the rest is kept as is. Schneider
// publishes no specification; the layout is the one public research agrees on (see UMAS_FUNCTIONS
// in codes.ts) and the one the ITI Modicon capture shows.
import type { PduWriter } from '../bytes.js';
import { u8 } from '../bytes.js';
import type { OpaquePdu } from './opaque.js';

export interface UmasRequest {
  kind: 'umas';
  pduType: 'request';
  /** 0x00 before a PLC reservation; the key the PLC handed out with it afterwards. */
  sessionKey: number;
  /** See UMAS_FUNCTIONS: 0x10 take reservation, 0x40 start PLC, 0x41 stop PLC, ... */
  umasFunctionCode: number;
  /** The UMAS payload after the function code. */
  data: Uint8Array;
}

export interface UmasResponse {
  kind: 'umas';
  pduType: 'response';
  sessionKey: number;
  /** 0xFE success, 0xFD error (see UMAS_STATUSES). */
  status: number;
  data: Uint8Array;
}

export type UmasPdu = UmasRequest | UmasResponse;

/** A UMAS PDU needs function code, key and code: 3 bytes. A shorter FC 90 PDU is still a
 * vendor PDU, not a failure, and comes back as an opaque one. */
export function decodeUmas(
  pduType: 'request' | 'response',
  b: Uint8Array,
  start: number,
  end: number,
): UmasPdu | OpaquePdu {
  // function code 0x5A (1), session key (1), UMAS function code or status (1), data (N)
  if (end - start < 3) {
    return { kind: 'opaque', pduType, functionCode: 90, data: b.subarray(start + 1, end) };
  }
  const sessionKey = u8(b, start + 1);
  const code = u8(b, start + 2);
  const data = b.subarray(start + 3, end);
  return pduType === 'request'
    ? { kind: 'umas', pduType, sessionKey, umasFunctionCode: code, data }
    : { kind: 'umas', pduType, sessionKey, status: code, data };
}

export function encodeUmas(pdu: UmasPdu, w: PduWriter): void {
  w.u8(90, 'function code');
  w.u8(pdu.sessionKey, 'UMAS session key');
  if (pdu.pduType === 'request') w.u8(pdu.umasFunctionCode, 'UMAS function code');
  else w.u8(pdu.status, 'UMAS status');
  w.bytes(pdu.data);
}
