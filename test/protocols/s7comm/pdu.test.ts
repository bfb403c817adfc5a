// Every S7 vector four ways: parse, encode, round trip, and byte-by-byte through the stream.
import { describe, expect, it } from 'vitest';
import {
  decodeS7Pdu,
  encodeS7Frame,
  encodeS7Pdu,
  summarizeS7Pdu,
} from '../../../src/protocols/s7comm/index.js';
import { feed, hex, s7Of, toHex } from './helpers.js';
import { VECTORS } from './vectors.js';

describe.each(VECTORS)('$name ($source)', (v) => {
  const s7 = s7Of(v.frame);

  it('parses', () => {
    const decoded = decodeS7Pdu(s7);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value).toMatchObject(v.pdu);
    // The lengths in the header are the ones on the wire.
    expect(decoded.value.header.parameterLength + decoded.value.header.dataLength).toBe(
      s7.length - (v.pdu.header.rosctr === 2 || v.pdu.header.rosctr === 3 ? 12 : 10),
    );
    if (v.summary) expect(summarizeS7Pdu(decoded.value)).toMatchObject(v.summary);
  });

  it('encodes', () => {
    expect(toHex(encodeS7Frame(v.pdu))).toBe(toHex(v.frame));
  });

  it('round-trips', () => {
    const decoded = decodeS7Pdu(s7);
    if (!decoded.ok) throw decoded.error;
    expect(toHex(encodeS7Pdu(decoded.value))).toBe(toHex(s7));
  });

  it('streams byte by byte', () => {
    const { messages, errors } = feed(v.frame, 1);
    expect(errors).toEqual([]);
    expect(messages).toHaveLength(1);
    const [m] = messages;
    if (m?.kind !== 's7') throw new Error(`expected an S7 PDU, got ${m?.kind ?? 'nothing'}`);
    expect(m.tpduCount).toBe(1);
    expect(toHex(m.bytes)).toBe(toHex(s7));
    expect(m.pdu).toEqual((decodeS7Pdu(s7) as { value: unknown }).value);
  });
});

describe('all vectors in one stream', () => {
  const stream = Buffer.concat(VECTORS.map((v) => v.frame));

  it.each([1, 3, 7, 64, stream.length])(
    'yields every PDU in order with slices of %i bytes',
    (step) => {
      const { messages, errors } = feed(new Uint8Array(stream), step);
      expect(errors).toEqual([]);
      expect(messages.map((m) => (m.kind === 's7' ? toHex(m.bytes) : m.kind))).toEqual(
        VECTORS.map((v) => toHex(s7Of(v.frame))),
      );
    },
  );
});

describe('a malformed PDU inside a valid stream', () => {
  it('is reported and the stream carries on', () => {
    // A job whose header announces a parameter part longer than the PDU, then a good frame.
    const bad = hex('03 00 00 13 02 f0 80', '32 01 0000 0001 0009 0000 f0 00');
    const good = VECTORS[0]!.frame;
    const { messages, errors } = feed(new Uint8Array(Buffer.concat([bad, good])), 1);
    expect(errors.map((e) => e.code)).toEqual(['OTS_S7COMM_LENGTH_MISMATCH']);
    expect(messages.map((m) => m.kind)).toEqual(['s7']);
  });
});
