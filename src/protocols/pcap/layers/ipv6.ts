// IPv6 headers and the extension-header chain: decode into PacketLayers, encode.
// Layout: RFC 8200, 3 "IPv6 Header Format" and 4 "IPv6 Extension Headers".
import { CodecError } from '../../errors.js';
import { parseIpv6 } from './ip-address.js';
import type { PacketLayers } from './packet-layers.js';

export const IPV6_HEADER_LENGTH = 40;

/** Extension headers walked (RFC 8200, 4.1 and RFC 4302); walking stops at any other value. */
export const IPV6_EXTENSION_HEADERS = {
  hop_by_hop: 0,
  routing: 43,
  fragment: 44,
  authentication: 51,
  destination_options: 60,
} as const;

/**
 * Reads the IPv6 header at `offset` and walks its extension headers. Returns the offset of the
 * upper-layer header, with out.ipProtocol set to its Next Header value, or -1 with out.error.
 * A fragment header sets the fragment fields; an atomic fragment (offset 0, M 0) is not one.
 */
export function decodeIpv6Into(data: Uint8Array, offset: number, out: PacketLayers): number {
  const available = data.length - offset;
  if (available < IPV6_HEADER_LENGTH) {
    return bad(out, offset, `IPv6 header needs 40 bytes, packet has ${available}`);
  }
  const version = (data[offset] ?? 0) >> 4;
  if (version !== 6) return bad(out, offset, `IP version ${version} where 6 was expected`);
  const payloadLength = ((data[offset + 4] ?? 0) << 8) | (data[offset + 5] ?? 0);
  let end: number;
  if (payloadLength === 0) {
    // A jumbogram (RFC 2675) or TSO: the capture says how long it is.
    end = data.length;
  } else if (IPV6_HEADER_LENGTH + payloadLength > available) {
    end = data.length;
    out.ipMissing = IPV6_HEADER_LENGTH + payloadLength - available;
  } else {
    end = offset + IPV6_HEADER_LENGTH + payloadLength;
  }
  out.ipVersion = 6;
  out.ipOffset = offset;
  out.ipEnd = end;
  out.ttl = data[offset + 7] ?? 0; // Hop Limit
  let next = data[offset + 6] ?? 0; // Next Header
  let at = offset + IPV6_HEADER_LENGTH;
  // Each header moves `at` forward by at least 8 bytes, so the walk ends.
  for (;;) {
    let length: number;
    if (
      next === IPV6_EXTENSION_HEADERS.hop_by_hop ||
      next === IPV6_EXTENSION_HEADERS.routing ||
      next === IPV6_EXTENSION_HEADERS.destination_options
    ) {
      // Hdr Ext Len: 8-octet units beyond the first 8 (4.3, 4.4, 4.6).
      if (end - at < 2) return bad(out, at, `IPv6 extension header ${next} is cut short`);
      length = ((data[at + 1] ?? 0) + 1) * 8;
    } else if (next === IPV6_EXTENSION_HEADERS.fragment) {
      // Fixed 8 bytes: next header, reserved, offset (13 bits) + M, identification (4.5).
      if (end - at < 8) return bad(out, at, 'IPv6 fragment header is cut short');
      const offsetFlags = ((data[at + 2] ?? 0) << 8) | (data[at + 3] ?? 0);
      out.fragmentOffset = offsetFlags & 0xfff8;
      out.moreFragments = (offsetFlags & 1) !== 0;
      out.fragmentId =
        (((data[at + 4] ?? 0) << 24) |
          ((data[at + 5] ?? 0) << 16) |
          ((data[at + 6] ?? 0) << 8) |
          (data[at + 7] ?? 0)) >>>
        0;
      out.isFragment = out.moreFragments || out.fragmentOffset !== 0;
      length = 8;
    } else if (next === IPV6_EXTENSION_HEADERS.authentication) {
      // Payload Len: 4-octet units minus 2 (RFC 4302, 2.2).
      if (end - at < 2) return bad(out, at, 'IPv6 authentication header is cut short');
      length = ((data[at + 1] ?? 0) + 2) * 4;
    } else {
      break;
    }
    if (end - at < length) {
      return bad(out, at, `IPv6 extension header ${next} of ${length} bytes is cut short`);
    }
    next = data[at] ?? 0;
    at += length;
    if (out.isFragment) break; // what follows a non-atomic fragment header is not decodable
  }
  out.ipProtocol = next;
  out.ipHeaderLength = at - offset;
  return at;
}

function bad(out: PacketLayers, offset: number, message: string): number {
  out.error = new CodecError('ipv6', 'OTS_PCAP_IPV6_BAD_HEADER', message, offset);
  return -1;
}

export interface Ipv6Init {
  readonly source: string;
  readonly destination: string;
  /** Next Header of the payload (after `extensionHeaders`, when given). */
  readonly nextHeader: number;
  readonly hopLimit?: number;
  readonly trafficClass?: number;
  readonly flowLabel?: number;
  /** Already-encoded extension headers, each [its own type, its bytes]; chained in order. */
  readonly extensionHeaders?: readonly (readonly [number, Uint8Array])[];
}

/** An IPv6 packet around `payload`; undefined for a bad address. */
export function encodeIpv6(header: Ipv6Init, payload: Uint8Array): Uint8Array | undefined {
  const source = parseIpv6(header.source);
  const destination = parseIpv6(header.destination);
  if (source === undefined || destination === undefined) return undefined;
  const extensions = header.extensionHeaders ?? [];
  const extensionLength = extensions.reduce((sum, [, bytes]) => sum + bytes.length, 0);
  const packet = new Uint8Array(IPV6_HEADER_LENGTH + extensionLength + payload.length);
  const view = new DataView(packet.buffer);
  const trafficClass = header.trafficClass ?? 0;
  view.setUint32(0, ((6 << 28) | (trafficClass << 20) | ((header.flowLabel ?? 0) & 0xfffff)) >>> 0);
  view.setUint16(4, (extensionLength + payload.length) & 0xffff); // Payload Length
  packet[6] = extensions[0]?.[0] ?? header.nextHeader; // Next Header
  packet[7] = header.hopLimit ?? 64;
  packet.set(source, 8);
  packet.set(destination, 24);
  let at = IPV6_HEADER_LENGTH;
  extensions.forEach(([, bytes], i) => {
    packet.set(bytes, at);
    packet[at] = extensions[i + 1]?.[0] ?? header.nextHeader; // chain the Next Header fields
    at += bytes.length;
  });
  packet.set(payload, at);
  return packet;
}
