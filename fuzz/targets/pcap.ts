// Captures under fuzz: the capture reader (pcap and pcapng, any slicing), decodeLayers on every
// link type, decodePacket, and TCP reassembly, fed random and mutated frames, mutated and random
// capture files, and captures of TCP segments that overlap, repeat, skip and wrap around.
import {
  LINK_TYPES,
  PCAP_ERRORS,
  PacketLayers,
  createCaptureReader,
  createTcpReassembler,
  createPcapWriter,
  decodeEnhancedPacketBlock,
  decodeInterfaceDescriptionBlock,
  decodeInterfaceStatisticsBlock,
  decodeLayers,
  decodeObsoletePacketBlock,
  decodePacket,
  decodePcapGlobalHeader,
  decodeSectionHeaderBlock,
  decodeSimplePacketBlock,
  decodeTimestampResolution,
  describeLayers,
  encodeFrame,
  readCapture,
  type CapturePacket,
  type TcpReassembler,
  type TcpReassemblerOptions,
} from '../../src/protocols/pcap/index.js';
import type { CodecError, Decoded } from '../../src/protocols/index.js';
import {
  appendMutated,
  pushSliced,
  sample,
  u16be,
  u32be,
  u32le,
  u8,
  type Builder,
  type LengthField,
  type Sample,
} from '../bytes.js';
import { repositoryFile } from '../files.js';
import {
  Violation,
  bounded,
  checkError,
  contract,
  type Generator,
  type Target,
} from '../harness.js';
import type { Rng } from '../random.js';
import { EventLog, sameEvents } from './common.js';

const CODES: ReadonlySet<string> = new Set(Object.keys(PCAP_ERRORS));
const FIXTURES = [
  'modbus-tcp-head.pcap',
  'be-nanoseconds-vlan.pcap',
  'sll-s7comm.pcap',
  'sll2-ipv6.pcap',
  'raw-ipv4-dnp3.pcap',
  'null-loopback.pcap',
  's7-1511-hmi.pcapng',
  'two-sections.pcapng',
];
/** Every link type decodeLayers knows, and two it does not. */
const LINKS = [0, 1, 1, 1, 12, 14, 101, 108, 113, 228, 229, 276, 147, 0xffff];
const MAX_RECORD = 65536;

/** A frame of a fixture with the link type it was captured on. */
interface Frame extends Sample {
  readonly linkType: number;
}

/** Length fields of a frame: IPv4 header length and total length, IPv6 payload length and next
 * header, the TCP data offset, the UDP length; found by decoding the frame once. */
function frameFields(data: Uint8Array, linkType: number, layers: PacketLayers): LengthField[] {
  const fields: LengthField[] = [];
  if (!decodeLayers(data, linkType, layers)) return fields;
  const ip = layers.ipOffset;
  if (layers.ipVersion === 4) fields.push(u8(ip), u16be(ip + 2), u16be(ip + 6));
  if (layers.ipVersion === 6) fields.push(u16be(ip + 4), u8(ip + 6), u8(ip + 40), u8(ip + 41));
  const t = layers.transportOffset;
  if (layers.transport === 6) fields.push(u8(t + 12), u8(t + 20), u8(t + 21));
  if (layers.transport === 17) fields.push(u16be(t + 4));
  if (layers.ethernetOffset >= 0) fields.push(u16be(12), u16be(16));
  return fields;
}

/** Length fields of a capture file: record lengths of a pcap, block lengths (head and trailer),
 * captured lengths and first option lengths of a pcapng, found by walking the file. */
function fileFields(b: Uint8Array): LengthField[] {
  const view = new DataView(b.buffer, b.byteOffset, b.length);
  const magic = view.getUint32(0, false);
  const fields: LengthField[] = [];
  if (magic === 0x0a0d0d0a) {
    let little = true;
    let at = 0;
    while (at + 12 <= b.length) {
      const type = view.getUint32(at, little);
      if (type === 0x0a0d0d0a) little = view.getUint32(at + 8, true) === 0x1a2b3c4d;
      const total = view.getUint32(at + 4, little);
      if (total < 12 || at + total > b.length) break;
      const f = little ? u32le : u32be;
      fields.push(f(at + 4), f(at + total - 4));
      if (type === 0x0a0d0d0a) fields.push(f(at + 16), f(at + 20));
      if (type === 1) fields.push(f(at + 12)); // IDB snaplen
      if (type === 6 && at + 28 <= b.length) {
        const captured = view.getUint32(at + 20, little);
        fields.push(f(at + 20), f(at + 24));
        const options = at + 28 + ((captured + 3) & ~3);
        if (options + 4 < at + total) fields.push({ at: options + 2, size: 2, little });
      }
      if (type === 3) fields.push(f(at + 8)); // SPB original length
      at += total;
    }
    return fields;
  }
  const little = magic === 0xd4c3b2a1 || magic === 0x4d3cb2a1;
  const f = little ? u32le : u32be;
  fields.push(f(16));
  let at = 24;
  while (at + 16 <= b.length) {
    fields.push(f(at + 8), f(at + 12));
    at += 16 + view.getUint32(at + 8, little);
  }
  return fields;
}

