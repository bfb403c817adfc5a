// A packet's layers as plain nested objects (addresses as text), for tests, tools and anything
// off the hot path; and encodeFrame, which builds a whole frame for writers and test fixtures.
import { CodecError, fail, ok, type Decoded } from '../../errors.js';
import { LINK_TYPES, linkTypeName } from '../link-types.js';
import { checksumAdd } from './checksum.js';
import { decodeLayers } from './decode-layers.js';
import { ETHER_TYPES, encodeEthernet, vlanTagFields, type VlanTag } from './ethernet.js';
import { formatIpv4, formatIpv6, formatMac, parseIpv4, parseIpv6 } from './ip-address.js';
import { ipProtocolName } from './ip-protocols.js';
import { encodeIpv4 } from './ipv4.js';
import { encodeIpv6 } from './ipv6.js';
import { encodeSll, encodeSll2, sllHeaderFields, type SllHeader } from './linux-sll.js';
import { encodeLoopback } from './loopback.js';
import { MAX_VLAN_TAGS, PacketLayers, TCP_FLAGS, type PacketNote } from './packet-layers.js';
import { encodeTcp, type TcpInit } from './tcp.js';
import { encodeUdp, type UdpInit } from './udp.js';

export interface DecodedPacket {
  readonly linkType: number;
  readonly linkTypeName: string;
  readonly ethernet: { readonly destination: string; readonly source: string } | undefined;
  readonly sll: SllHeader | undefined;
  /** Outermost first; at most MAX_VLAN_TAGS. */
  readonly vlans: readonly VlanTag[];
  /** The EtherType after the tags (Ethernet, SLL, loopback), else undefined. */
  readonly etherType: number | undefined;
  readonly ip: DecodedIp | undefined;
  readonly tcp: DecodedTcp | undefined;
  readonly udp: DecodedUdp | undefined;
  /** Why decoding stopped early, when it did without an error. */
  readonly note: PacketNote | undefined;
}

export interface DecodedIp {
  readonly version: 4 | 6;
  readonly source: string;
  readonly destination: string;
  /** IPv4 protocol or the IPv6 Next Header after the extension headers. */
  readonly protocol: number;
  readonly protocolName: string;
  /** TTL or hop limit. */
  readonly ttl: number;
  /** IPv4: IHL × 4; IPv6: 40 plus the extension headers. */
  readonly headerLength: number;
  /** Bytes of the IP packet the header promises but the capture lacks. */
  readonly missing: number;
  readonly fragment:
    { readonly id: number; readonly offset: number; readonly moreFragments: boolean } | undefined;
}

export interface TcpFlagSet {
  readonly fin: boolean;
  readonly syn: boolean;
  readonly rst: boolean;
  readonly psh: boolean;
  readonly ack: boolean;
  readonly urg: boolean;
  readonly ece: boolean;
  readonly cwr: boolean;
  readonly ns: boolean;
}

export interface DecodedTcp {
  readonly sourcePort: number;
  readonly destinationPort: number;
  readonly sequence: number;
  readonly acknowledgment: number;
  /** TCP_FLAGS bits, and the same as booleans. */
  readonly flagBits: number;
  readonly flags: TcpFlagSet;
  readonly window: number;
  readonly headerLength: number;
  /** A view into the frame. */
  readonly payload: Uint8Array;
  readonly payloadMissing: number;
}

export interface DecodedUdp {
  readonly sourcePort: number;
  readonly destinationPort: number;
  readonly length: number;
  readonly payload: Uint8Array;
  readonly payloadMissing: number;
}

/** Decodes every layer of one frame; a malformed header is the error. */
export function decodePacket(data: Uint8Array, linkType: number): Decoded<DecodedPacket> {
  const layers = new PacketLayers();
  if (!decodeLayers(data, linkType, layers)) {
    return fail(
      layers.error ??
        new CodecError('pcap', 'OTS_PCAP_LINK_TRUNCATED', 'packet could not be decoded'),
    );
  }
  return ok(describeLayers(layers));
}

