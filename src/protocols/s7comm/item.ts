// Variable specification items of read var and write var jobs: the S7ANY address (syntax id 0x10)
// decoded field by field, every other syntax (1200SYM, DBREAD, NCK, ...) kept as its bytes.
import type { Decoded } from '../errors.js';
import { fail, ok } from '../errors.js';
import type { ByteWriter } from './bytes.js';
import { u16, u24 } from './bytes.js';
import { s7Error } from './errors.js';
import type { AreaName, TransportSizeName } from './names.js';
import { AREA, TRANSPORT_SIZE, areaName, transportSizeName } from './names.js';

/** Variable specification type byte that opens every item. */
export const VAR_SPEC = 0x12;
export const SYNTAX_S7ANY = 0x10;

/**
 * An S7ANY item: 12 bytes, 0x12 0x0A 0x10 then transport size (1), length (2), DB number (2),
 * area (1) and address (3). The address is byte × 8 + bit for bit-addressed areas and the
 * timer/counter number for areas 0x1C/0x1D. Fields marked "decoder" are set when decoding and
 * ignored by the encoder.
 */
export interface S7AnyItem {
  syntax: 'S7ANY';
  transportSize: number;
  /** Element count, in units of the transport size. */
  length: number;
  dbNumber: number;
  area: number;
  address: number;
  /** Decoder: transportSizeName(transportSize). */
  transportSizeName?: TransportSizeName;
  /** Decoder: areaName(area). */
  areaName?: AreaName;
  /** Decoder: address >> 3, the byte offset. */
  byteOffset?: number;
  /** Decoder: address & 7, the bit offset. */
  bitOffset?: number;
}

/** Any other variable specification, kept as it came. */
export interface RawVarSpec {
  syntax: 'raw';
  /** First byte (0x12 in every known item). */
  specType: number;
  syntaxId: number;
  /** The bytes after the syntax id: length byte − 1 of them. */
  body: Uint8Array;
}

export type VarSpec = S7AnyItem | RawVarSpec;

/** Bytes one item takes (2 + its length byte), or 0 when even its length byte is missing. */
export function varSpecSize(bytes: Uint8Array, offset: number, end: number): number {
  return offset + 1 < end ? 2 + (bytes[offset + 1] ?? 0) : 0;
}

/** Decode the item at `offset`; `at` is the PDU offset of `bytes[0]`, for error offsets. */
export function decodeVarSpec(
  bytes: Uint8Array,
  offset: number,
  end: number,
  at: number,
): Decoded<VarSpec> {
  const size = varSpecSize(bytes, offset, end);
  if (size < 3 || offset + size > end) {
    return fail(
      s7Error(
        'OTS_S7COMM_BAD_ITEM',
        'variable specification runs past the parameter part',
        at + offset,
      ),
    );
  }
  const specType = bytes[offset] ?? 0;
  const syntaxId = bytes[offset + 2] ?? 0;
  if (specType === VAR_SPEC && size === 12 && syntaxId === SYNTAX_S7ANY) {
    const transportSize = bytes[offset + 3] ?? 0;
    const area = bytes[offset + 8] ?? 0;
    const address = u24(bytes, offset + 9);
    return ok({
      syntax: 'S7ANY',
      transportSize,
      length: u16(bytes, offset + 4),
      dbNumber: u16(bytes, offset + 6),
      area,
      address,
      transportSizeName: transportSizeName(transportSize),
      areaName: areaName(area),
      byteOffset: address >>> 3,
      bitOffset: address & 7,
    });
  }
  return ok({ syntax: 'raw', specType, syntaxId, body: bytes.subarray(offset + 3, offset + size) });
}

/** Write one item; returns the bytes written. */
export function writeVarSpec(w: ByteWriter, item: VarSpec): number {
  if (item.syntax === 'S7ANY') {
    w.u8(VAR_SPEC).u8(10).u8(SYNTAX_S7ANY);
    w.u8(item.transportSize).u16(item.length).u16(item.dbNumber).u8(item.area).u24(item.address);
    return 12;
  }
  const body = item.body.length > 254 ? item.body.subarray(0, 254) : item.body;
  w.u8(item.specType)
    .u8(body.length + 1)
    .u8(item.syntaxId)
    .bytes(body);
  return 3 + body.length;
}

function codeOf(table: Readonly<Record<number, string>>, value: number | string): number {
  if (typeof value === 'number') return value;
  for (const [code, name] of Object.entries(table)) if (name === value) return Number(code);
  return 0;
}

/**
 * Build an S7ANY item from readable parts:
 * `s7AnyItem({ area: 'db', dbNumber: 1, byteOffset: 2, transportSize: 'BYTE', length: 4 })`.
 * For timers and counters give `number` instead of byteOffset/bitOffset.
 */
export function s7AnyItem(options: {
  area: number | Exclude<AreaName, `unknown-${number}`>;
  transportSize: number | Exclude<TransportSizeName, `unknown-${number}`>;
  length: number;
  dbNumber?: number;
  byteOffset?: number;
  bitOffset?: number;
  number?: number;
}): S7AnyItem {
  const address = options.number ?? (options.byteOffset ?? 0) * 8 + ((options.bitOffset ?? 0) & 7);
  return {
    syntax: 'S7ANY',
    transportSize: codeOf(TRANSPORT_SIZE, options.transportSize),
    length: options.length,
    dbNumber: options.dbNumber ?? 0,
    area: codeOf(AREA, options.area),
    address: address & 0xffffff,
  };
}
