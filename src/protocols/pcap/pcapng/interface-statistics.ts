// pcapng Interface Statistics Block: counters an interface reported (received, dropped, ...).
// Layout: draft-ietf-opsawg-pcapng, 4.6 "Interface Statistics Block".
import { ok, type Decoded } from '../../errors.js';
import { PCAPNG_BLOCK_TYPES, checkBlockFraming, encodeBlock } from './block.js';
import {
  decodeOptions,
  encodeOptions,
  optionComments,
  optionUint64,
  uint64Option,
  type PcapngOption,
} from './options.js';

/** ISB options (4.6); every counter is an unsigned 64-bit value. */
export const INTERFACE_STATISTICS_OPTIONS = {
  isb_starttime: 2,
  isb_endtime: 3,
  isb_ifrecv: 4,
  isb_ifdrop: 5,
  isb_filteraccept: 6,
  isb_osdrop: 7,
  isb_usrdeliv: 8,
} as const;

/** Type, length, interface, two timestamp words, trailer. */
export const INTERFACE_STATISTICS_MIN_LENGTH = 24;

export interface InterfaceStatistics {
  readonly interfaceId: number;
  readonly timestampHigh: number;
  readonly timestampLow: number;
  /** isb_starttime and isb_endtime as 64-bit timestamps in the interface's units. */
  readonly startTime: bigint | undefined;
  readonly endTime: bigint | undefined;
  /** isb_ifrecv: packets received by the interface. */
  readonly received: bigint | undefined;
  /** isb_ifdrop: packets the interface dropped for lack of resources. */
  readonly interfaceDropped: bigint | undefined;
  /** isb_filteraccept: packets the capture filter accepted. */
  readonly filterAccepted: bigint | undefined;
  /** isb_osdrop: packets the operating system dropped. */
  readonly osDropped: bigint | undefined;
  /** isb_usrdeliv: packets delivered to the user. */
  readonly userDelivered: bigint | undefined;
  readonly comments: readonly string[];
}

/** isb_starttime/isb_endtime are written high word first, each word in section order (4.6). */
function optionTimestamp(value: Uint8Array, littleEndian: boolean): bigint | undefined {
  if (value.length !== 8) return undefined;
  const view = new DataView(value.buffer, value.byteOffset, 8);
  return (BigInt(view.getUint32(0, littleEndian)) << 32n) | BigInt(view.getUint32(4, littleEndian));
}

/** Reads a whole ISB held in `view`. */
export function decodeInterfaceStatisticsBlock(
  view: DataView,
  littleEndian: boolean,
): Decoded<InterfaceStatistics> {
  const framing = checkBlockFraming(
    view,
    littleEndian,
    INTERFACE_STATISTICS_MIN_LENGTH,
    'interface statistics',
  );
  if (!framing.ok) return framing;
  const options = decodeOptions(view, 20, framing.value - 4, littleEndian, 'interface statistics');
  if (!options.ok) return options;
  const find = (code: number): Uint8Array | undefined =>
    options.value.find((o) => o.code === code)?.value;
  const counter = (code: number): bigint | undefined => {
    const value = find(code);
    return value === undefined ? undefined : optionUint64(value, littleEndian);
  };
  const time = (code: number): bigint | undefined => {
    const value = find(code);
    return value === undefined ? undefined : optionTimestamp(value, littleEndian);
  };
  return ok({
    interfaceId: view.getUint32(8, littleEndian),
    timestampHigh: view.getUint32(12, littleEndian),
    timestampLow: view.getUint32(16, littleEndian),
    startTime: time(INTERFACE_STATISTICS_OPTIONS.isb_starttime),
    endTime: time(INTERFACE_STATISTICS_OPTIONS.isb_endtime),
    received: counter(INTERFACE_STATISTICS_OPTIONS.isb_ifrecv),
    interfaceDropped: counter(INTERFACE_STATISTICS_OPTIONS.isb_ifdrop),
    filterAccepted: counter(INTERFACE_STATISTICS_OPTIONS.isb_filteraccept),
    osDropped: counter(INTERFACE_STATISTICS_OPTIONS.isb_osdrop),
    userDelivered: counter(INTERFACE_STATISTICS_OPTIONS.isb_usrdeliv),
    comments: optionComments(options.value),
  });
}

export interface InterfaceStatisticsInit {
  readonly interfaceId: number;
  readonly timestampHigh: number;
  readonly timestampLow: number;
  readonly received?: bigint;
  readonly interfaceDropped?: bigint;
  readonly filterAccepted?: bigint;
  readonly osDropped?: bigint;
  readonly userDelivered?: bigint;
  readonly options?: readonly PcapngOption[];
}

export function encodeInterfaceStatisticsBlock(
  stats: InterfaceStatisticsInit,
  littleEndian = true,
): Uint8Array {
  const le = littleEndian;
  const o = INTERFACE_STATISTICS_OPTIONS;
  const options: PcapngOption[] = [];
  const counters: [number, bigint | undefined][] = [
    [o.isb_ifrecv, stats.received],
    [o.isb_ifdrop, stats.interfaceDropped],
    [o.isb_filteraccept, stats.filterAccepted],
    [o.isb_osdrop, stats.osDropped],
    [o.isb_usrdeliv, stats.userDelivered],
  ];
  for (const [code, value] of counters) {
    if (value !== undefined) options.push(uint64Option(code, value, le));
  }
  options.push(...(stats.options ?? []));
  const encodedOptions = encodeOptions(options, le);
  const body = new Uint8Array(12 + encodedOptions.length);
  const view = new DataView(body.buffer);
  view.setUint32(0, stats.interfaceId, le); // Interface ID
  view.setUint32(4, stats.timestampHigh, le); // Timestamp (Upper)
  view.setUint32(8, stats.timestampLow, le); // Timestamp (Lower)
  body.set(encodedOptions, 12);
  return encodeBlock(PCAPNG_BLOCK_TYPES.interface_statistics, body, le);
}
