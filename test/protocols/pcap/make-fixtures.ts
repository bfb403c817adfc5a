// Writes the synthetic capture fixtures under test/fixtures/pcap with the project's own encoders.
// Run once with `npx tsx test/protocols/pcap/make-fixtures.ts`; the files are committed, and the
// tests check them against what tshark 4.0 printed for them (see README.md there).
import { writeFileSync } from 'node:fs';
import {
  ETHER_TYPES,
  LINK_TYPES,
  PCAPNG_BLOCK_TYPES,
  encodeBlock,
  encodeEnhancedPacketBlock,
  encodeEthernet,
  encodeInterfaceDescriptionBlock,
  encodeInterfaceStatisticsBlock,
  encodeIpv4,
  encodeIpv6,
  encodeSectionHeaderBlock,
  encodeSimplePacketBlock,
  encodeSll,
  encodeSll2,
  encodeTcp,
  encodeUdp,
  parseIpv4,
  parseIpv6,
  pcapngUnitsFromTime,
  textOption,
} from '../../../src/protocols/pcap/index.js';
import { concat, frame, hex, pcapOf, tcpFrame } from './builders.js';

const out = new URL('../../fixtures/pcap/', import.meta.url);

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('encoder refused');
  return value;
}

// --- be-nanoseconds-vlan.pcap: big-endian, nanosecond records, Ethernet with VLAN tags. ---
export function vlanFrames(): Uint8Array[] {
  const a = '10.1.1.1';
  const b = '10.1.1.2';
  const udp = encodeUdp(
    { sourcePort: 5000, destinationPort: 20000 },
    hex('0564 0ac4 0100 0a00 6ea1'),
    must(parseIpv4(a)),
    must(parseIpv4(b)),
  );
  const ipUdp = must(
    encodeIpv4({ source: a, destination: b, protocol: 17, identification: 1 }, udp),
  );
  // 1: QinQ, service tag 0x88a8 VLAN 100 outside a customer tag 0x8100 VLAN 200.
  const qinq = must(
    encodeEthernet(
      {
        destination: '00:11:22:33:44:55',
        source: '66:77:88:99:aa:bb',
        etherType: ETHER_TYPES.ipv4,
        vlans: [
          { tpid: 0x88a8, id: 100 },
          { tpid: 0x8100, id: 200, priority: 3 },
        ],
      },
      ipUdp,
    ),
  );
  // 2: one 802.1Q tag (priority 5, VLAN 42), IPv4 with 4 bytes of options (IHL 6), TCP SYN
  // with an MSS option.
  const syn = encodeTcp(
    {
      sourcePort: 49152,
      destinationPort: 502,
      sequence: 1000,
      flags: 0x02,
      options: hex('0204 05b4'),
    },
    new Uint8Array(0),
    must(parseIpv4(a)),
    must(parseIpv4(b)),
  );
  const ipOptions = must(
    encodeIpv4(
      { source: a, destination: b, protocol: 6, identification: 2, options: hex('01 01 01 00') },
      syn,
    ),
  );
  const tagged = must(
    encodeEthernet(
      {
        destination: '00:11:22:33:44:55',
        source: '66:77:88:99:aa:bb',
        etherType: ETHER_TYPES.ipv4,
        vlans: [{ tpid: 0x8100, id: 42, priority: 5 }],
      },
      ipOptions,
    ),
  );
  // 3: a short TCP segment padded to the 60-byte Ethernet minimum with non-zero bytes.
  const short = tcpFrame({ from: a, to: b, sport: 49152, dport: 502, seq: 1001, payload: 'hi' });
  const padded = concat([short, new Uint8Array(60 - short.length).fill(0xee)]);
  // 4: ARP request (RFC 826), not IP.
  const arp = must(
    encodeEthernet(
      { destination: 'ff:ff:ff:ff:ff:ff', source: '66:77:88:99:aa:bb', etherType: ETHER_TYPES.arp },
      hex('0001 0800 06 04 0001 667788 99aabb 0a010101 000000 000000 0a010102'),
    ),
  );
  // 5: first fragment of a UDP datagram (MF set).
  const fragment = must(
    encodeEthernet(
      {
        destination: '00:11:22:33:44:55',
        source: '66:77:88:99:aa:bb',
        etherType: ETHER_TYPES.ipv4,
      },
      must(
        encodeIpv4(
          {
            source: a,
            destination: b,
            protocol: 17,
            identification: 0x1234,
            dontFragment: false,
            moreFragments: true,
          },
          udp.subarray(0, 16),
        ),
      ),
    ),
  );
  // 6: the pre-standard 0x9100 tag, VLAN 7.
  const legacy = must(
    encodeEthernet(
      {
        destination: '00:11:22:33:44:55',
        source: '66:77:88:99:aa:bb',
        etherType: ETHER_TYPES.ipv4,
        vlans: [{ tpid: 0x9100, id: 7 }],
      },
      ipUdp,
    ),
  );
  return [qinq, tagged, padded, arp, fragment, legacy];
}

