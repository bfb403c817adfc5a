// The object header that precedes each run of objects in an application fragment: group,
// variation, qualifier (object prefix code and range specifier code) and range
// (IEEE 1815-2012, 4.2.2.7).
import { fail, ok, type Decoded } from '../errors.js';
import { dnp3Error } from './errors.js';
import { dnp3ObjectName } from './objects.js';

/** How the range field reads (4.2.2.7.3.2, Table 4-5). */
export type Dnp3RangeType =
  | 'start_stop' // range codes 0, 1, 2: start and stop indexes
  | 'virtual_start_stop' // codes 3, 4, 5: start and stop virtual addresses (obsolete)
  | 'all' // code 6: no range field, all objects
  | 'count' // codes 7, 8, 9: object count
  | 'count_variable_format'; // code 0xB: 1-octet count of variable-format objects

/** How each object is prefixed (4.2.2.7.3.1, Table 4-4). */
export type Dnp3PrefixType = 'none' | 'index' | 'size';

export interface Dnp3ObjectHeader {
  readonly group: number;
  readonly variation: number;
  /** 'binary_input_with_flags', 'class_data_class_1', ... (see dnp3ObjectName). */
  readonly name: string;
  /** The raw qualifier octet. */
  readonly qualifier: number;
  /** Object prefix code, qualifier bits 6..4. */
  readonly prefixCode: number;
  /** Range specifier code, qualifier bits 3..0. */
  readonly rangeCode: number;
  readonly prefix: Dnp3PrefixType;
  /** Octets of each object's prefix: index or size (0 when none). */
  readonly prefixSize: number;
  readonly range: Dnp3RangeType;
  /** First and last index (or virtual address) of start-stop ranges; undefined otherwise. */
  readonly start: number | undefined;
  readonly stop: number | undefined;
  /** Objects the header announces: stop - start + 1, the count, or 0 for 'all'. */
  readonly count: number;
}

/** What an encoder needs: the range fields that the qualifier's range code calls for. */
export interface Dnp3ObjectHeaderInput {
  readonly group: number;
  readonly variation: number;
  readonly qualifier: number;
  readonly start?: number | undefined;
  readonly stop?: number | undefined;
  readonly count?: number | undefined;
}

/** Width of the range field's numbers per range code; undefined marks a reserved code. */
const RANGE_WIDTH: readonly (number | undefined)[] = [
  1,
  2,
  4,
  1,
  2,
  4,
  0,
  1,
  2,
  4,
  undefined,
  1,
  undefined,
  undefined,
  undefined,
  undefined,
];
const PREFIX_SIZE: readonly (number | undefined)[] = [0, 1, 2, 4, 1, 2, 4, undefined];

function rangeType(rangeCode: number): Dnp3RangeType {
  if (rangeCode <= 2) return 'start_stop';
  if (rangeCode <= 5) return 'virtual_start_stop';
  if (rangeCode === 6) return 'all';
  if (rangeCode <= 9) return 'count';
  return 'count_variable_format';
}

function readUint(bytes: Uint8Array, at: number, width: number): number {
  if (width === 1) return bytes[at] ?? 0;
  if (width === 2) return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  return (
    ((bytes[at] ?? 0) |
      ((bytes[at + 1] ?? 0) << 8) |
      ((bytes[at + 2] ?? 0) << 16) |
      ((bytes[at + 3] ?? 0) << 24)) >>>
    0
  );
}

