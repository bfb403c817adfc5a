// DNP3 under fuzz: the link parser, transport reassembly and application decoder as one pipeline
// (stream and datagram decoders), the single-frame and application-fragment decoders, fed random
// frames with valid CRCs, mutated capture vectors (with and without their CRCs mended, so that
// mutations get past the link layer), mutated fragments re-framed, and sliced streams.
import {
  DNP3_ERRORS,
  createDnp3DatagramDecoder,
  createDnp3StreamDecoder,
  decodeDnp3ApplicationFragment,
  decodeDnp3Iin,
  decodeDnp3LinkFrame,
  decodeDnp3ObjectHeader,
  decodeDnp3TransportSegment,
  dnp3FrameSize,
  dnp3Crc,
  encodeDnp3ApplicationFragment,
  encodeDnp3Fragment,
  summarizeDnp3,
  type Dnp3ApplicationFragment,
  type Dnp3DecoderOptions,
  type Dnp3Message,
} from '../../src/protocols/dnp3/index.js';
import type { CodecError } from '../../src/protocols/index.js';
import {
  REQUEST_VECTORS,
  RESPONSE_VECTORS,
  SYNTHETIC_VECTORS,
  TRANSPORT_VECTORS,
} from '../../test/protocols/dnp3/vectors.js';
import {
  appendMutated,
  pushSliced,
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

const CODES: ReadonlySet<string> = new Set(Object.keys(DNP3_ERRORS));
const DEFAULT_MAX_FRAGMENT = 2048;
const SEGMENT_PAYLOAD = 249;

/** Writes the link-layer CRCs of every frame found from `start` to `end` (IEEE 1815-2012, 9.2.5):
 * the header CRC after 8 octets and one after each block of up to 16 user data octets. */
function mendCrcs(b: Uint8Array, start: number, end: number): void {
  let p = start;
  while (p + 10 <= end) {
    if (b[p] !== 0x05 || b[p + 1] !== 0x64) {
      p++;
      continue;
    }
    const length = b[p + 2] ?? 0;
    writeCrc(b, p, p + 8);
    let at = p + 10;
    let remaining = length >= 5 ? length - 5 : 0;
    while (remaining > 0 && at < end) {
      const block = Math.min(16, remaining);
      if (at + block + 2 > end) break;
      writeCrc(b, at, at + block);
      at += block + 2;
      remaining -= block;
    }
    p = Math.max(at, p + 1);
  }
}

function writeCrc(b: Uint8Array, from: number, to: number): void {
  const crc = dnp3Crc(b, from, to);
  b[to] = crc & 0xff;
  b[to + 1] = crc >>> 8;
}

/** Link frames of `userData` (at most 250 octets), CRCs right, header fields random. */
function appendLinkFrame(
  rng: Rng,
  out: Builder,
  userData: Uint8Array,
  source: number,
  destination: number,
): void {
  const control = rng.chance(7, 8)
    ? (rng.chance(1, 2) ? 0x80 : 0) | 0x40 | rng.pick([3, 4, 4, 4])
    : rng.byte();
  const n = userData.length;
  out.reserve(10 + n + 2 * Math.ceil(n / 16));
  const b = out.bytes;
  const start = out.length;
  b[start] = 0x05;
  b[start + 1] = 0x64;
  b[start + 2] = 5 + n;
  b[start + 3] = control;
  b[start + 4] = destination & 0xff;
  b[start + 5] = destination >> 8;
  b[start + 6] = source & 0xff;
  b[start + 7] = source >> 8;
  writeCrc(b, start, start + 8);
  let w = start + 10;
  for (let at = 0; at < n; at += 16) {
    const blockStart = w;
    const end = Math.min(n, at + 16);
    for (let i = at; i < end; i++) b[w++] = userData[i] ?? 0;
    writeCrc(b, blockStart, w);
    w += 2;
  }
  out.length = w;
}

const APP_FUNCTIONS = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 20, 21, 22, 24, 25, 26, 27, 28, 29, 129, 130, 131,
];
const GROUPS = [
  1, 2, 3, 10, 12, 20, 22, 30, 32, 34, 40, 41, 50, 51, 52, 60, 70, 80, 110, 111, 112, 120,
];
const QUALIFIERS = [0x00, 0x01, 0x06, 0x07, 0x08, 0x17, 0x18, 0x19, 0x27, 0x28, 0x29, 0x39, 0x5b];

