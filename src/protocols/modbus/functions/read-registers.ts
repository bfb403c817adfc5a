// Read Holding Registers (FC 3) and Read Input Registers (FC 4): two tables, one layout (Modbus
// Application Protocol v1.1b3, 6.3 and 6.4), so one file decodes and encodes both.
import { ModbusPduError } from '../errors.js';
import { MODBUS_LIMITS } from '../limits.js';
import { minLength, readRegisters, refuse, u16, u8, type PduWriter } from '../bytes.js';
import { checkAddressQuantity } from './read-bits.js';

export type ReadRegistersKind = 'read_holding_registers' | 'read_input_registers';

export interface ReadRegistersRequest {
  kind: ReadRegistersKind;
  pduType: 'request';
  address: number;
  /** Quantity of registers, 1 to 125. */
  quantity: number;
}

export interface ReadRegistersResponse {
  kind: ReadRegistersKind;
  pduType: 'response';
  /** Register values, 0-65535 each. */
  values: number[];
}

// The labels errors start with, built once: a template per PDU would allocate a string on the hot
// path for a message that is almost never needed.
const REQUEST_WHAT: Readonly<Record<ReadRegistersKind, string>> = {
  read_holding_registers: 'read_holding_registers request',
  read_input_registers: 'read_input_registers request',
};
const RESPONSE_WHAT: Readonly<Record<ReadRegistersKind, string>> = {
  read_holding_registers: 'read_holding_registers response',
  read_input_registers: 'read_input_registers response',
};

export function decodeReadRegistersRequest(
  kind: ReadRegistersKind,
  b: Uint8Array,
  start: number,
  end: number,
): ReadRegistersRequest | ModbusPduError {
  const refused = checkAddressQuantity(
    b,
    start,
    end,
    MODBUS_LIMITS.readRegisters,
    REQUEST_WHAT[kind],
  );
  if (refused !== undefined) return refused;
  return { kind, pduType: 'request', address: u16(b, start + 1), quantity: u16(b, start + 3) };
}

/** A byte count followed by that many bytes of registers: FC 3, 4 and 23 answer this way. */
export function decodeRegisterList(
  b: Uint8Array,
  start: number,
  end: number,
  what: string,
): number[] | ModbusPduError {
  // function code (1), byte count 2 × N (1), N registers; N <= 125 (v1.1b3, 6.3)
  const short = minLength(b, start, end, 2, what);
  if (short !== undefined) return short;
  const byteCount = u8(b, start + 1);
  if (
    byteCount !== end - start - 2 ||
    byteCount === 0 ||
    byteCount % 2 !== 0 ||
    byteCount > 2 * MODBUS_LIMITS.readRegisters
  ) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `${what} says ${byteCount} bytes of registers and carries ${end - start - 2} (an even 2..250)`,
      1,
      u8(b, start),
    );
  }
  return readRegisters(b, start + 2, byteCount >> 1);
}

export function decodeReadRegistersResponse(
  kind: ReadRegistersKind,
  b: Uint8Array,
  start: number,
  end: number,
): ReadRegistersResponse | ModbusPduError {
  const values = decodeRegisterList(b, start, end, RESPONSE_WHAT[kind]);
  if (values instanceof ModbusPduError) return values;
  return { kind, pduType: 'response', values };
}

export function encodeReadRegistersRequest(
  code: number,
  pdu: ReadRegistersRequest,
  w: PduWriter,
): void {
  w.u8(code, 'function code');
  w.u16(pdu.address, 'address');
  w.u16(pdu.quantity, 'quantity');
}

export function encodeRegisterList(code: number, values: readonly number[], w: PduWriter): void {
  w.u8(code, 'function code');
  w.u8(values.length * 2, 'byte count');
  w.registers(values, 'register value');
}

export function encodeReadRegistersResponse(
  code: number,
  pdu: ReadRegistersResponse,
  w: PduWriter,
): void {
  encodeRegisterList(code, pdu.values, w);
}
