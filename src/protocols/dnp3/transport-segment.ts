// The DNP3 transport segment: one header octet (FIN, FIR, sequence) in front of up to 249 octets
// of an application fragment (IEEE 1815-2012, clause 8.2).
import { fail, ok, type Decoded } from '../errors.js';
import { dnp3Error } from './errors.js';
import { DNP3_MAX_USER_DATA } from './link-frame.js';

/** A link frame carries at most 250 user data octets, one of them the transport header. */
export const DNP3_MAX_SEGMENT_PAYLOAD = DNP3_MAX_USER_DATA - 1;

export interface Dnp3TransportSegment {
  /** FIN: the last segment of the fragment (8.2.1.1). */
  readonly fin: boolean;
  /** FIR: the first segment of the fragment. */
  readonly fir: boolean;
  /** Sequence number 0..63, incremented modulo 64 per segment. */
  readonly seq: number;
  /** Octets of the application fragment (a view into the frame's user data). */
  readonly payload: Uint8Array;
}

/** Split link user data into the transport header and payload. */
export function decodeDnp3TransportSegment(userData: Uint8Array): Decoded<Dnp3TransportSegment> {
  const header = userData[0];
  if (header === undefined) {
    return fail(dnp3Error('OTS_DNP3_EMPTY_SEGMENT', 'user data holds no transport header', 0));
  }
  return ok({
    fin: (header & 0x80) !== 0,
    fir: (header & 0x40) !== 0,
    seq: header & 0x3f,
    payload: userData.subarray(1),
  });
}

/** Build link user data from a transport header and up to 249 payload octets. */
export function encodeDnp3TransportSegment(segment: Dnp3TransportSegment): Decoded<Uint8Array> {
  if (!Number.isInteger(segment.seq) || segment.seq < 0 || segment.seq > 63) {
    return fail(dnp3Error('OTS_DNP3_ENCODE_RANGE', `sequence ${segment.seq} is outside 0..63`));
  }
  if (segment.payload.length > DNP3_MAX_SEGMENT_PAYLOAD) {
    return fail(
      dnp3Error(
        'OTS_DNP3_ENCODE_RANGE',
        `segment payload of ${segment.payload.length} octets exceeds ${DNP3_MAX_SEGMENT_PAYLOAD}`,
      ),
    );
  }
  const out = new Uint8Array(1 + segment.payload.length);
  out[0] = (segment.fin ? 0x80 : 0) | (segment.fir ? 0x40 : 0) | segment.seq;
  out.set(segment.payload, 1);
  return ok(out);
}