/** An application fragment with a plausible header and random object headers. */
function randomFragment(rng: Rng, into: Uint8Array): Uint8Array {
  const length = Math.min(into.length, rng.length(249));
  rng.fill(into, 0, length);
  if (length >= 2) into[1] = rng.chance(7, 8) ? rng.pick(APP_FUNCTIONS) : rng.byte();
  let at = (into[1] ?? 0) >= 129 && (into[1] ?? 0) <= 131 ? 4 : 2;
  while (at + 3 <= length && rng.chance(3, 4)) {
    into[at] = rng.pick(GROUPS);
    into[at + 1] = rng.below(8);
    into[at + 2] = rng.pick(QUALIFIERS);
    at += 3 + rng.length(12);
  }
  return into.subarray(0, length);
}

/** Random fragments in link frames: a transport header and up to 249 octets per frame. */
function appendRandomFrames(rng: Rng, out: Builder, scratch: Uint8Array): void {
  const frames = rng.between(1, 3);
  let seq = rng.below(64);
  // One link (source, destination) for the fragment's frames, now and then another.
  const link = () => [
    rng.pick([1, 3, 4, 10, 1024, rng.below(0x10000)]),
    rng.pick([1, 3, 4, 10, 1024, 0xfffd, 0xffff, rng.below(0x10000)]),
  ];
  let [source = 0, destination = 0] = link();
  for (let f = 0; f < frames; f++) {
    const fragment = randomFragment(rng, scratch.subarray(1));
    const fir = f === 0 || rng.chance(1, 8);
    const fin = f === frames - 1 ? rng.chance(7, 8) : rng.chance(1, 8);
    scratch[0] = (fin ? 0x80 : 0) | (fir ? 0x40 : 0) | (rng.chance(15, 16) ? seq : rng.below(64));
    seq = (seq + 1) & 0x3f;
    if (rng.chance(1, 16)) [source = 0, destination = 0] = link();
    appendLinkFrame(rng, out, scratch.subarray(0, 1 + fragment.length), source, destination);
  }
}

/** Length and count fields of a fragment: the range or count octets after each object header. */
function fragmentFields(application: Dnp3ApplicationFragment): LengthField[] {
  const fields: LengthField[] = [];
  for (const object of application.objects) {
    fields.push(u8(object.offset + 2), u8(object.offset + 3), u16le(object.offset + 3));
    fields.push(u8(object.offset + 4), u16le(object.offset + 5));
  }
  return fields;
}

function corpus(): { wire: Sample[]; fragments: Sample[] } {
  const vectors = [
    ...REQUEST_VECTORS,
    ...RESPONSE_VECTORS,
    ...TRANSPORT_VECTORS,
    ...SYNTHETIC_VECTORS,
  ];
  const wire: Sample[] = [];
  const fragments: Sample[] = [];
  for (const vector of vectors) {
    const frames = vector.frames.map(hex);
    const fields: LengthField[] = [];
    let at = 0;
    for (const frame of frames) {
      // the link length octet of each frame
      fields.push(u8(at + 2));
      at += frame.length;
    }
    const bytes = Uint8Array.from(Buffer.concat(frames));
    wire.push(sample(vector.name, bytes, fields));
    const decoder = createDnp3StreamDecoder(
      (message) => {
        fragments.push(
          sample(vector.name, message.data.slice(), fragmentFields(message.application)),
        );
      },
      () => undefined,
    );
    decoder.push(bytes);
    decoder.end();
  }
  return { wire, fragments };
}

