// The decoded layers of one packet, as offsets and numbers in one reusable object: the hot path
// decodes a million packets a second into it without allocating. packet.ts builds the friendly
// nested form from it.
import type { CodecError } from '../../errors.js';

/** Why decoding stopped early without the packet being wrong: a typed note, not an error. */
export const PACKET_NOTES = {
  'unknown-link-type': 'the capture names a link type the decoder does not know',
  'not-ip': 'the frame carries no IP packet (ARP, LLDP, LLC, an industrial Ethernet protocol)',
  'ip-fragment': 'an IP fragment: fragments are reported, not reassembled',
  'unsupported-ip-protocol': 'the IP payload is neither TCP nor UDP (ICMP, an unknown header)',
} as const;

export type PacketNoteCode = keyof typeof PACKET_NOTES;

export interface PacketNote {
  readonly code: PacketNoteCode;
  /** What was found, e.g. 'ethertype 0x0806 (arp)'. */
  readonly detail: string;
}

/** TCP control bits (RFC 9293, 3.1), with NS/AE (RFC 3540) as bit 8. */
export const TCP_FLAGS = {
  fin: 0x01,
  syn: 0x02,
  rst: 0x04,
  psh: 0x08,
  ack: 0x10,
  urg: 0x20,
  ece: 0x40,
  cwr: 0x80,
  ns: 0x100,
} as const;

/** Most VLAN tags kept per frame; deeper stacks are still walked, only not recorded. */
export const MAX_VLAN_TAGS = 8;

const EMPTY = new Uint8Array(0);

/**
 * Layers of one packet. Offsets index `data`; -1 or 0 mark an absent layer. Everything is reset
 * by decodeLayers, so one instance serves a whole capture.
 */
export class PacketLayers {
  data: Uint8Array = EMPTY;
  linkType = 0;

  /** Offset of the Ethernet header, or -1 when the link layer is not Ethernet. */
  ethernetOffset = -1;
  /** Offset of the Linux cooked header (SLL or SLL2), or -1. */
  sllOffset = -1;
  /** EtherType after any VLAN tags (0 when the link layer carries none, as raw IP). */
  etherType = 0;
  vlanCount = 0;
  /** Each recorded tag as (TPID << 16) | TCI. */
  readonly vlanTags = new Uint32Array(MAX_VLAN_TAGS);

  /** 4 or 6 once an IP header has been read, else 0. */
  ipVersion = 0;
  ipOffset = -1;
  /** IPv4: IHL × 4. IPv6: 40 plus every extension header walked. */
  ipHeaderLength = 0;
  /** End of the IP packet: its total length, so Ethernet padding is left out. */
  ipEnd = 0;
  /** Bytes of the IP packet its header promises but the capture does not hold (snaplen). */
  ipMissing = 0;
  /** IPv4 protocol or the last IPv6 next header. */
  ipProtocol = 0;
  /** IPv4 TTL or IPv6 hop limit. */
  ttl = 0;
  /** IPv4 source and destination as 32-bit numbers (0 for IPv6). */
  sourceIpv4 = 0;
  destinationIpv4 = 0;
  isFragment = false;
  fragmentId = 0;
  /** Fragment offset in bytes. */
  fragmentOffset = 0;
  moreFragments = false;

  /** 6 (TCP) or 17 (UDP) once a transport header has been read, else 0. */
  transport = 0;
  transportOffset = -1;
  sourcePort = 0;
  destinationPort = 0;
  tcpSequence = 0;
  tcpAcknowledgment = 0;
  tcpFlags = 0;
  tcpWindow = 0;
  tcpHeaderLength = 0;
  udpLength = 0;
  /** The transport payload: data[payloadOffset, payloadEnd). */
  payloadOffset = 0;
  payloadEnd = 0;
  /** Payload bytes that the headers promise beyond the captured data (snaplen). */
  payloadMissing = 0;

  note: PacketNote | undefined = undefined;
  error: CodecError | undefined = undefined;

  reset(data: Uint8Array, linkType: number): void {
    this.data = data;
    this.linkType = linkType;
    this.ethernetOffset = -1;
    this.sllOffset = -1;
    this.etherType = 0;
    this.vlanCount = 0;
    this.ipVersion = 0;
    this.ipOffset = -1;
    this.ipHeaderLength = 0;
    this.ipEnd = 0;
    this.ipMissing = 0;
    this.ipProtocol = 0;
    this.ttl = 0;
    this.sourceIpv4 = 0;
    this.destinationIpv4 = 0;
    this.isFragment = false;
    this.fragmentId = 0;
    this.fragmentOffset = 0;
    this.moreFragments = false;
    this.transport = 0;
    this.transportOffset = -1;
    this.sourcePort = 0;
    this.destinationPort = 0;
    this.tcpSequence = 0;
    this.tcpAcknowledgment = 0;
    this.tcpFlags = 0;
    this.tcpWindow = 0;
    this.tcpHeaderLength = 0;
    this.udpLength = 0;
    this.payloadOffset = 0;
    this.payloadEnd = 0;
    this.payloadMissing = 0;
    this.note = undefined;
    this.error = undefined;
  }

  /** The transport payload as a view (no copy). */
  payload(): Uint8Array {
    return this.data.subarray(this.payloadOffset, this.payloadEnd);
  }

  /** Offset of the source address in data (IPv4: 4 bytes, IPv6: 16). */
  sourceAddressOffset(): number {
    return this.ipOffset + (this.ipVersion === 4 ? 12 : 8);
  }

  destinationAddressOffset(): number {
    return this.ipOffset + (this.ipVersion === 4 ? 16 : 24);
  }
}
