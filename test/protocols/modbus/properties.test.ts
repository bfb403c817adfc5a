// Property tests, about 100,000 cases in all: random PDUs of every kind round-trip; random bytes
// and mutated valid frames (bit flips, truncations, length-field lies, splices) never throw, never
// hang, and always give a typed result or a CodecError; the incremental parser agrees with the
// one-shot decoder however the stream is sliced.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { CodecError } from '../../../src/protocols/index.js';
import {
  createMbapParser,
  decodeMbapFrame,
  decodeMbapFrames,
  decodePdu,
  encodeMbapFrame,
  encodePdu,
  summarize,
  type Direction,
  type ModbusAdu,
  type ModbusPdu,
} from '../../../src/protocols/modbus/index.js';

/** `OTSAFE_FUZZ_SCALE=50` multiplies every run count, for a long fuzzing session. */
const SCALE = Math.max(1, Number(process.env.OTSAFE_FUZZ_SCALE ?? '1') || 1);
const runs = (count: number) => ({ numRuns: Math.round(count * SCALE) });

const u16 = fc.integer({ min: 0, max: 0xffff });
const u8 = fc.integer({ min: 0, max: 0xff });
const bytes = (maxLength: number) => fc.uint8Array({ maxLength });
const registers = (minLength: number, maxLength: number) => fc.array(u16, { minLength, maxLength });
const booleans = (minLength: number, maxLength: number) =>
  fc.array(fc.boolean(), { minLength, maxLength });

/** An address and quantity that stay inside the 65536-address space. */
const range = (max: number) =>
  fc.integer({ min: 1, max }).chain((quantity) =>
    fc.record({
      quantity: fc.constant(quantity),
      address: fc.integer({ min: 0, max: 65536 - quantity }),
    }),
  );

const UNKNOWN_CODES = Array.from({ length: 127 }, (_, i) => i + 1).filter(
  (c) => ![1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 15, 16, 17, 20, 21, 22, 23, 24, 43, 90].includes(c),
);
const KNOWN_SUBS = [1, 2, 3, 4, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x14];

const fileReference = fc
  .record({
    fileNumber: fc.integer({ min: 1, max: 0xffff }),
    recordLength: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ fileNumber, recordLength }) =>
    fc.record({
      referenceType: fc.constant(6),
      fileNumber: fc.constant(fileNumber),
      recordNumber: fc.integer({ min: 0, max: 10000 - recordLength }),
      recordLength: fc.constant(recordLength),
    }),
  );
const fileRecord = fc
  .record({ fileNumber: fc.integer({ min: 1, max: 0xffff }), values: registers(1, 8) })
  .chain(({ fileNumber, values }) =>
    fc.record({
      referenceType: fc.constant(6),
      fileNumber: fc.constant(fileNumber),
      recordNumber: fc.integer({ min: 0, max: 10000 - values.length }),
      values: fc.constant(values),
    }),
  );

/** Every kind of PDU, within the specification's limits, in both directions. fast-check builds
 * records without a prototype; structuredClone gives them the one decoded PDUs have. */