export function dnp3Target(): Target {
  const { wire, fragments } = corpus();
  contract(wire.length >= 50, () => `only ${wire.length} DNP3 vectors were found`);
  contract(fragments.length >= 50, () => `only ${fragments.length} DNP3 fragments were decoded`);
  const scratch = new Uint8Array(512);

  function checkApplication(rng: Rng, application: Dnp3ApplicationFragment): void {
    if (application.stop !== undefined) checkError(CODES, application.stop);
    if (rng.chance(1, 4)) {
      const again = encodeDnp3ApplicationFragment(application);
      if (!again.ok) checkError(CODES, again.error);
    }
  }

  /** Runs the pipeline over `input` (as a TCP stream or as datagrams) and checks every outcome. */
  function pipeline(
    rng: Rng,
    input: Uint8Array,
    how: 'whole' | 'sliced' | 'datagram' | 'datagrams',
    options: Dnp3DecoderOptions = {},
    interrupt = false,
  ): { log: EventLog; pushes: number } {
    const log = new EventLog();
    // A fragment in one segment (FIR and FIN) is passed on whole whatever the option says, so
    // the memory bound is the larger of the option and one segment's 249 octets.
    const maxFragment = Math.max(
      SEGMENT_PAYLOAD,
      Math.floor(options.maxFragmentSize ?? DEFAULT_MAX_FRAGMENT),
    );
    const onMessage = (message: Dnp3Message) => {
      log.frame();
      bounded(message.data.length <= maxFragment, () => `a fragment of ${message.data.length}`);
      checkApplication(rng, message.application);
      serialisable(rng, summarizeDnp3(message));
    };
    const onError = (error: CodecError) => {
      checkError(CODES, error);
      log.error(error.code);
    };
    let pushes = 1;
    if (how === 'datagram' || how === 'datagrams') {
      // One datagram, or the input cut into datagrams (a fragment may span them).
      const decoder = createDnp3DatagramDecoder(onMessage, onError, options);
      if (how === 'datagrams') {
        pushes = pushSliced(rng, input, (datagram) => {
          decoder.push(datagram);
        });
      } else {
        decoder.push(input);
      }
      decoder.end();
    } else {
      const decoder = createDnp3StreamDecoder(onMessage, onError, options);
      if (how === 'sliced') {
        pushes = pushSliced(rng, input, (chunk) => {
          decoder.push(chunk);
          // end() or reset() in mid-stream, then more bytes: a new connection on the decoder
          if (interrupt && rng.chance(1, 8)) {
            if (rng.chance(1, 2)) decoder.end();
            else decoder.reset();
          }
        });
      } else decoder.push(input);
      decoder.end();
    }
    // A frame takes 10 octets at least, and gives a message or an error, plus one error for
    // the garbage before it; each push or end() may add one for what it cuts short.
    bounded(
      log.events <= input.length / 5 + 2 * pushes + 2,
      () => `${log.events} events from ${input.length} bytes`,
    );
    return { log, pushes };
  }

  const randomBytes: Generator = {
    name: 'random bytes',
    weight: 2,
    make: (rng, out) => {
      out.appendRandom(rng, rng.length(300));
      if (out.length >= 2 && rng.chance(1, 2)) out.bytes.set([0x05, 0x64], 0);
    },
    run: (input, rng) => {
      switch (rng.below(4)) {
        case 0: {
          const frame = decodeDnp3LinkFrame(input);
          if (!frame.ok) checkError(CODES, frame.error);
          break;
        }
        case 1: {
          const application = decodeDnp3ApplicationFragment(input);
          if (application.ok) checkApplication(rng, application.value);
          else checkError(CODES, application.error);
          break;
        }
        case 2:
          pipeline(rng, input, 'datagram');
          break;
        default:
          pipeline(rng, input, 'whole');
      }
    },
  };

  const randomFrames: Generator = {
    name: 'random fragments in valid frames',
    weight: 3,
    make: (rng, out) => {
      appendRandomFrames(rng, out, scratch);
    },
    run: (input, rng) => {
      pipeline(rng, input, rng.chance(3, 4) ? 'whole' : 'datagram');
    },
  };

  const mutatedWire: Generator = {
    name: 'mutated vector',
    weight: 3,
    make: (rng, out) => {
      appendMutated(rng, out, rng.pick(wire), wire);
      // Half the time the CRCs are mended, so that the mutation reaches the upper layers.
      if (rng.chance(1, 2)) mendCrcs(out.bytes, 0, out.length);
    },
    run: (input, rng) => {
      const how = rng.below(4);
      if (how === 0) {
        const frame = decodeDnp3LinkFrame(input);
        if (!frame.ok) checkError(CODES, frame.error);
      } else {
        pipeline(rng, input, how === 1 ? 'datagram' : 'whole');
      }
    },
  };

  const mutatedFragment: Generator = {
    name: 'mutated fragment',
    weight: 3,
    make: (rng, out) => {
      appendMutated(rng, out, rng.pick(fragments), fragments);
    },
    run: (input, rng) => {
      if (rng.chance(3, 4)) {
        const application = decodeDnp3ApplicationFragment(input);
        if (application.ok) checkApplication(rng, application.value);
        else checkError(CODES, application.error);
        return;
      }
      // The same fragment as a station sends it: transport segments in link frames.
      const framed = encodeDnp3Fragment(input, {
        source: rng.below(0x10000),
        destination: rng.below(0x10000),
        dir: rng.chance(1, 2),
        transportSeq: rng.below(64),
      });
      if (!framed.ok) {
        checkError(CODES, framed.error);
        return;
      }
      pipeline(rng, framed.value.bytes, 'whole');
    },
  };

  const stream: Generator = {
    name: 'sliced stream',
    weight: 1,
    make: (rng, out) => {
      const pieces = rng.between(1, 4);
      for (let p = 0; p < pieces; p++) {
        const kind = rng.below(10);
        const start = out.length;
        if (kind < 4) out.append(rng.pick(wire).bytes);
        else if (kind < 7) appendMutated(rng, out, rng.pick(wire), wire);
        else if (kind < 9) appendRandomFrames(rng, out, scratch);
        else out.appendRandom(rng, rng.between(1, 20));
        if (kind >= 4 && kind < 7 && rng.chance(1, 2)) mendCrcs(out.bytes, start, out.length);
      }
    },
    run: (input, rng) => {
      const options: { maxFragmentSize?: number; maxLinks?: number } = {};
      if (rng.chance(1, 4)) options.maxFragmentSize = rng.between(0, 600);
      if (rng.chance(1, 4)) options.maxLinks = rng.between(0, 3);
      if (rng.chance(1, 4)) {
        pipeline(rng, input, 'datagrams', options);
        return;
      }
      const interrupt = rng.chance(1, 8);
      const sliced = pipeline(rng, input, 'sliced', options, interrupt);
      if (!interrupt && rng.chance(1, 2))
        sameEvents(pipeline(rng, input, 'whole', options).log, sliced.log, sliced.pushes);
    },
  };

  const parts: Generator = {
    name: 'segment, object header and IIN decoders',
    weight: 1,
    make: (rng, out) => {
      out.appendRandom(rng, rng.length(24));
      if (out.length >= 3 && rng.chance(1, 2)) {
        out.bytes.set([rng.pick(GROUPS), rng.below(8), rng.pick(QUALIFIERS)], 0);
      }
    },
    run: (input, rng) => {
      const segment = decodeDnp3TransportSegment(input);
      if (!segment.ok) checkError(CODES, segment.error);
      const header = decodeDnp3ObjectHeader(input, rng.below(input.length + 1));
      if (!header.ok) checkError(CODES, header.error);
      decodeDnp3Iin(input[0] ?? 0, input[1] ?? 0);
      const size = dnp3FrameSize(input[2] ?? 0);
      contract(Number.isFinite(size), () => `frame size ${size} for length ${input[2] ?? 0}`);
    },
  };

  return {
    protocol: 'dnp3',
    generators: [randomBytes, randomFrames, mutatedWire, mutatedFragment, stream, parts],
  };
}
