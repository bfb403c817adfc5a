// Application fragments from captures and built vectors, each tested four ways: parse (summary),
// encode (link frames and fragment back to the same octets), round trip, and a byte-by-byte feed.
import { describe, expect, it } from 'vitest';
import {
  createDnp3DatagramDecoder,
  createDnp3StreamDecoder,
  decodeDnp3ApplicationFragment,
  decodeDnp3LinkFrame,
  decodeDnp3TransportSegment,
  encodeDnp3ApplicationFragment,
  encodeDnp3Fragment,
  encodeDnp3LinkFrame,
  summarizeDnp3,
  type Dnp3Message,
} from '../../../src/protocols/dnp3/index.js';
import type { CodecError } from '../../../src/protocols/errors.js';
import { concat, hex, notation } from './helpers.js';
import {
  REQUEST_VECTORS,
  RESPONSE_VECTORS,
  SYNTHETIC_VECTORS,
  TRANSPORT_VECTORS,
  type Dnp3Vector,
} from './vectors.js';

function run(vector: Dnp3Vector, chunks: readonly Uint8Array[]) {
  const messages: Dnp3Message[] = [];
  const errors: CodecError[] = [];
  const decoder = vector.udp
    ? createDnp3DatagramDecoder(
        (message) => messages.push(message),
        (error) => errors.push(error),
      )
    : createDnp3StreamDecoder(
        (message) => messages.push(message),
        (error) => errors.push(error),
      );
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  return { messages, errors };
}

function vectorTests(vector: Dnp3Vector): void {
  const frames = vector.frames.map(hex);
  const wire = concat(frames);

  it('parses', () => {
    const { messages, errors } = run(vector, vector.udp ? frames : [wire]);
    expect(errors).toEqual([]);
    expect(messages).toHaveLength(1);
    const message = messages[0];
    if (message === undefined) return;
    expect(notation(summarizeDnp3(message))).toEqual(vector.expect);
    expect(message.segments).toBe(frames.length);
  });

  it('encodes', () => {
    const { messages } = run(vector, vector.udp ? frames : [wire]);
    const message = messages[0];
    if (message === undefined) throw new Error('no message');
    // Each link frame re-encodes to its octets, CRCs included.
    for (const frame of frames) {
      const decoded = decodeDnp3LinkFrame(frame);
      if (!decoded.ok) throw decoded.error;
      expect(encodeDnp3LinkFrame(decoded.value)).toEqual({ ok: true, value: frame });
    }
    // The decoded fragment re-encodes to the reassembled octets.
    expect(encodeDnp3ApplicationFragment(message.application)).toEqual({
      ok: true,
      value: message.data,
    });
    // Segmenting it again gives the frames on the wire, whenever FCB/FCV were not in play.
    const first = decodeDnp3LinkFrame(frames[0] ?? new Uint8Array(0));
    if (!first.ok) throw first.error;
    if (!first.value.fcb && !first.value.fcv) {
      const segment = decodeDnp3TransportSegment(first.value.userData);
      if (!segment.ok) throw segment.error;
      const again = encodeDnp3Fragment(message.data, {
        source: message.source,
        destination: message.destination,
        dir: message.dir,
        confirmed: first.value.functionCode === 3,
        transportSeq: segment.value.seq,
      });
      expect(again.ok && again.value.bytes).toEqual(wire);
      expect(again.ok && again.value.frames).toBe(frames.length);
    }
  });

  it('round-trips', () => {
    const { messages } = run(vector, vector.udp ? frames : [wire]);
    const message = messages[0];
    if (message === undefined) throw new Error('no message');
    const encoded = encodeDnp3ApplicationFragment(message.application);
    if (!encoded.ok) throw encoded.error;
    expect(decodeDnp3ApplicationFragment(encoded.value)).toEqual({
      ok: true,
      value: message.application,
    });
  });

  it('feeds byte by byte', () => {
    const whole = run(vector, vector.udp ? frames : [wire]);
    if (vector.udp) return; // a datagram is whole by definition
    const bytes = Array.from(wire, (byte) => Uint8Array.of(byte));
    const { messages, errors } = run(vector, bytes);
    expect(errors).toEqual([]);
    expect(messages.map((m) => notation(summarizeDnp3(m)))).toEqual(
      whole.messages.map((m) => notation(summarizeDnp3(m))),
    );
    expect(messages[0]?.data).toEqual(whole.messages[0]?.data);
  });
}

for (const [title, vectors] of [
  ['DNP3 requests from captures', REQUEST_VECTORS],
  ['DNP3 responses from captures', RESPONSE_VECTORS],
  ['DNP3 over UDP and across transport segments', TRANSPORT_VECTORS],
  ['DNP3 function codes no capture holds', SYNTHETIC_VECTORS],
] as const) {
  describe(title, () => {
    for (const vector of vectors)
      describe(vector.name, () => {
        vectorTests(vector);
      });
  });
}

describe('DNP3 vectors cover the function codes', () => {
  it('hold every function code of IEEE 1815-2012 Table 4-1', () => {
    const codes = new Set(
      [...REQUEST_VECTORS, ...RESPONSE_VECTORS, ...TRANSPORT_VECTORS, ...SYNTHETIC_VECTORS].map(
        (vector) => vector.expect.function_code,
      ),
    );
    const wanted = [...Array.from({ length: 34 }, (_, i) => i), 129, 130, 131];
    expect(wanted.filter((code) => !codes.has(code))).toEqual([]);
  });
});