// --- sll2-ipv6.pcap: Linux cooked v2, IPv6 with extension headers. ---
export function sll2Frames(): Uint8Array[] {
  const a = '2001:db8::1';
  const b = '2001:db8:0:0:1::2';
  const src = must(parseIpv6(a));
  const dst = must(parseIpv6(b));
  const tcp = encodeTcp(
    { sourcePort: 40000, destinationPort: 102, sequence: 7, acknowledgment: 9, flags: 0x18 },
    hex('0300 0016 11e0 0000 0001 00c1 0201 00c2 0201 02c0 010a'),
    src,
    dst,
  );
  // Hop-by-hop (PadN), routing type 2 (one home address), destination options (PadN), and an
  // atomic fragment header (offset 0, M 0): all walked to TCP.
  const hopByHop = hex('00 00 01 04 00000000');
  const routing = hex('00 02 02 01 00000000 20010db8000000000000000000000099');
  const destination = hex('00 00 01 04 00000000');
  const atomic = hex('00 00 0000 0000abcd');
  const withExtensions = must(
    encodeIpv6(
      {
        source: a,
        destination: b,
        nextHeader: 6,
        extensionHeaders: [
          [0, hopByHop],
          [43, routing],
          [60, destination],
          [44, atomic],
        ],
      },
      tcp,
    ),
  );
  const udp = encodeUdp(
    { sourcePort: 33333, destinationPort: 33334 },
    hex('0564 05c9 0100 0000'),
    src,
    dst,
  );
  const plainUdp = must(
    encodeIpv6({ source: a, destination: b, nextHeader: 17, hopLimit: 1 }, udp),
  );
  // A non-atomic fragment (offset 8, M 1): reported as a fragment.
  const fragmentHeader = hex('00 00 0009 00001234');
  const fragment = must(
    encodeIpv6(
      { source: a, destination: b, nextHeader: 17, extensionHeaders: [[44, fragmentHeader]] },
      udp,
    ),
  );
  const v4 = must(
    encodeIpv4(
      { source: '192.0.2.1', destination: '192.0.2.2', protocol: 6 },
      encodeTcp(
        { sourcePort: 1025, destinationPort: 502, sequence: 1, flags: 0x12 },
        new Uint8Array(0),
        must(parseIpv4('192.0.2.1')),
        must(parseIpv4('192.0.2.2')),
      ),
    ),
  );
  return [
    encodeSll2({ protocol: ETHER_TYPES.ipv6, interfaceIndex: 3, packetType: 4 }, withExtensions),
    encodeSll2({ protocol: ETHER_TYPES.ipv6, interfaceIndex: 3 }, plainUdp),
    encodeSll2({ protocol: ETHER_TYPES.ipv6, interfaceIndex: 3 }, fragment),
    encodeSll2({ protocol: ETHER_TYPES.ipv4, interfaceIndex: 1, packetType: 0 }, v4),
  ];
}