/** The nested form of layers that decodeLayers filled. */
export function describeLayers(layers: PacketLayers): DecodedPacket {
  const data = layers.data;
  const vlans: VlanTag[] = [];
  for (let i = 0; i < Math.min(layers.vlanCount, MAX_VLAN_TAGS); i++) {
    vlans.push(vlanTagFields(layers.vlanTags[i] ?? 0));
  }
  const e = layers.ethernetOffset;
  const sllVersion = layers.linkType === LINK_TYPES.linux_sll2 ? 2 : 1;
  const hasEtherType =
    e >= 0 ||
    layers.sllOffset >= 0 ||
    layers.linkType === LINK_TYPES.null ||
    layers.linkType === LINK_TYPES.loop;
  let ip: DecodedIp | undefined;
  if (layers.ipVersion === 4 || layers.ipVersion === 6) {
    const format = layers.ipVersion === 4 ? formatIpv4 : formatIpv6;
    ip = {
      version: layers.ipVersion,
      source: format(data, layers.sourceAddressOffset()),
      destination: format(data, layers.destinationAddressOffset()),
      protocol: layers.ipProtocol,
      protocolName: ipProtocolName(layers.ipProtocol),
      ttl: layers.ttl,
      headerLength: layers.ipHeaderLength,
      missing: layers.ipMissing,
      fragment: layers.isFragment
        ? {
            id: layers.fragmentId,
            offset: layers.fragmentOffset,
            moreFragments: layers.moreFragments,
          }
        : undefined,
    };
  }
  const bits = layers.tcpFlags;
  return {
    linkType: layers.linkType,
    linkTypeName: linkTypeName(layers.linkType),
    ethernet:
      e >= 0 ? { destination: formatMac(data, e), source: formatMac(data, e + 6) } : undefined,
    sll: layers.sllOffset >= 0 ? sllHeaderFields(data, layers.sllOffset, sllVersion) : undefined,
    vlans,
    etherType: hasEtherType ? layers.etherType : undefined,
    ip,
    tcp:
      layers.transport === 6
        ? {
            sourcePort: layers.sourcePort,
            destinationPort: layers.destinationPort,
            sequence: layers.tcpSequence,
            acknowledgment: layers.tcpAcknowledgment,
            flagBits: bits,
            flags: {
              fin: (bits & TCP_FLAGS.fin) !== 0,
              syn: (bits & TCP_FLAGS.syn) !== 0,
              rst: (bits & TCP_FLAGS.rst) !== 0,
              psh: (bits & TCP_FLAGS.psh) !== 0,
              ack: (bits & TCP_FLAGS.ack) !== 0,
              urg: (bits & TCP_FLAGS.urg) !== 0,
              ece: (bits & TCP_FLAGS.ece) !== 0,
              cwr: (bits & TCP_FLAGS.cwr) !== 0,
              ns: (bits & TCP_FLAGS.ns) !== 0,
            },
            window: layers.tcpWindow,
            headerLength: layers.tcpHeaderLength,
            payload: layers.payload(),
            payloadMissing: layers.payloadMissing,
          }
        : undefined,
    udp:
      layers.transport === 17
        ? {
            sourcePort: layers.sourcePort,
            destinationPort: layers.destinationPort,
            length: layers.udpLength,
            payload: layers.payload(),
            payloadMissing: layers.payloadMissing,
          }
        : undefined,
    note: layers.note,
  };
}

export type TransportInit =
  ({ readonly protocol: 'tcp' } & TcpInit) | ({ readonly protocol: 'udp' } & UdpInit);

export interface FrameInit {
  /** LINKTYPE_* to frame for: Ethernet (default), raw IP (101, 228, 229), SLL, SLL2, NULL. */
  readonly linkType?: number;
  /** IPv4 or IPv6 addresses in text; both of one version. */
  readonly source: string;
  readonly destination: string;
  readonly transport: TransportInit;
  readonly payload?: Uint8Array;
  readonly ttl?: number;
  readonly identification?: number;
  /** Ethernet addresses; made-up locally administered ones when absent. */
  readonly ethernetSource?: string;
  readonly ethernetDestination?: string;
  readonly vlans?: readonly Partial<VlanTag>[];
}

