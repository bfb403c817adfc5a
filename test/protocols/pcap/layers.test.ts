// Link layers, IPv4, IPv6, UDP and TCP: annotated frames from real captures, then every early stop
// (a typed note) and every malformed header (a typed error), then the encoders' round trips.
import { describe, expect, it } from 'vitest';
import {
  LINK_TYPES,
  PacketLayers,
  decodeLayers,
  decodePacket,
  encodeEthernet,
  encodeFrame,
  encodeIpv4,
  encodeIpv6,
  encodeLoopback,
  etherTypeName,
  formatIpv6,
  ipProtocolName,
  linkTypeName,
  parseIpv4,
  parseIpv6,
  parseMac,
  sllPacketTypeName,
  transportChecksumValid,
} from '../../../src/protocols/pcap/index.js';
import { concat, frame, hex, tcpFrame } from './builders.js';

// sll-s7comm.pcap frame 1 (icsnpp-s7comm s7comm_plus.pcap, BSD-3-Clause).
const SLL_FRAME = hex(`
  0000 | packet type 0: sent to us
  0001 | ARPHRD_ETHER
  0006 | link-layer address length 6
  ac6417460d51 0000 | address, padded to 8
  0800 | protocol type: IPv4
  4500 0028 49e6 4000 4006 6f95 | IPv4, IHL 5, total length 40, DF, TTL 64, TCP
  c0a80001 c0a80003 | 192.168.0.1 > 192.168.0.3
  0066 c002 | TCP 102 > 49154
  5229b932 37ad2ee0 | seq 1378466098, ack 934096608
  5010 2000 dc2d 0000 | data offset 5, ACK, window 8192
  0000 0000 0000 | padding to 62 bytes, outside the IP total length
`);

// raw-ipv4-dnp3.pcap frame 1 (suricata-verify dnp3-flood, MIT): LINKTYPE_IPV4, no link header.
const RAW_IPV4 = hex(`
  4500 0028 0001 0000 4006 f652 c0a80164 c0a801c8 | IPv4 192.168.1.100 > 192.168.1.200
  c0fc 4e20 000003e8 00000000 5002 2000 f860 0000 | TCP 49404 > 20000 SYN, seq 1000
`);

// null-loopback.pcap frame 1 (icsnpp-opcua-binary python_opcua minimal, BSD-3-Clause).
const NULL_IPV6 = hex(`
  1e000000 | address family 30 (AF_INET6 on Darwin), host byte order
  6002 5148 002c 0640 | IPv6, flow label 0x25148, payload length 44, next header TCP, hop limit 64
  00000000000000000000000000000001 | source ::1
  00000000000000000000000000000001 | destination ::1
  f6a9 12e8 4a13d513 00000000 b002 ffff 0034 0000 | TCP 63145 > 4840 SYN, data offset 11
  0204 3fc4 0103 0305 0101 080a 77c2b4f0 00000000 0402 0000 | options: MSS, WS, NOP, TS, SACK-permitted
`);

function layersOf(data: Uint8Array, linkType: number) {
  const layers = new PacketLayers();
  const ok = decodeLayers(data, linkType, layers);
  return { ok, layers };
}

