// Write Multiple Registers (FC 16): the request carries the values, the response echoes the
// address and quantity (Modbus Application Protocol v1.1b3, 6.12).
import type { ModbusPduError } from '../errors.js';
import { MODBUS_LIMITS } from '../limits.js';
import {
  exactLength,
  minLength,
  readRegisters,
  refuse,
  u16,
  u8,
  type PduWriter,
} from '../bytes.js';

export interface WriteMultipleRegistersRequest {
  kind: 'write_multiple_registers';
  pduType: 'request';
  address: number;
  /** The register values: the quantity on the wire is `values.length`, 1 to 123. */
  values: number[];
}

export interface WriteMultipleRegistersResponse {
  kind: 'write_multiple_registers';
  pduType: 'response';
  address: number;
  quantity: number;
}

export function decodeWriteMultipleRegistersRequest(
  b: Uint8Array,
  start: number,
  end: number,
): WriteMultipleRegistersRequest | ModbusPduError {
  // function code (1), starting address (2), quantity (2), byte count 2 × N (1), N registers
  const short = minLength(b, start, end, 6, 'write_multiple_registers request');
  if (short !== undefined) return short;
  const address = u16(b, start + 1);
  const quantity = u16(b, start + 3);
  const byteCount = u8(b, start + 5);
  if (quantity < 1 || quantity > MODBUS_LIMITS.writeRegisters) {
    return refuse(
      'OTS_MODBUS_BAD_QUANTITY',
      `write_multiple_registers request writes ${quantity} registers, the allowed range is 1..123`,
      3,
      16,
    );
  }
  if (byteCount !== 2 * quantity || byteCount !== end - start - 6) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `write_multiple_registers request of ${quantity} registers says ${byteCount} bytes and carries ${end - start - 6}; it needs ${2 * quantity}`,
      5,
      16,
    );
  }
  if (address + quantity > MODBUS_LIMITS.addressSpace) {
    return refuse(
      'OTS_MODBUS_ADDRESS_OVERFLOW',
      `write_multiple_registers request writes ${quantity} registers from address ${address}, past address 65535`,
      1,
      16,
      2,
    );
  }
  return {
    kind: 'write_multiple_registers',
    pduType: 'request',
    address,
    values: readRegisters(b, start + 6, quantity),
  };
}

export function decodeWriteMultipleRegistersResponse(
  b: Uint8Array,
  start: number,
  end: number,
): WriteMultipleRegistersResponse | ModbusPduError {
  // function code (1), starting address (2), quantity of registers (2)
  return (
    exactLength(b, start, end, 5, 'write_multiple_registers response') ?? {
      kind: 'write_multiple_registers',
      pduType: 'response',
      address: u16(b, start + 1),
      quantity: u16(b, start + 3),
    }
  );
}

export function encodeWriteMultipleRegistersRequest(
  pdu: WriteMultipleRegistersRequest,
  w: PduWriter,
): void {
  w.u8(16, 'function code');
  w.u16(pdu.address, 'address');
  w.u16(pdu.values.length, 'quantity');
  w.u8(2 * pdu.values.length, 'byte count');
  w.registers(pdu.values, 'register value');
}

export function encodeWriteMultipleRegistersResponse(
  pdu: WriteMultipleRegistersResponse,
  w: PduWriter,
): void {
  w.u8(16, 'function code');
  w.u16(pdu.address, 'address');
  w.u16(pdu.quantity, 'quantity');
}