/** Builds a whole frame (link, IP, TCP or UDP, payload) with every checksum right. */
export function encodeFrame(init: FrameInit): Decoded<Uint8Array> {
  const version = init.source.includes(':') ? 6 : 4;
  const parse = version === 4 ? parseIpv4 : parseIpv6;
  const source = parse(init.source);
  const destination = parse(init.destination);
  if (source === undefined || destination === undefined) {
    return refuse(`addresses ${init.source} and ${init.destination} are not both IPv${version}`);
  }
  const payload = init.payload ?? new Uint8Array(0);
  const t = init.transport;
  const segment =
    t.protocol === 'tcp'
      ? encodeTcp(t, payload, source, destination)
      : encodeUdp(t, payload, source, destination);
  const protocol = t.protocol === 'tcp' ? 6 : 17;
  const packet =
    version === 4
      ? encodeIpv4(
          {
            source: init.source,
            destination: init.destination,
            protocol,
            ...(init.ttl === undefined ? {} : { ttl: init.ttl }),
            ...(init.identification === undefined ? {} : { identification: init.identification }),
          },
          segment,
        )
      : encodeIpv6(
          {
            source: init.source,
            destination: init.destination,
            nextHeader: protocol,
            ...(init.ttl === undefined ? {} : { hopLimit: init.ttl }),
          },
          segment,
        );
  if (packet === undefined) return refuse('IP header could not be encoded');
  const etherType = version === 4 ? ETHER_TYPES.ipv4 : ETHER_TYPES.ipv6;
  const linkType = init.linkType ?? LINK_TYPES.ethernet;
  switch (linkType) {
    case LINK_TYPES.ethernet: {
      const frame = encodeEthernet(
        {
          destination: init.ethernetDestination ?? '02:00:00:00:00:02',
          source: init.ethernetSource ?? '02:00:00:00:00:01',
          etherType,
          ...(init.vlans === undefined ? {} : { vlans: init.vlans }),
        },
        packet,
      );
      return frame === undefined ? refuse('Ethernet addresses are not MAC addresses') : ok(frame);
    }
    case LINK_TYPES.raw:
    case LINK_TYPES.raw_dlt12:
    case LINK_TYPES.raw_dlt14:
      return ok(packet);
    case LINK_TYPES.ipv4:
    case LINK_TYPES.ipv6:
      return (linkType === LINK_TYPES.ipv4) === (version === 4)
        ? ok(packet)
        : refuse(`an IPv${version} packet cannot go on link type ${linkType}`);
    case LINK_TYPES.linux_sll:
      return ok(encodeSll({ protocol: etherType }, packet));
    case LINK_TYPES.linux_sll2:
      return ok(encodeSll2({ protocol: etherType }, packet));
    case LINK_TYPES.null:
      return ok(encodeLoopback(version, packet));
    default:
      return refuse(`link type ${linkType} cannot be encoded`);
  }
}

function refuse(message: string): Decoded<Uint8Array> {
  return fail(new CodecError('pcap', 'OTS_PCAP_BAD_PACKET', message));
}

/** Verifies a TCP or UDP checksum in decoded layers (for tests and tools; not on the hot path). */
export function transportChecksumValid(layers: PacketLayers): boolean {
  if (layers.transport !== 6 && layers.transport !== 17) return false;
  const data = layers.data;
  const length = layers.ipEnd - layers.transportOffset;
  const addressLength = layers.ipVersion === 4 ? 4 : 16;
  const src = data.subarray(
    layers.sourceAddressOffset(),
    layers.sourceAddressOffset() + addressLength,
  );
  const dst = data.subarray(
    layers.destinationAddressOffset(),
    layers.destinationAddressOffset() + addressLength,
  );
  let sum = checksumAdd(0, src);
  sum = checksumAdd(sum, dst);
  sum += layers.transport + (length >>> 16) + (length & 0xffff);
  sum = checksumAdd(sum, data.subarray(layers.transportOffset, layers.ipEnd));
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum === 0xffff;
}