describe('real frames', () => {
  it('Linux cooked (SLL): IPv4 and TCP, padding left out', () => {
    const decoded = decodePacket(SLL_FRAME, LINK_TYPES.linux_sll);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value).toMatchObject({
      linkTypeName: 'linux_sll',
      sll: {
        version: 1,
        packetType: 0,
        packetTypeName: 'host',
        arphrdType: 1,
        address: 'ac:64:17:46:0d:51',
        protocol: 0x0800,
        interfaceIndex: undefined,
      },
      etherType: 0x0800,
      ip: { version: 4, source: '192.168.0.1', destination: '192.168.0.3', protocol: 6, ttl: 64 },
      tcp: {
        sourcePort: 102,
        destinationPort: 49154,
        sequence: 1378466098,
        acknowledgment: 934096608,
        flagBits: 0x10,
        window: 8192,
        headerLength: 20,
        payloadMissing: 0,
      },
      note: undefined,
    });
    expect(decoded.value.tcp?.flags).toMatchObject({ ack: true, syn: false, fin: false });
    expect(decoded.value.tcp?.payload).toHaveLength(0);
  });

  it('raw IPv4 (LINKTYPE_IPV4, LINKTYPE_RAW, DLT 12 and 14)', () => {
    for (const linkType of [LINK_TYPES.ipv4, LINK_TYPES.raw, 12, 14]) {
      const { ok, layers } = layersOf(RAW_IPV4, linkType);
      expect(ok).toBe(true);
      expect([
        layers.ipVersion,
        layers.sourcePort,
        layers.destinationPort,
        layers.tcpSequence,
      ]).toEqual([4, 49404, 20000, 1000]);
      expect(transportChecksumValid(layers)).toBe(true);
    }
  });

  it('BSD loopback with IPv6 and TCP options skipped', () => {
    const decoded = decodePacket(NULL_IPV6, LINK_TYPES.null);
    expect(decoded.ok && decoded.value).toMatchObject({
      etherType: 0x86dd,
      ip: { version: 6, source: '::1', destination: '::1', protocol: 6, ttl: 64, headerLength: 40 },
      tcp: { sourcePort: 63145, destinationPort: 4840, headerLength: 44, flagBits: 0x02 },
    });
    // macOS hands loopback segments to the capture before their checksum is filled in.
    expect(transportChecksumValid(layersOf(NULL_IPV6, LINK_TYPES.null).layers)).toBe(false);
    // LINKTYPE_LOOP is always big-endian: the same family written that way.
    const loop = concat([hex('0000001e'), NULL_IPV6.subarray(4)]);
    expect(layersOf(loop, LINK_TYPES.loop).layers.ipVersion).toBe(6);
    expect(layersOf(loop, LINK_TYPES.null).layers.ipVersion).toBe(6);
  });
});

describe('typed notes: decoding stops early, nothing is wrong', () => {
  const ethernetOf = (etherType: number, payload: Uint8Array) =>
    encodeEthernet(
      { destination: '02:00:00:00:00:02', source: '02:00:00:00:00:01', etherType },
      payload,
    )!;

  it('an unknown link type', () => {
    const { ok, layers } = layersOf(hex('0102'), 147);
    expect(ok).toBe(true);
    expect(layers.note).toEqual({ code: 'unknown-link-type', detail: 'link type 147' });
  });

  it('ARP, LLDP, LLC and a loopback family that is not IP', () => {
    expect(layersOf(ethernetOf(0x0806, new Uint8Array(28)), 1).layers.note).toEqual({
      code: 'not-ip',
      detail: 'ethertype 0x0806 (arp)',
    });
    expect(layersOf(ethernetOf(0x88cc, new Uint8Array(8)), 1).layers.note?.detail).toBe(
      'ethertype 0x88cc (lldp)',
    );
    expect(layersOf(ethernetOf(39, new Uint8Array(39)), 1).layers.note?.detail).toBe(
      'IEEE 802.3 frame of length 39 (LLC)',
    );
    expect(layersOf(hex('07000000 45'), LINK_TYPES.null).layers.note?.code).toBe('not-ip');
  });

  it('ICMP and an IPv6 header chain ending in something that is not TCP or UDP', () => {
    const icmp = encodeIpv4(
      { source: '10.0.0.1', destination: '10.0.0.2', protocol: 1 },
      hex('0800f7ff00000000'),
    )!;
    expect(layersOf(icmp, LINK_TYPES.raw).layers.note).toEqual({
      code: 'unsupported-ip-protocol',
      detail: 'IP protocol 1 (icmp)',
    });
    const esp = encodeIpv6(
      { source: '::1', destination: '::2', nextHeader: 50 },
      new Uint8Array(16),
    )!;
    expect(layersOf(esp, LINK_TYPES.ipv6).layers.note?.detail).toBe('IP protocol 50 (esp)');
  });

  it('IPv4 fragments: flagged, not reassembled', () => {
    const first = encodeIpv4(
      {
        source: '10.0.0.1',
        destination: '10.0.0.2',
        protocol: 17,
        identification: 7,
        dontFragment: false,
        moreFragments: true,
      },
      new Uint8Array(16),
    )!;
    const last = encodeIpv4(
      {
        source: '10.0.0.1',
        destination: '10.0.0.2',
        protocol: 17,
        identification: 7,
        dontFragment: false,
        fragmentOffset: 16,
      },
      new Uint8Array(4),
    )!;
    const a = layersOf(first, LINK_TYPES.raw).layers;
    expect(a.note?.code).toBe('ip-fragment');
    expect([a.isFragment, a.fragmentId, a.fragmentOffset, a.moreFragments, a.transport]).toEqual([
      true,
      7,
      0,
      true,
      0,
    ]);
    const b = decodePacket(last, LINK_TYPES.raw);
    expect(b.ok && b.value.ip?.fragment).toEqual({ id: 7, offset: 16, moreFragments: false });
  });
});

