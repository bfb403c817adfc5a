// SZL 0x001C / 0x011C records, component identification (Siemens SZL-ID W#16#xy1C): 34 bytes of
// index and a 32-byte field, text padded with NULs for most indexes (system name, module name,
// plant id, copyright, serial number, module type), binary for the OEM ids (index 9 to 11).
import type { ByteWriter } from '../../bytes.js';
import { fixedText, paddedText, u16 } from '../../bytes.js';

export const COMPONENT_IDENTIFICATION_RECORD_LENGTH = 34;

/** Record indexes of SZL 0x001C, in the order nmap's s7-info reads 1 to 5. */
export const COMPONENT_INDEX = {
  systemName: 0x0001,
  moduleName: 0x0002,
  plantIdentification: 0x0003,
  copyright: 0x0004,
  serialNumber: 0x0005,
  moduleTypeName: 0x0007,
  memoryCardSerialNumber: 0x0008,
  manufacturerAndProfile: 0x0009,
  oemId: 0x000a,
  locationDesignation: 0x000b,
} as const;

export interface ComponentIdentification {
  kind: 'component_identification';
  index: number;
  /** The 32 bytes after the index, as sent; the encoder writes these. */
  data: Uint8Array;
  /** Decoder: the text up to the first NUL, trailing spaces removed. */
  text?: string;
}

export function decodeComponentIdentification(
  bytes: Uint8Array,
  offset: number,
): ComponentIdentification {
  const data = bytes.subarray(offset + 2, offset + 34);
  return {
    kind: 'component_identification',
    index: u16(bytes, offset),
    data,
    text: paddedText(data),
  };
}

export function writeComponentIdentification(w: ByteWriter, record: ComponentIdentification): void {
  w.u16(record.index);
  const data = record.data.length >= 32 ? record.data.subarray(0, 32) : record.data;
  w.bytes(data);
  for (let n = data.length; n < 32; n++) w.u8(0);
}

/** One text record, NUL-padded to 32 bytes as CPUs send it. */
export function componentRecord(index: number, text: string): ComponentIdentification {
  return { kind: 'component_identification', index, data: fixedText(text, 32, 0x00) };
}

/**
 * The text records of SZL 0x001C in index order: system name (1), module name (2), plant id (3),
 * copyright (4), serial number (5), then the module type name (7) when given. nmap's s7-info
 * reads records 1 to 5 at fixed offsets, so all five are always present, empty ones included.
 */
export function componentIdentificationRecords(options: {
  systemName: string;
  moduleName: string;
  plantIdentification?: string;
  copyright?: string;
  serialNumber: string;
  moduleTypeName?: string;
}): ComponentIdentification[] {
  const records = [
    componentRecord(COMPONENT_INDEX.systemName, options.systemName),
    componentRecord(COMPONENT_INDEX.moduleName, options.moduleName),
    componentRecord(COMPONENT_INDEX.plantIdentification, options.plantIdentification ?? ''),
    componentRecord(COMPONENT_INDEX.copyright, options.copyright ?? 'Original Siemens Equipment'),
    componentRecord(COMPONENT_INDEX.serialNumber, options.serialNumber),
  ];
  if (options.moduleTypeName !== undefined) {
    records.push(componentRecord(COMPONENT_INDEX.moduleTypeName, options.moduleTypeName));
  }
  return records;
}
