// Ethernet II frames and their IEEE 802.1Q / 802.1ad VLAN tags: decode into PacketLayers, encode.
// Layout: IEEE 802.3, 3.1.1 (MAC frame); IEEE 802.1Q, 9.5 (tag format).
import { CodecError } from '../../errors.js';
import { parseMac } from './ip-address.js';
import { MAX_VLAN_TAGS, type PacketLayers } from './packet-layers.js';

/** EtherTypes the decoder names (IEEE "EtherType" registry). */
export const ETHER_TYPES = {
  ipv4: 0x0800,
  arp: 0x0806,
  vlan: 0x8100, // IEEE 802.1Q customer tag
  ipv6: 0x86dd,
  ethercat: 0x88a4,
  qinq: 0x88a8, // IEEE 802.1ad service tag
  profinet: 0x8892,
  lldp: 0x88cc,
  goose: 0x88b8, // IEC 61850-8-1 GOOSE
  sampled_values: 0x88ba, // IEC 61850-9-2
  ptp: 0x88f7,
  powerlink: 0x88ab,
  mrp: 0x88e3,
  vlan_legacy: 0x9100, // pre-standard QinQ tag
  vlan_legacy2: 0x9200,
} as const;

export type EtherTypeName = keyof typeof ETHER_TYPES;

const ETHER_TYPE_NAMES = new Map<number, EtherTypeName>(
  Object.entries(ETHER_TYPES).map(([name, value]) => [value, name as EtherTypeName]),
);

/** `etherTypeName(0x0800) === 'ipv4'`, unknown values as `unknown-N`. */
export function etherTypeName(etherType: number): EtherTypeName | `unknown-${number}` {
  return ETHER_TYPE_NAMES.get(etherType) ?? `unknown-${etherType}`;
}

/** True for the TPIDs of a VLAN tag: 802.1Q, 802.1ad, and the pre-standard 0x9100/0x9200. */
export function isVlanTpid(etherType: number): boolean {
  return (
    etherType === 0x8100 || etherType === 0x88a8 || etherType === 0x9100 || etherType === 0x9200
  );
}

/** Destination, source, EtherType. */
export const ETHERNET_HEADER_LENGTH = 14;

/**
 * Reads the Ethernet II header at `offset`: sets ethernetOffset and etherType, returns the offset
 * after the header, or -1 with out.error when the frame is shorter than 14 bytes. Values up to
 * 1500 are an 802.3 length, not an EtherType; the caller sees them as such in etherType.
 */
export function decodeEthernetInto(data: Uint8Array, offset: number, out: PacketLayers): number {
  if (data.length - offset < ETHERNET_HEADER_LENGTH) {
    out.error = new CodecError(
      'ethernet',
      'OTS_PCAP_LINK_TRUNCATED',
      `Ethernet header needs 14 bytes, frame has ${data.length - offset}`,
      offset,
    );
    return -1;
  }
  out.ethernetOffset = offset;
  out.etherType = ((data[offset + 12] ?? 0) << 8) | (data[offset + 13] ?? 0);
  return offset + ETHERNET_HEADER_LENGTH;
}

/**
 * Walks VLAN tags while out.etherType is a tag's TPID: each tag is the TCI (priority 3 bits, DEI
 * 1 bit, VLAN id 12 bits) then the next EtherType (802.1Q, 9.5). Returns the offset after the
 * last tag, or -1 with out.error when a tag is cut short.
 */
export function decodeVlanTagsInto(data: Uint8Array, offset: number, out: PacketLayers): number {
  let at = offset;
  while (isVlanTpid(out.etherType)) {
    if (data.length - at < 4) {
      out.error = new CodecError(
        'ethernet',
        'OTS_PCAP_LINK_TRUNCATED',
        `VLAN tag needs 4 bytes, frame has ${data.length - at}`,
        at,
      );
      return -1;
    }
    const tci = ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);
    if (out.vlanCount < MAX_VLAN_TAGS) out.vlanTags[out.vlanCount] = (out.etherType << 16) | tci;
    out.vlanCount++;
    out.etherType = ((data[at + 2] ?? 0) << 8) | (data[at + 3] ?? 0);
    at += 4;
  }
  return at;
}

export interface VlanTag {
  /** Tag Protocol Identifier: 0x8100 (802.1Q), 0x88a8 (802.1ad), 0x9100, 0x9200. */
  readonly tpid: number;
  /** Priority Code Point, 0..7. */
  readonly priority: number;
  /** Drop Eligible Indicator. */
  readonly dropEligible: boolean;
  /** VLAN identifier, 0..4095. */
  readonly id: number;
}

/** A recorded tag, (TPID << 16) | TCI, as its fields. */
export function vlanTagFields(tag: number): VlanTag {
  const tci = tag & 0xffff;
  return {
    tpid: tag >>> 16,
    priority: tci >> 13,
    dropEligible: (tci & 0x1000) !== 0,
    id: tci & 0x0fff,
  };
}

export interface EthernetInit {
  readonly destination: string;
  readonly source: string;
  /** EtherType of the payload (after the tags). */
  readonly etherType: number;
  /** Outermost first. */
  readonly vlans?: readonly Partial<VlanTag>[];
}

/** An Ethernet II frame around `payload`, without FCS; undefined when a MAC address is bad. */
export function encodeEthernet(header: EthernetInit, payload: Uint8Array): Uint8Array | undefined {
  const destination = parseMac(header.destination);
  const source = parseMac(header.source);
  if (destination === undefined || source === undefined) return undefined;
  const vlans = header.vlans ?? [];
  const frame = new Uint8Array(ETHERNET_HEADER_LENGTH + 4 * vlans.length + payload.length);
  frame.set(destination, 0);
  frame.set(source, 6);
  let at = 12;
  for (const tag of vlans) {
    const tpid = tag.tpid ?? ETHER_TYPES.vlan;
    const tci =
      (((tag.priority ?? 0) & 7) << 13) |
      (tag.dropEligible === true ? 0x1000 : 0) |
      ((tag.id ?? 0) & 0x0fff);
    frame[at] = tpid >> 8;
    frame[at + 1] = tpid & 0xff;
    frame[at + 2] = tci >> 8;
    frame[at + 3] = tci & 0xff;
    at += 4;
  }
  frame[at] = header.etherType >> 8;
  frame[at + 1] = header.etherType & 0xff;
  frame.set(payload, at + 2);
  return frame;
}
