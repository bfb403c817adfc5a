// Get Comm Event Log (FC 12): status, counters and up to 64 event bytes, newest first (Modbus
// Application Protocol v1.1b3, 6.10).
import type { ModbusPduError } from '../errors.js';
import { MODBUS_LIMITS } from '../limits.js';
import { exactLength, minLength, refuse, u16, u8, type PduWriter } from '../bytes.js';

export interface GetCommEventLogRequest {
  kind: 'get_comm_event_log';
  pduType: 'request';
}

export interface GetCommEventLogResponse {
  kind: 'get_comm_event_log';
  pduType: 'response';
  status: number;
  eventCount: number;
  messageCount: number;
  /** 0 to 64 event bytes; byte 0 is the most recent event. */
  events: Uint8Array;
}

export function decodeGetCommEventLogRequest(
  b: Uint8Array,
  start: number,
  end: number,
): GetCommEventLogRequest | ModbusPduError {
  // function code only
  return (
    exactLength(b, start, end, 1, 'get_comm_event_log request') ?? {
      kind: 'get_comm_event_log',
      pduType: 'request',
    }
  );
}

export function decodeGetCommEventLogResponse(
  b: Uint8Array,
  start: number,
  end: number,
): GetCommEventLogResponse | ModbusPduError {
  // function code (1), byte count (1), status (2), event count (2), message count (2), events (N)
  const short = minLength(b, start, end, 8, 'get_comm_event_log response');
  if (short !== undefined) return short;
  const byteCount = u8(b, start + 1);
  const eventBytes = end - start - 8;
  if (byteCount !== end - start - 2 || eventBytes > MODBUS_LIMITS.commEvents) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `get_comm_event_log response says ${byteCount} bytes and carries ${end - start - 2} (6 + 0..64 events)`,
      1,
      12,
    );
  }
  return {
    kind: 'get_comm_event_log',
    pduType: 'response',
    status: u16(b, start + 2),
    eventCount: u16(b, start + 4),
    messageCount: u16(b, start + 6),
    events: b.subarray(start + 8, end),
  };
}

export function encodeGetCommEventLogRequest(w: PduWriter): void {
  w.u8(12, 'function code');
}

export function encodeGetCommEventLogResponse(pdu: GetCommEventLogResponse, w: PduWriter): void {
  w.u8(12, 'function code');
  w.u8(6 + pdu.events.length, 'byte count');
  w.u16(pdu.status, 'status');
  w.u16(pdu.eventCount, 'event count');
  w.u16(pdu.messageCount, 'message count');
  w.bytes(pdu.events);
}