describe('typed errors: malformed headers', () => {
  const code = (data: Uint8Array, linkType: number) => {
    const result = decodePacket(data, linkType);
    return result.ok ? undefined : result.error.code;
  };
  const ip = RAW_IPV4;

  it('cut link-layer headers', () => {
    expect(code(hex('0102030405'), LINK_TYPES.ethernet)).toBe('OTS_PCAP_LINK_TRUNCATED');
    expect(code(hex('020000000000 010000000000 8100 00'), LINK_TYPES.ethernet)).toBe(
      'OTS_PCAP_LINK_TRUNCATED',
    );
    expect(code(SLL_FRAME.subarray(0, 15), LINK_TYPES.linux_sll)).toBe('OTS_PCAP_LINK_TRUNCATED');
    expect(code(SLL_FRAME.subarray(0, 19), LINK_TYPES.linux_sll2)).toBe('OTS_PCAP_LINK_TRUNCATED');
    expect(code(hex('0200'), LINK_TYPES.null)).toBe('OTS_PCAP_LINK_TRUNCATED');
  });

  it('IPv4: short, wrong version, IHL below 5, header past the data, total length below IHL', () => {
    expect(code(ip.subarray(0, 19), LINK_TYPES.ipv4)).toBe('OTS_PCAP_IPV4_BAD_HEADER');
    expect(code(concat([hex('65'), ip.subarray(1)]), LINK_TYPES.ipv4)).toBe(
      'OTS_PCAP_IPV4_BAD_HEADER',
    );
    expect(code(concat([hex('44'), ip.subarray(1)]), LINK_TYPES.ipv4)).toBe(
      'OTS_PCAP_IPV4_BAD_HEADER',
    );
    expect(code(concat([hex('4f'), ip.subarray(1)]), LINK_TYPES.ipv4)).toBe(
      'OTS_PCAP_IPV4_BAD_HEADER',
    );
    expect(code(concat([hex('4500 0010'), ip.subarray(4)]), LINK_TYPES.ipv4)).toBe(
      'OTS_PCAP_IPV4_BAD_HEADER',
    );
    expect(code(hex('55'), LINK_TYPES.raw)).toBe('OTS_PCAP_IPV4_BAD_HEADER');
    expect(code(new Uint8Array(0), LINK_TYPES.raw)).toBe('OTS_PCAP_IPV4_BAD_HEADER');
  });

  it('IPv6: short, wrong version, extension headers cut short', () => {
    const v6 = NULL_IPV6.subarray(4);
    expect(code(v6.subarray(0, 39), LINK_TYPES.ipv6)).toBe('OTS_PCAP_IPV6_BAD_HEADER');
    expect(code(concat([hex('40'), v6.subarray(1)]), LINK_TYPES.ipv6)).toBe(
      'OTS_PCAP_IPV6_BAD_HEADER',
    );
    for (const [next, tail] of [
      [0, hex('06')],
      [44, hex('06000000')],
      [51, hex('06')],
      [60, hex('06 02 0000')], // claims 24 bytes
    ] as const) {
      const packet = encodeIpv6({ source: '::1', destination: '::2', nextHeader: next }, tail)!;
      expect(code(packet, LINK_TYPES.ipv6)).toBe('OTS_PCAP_IPV6_BAD_HEADER');
    }
  });

  it('TCP: short header, data offset below 5 or past the packet', () => {
    expect(code(ip.subarray(0, 39), LINK_TYPES.ipv4)).toBe('OTS_PCAP_TCP_BAD_HEADER');
    const low = ip.slice();
    low[32] = 0x40;
    expect(code(low, LINK_TYPES.ipv4)).toBe('OTS_PCAP_TCP_BAD_HEADER');
    const high = ip.slice();
    high[32] = 0xf0;
    expect(code(high, LINK_TYPES.ipv4)).toBe('OTS_PCAP_TCP_BAD_HEADER');
  });

  it('UDP: short header, length below 8', () => {
    const udp = frame({
      linkType: LINK_TYPES.raw,
      source: '10.0.0.1',
      destination: '10.0.0.2',
      transport: { protocol: 'udp', sourcePort: 1, destinationPort: 2 },
      payload: hex('abcd'),
    });
    expect(code(udp.subarray(0, 27), LINK_TYPES.raw)).toBe('OTS_PCAP_UDP_BAD_HEADER');
    const lying = udp.slice();
    lying[25] = 4;
    expect(code(lying, LINK_TYPES.raw)).toBe('OTS_PCAP_UDP_BAD_HEADER');
  });
});

