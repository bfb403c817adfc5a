// Read/Write Multiple Registers (FC 23): one write then one read in a single transaction (Modbus
// Application Protocol v1.1b3, 6.17).
import { ModbusPduError } from '../errors.js';
import { MODBUS_LIMITS } from '../limits.js';
import { minLength, readRegisters, refuse, u16, u8, type PduWriter } from '../bytes.js';
import { decodeRegisterList, encodeRegisterList } from './read-registers.js';

export interface ReadWriteMultipleRegistersRequest {
  kind: 'read_write_multiple_registers';
  pduType: 'request';
  readAddress: number;
  /** Registers to read, 1 to 125. */
  readQuantity: number;
  writeAddress: number;
  /** Registers to write: the write quantity on the wire is `values.length`, 1 to 121. */
  values: number[];
}

export interface ReadWriteMultipleRegistersResponse {
  kind: 'read_write_multiple_registers';
  pduType: 'response';
  /** The registers read. */
  values: number[];
}

export function decodeReadWriteMultipleRegistersRequest(
  b: Uint8Array,
  start: number,
  end: number,
): ReadWriteMultipleRegistersRequest | ModbusPduError {
  // function code (1), read starting address (2), quantity to read (2), write starting address
  // (2), quantity to write (2), write byte count 2 × N (1), N registers
  const short = minLength(b, start, end, 10, 'read_write_multiple_registers request');
  if (short !== undefined) return short;
  const readAddress = u16(b, start + 1);
  const readQuantity = u16(b, start + 3);
  const writeAddress = u16(b, start + 5);
  const writeQuantity = u16(b, start + 7);
  const byteCount = u8(b, start + 9);
  if (readQuantity < 1 || readQuantity > MODBUS_LIMITS.readWriteRead) {
    return refuse(
      'OTS_MODBUS_BAD_QUANTITY',
      `read_write_multiple_registers request reads ${readQuantity} registers, the allowed range is 1..125`,
      3,
      23,
    );
  }
  if (writeQuantity < 1 || writeQuantity > MODBUS_LIMITS.readWriteWrite) {
    return refuse(
      'OTS_MODBUS_BAD_QUANTITY',
      `read_write_multiple_registers request writes ${writeQuantity} registers, the allowed range is 1..121`,
      7,
      23,
    );
  }
  if (byteCount !== 2 * writeQuantity || byteCount !== end - start - 10) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `read_write_multiple_registers request writing ${writeQuantity} registers says ${byteCount} bytes and carries ${end - start - 10}; it needs ${2 * writeQuantity}`,
      9,
      23,
    );
  }
  if (readAddress + readQuantity > MODBUS_LIMITS.addressSpace) {
    return refuse(
      'OTS_MODBUS_ADDRESS_OVERFLOW',
      `read_write_multiple_registers request reads ${readQuantity} registers from address ${readAddress}, past address 65535`,
      1,
      23,
      2,
    );
  }
  if (writeAddress + writeQuantity > MODBUS_LIMITS.addressSpace) {
    return refuse(
      'OTS_MODBUS_ADDRESS_OVERFLOW',
      `read_write_multiple_registers request writes ${writeQuantity} registers from address ${writeAddress}, past address 65535`,
      5,
      23,
      2,
    );
  }
  return {
    kind: 'read_write_multiple_registers',
    pduType: 'request',
    readAddress,
    readQuantity,
    writeAddress,
    values: readRegisters(b, start + 10, writeQuantity),
  };
}

export function decodeReadWriteMultipleRegistersResponse(
  b: Uint8Array,
  start: number,
  end: number,
): ReadWriteMultipleRegistersResponse | ModbusPduError {
  // function code (1), byte count 2 × N (1), N registers read (6.17)
  const values = decodeRegisterList(b, start, end, 'read_write_multiple_registers response');
  if (values instanceof ModbusPduError) return values;
  return { kind: 'read_write_multiple_registers', pduType: 'response', values };
}

export function encodeReadWriteMultipleRegistersRequest(
  pdu: ReadWriteMultipleRegistersRequest,
  w: PduWriter,
): void {
  w.u8(23, 'function code');
  w.u16(pdu.readAddress, 'read address');
  w.u16(pdu.readQuantity, 'read quantity');
  w.u16(pdu.writeAddress, 'write address');
  w.u16(pdu.values.length, 'write quantity');
  w.u8(2 * pdu.values.length, 'write byte count');
  w.registers(pdu.values, 'register value');
}

export function encodeReadWriteMultipleRegistersResponse(
  pdu: ReadWriteMultipleRegistersResponse,
  w: PduWriter,
): void {
  encodeRegisterList(23, pdu.values, w);
}
