// Classic pcap: the global header and records in both byte orders, micro- and nanoseconds,
// bounded record lengths, truncation, and the writer's round trip.
import { describe, expect, it } from 'vitest';
import {
  LINK_TYPES,
  createCaptureReader,
  createPcapWriter,
  decodePcapGlobalHeader,
  decodePcapRecordHeader,
  encodePcapGlobalHeader,
  encodePcapRecordHeader,
  formatTimestamp,
  readCapture,
  type CapturePacket,
} from '../../../src/protocols/pcap/index.js';
import type { CodecError } from '../../../src/protocols/errors.js';
import { concat, hex, pcapOf } from './builders.js';
import { feed, fixture } from './fixtures.js';

// ModbusTCP.pcap (ITI/ICS-Security-Tools, CC BY 4.0) as carved into modbus-tcp-head.pcap: the
// global header and the first two records, byte for byte.
const HEADER_LE_MICRO = hex(`
  d4c3b2a1  | magic A1B2C3D4 written little-endian: microseconds
  0200 0400 | version 2.4
  00000000  | thiszone 0
  00000000  | sigfigs 0
  ffff0000  | snaplen 65535
  01000000  | LinkType 1, Ethernet
`);
const RECORD_1 = hex(`
  64d7a050 | seconds 1352718180 (2012-11-12T11:03:00Z)
  ad080400 | microseconds 264365
  3c000000 | captured length 60
  3c000000 | original length 60
  78e7d1e0025e 000417025 8b7 0800 | Ethernet: dst, src, IPv4
  4500 0028 42ec 0000 4006 1ce2 8d510056 8d51000a | IPv4 141.81.0.86 > 141.81.0.10, length 40
  01f6 df60 8054d326 54dc4366 5010 0258 c565 0000 | TCP 502 > 57184 ACK
  7cf6 0000 0007 | Ethernet padding (not zeros: tshark notes it too)
`);
const RECORD_2 = hex(`
  64d7a050 | seconds 1352718180
  d0080400 | microseconds 264400
  42000000 | captured length 66
  42000000 | original length 66
  00041702 58b7 78e7d1e0025e 0800 | Ethernet
  4500 0034 7027 4000 8006 0000 8d51000a 8d510056 | IPv4 141.81.0.10 > 141.81.0.86, length 52
  df60 01f6 54dc4366 8054d326 5018 f971 1b29 0000 | TCP 57184 > 502 PSH ACK
  0000 0000 0006 ff 04 08d2 0002 | Modbus: read input registers 2234, 2 words, unit 255
`);

function readAll(bytes: Uint8Array, chunk = bytes.length) {
  const packets: CapturePacket[] = [];
  const errors: CodecError[] = [];
  const reader = createCaptureReader(
    (p) => packets.push(p),
    (e) => errors.push(e),
  );
  feed(bytes, chunk, (c) => {
    reader.push(c);
  });
  reader.end();
  return { packets, errors, reader };
}

describe('pcap global header', () => {
  it('parses the little-endian microsecond header of a real capture', () => {
    const header = decodePcapGlobalHeader(HEADER_LE_MICRO);
    expect(header).toEqual({
      ok: true,
      value: {
        littleEndian: true,
        precision: 'microseconds',
        versionMajor: 2,
        versionMinor: 4,
        thiszone: 0,
        sigfigs: 0,
        snaplen: 65535,
        linkType: 1,
        fcsLength: undefined,
      },
    });
  });

  it('encodes the same bytes and round-trips both byte orders and precisions', () => {
    expect(encodePcapGlobalHeader({ linkType: 1, snaplen: 65535 })).toEqual(HEADER_LE_MICRO);
    for (const littleEndian of [true, false]) {
      for (const precision of ['microseconds', 'nanoseconds'] as const) {
        const bytes = encodePcapGlobalHeader({
          linkType: 276,
          snaplen: 1234,
          littleEndian,
          precision,
        });
        const decoded = decodePcapGlobalHeader(bytes);
        expect(decoded.ok && decoded.value).toMatchObject({
          littleEndian,
          precision,
          snaplen: 1234,
          linkType: 276,
        });
      }
    }
  });

  it('reads the magic in both byte orders: A1B2C3D4 and A1B23C4D', () => {
    expect(hex('a1b2c3d4')).toEqual(
      encodePcapGlobalHeader({ linkType: 1, littleEndian: false }).subarray(0, 4),
    );
    expect(hex('4d3cb2a1')).toEqual(
      encodePcapGlobalHeader({ linkType: 1, precision: 'nanoseconds' }).subarray(0, 4),
    );
  });

  it('reads the FCS length from the LinkType field', () => {
    const bytes = encodePcapGlobalHeader({ linkType: 1 });
    new DataView(bytes.buffer).setUint32(20, (4 << 28) | 0x08000000 | 1, true);
    const decoded = decodePcapGlobalHeader(bytes);
    expect(decoded.ok && decoded.value).toMatchObject({ linkType: 1, fcsLength: 4 });
  });

  it('refuses a bad magic and a short header with typed errors', () => {
    const bad = decodePcapGlobalHeader(hex('00112233').subarray(0, 4));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('OTS_PCAP_TRUNCATED');
    const wrong = decodePcapGlobalHeader(new Uint8Array(24).fill(0x41));
    expect(!wrong.ok && wrong.error.code).toBe('OTS_PCAP_BAD_MAGIC');
  });
});

