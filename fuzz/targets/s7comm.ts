// S7comm under fuzz: TPKT, COTP and S7 PDU decoding one-shot, and the stream parser (TPKT framing,
// COTP reassembly, S7 decoding) on sliced streams of valid, mutated, segmented and random frames.
import {
  S7COMM_ERRORS,
  createCotpReassembler,
  createS7commParser,
  createTpktParser,
  blockFileInfo,
  decodeCotp,
  decodeDateAndTime,
  decodeS7Header,
  decodeS7Pdu,
  decodeS7Timestamp,
  decodeTpkt,
  s7Tsap,
  tsapNumber,
  unscramblePassword,
  encodeS7Pdu,
  summarizeS7Pdu,
  type S7commMessage,
  type S7commParserOptions,
  type S7Pdu,
} from '../../src/protocols/s7comm/index.js';
import type { CodecError, Decoded } from '../../src/protocols/index.js';
import { VECTORS } from '../../test/protocols/s7comm/vectors.js';
import {
  appendMutated,
  pushSliced,
  type Repair,
  sample,
  u16be,
  u8,
  type Builder,
  type LengthField,
  type Sample,
} from '../bytes.js';
import { bounded, checkError, contract, type Generator, type Target } from '../harness.js';
import type { Rng } from '../random.js';
import { EventLog, hex, sameEvents, serialisable } from './common.js';

const CODES: ReadonlySet<string> = new Set(Object.keys(S7COMM_ERRORS));

/** COTP connection TPDUs of test/protocols/s7comm/cotp.test.ts (sources named there): CR from
 * nmap s7-info, CC from a real S7-300, CR to an S7-1200, an empty DT, DR, DC and ER. */
const COTP_FRAMES = [
  '03 00 00 16 11 e0 0000 0014 00 c1 02 0100 c2 02 0102 c0 01 0a',
  '03 00 00 16 11 d0 0007 0003 00 c0 01 0a c1 02 0100 c2 02 0102',
  '03 00 00 23 1e e0 0000 0011 00 c1 02 0600 c2 0f 53494d415449432d524f4f542d4553 c0 01 0a',
  '03 00 00 07 02 f0 00',
  '03 00 00 0e 09 80 0001 0003 80 e0 01 ff',
  '03 00 00 0a 05 c0 0001 0003',
  '03 00 00 0d 08 70 0003 03 c1 02 e0 11',
];

/** Length and count fields of a TPKT + COTP DT + S7 frame: TPKT length, COTP length indicator,
 * S7 parameter and data lengths, item counts and item lengths in the parameter and data parts. */
function frameFields(frame: Uint8Array): LengthField[] {
  const fields = [u16be(2), u8(4)];
  if (frame[7] !== 0x32) return fields;
  const rosctr = frame[8] ?? 0;
  const parameter = 7 + (rosctr === 2 || rosctr === 3 ? 12 : 10);
  const data = parameter + (((frame[13] ?? 0) << 8) | (frame[14] ?? 0));
  fields.push(u16be(13), u16be(15), u8(parameter + 1), u8(parameter + 3), u16be(parameter + 6));
  fields.push(u8(data + 1), u16be(data + 2), u16be(data + 6), u16be(data + 8), u16be(data + 10));
  return fields;
}

/** TPKT length, then the S7 header's parameter and data lengths (the data part takes the rest). */
const repairLengths: Repair = (out, start) => {
  const size = out.length - start;
  if (size < 4) return;
  out.write(start + 2, 2, false, Math.min(0xffff, size));
  const s7 = start + 7;
  if (size < 17 || out.bytes[s7] !== 0x32) return;
  const rosctr = out.bytes[s7 + 1];
  const head = rosctr === 2 || rosctr === 3 ? 12 : 10;
  const room = size - 7 - head;
  if (room < 0) return;
  const parameter = Math.min(room, out.read(s7 + 6, 2, false));
  out.write(s7 + 6, 2, false, parameter);
  out.write(s7 + 8, 2, false, room - parameter);
};

