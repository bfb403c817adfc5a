// Mask Write Register (FC 22): result = (current AND and_mask) OR (or_mask AND NOT and_mask);
// the response echoes the request (Modbus Application Protocol v1.1b3, 6.16).
import type { ModbusPduError } from '../errors.js';
import { exactLength, u16, type PduWriter } from '../bytes.js';

export interface MaskWriteRegister {
  kind: 'mask_write_register';
  pduType: 'request' | 'response';
  address: number;
  andMask: number;
  orMask: number;
}

export function decodeMaskWriteRegister(
  pduType: 'request' | 'response',
  b: Uint8Array,
  start: number,
  end: number,
): MaskWriteRegister | ModbusPduError {
  // function code (1), reference address (2), and_mask (2), or_mask (2)
  return (
    exactLength(b, start, end, 7, `mask_write_register ${pduType}`) ?? {
      kind: 'mask_write_register',
      pduType,
      address: u16(b, start + 1),
      andMask: u16(b, start + 3),
      orMask: u16(b, start + 5),
    }
  );
}

export function encodeMaskWriteRegister(pdu: MaskWriteRegister, w: PduWriter): void {
  w.u8(22, 'function code');
  w.u16(pdu.address, 'address');
  w.u16(pdu.andMask, 'and mask');
  w.u16(pdu.orMask, 'or mask');
}
