// pcapng Section Header Block: starts a section and fixes its byte order.
// Layout: draft-ietf-opsawg-pcapng, 4.1 "Section Header Block".
import { CodecError, fail, ok, type Decoded } from '../../errors.js';
import { PCAPNG_BLOCK_TYPES, checkBlockFraming, encodeBlock } from './block.js';
import {
  decodeOptions,
  encodeOptions,
  optionComments,
  optionText,
  textOption,
  type PcapngOption,
} from './options.js';

/** Byte-Order Magic: reads 0x1A2B3C4D in the section's own byte order (4.1). */
export const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;

/** SHB options (4.1). */
export const SECTION_HEADER_OPTIONS = { shb_hardware: 2, shb_os: 3, shb_userappl: 4 } as const;

/** Type, length, BOM, versions and the 64-bit section length: 28 bytes with the trailer. */
export const SECTION_HEADER_MIN_LENGTH = 28;

export interface SectionHeader {
  readonly littleEndian: boolean;
  readonly versionMajor: number;
  readonly versionMinor: number;
  /** Bytes in the section after this block, or -1 when the writer did not say (4.1). */
  readonly sectionLength: bigint;
  readonly hardware: string | undefined;
  readonly os: string | undefined;
  readonly userApplication: string | undefined;
  readonly comments: readonly string[];
}

/**
 * The byte order a section header declares: true for little-endian, false for big-endian,
 * undefined when the Byte-Order Magic at offset 8 of the block is neither.
 */
export function sectionByteOrder(view: DataView, offset: number): boolean | undefined {
  if (view.getUint32(offset + 8, true) === PCAPNG_BYTE_ORDER_MAGIC) return true;
  if (view.getUint32(offset + 8, false) === PCAPNG_BYTE_ORDER_MAGIC) return false;
  return undefined;
}

/** Reads a whole SHB held in `view` (type to trailing length). */
export function decodeSectionHeaderBlock(view: DataView): Decoded<SectionHeader> {
  if (view.byteLength < 12) {
    return fail(
      new CodecError('pcapng', 'OTS_PCAP_TRUNCATED', 'section header block under 12 bytes', 0),
    );
  }
  const littleEndian = sectionByteOrder(view, 0);
  if (littleEndian === undefined) {
    return fail(
      new CodecError(
        'pcapng',
        'OTS_PCAP_BAD_HEADER',
        `section header byte-order magic 0x${view.getUint32(8, false).toString(16)} is not 1A2B3C4D in either byte order`,
        8,
      ),
    );
  }
  const framing = checkBlockFraming(
    view,
    littleEndian,
    SECTION_HEADER_MIN_LENGTH,
    'section header',
  );
  if (!framing.ok) return framing;
  const versionMajor = view.getUint16(12, littleEndian);
  const versionMinor = view.getUint16(14, littleEndian);
  // Wireshark reads major version 1 only; a different major means a format it cannot parse.
  if (versionMajor !== 1) {
    return fail(
      new CodecError(
        'pcapng',
        'OTS_PCAP_BAD_HEADER',
        `section header version ${versionMajor}.${versionMinor} is not 1.x`,
        12,
      ),
    );
  }
  const options = decodeOptions(view, 24, framing.value - 4, littleEndian, 'section header');
  if (!options.ok) return options;
  const text = (code: number): string | undefined => {
    const option = options.value.find((o) => o.code === code);
    return option === undefined ? undefined : optionText(option.value);
  };
  return ok({
    littleEndian,
    versionMajor,
    versionMinor,
    sectionLength: view.getBigInt64(16, littleEndian),
    hardware: text(SECTION_HEADER_OPTIONS.shb_hardware),
    os: text(SECTION_HEADER_OPTIONS.shb_os),
    userApplication: text(SECTION_HEADER_OPTIONS.shb_userappl),
    comments: optionComments(options.value),
  });
}

export interface SectionHeaderInit {
  readonly littleEndian?: boolean;
  readonly hardware?: string;
  readonly os?: string;
  readonly userApplication?: string;
  readonly options?: readonly PcapngOption[];
}

/** Writes an SHB of version 1.0 with an unknown section length. */
export function encodeSectionHeaderBlock(header: SectionHeaderInit = {}): Uint8Array {
  const le = header.littleEndian ?? true;
  const options: PcapngOption[] = [...(header.options ?? [])];
  if (header.hardware !== undefined)
    options.push(textOption(SECTION_HEADER_OPTIONS.shb_hardware, header.hardware));
  if (header.os !== undefined) options.push(textOption(SECTION_HEADER_OPTIONS.shb_os, header.os));
  if (header.userApplication !== undefined)
    options.push(textOption(SECTION_HEADER_OPTIONS.shb_userappl, header.userApplication));
  const encodedOptions = encodeOptions(options, le);
  const body = new Uint8Array(16 + encodedOptions.length);
  const view = new DataView(body.buffer);
  view.setUint32(0, PCAPNG_BYTE_ORDER_MAGIC, le); // Byte-Order Magic
  view.setUint16(4, 1, le); // Major Version
  view.setUint16(6, 0, le); // Minor Version
  view.setBigInt64(8, -1n, le); // Section Length: not specified
  body.set(encodedOptions, 16);
  return encodeBlock(PCAPNG_BLOCK_TYPES.section_header, body, le);
}
