// EtherNet/IP under fuzz: the encapsulation parser and datagram decoder, the command data (body),
// the common packet format, CIP messages with their paths and embedded messages, fed random and
// mutated messages, random CIP inside valid SendRRData messages, and sliced streams.
import {
  ENIP_ERRORS,
  cipEmbeddedMessages,
  createEnipParser,
  decodeCipMessage,
  decodeCipMultipleServicePacket,
  decodeCipUnconnectedSend,
  decodeCpf,
  decodeEnipBody,
  decodeEnipDatagram,
  decodeEnipIdentity,
  decodeEnipIoDatagram,
  decodeEnipListServicesItem,
  decodeEnipRegisterSession,
  decodeEnipSendData,
  decodeEpath,
  encodeCipRequest,
  encodeCipResponse,
  summarizeCip,
  summarizeEnip,
  type CipMessage,
  type EnipMessage,
} from '../../src/protocols/enip/index.js';
import type { CodecError, Decoded } from '../../src/protocols/index.js';
import { CAPTURE_VECTORS, SYNTHETIC_VECTORS } from '../../test/protocols/enip/vectors.js';
import {
  appendMutated,
  mutate,
  pushSliced,
  type Repair,
  sample,
  u16le,
  u8,
  type Builder,
  type LengthField,
  type Sample,
} from '../bytes.js';
import { bounded, checkError, contract, type Generator, type Target } from '../harness.js';
import type { Rng } from '../random.js';
import { EventLog, hex, sameEvents, serialisable } from './common.js';

const CODES: ReadonlySet<string> = new Set(Object.keys(ENIP_ERRORS));
const HEADER = 24;
const ENIP_MAX_LENGTH = 65511;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);

/** Length and count fields of an encapsulation message, found by walking it: the header length,
 * the CPF item count and each item length, the CIP path size or additional status size, and the
 * product name length of an identity item. */
function messageFields(b: Uint8Array): LengthField[] {
  const fields = [u16le(2)];
  const command = u16(b, 0);
  let items: number;
  if (command === 0x6f || command === 0x70) items = HEADER + 6;
  else if (command === 0x63 || command === 0x64 || command === 0x04) items = HEADER;
  else return fields;
  if (items + 2 > b.length) return fields;
  fields.push(u16le(items));
  let at = items + 2;
  for (let i = u16(b, items); i > 0 && at + 4 <= b.length; i--) {
    const type = u16(b, at);
    const length = u16(b, at + 2);
    fields.push(u16le(at + 2));
    const data = at + 4;
    if (type === 0xb2 || type === 0xb1) {
      const cip = type === 0xb1 ? data + 2 : data;
      // request: path size (words); response: additional status size (words)
      fields.push(u8(((b[cip] ?? 0) & 0x80) === 0 ? cip + 1 : cip + 3));
    } else if (type === 0x0c) {
      fields.push(u8(data + 32));
    }
    at = data + length;
  }
  return fields;
}

/** The encapsulation length counts the command data after the 24-octet header. */
const repairLength: Repair = (out, start) => {
  const size = out.length - start;
  if (size >= HEADER) out.write(start + 2, 2, true, Math.min(0xffff, size - HEADER));
};

function corpus(): Sample[] {
  return [...CAPTURE_VECTORS, ...SYNTHETIC_VECTORS].map((v) => {
    const bytes = hex(v.bytes);
    return sample(v.name, bytes, messageFields(bytes));
  });
}

const COMMANDS = [0x0000, 0x0001, 0x0004, 0x0063, 0x0064, 0x0065, 0x0066, 0x006f, 0x0070, 0x0072];
const SERVICES = [
  0x01, 0x03, 0x0a, 0x0e, 0x10, 0x4b, 0x4c, 0x4d, 0x4e, 0x52, 0x54, 0x5b, 0x81, 0x8a, 0x8e, 0xcc,
  0xd2, 0xd4,
];
/** Segment bytes that open logical, port, symbolic and data segments of every size. */
const SEGMENT_TYPES = [
  0x20, 0x21, 0x24, 0x25, 0x28, 0x29, 0x2c, 0x30, 0x31, 0x34, 0x01, 0x02, 0x11, 0x12, 0x91, 0x80,
  0x43, 0x63, 0xe0,
];

