// Read Coils (FC 1) and Read Discrete Inputs (FC 2): two tables, one layout (Modbus Application
// Protocol v1.1b3, 6.1 and 6.2), so one file decodes and encodes both.
import type { ModbusPduError } from '../errors.js';
import { MODBUS_LIMITS } from '../limits.js';
import { exactLength, minLength, readBits, refuse, u16, u8, type PduWriter } from '../bytes.js';

export type ReadBitsKind = 'read_coils' | 'read_discrete_inputs';

export interface ReadBitsRequest {
  kind: ReadBitsKind;
  pduType: 'request';
  /** Starting address, 0-based on the wire. */
  address: number;
  /** Quantity of coils or inputs, 1 to 2000. */
  quantity: number;
}

export interface ReadBitsResponse {
  kind: ReadBitsKind;
  pduType: 'response';
  /**
   * Coil or input status, byte count × 8 bits. The response does not say how many were asked
   * for, so the padding bits of the last byte are here too (pass the request to `summarize` to
   * trim them).
   */
  values: boolean[];
}

/** Both read requests carry a starting address and a quantity: 5 bytes. Shared with FC 3 and 4. */
export function decodeAddressQuantity(
  b: Uint8Array,
  start: number,
  end: number,
  maxQuantity: number,
  what: string,
): { address: number; quantity: number } | ModbusPduError {
  const refused = checkAddressQuantity(b, start, end, maxQuantity, what);
  if (refused !== undefined) return refused;
  return { address: u16(b, start + 1), quantity: u16(b, start + 3) };
}

/**
 * The checks of decodeAddressQuantity without its result object: the read requests build their
 * PDU from the bytes directly, one allocation per request instead of two.
 */
export function checkAddressQuantity(
  b: Uint8Array,
  start: number,
  end: number,
  maxQuantity: number,
  what: string,
): ModbusPduError | undefined {
  // function code (1), starting address (2), quantity (2)
  const wrongLength = exactLength(b, start, end, 5, what);
  if (wrongLength !== undefined) return wrongLength;
  const address = u16(b, start + 1);
  const quantity = u16(b, start + 3);
  // The state diagrams check the quantity first (exception 3), then the address range (2).
  if (quantity < 1 || quantity > maxQuantity) {
    return refuse(
      'OTS_MODBUS_BAD_QUANTITY',
      `${what} asks for ${quantity} items, the allowed range is 1..${maxQuantity}`,
      3,
      u8(b, start),
    );
  }
  if (address + quantity > MODBUS_LIMITS.addressSpace) {
    return refuse(
      'OTS_MODBUS_ADDRESS_OVERFLOW',
      `${what} reads ${quantity} items from address ${address}, past address 65535`,
      1,
      u8(b, start),
      2,
    );
  }
  return undefined;
}

// The labels errors start with, built once: a template per PDU would allocate a string on the hot
// path for a message that is almost never needed.
const REQUEST_WHAT: Readonly<Record<ReadBitsKind, string>> = {
  read_coils: 'read_coils request',
  read_discrete_inputs: 'read_discrete_inputs request',
};
const RESPONSE_WHAT: Readonly<Record<ReadBitsKind, string>> = {
  read_coils: 'read_coils response',
  read_discrete_inputs: 'read_discrete_inputs response',
};

export function decodeReadBitsRequest(
  kind: ReadBitsKind,
  b: Uint8Array,
  start: number,
  end: number,
): ReadBitsRequest | ModbusPduError {
  const refused = checkAddressQuantity(b, start, end, MODBUS_LIMITS.readBits, REQUEST_WHAT[kind]);
  if (refused !== undefined) return refused;
  return { kind, pduType: 'request', address: u16(b, start + 1), quantity: u16(b, start + 3) };
}

export function decodeReadBitsResponse(
  kind: ReadBitsKind,
  b: Uint8Array,
  start: number,
  end: number,
): ReadBitsResponse | ModbusPduError {
  // function code (1), byte count N (1), N status bytes; N = ceil(quantity / 8) <= 250
  const short = minLength(b, start, end, 2, RESPONSE_WHAT[kind]);
  if (short !== undefined) return short;
  const byteCount = u8(b, start + 1);
  if (byteCount !== end - start - 2 || byteCount === 0 || byteCount > 250) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `${kind} response says ${byteCount} status bytes and carries ${end - start - 2} (1..250 allowed)`,
      1,
      u8(b, start),
    );
  }
  return { kind, pduType: 'response', values: readBits(b, start + 2, byteCount * 8) };
}

export function encodeReadBitsRequest(code: number, pdu: ReadBitsRequest, w: PduWriter): void {
  w.u8(code, 'function code');
  w.u16(pdu.address, 'address');
  w.u16(pdu.quantity, 'quantity');
}

export function encodeReadBitsResponse(code: number, pdu: ReadBitsResponse, w: PduWriter): void {
  w.u8(code, 'function code');
  w.u8((pdu.values.length + 7) >> 3, 'byte count');
  w.bits(pdu.values);
}