const anyPdu: fc.Arbitrary<ModbusPdu> = fc
  .oneof(
    fc
      .tuple(fc.constantFrom('read_coils' as const, 'read_discrete_inputs' as const), range(2000))
      .map(([kind, r]): ModbusPdu => ({ kind, pduType: 'request', ...r })),
    fc
      .tuple(
        fc.constantFrom('read_coils' as const, 'read_discrete_inputs' as const),
        fc.integer({ min: 1, max: 40 }),
      )
      .chain(([kind, n]) =>
        booleans(8 * n, 8 * n).map((values): ModbusPdu => ({ kind, pduType: 'response', values })),
      ),
    fc
      .tuple(
        fc.constantFrom('read_holding_registers' as const, 'read_input_registers' as const),
        range(125),
      )
      .map(([kind, r]): ModbusPdu => ({ kind, pduType: 'request', ...r })),
    fc
      .tuple(
        fc.constantFrom('read_holding_registers' as const, 'read_input_registers' as const),
        registers(1, 125),
      )
      .map(([kind, values]): ModbusPdu => ({ kind, pduType: 'response', values })),
    fc
      .record({
        pduType: fc.constantFrom('request' as const, 'response' as const),
        address: u16,
        value: fc.boolean(),
      })
      .map((p): ModbusPdu => ({ kind: 'write_single_coil', ...p })),
    fc
      .record({
        pduType: fc.constantFrom('request' as const, 'response' as const),
        address: u16,
        value: u16,
      })
      .map((p): ModbusPdu => ({ kind: 'write_single_register', ...p })),
    fc.constant<ModbusPdu>({ kind: 'read_exception_status', pduType: 'request' }),
    u8.map((outputData): ModbusPdu => ({
      kind: 'read_exception_status',
      pduType: 'response',
      outputData,
    })),
    fc
      .record({
        pduType: fc.constantFrom('request' as const, 'response' as const),
        data: bytes(100),
      })
      .map((p): ModbusPdu => ({ kind: 'diagnostics', subFunction: 0, ...p })),
    fc
      .record({ subFunction: fc.constantFrom(...KNOWN_SUBS), word: u16 })
      .map(({ subFunction, word }): ModbusPdu => ({
        kind: 'diagnostics',
        pduType: 'response',
        subFunction,
        data: Uint8Array.of(word >> 8, word & 0xff),
      })),
    fc.constantFrom(...KNOWN_SUBS).map((subFunction): ModbusPdu => ({
      kind: 'diagnostics',
      pduType: 'request',
      subFunction,
      data: Uint8Array.of(subFunction === 3 ? 0x3a : 0, 0),
    })),
    fc
      .record({ subFunction: fc.integer({ min: 0x15, max: 0xffff }), data: bytes(20) })
      .map((p): ModbusPdu => ({ kind: 'diagnostics', pduType: 'request', ...p })),
    fc.constant<ModbusPdu>({ kind: 'get_comm_event_counter', pduType: 'request' }),
    fc
      .record({ status: u16, eventCount: u16 })
      .map((p): ModbusPdu => ({ kind: 'get_comm_event_counter', pduType: 'response', ...p })),
    fc.constant<ModbusPdu>({ kind: 'get_comm_event_log', pduType: 'request' }),
    fc
      .record({ status: u16, eventCount: u16, messageCount: u16, events: bytes(64) })
      .map((p): ModbusPdu => ({ kind: 'get_comm_event_log', pduType: 'response', ...p })),
    range(1968).chain(({ address, quantity }) =>
      booleans(quantity, quantity).map((values): ModbusPdu => ({
        kind: 'write_multiple_coils',
        pduType: 'request',
        address,
        values,
      })),
    ),
    fc
      .record({ address: u16, quantity: u16 })
      .map((p): ModbusPdu => ({ kind: 'write_multiple_coils', pduType: 'response', ...p })),
    range(123).chain(({ address, quantity }) =>
      registers(quantity, quantity).map((values): ModbusPdu => ({
        kind: 'write_multiple_registers',
        pduType: 'request',
        address,
        values,
      })),
    ),
    fc
      .record({ address: u16, quantity: u16 })
      .map((p): ModbusPdu => ({ kind: 'write_multiple_registers', pduType: 'response', ...p })),
    fc.constant<ModbusPdu>({ kind: 'report_server_id', pduType: 'request' }),
    bytes(250).map((data): ModbusPdu => ({ kind: 'report_server_id', pduType: 'response', data })),
    fc.array(fileReference, { minLength: 1, maxLength: 20 }).map((subRequests): ModbusPdu => ({
      kind: 'read_file_record',
      pduType: 'request',
      subRequests,
    })),
    fc
      .array(fc.record({ referenceType: u8, values: registers(0, 10) }), { maxLength: 10 })
      .map((subResponses): ModbusPdu => ({
        kind: 'read_file_record',
        pduType: 'response',
        subResponses,
      })),
    fc
      .tuple(
        fc.constantFrom('request' as const, 'response' as const),
        fc.array(fileRecord, { minLength: 1, maxLength: 10 }),
      )
      .map(([pduType, subRequests]): ModbusPdu => ({
        kind: 'write_file_record',
        pduType,
        subRequests,
      })),
    fc
      .record({
        pduType: fc.constantFrom('request' as const, 'response' as const),
        address: u16,
        andMask: u16,
        orMask: u16,
      })
      .map((p): ModbusPdu => ({ kind: 'mask_write_register', ...p })),
    fc.tuple(range(125), range(121)).chain(([read, write]) =>
      registers(write.quantity, write.quantity).map((values): ModbusPdu => ({
        kind: 'read_write_multiple_registers',
        pduType: 'request',
        readAddress: read.address,
        readQuantity: read.quantity,
        writeAddress: write.address,
        values,
      })),
    ),
    registers(1, 125).map((values): ModbusPdu => ({
      kind: 'read_write_multiple_registers',
      pduType: 'response',
      values,
    })),
    u16.map((address): ModbusPdu => ({ kind: 'read_fifo_queue', pduType: 'request', address })),
    registers(0, 31).map((values): ModbusPdu => ({
      kind: 'read_fifo_queue',
      pduType: 'response',
      values,
    })),
    fc
      .record({ readDeviceIdCode: fc.integer({ min: 1, max: 4 }), objectId: u8 })
      .map((p): ModbusPdu => ({ kind: 'read_device_identification', pduType: 'request', ...p })),
    fc
      .record({
        readDeviceIdCode: u8,
        conformityLevel: u8,
        moreFollows: fc.boolean(),
        nextObjectId: u8,
        objects: fc.array(
          fc.record({
            id: u8,
            value: fc.string({ unit: u8.map((c) => String.fromCharCode(c)), maxLength: 40 }),
          }),
          { maxLength: 5 },
        ),
      })
      .map((p): ModbusPdu => ({ kind: 'read_device_identification', pduType: 'response', ...p })),
    fc
      .record({
        pduType: fc.constantFrom('request' as const, 'response' as const),
        data: bytes(200),
      })
      .map((p): ModbusPdu => ({ kind: 'canopen_general_reference', ...p })),
    fc
      .record({
        pduType: fc.constantFrom('request' as const, 'response' as const),
        meiType: u8.filter((m) => m !== 13 && m !== 14),
        data: bytes(200),
      })
      .map((p): ModbusPdu => ({ kind: 'encapsulated_interface_transport', ...p })),
    fc
      .record({ sessionKey: u8, umasFunctionCode: u8, data: bytes(200) })
      .map((p): ModbusPdu => ({ kind: 'umas', pduType: 'request', ...p })),
    fc
      .record({ sessionKey: u8, status: u8, data: bytes(200) })
      .map((p): ModbusPdu => ({ kind: 'umas', pduType: 'response', ...p })),
    fc
      .record({
        pduType: fc.constantFrom('request' as const, 'response' as const),
        functionCode: fc.constantFrom(...UNKNOWN_CODES),
        data: bytes(200),
      })
      .map((p): ModbusPdu => ({ kind: 'opaque', ...p })),
    fc
      .record({ functionCode: fc.integer({ min: 0, max: 127 }), exceptionCode: u8 })
      .map((p): ModbusPdu => ({ kind: 'exception', pduType: 'exception', ...p })),
  )
  .map((pdu) => structuredClone(pdu));

