// S7 BCD time stamps: the 10-byte form of the clock functions (reserved, two year bytes, month,
// day, hour, minute, second, milliseconds and weekday) and the 8-byte DATE_AND_TIME of SZL
// records. Both are the PLC's local time: no time zone is implied.

/** A decoded time stamp; `valid` is false when a nibble is not a decimal digit or a field is out of range. */
export interface S7Timestamp {
  /** Byte 0 of the 10-byte form: 0x00 in every capture. */
  reserved: number;
  /** Byte 1 of the 10-byte form, BCD: 19 or 20. CPUs send 19 for 2014, so the year ignores it. */
  yearHigh: number;
  /** Full year: 20xx when the low two digits are below 90, else 19xx (as Siemens DATE_AND_TIME). */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 1 Sunday .. 7 Saturday, 0 undefined. */
  weekday: number;
  valid: boolean;
}

function bcd(byte: number): number {
  return (byte >> 4) * 10 + (byte & 0x0f);
}

function isBcd(byte: number): boolean {
  return byte >> 4 <= 9 && (byte & 0x0f) <= 9;
}

function toBcd(value: number): number {
  const v = Math.max(0, Math.min(99, Math.floor(value)));
  return ((Math.floor(v / 10) << 4) | (v % 10)) & 0xff;
}

/** Fields from the 8 bytes starting with the two-digit year (shared by both forms). */
function fromDateAndTime(
  bytes: Uint8Array,
  offset: number,
): Omit<S7Timestamp, 'reserved' | 'yearHigh'> {
  let valid = true;
  for (let i = 0; i < 7; i++) valid &&= isBcd(bytes[offset + i] ?? 0);
  const last = bytes[offset + 7] ?? 0;
  valid &&= last >> 4 <= 9;
  const yy = bcd(bytes[offset] ?? 0);
  const stamp = {
    year: yy < 90 ? 2000 + yy : 1900 + yy,
    month: bcd(bytes[offset + 1] ?? 0),
    day: bcd(bytes[offset + 2] ?? 0),
    hour: bcd(bytes[offset + 3] ?? 0),
    minute: bcd(bytes[offset + 4] ?? 0),
    second: bcd(bytes[offset + 5] ?? 0),
    // Milliseconds: two BCD digits in byte 6 and the third in the high nibble of byte 7.
    millisecond: bcd(bytes[offset + 6] ?? 0) * 10 + (last >> 4),
    // Weekday: low nibble of byte 7.
    weekday: last & 0x0f,
    valid,
  };
  stamp.valid &&=
    stamp.month >= 1 &&
    stamp.month <= 12 &&
    stamp.day >= 1 &&
    stamp.day <= 31 &&
    stamp.hour <= 23 &&
    stamp.minute <= 59 &&
    stamp.second <= 59 &&
    stamp.weekday <= 7;
  return stamp;
}

/** Decode the 10-byte clock time stamp at `offset` (the caller has checked 10 bytes are there). */
export function decodeS7Timestamp(bytes: Uint8Array, offset = 0): S7Timestamp {
  const reserved = bytes[offset] ?? 0;
  const high = bytes[offset + 1] ?? 0;
  const rest = fromDateAndTime(bytes, offset + 2);
  return { reserved, yearHigh: bcd(high), ...rest, valid: rest.valid && isBcd(high) };
}

/** Decode an 8-byte DATE_AND_TIME (SZL xy24 records); reserved/yearHigh are derived. */
export function decodeDateAndTime(bytes: Uint8Array, offset = 0): S7Timestamp {
  const rest = fromDateAndTime(bytes, offset);
  return { reserved: 0, yearHigh: Math.floor(rest.year / 100), ...rest };
}

function writeDateAndTime(out: Uint8Array, offset: number, t: S7Timestamp): void {
  out[offset] = toBcd(t.year % 100);
  out[offset + 1] = toBcd(t.month);
  out[offset + 2] = toBcd(t.day);
  out[offset + 3] = toBcd(t.hour);
  out[offset + 4] = toBcd(t.minute);
  out[offset + 5] = toBcd(t.second);
  const ms = Math.max(0, Math.min(999, Math.floor(t.millisecond)));
  out[offset + 6] = toBcd(Math.floor(ms / 10));
  out[offset + 7] = ((ms % 10) << 4) | (t.weekday & 0x0f);
}

/** The 10-byte clock form. */
export function encodeS7Timestamp(t: S7Timestamp): Uint8Array {
  const out = new Uint8Array(10);
  out[0] = t.reserved & 0xff;
  out[1] = toBcd(t.yearHigh);
  writeDateAndTime(out, 2, t);
  return out;
}

/** The 8-byte DATE_AND_TIME form. */
export function encodeDateAndTime(t: S7Timestamp): Uint8Array {
  const out = new Uint8Array(8);
  writeDateAndTime(out, 0, t);
  return out;
}

/**
 * A time stamp from a JavaScript date, read in UTC by default (`utc: false` reads local time).
 * yearHigh is the century (20 for 2024) and reserved is 0, as a CPU answers.
 */
export function s7Timestamp(date: Date, options: { utc?: boolean } = {}): S7Timestamp {
  const utc = options.utc ?? true;
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  return {
    reserved: 0,
    yearHigh: Math.floor(year / 100),
    year,
    month: (utc ? date.getUTCMonth() : date.getMonth()) + 1,
    day: utc ? date.getUTCDate() : date.getDate(),
    hour: utc ? date.getUTCHours() : date.getHours(),
    minute: utc ? date.getUTCMinutes() : date.getMinutes(),
    second: utc ? date.getUTCSeconds() : date.getSeconds(),
    millisecond: utc ? date.getUTCMilliseconds() : date.getMilliseconds(),
    weekday: (utc ? date.getUTCDay() : date.getDay()) + 1,
    valid: true,
  };
}

/** ISO 8601 without a zone ("2014-08-20T11:59:43.912"): the PLC clock has none. */
export function s7TimestampIso(t: S7Timestamp): string {
  const p = (v: number, n = 2): string => String(v).padStart(n, '0');
  return `${p(t.year, 4)}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}.${p(t.millisecond, 3)}`;
}