/** A CIP request or reply: plausible service, path size and segments, random rest. */
function appendRandomCip(rng: Rng, out: Builder): void {
  const reply = rng.chance(1, 3);
  const service = (rng.chance(7, 8) ? rng.pick(SERVICES) : rng.byte()) | (reply ? 0x80 : 0);
  out.appendByte(service);
  if (reply) {
    out.appendByte(0);
    out.appendByte(rng.chance(1, 2) ? 0 : rng.byte());
    out.appendByte(rng.chance(3, 4) ? rng.below(3) : rng.byte());
  } else {
    const words = rng.length(12);
    out.appendByte(words);
    const start = out.length;
    out.appendRandom(rng, 2 * words);
    for (let at = start; at < out.length; at += 2 * rng.between(1, 2)) {
      out.bytes[at] = rng.pick(SEGMENT_TYPES);
    }
  }
  out.appendRandom(rng, rng.length(40));
}

/** A header with a known command and (usually) a true length, and a body to match. */
function appendRandomMessage(rng: Rng, out: Builder): void {
  const start = out.length;
  const command = rng.chance(7, 8) ? rng.pick(COMMANDS) : rng.below(0x10000);
  out.appendFill(0, HEADER);
  const b = out.bytes;
  b[start] = command & 0xff;
  b[start + 1] = command >> 8;
  rng.fill(b, start + 4, start + 8); // session handle
  if (rng.chance(1, 8)) b[start + 8] = rng.byte(); // status
  rng.fill(b, start + 12, start + 20); // sender context
  const body = out.length;
  if ((command === 0x6f || command === 0x70) && rng.chance(7, 8)) {
    // interface handle, timeout, two CPF items: an address and a data item carrying CIP
    out.appendFill(0, 6);
    out.append(Uint8Array.of(2, 0));
    const connected = command === 0x70;
    out.append(connected ? Uint8Array.of(0xa1, 0, 4, 0) : Uint8Array.of(0, 0, 0, 0));
    if (connected) out.appendRandom(rng, 4);
    out.append(Uint8Array.of(connected ? 0xb1 : 0xb2, 0, 0, 0));
    const lengthAt = out.length - 2;
    const cip = out.length;
    if (connected) out.appendRandom(rng, 2);
    appendRandomCip(rng, out);
    const itemLength = out.length - cip;
    out.bytes[lengthAt] = itemLength & 0xff;
    out.bytes[lengthAt + 1] = itemLength >> 8;
  } else {
    out.appendRandom(rng, rng.length(100));
  }
  const length = rng.chance(15, 16) ? out.length - body : rng.below(0x10000);
  out.bytes[start + 2] = length & 0xff;
  out.bytes[start + 3] = length >> 8;
}

