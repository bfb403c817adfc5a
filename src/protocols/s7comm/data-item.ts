// Data items of read var responses and write var requests: return code, data transport size,
// length (in bits for sizes 3, 4 and 5) and the value bytes, with the fill byte S7 puts after an
// odd-length item unless it is the last one.
import type { Decoded } from '../errors.js';
import { fail, ok } from '../errors.js';
import type { ByteWriter } from './bytes.js';
import { u16 } from './bytes.js';
import { s7Error } from './errors.js';
import { lengthInBits } from './names.js';

export const RETURN_CODE_RESERVED = 0x00;
export const RETURN_CODE_SUCCESS = 0xff;
export const RETURN_CODE_OBJECT_DOES_NOT_EXIST = 0x0a;
export const RETURN_CODE_ADDRESS_OUT_OF_RANGE = 0x05;

export const DATA_TRANSPORT_BIT = 0x03;
export const DATA_TRANSPORT_BYTE = 0x04;
export const DATA_TRANSPORT_INTEGER = 0x05;
export const DATA_TRANSPORT_REAL = 0x07;
export const DATA_TRANSPORT_OCTET_STRING = 0x09;

export interface DataItem {
  /** 0xFF success (responses), 0x00 reserved (write requests), else an error (0x0A, 0x05, ...). */
  returnCode: number;
  /** Data transport size: 0x03 bit, 0x04 byte/word/dword, 0x05 integer, 0x07 real, 0x09 octets. */
  transportSize: number;
  /** The length field as sent: bits for transport sizes 3, 4, 5; bytes otherwise. */
  length: number;
  /** The value bytes: present only when returnCode is 0xFF or 0x00. A view into the input. */
  data: Uint8Array;
}

/** Bytes of value an item carries, from its return code, transport size and length field. */
export function dataItemByteLength(
  returnCode: number,
  transportSize: number,
  length: number,
): number {
  // Only a successful (0xFF) or reserved (0x00, write request) item carries a value; an error item
  // is its 4-byte head alone (as the Wireshark dissector reads it).
  if (returnCode !== RETURN_CODE_SUCCESS && returnCode !== RETURN_CODE_RESERVED) return 0;
  return lengthInBits(transportSize) ? (length + 7) >>> 3 : length;
}

/**
 * Decode `count` items from bytes[start..end). An empty data part gives no items whatever the
 * count (an error ack-data repeats the item count of the job but carries no data).
 */
export function decodeDataItems(
  bytes: Uint8Array,
  start: number,
  end: number,
  count: number,
  at: number,
): Decoded<DataItem[]> {
  const items: DataItem[] = [];
  if (start === end) return ok(items);
  let i = start;
  for (let n = 0; n < count; n++) {
    if (i + 4 > end) {
      return fail(
        s7Error('OTS_S7COMM_BAD_DATA', `data item ${n + 1} of ${count} cut short`, at + i),
      );
    }
    const returnCode = bytes[i] ?? 0;
    const transportSize = bytes[i + 1] ?? 0;
    const length = u16(bytes, i + 2);
    const size = dataItemByteLength(returnCode, transportSize, length);
    if (i + 4 + size > end) {
      return fail(
        s7Error(
          'OTS_S7COMM_BAD_DATA',
          `data item ${n + 1} of ${count} declares ${size} bytes past the data part`,
          at + i,
        ),
      );
    }
    items.push({ returnCode, transportSize, length, data: bytes.subarray(i + 4, i + 4 + size) });
    i += 4 + size;
    // The fill byte after an odd-length item, except the last (Wireshark, s7comm_decode_response_read_data).
    if (size % 2 === 1 && n < count - 1) i++;
  }
  if (i !== end) {
    return fail(
      s7Error('OTS_S7COMM_BAD_DATA', `${end - i} bytes follow the ${count} data items`, at + i),
    );
  }
  return ok(items);
}

/** Write the items with the fill byte rule; the length field is written as given. */
export function writeDataItems(w: ByteWriter, items: readonly DataItem[]): void {
  for (let n = 0; n < items.length; n++) {
    const item = items[n];
    if (item === undefined) continue;
    w.u8(item.returnCode).u8(item.transportSize).u16(item.length).bytes(item.data);
    if (item.data.length % 2 === 1 && n < items.length - 1) w.u8(0);
  }
}

/**
 * A successful item holding `data`. Transport sizes 0x04 (default) and 0x05 count the length in
 * bits, 0x07 and 0x09 in bytes; 0x03 (bit) says 1 for the single byte a bit item carries.
 */
export function dataItem(
  data: Uint8Array,
  transportSize = DATA_TRANSPORT_BYTE,
  returnCode = RETURN_CODE_SUCCESS,
): DataItem {
  let length = data.length;
  if (lengthInBits(transportSize) && !(transportSize === DATA_TRANSPORT_BIT && data.length <= 1)) {
    length = data.length * 8;
  }
  return { returnCode, transportSize, length: length & 0xffff, data };
}

/** A failed item: 0x0A object does not exist, 0x05 address out of range, 0x03 access fault... */
export function errorDataItem(returnCode: number): DataItem {
  return { returnCode, transportSize: 0x00, length: 0, data: new Uint8Array(0) };
}