function corpus(): Sample[] {
  const out = VECTORS.map((v) => sample(v.name, v.frame, frameFields(v.frame)));
  for (const text of COTP_FRAMES) {
    const frame = hex(text);
    out.push(sample(`COTP ${text.slice(12, 17)}`, frame, [u16be(2), u8(4), u8(frame.length - 2)]));
  }
  return out;
}

/** Function codes of job and ack-data PDUs, and a few that name nothing. */
const FUNCTIONS = [0x00, 0x04, 0x05, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, 0x28, 0x29, 0xf0, 0x77];

/** TPKT, COTP DT with EOT, then an S7 header with plausible parts and random contents. */
function appendRandomPdu(rng: Rng, out: Builder): void {
  const rosctr = rng.pick([1, 2, 3, 7, 7, rng.byte()]);
  const head = rosctr === 2 || rosctr === 3 ? 12 : 10;
  const userdata = rosctr === 7 && rng.chance(3, 4);
  const parameterLength = userdata ? rng.pick([8, 12, rng.length(16)]) : rng.length(60);
  const dataLength = rng.length(120);
  const total = 7 + head + parameterLength + dataLength;
  const start = out.length;
  out.appendRandom(rng, total);
  const b = out.bytes;
  const tpkt = rng.chance(15, 16) ? total : rng.below(0x10000);
  b.set([0x03, 0x00, tpkt >> 8, tpkt & 0xff, 0x02, 0xf0, rng.chance(7, 8) ? 0x80 : 0x00], start);
  const s = start + 7;
  b.set([0x32, rosctr, 0, 0], s);
  b[s + 6] = parameterLength >> 8;
  b[s + 7] = parameterLength & 0xff;
  b[s + 8] = dataLength >> 8;
  b[s + 9] = dataLength & 0xff;
  if (head === 12) b[s + 10] = rng.pick([0, 0, 0x81, 0x85, 0xd2]);
  const p = s + head;
  if (parameterLength === 0) return;
  if (userdata) {
    // userdata parameter head 00 01 12, its length, then method, type|group, subfunction
    const fixed = [0x00, 0x01, 0x12, parameterLength - 4, rng.pick([0x11, 0x12])];
    fixed.push((rng.pick([0x0, 0x4, 0x8]) << 4) | rng.pick([1, 2, 3, 4, 5, 7]));
    fixed.push(rng.between(1, 4));
    b.set(fixed.slice(0, parameterLength), p);
    if (dataLength >= 4) {
      b.set([rng.pick([0xff, 0x0a, 0x00]), rng.pick([0x09, 0x04, 0x00])], p + parameterLength);
      const announced = rng.chance(3, 4) ? dataLength - 4 : rng.below(0x10000);
      b[p + parameterLength + 2] = announced >> 8;
      b[p + parameterLength + 3] = announced & 0xff;
    }
  } else {
    b[p] = rng.pick(FUNCTIONS);
  }
}

/** A valid or mutated S7 PDU cut into DT TPDUs, each in its own TPKT packet. */
function appendSegmented(rng: Rng, out: Builder, samples: readonly Sample[]): void {
  const s = rng.pick(samples);
  const scratchStart = out.length;
  if (rng.chance(1, 2)) out.append(s.bytes);
  else appendMutated(rng, out, s, samples, repairLengths);
  // Move the PDU (after TPKT and COTP) out of the way, then write the segments over it.
  const pdu = out.bytes.slice(Math.min(scratchStart + 7, out.length), out.length);
  out.length = scratchStart;
  let at = 0;
  const segments = rng.between(1, 6);
  for (let k = 0; k < segments; k++) {
    const last = k === segments - 1;
    const size = last ? pdu.length - at : Math.min(pdu.length - at, rng.length(40));
    const length = 7 + size;
    const eot = last ? rng.chance(7, 8) : rng.chance(1, 16);
    out.append(Uint8Array.of(0x03, 0x00, length >> 8, length & 0xff, 0x02, 0xf0, eot ? 0x80 : 0));
    out.append(pdu.subarray(at, at + size));
    at += size;
  }
}