export function enipTarget(): Target {
  const samples = corpus();
  contract(samples.length >= 30, () => `only ${samples.length} ENIP vectors were found`);

  function checkCip(rng: Rng, result: Decoded<CipMessage>, depth = 0): void {
    if (!result.ok) {
      checkError(CODES, result.error);
      return;
    }
    const cip = result.value;
    serialisable(rng, summarizeCip(cip));
    const embedded = depth < 4 ? cipEmbeddedMessages(cip) : undefined;
    if (embedded !== undefined) {
      if (embedded.ok)
        for (const m of embedded.value) checkCip(rng, { ok: true, value: m }, depth + 1);
      else checkError(CODES, embedded.error);
    }
    if (rng.chance(1, 4)) {
      const again = cip.kind === 'request' ? encodeCipRequest(cip) : encodeCipResponse(cip);
      if (!again.ok) checkError(CODES, again.error);
    }
  }

  function handle(rng: Rng, message: EnipMessage): void {
    const body = decodeEnipBody(message);
    if (!body.ok) checkError(CODES, body.error);
    else if (body.value.kind === 'send_data' && body.value.cip !== undefined) {
      checkCip(rng, { ok: true, value: body.value.cip });
    }
    const summary = summarizeEnip(message);
    if (summary.note !== undefined) {
      contract(CODES.has(summary.note.code), () => `summary note ${summary.note?.code}`);
    }
    serialisable(rng, summary);
  }

  function feed(
    rng: Rng,
    input: Uint8Array,
    maxLength: number | undefined,
    slice: boolean,
    interrupt = false,
  ) {
    const log = new EventLog();
    const bound = Math.min(ENIP_MAX_LENGTH, Math.max(0, Math.floor(maxLength ?? ENIP_MAX_LENGTH)));
    const parser = createEnipParser(
      (message) => {
        log.frame();
        bounded(message.data.length <= bound, () => `a message of ${message.data.length} octets`);
        handle(rng, message);
      },
      (error: CodecError) => {
        checkError(CODES, error);
        log.error(error.code);
      },
      maxLength === undefined ? {} : { maxLength },
    );
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
    // Each message takes a 24-octet header and gives a message or one error; an end() cuts
    // one short at most.
    bounded(log.events <= input.length / HEADER + pushes + 1, () => `${log.events} events`);
    return { log, pushes };
  }

  function datagram(rng: Rng, input: Uint8Array): void {
    const message = decodeEnipDatagram(input);
    if (message.ok) handle(rng, message.value);
    else checkError(CODES, message.error);
  }

  const randomBytes: Generator = {
    name: 'random bytes',
    weight: 2,
    make: (rng, out) => {
      out.appendRandom(rng, rng.length(200));
    },
    run: (input, rng) => {
      switch (rng.below(5)) {
        case 0:
          datagram(rng, input);
          break;
        case 1: {
          const io = decodeEnipIoDatagram(input);
          if (!io.ok) checkError(CODES, io.error);
          break;
        }
        case 2:
          checkCip(rng, decodeCipMessage(input));
          break;
        case 3: {
          const path = decodeEpath(input);
          if (!path.ok) checkError(CODES, path.error);
          break;
        }
        default:
          feed(rng, input, undefined, false);
      }
    },
  };

  const randomMessage: Generator = {
    name: 'random message with a plausible header',
    weight: 3,
    make: appendRandomMessage,
    run: (input, rng) => {
      if (rng.chance(3, 4)) datagram(rng, input);
      else feed(rng, input, undefined, false);
    },
  };

  const randomCip: Generator = {
    name: 'random CIP message',
    weight: 2,
    make: appendRandomCip,
    run: (input, rng) => {
      checkCip(rng, decodeCipMessage(input));
    },
  };

  const mutated: Generator = {
    name: 'mutated vector',
    weight: 4,
    make: (rng, out) => {
      appendMutated(rng, out, rng.pick(samples), samples, repairLength);
    },
    run: (input, rng) => {
      if (rng.chance(1, 2)) datagram(rng, input);
      else feed(rng, input, undefined, false);
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
        else if (kind < 7) appendMutated(rng, out, rng.pick(samples), samples, repairLength);
        else if (kind < 9) appendRandomMessage(rng, out);
        else out.appendRandom(rng, rng.between(1, 30));
      }
    },
    run: (input, rng) => {
      const maxLength = rng.chance(1, 2) ? undefined : rng.between(0, 300);
      const interrupt = rng.chance(1, 8);
      const sliced = feed(rng, input, maxLength, true, interrupt);
      if (!interrupt && rng.chance(1, 2))
        sameEvents(feed(rng, input, maxLength, false).log, sliced.log, sliced.pushes);
    },
  };

  const parts: Generator = {
    name: 'command data, item and embedded message decoders',
    weight: 1,
    make: (rng, out) => {
      // Half the time the command data of a real message, mutated; else random bytes.
      if (rng.chance(1, 2)) {
        const s = rng.pick(samples);
        out.append(s.bytes.subarray(Math.min(HEADER, s.bytes.length)));
        mutate(rng, out, 0, s, rng.pick(samples));
      } else {
        out.appendRandom(rng, rng.length(80));
      }
    },
    run: (input, rng) => {
      const results: Decoded<unknown>[] = [
        decodeCpf(input),
        decodeEnipSendData(input),
        decodeEnipRegisterSession(input),
        decodeEnipIdentity(input, rng.chance(1, 2)),
        decodeEnipListServicesItem(input),
        decodeCipUnconnectedSend(input),
        decodeCipMultipleServicePacket(input),
      ];
      for (const result of results) if (!result.ok) checkError(CODES, result.error);
    },
  };

  return {
    protocol: 'enip',
    generators: [randomBytes, randomMessage, randomCip, mutated, stream, parts],
  };
}
