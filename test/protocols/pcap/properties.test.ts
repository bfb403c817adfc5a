// Property tests on hostile input: random and mutated captures, frames and segments. None may
// throw, hang or grow without bound; each gives packets, a typed note, or a CodecError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodecError } from '../../../src/protocols/errors.js';
import {
  LINK_TYPES,
  PCAP_ERRORS,
  PacketLayers,
  createCaptureReader,
  createTcpReassembler,
  decodeLayers,
  decodePacket,
  readCapture,
  type CapturePacket,
} from '../../../src/protocols/pcap/index.js';
import { pcapOf } from './builders.js';
import { fixture } from './fixtures.js';

const CODES = new Set(Object.keys(PCAP_ERRORS));
const LINKS = [0, 1, 12, 14, 101, 108, 113, 147, 228, 229, 276];
const FIXTURES = [
  'modbus-tcp-head.pcap',
  'be-nanoseconds-vlan.pcap',
  'sll-s7comm.pcap',
  'sll2-ipv6.pcap',
  'raw-ipv4-dnp3.pcap',
  'null-loopback.pcap',
  's7-1511-hmi.pcapng',
  'two-sections.pcapng',
].map(fixture);

/** Everything downstream of the reader: layers and reassembly, with invariants checked. */
function pipeline() {
  const layers = new PacketLayers();
  let delivered = 0;
  const reassembler = createTcpReassembler<number>({
    openFlow: () => ({
      data: (_d, bytes) => (delivered += bytes.length),
      gap: (_d, missing) => {
        if (!(missing > 0)) throw new Error(`gap of ${missing}`);
      },
    }),
    maxFlows: 64,
    maxBufferedBytesPerDirection: 4096,
  });
  const errors: CodecError[] = [];
  function packet(p: CapturePacket): void {
    assert(p.data.length === p.capturedLength, 'captured length differs from the data');
    if (decodeLayers(p.data, p.linkType, layers)) {
      checkLayers(layers);
      reassembler.push(layers, p.frame, p.timestampMs);
    } else {
      errors.push(layers.error!);
    }
  }
  return {
    packet,
    errors,
    finish: () => {
      reassembler.flush();
      assert(reassembler.stats.bytesBuffered === 0, 'bytes left buffered after flush');
      assert(reassembler.activeFlows === 0, 'flows left after flush');
      for (const error of errors) checkError(error);
      return delivered;
    },
  };
}

/** Plain checks: `expect` costs microseconds, and these run a quarter of a million times. */
function assert(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

function checkLayers(layers: PacketLayers): void {
  const n = layers.data.length;
  if (layers.transport !== 0) {
    assert(
      layers.payloadOffset >= 0 &&
        layers.payloadOffset <= layers.payloadEnd &&
        layers.payloadEnd <= n &&
        layers.payloadMissing >= 0,
      `payload [${layers.payloadOffset}, ${layers.payloadEnd}) outside ${n} bytes`,
    );
  }
  if (layers.ipVersion !== 0) assert(layers.ipEnd <= n, `IP end ${layers.ipEnd} past ${n}`);
}

function checkError(error: unknown): void {
  assert(error instanceof CodecError, `not a CodecError: ${String(error)}`);
  assert(CODES.has((error as CodecError).code), `unknown code ${(error as CodecError).code}`);
}

/** Reads `bytes` in chunks of the given sizes through the whole pipeline. */
function readChunked(bytes: Uint8Array, sizes: readonly number[]): void {
  const downstream = pipeline();
  const readerErrors: CodecError[] = [];
  const reader = createCaptureReader(downstream.packet, (e) => readerErrors.push(e), {
    maxRecordLength: 65536,
  });
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const size = Math.max(1, sizes.length === 0 ? bytes.length : (sizes[i++ % sizes.length] ?? 1));
    reader.push(bytes.subarray(at, at + size));
    at += size;
  }
  reader.end();
  assert(readerErrors.length <= 1, 'more than one fatal error');
  readerErrors.forEach(checkError);
  downstream.finish();
}

/** A mutation of a valid capture: bit flips, byte writes, a truncation, a lying length. */
const mutation = fc.record({
  file: fc.nat({ max: FIXTURES.length - 1 }),
  flips: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 })), { maxLength: 4 }),
  writes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
  lie: fc.option(fc.tuple(fc.nat(), fc.constantFrom(0, 1, 3, 0xfffffff0, 0x7fffffff, 65535, 12))),
  cut: fc.option(fc.nat()),
  chunks: fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 5 }),
});