export function s7commTarget(): Target {
  const samples = corpus();
  contract(samples.length >= 50, () => `only ${samples.length} S7comm vectors were found`);

  function checkPdu(rng: Rng, result: Decoded<S7Pdu>): void {
    if (!result.ok) {
      checkError(CODES, result.error);
      return;
    }
    serialisable(rng, summarizeS7Pdu(result.value));
    // What was decoded encodes again without a throw (a server echoes parts of requests).
    if (rng.chance(1, 4)) encodeS7Pdu(result.value);
  }

  /** The stream parser, fed in slices; returns its events. */
  function feed(
    rng: Rng,
    input: Uint8Array,
    options: S7commParserOptions,
    slice: boolean,
    interrupt = false,
  ): { log: EventLog; pushes: number } {
    const log = new EventLog();
    const maxPdu = Math.max(1, options.maxPduSize ?? 65535);
    const onMessage = (m: S7commMessage) => {
      log.frame(m.kind === 's7' ? 'S' : m.kind === 'cotp' ? 'C' : 'O');
      if (m.kind === 's7') {
        bounded(m.bytes.length <= maxPdu, () => `an S7 PDU of ${m.bytes.length} bytes`);
        checkPdu(rng, { ok: true, value: m.pdu });
      } else if (m.kind === 'other') {
        bounded(m.data.length <= maxPdu, () => `a TSDU of ${m.data.length} bytes`);
      }
    };
    const onError = (e: CodecError) => {
      checkError(CODES, e);
      log.error(e.code);
    };
    const parser = createS7commParser(onMessage, onError, options);
    let pushes = 1;
    if (slice) {
      pushes = pushSliced(rng, input, (chunk) => {
        parser.push(chunk);
        // end() or reset() in mid-stream, then more bytes: a new connection on the same parser
        if (interrupt && rng.chance(1, 8)) {
          if (rng.chance(1, 2)) parser.end();
          else parser.reset();
        }
      });
    } else {
      parser.push(input);
    }
    parser.end();
    // A resynchronising TPKT parser may report a bad header and the skipped run for each byte
    // of garbage; an end() may add two for what it cuts short.
    bounded(
      log.events <= 2 * input.length + 2 * pushes + 2,
      () => `${log.events} events from ${input.length} bytes`,
    );
    return { log, pushes };
  }

  const randomBytes: Generator = {
    name: 'random bytes',
    weight: 2,
    make: (rng, out) => {
      out.appendRandom(rng, rng.length(200));
      // Half start like a TPKT header, so that framing lets the bytes through.
      if (out.length >= 4 && rng.chance(1, 2)) out.bytes.set([0x03, 0x00], 0);
    },
    run: (input, rng) => {
      switch (rng.below(4)) {
        case 0: {
          const tpkt = decodeTpkt(input);
          if (!tpkt.ok) checkError(CODES, tpkt.error);
          break;
        }
        case 1: {
          const cotp = decodeCotp(input);
          if (!cotp.ok) checkError(CODES, cotp.error);
          break;
        }
        case 2:
          checkPdu(rng, decodeS7Pdu(input));
          break;
        default:
          feed(rng, input, {}, false);
      }
    },
  };

  const randomPdu: Generator = {
    name: 'random S7 PDU in TPKT and COTP',
    weight: 3,
    make: appendRandomPdu,
    run: (input, rng) => {
      if (rng.chance(3, 4)) checkPdu(rng, decodeS7Pdu(input.subarray(7)));
      else feed(rng, input, {}, false);
    },
  };

  const mutated: Generator = {
    name: 'mutated vector',
    weight: 4,
    make: (rng, out) => {
      appendMutated(rng, out, rng.pick(samples), samples, repairLengths);
    },
    run: (input, rng) => {
      const how = rng.below(4);
      if (how < 2) {
        checkPdu(rng, decodeS7Pdu(input.subarray(7)));
      } else if (how === 2) {
        const tpkt = decodeTpkt(input);
        if (!tpkt.ok) checkError(CODES, tpkt.error);
        const cotp = decodeCotp(input.subarray(4));
        if (!cotp.ok) checkError(CODES, cotp.error);
      } else {
        feed(rng, input, {}, false);
      }
    },
  };

  const segmented: Generator = {
    name: 'segmented PDU',
    weight: 1,
    make: (rng, out) => {
      appendSegmented(rng, out, samples);
    },
    run: (input, rng) => {
      const options = rng.chance(1, 2) ? {} : { maxPduSize: rng.between(1, 300) };
      feed(rng, input, options, true);
    },
  };

  const stream: Generator = {
    name: 'sliced stream',
    weight: 1,
    make: (rng, out) => {
      const pieces = rng.between(1, 4);
      for (let p = 0; p < pieces; p++) {
        const kind = rng.below(10);
        if (kind < 4) out.append(rng.pick(samples).bytes);
        else if (kind < 7) appendMutated(rng, out, rng.pick(samples), samples, repairLengths);
        else if (kind < 8) appendRandomPdu(rng, out);
        else if (kind < 9) appendSegmented(rng, out, samples);
        else out.appendRandom(rng, rng.between(1, 20));
      }
    },
    run: (input, rng) => {
      const options: S7commParserOptions = {};
      if (rng.chance(1, 4)) options.maxTpktLength = rng.between(0, 400);
      if (rng.chance(1, 4)) options.maxPduSize = rng.between(0, 400);
      const interrupt = rng.chance(1, 8);
      const sliced = feed(rng, input, options, true, interrupt);
      if (!interrupt && rng.chance(1, 2))
        sameEvents(feed(rng, input, options, false).log, sliced.log, sliced.pushes);
      // The stream parser does not show its buffers: its TPKT parser and COTP reassembler,
      // run alone on a quarter of the streams, hold no more than one packet and one PDU.
      if (rng.chance(3, 4)) return;
      const maxTpkt = Math.min(65535, Math.max(7, options.maxTpktLength ?? 65535));
      const maxPdu = Math.max(1, options.maxPduSize ?? 65535);
      const onError = (e: CodecError) => {
        checkError(CODES, e);
      };
      const cotp = createCotpReassembler(
        (tsdu) => {
          bounded(tsdu.length <= maxPdu, () => `a TSDU of ${tsdu.length} bytes`);
        },
        onError,
        { maxSize: maxPdu },
      );
      const tpkt = createTpktParser(
        (payload) => {
          const tpdu = decodeCotp(payload);
          if (!tpdu.ok) return;
          if (tpdu.value.type === 'DT') cotp.push(tpdu.value);
          bounded(cotp.buffered <= maxPdu, () => `the COTP reassembler holds ${cotp.buffered}`);
        },
        onError,
        options.maxTpktLength === undefined ? {} : { maxLength: options.maxTpktLength },
      );
      pushSliced(rng, input, (chunk) => {
        tpkt.push(chunk);
        bounded(tpkt.buffered <= maxTpkt, () => `the TPKT parser holds ${tpkt.buffered} bytes`);
      });
      tpkt.end();
      bounded(
        tpkt.buffered === 0,
        () => `the TPKT parser holds ${tpkt.buffered} bytes after end()`,
      );
    },
  };

  const helpers: Generator = {
    name: 'header, time stamp, password and TSAP decoders',
    weight: 1,
    make: (rng, out) => {
      out.appendRandom(rng, rng.length(24));
    },
    run: (input, rng) => {
      const header = decodeS7Header(input);
      if (!header.ok) checkError(CODES, header.error);
      const offset = rng.below(input.length + 2);
      serialisable(rng, decodeS7Timestamp(input, offset), 1);
      serialisable(rng, decodeDateAndTime(input, offset), 1);
      unscramblePassword(input);
      tsapNumber(input);
      s7Tsap(input);
      blockFileInfo(Buffer.from(input).toString('latin1'));
    },
  };

  return {
    protocol: 's7comm',
    generators: [randomBytes, randomPdu, mutated, segmented, stream, helpers],
  };
}