function directionOf(pdu: ModbusPdu): Direction {
  return pdu.pduType === 'request' ? 'request' : 'response';
}

const anyAdu = fc.record({ transactionId: u16, unitId: u8, pdu: anyPdu });

function encoded(adu: ModbusAdu): Uint8Array {
  const result = encodeMbapFrame(adu);
  if (!result.ok) throw result.error;
  return result.value;
}

/** Cheap checks for hot loops (vitest's expect costs more than the codec under test). */
function same(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
  }
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** Every outcome of a decode is a typed PDU or a CodecError with an OTS_MODBUS_ code. */
function typed(result: { ok: true; value: unknown } | { ok: false; error: CodecError }): void {
  if (result.ok) {
    if (typeof result.value !== 'object') throw new Error('a decode gave no object');
  } else if (
    !(result.error instanceof CodecError) ||
    !result.error.code.startsWith('OTS_MODBUS_')
  ) {
    throw new Error(`a decode failed without a Modbus CodecError: ${String(result.error)}`);
  }
}

/** Feeds `stream` in slices, checks every callback, returns what came out. */
function parse(stream: Uint8Array, direction: Direction, cuts: number[]) {
  const frames: ModbusAdu[] = [];
  const errors: CodecError[] = [];
  const parser = createMbapParser(
    (adu) => frames.push(adu),
    (error) => {
      if (!(error instanceof CodecError)) throw new Error('the parser reported a non-CodecError');
      errors.push(error);
    },
    { direction },
  );
  let from = 0;
  for (const cut of [
    ...cuts.filter((c) => c < stream.length).sort((a, b) => a - b),
    stream.length,
  ]) {
    parser.push(stream.subarray(from, cut));
    if (parser.buffered > 260) throw new Error(`the parser holds ${parser.buffered} bytes`);
    from = cut;
  }
  return { frames, errors, parser };
}