describe('pcap record header', () => {
  it('parses, encodes and round-trips', () => {
    const view = new DataView(RECORD_1.buffer, RECORD_1.byteOffset);
    const header = decodePcapRecordHeader(view, 0, true);
    expect(header).toEqual({
      seconds: 1352718180,
      fraction: 264365,
      capturedLength: 60,
      originalLength: 60,
    });
    const out = new Uint8Array(16);
    encodePcapRecordHeader(new DataView(out.buffer), 0, header, true);
    expect(out).toEqual(RECORD_1.subarray(0, 16));
    encodePcapRecordHeader(new DataView(out.buffer), 0, header, false);
    expect(decodePcapRecordHeader(new DataView(out.buffer), 0, false)).toEqual(header);
  });
});

describe('pcap reader', () => {
  const capture = concat([HEADER_LE_MICRO, RECORD_1, RECORD_2]);

  it('reads the records of the real capture', () => {
    const { packets, errors, reader } = readAll(capture);
    expect(errors).toEqual([]);
    expect(reader.format).toBe('pcap');
    expect(packets.map((p) => ({ ...p, data: p.data.length }))).toEqual([
      {
        frame: 1,
        timestampMs: 1352718180264,
        timestampNs: 365000,
        interfaceId: 0,
        section: 0,
        linkType: 1,
        capturedLength: 60,
        originalLength: 60,
        data: 60,
      },
      {
        frame: 2,
        timestampMs: 1352718180264,
        timestampNs: 400000,
        interfaceId: 0,
        section: 0,
        linkType: 1,
        capturedLength: 66,
        originalLength: 66,
        data: 66,
      },
    ]);
    expect(packets[1]!.data).toEqual(RECORD_2.subarray(16));
    expect(formatTimestamp(packets[0]!)).toBe('2012-11-12T11:03:00.264365000Z');
  });

  it('gives views into the chunk, not copies', () => {
    const { packets } = readAll(capture);
    expect(packets[0]!.data.buffer).toBe(capture.buffer);
  });

  it('accepts any slicing, byte by byte included', () => {
    const whole = readAll(capture).packets;
    for (const size of [1, 2, 3, 7, 16, 17, 40, 41, 100]) {
      const sliced = readAll(capture, size);
      expect(sliced.errors).toEqual([]);
      expect(sliced.packets).toEqual(whole);
    }
  });

  it('reads the whole carved fixture: 24 frames as tshark counts them', () => {
    const contents = readCapture(fixture('modbus-tcp-head.pcap'));
    expect(contents.errors).toEqual([]);
    expect(contents.packets).toHaveLength(24);
    expect(contents.interfaces).toEqual([
      expect.objectContaining({ id: 0, linkType: 1, snaplen: 65535 }),
    ]);
    // tshark -T fields -e frame.time_epoch, frame 24: 1352718180.348403000
    expect(formatTimestamp(contents.packets[23]!)).toBe('2012-11-12T11:03:00.348403000Z');
  });

  it('reads a big-endian nanosecond capture (made with the writer, checked with tshark)', () => {
    const contents = readCapture(fixture('be-nanoseconds-vlan.pcap'));
    expect(contents.errors).toEqual([]);
    // tshark: frame.time_epoch 1700000000.000123456 ... 1700000000.005123461, frame.len 60..56
    expect(contents.packets.map((p) => [formatTimestamp(p), p.capturedLength])).toEqual([
      ['2023-11-14T22:13:20.000123456Z', 60],
      ['2023-11-14T22:13:20.001123457Z', 66],
      ['2023-11-14T22:13:20.002123458Z', 60],
      ['2023-11-14T22:13:20.003123459Z', 42],
      ['2023-11-14T22:13:20.004123460Z', 50],
      ['2023-11-14T22:13:20.005123461Z', 56],
    ]);
  });

  it('refuses a record longer than the limit without allocating for it', () => {
    const huge = hex('00000000 00000000 ffffff7f ffffff7f'); // captured length 2 GiB
    const { packets, errors, reader } = readAll(concat([HEADER_LE_MICRO, RECORD_1, huge]));
    expect(packets).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual(['OTS_PCAP_RECORD_TOO_LONG']);
    expect(errors[0]!.offset).toBe(24 + RECORD_1.length);
    expect(reader.failed).toBe(true);
    const custom = readCapture(capture, { maxRecordLength: 64 });
    expect(custom.packets).toHaveLength(1);
    expect(custom.errors[0]!.code).toBe('OTS_PCAP_RECORD_TOO_LONG');
  });

  it('reports a capture cut in a record, a header, or before the magic', () => {
    const cut = readAll(capture.subarray(0, capture.length - 5));
    expect(cut.packets).toHaveLength(1);
    expect(cut.errors.map((e) => e.code)).toEqual(['OTS_PCAP_TRUNCATED']);
    expect(readAll(capture.subarray(0, 30)).errors.map((e) => e.code)).toEqual([
      'OTS_PCAP_TRUNCATED',
    ]);
    expect(readAll(capture.subarray(0, 10)).errors.map((e) => e.code)).toEqual([
      'OTS_PCAP_TRUNCATED',
    ]);
    expect(readAll(new Uint8Array(0)).errors.map((e) => e.code)).toEqual(['OTS_PCAP_TRUNCATED']);
    expect(readAll(capture.subarray(0, 24)).errors).toEqual([]); // a header alone is a valid, empty capture
  });

  it('refuses a file that is no capture', () => {
    const { errors } = readAll(new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'));
    expect(errors.map((e) => e.code)).toEqual(['OTS_PCAP_BAD_MAGIC']);
  });

  it('ignores input after a fatal error and after end()', () => {
    const packets: CapturePacket[] = [];
    const errors: CodecError[] = [];
    const reader = createCaptureReader(
      (p) => packets.push(p),
      (e) => errors.push(e),
    );
    reader.push(hex('deadbeef'));
    reader.push(capture);
    reader.end();
    reader.end();
    expect(packets).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});

describe('pcap writer', () => {
  const frames = [RECORD_1.subarray(16), RECORD_2.subarray(16)];

  it('writes what tcpdump writes: the same bytes as the real capture', () => {
    const bytes = pcapOf({ linkType: 1, snaplen: 65535 }, [
      { timestampMs: 1352718180264, timestampNs: 365000, data: frames[0]! },
      { timestampMs: 1352718180264, timestampNs: 400000, data: frames[1]! },
    ]);
    expect(bytes).toEqual(capture());
    function capture() {
      return concat([HEADER_LE_MICRO, RECORD_1, RECORD_2]);
    }
  });

  it('round-trips packets in both byte orders and precisions', () => {
    for (const littleEndian of [true, false]) {
      for (const precision of ['microseconds', 'nanoseconds'] as const) {
        const packets = [
          { timestampMs: 1_700_000_000_001, timestampNs: 999_000, data: frames[0]! },
          { timestampMs: 0, timestampNs: 0, data: frames[1]! },
          { timestampMs: 4_294_967_295_999, timestampNs: 1000, data: new Uint8Array(0) },
        ];
        const bytes = pcapOf({ linkType: LINK_TYPES.ethernet, littleEndian, precision }, packets);
        const read = readCapture(bytes);
        expect(read.errors).toEqual([]);
        expect(
          read.packets.map((p) => ({ ms: p.timestampMs, ns: p.timestampNs, data: p.data })),
        ).toEqual(packets.map((p) => ({ ms: p.timestampMs, ns: p.timestampNs, data: p.data })));
      }
    }
  });

  it('keeps nanoseconds only in a nanosecond file', () => {
    const packet = { timestampMs: 1000, timestampNs: 123_456, data: frames[0]! };
    const micro = readCapture(pcapOf({ linkType: 1 }, [packet])).packets[0]!;
    const nano = readCapture(pcapOf({ linkType: 1, precision: 'nanoseconds' }, [packet]))
      .packets[0]!;
    expect(micro.timestampNs).toBe(123_000);
    expect(nano.timestampNs).toBe(123_456);
  });

  it('cuts packets to the snaplen and keeps their original length', () => {
    const read = readCapture(
      pcapOf({ linkType: 1, snaplen: 20 }, [{ timestampMs: 5, data: frames[1]! }]),
    );
    expect(read.packets[0]).toMatchObject({ capturedLength: 20, originalLength: 66 });
    expect(read.packets[0]!.data).toEqual(frames[1]!.subarray(0, 20));
  });

  it('refuses times and lengths a record cannot hold, writing nothing', () => {
    const chunks: Uint8Array[] = [];
    const writer = createPcapWriter((c) => chunks.push(c), { linkType: 1 });
    expect(chunks).toHaveLength(1); // the global header, at once
    for (const bad of [
      { timestampMs: -1, data: frames[0]! },
      { timestampMs: 4_294_967_296_000, data: frames[0]! },
      { timestampMs: 1.5, data: frames[0]! },
      { timestampMs: 1, timestampNs: 1_000_000, data: frames[0]! },
      { timestampMs: 1, originalLength: -1, data: frames[0]! },
    ]) {
      const result = writer.write(bad);
      expect(!result.ok && result.error.code).toBe('OTS_PCAP_BAD_PACKET');
    }
    expect(chunks).toHaveLength(1);
    expect(writer.records).toBe(0);
    expect(writer.write({ timestampMs: 1, data: frames[0]! })).toEqual({ ok: true, value: 76 });
    expect(writer.bytesWritten).toBe(24 + 76);
  });
});
