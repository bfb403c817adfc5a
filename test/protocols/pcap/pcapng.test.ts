// pcapng: each block decoded, encoded and round-tripped from annotated bytes; then the reader on
// several interfaces, both byte orders in one file, unknown blocks, and broken framing.
import { describe, expect, it } from 'vitest';
import {
  LINK_TYPES,
  MICROSECONDS,
  createCaptureReader,
  decodeEnhancedPacketBlock,
  decodeInterfaceDescriptionBlock,
  decodeInterfaceStatisticsBlock,
  decodeSectionHeaderBlock,
  decodeSimplePacketBlock,
  encodeBlock,
  encodeEnhancedPacketBlock,
  encodeInterfaceDescriptionBlock,
  encodeInterfaceStatisticsBlock,
  encodeSectionHeaderBlock,
  encodeSimplePacketBlock,
  formatTimestamp,
  pcapngBlockTypeName,
  pcapngUnitsFromTime,
  readCapture,
  splitPcapngTime,
  type CaptureInterface,
  type CapturePacket,
  type CaptureStatistics,
} from '../../../src/protocols/pcap/index.js';
import type { CodecError } from '../../../src/protocols/errors.js';
import { concat, hex } from './builders.js';
import { feed, fixture } from './fixtures.js';

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.length);

// Blocks as the pcapng draft lays them out (sections 3.1, 4.1 to 4.6), little-endian.
const SHB = hex(`
  0a0d0d0a          | Block Type: Section Header Block
  1c000000          | Block Total Length 28
  4d3c2b1a          | Byte-Order Magic 1A2B3C4D, little-endian
  0100 0000         | version 1.0
  ffffffff ffffffff | Section Length -1: not given
  1c000000          | Block Total Length again
`);
const IDB = hex(`
  01000000          | Block Type: Interface Description Block
  28000000          | Block Total Length 40
  0100 0000         | LinkType 1 (Ethernet), Reserved
  ffff0000          | SnapLen 65535
  0200 0400 65746830 | if_name "eth0"
  0900 0100 09 000000 | if_tsresol 9: nanoseconds, 3 bytes of padding
  0000 0000         | opt_endofopt
  28000000          | Block Total Length again
`);
const EPB = hex(`
  06000000          | Block Type: Enhanced Packet Block
  28000000          | Block Total Length 40
  00000000          | Interface ID 0
  fe9c9717          | Timestamp (Upper)  } 1700000000123456789 ns
  15cd853d          | Timestamp (Lower)  }
  05000000          | Captured Packet Length 5
  3c000000          | Original Packet Length 60
  0102030405 000000 | Packet Data, padded to 32 bits
  28000000          | Block Total Length again
`);
const SPB = hex(`
  03000000          | Block Type: Simple Packet Block
  14000000          | Block Total Length 20
  04000000          | Original Packet Length 4
  deadbeef          | Packet Data
  14000000          | Block Total Length again
`);
const ISB = hex(`
  05000000          | Block Type: Interface Statistics Block
  34000000          | Block Total Length 52
  00000000          | Interface ID 0
  fe9c9717 15cd853d | Timestamp
  0400 0800 4300000000000000 | isb_ifrecv 67
  0500 0800 0200000000000000 | isb_ifdrop 2
  0000 0000         | opt_endofopt
  34000000          | Block Total Length again
`);

function read(bytes: Uint8Array, chunk = bytes.length) {
  const packets: CapturePacket[] = [];
  const errors: CodecError[] = [];
  const interfaces: CaptureInterface[] = [];
  const statistics: CaptureStatistics[] = [];
  const reader = createCaptureReader(
    (p) => packets.push(p),
    (e) => errors.push(e),
    { onInterface: (i) => interfaces.push(i), onStatistics: (s) => statistics.push(s) },
  );
  feed(bytes, chunk, (c) => {
    reader.push(c);
  });
  reader.end();
  return { packets, errors, interfaces, statistics, reader };
}

