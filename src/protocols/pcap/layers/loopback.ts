// BSD loopback encapsulation (LINKTYPE_NULL, LINKTYPE_LOOP): a 4-byte address family before IP.
// Layout: tcpdump.org "LINKTYPE_NULL" and "LINKTYPE_LOOP".
import { CodecError } from '../../errors.js';
import type { PacketLayers } from './packet-layers.js';

/** Address families that mean IP; IPv6's value differs between BSDs (24, 28, 30). */
export const LOOPBACK_FAMILIES = { inet: 2, inet6_bsd: 24, inet6_freebsd: 28, inet6_darwin: 30 };

/**
 * Reads the family at `offset` and turns it into out.etherType (0x0800 or 0x86dd; 0 for any
 * other family). LINKTYPE_NULL writes it in the capturing host's byte order, so a value over
 * 0xffff is read the other way round; LINKTYPE_LOOP is always big-endian.
 */
export function decodeLoopbackInto(
  data: Uint8Array,
  offset: number,
  bigEndianOnly: boolean,
  out: PacketLayers,
): number {
  if (data.length - offset < 4) {
    out.error = new CodecError(
      'loopback',
      'OTS_PCAP_LINK_TRUNCATED',
      `loopback header needs 4 bytes, frame has ${data.length - offset}`,
      offset,
    );
    return -1;
  }
  const b0 = data[offset] ?? 0;
  const b1 = data[offset + 1] ?? 0;
  const b2 = data[offset + 2] ?? 0;
  const b3 = data[offset + 3] ?? 0;
  const big = ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
  const little = ((b3 << 24) | (b2 << 16) | (b1 << 8) | b0) >>> 0;
  const family = bigEndianOnly || big <= 0xffff ? big : little;
  out.etherType = loopbackEtherType(family);
  return offset + 4;
}

function loopbackEtherType(family: number): number {
  if (family === LOOPBACK_FAMILIES.inet) return 0x0800;
  if (
    family === LOOPBACK_FAMILIES.inet6_bsd ||
    family === LOOPBACK_FAMILIES.inet6_freebsd ||
    family === LOOPBACK_FAMILIES.inet6_darwin
  ) {
    return 0x86dd;
  }
  return 0;
}

/** A loopback header before `payload`: AF_INET or AF_INET6 (BSD's 24) in little-endian. */
export function encodeLoopback(
  ipVersion: 4 | 6,
  payload: Uint8Array,
  littleEndian = true,
): Uint8Array {
  const frame = new Uint8Array(4 + payload.length);
  const family = ipVersion === 4 ? LOOPBACK_FAMILIES.inet : LOOPBACK_FAMILIES.inet6_bsd;
  new DataView(frame.buffer).setUint32(0, family, littleEndian);
  frame.set(payload, 4);
  return frame;
}
