// pcapng options: the code/length/value list that ends most blocks.
// Layout: draft-ietf-opsawg-pcapng, 3.5 "Options".
import { CodecError, fail, ok, type Decoded } from '../../errors.js';
import { padding32 } from './block.js';

/** Option codes every block shares (3.5): end of options, comment, custom options. */
export const PCAPNG_COMMON_OPTIONS = {
  opt_endofopt: 0,
  opt_comment: 1,
  opt_custom_utf8: 2988,
  opt_custom_binary: 2989,
  opt_custom_utf8_nocopy: 19372,
  opt_custom_binary_nocopy: 19373,
} as const;

export interface PcapngOption {
  readonly code: number;
  /** The value without its padding; a view into the block, not a copy. */
  readonly value: Uint8Array;
}

/**
 * Reads options from `start` to `end` of `view`. Stops at opt_endofopt or at the end; an option
 * whose length runs past the end is an error, as Wireshark treats it.
 */
export function decodeOptions(
  view: DataView,
  start: number,
  end: number,
  littleEndian: boolean,
  blockName: string,
): Decoded<PcapngOption[]> {
  const options: PcapngOption[] = [];
  let offset = start;
  // Each option takes at least 4 bytes, so this loop ends.
  while (offset + 4 <= end) {
    const code = view.getUint16(offset, littleEndian);
    const length = view.getUint16(offset + 2, littleEndian);
    if (code === PCAPNG_COMMON_OPTIONS.opt_endofopt) break;
    const valueStart = offset + 4;
    if (valueStart + length > end) {
      return fail(
        new CodecError(
          'pcapng',
          'OTS_PCAP_BAD_BLOCK',
          `${blockName} option ${code} of length ${length} runs past the end of the block`,
          offset,
        ),
      );
    }
    options.push({
      code,
      value: new Uint8Array(view.buffer, view.byteOffset + valueStart, length),
    });
    offset = valueStart + length + padding32(length);
  }
  return ok(options);
}

/** Writes options followed by opt_endofopt; an empty list writes nothing. */
export function encodeOptions(options: readonly PcapngOption[], littleEndian: boolean): Uint8Array {
  if (options.length === 0) return new Uint8Array(0);
  let total = 4; // opt_endofopt
  for (const option of options) total += 4 + option.value.length + padding32(option.value.length);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  for (const option of options) {
    view.setUint16(offset, option.code, littleEndian);
    view.setUint16(offset + 2, option.value.length, littleEndian);
    bytes.set(option.value, offset + 4);
    offset += 4 + option.value.length + padding32(option.value.length);
  }
  return bytes; // the last 4 bytes stay zero: opt_endofopt, length 0
}

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

export function optionText(value: Uint8Array): string {
  return utf8.decode(value);
}

export function textOption(code: number, text: string): PcapngOption {
  return { code, value: utf8Encoder.encode(text) };
}

/** Reads an unsigned 64-bit option value; undefined when it is not 8 bytes long. */
export function optionUint64(value: Uint8Array, littleEndian: boolean): bigint | undefined {
  if (value.length !== 8) return undefined;
  return new DataView(value.buffer, value.byteOffset, 8).getBigUint64(0, littleEndian);
}

export function uint64Option(code: number, value: bigint, littleEndian: boolean): PcapngOption {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt.asUintN(64, value), littleEndian);
  return { code, value: bytes };
}

/** Comments (opt_comment) among options, in order. */
export function optionComments(options: readonly PcapngOption[]): string[] {
  return options
    .filter((option) => option.code === PCAPNG_COMMON_OPTIONS.opt_comment)
    .map((option) => optionText(option.value));
}