describe('pcapng blocks', () => {
  it('section header: parse, encode, round trip, both byte orders', () => {
    const decoded = decodeSectionHeaderBlock(view(SHB));
    expect(decoded).toEqual({
      ok: true,
      value: {
        littleEndian: true,
        versionMajor: 1,
        versionMinor: 0,
        sectionLength: -1n,
        hardware: undefined,
        os: undefined,
        userApplication: undefined,
        comments: [],
      },
    });
    expect(encodeSectionHeaderBlock()).toEqual(SHB);
    const big = encodeSectionHeaderBlock({ littleEndian: false, os: 'Linux', hardware: 'x86' });
    expect(big.subarray(8, 12)).toEqual(hex('1a2b3c4d'));
    const again = decodeSectionHeaderBlock(view(big));
    expect(again.ok && again.value).toMatchObject({
      littleEndian: false,
      os: 'Linux',
      hardware: 'x86',
    });
  });

  it('section header: bad byte-order magic and unknown major version are errors', () => {
    const bom = SHB.slice();
    bom.set(hex('01020304'), 8);
    expect(decodeSectionHeaderBlock(view(bom))).toMatchObject({
      ok: false,
      error: { code: 'OTS_PCAP_BAD_HEADER' },
    });
    const v2 = SHB.slice();
    v2[12] = 2;
    expect(decodeSectionHeaderBlock(view(v2))).toMatchObject({
      ok: false,
      error: { code: 'OTS_PCAP_BAD_HEADER' },
    });
  });

  it('interface description: parse, encode, round trip', () => {
    const decoded = decodeInterfaceDescriptionBlock(view(IDB), true);
    expect(decoded.ok && decoded.value).toMatchObject({
      linkType: 1,
      snaplen: 65535,
      name: 'eth0',
      timestampResolution: { base: 10, exponent: 9 },
      timestampOffsetSeconds: 0,
    });
    expect(
      encodeInterfaceDescriptionBlock({
        linkType: 1,
        snaplen: 65535,
        name: 'eth0',
        timestampResolution: { base: 10, exponent: 9 },
      }),
    ).toEqual(IDB);
    const pow2 = encodeInterfaceDescriptionBlock(
      {
        linkType: 276,
        name: 'any',
        description: 'cooked',
        timestampResolution: { base: 2, exponent: 20 },
        timestampOffsetSeconds: -7200,
      },
      false,
    );
    const back = decodeInterfaceDescriptionBlock(view(pow2), false);
    expect(back.ok && back.value).toMatchObject({
      linkType: 276,
      name: 'any',
      description: 'cooked',
      timestampResolution: { base: 2, exponent: 20 },
      timestampOffsetSeconds: -7200,
    });
  });

  it('interface description: an option running past the block is an error', () => {
    const broken = IDB.slice();
    broken[18] = 0x40; // if_name length 64
    expect(decodeInterfaceDescriptionBlock(view(broken), true)).toMatchObject({
      ok: false,
      error: { code: 'OTS_PCAP_BAD_BLOCK' },
    });
  });

  it('enhanced packet: parse, encode, round trip', () => {
    const decoded = decodeEnhancedPacketBlock(view(EPB), true);
    expect(decoded.ok && decoded.value).toMatchObject({
      interfaceId: 0,
      timestampHigh: 0x17979cfe,
      timestampLow: 0x3d85cd15,
      originalLength: 60,
      data: hex('0102030405'),
      options: [],
    });
    expect(
      encodeEnhancedPacketBlock({
        interfaceId: 0,
        timestampHigh: 0x17979cfe,
        timestampLow: 0x3d85cd15,
        data: hex('0102030405'),
        originalLength: 60,
      }),
    ).toEqual(EPB);
    const time = splitPcapngTime(0x17979cfe, 0x3d85cd15, { base: 10, exponent: 9 }, 0);
    expect(formatTimestamp(time)).toBe('2023-11-14T22:13:20.123456789Z');
  });

  it('enhanced packet: a captured length past the block is an error', () => {
    const broken = EPB.slice();
    broken[20] = 0x20;
    expect(decodeEnhancedPacketBlock(view(broken), true)).toMatchObject({
      ok: false,
      error: { code: 'OTS_PCAP_BAD_BLOCK' },
    });
  });

  it('simple packet: parse, encode, the snaplen cut', () => {
    expect(decodeSimplePacketBlock(view(SPB), true, 0)).toEqual({
      ok: true,
      value: { originalLength: 4, data: hex('deadbeef') },
    });
    expect(encodeSimplePacketBlock({ data: hex('deadbeef') })).toEqual(SPB);
    const cut = encodeSimplePacketBlock({ data: hex('0102'), originalLength: 1500 });
    expect(decodeSimplePacketBlock(view(cut), true, 2)).toEqual({
      ok: true,
      value: { originalLength: 1500, data: hex('0102') },
    });
    expect(decodeSimplePacketBlock(view(cut), true, 0)).toMatchObject({
      ok: false,
      error: { code: 'OTS_PCAP_BAD_BLOCK' },
    });
  });

  it('interface statistics: parse, encode, round trip', () => {
    const decoded = decodeInterfaceStatisticsBlock(view(ISB), true);
    expect(decoded.ok && decoded.value).toMatchObject({
      interfaceId: 0,
      received: 67n,
      interfaceDropped: 2n,
      osDropped: undefined,
    });
    expect(
      encodeInterfaceStatisticsBlock({
        interfaceId: 0,
        timestampHigh: 0x17979cfe,
        timestampLow: 0x3d85cd15,
        received: 67n,
        interfaceDropped: 2n,
      }),
    ).toEqual(ISB);
  });

  it('names block types, unknown ones too', () => {
    expect(pcapngBlockTypeName(6)).toBe('enhanced_packet');
    expect(pcapngBlockTypeName(0x0bee)).toBe('unknown-3054');
  });
});

