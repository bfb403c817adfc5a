// TPKT (RFC 1006): one-shot decode and encode, and the incremental parser under any slicing,
// several packets per chunk, bad headers with resynchronisation, and the length bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CodecError } from '../../../src/protocols/errors.js';
import { createTpktParser, decodeTpkt, encodeTpkt } from '../../../src/protocols/s7comm/index.js';
import { hex, toHex } from './helpers.js';

// Plant1_S7comm.pcap frame 3: one TPKT packet carrying a COTP DT and a read var ack-data.
const PACKET = hex(
  '03 00 00 20',
  '02 f0 80 32 03 0000 0009 0002 000b 0000 04 02 ff04000800 00 ff04000801',
);

function collect(maxLength?: number) {
  const packets: string[] = [];
  const errors: CodecError[] = [];
  const parser = createTpktParser(
    (tpdu) => packets.push(toHex(tpdu)),
    (e) => errors.push(e),
    maxLength === undefined ? {} : { maxLength },
  );
  return { parser, packets, errors };
}

describe('decodeTpkt / encodeTpkt', () => {
  it('decodes the header and gives the TPDU as a view', () => {
    const decoded = decodeTpkt(PACKET);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value.length).toBe(32);
    expect(toHex(decoded.value.payload)).toBe(toHex(PACKET.subarray(4)));
    expect(decoded.value.payload.buffer).toBe(PACKET.buffer);
  });

  it('encodes the header around a TPDU', () => {
    expect(toHex(encodeTpkt(PACKET.subarray(4)))).toBe(toHex(PACKET));
  });

  it.each([
    ['3 bytes', '03 00 00', 'OTS_S7COMM_TPKT_TRUNCATED'],
    ['version 2', '02 00 00 07 02 f0 80', 'OTS_S7COMM_TPKT_BAD_VERSION'],
    ['reserved 1', '03 01 00 07 02 f0 80', 'OTS_S7COMM_TPKT_BAD_RESERVED'],
    ['length 6', '03 00 00 06 02 f0', 'OTS_S7COMM_TPKT_BAD_LENGTH'],
    ['length beyond the buffer', '03 00 00 08 02 f0 80', 'OTS_S7COMM_TPKT_TRUNCATED'],
  ])('refuses %s', (_name, bytes, code) => {
    const decoded = decodeTpkt(hex(bytes));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.code).toBe(code);
  });

  it('refuses a length above the configured maximum', () => {
    const decoded = decodeTpkt(encodeTpkt(new Uint8Array(100)), 64);
    expect(decoded.ok ? '' : decoded.error.code).toBe('OTS_S7COMM_TPKT_BAD_LENGTH');
  });
});

describe('createTpktParser', () => {
  it('yields one packet fed byte by byte, and several from one chunk', () => {
    const { parser, packets, errors } = collect();
    for (const b of PACKET) parser.push(Uint8Array.of(b));
    parser.push(new Uint8Array(Buffer.concat([PACKET, PACKET, PACKET])));
    expect(errors).toEqual([]);
    expect(packets).toEqual(Array(4).fill(toHex(PACKET.subarray(4))));
    expect(parser.buffered).toBe(0);
  });

  it('accepts any slicing of a stream of packets of any size (property)', () => {
    const packet = fc.uint8Array({ minLength: 3, maxLength: 300 }).map((tpdu) => encodeTpkt(tpdu));
    fc.assert(
      fc.property(
        fc.array(packet, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(400), { maxLength: 20 }),
        (list, cuts) => {
          const stream = Buffer.concat(list);
          const { parser, packets, errors } = collect();
          const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort(
            (a, b) => a - b,
          );
          let from = 0;
          for (const at of [...points, stream.length]) {
            parser.push(new Uint8Array(stream.subarray(from, at)));
            from = at;
          }
          expect(errors).toEqual([]);
          expect(packets).toEqual(list.map((p) => toHex(p.subarray(4))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a bad header once, skips to the next packet and says how far it skipped', () => {
    const { parser, packets, errors } = collect();
    parser.push(new Uint8Array(Buffer.concat([hex('de ad be ef 00'), PACKET])));
    expect(errors.map((e) => e.code)).toEqual([
      'OTS_S7COMM_TPKT_BAD_VERSION',
      'OTS_S7COMM_TPKT_SKIPPED_BYTES',
    ]);
    expect(errors[1]!.message).toContain('skipped 5 bytes');
    expect(packets).toEqual([toHex(PACKET.subarray(4))]);
  });

  it('resynchronises the same way when the garbage comes byte by byte', () => {
    const { parser, packets, errors } = collect();
    for (const b of Buffer.concat([hex('03 00 00 03 ff'), PACKET])) parser.push(Uint8Array.of(b));
    expect(errors.map((e) => e.code)).toEqual([
      'OTS_S7COMM_TPKT_BAD_LENGTH',
      'OTS_S7COMM_TPKT_SKIPPED_BYTES',
    ]);
    expect(packets).toEqual([toHex(PACKET.subarray(4))]);
  });

  it('never buffers more than the maximum length: a longer length field is an error', () => {
    const { parser, packets, errors } = collect(1024);
    parser.push(hex('03 00 ff ff'));
    expect(errors.map((e) => e.code)).toEqual(['OTS_S7COMM_TPKT_BAD_LENGTH']);
    expect(parser.buffered).toBeLessThan(4);
    parser.push(PACKET);
    expect(packets).toHaveLength(1);
  });

  it('reports a packet left unfinished at the end of the stream', () => {
    const { parser, errors } = collect();
    parser.push(PACKET.subarray(0, 10));
    expect(parser.buffered).toBe(6);
    parser.end();
    expect(errors.map((e) => e.code)).toEqual(['OTS_S7COMM_TPKT_TRUNCATED']);
    expect(parser.buffered).toBe(0);
  });

  it('forgets a partial packet on reset', () => {
    const { parser, packets, errors } = collect();
    parser.push(PACKET.subarray(0, 10));
    parser.reset();
    parser.push(PACKET);
    expect(errors).toEqual([]);
    expect(packets).toHaveLength(1);
  });
});
