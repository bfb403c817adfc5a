// Get Comm Event Counter (FC 11): a status word and the count of successful messages (Modbus
// Application Protocol v1.1b3, 6.9).
import type { ModbusPduError } from '../errors.js';
import { exactLength, u16, type PduWriter } from '../bytes.js';

export interface GetCommEventCounterRequest {
  kind: 'get_comm_event_counter';
  pduType: 'request';
}

export interface GetCommEventCounterResponse {
  kind: 'get_comm_event_counter';
  pduType: 'response';
  /** 0xFFFF while a previous command is still being processed, else 0x0000. */
  status: number;
  eventCount: number;
}

export function decodeGetCommEventCounterRequest(
  b: Uint8Array,
  start: number,
  end: number,
): GetCommEventCounterRequest | ModbusPduError {
  // function code only
  return (
    exactLength(b, start, end, 1, 'get_comm_event_counter request') ?? {
      kind: 'get_comm_event_counter',
      pduType: 'request',
    }
  );
}

export function decodeGetCommEventCounterResponse(
  b: Uint8Array,
  start: number,
  end: number,
): GetCommEventCounterResponse | ModbusPduError {
  // function code (1), status (2), event count (2)
  return (
    exactLength(b, start, end, 5, 'get_comm_event_counter response') ?? {
      kind: 'get_comm_event_counter',
      pduType: 'response',
      status: u16(b, start + 1),
      eventCount: u16(b, start + 3),
    }
  );
}

export function encodeGetCommEventCounterRequest(w: PduWriter): void {
  w.u8(11, 'function code');
}

export function encodeGetCommEventCounterResponse(
  pdu: GetCommEventCounterResponse,
  w: PduWriter,
): void {
  w.u8(11, 'function code');
  w.u16(pdu.status, 'status');
  w.u16(pdu.eventCount, 'event count');
}