// --- two-sections.pcapng: two sections in opposite byte orders, three interfaces. ---
export function twoSectionsPcapng(): Uint8Array {
  const ethernet = tcpFrame({
    from: '10.0.0.5',
    to: '10.0.0.9',
    sport: 49152,
    dport: 502,
    seq: 1,
    payload: hex('0001 0000 0006 01 03 0000 000a'),
  });
  const raw = frame({
    linkType: LINK_TYPES.raw,
    source: '10.0.0.9',
    destination: '10.0.0.5',
    transport: { protocol: 'udp', sourcePort: 33333, destinationPort: 40000 },
    payload: hex('3000'),
  });
  const le = true;
  const t0 = { timestampMs: 1_700_000_000_123, timestampNs: 456_000 };
  const t1 = { timestampMs: 1_700_000_000_124, timestampNs: 789 };
  const [h0, l0] = pcapngUnitsFromTime(t0, { base: 10, exponent: 6 });
  const [h1, l1] = pcapngUnitsFromTime(t1, { base: 10, exponent: 9 });
  const section1 = [
    encodeSectionHeaderBlock({ littleEndian: le, userApplication: 'otsafe make-fixtures' }),
    encodeInterfaceDescriptionBlock(
      { linkType: LINK_TYPES.ethernet, snaplen: 65535, name: 'eth0' },
      le,
    ),
    encodeInterfaceDescriptionBlock(
      {
        linkType: LINK_TYPES.raw,
        snaplen: 0,
        name: 'tun0',
        description: 'raw IP, nanoseconds',
        timestampResolution: { base: 10, exponent: 9 },
      },
      le,
    ),
    // A custom block (copyable, PEN 32473 = documentation) and a block type nobody defined.
    encodeBlock(PCAPNG_BLOCK_TYPES.custom_copyable, hex('d97e0000 6f74 7361 6665 0000'), le),
    encodeBlock(0x00000bee, hex('deadbeef cafe'), le),
    encodeEnhancedPacketBlock(
      {
        interfaceId: 0,
        timestampHigh: h0,
        timestampLow: l0,
        data: ethernet,
        options: [textOption(1, 'first packet')],
      },
      le,
    ),
    encodeEnhancedPacketBlock(
      { interfaceId: 1, timestampHigh: h1, timestampLow: l1, data: raw },
      le,
    ),
    encodeSimplePacketBlock({ data: ethernet }, le),
    encodeInterfaceStatisticsBlock(
      {
        interfaceId: 0,
        timestampHigh: h0,
        timestampLow: l0,
        received: 3n,
        interfaceDropped: 1n,
        osDropped: 2n,
      },
      le,
    ),
  ];
  const be = false;
  // 2^-20 s units (if_tsresol 0x94) and an if_tsoffset of one hour.
  const t2 = { timestampMs: 1_700_000_100_000, timestampNs: 0 };
  const [h2, l2] = pcapngUnitsFromTime(t2, { base: 2, exponent: 20 }, 3600);
  const section2 = [
    encodeSectionHeaderBlock({ littleEndian: be, hardware: 'big-endian box' }),
    encodeInterfaceDescriptionBlock(
      {
        linkType: LINK_TYPES.ethernet,
        snaplen: 64,
        name: 'em1',
        timestampResolution: { base: 2, exponent: 20 },
        timestampOffsetSeconds: 3600,
      },
      be,
    ),
    encodeEnhancedPacketBlock(
      {
        interfaceId: 0,
        timestampHigh: h2,
        timestampLow: l2,
        data: ethernet.subarray(0, 64),
        originalLength: ethernet.length,
      },
      be,
    ),
  ];
  return concat([...section1, ...section2]);
}

export function beNanosecondsPcap(): Uint8Array {
  const base = 1_700_000_000_000;
  return pcapOf(
    {
      linkType: LINK_TYPES.ethernet,
      precision: 'nanoseconds',
      littleEndian: false,
      snaplen: 65535,
    },
    vlanFrames().map((data, i) => ({ timestampMs: base + i, timestampNs: 123_456 + i, data })),
  );
}

export function sll2Pcap(): Uint8Array {
  return pcapOf(
    { linkType: LINK_TYPES.linux_sll2 },
    sll2Frames().map((data, i) => ({
      timestampMs: 1_600_000_000_000 + 10 * i,
      timestampNs: 1000 * i,
      data,
    })),
  );
}

/** SLL v1 frames written here too, to cover the encoder against tshark. */
export function sllPcap(): Uint8Array {
  const packet = must(
    encodeIpv4(
      { source: '127.0.0.1', destination: '127.0.0.1', protocol: 17 },
      encodeUdp(
        { sourcePort: 1, destinationPort: 2 },
        hex('00'),
        must(parseIpv4('127.0.0.1')),
        must(parseIpv4('127.0.0.1')),
      ),
    ),
  );
  return pcapOf({ linkType: LINK_TYPES.linux_sll }, [
    {
      timestampMs: 0,
      data: encodeSll({ protocol: ETHER_TYPES.ipv4, arphrdType: 772, packetType: 0 }, packet),
    },
  ]);
}

if (process.argv[1]?.endsWith('make-fixtures.ts') === true) {
  writeFileSync(new URL('be-nanoseconds-vlan.pcap', out), beNanosecondsPcap());
  writeFileSync(new URL('sll2-ipv6.pcap', out), sll2Pcap());
  writeFileSync(new URL('two-sections.pcapng', out), twoSectionsPcapng());
  console.log('fixtures written');
}
