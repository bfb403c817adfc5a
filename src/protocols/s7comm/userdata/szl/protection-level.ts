// SZL 0x0232 (and 0x0132) index 4 record, protection status (Siemens SZL-ID W#16#0232 index
// W#16#0004): the key switch protection level, the assigned and the effective protection level,
// and the positions of the mode selector and the startup switch.
import type { ByteWriter } from '../../bytes.js';
import { u16 } from '../../bytes.js';
import { modeSwitchName } from '../../names.js';

export const PROTECTION_LEVEL_RECORD_LENGTH = 40;

export interface ProtectionLevel {
  kind: 'protection_level';
  /** 0x0004. */
  index: number;
  /** key: protection level set by the key switch (1, 2 or 3). */
  keySwitchLevel: number;
  /** param: assigned protection level (0 none, 1 to 3). */
  assignedLevel: number;
  /** real: valid protection level of the CPU (1 to 3). */
  effectiveLevel: number;
  /** bart_sch: mode selector, 1 RUN, 2 RUN-P, 3 STOP, 4 MRES, 0 undefined. */
  modeSwitch: number;
  /** crst_wrst: startup switch, 1 CRST, 2 WRST, 0 none. */
  startupSwitch: number;
  /** res: 28 reserved bytes, as sent. */
  reserved: Uint8Array;
  /** Decoder: modeSwitchName(modeSwitch). */
  modeSwitchName?: string;
}

export function decodeProtectionLevel(bytes: Uint8Array, offset: number): ProtectionLevel {
  // index (2), key (2), param (2), real (2), bart_sch (2), crst_wrst (2), res (28).
  const modeSwitch = u16(bytes, offset + 8);
  return {
    kind: 'protection_level',
    index: u16(bytes, offset),
    keySwitchLevel: u16(bytes, offset + 2),
    assignedLevel: u16(bytes, offset + 4),
    effectiveLevel: u16(bytes, offset + 6),
    modeSwitch,
    startupSwitch: u16(bytes, offset + 10),
    reserved: bytes.subarray(offset + 12, offset + 40),
    modeSwitchName: modeSwitchName(modeSwitch),
  };
}

export function writeProtectionLevel(w: ByteWriter, record: ProtectionLevel): void {
  w.u16(record.index).u16(record.keySwitchLevel).u16(record.assignedLevel);
  w.u16(record.effectiveLevel).u16(record.modeSwitch).u16(record.startupSwitch);
  const reserved = record.reserved.subarray(0, 28);
  w.bytes(reserved);
  for (let n = reserved.length; n < 28; n++) w.u8(0);
}

/** A protection record: level 1 (no protection) and the selector in RUN-P unless told otherwise. */
export function protectionLevelRecord(
  options: {
    keySwitchLevel?: number;
    assignedLevel?: number;
    effectiveLevel?: number;
    modeSwitch?: number;
    startupSwitch?: number;
  } = {},
): ProtectionLevel {
  return {
    kind: 'protection_level',
    index: 0x0004,
    keySwitchLevel: options.keySwitchLevel ?? 1,
    assignedLevel: options.assignedLevel ?? 0,
    effectiveLevel: options.effectiveLevel ?? 1,
    modeSwitch: options.modeSwitch ?? 2,
    startupSwitch: options.startupSwitch ?? 0,
    reserved: new Uint8Array(28),
  };
}
