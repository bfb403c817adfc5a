// TCP headers: decode into PacketLayers (options skipped, payload as a view), encode with a
// checksum. Layout: RFC 9293, 3.1 "Header Format".
import { CodecError } from '../../errors.js';
import { checksumAdd, checksumFinish, pseudoHeaderSum } from './checksum.js';
import type { PacketLayers } from './packet-layers.js';
import { readUint32 } from './bytes.js';

export const TCP_MIN_HEADER_LENGTH = 20;

/**
 * Reads the TCP header at `offset` (inside an IP packet ending at out.ipEnd). The payload runs
 * from the Data Offset to the end of the IP packet; bytes the IP length promises beyond the
 * capture go to out.payloadMissing. Returns the payload offset, or -1 with out.error.
 */
export function decodeTcpInto(data: Uint8Array, offset: number, out: PacketLayers): number {
  const available = out.ipEnd - offset;
  if (available < TCP_MIN_HEADER_LENGTH) {
    return bad(out, offset, `TCP header needs 20 bytes, packet has ${available}`);
  }
  const offsetByte = data[offset + 12] ?? 0;
  const headerLength = (offsetByte >> 4) * 4; // Data Offset in 32-bit words
  if (headerLength < TCP_MIN_HEADER_LENGTH) {
    return bad(out, offset, `TCP data offset ${headerLength / 4} is below 5`);
  }
  if (headerLength > available) {
    return bad(out, offset, `TCP header of ${headerLength} bytes, packet has ${available}`);
  }
  out.transport = 6;
  out.transportOffset = offset;
  out.sourcePort = ((data[offset] ?? 0) << 8) | (data[offset + 1] ?? 0);
  out.destinationPort = ((data[offset + 2] ?? 0) << 8) | (data[offset + 3] ?? 0);
  out.tcpSequence = readUint32(data, offset + 4);
  out.tcpAcknowledgment = readUint32(data, offset + 8);
  out.tcpFlags = ((offsetByte & 1) << 8) | (data[offset + 13] ?? 0);
  out.tcpWindow = ((data[offset + 14] ?? 0) << 8) | (data[offset + 15] ?? 0);
  out.tcpHeaderLength = headerLength;
  out.payloadOffset = offset + headerLength;
  out.payloadEnd = out.ipEnd;
  out.payloadMissing = out.ipMissing;
  return out.payloadOffset;
}

function bad(out: PacketLayers, offset: number, message: string): number {
  out.error = new CodecError('tcp', 'OTS_PCAP_TCP_BAD_HEADER', message, offset);
  return -1;
}

export interface TcpInit {
  readonly sourcePort: number;
  readonly destinationPort: number;
  readonly sequence: number;
  readonly acknowledgment?: number;
  /** TCP_FLAGS bits; ACK alone when absent. */
  readonly flags?: number;
  readonly window?: number;
  readonly urgentPointer?: number;
  /** Options, padded by the encoder to a multiple of 4 bytes (at most 40). */
  readonly options?: Uint8Array;
}

/** A TCP segment; the checksum covers the pseudo-header of the given addresses (4 or 16 bytes). */
export function encodeTcp(
  header: TcpInit,
  payload: Uint8Array,
  source: Uint8Array,
  destination: Uint8Array,
): Uint8Array {
  const options = header.options ?? new Uint8Array(0);
  const headerLength = TCP_MIN_HEADER_LENGTH + Math.min(40, (options.length + 3) & ~3);
  const segment = new Uint8Array(headerLength + payload.length);
  const view = new DataView(segment.buffer);
  const flags = header.flags ?? 0x10;
  view.setUint16(0, header.sourcePort);
  view.setUint16(2, header.destinationPort);
  view.setUint32(4, header.sequence >>> 0);
  view.setUint32(8, (header.acknowledgment ?? 0) >>> 0);
  segment[12] = ((headerLength / 4) << 4) | ((flags >> 8) & 1); // Data Offset, NS/AE
  segment[13] = flags & 0xff;
  view.setUint16(14, header.window ?? 65535);
  view.setUint16(18, header.urgentPointer ?? 0);
  segment.set(options.subarray(0, 40), TCP_MIN_HEADER_LENGTH);
  segment.set(payload, headerLength);
  const sum = pseudoHeaderSum(source, destination, 6, segment.length);
  view.setUint16(16, checksumFinish(checksumAdd(sum, segment)));
  return segment;
}