function mutate(m: typeof mutation extends fc.Arbitrary<infer T> ? T : never): Uint8Array {
  const bytes = FIXTURES[m.file]!.slice();
  for (const [at, bit] of m.flips) bytes[at % bytes.length]! ^= 1 << bit;
  for (const [at, value] of m.writes) bytes[at % bytes.length] = value;
  if (m.lie !== null) {
    // A 32-bit length field anywhere (aligned, as block and record lengths are).
    const at = (m.lie[0] % Math.max(1, bytes.length - 4)) & ~3;
    new DataView(bytes.buffer).setUint32(at, m.lie[1], true);
  }
  return m.cut === null ? bytes : bytes.subarray(0, m.cut % (bytes.length + 1));
}

describe('capture properties', () => {
  it('mutated captures: typed results only, any slicing', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        readChunked(mutate(m), m.chunks);
      }),
      { numRuns: 10_000 },
    );
  });

  it('random bytes behind each magic: typed results only', () => {
    const magics = [
      [0xd4, 0xc3, 0xb2, 0xa1],
      [0xa1, 0xb2, 0x3c, 0x4d],
      [0x0a, 0x0d, 0x0d, 0x0a],
      [],
    ];
    fc.assert(
      fc.property(
        fc.nat({ max: magics.length - 1 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 4 }),
        (magic, tail, chunks) => {
          readChunked(Uint8Array.from([...magics[magic]!, ...tail]), chunks);
        },
      ),
      { numRuns: 15_000 },
    );
  });

  it('random frames on every link type: layers within bounds, or a typed error', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LINKS),
        fc.uint8Array({ maxLength: 120 }),
        (linkType, data) => {
          const layers = new PacketLayers();
          if (decodeLayers(data, linkType, layers)) checkLayers(layers);
          else checkError(layers.error);
          const decoded = decodePacket(data, linkType);
          if (!decoded.ok) checkError(decoded.error);
        },
      ),
      { numRuns: 100_000 },
    );
  });

  it('mutated real frames: layers within bounds, or a typed error', () => {
    const frames = FIXTURES.flatMap((bytes) => readCapture(bytes).packets);
    fc.assert(
      fc.property(
        fc.nat({ max: frames.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.nat(),
        (index, writes, cut) => {
          const packet = frames[index]!;
          const data = packet.data.slice();
          for (const [at, value] of writes) if (data.length > 0) data[at % data.length] = value;
          const layers = new PacketLayers();
          const view = data.subarray(0, cut % (data.length + 1));
          if (decodeLayers(view, packet.linkType, layers)) checkLayers(layers);
          else checkError(layers.error);
        },
      ),
      { numRuns: 50_000 },
    );
  });

  it('the writer round-trips any packets', () => {
    const packet = fc.record({
      timestampMs: fc.integer({ min: 0, max: 4_294_967_295_999 }),
      timestampNs: fc.integer({ min: 0, max: 999_999 }),
      data: fc.uint8Array({ maxLength: 100 }),
    });
    fc.assert(
      fc.property(
        fc.array(packet, { maxLength: 8 }),
        fc.boolean(),
        fc.constantFrom<'microseconds' | 'nanoseconds'>('microseconds', 'nanoseconds'),
        fc.integer({ min: 1, max: 64 }),
        (packets, littleEndian, precision, chunk) => {
          const bytes = pcapOf({ linkType: LINK_TYPES.ethernet, littleEndian, precision }, packets);
          const read: CapturePacket[] = [];
          const reader = createCaptureReader(
            (p) => read.push(p),
            (e) => {
              throw e;
            },
          );
          for (let at = 0; at < bytes.length; at += chunk)
            reader.push(bytes.subarray(at, at + chunk));
          reader.end();
          const keepNs = (ns: number) => (precision === 'nanoseconds' ? ns : ns - (ns % 1000));
          expect(read.map((p) => [p.timestampMs, p.timestampNs, p.data])).toEqual(
            packets.map((p) => [p.timestampMs, keepNs(p.timestampNs), p.data]),
          );
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
