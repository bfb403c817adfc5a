// Write Single Register (FC 6): the request and its echo share one layout (Modbus Application
// Protocol v1.1b3, 6.6).
import type { ModbusPduError } from '../errors.js';
import { exactLength, u16, type PduWriter } from '../bytes.js';

export interface WriteSingleRegister {
  kind: 'write_single_register';
  /** The response echoes the request. */
  pduType: 'request' | 'response';
  address: number;
  value: number;
}

export function decodeWriteSingleRegister(
  pduType: 'request' | 'response',
  b: Uint8Array,
  start: number,
  end: number,
): WriteSingleRegister | ModbusPduError {
  // function code (1), register address (2), register value (2)
  const wrongLength = exactLength(
    b,
    start,
    end,
    5,
    pduType === 'request' ? 'write_single_register request' : 'write_single_register response',
  );
  if (wrongLength !== undefined) return wrongLength;
  return {
    kind: 'write_single_register',
    pduType,
    address: u16(b, start + 1),
    value: u16(b, start + 3),
  };
}

export function encodeWriteSingleRegister(pdu: WriteSingleRegister, w: PduWriter): void {
  w.u8(6, 'function code');
  w.u16(pdu.address, 'address');
  w.u16(pdu.value, 'register value');
}
