// pcapng Packet Block (obsolete): what old writers emitted before the Enhanced Packet Block.
// Layout: draft-ietf-opsawg-pcapng, appendix A "Packet Block (obsolete!)".
import { CodecError, fail, ok, type Decoded } from '../../errors.js';
import { checkBlockFraming } from './block.js';

/** Type, length, interface, drops, two timestamp words, two lengths, trailer. */
export const OBSOLETE_PACKET_MIN_LENGTH = 32;

export interface ObsoletePacket {
  /** A 16-bit Interface ID, then a 16-bit Drops Count (appendix A). */
  readonly interfaceId: number;
  readonly dropsCount: number;
  readonly timestampHigh: number;
  readonly timestampLow: number;
  readonly originalLength: number;
  readonly data: Uint8Array;
}

/** Reads a whole obsolete Packet Block held in `view`; its options are not needed and skipped. */
export function decodeObsoletePacketBlock(
  view: DataView,
  littleEndian: boolean,
): Decoded<ObsoletePacket> {
  const framing = checkBlockFraming(view, littleEndian, OBSOLETE_PACKET_MIN_LENGTH, 'packet');
  if (!framing.ok) return framing;
  const capturedLength = view.getUint32(20, littleEndian);
  if (capturedLength > framing.value - OBSOLETE_PACKET_MIN_LENGTH) {
    return fail(
      new CodecError(
        'pcapng',
        'OTS_PCAP_BAD_BLOCK',
        `packet block captured length ${capturedLength} exceeds its block of ${framing.value} bytes`,
        20,
      ),
    );
  }
  return ok({
    interfaceId: view.getUint16(8, littleEndian),
    dropsCount: view.getUint16(10, littleEndian),
    timestampHigh: view.getUint32(12, littleEndian),
    timestampLow: view.getUint32(16, littleEndian),
    originalLength: view.getUint32(24, littleEndian),
    data: new Uint8Array(view.buffer, view.byteOffset + 28, capturedLength),
  });
}
