// Capture timestamps: the split form packets carry, pcapng resolutions, and tshark-like ISO text.
//
// A packet's time is `timestampMs` (whole milliseconds since 1970-01-01T00:00:00Z, a safe integer
// for every date a capture can hold) plus `timestampNs` (nanoseconds within that millisecond,
// 0..999999). Two numbers keep nanosecond precision without a BigInt per packet, which would cost
// an allocation on the hot path; `timestampToNs` gives the BigInt when one is wanted.

/** pcapng if_tsresol (pcapng draft, 4.2 "Interface Description Block", option if_tsresol). */
export interface TimestampResolution {
  /** 10 when the option's top bit is clear, 2 when it is set. */
  readonly base: 10 | 2;
  /** Units per second are base ** exponent (0..127). */
  readonly exponent: number;
}

/** Microseconds: the pcapng default when an interface has no if_tsresol option. */
export const MICROSECONDS: TimestampResolution = { base: 10, exponent: 6 };
export const NANOSECONDS: TimestampResolution = { base: 10, exponent: 9 };

/** Reads the if_tsresol byte: top bit clear is a negative power of 10, set a power of 2. */
export function decodeTimestampResolution(value: number): TimestampResolution {
  return (value & 0x80) === 0
    ? { base: 10, exponent: value & 0x7f }
    : { base: 2, exponent: value & 0x7f };
}

export function encodeTimestampResolution(resolution: TimestampResolution): number {
  return (resolution.base === 2 ? 0x80 : 0) | (resolution.exponent & 0x7f);
}

/** Whole milliseconds since the epoch and the nanoseconds within the last one. */
export interface SplitTime {
  timestampMs: number;
  timestampNs: number;
}

const TWO_32 = 4294967296;

/**
 * Turns a pcapng 64-bit timestamp (high and low 32-bit words, in units of `resolution`) plus the
 * interface's if_tsoffset (seconds) into split time. Micro- and nanoseconds, nearly every real
 * capture, are done in doubles without rounding; other resolutions go through BigInt.
 */
export function splitPcapngTime(
  high: number,
  low: number,
  resolution: TimestampResolution,
  offsetSeconds: number,
): SplitTime {
  if (resolution.base === 10 && resolution.exponent === 6) {
    // 2^32 = 4294967 * 1000 + 296: every product below stays under 2^53.
    const rest = high * 296 + low;
    const ms = high * 4294967 + Math.floor(rest / 1000) + offsetSeconds * 1000;
    return { timestampMs: ms, timestampNs: (rest % 1000) * 1000 };
  }
  if (resolution.base === 10 && resolution.exponent === 9) {
    // 2^32 = 4294 * 1e6 + 967296.
    const rest = high * 967296 + low;
    const ms = high * 4294 + Math.floor(rest / 1e6) + offsetSeconds * 1000;
    return { timestampMs: ms, timestampNs: rest % 1e6 };
  }
  const units = BigInt(high) * BigInt(TWO_32) + BigInt(low);
  const perSecond = BigInt(resolution.base) ** BigInt(resolution.exponent);
  const totalNs = (units * 1_000_000_000n) / perSecond;
  return {
    timestampMs: Number(totalNs / 1_000_000n) + offsetSeconds * 1000,
    timestampNs: Number(totalNs % 1_000_000n),
  };
}

/** The inverse for writers: split time to pcapng units, as [high, low] 32-bit words. */
export function pcapngUnitsFromTime(
  time: SplitTime,
  resolution: TimestampResolution,
  offsetSeconds = 0,
): [number, number] {
  const totalNs = timestampToNs(time) - BigInt(offsetSeconds) * 1_000_000_000n;
  const perSecond = BigInt(resolution.base) ** BigInt(resolution.exponent);
  const units = BigInt.asUintN(64, (totalNs * perSecond) / 1_000_000_000n);
  return [Number(units >> 32n), Number(units & 0xffffffffn)];
}

/** Nanoseconds since the epoch as one BigInt. */
export function timestampToNs(time: SplitTime): bigint {
  return BigInt(time.timestampMs) * 1_000_000n + BigInt(time.timestampNs);
}

/** Split time from nanoseconds since the epoch. */
export function timestampFromNs(ns: bigint): SplitTime {
  let ms = ns / 1_000_000n;
  let rest = ns % 1_000_000n;
  if (rest < 0n) {
    ms -= 1n;
    rest += 1_000_000n;
  }
  return { timestampMs: Number(ms), timestampNs: Number(rest) };
}

/** The largest |ms| a JavaScript Date holds (ECMA-262, 21.4.1.1 "Time Values"). */
const MAX_DATE_MS = 8.64e15;

/**
 * ISO 8601 in UTC with nine fraction digits, as tshark prints `frame.time_utc` in JSON:
 * `2012-11-12T11:03:00.264365000Z`. A time a Date cannot hold comes back as decimal seconds
 * since the epoch, so no capture can make this throw.
 */
export function formatTimestamp(time: SplitTime): string {
  const { timestampMs: ms, timestampNs: ns } = time;
  const fraction = String(Math.trunc(ns)).padStart(6, '0');
  if (!Number.isInteger(ms) || Math.abs(ms) > MAX_DATE_MS) {
    return `${String(Math.floor(ms / 1000))}.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}${fraction}`;
  }
  const iso = new Date(ms).toISOString(); // ...T11:03:00.264Z
  return `${iso.slice(0, -1)}${fraction}Z`;
}