/** Templates of one TCP segment with a 64-byte payload, per IP version and direction. */
interface SegmentTemplate {
  readonly bytes: Uint8Array;
  readonly linkType: number;
  readonly ipOffset: number;
  readonly ipVersion: 4 | 6;
  readonly tcpOffset: number;
  readonly payloadOffset: number;
}

function segmentTemplates(layers: PacketLayers): [SegmentTemplate, SegmentTemplate][] {
  const ends = [
    ['10.0.0.5', '10.0.0.9', LINK_TYPES.ethernet],
    ['2001:db8::5', '2001:db8::9', LINK_TYPES.linux_sll],
  ] as const;
  return ends.map(([client, server, linkType]) => {
    const template = (
      source: string,
      destination: string,
      sourcePort: number,
      destinationPort: number,
    ): SegmentTemplate => {
      const built = encodeFrame({
        linkType,
        source,
        destination,
        transport: {
          protocol: 'tcp',
          sourcePort,
          destinationPort,
          sequence: 0,
          acknowledgment: 0,
          flags: 0x18,
        },
        payload: new Uint8Array(64),
      });
      if (!built.ok) throw built.error;
      if (!decodeLayers(built.value, linkType, layers)) throw new Error('bad template');
      return {
        bytes: built.value,
        linkType,
        ipOffset: layers.ipOffset,
        ipVersion: layers.ipVersion === 6 ? 6 : 4,
        tcpOffset: layers.transportOffset,
        payloadOffset: layers.payloadOffset,
      };
    };
    return [template(client, server, 49152, 502), template(server, client, 502, 49152)];
  });
}

