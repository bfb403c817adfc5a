// Property tests: random and mutated input never throws and never hangs; every outcome is a typed
// value or a CodecError from the ENIP table; encoders and decoders agree. About 100,000 cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENIP_ERRORS,
  createEnipParser,
  decodeCipMessage,
  decodeCpf,
  decodeEnipBody,
  decodeEnipDatagram,
  decodeEnipIdentity,
  decodeEpath,
  encodeCipRequest,
  encodeCipResponse,
  encodeCpf,
  encodeEnipIdentityItem,
  encodeEpath,
  summarizeEnip,
  type EnipMessage,
} from '../../../src/protocols/enip/index.js';
import { CodecError } from '../../../src/protocols/errors.js';
import { concat, hex } from './helpers.js';
import { CAPTURE_VECTORS, SYNTHETIC_VECTORS } from './vectors.js';

const CODES = new Set(Object.keys(ENIP_ERRORS));
const WIRE = [...CAPTURE_VECTORS, ...SYNTHETIC_VECTORS].map((vector) => hex(vector.bytes));

// Plain checks in the hot paths: expect() would cost more than the codec under test.
function checkError(error: unknown): void {
  if (!(error instanceof CodecError) || !CODES.has(error.code)) {
    throw new Error(`not a typed ENIP error: ${String(error)}`);
  }
}

function handle(message: EnipMessage): void {
  const summary = summarizeEnip(message);
  if (summary.note !== undefined && !CODES.has(summary.note.code)) throw new Error('untyped note');
  const body = decodeEnipBody(message);
  if (!body.ok) checkError(body.error);
}

function cut(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const sorted = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const point of sorted) {
    out.push(bytes.subarray(from, point));
    from = point;
  }
  out.push(bytes.subarray(from));
  return out;
}

function feed(chunks: readonly Uint8Array[]): void {
  const parser = createEnipParser(handle, checkError, { maxLength: 4096 });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'length'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  // A lie in a 16-bit length: the encapsulation length, an item count or an item length.
  fc.record({
    kind: fc.constant('length' as const),
    at: fc.constantFrom(2, 30, 34, 36, 38, 42, 44),
    value: fc.integer({ min: 0, max: 0xffff }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ maxLength: 8 }),
  }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const out = Uint8Array.from(bytes);
  switch (m.kind) {
    case 'flip': {
      const at = m.at % out.length;
      out[at] = (out[at] ?? 0) ^ (1 << m.bit);
      return out;
    }
    case 'truncate':
      return out.subarray(0, m.at % out.length);
    case 'length':
      if (m.at + 1 < out.length) {
        out[m.at] = m.value & 0xff;
        out[m.at + 1] = m.value >>> 8;
      }
      return out;
    case 'insert': {
      const at = m.at % (out.length + 1);
      return concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
    }
  }
}

describe('EtherNet/IP properties', () => {
  it('random byte streams, randomly sliced: no throw, typed outcomes (20,000)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (bytes, points) => {
          feed(cut(bytes, points));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('mutated capture vectors through the stream parser and the datagram decoder (30,000)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: WIRE.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (index, mutations, points) => {
          let bytes = WIRE[index] ?? new Uint8Array(0);
          for (const m of mutations) bytes = mutate(bytes, m);
          feed(cut(bytes, points));
          const datagram = decodeEnipDatagram(bytes);
          if (datagram.ok) handle(datagram.value);
          else checkError(datagram.error);
        },
      ),
      { numRuns: 30_000 },
    );
  });

  it('random CIP messages: typed outcomes, and what decodes re-encodes to the same value (20,000)', () => {
    const cip = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc
        .tuple(
          fc.integer({ min: 0, max: 255 }),
          fc.array(
            fc.constantFrom(
              0x20,
              0x21,
              0x24,
              0x25,
              0x26,
              0x28,
              0x30,
              0x34,
              0x01,
              0x12,
              0x91,
              0x80,
              0x43,
              0x63,
            ),
            {
              maxLength: 6,
            },
          ),
          fc.uint8Array({ maxLength: 20 }),
        )
        .map(([service, codes, rest]) =>
          concat([Uint8Array.of(service, codes.length), Uint8Array.from(codes), rest]),
        ),
    );
    fc.assert(
      fc.property(cip, (bytes) => {
        const decoded = decodeCipMessage(bytes);
        if (!decoded.ok) {
          checkError(decoded.error);
          return;
        }
        const value = decoded.value;
        const encoded =
          value.kind === 'request' ? encodeCipRequest(value) : encodeCipResponse(value);
        if (!encoded.ok) throw encoded.error;
        const again = decodeCipMessage(encoded.value);
        if (!again.ok) throw again.error;
        // The encoder writes segments in their shortest form (a 1-octet link address without the
        // extended flag), so only the path size may differ.
        expect({ ...again.value, pathSize: 0 }).toEqual({ ...value, pathSize: 0 });
      }),
      { numRuns: 20_000 },
    );
  });

  it('random EPATHs: what decodes encodes and decodes to the same segments (15,000)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const decoded = decodeEpath(bytes);
        if (!decoded.ok) {
          checkError(decoded.error);
          return;
        }
        const encoded = encodeEpath(decoded.value);
        if (!encoded.ok) throw encoded.error;
        expect(decodeEpath(encoded.value)).toEqual(decoded);
      }),
      { numRuns: 15_000 },
    );
  });

  it('identities encode and decode to the same fields (10,000)', () => {
    fc.assert(
      fc.property(
        fc.record({
          vendorId: fc.integer({ min: 0, max: 0xffff }),
          deviceType: fc.integer({ min: 0, max: 0xffff }),
          productCode: fc.integer({ min: 0, max: 0xffff }),
          revisionMajor: fc.integer({ min: 0, max: 255 }),
          revisionMinor: fc.integer({ min: 0, max: 255 }),
          status: fc.integer({ min: 0, max: 0xffff }),
          serialNumber: fc.integer({ min: 0, max: 0xffffffff }),
          productName: fc.string({ maxLength: 32 }).map((s) => s.replace(/[^\x20-\x7e]/g, '?')),
          state: fc.integer({ min: 0, max: 255 }),
        }),
        fc.tuple(
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 0, max: 255 }),
          fc.integer({ min: 0, max: 0xffff }),
        ),
        (identity, [a, b, port]) => {
          const socketAddress = { address: `10.${a}.${b}.1`, port };
          const encoded = encodeEnipIdentityItem({ ...identity, socketAddress });
          if (!encoded.ok) throw encoded.error;
          const decoded = decodeEnipIdentity(encoded.value, true);
          if (!decoded.ok) throw decoded.error;
          expect(decoded.value).toMatchObject({ ...identity, socketAddress });
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('common packet formats encode and decode to the same items (5,000)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            typeId: fc.constantFrom(0x00b1, 0x00b2, 0x1234, 0x0064),
            data: fc.uint8Array({ maxLength: 30 }),
          }),
          { maxLength: 5 },
        ),
        (items) => {
          const encoded = encodeCpf(items);
          if (!encoded.ok) throw encoded.error;
          const decoded = decodeCpf(encoded.value);
          if (!decoded.ok) throw decoded.error;
          expect(decoded.value.items.map((i) => ({ typeId: i.typeId, data: i.data }))).toEqual(
            items,
          );
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
