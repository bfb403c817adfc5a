// Write Single Coil (FC 5): the request and its echo share one layout (Modbus Application
// Protocol v1.1b3, 6.5).
import type { ModbusPduError } from '../errors.js';
import { exactLength, refuse, u16, u8, type PduWriter } from '../bytes.js';

export interface WriteSingleCoil {
  kind: 'write_single_coil';
  /** The response echoes the request. */
  pduType: 'request' | 'response';
  address: number;
  /** ON is 0xFF00 on the wire, OFF is 0x0000; any other value is refused. */
  value: boolean;
}

const ON = 0xff00;
const OFF = 0x0000;

export function decodeWriteSingleCoil(
  pduType: 'request' | 'response',
  b: Uint8Array,
  start: number,
  end: number,
): WriteSingleCoil | ModbusPduError {
  // function code (1), output address (2), output value 0x0000 or 0xFF00 (2)
  const wrongLength = exactLength(
    b,
    start,
    end,
    5,
    pduType === 'request' ? 'write_single_coil request' : 'write_single_coil response',
  );
  if (wrongLength !== undefined) return wrongLength;
  const value = u16(b, start + 3);
  if (value !== ON && value !== OFF) {
    return refuse(
      'OTS_MODBUS_BAD_VALUE',
      `write_single_coil ${pduType} has output value 0x${value.toString(16).padStart(4, '0')}, only 0x0000 and 0xFF00 are allowed`,
      3,
      u8(b, start),
    );
  }
  return { kind: 'write_single_coil', pduType, address: u16(b, start + 1), value: value === ON };
}

export function encodeWriteSingleCoil(pdu: WriteSingleCoil, w: PduWriter): void {
  w.u8(5, 'function code');
  w.u16(pdu.address, 'address');
  w.u16(pdu.value ? ON : OFF, 'output value');
}
