// Read clock and set clock (userdata group 7, subfunctions 1 and 2): the CPU clock as a 10-byte
// BCD time stamp, in the response to a read and in the request of a set.
import type { ByteWriter } from '../bytes.js';
import type { S7Timestamp } from './timestamp.js';
import { decodeS7Timestamp, encodeS7Timestamp, s7TimestampIso } from './timestamp.js';

export const SUBFUNCTION_READ_CLOCK = 0x01;
export const SUBFUNCTION_SET_CLOCK = 0x02;
export const CLOCK_LENGTH = 10;

export interface ClockBody {
  kind: 'clock';
  time: S7Timestamp;
  /** Decoder: the time as ISO 8601 without a zone. */
  iso?: string;
}

export function decodeClock(payload: Uint8Array): ClockBody {
  const time = decodeS7Timestamp(payload, 0);
  return { kind: 'clock', time, iso: s7TimestampIso(time) };
}

export function writeClock(w: ByteWriter, body: ClockBody): void {
  w.bytes(encodeS7Timestamp(body.time));
}
