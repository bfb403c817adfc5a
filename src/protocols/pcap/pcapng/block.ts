// pcapng block framing shared by every block type: the type table, lengths and padding.
// Layout: draft-ietf-opsawg-pcapng, 3.1 "General Block Structure".
import { CodecError, fail, ok, type Decoded } from '../../errors.js';

/** Block type codes (draft-ietf-opsawg-pcapng, 11.1 "Block Type Codes"). */
export const PCAPNG_BLOCK_TYPES = {
  interface_description: 0x00000001,
  obsolete_packet: 0x00000002, // Packet Block, obsolete but still read by Wireshark (appendix A)
  simple_packet: 0x00000003,
  name_resolution: 0x00000004,
  interface_statistics: 0x00000005,
  enhanced_packet: 0x00000006,
  systemd_journal_export: 0x00000009,
  decryption_secrets: 0x0000000a,
  custom_copyable: 0x00000bad,
  custom: 0x40000bad,
  section_header: 0x0a0d0d0a,
} as const;

export type PcapngBlockTypeName = keyof typeof PCAPNG_BLOCK_TYPES;

const BLOCK_TYPE_NAMES = new Map<number, PcapngBlockTypeName>(
  Object.entries(PCAPNG_BLOCK_TYPES).map(([name, value]) => [value, name as PcapngBlockTypeName]),
);

/** `pcapngBlockTypeName(6) === 'enhanced_packet'`, unknown types as `unknown-N`. */
export function pcapngBlockTypeName(type: number): PcapngBlockTypeName | `unknown-${number}` {
  return BLOCK_TYPE_NAMES.get(type) ?? `unknown-${type}`;
}

/** Block Type, Block Total Length, and the trailing Block Total Length: 12 bytes at least. */
export const PCAPNG_BLOCK_OVERHEAD = 12;

/** Bytes needed to pad `length` up to a 32-bit boundary (3.1: "padded to 32 bits"). */
export function padding32(length: number): number {
  return (4 - (length & 3)) & 3;
}

/**
 * Checks the framing of one whole block held in `view`: the total length at both ends, its
 * minimum for the type, and its alignment. Returns the total length.
 */
export function checkBlockFraming(
  view: DataView,
  littleEndian: boolean,
  minimumLength: number,
  blockName: string,
): Decoded<number> {
  // Type, total length and trailer take 12 bytes: a shorter view cannot even say its length.
  if (view.byteLength < 12) {
    return fail(
      new CodecError(
        'pcapng',
        'OTS_PCAP_TRUNCATED',
        `${blockName} of ${view.byteLength} bytes is shorter than the 12 bytes every block needs`,
        0,
      ),
    );
  }
  const total = view.getUint32(4, littleEndian);
  if (total < minimumLength || total % 4 !== 0 || total !== view.byteLength) {
    return fail(
      new CodecError(
        'pcapng',
        'OTS_PCAP_BAD_BLOCK_LENGTH',
        `${blockName} total length ${total} is not a multiple of 4 of at least ${minimumLength}`,
        4,
      ),
    );
  }
  const trailer = view.getUint32(total - 4, littleEndian);
  if (trailer !== total) {
    return fail(
      new CodecError(
        'pcapng',
        'OTS_PCAP_BAD_BLOCK_LENGTH',
        `${blockName} total length is ${total} at the start and ${trailer} at the end`,
        total - 4,
      ),
    );
  }
  return ok(total);
}

/** Wraps a body into a block: type, total length, body padded to 32 bits, total length. */
export function encodeBlock(type: number, body: Uint8Array, littleEndian: boolean): Uint8Array {
  const total = PCAPNG_BLOCK_OVERHEAD + body.length + padding32(body.length);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, type, littleEndian);
  view.setUint32(4, total, littleEndian);
  bytes.set(body, 8);
  view.setUint32(total - 4, total, littleEndian);
  return bytes;
}