describe('lengths', () => {
  it('a snaplen-cut segment counts the bytes it lacks', () => {
    const whole = tcpFrame({
      from: '10.0.0.1',
      to: '10.0.0.2',
      sport: 1,
      dport: 502,
      seq: 5,
      payload: 'abcdefghij',
    });
    const layers = layersOf(whole.subarray(0, whole.length - 4), LINK_TYPES.ethernet).layers;
    expect([
      layers.payloadEnd - layers.payloadOffset,
      layers.payloadMissing,
      layers.ipMissing,
    ]).toEqual([6, 4, 4]);
  });

  it('IPv4 total length 0 (segmentation offload) takes the captured length', () => {
    const tso = RAW_IPV4.slice();
    tso[2] = 0;
    tso[3] = 0;
    const layers = layersOf(concat([tso, hex('6869')]), LINK_TYPES.raw).layers;
    expect(new TextDecoder().decode(layers.payload())).toBe('hi');
  });

  it('UDP length shorter than the IP payload ends the payload', () => {
    const udp = frame({
      linkType: LINK_TYPES.raw,
      source: '10.0.0.1',
      destination: '10.0.0.2',
      transport: { protocol: 'udp', sourcePort: 1, destinationPort: 2 },
      payload: hex('aabbccdd'),
    });
    udp[25] = 10; // UDP length 10: two payload bytes
    expect(layersOf(udp, LINK_TYPES.raw).layers.payload()).toEqual(hex('aabb'));
  });

  it('walks deep VLAN stacks, recording the first eight tags', () => {
    const vlans = Array.from({ length: 10 }, (_, i) => ({ id: i + 1 }));
    const data = frame({
      source: '10.0.0.1',
      destination: '10.0.0.2',
      transport: { protocol: 'udp', sourcePort: 1, destinationPort: 2 },
      vlans,
    });
    const decoded = decodePacket(data, LINK_TYPES.ethernet);
    expect(decoded.ok && decoded.value.vlans.map((v) => v.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(decoded.ok && decoded.value.udp?.destinationPort).toBe(2);
  });
});

describe('encodeFrame round trips on every link type', () => {
  const cases = [
    [LINK_TYPES.ethernet, '10.0.0.5', '10.0.0.9'],
    [LINK_TYPES.ethernet, '2001:db8::1', '2001:db8::2'],
    [LINK_TYPES.raw, '10.0.0.5', '10.0.0.9'],
    [LINK_TYPES.ipv4, '10.0.0.5', '10.0.0.9'],
    [LINK_TYPES.ipv6, 'fe80::1', 'ff02::1:2'],
    [LINK_TYPES.linux_sll, '10.0.0.5', '10.0.0.9'],
    [LINK_TYPES.linux_sll2, '2001:db8::1', '::ffff:10.0.0.9'],
    [LINK_TYPES.null, '127.0.0.1', '127.0.0.1'],
  ] as const;
  for (const [linkType, source, destination] of cases) {
    it(`${linkTypeName(linkType)} ${source} > ${destination}`, () => {
      for (const transport of [
        {
          protocol: 'tcp',
          sourcePort: 49152,
          destinationPort: 502,
          sequence: 0xfffffff0,
          acknowledgment: 7,
          flags: 0x11,
        },
        { protocol: 'udp', sourcePort: 20000, destinationPort: 20001 },
      ] as const) {
        const data = frame({
          linkType,
          source,
          destination,
          transport,
          payload: hex('000100000006 01 03 0000 000a'),
        });
        const layers = layersOf(data, linkType).layers;
        expect(layers.error).toBeUndefined();
        expect(transportChecksumValid(layers)).toBe(true);
        const decoded = decodePacket(data, linkType);
        if (!decoded.ok) throw decoded.error;
        expect(decoded.value.ip).toMatchObject({ source, destination });
        const l4 = transport.protocol === 'tcp' ? decoded.value.tcp : decoded.value.udp;
        expect(l4?.payload).toEqual(hex('000100000006 01 03 0000 000a'));
        expect(l4?.sourcePort).toBe(transport.sourcePort);
      }
    });
  }

  it('refuses bad addresses, mixed versions and unknown link types', () => {
    const transport = { protocol: 'udp', sourcePort: 1, destinationPort: 2 } as const;
    for (const init of [
      { source: '10.0.0.300', destination: '10.0.0.1', transport },
      { source: '10.0.0.1', destination: '::1', transport },
      { source: '::1', destination: '::2', transport, linkType: LINK_TYPES.ipv4 },
      { source: '10.0.0.1', destination: '10.0.0.2', transport, linkType: 147 },
      { source: '10.0.0.1', destination: '10.0.0.2', transport, ethernetSource: 'nope' },
    ]) {
      const result = encodeFrame(init);
      expect(!result.ok && result.error.code).toBe('OTS_PCAP_BAD_PACKET');
    }
    expect(encodeLoopback(4, hex('45'), false)).toEqual(hex('00000002 45'));
  });
});

describe('addresses and names', () => {
  it('formats IPv6 as RFC 5952 says', () => {
    const cases: [string, string][] = [
      ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
      ['2001:0db8:0000:0000:0001:0000:0000:0001', '2001:db8::1:0:0:1'], // first of equal runs (4.2.3)
      ['2001:0db8:0000:0001:0001:0001:0001:0001', '2001:db8:0:1:1:1:1:1'], // one zero group stays (4.2.2)
      ['2001:0db8:0000:0000:0001:0000:0000:0000', '2001:db8:0:0:1::'], // the longest run (4.2.3)
      ['0000:0000:0000:0000:0000:0000:0000:0000', '::'],
      ['0000:0000:0000:0000:0000:0000:0000:0001', '::1'],
      ['fe80:0000:0000:0000:0204:61ff:fe9d:f156', 'fe80::204:61ff:fe9d:f156'],
      ['0000:0000:0000:0000:0000:ffff:0a00:0005', '::ffff:10.0.0.5'], // IPv4-mapped (5)
      ['2001:DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff'],
    ];
    for (const [full, canonical] of cases) {
      const bytes = parseIpv6(full);
      expect(bytes).toBeDefined();
      expect(formatIpv6(bytes!)).toBe(canonical);
      expect(parseIpv6(canonical)).toEqual(bytes);
    }
    for (const bad of [
      '1::2::3',
      '12345::',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      'g::1',
      '1:2:3:4:5:6:7::8',
    ]) {
      expect(parseIpv6(bad)).toBeUndefined();
    }
  });

  it('parses IPv4 and MAC text strictly', () => {
    expect(parseIpv4('10.0.0.5')).toEqual(hex('0a000005'));
    for (const bad of ['10.0.0', '10.0.0.256', '10.0.0.x', '1.2.3.4.5', '']) {
      expect(parseIpv4(bad)).toBeUndefined();
    }
    expect(parseMac('00-1A-2b-3c-4d-5e')).toEqual(hex('001a2b3c4d5e'));
    expect(parseMac('00:1a:2b')).toBeUndefined();
  });

  it('names codes, unknown ones as unknown-N', () => {
    expect(linkTypeName(276)).toBe('linux_sll2');
    expect(linkTypeName(999)).toBe('unknown-999');
    expect(etherTypeName(0x88a8)).toBe('qinq');
    expect(etherTypeName(0x1234)).toBe('unknown-4660');
    expect(ipProtocolName(17)).toBe('udp');
    expect(ipProtocolName(200)).toBe('unknown-200');
    expect(sllPacketTypeName(4)).toBe('outgoing');
    expect(sllPacketTypeName(9)).toBe('unknown-9');
  });
});
