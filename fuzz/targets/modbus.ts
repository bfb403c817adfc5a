// Modbus/TCP under fuzz: one-shot ADU decoding (decodeMbapFrame, decodeMbapFrames, decodePdu) in
// both directions, and the incremental MBAP parser on sliced streams of valid, mutated and random
// frames, with its buffer bound and its slicing independence checked.
import {
  MODBUS_ERRORS,
  REGISTER_TYPES,
  createMbapParser,
  decodeMbapFrame,
  decodeMbapFrames,
  decodePdu,
  decodeRegisterString,
  decodeRegisterValue,
  encodeMbapFrame,
  summarize,
  type Direction,
  type ByteOrder,
  type MbapParserOptions,
  type ModbusAdu,
  type RegisterType,
} from '../../src/protocols/modbus/index.js';
import type { CodecError, Decoded } from '../../src/protocols/index.js';
import {
  appendMutated,
  pushSliced,
  type Repair,
  sample,
  u16be,
  u8,
  type Builder,
  type Sample,
} from '../bytes.js';
import { bounded, checkError, contract, type Generator, type Target } from '../harness.js';
import type { Rng } from '../random.js';
import { repositoryText } from '../files.js';
import { EventLog, hex, sameEvents, serialisable } from './common.js';

const CODES: ReadonlySet<string> = new Set(Object.keys(MODBUS_ERRORS));
const DIRECTIONS: readonly Direction[] = ['request', 'response'];

/** The test files whose annotated vectors seed the mutations (the Modbus tests keep their
 * vectors inside the test files, so they are read as text). */
const VECTOR_FILES = ['spec-examples', 'captures', 'limits'];

/** Length, count and quantity fields an ADU may hold, by offset from the MBAP header: the MBAP
 * length; a byte count at PDU+1; quantities at PDU+1 and PDU+3; the FC 15/16 byte count at
 * PDU+5; the FC 23 write quantity and byte count; the FC 43/14 object count and length. */
function aduFields() {
  return [u16be(4), u8(8), u16be(8), u16be(10), u8(12), u8(13), u16be(14), u8(15), u8(16)];
}