describe('pcapng timestamps', () => {
  it('converts every if_tsresol form exactly', () => {
    expect(splitPcapngTime(0, 1_500_000, MICROSECONDS, 0)).toEqual({
      timestampMs: 1500,
      timestampNs: 0,
    });
    expect(splitPcapngTime(0, 1_234_567, { base: 10, exponent: 3 }, 0)).toEqual({
      timestampMs: 1_234_567,
      timestampNs: 0,
    });
    // 2^-20 s units: 1.5 s is 1.5 × 2^20 = 1572864.
    expect(splitPcapngTime(0, 1_572_864, { base: 2, exponent: 20 }, 0)).toEqual({
      timestampMs: 1500,
      timestampNs: 0,
    });
    expect(splitPcapngTime(0, 1, { base: 2, exponent: 30 }, 10)).toEqual({
      timestampMs: 10_000,
      timestampNs: 0,
    });
    expect(splitPcapngTime(0, 3, { base: 10, exponent: 12 }, 0)).toEqual({
      timestampMs: 0,
      timestampNs: 0,
    });
    // 2^64 - 1 microseconds: past what a Date holds, printed as seconds, never thrown.
    const far = splitPcapngTime(0xffffffff, 0xffffffff, MICROSECONDS, 0);
    expect(far.timestampMs).toBeGreaterThan(1.8e16);
    expect(formatTimestamp(far)).toMatch(/^\d+\.\d{9}$/);
  });

  it('inverts with pcapngUnitsFromTime', () => {
    const time = { timestampMs: 1_700_000_000_123, timestampNs: 456_789 };
    for (const resolution of [
      { base: 10, exponent: 9 },
      { base: 2, exponent: 32 },
    ] as const) {
      const [high, low] = pcapngUnitsFromTime(time, resolution, 60);
      const back = splitPcapngTime(high, low, resolution, 60);
      expect(back.timestampMs).toBe(time.timestampMs);
      expect(Math.abs(back.timestampNs - time.timestampNs)).toBeLessThanOrEqual(1);
    }
  });
});

