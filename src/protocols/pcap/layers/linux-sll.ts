// Linux cooked captures (`tcpdump -i any`): the SLL (v1) and SLL2 pseudo-headers.
// Layout: tcpdump.org "LINKTYPE_LINUX_SLL" (16 bytes) and "LINKTYPE_LINUX_SLL2" (20 bytes).
import { CodecError } from '../../errors.js';
import type { PacketLayers } from './packet-layers.js';

export const SLL_HEADER_LENGTH = 16;
export const SLL2_HEADER_LENGTH = 20;

/** Packet type: where the packet went, as the kernel saw it. */
export const SLL_PACKET_TYPES = {
  host: 0, // sent to us
  broadcast: 1,
  multicast: 2,
  otherhost: 3, // sent by somebody else to somebody else
  outgoing: 4, // sent by us
} as const;

export type SllPacketTypeName = keyof typeof SLL_PACKET_TYPES;

const PACKET_TYPE_NAMES = new Map<number, SllPacketTypeName>(
  Object.entries(SLL_PACKET_TYPES).map(([name, value]) => [value, name as SllPacketTypeName]),
);

export function sllPacketTypeName(type: number): SllPacketTypeName | `unknown-${number}` {
  return PACKET_TYPE_NAMES.get(type) ?? `unknown-${type}`;
}

/**
 * Reads an SLL header at `offset`: the protocol type becomes out.etherType. Returns the offset of
 * the payload, or -1 with out.error when the header is cut short.
 */
export function decodeSllInto(data: Uint8Array, offset: number, out: PacketLayers): number {
  if (data.length - offset < SLL_HEADER_LENGTH) return truncated('SLL', 16, data, offset, out);
  out.sllOffset = offset;
  // protocol type at 14: an EtherType for Ethernet-like devices (values below 0x0600 name
  // 802.2 LLC, Novell 802.3 and other non-IP framings).
  out.etherType = ((data[offset + 14] ?? 0) << 8) | (data[offset + 15] ?? 0);
  return offset + SLL_HEADER_LENGTH;
}

/** Reads an SLL2 header at `offset`, as decodeSllInto. */
export function decodeSll2Into(data: Uint8Array, offset: number, out: PacketLayers): number {
  if (data.length - offset < SLL2_HEADER_LENGTH) return truncated('SLL2', 20, data, offset, out);
  out.sllOffset = offset;
  // protocol type comes first in SLL2.
  out.etherType = ((data[offset] ?? 0) << 8) | (data[offset + 1] ?? 0);
  return offset + SLL2_HEADER_LENGTH;
}

function truncated(
  name: string,
  length: number,
  data: Uint8Array,
  offset: number,
  out: PacketLayers,
): number {
  out.error = new CodecError(
    'sll',
    'OTS_PCAP_LINK_TRUNCATED',
    `${name} header needs ${length} bytes, frame has ${data.length - offset}`,
    offset,
  );
  return -1;
}

export interface SllHeader {
  readonly version: 1 | 2;
  readonly packetType: number;
  readonly packetTypeName: SllPacketTypeName | `unknown-${number}`;
  /** ARPHRD_* device type (1 = Ethernet, 772 = loopback). */
  readonly arphrdType: number;
  /** Link-layer source address, as many bytes as its length says (at most 8), in hex. */
  readonly address: string;
  readonly protocol: number;
  /** SLL2 only: the interface index. */
  readonly interfaceIndex: number | undefined;
}

/** The fields of an SLL or SLL2 header at `offset` (already checked by decode*Into). */
export function sllHeaderFields(data: Uint8Array, offset: number, version: 1 | 2): SllHeader {
  const u16 = (at: number): number =>
    ((data[offset + at] ?? 0) << 8) | (data[offset + at + 1] ?? 0);
  const hex = (at: number, length: number): string =>
    Array.from(data.subarray(offset + at, offset + at + Math.min(length, 8)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join(':');
  if (version === 1) {
    const packetType = u16(0);
    return {
      version,
      packetType,
      packetTypeName: sllPacketTypeName(packetType),
      arphrdType: u16(2),
      address: hex(6, u16(4)),
      protocol: u16(14),
      interfaceIndex: undefined,
    };
  }
  const packetType = data[offset + 10] ?? 0;
  return {
    version,
    packetType,
    packetTypeName: sllPacketTypeName(packetType),
    arphrdType: u16(8),
    address: hex(12, data[offset + 11] ?? 0),
    protocol: u16(0),
    interfaceIndex:
      (((data[offset + 4] ?? 0) << 24) |
        ((data[offset + 5] ?? 0) << 16) |
        ((data[offset + 6] ?? 0) << 8) |
        (data[offset + 7] ?? 0)) >>>
      0,
  };
}

export interface SllInit {
  readonly protocol: number;
  readonly packetType?: number;
  readonly arphrdType?: number;
  /** Up to 8 address bytes. */
  readonly address?: Uint8Array;
  readonly interfaceIndex?: number;
}

/** An SLL (v1) header before `payload`. */
export function encodeSll(header: SllInit, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(SLL_HEADER_LENGTH + payload.length);
  const view = new DataView(frame.buffer);
  const address = (header.address ?? new Uint8Array(6)).subarray(0, 8);
  view.setUint16(0, header.packetType ?? SLL_PACKET_TYPES.host); // packet type
  view.setUint16(2, header.arphrdType ?? 1); // ARPHRD_ETHER
  view.setUint16(4, address.length); // link-layer address length
  frame.set(address, 6); // link-layer address, padded to 8
  view.setUint16(14, header.protocol); // protocol type
  frame.set(payload, SLL_HEADER_LENGTH);
  return frame;
}

/** An SLL2 header before `payload`. */
export function encodeSll2(header: SllInit, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(SLL2_HEADER_LENGTH + payload.length);
  const view = new DataView(frame.buffer);
  const address = (header.address ?? new Uint8Array(6)).subarray(0, 8);
  view.setUint16(0, header.protocol); // protocol type
  view.setUint16(2, 0); // reserved
  view.setUint32(4, header.interfaceIndex ?? 0); // interface index
  view.setUint16(8, header.arphrdType ?? 1); // ARPHRD type
  frame[10] = header.packetType ?? SLL_PACKET_TYPES.host; // packet type
  frame[11] = address.length; // link-layer address length
  frame.set(address, 12); // link-layer address, padded to 8
  frame.set(payload, SLL2_HEADER_LENGTH);
  return frame;
}
