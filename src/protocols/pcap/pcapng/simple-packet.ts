// pcapng Simple Packet Block: a packet with no timestamp, always from the first interface.
// Layout: draft-ietf-opsawg-pcapng, 4.4 "Simple Packet Block".
import { CodecError, fail, ok, type Decoded } from '../../errors.js';
import { PCAPNG_BLOCK_TYPES, checkBlockFraming, encodeBlock } from './block.js';

/** Type, length, Original Packet Length, trailer. */
export const SIMPLE_PACKET_MIN_LENGTH = 16;

export interface SimplePacket {
  readonly originalLength: number;
  /** Packet data: the original length cut to the first interface's snaplen. */
  readonly data: Uint8Array;
}

/**
 * Reads a whole SPB held in `view`. `snaplen` is the first interface's (0 = none): the SPB has no
 * captured length, so the spec derives it from the original length and the snaplen (4.4).
 */
export function decodeSimplePacketBlock(
  view: DataView,
  littleEndian: boolean,
  snaplen: number,
): Decoded<SimplePacket> {
  const framing = checkBlockFraming(view, littleEndian, SIMPLE_PACKET_MIN_LENGTH, 'simple packet');
  if (!framing.ok) return framing;
  const originalLength = view.getUint32(8, littleEndian);
  const room = framing.value - SIMPLE_PACKET_MIN_LENGTH;
  // Captured length: the original length cut to the snaplen; the block must then hold it (4.4).
  const captured = snaplen !== 0 ? Math.min(originalLength, snaplen) : originalLength;
  if (captured > room) {
    return fail(
      new CodecError(
        'pcapng',
        'OTS_PCAP_BAD_BLOCK',
        `simple packet of ${captured} captured bytes does not fit its block of ${framing.value} bytes`,
        8,
      ),
    );
  }
  return ok({
    originalLength,
    data: new Uint8Array(view.buffer, view.byteOffset + 12, captured),
  });
}

export function encodeSimplePacketBlock(
  packet: { readonly data: Uint8Array; readonly originalLength?: number },
  littleEndian = true,
): Uint8Array {
  const body = new Uint8Array(4 + packet.data.length);
  new DataView(body.buffer).setUint32(0, packet.originalLength ?? packet.data.length, littleEndian);
  body.set(packet.data, 4);
  return encodeBlock(PCAPNG_BLOCK_TYPES.simple_packet, body, littleEndian);
}
