// Multiple Service Packet (service 0x0A to the Message Router): several requests, or their
// replies, in one message, found through a table of offsets (CIP Vol 1, Appendix ).
import { fail, ok, type Decoded } from '../../errors.js';
import { concat, putU16, u16 } from '../bytes.js';
import { enipError } from '../errors.js';
import { decodeCipMessage, type CipMessage } from './message.js';

export interface CipMultipleServicePacket {
  /** Offsets of each embedded message from the start of the data (the count field). */
  readonly offsets: readonly number[];
  readonly messages: readonly CipMessage[];
}

function bad(message: string, at: number): Decoded<never> {
  return fail(enipError('OTS_ENIP_BAD_EMBEDDED', message, at));
}

/**
 * Decode the data of a Multiple Service Packet request or response (the octets after the path,
 * or after the reply's status). Each embedded message runs to the next offset or the end.
 */
export function decodeCipMultipleServicePacket(
  data: Uint8Array,
  base = 0,
): Decoded<CipMultipleServicePacket> {
  if (data.length < 2) return bad('multiple service packet ends before its service count', base);
  const count = u16(data, 0);
  const tableEnd = 2 + 2 * count;
  if (data.length < tableEnd) {
    return bad(`offset table of ${count} services runs past the ${data.length} octets`, base);
  }
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(u16(data, 2 + 2 * i));
  const messages: CipMessage[] = [];
  for (let i = 0; i < count; i++) {
    const start = offsets[i] ?? 0;
    const end = i + 1 < count ? (offsets[i + 1] ?? 0) : data.length;
    if (start < tableEnd || end > data.length || end < start) {
      return bad(
        `service ${i}: offsets ${start}..${end} fall outside ${tableEnd}..${data.length}`,
        base + 2 + 2 * i,
      );
    }
    const message = decodeCipMessage(data.subarray(start, end), base + start);
    if (!message.ok) return message;
    messages.push(message.value);
  }
  return ok({ offsets, messages });
}

/** Encode Multiple Service Packet data from encoded messages (requests or replies). */
export function encodeCipMultipleServicePacket(
  messages: readonly Uint8Array[],
): Decoded<Uint8Array> {
  const tableEnd = 2 + 2 * messages.length;
  let total = tableEnd;
  for (const message of messages) total += message.length;
  if (messages.length > 0xffff || total > 0xffff) {
    return fail(
      enipError('OTS_ENIP_ENCODE_RANGE', `multiple service packet of ${total} octets is too large`),
    );
  }
  const table = new Uint8Array(tableEnd);
  putU16(table, 0, messages.length);
  let offset = tableEnd;
  messages.forEach((message, i) => {
    putU16(table, 2 + 2 * i, offset);
    offset += message.length;
  });
  return ok(concat([table, ...messages]));
}