function appendPcapHeader(out: Builder, linkType: number): void {
  out.append(Uint8Array.of(0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  out.append(Uint8Array.of(0xff, 0xff, 0, 0, linkType & 0xff, linkType >> 8, 0, 0));
}

/** A pcap record header (little-endian) for `length` bytes at `timeMs`. */
function appendRecordHeader(out: Builder, timeMs: number, length: number, original = length): void {
  const at = out.length;
  out.appendFill(0, 16);
  out.write(at, 4, true, Math.floor(timeMs / 1000));
  out.write(at + 4, 4, true, (timeMs % 1000) * 1000);
  out.write(at + 8, 4, true, length);
  out.write(at + 12, 4, true, original);
}

const TCP_FLAGS = [0x18, 0x18, 0x18, 0x10, 0x10, 0x02, 0x12, 0x11, 0x19, 0x04, 0x14, 0x01, 0x00];

/**
 * A pcap of TCP segments over one to three flows: in order, repeated, overlapping, ahead of a
 * hole, wrapping past 2^32, with SYN, FIN and RST now and then, and snaplen cuts.
 */
function appendSegmentCapture(
  rng: Rng,
  out: Builder,
  templates: readonly [SegmentTemplate, SegmentTemplate][],
): void {
  const family = rng.pick(templates);
  appendPcapHeader(out, family[0].linkType);
  const flows = rng.between(1, 3);
  const next: number[] = [];
  for (let i = 0; i < 2 * flows; i++) {
    next.push(rng.chance(1, 4) ? 0xffffffff - rng.below(100) : rng.u32());
  }
  let timeMs = 1_700_000_000_000 + rng.below(1000);
  const segments = rng.between(1, 8);
  for (let s = 0; s < segments; s++) {
    const flow = rng.below(flows);
    const direction = rng.below(2);
    const t = direction === 0 ? family[0] : family[1];
    const key = 2 * flow + direction;
    const payload = rng.length(48);
    let seq = next[key] ?? 0;
    const how = rng.below(8);
    if (how === 0)
      seq -= rng.between(1, 40); // a retransmission or overlap
    else if (how === 1)
      seq += rng.between(1, 80); // ahead of a hole
    else if (how === 2) seq = rng.u32(); // anywhere
    seq >>>= 0;
    if (how !== 1 && how !== 2) next[key] = (seq + payload) >>> 0;
    const cut = rng.chance(1, 16) ? rng.below(t.payloadOffset + payload) : 0;
    const length = t.payloadOffset + payload - cut;
    timeMs += rng.chance(1, 16) ? rng.below(400_000) : rng.below(50);
    appendRecordHeader(out, timeMs, length, t.payloadOffset + payload);
    const at = out.length;
    out.append(t.bytes.subarray(0, t.payloadOffset));
    out.appendRandom(rng, payload);
    // IP length, ports (one client port per flow), sequence number and flags
    const ipLength =
      t.ipVersion === 4
        ? t.payloadOffset - t.ipOffset + payload
        : t.payloadOffset - t.ipOffset - 40 + payload;
    out.write(at + t.ipOffset + (t.ipVersion === 4 ? 2 : 4), 2, false, ipLength);
    out.write(at + t.tcpOffset + (direction === 0 ? 0 : 2), 2, false, 49152 + flow);
    out.write(at + t.tcpOffset + 4, 4, false, seq);
    out.bytes[at + t.tcpOffset + 13] = rng.pick(TCP_FLAGS);
    out.length = at + length;
  }
}

/** Captures of random records: a valid header, then records with random lengths and bytes. */
function appendRandomCapture(rng: Rng, out: Builder, frames: readonly Frame[]): void {
  if (rng.chance(1, 2)) {
    appendPcapHeader(out, rng.pick(LINKS));
    if (rng.chance(1, 4)) out.bytes.set([0xa1, 0xb2, 0x3c, 0x4d], 0); // big-endian, ns
    const records = rng.between(0, 6);
    for (let r = 0; r < records; r++) {
      const f = rng.pick(frames).bytes;
      const length = rng.chance(1, 2) ? f.length : rng.length(120);
      appendRecordHeader(out, rng.u32(), length, rng.chance(7, 8) ? length : rng.u32());
      if (rng.chance(1, 8)) out.write(out.length - 8, 4, true, rng.u32()); // a lying length
      const part = rng.chance(1, 2) ? f.subarray(0, length) : f.subarray(0, 0);
      out.append(part);
      out.appendRandom(rng, length - part.length);
    }
    return;
  }
  // pcapng: a section header, an interface, then blocks of random types and lengths
  out.append(
    Uint8Array.of(0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 0x4d, 0x3c, 0x2b, 0x1a, 1, 0, 0, 0),
  );
  out.append(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 28, 0, 0, 0));
  const linkType = rng.pick(LINKS);
  out.append(Uint8Array.of(1, 0, 0, 0, 20, 0, 0, 0, linkType & 0xff, linkType >> 8, 0, 0));
  out.append(Uint8Array.of(0, 0, 0, 0, 20, 0, 0, 0));
  const blocks = rng.between(0, 5);
  for (let k = 0; k < blocks; k++) {
    const type = rng.pick([6, 6, 6, 3, 5, 1, 2, 0x0a0d0d0a, 0x40000bad, rng.u32()]);
    const body = rng.length(100);
    const total = 12 + ((body + 3) & ~3);
    const at = out.length;
    out.appendFill(0, total);
    out.write(at, 4, true, type);
    out.write(at + 4, 4, true, rng.chance(7, 8) ? total : rng.u32());
    rng.fill(out.bytes, at + 8, at + 8 + body);
    if (type === 6 && body >= 20) {
      out.write(at + 8, 4, true, rng.chance(7, 8) ? 0 : rng.below(4));
      out.write(at + 20, 4, true, rng.chance(3, 4) ? Math.max(0, body - 20) : rng.u32());
    }
    out.write(at + total - 4, 4, true, rng.chance(7, 8) ? total : rng.u32());
  }
}

/**
 * Small captures cut from a fixture: its header (the pcap file header, or the pcapng blocks before
 * the first packet), then one to four consecutive records or blocks. Mutating a few hundred bytes
 * rather than a whole file keeps a case cheap; the whole file is kept too.
 */
function captureWindows(file: Uint8Array): { name: string; bytes: Uint8Array }[] {
  const view = new DataView(file.buffer, file.byteOffset, file.length);
  const units: [number, number][] = [];
  let head: number;
  if (view.getUint32(0, false) === 0x0a0d0d0a) {
    const little = view.getUint32(8, true) === 0x1a2b3c4d;
    let at = 0;
    head = -1;
    while (at + 12 <= file.length) {
      const type = view.getUint32(at, little);
      const total = view.getUint32(at + 4, little);
      if (total < 12) break;
      if (type === 0x0a0d0d0a && at > 0) break; // a second section: only the whole file
      if (head < 0 && (type === 6 || type === 3 || type === 2)) head = at;
      if (head >= 0) units.push([at, at + total]);
      at += total;
    }
    if (head < 0) head = at;
  } else {
    const little = view.getUint32(0, true) === 0xa1b2c3d4 || view.getUint32(0, true) === 0xa1b23c4d;
    head = 24;
    let at = 24;
    while (at + 16 <= file.length) {
      const end = at + 16 + view.getUint32(at + 8, little);
      units.push([at, end]);
      at = end;
    }
  }
  const windows = [{ name: 'whole', bytes: file }];
  for (let i = 0; i < units.length; i++) {
    for (let k = 1; k <= 4 && i + k <= units.length; k++) {
      const from = units[i]?.[0] ?? 0;
      const to = units[i + k - 1]?.[1] ?? 0;
      const bytes = new Uint8Array(head + to - from);
      bytes.set(file.subarray(0, head));
      bytes.set(file.subarray(from, to), head);
      windows.push({ name: `records ${i + 1}-${i + k}`, bytes });
    }
  }
  return windows;
}

export function pcapTarget(): Target {
  const layers = new PacketLayers();
  const files: Sample[] = [];
  const frames: Frame[] = [];
  for (const name of FIXTURES) {
    const bytes = repositoryFile(`test/fixtures/pcap/${name}`).slice();
    for (const window of captureWindows(bytes)) {
      files.push(sample(`${name} ${window.name}`, window.bytes, fileFields(window.bytes)));
    }
    for (const p of readCapture(bytes).packets) {
      const data = p.data.slice();
      frames.push({
        ...sample(`${name} frame ${p.frame}`, data, frameFields(data, p.linkType, layers)),
        linkType: p.linkType,
      });
    }
  }
  contract(frames.length >= 50, () => `only ${frames.length} frames in the pcap fixtures`);
  const templates = segmentTemplates(layers);

  function checkLayers(data: Uint8Array, ok: boolean): void {
    if (!ok) {
      checkError(CODES, layers.error);
      return;
    }
    const n = data.length;
    if (layers.transport !== 0) {
      bounded(
        layers.payloadOffset >= 0 &&
          layers.payloadOffset <= layers.payloadEnd &&
          layers.payloadEnd <= n &&
          layers.payloadMissing >= 0,
        () => `payload [${layers.payloadOffset}, ${layers.payloadEnd}) outside ${n} bytes`,
      );
    }
    if (layers.ipVersion !== 0) {
      bounded(
        layers.ipOffset >= 0 && layers.ipEnd <= n && layers.ipOffset <= layers.ipEnd,
        () => `IP [${layers.ipOffset}, ${layers.ipEnd}) outside ${n} bytes`,
      );
    }
  }

  /** A reassembler with small, random limits, and the checks of its sink calls and bounds. */
  function reassembler(rng: Rng) {
    const limits: { -readonly [K in keyof TcpReassemblerOptions<number>]?: number } = {};
    if (rng.chance(1, 2)) limits.maxFlows = rng.between(1, 4);
    if (rng.chance(1, 2)) limits.maxBufferedBytesPerDirection = rng.between(0, 200);
    if (rng.chance(1, 2)) limits.maxBufferedSegmentsPerDirection = rng.between(0, 4);
    if (rng.chance(1, 4)) limits.maxBufferedBytes = rng.between(0, 300);
    if (rng.chance(1, 4)) limits.idleTimeoutMs = rng.between(0, 5000);
    const maxFlows = Math.max(1, limits.maxFlows ?? 65536);
    const maxTotal = limits.maxBufferedBytes ?? 64 * 1024 * 1024;
    const perDirection = limits.maxBufferedBytesPerDirection ?? 256 * 1024;
    let delivered = 0;
    let pushed = 0;
    const tcp: TcpReassembler<number> = createTcpReassembler<number>({
      ...limits,
      openFlow: () => ({
        data: (_direction, bytes) => {
          contract(bytes.length > 0, () => 'data() with no bytes');
          delivered += bytes.length;
        },
        gap: (_direction, missing) => {
          contract(missing > 0, () => `a gap of ${missing} bytes`);
        },
      }),
    });
    return {
      /** Pushes a decoded TCP segment and checks the bounds. */
      push(context: number, timeMs: number): void {
        pushed += layers.payloadEnd - layers.payloadOffset;
        tcp.push(layers, context, timeMs);
        const held = tcp.stats.bytesBuffered;
        bounded(
          held <= Math.max(0, maxTotal) && held <= 2 * tcp.activeFlows * Math.max(0, perDirection),
          () => `${held} out-of-order bytes held in ${tcp.activeFlows} flows`,
        );
        bounded(tcp.activeFlows <= maxFlows, () => `${tcp.activeFlows} flows over ${maxFlows}`);
      },
      finish(): void {
        tcp.flush();
        bounded(
          tcp.stats.bytesBuffered === 0,
          () => `${tcp.stats.bytesBuffered} bytes after flush`,
        );
        bounded(tcp.activeFlows === 0, () => `${tcp.activeFlows} flows after flush`);
        contract(delivered <= pushed, () => `${delivered} bytes delivered of ${pushed}`);
      },
    };
  }

  /** One frame through the layers and, when it is TCP, the reassembler. */
  function frame(rng: Rng, data: Uint8Array, linkType: number): void {
    const ok = decodeLayers(data, linkType, layers);
    checkLayers(data, ok);
    const what = rng.below(4);
    if (what === 0) {
      const decoded = decodePacket(data, linkType);
      if (decoded.ok) describeLayers(layers);
      else checkError(CODES, decoded.error);
    } else if (what === 1 && ok && layers.transport === 6) {
      const tcp = reassembler(rng);
      tcp.push(1, 0);
      tcp.finish();
    }
  }

  /** A capture through the reader, the layers and the reassembler. */
  function capture(
    rng: Rng,
    input: Uint8Array,
    slice: boolean,
    maxRecordLength = MAX_RECORD,
  ): { log: EventLog; pushes: number } {
    const log = new EventLog();
    const tcp = reassembler(rng);
    // Now and then every packet read is written again, as a forensic capture does.
    const copy = rng.chance(1, 8) ? forensicCopy(rng) : undefined;
    const onPacket = (p: CapturePacket) => {
      log.frame();
      copy?.write(p);
      bounded(
        p.data.length === p.capturedLength && p.data.length <= maxRecordLength,
        () =>
          `a packet of ${p.data.length} bytes (captured length ${p.capturedLength}) ` +
          `from a reader with maxRecordLength ${maxRecordLength}`,
      );
      const ok = decodeLayers(p.data, p.linkType, layers);
      checkLayers(p.data, ok);
      if (ok && layers.transport === 6) tcp.push(p.frame, p.timestampMs);
    };
    const onError = (error: CodecError) => {
      checkError(CODES, error);
      log.error(error.code);
    };
    const reader = createCaptureReader(onPacket, onError, { maxRecordLength });
    let pushes = 1;
    if (slice) {
      pushes = pushSliced(rng, input, (chunk) => {
        reader.push(chunk);
      });
    } else {
      reader.push(input);
    }
    reader.end();
    bounded(log.events <= input.length / 12 + 2, () => `${log.events} events`);
    tcp.finish();
    copy?.check();
    return { log, pushes };
  }

  /**
   * A pcap writer with a random snaplen, precision and byte order: each packet it accepts must
   * be read back, whatever time or length the hostile capture gave it.
   */
  function forensicCopy(rng: Rng) {
    const chunks: Uint8Array[] = [];
    const writer = createPcapWriter(
      (chunk) => {
        chunks.push(chunk.slice());
      },
      {
        linkType: rng.pick(LINKS),
        ...(rng.chance(1, 2) ? { snaplen: rng.between(0, 200) } : {}),
        precision: rng.chance(1, 2) ? 'microseconds' : 'nanoseconds',
        littleEndian: rng.chance(1, 2),
      },
    );
    let written = 0;
    return {
      write(p: CapturePacket): void {
        const result = writer.write(p);
        if (result.ok) written++;
        else checkError(CODES, result.error);
      },
      check(): void {
        const back = readCapture(Uint8Array.from(Buffer.concat(chunks)));
        contract(
          back.errors.length === 0 && back.packets.length === written,
          () =>
            `wrote ${written} packets, read back ${back.packets.length}` +
            (back.errors[0] === undefined ? '' : ` and ${back.errors[0].code}`),
        );
      },
    };
  }

  /** Frame inputs start with the link type (16 bits, little-endian), so that the hex of a
   * finding says what the frame was captured on. */
  function appendLinkType(out: Builder, linkType: number): void {
    out.appendByte(linkType & 0xff);
    out.appendByte(linkType >> 8);
  }

  function runFrame(input: Uint8Array, rng: Rng): void {
    frame(rng, input.subarray(2), (input[0] ?? 0) | ((input[1] ?? 0) << 8));
  }

  const randomFrame: Generator = {
    name: 'random frame',
    weight: 3,
    make: (rng, out) => {
      appendLinkType(out, rng.pick(LINKS));
      out.appendRandom(rng, rng.length(160));
      // Behind a real frame's first bytes half the time, so that some headers hold.
      if (rng.chance(1, 2)) {
        const f = rng.pick(frames).bytes;
        out.bytes.set(f.subarray(0, Math.min(out.length - 2, rng.below(f.length))), 2);
      }
    },
    run: runFrame,
  };

  const mutatedFrame: Generator = {
    name: 'mutated frame',
    weight: 4,
    make: (rng, out) => {
      const f = rng.pick(frames);
      appendLinkType(out, f.linkType);
      appendMutated(rng, out, f, frames);
    },
    run: runFrame,
  };

  const mutatedCapture: Generator = {
    name: 'mutated capture',
    weight: 1,
    make: (rng, out) => {
      appendMutated(rng, out, rng.pick(files), files);
    },
    run: (input, rng) => {
      const limit = rng.chance(1, 4) ? rng.between(0, 200) : MAX_RECORD;
      const sliced = capture(rng, input, rng.chance(1, 2), limit);
      if (rng.chance(1, 4)) {
        sameEvents(capture(rng, input, false, limit).log, sliced.log, sliced.pushes);
      }
    },
  };

  const randomCapture: Generator = {
    name: 'random capture',
    weight: 1,
    make: (rng, out) => {
      appendRandomCapture(rng, out, frames);
    },
    run: (input, rng) => {
      capture(rng, input, rng.chance(1, 2), rng.chance(1, 4) ? rng.between(0, 200) : MAX_RECORD);
    },
  };

  const segments: Generator = {
    name: 'TCP segments',
    weight: 2,
    make: (rng, out) => {
      appendSegmentCapture(rng, out, templates);
    },
    run: (input, rng) => {
      const sliced = capture(rng, input, rng.chance(1, 4));
      if (sliced.log.text.includes('[')) {
        throw new Violation('contract', `a capture of valid segments gave ${sliced.log.text}`);
      }
    },
  };

  const headers: Generator = {
    name: 'file header and pcapng block decoders',
    weight: 1,
    make: (rng, out) => {
      // A block: type, total length (true, most of the time), body, trailing length.
      const body = rng.length(64);
      const total = rng.chance(1, 8) ? rng.below(12) : 12 + ((body + 3) & ~3);
      out.appendRandom(rng, total);
      if (total >= 8) out.write(0, 4, true, rng.pick([6, 3, 2, 1, 5, 0x0a0d0d0a]));
      if (total >= 8 && rng.chance(7, 8)) out.write(4, 4, true, total);
      if (total >= 12 && rng.chance(7, 8)) out.write(total - 4, 4, true, total);
    },
    run: (input, rng) => {
      const view = new DataView(input.buffer, input.byteOffset, input.length);
      const little = rng.chance(7, 8);
      const results: Decoded<unknown>[] = [
        decodePcapGlobalHeader(input, rng.below(input.length + 1)),
        decodeSectionHeaderBlock(view),
        decodeInterfaceDescriptionBlock(view, little),
        decodeEnhancedPacketBlock(view, little),
        decodeSimplePacketBlock(view, little, rng.pick([0, 65535, rng.below(100)])),
        decodeInterfaceStatisticsBlock(view, little),
        decodeObsoletePacketBlock(view, little),
      ];
      for (const result of results) if (!result.ok) checkError(CODES, result.error);
      decodeTimestampResolution(input[0] ?? 0);
    },
  };

  return {
    protocol: 'pcap',
    generators: [randomFrame, mutatedFrame, mutatedCapture, randomCapture, segments, headers],
  };
}
