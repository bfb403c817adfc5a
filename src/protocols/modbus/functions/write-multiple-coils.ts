// Write Multiple Coils (FC 15): the request carries packed coil values, the response echoes the
// address and quantity (Modbus Application Protocol v1.1b3, 6.11).
import type { ModbusPduError } from '../errors.js';
import { MODBUS_LIMITS } from '../limits.js';
import { exactLength, minLength, readBits, refuse, u16, u8, type PduWriter } from '../bytes.js';

export interface WriteMultipleCoilsRequest {
  kind: 'write_multiple_coils';
  pduType: 'request';
  address: number;
  /** One value per coil: the quantity on the wire is `values.length`, 1 to 1968. The unused
   * bits of the last byte are not kept (the specification has them zero). */
  values: boolean[];
}

export interface WriteMultipleCoilsResponse {
  kind: 'write_multiple_coils';
  pduType: 'response';
  address: number;
  quantity: number;
}

export function decodeWriteMultipleCoilsRequest(
  b: Uint8Array,
  start: number,
  end: number,
): WriteMultipleCoilsRequest | ModbusPduError {
  // function code (1), starting address (2), quantity (2), byte count N (1), N bytes of values
  const short = minLength(b, start, end, 6, 'write_multiple_coils request');
  if (short !== undefined) return short;
  const address = u16(b, start + 1);
  const quantity = u16(b, start + 3);
  const byteCount = u8(b, start + 5);
  // Quantity and byte count are checked together, both give exception 3 (6.11, state diagram).
  if (quantity < 1 || quantity > MODBUS_LIMITS.writeCoils) {
    return refuse(
      'OTS_MODBUS_BAD_QUANTITY',
      `write_multiple_coils request writes ${quantity} coils, the allowed range is 1..1968`,
      3,
      15,
    );
  }
  if (byteCount !== (quantity + 7) >> 3 || byteCount !== end - start - 6) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `write_multiple_coils request of ${quantity} coils says ${byteCount} bytes and carries ${end - start - 6}; it needs ${(quantity + 7) >> 3}`,
      5,
      15,
    );
  }
  if (address + quantity > MODBUS_LIMITS.addressSpace) {
    return refuse(
      'OTS_MODBUS_ADDRESS_OVERFLOW',
      `write_multiple_coils request writes ${quantity} coils from address ${address}, past address 65535`,
      1,
      15,
      2,
    );
  }
  return {
    kind: 'write_multiple_coils',
    pduType: 'request',
    address,
    values: readBits(b, start + 6, quantity),
  };
}

export function decodeWriteMultipleCoilsResponse(
  b: Uint8Array,
  start: number,
  end: number,
): WriteMultipleCoilsResponse | ModbusPduError {
  // function code (1), starting address (2), quantity of outputs (2)
  return (
    exactLength(b, start, end, 5, 'write_multiple_coils response') ?? {
      kind: 'write_multiple_coils',
      pduType: 'response',
      address: u16(b, start + 1),
      quantity: u16(b, start + 3),
    }
  );
}

export function encodeWriteMultipleCoilsRequest(
  pdu: WriteMultipleCoilsRequest,
  w: PduWriter,
): void {
  w.u8(15, 'function code');
  w.u16(pdu.address, 'address');
  w.u16(pdu.values.length, 'quantity');
  w.u8((pdu.values.length + 7) >> 3, 'byte count');
  w.bits(pdu.values);
}

export function encodeWriteMultipleCoilsResponse(
  pdu: WriteMultipleCoilsResponse,
  w: PduWriter,
): void {
  w.u8(15, 'function code');
  w.u16(pdu.address, 'address');
  w.u16(pdu.quantity, 'quantity');
}