/** Decode the object header at bytes[offset]; `size` is its length in octets (3 to 11). */
export function decodeDnp3ObjectHeader(
  bytes: Uint8Array,
  offset: number,
): Decoded<{ header: Dnp3ObjectHeader; size: number }> {
  if (bytes.length - offset < 3) {
    return fail(
      dnp3Error(
        'OTS_DNP3_OBJECT_TRUNCATED',
        `object header needs 3 octets (group, variation, qualifier), ${bytes.length - offset} remain`,
        offset,
      ),
    );
  }
  const group = bytes[offset] ?? 0;
  const variation = bytes[offset + 1] ?? 0;
  const qualifier = bytes[offset + 2] ?? 0;
  const prefixCode = (qualifier >> 4) & 0x07;
  const rangeCode = qualifier & 0x0f;
  const width = RANGE_WIDTH[rangeCode];
  const prefixSize = PREFIX_SIZE[prefixCode];
  if ((qualifier & 0x80) !== 0 || width === undefined || prefixSize === undefined) {
    const why =
      (qualifier & 0x80) !== 0
        ? 'reserved bit 7 set'
        : width === undefined
          ? `reserved range code ${rangeCode}`
          : `reserved prefix code ${prefixCode}`;
    return fail(
      dnp3Error(
        'OTS_DNP3_BAD_QUALIFIER',
        `g${group}v${variation} qualifier 0x${qualifier.toString(16).padStart(2, '0')}: ${why}`,
        offset + 2,
      ),
    );
  }
  const type = rangeType(rangeCode);
  const fieldSize = type === 'start_stop' || type === 'virtual_start_stop' ? 2 * width : width;
  if (bytes.length - offset < 3 + fieldSize) {
    return fail(
      dnp3Error(
        'OTS_DNP3_OBJECT_TRUNCATED',
        `g${group}v${variation} range field needs ${fieldSize} octets, ${bytes.length - offset - 3} remain`,
        offset + 3,
      ),
    );
  }
  const size = 3 + fieldSize;
  let start: number | undefined;
  let stop: number | undefined;
  let count = 0;
  if (type === 'count' || type === 'count_variable_format') {
    count = readUint(bytes, offset + 3, width);
  } else if (type !== 'all') {
    start = readUint(bytes, offset + 3, width);
    stop = readUint(bytes, offset + 3 + width, width);
    if (stop < start) {
      return fail(
        dnp3Error(
          'OTS_DNP3_BAD_RANGE',
          `g${group}v${variation} range stop ${stop} is below start ${start}`,
          offset + 3,
        ),
      );
    }
    count = stop - start + 1;
  }
  // One literal, the same shape for every header: the walk builds many of these.
  const header: Dnp3ObjectHeader = {
    group,
    variation,
    name: dnp3ObjectName(group, variation),
    qualifier,
    prefixCode,
    rangeCode,
    prefix: prefixCode === 0 ? 'none' : prefixCode <= 3 ? 'index' : 'size',
    prefixSize,
    range: type,
    start,
    stop,
    count,
  };
  return ok({ header, size });
}

/** Encode an object header; the qualifier's range code says which range fields are written. */
export function encodeDnp3ObjectHeader(input: Dnp3ObjectHeaderInput): Decoded<Uint8Array> {
  const { group, variation, qualifier } = input;
  for (const [field, value] of [
    ['group', group],
    ['variation', variation],
    ['qualifier', qualifier],
  ] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) {
      return fail(dnp3Error('OTS_DNP3_ENCODE_RANGE', `${field} ${value} is outside 0..255`));
    }
  }
  const rangeCode = qualifier & 0x0f;
  const width = RANGE_WIDTH[rangeCode];
  if (
    (qualifier & 0x80) !== 0 ||
    width === undefined ||
    PREFIX_SIZE[(qualifier >> 4) & 7] === undefined
  ) {
    return fail(
      dnp3Error(
        'OTS_DNP3_ENCODE_RANGE',
        `qualifier 0x${qualifier.toString(16)} uses a reserved code`,
      ),
    );
  }
  const type = rangeType(rangeCode);
  const max = width === 4 ? 0xffffffff : (1 << (8 * width)) - 1;
  const values =
    type === 'all'
      ? []
      : type === 'count' || type === 'count_variable_format'
        ? [['count', input.count] as const]
        : [['start', input.start] as const, ['stop', input.stop] as const];
  if (input.start !== undefined && input.stop !== undefined && input.stop < input.start) {
    if (values.length === 2) {
      return fail(
        dnp3Error('OTS_DNP3_ENCODE_RANGE', `stop ${input.stop} is below start ${input.start}`),
      );
    }
  }
  const out = new Uint8Array(3 + values.length * width);
  out[0] = group;
  out[1] = variation;
  out[2] = qualifier;
  let at = 3;
  for (const [field, value] of values) {
    if (value === undefined || !Number.isInteger(value) || value < 0 || value > max) {
      return fail(
        dnp3Error(
          'OTS_DNP3_ENCODE_RANGE',
          `${field} ${String(value)} does not fit the ${width}-octet range of qualifier 0x${qualifier.toString(16)}`,
        ),
      );
    }
    for (let i = 0; i < width; i++) out[at + i] = Math.floor(value / 2 ** (8 * i)) & 0xff;
    at += width;
  }
  return ok(out);
}