describe('typed PDUs round-trip', () => {
  it('encode then decode gives the PDU back, and decode then encode the bytes (20,000 PDUs)', () => {
    fc.assert(
      fc.property(anyPdu, (pdu) => {
        const bytesOut = encodePdu(pdu);
        if (!bytesOut.ok) throw bytesOut.error;
        const decoded = decodePdu(bytesOut.value, directionOf(pdu));
        if (!decoded.ok) throw decoded.error;
        same(decoded.value, pdu, 'decode(encode(pdu))');
        const again = encodePdu(decoded.value);
        check(
          again.ok && Buffer.from(again.value).equals(Buffer.from(bytesOut.value)),
          'encode(decode(bytes))',
        );
      }),
      runs(20_000),
    );
  });
});

describe('random bytes', () => {
  it('as PDUs, in both directions: typed results, and a canonical re-encoding (30,000)', () => {
    fc.assert(
      fc.property(
        bytes(260),
        fc.constantFrom<Direction>('request', 'response'),
        (input, direction) => {
          const decoded = decodePdu(input, direction);
          typed(decoded);
          if (!decoded.ok) return;
          summarize({ transactionId: 0, unitId: 0, pdu: decoded.value });
          const again = encodePdu(decoded.value, { maxPduLength: 0xfffe });
          if (!again.ok) throw again.error;
          const redecoded = decodePdu(again.value, direction);
          if (!redecoded.ok) throw redecoded.error;
          same(redecoded.value, decoded.value, 'canonical re-encoding');
          // Only the padding bits of a coil write are not kept.
          if (!(
            decoded.value.kind === 'write_multiple_coils' && decoded.value.pduType === 'request'
          )) {
            check(
              Buffer.from(again.value).equals(Buffer.from(input)),
              'bytes re-encoded as they came',
            );
          }
        },
      ),
      runs(30_000),
    );
  });

  it('as streams with an MBAP-like header, sliced at random (10,000)', () => {
    // A valid-looking header makes the bytes reach the PDU decoders rather than stop at framing.
    const stream = fc
      .array(
        fc.tuple(u16, fc.constantFrom(0, 0, 0, 1), u8, bytes(30)).map(([tid, pid, unit, pdu]) => {
          const head = Uint8Array.of(tid >> 8, tid & 0xff, 0, pid, 0, pdu.length + 1, unit);
          return Buffer.concat([head, pdu]);
        }),
        { maxLength: 6 },
      )
      .map((parts) => new Uint8Array(Buffer.concat(parts)));
    fc.assert(
      fc.property(
        stream,
        fc.array(fc.nat(300)),
        fc.constantFrom<Direction>('request', 'response'),
        (input, cuts, direction) => {
          const { frames, errors, parser } = parse(input, direction, cuts);
          const oneShot: ModbusAdu[] = [];
          const oneShotErrors: CodecError[] = [];
          decodeMbapFrames(
            input,
            direction,
            (a) => oneShot.push(a),
            (e) => oneShotErrors.push(e),
          );
          // However sliced, the stream gives what the one-shot walk gives.
          same(frames, oneShot, 'sliced stream against one-shot walk');
          same(
            errors.map((e) => e.code),
            oneShotErrors.filter((e) => e.code !== 'OTS_MODBUS_TRUNCATED').map((e) => e.code),
            'errors of the sliced stream',
          );
          if (!parser.desynchronised) {
            check(parser.buffered === input.length - consumedBy(input, direction), 'buffered tail');
          }
        },
      ),
      runs(10_000),
    );
  });
});

