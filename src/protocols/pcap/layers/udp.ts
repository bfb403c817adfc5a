// UDP headers: decode into PacketLayers, encode with a checksum. Layout: RFC 768.
import { CodecError } from '../../errors.js';
import { checksumAdd, checksumFinish, pseudoHeaderSum } from './checksum.js';
import type { PacketLayers } from './packet-layers.js';

export const UDP_HEADER_LENGTH = 8;

/**
 * Reads the UDP header at `offset` (inside an IP packet ending at out.ipEnd). The payload ends
 * at the UDP Length; bytes it promises beyond the capture go to out.payloadMissing. Returns the
 * payload offset, or -1 with out.error.
 */
export function decodeUdpInto(data: Uint8Array, offset: number, out: PacketLayers): number {
  const available = out.ipEnd - offset;
  if (available < UDP_HEADER_LENGTH) {
    return bad(out, offset, `UDP header needs 8 bytes, packet has ${available}`);
  }
  const length = ((data[offset + 4] ?? 0) << 8) | (data[offset + 5] ?? 0);
  if (length !== 0 && length < UDP_HEADER_LENGTH) {
    return bad(out, offset, `UDP length ${length} is below the 8-byte header`);
  }
  out.transport = 17;
  out.transportOffset = offset;
  out.sourcePort = ((data[offset] ?? 0) << 8) | (data[offset + 1] ?? 0);
  out.destinationPort = ((data[offset + 2] ?? 0) << 8) | (data[offset + 3] ?? 0);
  out.udpLength = length;
  out.payloadOffset = offset + UDP_HEADER_LENGTH;
  // Length 0 is an IPv6 jumbogram's (RFC 2675, 4): the IP packet says how long it is.
  const promised = length === 0 ? available + out.ipMissing : length;
  if (promised > available) {
    out.payloadEnd = out.ipEnd;
    out.payloadMissing = promised - available;
  } else {
    out.payloadEnd = offset + promised;
  }
  return out.payloadOffset;
}

function bad(out: PacketLayers, offset: number, message: string): number {
  out.error = new CodecError('udp', 'OTS_PCAP_UDP_BAD_HEADER', message, offset);
  return -1;
}

export interface UdpInit {
  readonly sourcePort: number;
  readonly destinationPort: number;
}

/** A UDP datagram; the checksum covers the pseudo-header of the given addresses (4 or 16 bytes). */
export function encodeUdp(
  header: UdpInit,
  payload: Uint8Array,
  source: Uint8Array,
  destination: Uint8Array,
): Uint8Array {
  const length = UDP_HEADER_LENGTH + payload.length;
  const datagram = new Uint8Array(length);
  const view = new DataView(datagram.buffer);
  view.setUint16(0, header.sourcePort);
  view.setUint16(2, header.destinationPort);
  view.setUint16(4, length & 0xffff);
  datagram.set(payload, UDP_HEADER_LENGTH);
  const sum = checksumFinish(
    checksumAdd(pseudoHeaderSum(source, destination, 17, length), datagram),
  );
  view.setUint16(6, sum === 0 ? 0xffff : sum); // 0 means "no checksum" (RFC 768), so send all ones
  return datagram;
}