/** Hex strings written as `adu: '…'`, `pdu: '…'` or `payload: '…' + '…'` in the test files. */
export function modbusVectors(): Sample[] {
  const out: Sample[] = [];
  const pattern =
    /\b(adu|pdu|payload)\s*:\s*((?:'[0-9a-fA-F\s]*'\s*\+\s*)*'[0-9a-fA-F\s]*')\s*[,}\n]/g;
  for (const file of VECTOR_FILES) {
    const text = repositoryText(`test/protocols/modbus/${file}.test.ts`);
    for (const match of text.matchAll(pattern)) {
      const kind = match[1] ?? '';
      const bytes = hex((match[2] ?? '').replace(/'/g, ''));
      if (bytes.length === 0) continue;
      if (kind === 'pdu') {
        // A PDU alone goes into an MBAP header: transaction 0x1234, unit 17.
        const adu = new Uint8Array(7 + bytes.length);
        adu.set([0x12, 0x34, 0, 0, (bytes.length + 1) >> 8, (bytes.length + 1) & 0xff, 0x11]);
        adu.set(bytes, 7);
        out.push(sample(`${file} pdu ${out.length}`, adu, aduFields()));
      } else {
        out.push(sample(`${file} ${kind} ${out.length}`, bytes, aduFields()));
      }
    }
  }
  return out;
}

/** Function codes a random PDU starts with: every public one, UMAS, exceptions, and any byte. */
const FUNCTION_CODES = [
  1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 15, 16, 17, 20, 21, 22, 23, 24, 43, 90, 0x81, 0x83, 0x88, 0xab,
];

/** The MBAP protocol identifier is 0, and the length field counts the bytes after it. */
const repairMbap: Repair = (out, start) => {
  const size = out.length - start;
  if (size < 7) return;
  out.write(start + 2, 2, false, 0);
  out.write(start + 4, 2, false, Math.min(0xffff, size - 6));
};

function appendRandomAdu(rng: Rng, out: Builder): void {
  const start = out.length;
  const pduLength = rng.length(260);
  out.reserve(7 + pduLength);
  out.appendByte(rng.byte());
  out.appendByte(rng.byte());
  // protocol identifier: 0 nearly always, so the PDU decoders are reached
  out.appendByte(0);
  out.appendByte(rng.chance(1, 32) ? rng.byte() : 0);
  const length = rng.chance(7, 8) ? pduLength + 1 : rng.below(0x10000);
  out.appendByte(length >> 8);
  out.appendByte(length & 0xff);
  out.appendByte(rng.byte());
  out.appendRandom(rng, pduLength);
  if (pduLength > 0) {
    const fc = rng.chance(3, 4) ? rng.pick(FUNCTION_CODES) : rng.byte();
    out.bytes[start + 7] = fc;
    // sub-functions that select a decoder: diagnostics 0..0x14, MEI 13/14
    if (pduLength > 2 && fc === 8) out.bytes[start + 8] = 0;
    if (pduLength > 2 && fc === 8) out.bytes[start + 9] = rng.below(0x16);
    if (pduLength > 1 && fc === 43) out.bytes[start + 8] = rng.chance(1, 2) ? 14 : 13;
  }
}

const TYPES = Object.keys(REGISTER_TYPES) as RegisterType[];
const ORDERS: readonly ByteOrder[] = ['ABCD', 'DCBA', 'BADC', 'CDAB'];
/** Indexes and counts a caller might pass by mistake. */
const ODD_NUMBERS = [-1, 0.5, Number.NaN, Infinity, 2 ** 31, -0];

function check(rng: Rng, result: Decoded<ModbusAdu>): void {
  if (!result.ok) {
    checkError(CODES, result.error);
    return;
  }
  const summary = summarize(result.value);
  serialisable(rng, summary);
  if (rng.chance(1, 4)) {
    // What was decoded encodes again, or is refused with a code: never a throw.
    const again = encodeMbapFrame(result.value, { maxPduLength: 259 });
    if (!again.ok) checkError(CODES, again.error);
  }
}

function onError(error: CodecError): void {
  checkError(CODES, error);
}

export function modbusTarget(): Target {
  const corpus = modbusVectors();
  contract(corpus.length >= 100, () => `only ${corpus.length} Modbus vectors were found`);

  const randomBytes: Generator = {
    name: 'random bytes',
    weight: 2,
    make: (rng, out) => {
      out.appendRandom(rng, rng.length(300));
    },
    run: (input, rng) => {
      // One decoder and one direction per case: each input costs one decode.
      const direction = rng.pick(DIRECTIONS);
      if (rng.chance(1, 2)) {
        check(rng, decodeMbapFrame(input, direction));
        return;
      }
      const pdu = decodePdu(input, direction);
      if (pdu.ok) serialisable(rng, summarize({ transactionId: 0, unitId: 0, pdu: pdu.value }));
      else checkError(CODES, pdu.error);
    },
  };

  const randomAdu: Generator = {
    name: 'random PDU in an MBAP header',
    weight: 3,
    make: appendRandomAdu,
    run: (input, rng) => {
      const maxLength = rng.chance(1, 4) ? 260 : 254;
      check(rng, decodeMbapFrame(input, rng.pick(DIRECTIONS), { maxLength }));
    },
  };

  const mutated: Generator = {
    name: 'mutated vector',
    weight: 4,
    make: (rng, out) => {
      appendMutated(rng, out, rng.pick(corpus), corpus, repairMbap);
    },
    run: (input, rng) => {
      const direction = rng.pick(DIRECTIONS);
      if (rng.chance(1, 2)) {
        check(rng, decodeMbapFrame(input, direction));
        return;
      }
      // The capture path: a reassembled payload of ADUs back to back.
      let events = 0;
      decodeMbapFrames(
        input,
        direction,
        (adu) => {
          events++;
          check(rng, { ok: true, value: adu });
        },
        (error) => {
          events++;
          onError(error);
        },
      );
      bounded(events <= input.length / 8 + 1, () => `${events} events from ${input.length} bytes`);
    },
  };

  const stream: Generator = {
    name: 'sliced stream',
    weight: 1,
    make: (rng, out) => {
      const pieces = rng.between(1, 4);
      for (let p = 0; p < pieces; p++) {
        const kind = rng.below(10);
        if (kind < 5) out.append(rng.pick(corpus).bytes);
        else if (kind < 8) appendMutated(rng, out, rng.pick(corpus), corpus, repairMbap);
        else if (kind < 9) appendRandomAdu(rng, out);
        else out.appendRandom(rng, rng.between(1, 20));
      }
    },
    run: (input, rng) => {
      const options: MbapParserOptions = {
        direction: rng.pick(DIRECTIONS),
        resynchronise: rng.chance(1, 4) ? 'next-chunk' : 'reset',
      };
      const bound = rng.below(4);
      if (bound > 0) options.maxLength = bound === 1 ? 260 : bound === 2 ? 2 + rng.below(300) : 254;
      const maxHeld = 6 + Math.min(0xffff, Math.max(2, options.maxLength ?? 254));
      // Now and then reset() from a callback (allowed) or between pushes: a new flow.
      const interrupt = rng.chance(1, 8);
      const sliced = new EventLog();
      const parser = createMbapParser(
        (adu) => {
          sliced.frame();
          check(rng, { ok: true, value: adu });
          if (interrupt && rng.chance(1, 4)) parser.reset();
        },
        (error) => {
          sliced.error(error.code);
          onError(error);
        },
        options,
      );
      let fed = 0;
      const pushes = pushSliced(rng, input, (chunk) => {
        parser.push(chunk);
        fed += chunk.length;
        if (interrupt && rng.chance(1, 8)) {
          parser.reset();
          fed = 0;
        }
        bounded(
          parser.buffered <= maxHeld && parser.buffered <= fed,
          () => `the parser holds ${parser.buffered} bytes after ${fed} were fed`,
        );
      });
      // Every ADU takes 8 bytes at least; a bad header ends the stream or, at most, its chunk.
      bounded(
        sliced.events <= input.length / 8 + pushes + 1,
        () => `${sliced.events} events from ${input.length} bytes in ${pushes} pushes`,
      );
      if (options.resynchronise === 'reset' && !interrupt && rng.chance(1, 2)) {
        // However the stream is cut, the parser gives the same ADUs and the same errors.
        const whole = new EventLog();
        const again = createMbapParser(
          () => {
            whole.frame();
          },
          (error) => {
            whole.error(error.code);
          },
          options,
        );
        again.push(input);
        sameEvents(whole, sliced, pushes);
        contract(again.buffered === parser.buffered, () => 'buffered tail differs with slicing');
      }
    },
  };

  const dataTypes: Generator = {
    name: 'register data types',
    weight: 1,
    make: (rng, out) => {
      out.appendRandom(rng, 2 * rng.length(12));
    },
    run: (input, rng) => {
      // Registers as a response carries them, read as every type and byte order, from any index.
      const registers: number[] = [];
      for (let i = 0; i + 1 < input.length; i += 2) {
        registers.push(((input[i] ?? 0) << 8) | (input[i + 1] ?? 0));
      }
      const order = rng.pick(ORDERS);
      const index = rng.chance(3, 4) ? rng.below(registers.length + 1) : rng.pick(ODD_NUMBERS);
      const value = decodeRegisterValue(registers, rng.pick(TYPES), order, index);
      if (!value.ok) checkError(CODES, value.error);
      const count = rng.chance(3, 4) ? rng.below(registers.length + 2) : rng.pick(ODD_NUMBERS);
      const text = decodeRegisterString(registers, count, order, index);
      if (!text.ok) checkError(CODES, text.error);
    },
  };

  return {
    protocol: 'modbus',
    generators: [randomBytes, randomAdu, mutated, stream, dataTypes],
  };
}
