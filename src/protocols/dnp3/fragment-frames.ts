// Splits an application fragment into transport segments and link frames, as a master or an
// outstation sends it (IEEE 1815-2012, 8.2.1.1 and 9.2): up to 249 fragment octets per frame.
import { fail, ok, type Decoded } from '../errors.js';
import { dnp3Error } from './errors.js';
import { encodeDnp3LinkFrame } from './link-frame.js';
import { DNP3_MAX_SEGMENT_PAYLOAD, encodeDnp3TransportSegment } from './transport-segment.js';

export interface Dnp3FrameOptions {
  readonly source: number;
  readonly destination: number;
  /** DIR: true when the master sends. */
  readonly dir: boolean;
  /** CONFIRMED_USER_DATA (3) instead of the usual UNCONFIRMED_USER_DATA (4). */
  readonly confirmed?: boolean;
  /** Transport sequence number of the first segment (default 0). */
  readonly transportSeq?: number;
}

export interface Dnp3Frames {
  /** The link frames, back to back, as they go on the wire. */
  readonly bytes: Uint8Array;
  readonly frames: number;
  /** Transport sequence number for the next fragment on this link. */
  readonly nextSeq: number;
}

/** Encode an application fragment as one or more link frames. */
export function encodeDnp3Fragment(
  fragment: Uint8Array,
  options: Dnp3FrameOptions,
): Decoded<Dnp3Frames> {
  let seq = options.transportSeq ?? 0;
  if (!Number.isInteger(seq) || seq < 0 || seq > 63) {
    return fail(dnp3Error('OTS_DNP3_ENCODE_RANGE', `transport sequence ${seq} is outside 0..63`));
  }
  const frames: Uint8Array[] = [];
  let total = 0;
  // An empty fragment still goes out as one segment with FIR and FIN.
  for (let at = 0; at === 0 || at < fragment.length; at += DNP3_MAX_SEGMENT_PAYLOAD) {
    const payload = fragment.subarray(at, at + DNP3_MAX_SEGMENT_PAYLOAD);
    const segment = encodeDnp3TransportSegment({
      fir: at === 0,
      fin: at + DNP3_MAX_SEGMENT_PAYLOAD >= fragment.length,
      seq,
      payload,
    });
    if (!segment.ok) return segment;
    const frame = encodeDnp3LinkFrame({
      dir: options.dir,
      prm: true,
      functionCode: options.confirmed === true ? 3 : 4,
      destination: options.destination,
      source: options.source,
      userData: segment.value,
    });
    if (!frame.ok) return frame;
    frames.push(frame.value);
    total += frame.value.length;
    seq = (seq + 1) & 0x3f;
  }
  const bytes = new Uint8Array(total);
  let write = 0;
  for (const frame of frames) {
    bytes.set(frame, write);
    write += frame.length;
  }
  return ok({ bytes, frames: frames.length, nextSeq: seq });
}
