// Property tests: random and mutated input never throws and never hangs; every outcome is a typed
// value or a CodecError from the DNP3 table; encoders and decoders agree; slicing changes nothing.
// About 100,000 cases in all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DNP3_ERRORS,
  createDnp3DatagramDecoder,
  createDnp3StreamDecoder,
  decodeDnp3ApplicationFragment,
  decodeDnp3LinkFrame,
  encodeDnp3ApplicationFragment,
  encodeDnp3Fragment,
  encodeDnp3LinkFrame,
  summarizeDnp3,
  type Dnp3Message,
} from '../../../src/protocols/dnp3/index.js';
import { CodecError } from '../../../src/protocols/errors.js';
import { concat, hex } from './helpers.js';
import {
  REQUEST_VECTORS,
  RESPONSE_VECTORS,
  SYNTHETIC_VECTORS,
  TRANSPORT_VECTORS,
} from './vectors.js';

const CODES = new Set(Object.keys(DNP3_ERRORS));
const WIRE = [
  ...REQUEST_VECTORS,
  ...RESPONSE_VECTORS,
  ...TRANSPORT_VECTORS,
  ...SYNTHETIC_VECTORS,
].map((vector) => concat(vector.frames.map(hex)));

// Plain checks in the hot paths: expect() would cost more than the codec under test.
function checkError(error: unknown): void {
  if (!(error instanceof CodecError) || !CODES.has(error.code)) {
    throw new Error(`not a typed DNP3 error: ${String(error)}`);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Feed chunks through the whole TCP path and check every outcome's type. */
function feed(chunks: readonly Uint8Array[]): { messages: Dnp3Message[]; errors: CodecError[] } {
  const messages: Dnp3Message[] = [];
  const errors: CodecError[] = [];
  const decoder = createDnp3StreamDecoder(
    (message) => {
      summarizeDnp3(message);
      messages.push(message);
    },
    (error) => {
      checkError(error);
      errors.push(error);
    },
  );
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  for (const message of messages) {
    if (message.data.length > 2048) throw new Error('fragment above the bound');
  }
  return { messages, errors };
}

/** Cut `bytes` at the given (unsorted, maybe repeated) points. */
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

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('length' as const), value: fc.integer({ min: 0, max: 255 }) }),
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
      // A length-field lie in the first frame (its header CRC then fails, unless it is the same).
      out[2] = m.value;
      return out;
    case 'insert': {
      const at = m.at % (out.length + 1);
      return concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
    }
  }
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'length'; value: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array };

describe('DNP3 properties', () => {
  it('random byte streams, randomly sliced: no throw, typed outcomes (20,000)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (bytes, points, withStart) => {
          // Half the streams start with 0x05 0x64 so that headers get looked at.
          const stream = withStart ? concat([hex('05 64'), bytes]) : bytes;
          feed(cut(stream, points));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('mutated capture vectors through stream, datagram and single-frame decoders (30,000)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: WIRE.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (index, mutations, points) => {
          let bytes = WIRE[index] ?? new Uint8Array(0);
          for (const m of mutations) bytes = mutate(bytes, m);
          feed(cut(bytes, points));
          const datagram = createDnp3DatagramDecoder(
            (message) => summarizeDnp3(message),
            (error) => {
              checkError(error);
            },
          );
          datagram.push(bytes);
          datagram.end();
          const single = decodeDnp3LinkFrame(bytes);
          if (!single.ok) checkError(single.error);
        },
      ),
      { numRuns: 30_000 },
    );
  });

  it('random fragments sent as valid frames come back whole, however sliced (15,000)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 2048 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 63 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (fragment, source, destination, seq, points) => {
          const frames = encodeDnp3Fragment(fragment, {
            source,
            destination,
            dir: true,
            transportSeq: seq,
          });
          if (!frames.ok) throw frames.error;
          const { messages, errors } = feed(cut(frames.value.bytes, points));
          if (fragment.length < 2) {
            if (messages.length > 0 || errors[0]?.code !== 'OTS_DNP3_APP_TRUNCATED') {
              throw new Error('a fragment under 2 octets was not refused');
            }
            return;
          }
          const response = [129, 130, 131].includes(fragment[1] ?? 0);
          if (response && fragment.length < 4) return;
          const message = messages[0];
          if (
            errors.length > 0 ||
            messages.length !== 1 ||
            message === undefined ||
            message.source !== source ||
            message.destination !== destination ||
            !sameBytes(message.data, fragment)
          ) {
            throw new Error(`fragment ${Buffer.from(fragment).toString('hex')} did not come back`);
          }
        },
      ),
      { numRuns: 15_000 },
    );
  });

  it('any fragment that decodes encodes back to the same octets (25,000)', () => {
    const header = fc.tuple(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0, 1, 2, 3, 4, 5, 7, 11, 20, 22, 25, 32, 129, 130, 131, 200),
    );
    // Object headers built from plausible parts, then random octets.
    const objectish = fc.tuple(
      fc.constantFrom(
        0,
        1,
        2,
        3,
        10,
        12,
        20,
        30,
        32,
        41,
        50,
        51,
        52,
        60,
        70,
        80,
        110,
        112,
        120,
        255,
      ),
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0x00, 0x01, 0x06, 0x07, 0x08, 0x17, 0x28, 0x39, 0x5b, 0x1b, 0x0a, 0x80),
      fc.uint8Array({ maxLength: 24 }),
    );
    fc.assert(
      fc.property(header, fc.array(objectish, { maxLength: 6 }), ([control, code], objects) => {
        const bytes = concat([
          Uint8Array.of(control, code, 0x00, 0x00).subarray(
            0,
            [129, 130, 131].includes(code) ? 4 : 2,
          ),
          ...objects.map(([g, v, q, rest]) => concat([Uint8Array.of(g, v, q), rest])),
        ]);
        const decoded = decodeDnp3ApplicationFragment(bytes);
        if (!decoded.ok) {
          checkError(decoded.error);
          return;
        }
        if (decoded.value.stop !== undefined) checkError(decoded.value.stop);
        const encoded = encodeDnp3ApplicationFragment(decoded.value);
        if (!encoded.ok || !sameBytes(encoded.value, bytes)) {
          throw new Error(`fragment ${Buffer.from(bytes).toString('hex')} did not encode back`);
        }
      }),
      { numRuns: 25_000 },
    );
  });

  it('link frames encode and decode to the same fields (10,000)', () => {
    fc.assert(
      fc.property(
        fc.record({
          dir: fc.boolean(),
          prm: fc.boolean(),
          fcb: fc.boolean(),
          fcv: fc.boolean(),
          dfc: fc.boolean(),
          functionCode: fc.integer({ min: 0, max: 15 }),
          destination: fc.integer({ min: 0, max: 0xffff }),
          source: fc.integer({ min: 0, max: 0xffff }),
          userData: fc.uint8Array({ maxLength: 250 }),
        }),
        (input) => {
          const encoded = encodeDnp3LinkFrame(input);
          if (!encoded.ok) throw encoded.error;
          const decoded = decodeDnp3LinkFrame(encoded.value);
          if (!decoded.ok) throw decoded.error;
          expect(decoded.value).toMatchObject({
            dir: input.dir,
            prm: input.prm,
            fcb: input.fcb,
            fcv: input.prm && input.fcv,
            dfc: !input.prm && input.dfc,
            functionCode: input.functionCode,
            destination: input.destination,
            source: input.source,
            userData: input.userData,
          });
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
