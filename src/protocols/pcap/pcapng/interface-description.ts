// pcapng Interface Description Block: one capture interface, its link type and its clock.
// Layout: draft-ietf-opsawg-pcapng, 4.2 "Interface Description Block".
import { ok, type Decoded } from '../../errors.js';
import {
  MICROSECONDS,
  decodeTimestampResolution,
  encodeTimestampResolution,
  type TimestampResolution,
} from '../timestamp.js';
import { PCAPNG_BLOCK_TYPES, checkBlockFraming, encodeBlock } from './block.js';
import {
  decodeOptions,
  encodeOptions,
  optionComments,
  optionText,
  textOption,
  type PcapngOption,
} from './options.js';

/** IDB options (4.2). */
export const INTERFACE_OPTIONS = {
  if_name: 2,
  if_description: 3,
  if_IPv4addr: 4,
  if_IPv6addr: 5,
  if_MACaddr: 6,
  if_EUIaddr: 7,
  if_speed: 8,
  if_tsresol: 9,
  if_tzone: 10,
  if_filter: 11,
  if_os: 12,
  if_fcslen: 13,
  if_tsoffset: 14,
  if_hardware: 15,
  if_txspeed: 16,
  if_rxspeed: 17,
} as const;

/** Type, length, LinkType, Reserved, SnapLen, trailer. */
export const INTERFACE_DESCRIPTION_MIN_LENGTH = 20;

export interface InterfaceDescription {
  readonly linkType: number;
  /** Largest captured length; 0 means no limit (4.2). */
  readonly snaplen: number;
  readonly name: string | undefined;
  readonly description: string | undefined;
  /** if_tsresol, microseconds when absent. */
  readonly timestampResolution: TimestampResolution;
  /** if_tsoffset: seconds added to every timestamp of the interface, 0 when absent. */
  readonly timestampOffsetSeconds: number;
  readonly fcsLength: number | undefined;
  readonly os: string | undefined;
  readonly hardware: string | undefined;
  readonly comments: readonly string[];
}

/** Reads a whole IDB held in `view`, in the section's byte order. */
export function decodeInterfaceDescriptionBlock(
  view: DataView,
  littleEndian: boolean,
): Decoded<InterfaceDescription> {
  const framing = checkBlockFraming(
    view,
    littleEndian,
    INTERFACE_DESCRIPTION_MIN_LENGTH,
    'interface description',
  );
  if (!framing.ok) return framing;
  const options = decodeOptions(view, 16, framing.value - 4, littleEndian, 'interface description');
  if (!options.ok) return options;
  let name: string | undefined;
  let description: string | undefined;
  let os: string | undefined;
  let hardware: string | undefined;
  let fcsLength: number | undefined;
  let timestampResolution = MICROSECONDS;
  let timestampOffsetSeconds = 0;
  for (const { code, value } of options.value) {
    switch (code) {
      case INTERFACE_OPTIONS.if_name:
        name = optionText(value);
        break;
      case INTERFACE_OPTIONS.if_description:
        description = optionText(value);
        break;
      case INTERFACE_OPTIONS.if_os:
        os = optionText(value);
        break;
      case INTERFACE_OPTIONS.if_hardware:
        hardware = optionText(value);
        break;
      case INTERFACE_OPTIONS.if_tsresol:
        if (value.length >= 1) timestampResolution = decodeTimestampResolution(value[0] ?? 6);
        break;
      case INTERFACE_OPTIONS.if_fcslen:
        if (value.length >= 1) fcsLength = value[0];
        break;
      case INTERFACE_OPTIONS.if_tsoffset:
        // A signed 64-bit count of seconds (4.2, if_tsoffset).
        if (value.length === 8) {
          timestampOffsetSeconds = Number(
            new DataView(value.buffer, value.byteOffset, 8).getBigInt64(0, littleEndian),
          );
        }
        break;
      default:
        break;
    }
  }
  return ok({
    linkType: view.getUint16(8, littleEndian),
    snaplen: view.getUint32(12, littleEndian),
    name,
    description,
    timestampResolution,
    timestampOffsetSeconds,
    fcsLength,
    os,
    hardware,
    comments: optionComments(options.value),
  });
}

export interface InterfaceDescriptionInit {
  readonly linkType: number;
  readonly snaplen?: number;
  readonly name?: string;
  readonly description?: string;
  readonly timestampResolution?: TimestampResolution;
  readonly timestampOffsetSeconds?: number;
  readonly options?: readonly PcapngOption[];
}

export function encodeInterfaceDescriptionBlock(
  idb: InterfaceDescriptionInit,
  littleEndian = true,
): Uint8Array {
  const le = littleEndian;
  const options: PcapngOption[] = [];
  if (idb.name !== undefined) options.push(textOption(INTERFACE_OPTIONS.if_name, idb.name));
  if (idb.description !== undefined)
    options.push(textOption(INTERFACE_OPTIONS.if_description, idb.description));
  if (idb.timestampResolution !== undefined) {
    options.push({
      code: INTERFACE_OPTIONS.if_tsresol,
      value: Uint8Array.of(encodeTimestampResolution(idb.timestampResolution)),
    });
  }
  if (idb.timestampOffsetSeconds !== undefined) {
    const value = new Uint8Array(8);
    new DataView(value.buffer).setBigInt64(0, BigInt(idb.timestampOffsetSeconds), le);
    options.push({ code: INTERFACE_OPTIONS.if_tsoffset, value });
  }
  options.push(...(idb.options ?? []));
  const encodedOptions = encodeOptions(options, le);
  const body = new Uint8Array(8 + encodedOptions.length);
  const view = new DataView(body.buffer);
  view.setUint16(0, idb.linkType, le); // LinkType
  view.setUint16(2, 0, le); // Reserved
  view.setUint32(4, idb.snaplen ?? 0, le); // SnapLen, 0 = no limit
  body.set(encodedOptions, 8);
  return encodeBlock(PCAPNG_BLOCK_TYPES.interface_description, body, le);
}