/** Bytes that whole ADUs take from the front of `input` (for the parser's buffered count). */
function consumedBy(input: Uint8Array, direction: Direction): number {
  return decodeMbapFrames(
    input,
    direction,
    () => undefined,
    () => undefined,
  );
}

/** Valid frames to mutate, drawn once: generating large PDUs is what costs in these runs. */
const CORPUS = fc
  .sample(anyAdu, { numRuns: 2000, seed: 20240611 })
  .map((adu) => ({ adu, bytes: encoded(adu) }));
const fromCorpus = fc.integer({ min: 0, max: CORPUS.length - 1 }).map((i) => CORPUS[i]!);

describe('mutated valid frames', () => {
  const mutation = fc.oneof(
    // flip 1 to 4 bits
    fc
      .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 4 })
      .map((flips) => (b: Uint8Array) => {
        const out = b.slice();
        for (const [at, bit] of flips) out[at % out.length]! ^= 1 << bit;
        return out;
      }),
    // truncate
    fc.nat().map((cut) => (b: Uint8Array) => b.slice(0, cut % b.length)),
    // lie in the length field
    u16.map((length) => (b: Uint8Array) => {
      const out = b.slice();
      out[4] = length >> 8;
      out[5] = length & 0xff;
      return out;
    }),
    // lie in a PDU byte count or quantity: overwrite one byte after the function code
    fc.tuple(fc.integer({ min: 8, max: 12 }), u8).map(([at, value]) => (b: Uint8Array) => {
      const out = b.slice();
      if (at < out.length) out[at] = value;
      return out;
    }),
    // splice in or cut out a few bytes
    fc
      .tuple(fc.nat(), bytes(6), fc.integer({ min: 0, max: 6 }))
      .map(([at, insert, remove]) => (b: Uint8Array) => {
        const where = at % (b.length + 1);
        return new Uint8Array(
          Buffer.concat([b.subarray(0, where), insert, b.subarray(where + remove)]),
        );
      }),
  );

  it('one-shot decode gives a typed result (30,000)', () => {
    fc.assert(
      fc.property(fromCorpus, mutation, (frame, mutate) => {
        const input = mutate(frame.bytes);
        for (const direction of ['request', 'response'] as const) {
          const decoded = decodeMbapFrame(input, direction);
          typed(decoded);
          if (decoded.ok) summarize(decoded.value);
        }
      }),
      runs(30_000),
    );
  });

  it('valid and mutated frames in one stream, sliced at random (10,000)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fromCorpus, fc.option(mutation, { freq: 4 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.array(fc.nat(1300), { maxLength: 8 }),
        (parts, cuts) => {
          const direction = directionOf(parts[0]![0].adu.pdu);
          const chunks = parts.map(([frame, mutate]) =>
            mutate === null ? frame.bytes : mutate(frame.bytes),
          );
          const input = new Uint8Array(Buffer.concat(chunks));
          const { frames, parser } = parse(input, direction, cuts);
          const oneShot: ModbusAdu[] = [];
          decodeMbapFrames(
            input,
            direction,
            (a) => oneShot.push(a),
            () => undefined,
          );
          same(frames, oneShot, 'sliced stream against one-shot walk');
          // Unmutated frames of the right direction before the first mutation all come out.
          let expected = 0;
          for (const [frame, mutate] of parts) {
            if (mutate !== null) break;
            if (directionOf(frame.adu.pdu) !== direction) break;
            expected++;
          }
          check(frames.length >= expected, 'frames before the first mutation');
          check(parser.buffered <= 260, 'bounded buffer');
        },
      ),
      runs(10_000),
    );
  });
});
