// IPv4 headers: decode into PacketLayers (options skipped, total length honoured, fragments
// flagged) and encode with a header checksum. Layout: RFC 791, 3.1 "Internet Header Format".
import { CodecError } from '../../errors.js';
import { checksumAdd, checksumFinish } from './checksum.js';
import { parseIpv4 } from './ip-address.js';
import type { PacketLayers } from './packet-layers.js';
import { readUint32 } from './bytes.js';

export const IPV4_MIN_HEADER_LENGTH = 20;

/**
 * Reads the IPv4 header at `offset`. Returns the offset of the payload (after any options), or -1
 * with out.error. The packet ends at its Total Length, so trailing Ethernet padding is left out;
 * bytes the Total Length promises beyond the capture are counted in out.ipMissing.
 */
export function decodeIpv4Into(data: Uint8Array, offset: number, out: PacketLayers): number {
  const available = data.length - offset;
  if (available < IPV4_MIN_HEADER_LENGTH) {
    return bad(out, offset, `IPv4 header needs 20 bytes, packet has ${available}`);
  }
  const versionIhl = data[offset] ?? 0;
  const version = versionIhl >> 4;
  const headerLength = (versionIhl & 0x0f) * 4; // IHL counts 32-bit words (3.1)
  if (version !== 4) return bad(out, offset, `IP version ${version} where 4 was expected`);
  if (headerLength < IPV4_MIN_HEADER_LENGTH) {
    return bad(out, offset, `IPv4 IHL ${headerLength / 4} is below 5`);
  }
  if (available < headerLength) {
    return bad(out, offset, `IPv4 header of ${headerLength} bytes, packet has ${available}`);
  }
  const totalLength = ((data[offset + 2] ?? 0) << 8) | (data[offset + 3] ?? 0);
  let end: number;
  if (totalLength === 0) {
    // Zero is what a host capturing its own TCP segmentation offload writes: take the capture.
    end = data.length;
  } else if (totalLength < headerLength) {
    return bad(out, offset, `IPv4 total length ${totalLength} is shorter than its header`);
  } else if (totalLength > available) {
    end = data.length;
    out.ipMissing = totalLength - available;
  } else {
    end = offset + totalLength;
  }
  const flagsFragment = ((data[offset + 6] ?? 0) << 8) | (data[offset + 7] ?? 0);
  out.ipVersion = 4;
  out.ipOffset = offset;
  out.ipHeaderLength = headerLength;
  out.ipEnd = end;
  out.ipProtocol = data[offset + 9] ?? 0;
  out.ttl = data[offset + 8] ?? 0;
  out.sourceIpv4 = readUint32(data, offset + 12);
  out.destinationIpv4 = readUint32(data, offset + 16);
  out.fragmentId = ((data[offset + 4] ?? 0) << 8) | (data[offset + 5] ?? 0);
  out.moreFragments = (flagsFragment & 0x2000) !== 0; // MF
  out.fragmentOffset = (flagsFragment & 0x1fff) * 8; // in 8-octet units
  out.isFragment = out.moreFragments || out.fragmentOffset !== 0;
  return offset + headerLength;
}

function bad(out: PacketLayers, offset: number, message: string): number {
  out.error = new CodecError('ipv4', 'OTS_PCAP_IPV4_BAD_HEADER', message, offset);
  return -1;
}

export interface Ipv4Init {
  readonly source: string;
  readonly destination: string;
  readonly protocol: number;
  readonly ttl?: number;
  readonly identification?: number;
  readonly dontFragment?: boolean;
  readonly moreFragments?: boolean;
  /** In bytes; a multiple of 8. */
  readonly fragmentOffset?: number;
  /** DSCP and ECN byte. */
  readonly typeOfService?: number;
  /** Options, padded by the encoder to a multiple of 4 bytes (at most 40). */
  readonly options?: Uint8Array;
}

/** An IPv4 packet around `payload`, checksum filled in; undefined for a bad address. */
export function encodeIpv4(header: Ipv4Init, payload: Uint8Array): Uint8Array | undefined {
  const source = parseIpv4(header.source);
  const destination = parseIpv4(header.destination);
  if (source === undefined || destination === undefined) return undefined;
  const options = header.options ?? new Uint8Array(0);
  const headerLength = IPV4_MIN_HEADER_LENGTH + Math.min(40, (options.length + 3) & ~3);
  const total = headerLength + payload.length;
  const packet = new Uint8Array(total);
  const view = new DataView(packet.buffer);
  packet[0] = 0x40 | (headerLength / 4); // version 4, IHL
  packet[1] = header.typeOfService ?? 0;
  view.setUint16(2, total & 0xffff); // Total Length
  view.setUint16(4, header.identification ?? 0); // Identification
  const flags =
    ((header.dontFragment ?? true) ? 0x4000 : 0) | (header.moreFragments === true ? 0x2000 : 0);
  view.setUint16(6, flags | (((header.fragmentOffset ?? 0) / 8) & 0x1fff)); // flags, offset
  packet[8] = header.ttl ?? 64;
  packet[9] = header.protocol;
  packet.set(source, 12);
  packet.set(destination, 16);
  packet.set(options.subarray(0, 40), 20);
  view.setUint16(10, checksumFinish(checksumAdd(0, packet.subarray(0, headerLength))));
  packet.set(payload, headerLength);
  return packet;
}
