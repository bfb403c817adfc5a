// Read FIFO Queue (FC 24): the count and contents of a queue of up to 31 registers (Modbus
// Application Protocol v1.1b3, 6.18).
import type { ModbusPduError } from '../errors.js';
import { MODBUS_LIMITS } from '../limits.js';
import { exactLength, minLength, readRegisters, refuse, u16, type PduWriter } from '../bytes.js';

export interface ReadFifoQueueRequest {
  kind: 'read_fifo_queue';
  pduType: 'request';
  /** The FIFO pointer address. */
  address: number;
}

export interface ReadFifoQueueResponse {
  kind: 'read_fifo_queue';
  pduType: 'response';
  /** The queued registers, 0 to 31 of them. */
  values: number[];
}

export function decodeReadFifoQueueRequest(
  b: Uint8Array,
  start: number,
  end: number,
): ReadFifoQueueRequest | ModbusPduError {
  // function code (1), FIFO pointer address (2)
  return (
    exactLength(b, start, end, 3, 'read_fifo_queue request') ?? {
      kind: 'read_fifo_queue',
      pduType: 'request',
      address: u16(b, start + 1),
    }
  );
}

export function decodeReadFifoQueueResponse(
  b: Uint8Array,
  start: number,
  end: number,
): ReadFifoQueueResponse | ModbusPduError {
  // function code (1), byte count (2, counts the FIFO count and the values), FIFO count N (2),
  // N registers; N <= 31
  const short = minLength(b, start, end, 5, 'read_fifo_queue response');
  if (short !== undefined) return short;
  const byteCount = u16(b, start + 1);
  const fifoCount = u16(b, start + 3);
  if (fifoCount > MODBUS_LIMITS.fifoCount) {
    return refuse(
      'OTS_MODBUS_BAD_QUANTITY',
      `read_fifo_queue response holds ${fifoCount} registers, a queue holds at most 31`,
      3,
      24,
    );
  }
  if (byteCount !== 2 + 2 * fifoCount || byteCount !== end - start - 3) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `read_fifo_queue response of ${fifoCount} registers says ${byteCount} bytes and carries ${end - start - 3}; it needs ${2 + 2 * fifoCount}`,
      1,
      24,
    );
  }
  return {
    kind: 'read_fifo_queue',
    pduType: 'response',
    values: readRegisters(b, start + 5, fifoCount),
  };
}

export function encodeReadFifoQueueRequest(pdu: ReadFifoQueueRequest, w: PduWriter): void {
  w.u8(24, 'function code');
  w.u16(pdu.address, 'FIFO pointer address');
}

export function encodeReadFifoQueueResponse(pdu: ReadFifoQueueResponse, w: PduWriter): void {
  w.u8(24, 'function code');
  w.u16(2 + 2 * pdu.values.length, 'byte count');
  w.u16(pdu.values.length, 'FIFO count');
  w.registers(pdu.values, 'FIFO value');
}