describe('pcapng reader', () => {
  const simple = concat([SHB, IDB, EPB, SPB, ISB]);

  it('reads a section with packets, a simple packet and statistics', () => {
    const { packets, errors, interfaces, statistics, reader } = read(simple);
    expect(errors).toEqual([]);
    expect(reader.format).toBe('pcapng');
    expect(interfaces).toEqual([
      {
        id: 0,
        section: 0,
        linkType: 1,
        snaplen: 65535,
        timestampResolution: { base: 10, exponent: 9 },
        timestampOffsetSeconds: 0,
        name: 'eth0',
        description: undefined,
        fcsLength: undefined,
      },
    ]);
    expect(packets).toEqual([
      {
        frame: 1,
        timestampMs: 1_700_000_000_123,
        timestampNs: 456_789,
        interfaceId: 0,
        section: 0,
        linkType: 1,
        capturedLength: 5,
        originalLength: 60,
        data: hex('0102030405'),
      },
      {
        frame: 2,
        timestampMs: 0, // an SPB has no timestamp
        timestampNs: 0,
        interfaceId: 0,
        section: 0,
        linkType: 1,
        capturedLength: 4,
        originalLength: 4,
        data: hex('deadbeef'),
      },
    ]);
    expect(statistics).toEqual([
      expect.objectContaining({
        interfaceId: 0,
        section: 0,
        received: 67n,
        interfaceDropped: 2n,
        timestampMs: 1_700_000_000_123,
        timestampNs: 456_789,
      }),
    ]);
  });

  it('accepts any slicing, byte by byte included', () => {
    const whole = read(simple);
    for (const size of [1, 2, 3, 5, 11, 12, 13, 64]) {
      const sliced = read(simple, size);
      expect(sliced.errors).toEqual([]);
      expect(sliced.packets).toEqual(whole.packets);
      expect(sliced.statistics).toEqual(whole.statistics);
    }
  });

  it('reads two sections in opposite byte orders, three interfaces, unknown blocks skipped', () => {
    // two-sections.pcapng, made by make-fixtures.ts. tshark 4.0 on it (-T fields):
    //   1 (custom block) | 2 1700000000.123456000 if 0 66/66 | 3 1700000000.124000789 if 1 30/30
    //   4 (SPB, no time) if 0 66/66 | 5 1700000100.000000000 if 0 66/64
    const bytes = fixture('two-sections.pcapng');
    for (const size of [bytes.length, 1, 7]) {
      const { packets, errors, interfaces } = read(bytes, size);
      expect(errors).toEqual([]);
      expect(interfaces.map((i) => [i.section, i.id, i.linkType, i.name])).toEqual([
        [0, 0, LINK_TYPES.ethernet, 'eth0'],
        [0, 1, LINK_TYPES.raw, 'tun0'],
        [1, 0, LINK_TYPES.ethernet, 'em1'],
      ]);
      expect(
        packets.map((p) => [
          p.frame,
          p.section,
          p.interfaceId,
          p.linkType,
          p.timestampMs === 0 ? '' : formatTimestamp(p),
          p.originalLength,
          p.capturedLength,
        ]),
      ).toEqual([
        [2, 0, 0, 1, '2023-11-14T22:13:20.123456000Z', 66, 66],
        [3, 0, 1, 101, '2023-11-14T22:13:20.124000789Z', 30, 30],
        [4, 0, 0, 1, '', 66, 66],
        [5, 1, 0, 1, '2023-11-14T22:15:00.000000000Z', 66, 64],
      ]);
    }
  });

  it('reads a real dumpcap capture with its statistics block', () => {
    // S7-1511_db6w0_HMI.pcap (ITI/ICS-Security-Tools, CC BY 4.0): pcapng from dumpcap on Windows 7.
    const { packets, errors, statistics } = read(fixture('s7-1511-hmi.pcapng'));
    expect(errors).toEqual([]);
    expect(packets).toHaveLength(18);
    // tshark: frame 1 at 1411974511.002145000, 66 bytes; frame 18 at 1411974511.093553000, 54 bytes
    expect(formatTimestamp(packets[0]!)).toBe('2014-09-29T07:08:31.002145000Z');
    expect(formatTimestamp(packets[17]!)).toBe('2014-09-29T07:08:31.093553000Z');
    expect(packets[17]!.capturedLength).toBe(54);
    // ISB options: isb_ifrecv 67, isb_ifdrop 0, plus start and end times.
    expect(statistics).toEqual([
      expect.objectContaining({
        received: 67n,
        interfaceDropped: 0n,
        startTime: 0x0005042eee5016cdn,
      }),
    ]);
  });

  it('skips a large unknown block without buffering it, checking its trailing length', () => {
    const body = new Uint8Array(3 * 1024 * 1024);
    const unknown = encodeBlock(0x00000bee, body, true);
    const { packets, errors } = read(concat([SHB, IDB, unknown, EPB]), 65536);
    expect(errors).toEqual([]);
    expect(packets).toHaveLength(1);
    const lying = unknown.slice();
    lying[lying.length - 4]! ^= 4;
    const broken = read(concat([SHB, IDB, lying, EPB]), 65536);
    expect(broken.packets).toHaveLength(0);
    expect(broken.errors.map((e) => e.code)).toEqual(['OTS_PCAP_BAD_BLOCK_LENGTH']);
  });

  it('refuses broken framing with typed errors', () => {
    const codes = (bytes: Uint8Array) => read(bytes).errors.map((e) => e.code);
    const misaligned = EPB.slice();
    misaligned[4] = 0x27; // 39, not a multiple of 4
    expect(codes(concat([SHB, IDB, misaligned]))).toEqual(['OTS_PCAP_BAD_BLOCK_LENGTH']);
    const tiny = EPB.slice();
    tiny[4] = 8;
    expect(codes(concat([SHB, IDB, tiny]))).toEqual(['OTS_PCAP_BAD_BLOCK_LENGTH']);
    const ends = EPB.slice();
    ends[36] = 0x2c; // trailing length 44
    expect(codes(concat([SHB, IDB, ends]))).toEqual(['OTS_PCAP_BAD_BLOCK_LENGTH']);
    expect(codes(concat([SHB, EPB]))).toEqual(['OTS_PCAP_UNKNOWN_INTERFACE']);
    expect(codes(concat([SHB, SPB]))).toEqual(['OTS_PCAP_UNKNOWN_INTERFACE']);
    const huge = EPB.slice();
    huge.set(hex('00000010'), 4); // 256 MiB
    expect(codes(concat([SHB, IDB, huge]))).toEqual(['OTS_PCAP_RECORD_TOO_LONG']);
    expect(codes(concat([SHB, IDB, EPB.subarray(0, 30)]))).toEqual(['OTS_PCAP_TRUNCATED']);
    const bom = SHB.slice();
    bom.set(hex('01020304'), 8);
    expect(codes(bom)).toEqual(['OTS_PCAP_BAD_HEADER']);
  });

  it('gives a new section its own interfaces', () => {
    const second = encodeSectionHeaderBlock({ littleEndian: false });
    // A little-endian EPB in a big-endian section reads as an unknown block type 0x06000000 of
    // 671,088,640 bytes: it is skipped without buffering until the input runs out.
    const { errors, packets } = read(concat([SHB, IDB, EPB, second, EPB]));
    expect(packets).toHaveLength(1);
    expect(errors.map((e) => e.code)).toEqual(['OTS_PCAP_TRUNCATED']);
    const ok = read(
      concat([
        SHB,
        IDB,
        second,
        encodeInterfaceDescriptionBlock({ linkType: 101 }, false),
        encodeEnhancedPacketBlock(
          { interfaceId: 0, timestampHigh: 0, timestampLow: 5, data: hex('45') },
          false,
        ),
      ]),
    );
    expect(ok.errors).toEqual([]);
    expect(ok.packets.map((p) => [p.section, p.linkType, p.timestampMs, p.timestampNs])).toEqual([
      [1, 101, 0, 5000],
    ]);
  });

  it('reads a whole buffer with readCapture', () => {
    const contents = readCapture(simple);
    expect(contents.format).toBe('pcapng');
    expect(contents.packets).toHaveLength(2);
    expect(contents.interfaces).toHaveLength(1);
    expect(contents.statistics).toHaveLength(1);
    expect(contents.errors).toEqual([]);
  });
});
