// pcapng Enhanced Packet Block: one packet with its interface and a 64-bit timestamp.
// Layout: draft-ietf-opsawg-pcapng, 4.3 "Enhanced Packet Block".
import { CodecError, fail, ok, type Decoded } from '../../errors.js';
import { PCAPNG_BLOCK_TYPES, checkBlockFraming, encodeBlock, padding32 } from './block.js';
import { decodeOptions, encodeOptions, type PcapngOption } from './options.js';

/** EPB options (4.3). */
export const ENHANCED_PACKET_OPTIONS = {
  epb_flags: 2,
  epb_hash: 3,
  epb_dropcount: 4,
  epb_packetid: 5,
  epb_queue: 6,
  epb_verdict: 7,
} as const;

/** Type, length, interface, two timestamp words, two lengths, trailer. */
export const ENHANCED_PACKET_MIN_LENGTH = 32;

const NO_OPTIONS: readonly PcapngOption[] = [];

export interface EnhancedPacket {
  readonly interfaceId: number;
  /** Timestamp (Upper) and (Lower): one 64-bit count of the interface's if_tsresol units. */
  readonly timestampHigh: number;
  readonly timestampLow: number;
  readonly originalLength: number;
  /** Captured Packet Data, a view into the block (its length is the captured length). */
  readonly data: Uint8Array;
  readonly options: readonly PcapngOption[];
}

/** Reads a whole EPB held in `view`. */
export function decodeEnhancedPacketBlock(
  view: DataView,
  littleEndian: boolean,
): Decoded<EnhancedPacket> {
  const framing = checkBlockFraming(
    view,
    littleEndian,
    ENHANCED_PACKET_MIN_LENGTH,
    'enhanced packet',
  );
  if (!framing.ok) return framing;
  const bodyEnd = framing.value - 4;
  const capturedLength = view.getUint32(20, littleEndian);
  // The packet data starts at 28 and is padded to 32 bits; it must fit before the trailer.
  if (capturedLength > bodyEnd - 28) {
    return fail(
      new CodecError(
        'pcapng',
        'OTS_PCAP_BAD_BLOCK',
        `enhanced packet captured length ${capturedLength} exceeds its block of ${framing.value} bytes`,
        20,
      ),
    );
  }
  const optionsStart = 28 + capturedLength + padding32(capturedLength);
  let options = NO_OPTIONS;
  if (optionsStart < bodyEnd) {
    const decoded = decodeOptions(view, optionsStart, bodyEnd, littleEndian, 'enhanced packet');
    if (!decoded.ok) return decoded;
    options = decoded.value;
  }
  return ok({
    interfaceId: view.getUint32(8, littleEndian),
    timestampHigh: view.getUint32(12, littleEndian),
    timestampLow: view.getUint32(16, littleEndian),
    originalLength: view.getUint32(24, littleEndian),
    data: new Uint8Array(view.buffer, view.byteOffset + 28, capturedLength),
    options,
  });
}

export interface EnhancedPacketInit {
  readonly interfaceId: number;
  readonly timestampHigh: number;
  readonly timestampLow: number;
  readonly data: Uint8Array;
  /** The length on the wire; the captured length when absent. */
  readonly originalLength?: number;
  readonly options?: readonly PcapngOption[];
}

export function encodeEnhancedPacketBlock(
  packet: EnhancedPacketInit,
  littleEndian = true,
): Uint8Array {
  const le = littleEndian;
  const data = packet.data;
  const dataSpace = data.length + padding32(data.length);
  const encodedOptions = encodeOptions(packet.options ?? [], le);
  const body = new Uint8Array(20 + dataSpace + encodedOptions.length);
  const view = new DataView(body.buffer);
  view.setUint32(0, packet.interfaceId, le); // Interface ID
  view.setUint32(4, packet.timestampHigh, le); // Timestamp (Upper)
  view.setUint32(8, packet.timestampLow, le); // Timestamp (Lower)
  view.setUint32(12, data.length, le); // Captured Packet Length
  view.setUint32(16, packet.originalLength ?? data.length, le); // Original Packet Length
  body.set(data, 20);
  body.set(encodedOptions, 20 + dataSpace);
  return encodeBlock(PCAPNG_BLOCK_TYPES.enhanced_packet, body, le);
}
