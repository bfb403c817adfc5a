// SZL 0x0011 / 0x0111 records, module identification (Siemens SZL-ID W#16#xy11): 28 bytes of
// index, order number (MlfB), module type id and two version words. nmap's s7-info reads the
// order number of index 1 and 6 and the firmware from index 7 ('V' then major, minor, patch).
import type { ByteWriter } from '../../bytes.js';
import { fixedText, latin1, u16 } from '../../bytes.js';

export const MODULE_IDENTIFICATION_RECORD_LENGTH = 28;

/** Record indexes: 1 module, 6 basic hardware, 7 basic firmware, 0x81 boot loader ... */
export const MODULE_IDENTIFICATION_INDEX = {
  module: 0x0001,
  basicHardware: 0x0006,
  basicFirmware: 0x0007,
  bootLoader: 0x0081,
} as const;

export interface ModuleIdentification {
  kind: 'module_identification';
  index: number;
  /** MlfB, the order number: 20 characters as sent, padding included ('6ES7 214-1AG31-0XB0 '). */
  orderNumber: string;
  /** BGTyp, module type id. */
  moduleTypeId: number;
  /** Ausbg: version of the module; for index 7 'V' (0x56) and the major firmware version. */
  ausbg: number;
  /** Ausbe: release of the PG description file; for index 7 minor and patch versions. */
  ausbe: number;
  /** Decoder: 'V3.0.2' when ausbg starts with a letter (index 7 firmware, 0x81 boot loader). */
  version?: string;
}

export function decodeModuleIdentification(
  bytes: Uint8Array,
  offset: number,
): ModuleIdentification {
  // index (2), MlfB (20 chars), BGTyp (2), Ausbg (2), Ausbe (2).
  const ausbg = u16(bytes, offset + 24);
  const ausbe = u16(bytes, offset + 26);
  const record: ModuleIdentification = {
    kind: 'module_identification',
    index: u16(bytes, offset),
    orderNumber: latin1(bytes, offset + 2, offset + 22),
    moduleTypeId: u16(bytes, offset + 22),
    ausbg,
    ausbe,
  };
  const letter = ausbg >> 8;
  if (letter >= 0x41 && letter <= 0x5a) {
    record.version = `${String.fromCharCode(letter)}${ausbg & 0xff}.${ausbe >> 8}.${ausbe & 0xff}`;
  }
  return record;
}

export function writeModuleIdentification(w: ByteWriter, record: ModuleIdentification): void {
  w.u16(record.index).bytes(fixedText(record.orderNumber, 20, 0x20));
  w.u16(record.moduleTypeId).u16(record.ausbg).u16(record.ausbe);
}

/**
 * The records a CPU answers to SZL 0x0011: module (index 1), basic hardware (6) and basic
 * firmware (7, 'V' + version), and a boot loader (0x81) when given. Defaults follow the
 * S7-300 of the ITI capture (module type id 0x00C0, hardware version word 0x0003 0x0001).
 */
export function moduleIdentificationRecords(options: {
  orderNumber: string;
  firmware: readonly [number, number, number];
  moduleTypeId?: number;
  hardwareAusbg?: number;
  hardwareAusbe?: number;
  bootLoader?: readonly [number, number, number];
}): ModuleIdentification[] {
  const typeId = options.moduleTypeId ?? 0x00c0;
  const ausbg = options.hardwareAusbg ?? 0x0003;
  const ausbe = options.hardwareAusbe ?? 0x0001;
  const [major, minor, patch] = options.firmware;
  const records: ModuleIdentification[] = [
    {
      kind: 'module_identification',
      index: 0x0001,
      orderNumber: options.orderNumber,
      moduleTypeId: typeId,
      ausbg,
      ausbe,
    },
    {
      kind: 'module_identification',
      index: 0x0006,
      orderNumber: options.orderNumber,
      moduleTypeId: typeId,
      ausbg,
      ausbe,
    },
    {
      kind: 'module_identification',
      index: 0x0007,
      orderNumber: '',
      moduleTypeId: typeId,
      ausbg: (0x56 << 8) | (major & 0xff),
      ausbe: ((minor & 0xff) << 8) | (patch & 0xff),
    },
  ];
  if (options.bootLoader) {
    const [bMajor, bMinor, bPatch] = options.bootLoader;
    records.push({
      kind: 'module_identification',
      index: 0x0081,
      orderNumber: 'Boot Loader',
      moduleTypeId: 0x0000,
      ausbg: (0x41 << 8) | (bMajor & 0xff),
      ausbe: ((bMinor & 0xff) << 8) | (bPatch & 0xff),
    });
  }
  return records;
}
