// Write File Record (FC 21): groups of registers written into files of records; the response
// echoes the request (Modbus Application Protocol v1.1b3, 6.15).
import type { ModbusPduError } from '../errors.js';
import { minLength, readRegisters, refuse, u16, u8, type PduWriter } from '../bytes.js';
import { checkFileAddress } from './file-record.js';

export interface FileRecord {
  /** 6 in every valid request. */
  referenceType: number;
  fileNumber: number;
  recordNumber: number;
  /** The record data: the record length on the wire is `values.length`. */
  values: number[];
}

export interface WriteFileRecord {
  kind: 'write_file_record';
  /** The response echoes the request. */
  pduType: 'request' | 'response';
  subRequests: FileRecord[];
}

export function decodeWriteFileRecord(
  pduType: 'request' | 'response',
  b: Uint8Array,
  start: number,
  end: number,
): WriteFileRecord | ModbusPduError {
  // function code (1), request data length 0x09..0xFB (1), then per sub-request: reference type
  // (1), file number (2), record number (2), record length N (2), N registers
  const short = minLength(b, start, end, 2, `write_file_record ${pduType}`);
  if (short !== undefined) return short;
  const dataLength = u8(b, start + 1);
  const strict = pduType === 'request';
  if (dataLength !== end - start - 2 || (strict && (dataLength < 0x09 || dataLength > 0xfb))) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `write_file_record ${pduType} says ${dataLength} bytes and carries ${end - start - 2} (9..251)`,
      1,
      21,
    );
  }
  const subRequests: FileRecord[] = [];
  for (let at = start + 2, index = 0; at < end; index++) {
    if (end - at < 7) {
      return refuse(
        'OTS_MODBUS_BAD_BYTE_COUNT',
        `write_file_record ${pduType} sub-request ${index} is cut short`,
        at - start,
        21,
      );
    }
    const referenceType = u8(b, at);
    const fileNumber = u16(b, at + 1);
    const recordNumber = u16(b, at + 3);
    const recordLength = u16(b, at + 5);
    if (at + 7 + 2 * recordLength > end) {
      return refuse(
        'OTS_MODBUS_BAD_BYTE_COUNT',
        `write_file_record ${pduType} sub-request ${index} of ${recordLength} registers runs past the PDU`,
        at + 5 - start,
        21,
      );
    }
    if (strict) {
      const bad = checkFileAddress(
        21,
        index,
        at - start,
        referenceType,
        fileNumber,
        recordNumber,
        recordLength,
      );
      if (bad !== undefined) return bad;
    }
    subRequests.push({
      referenceType,
      fileNumber,
      recordNumber,
      values: readRegisters(b, at + 7, recordLength),
    });
    at += 7 + 2 * recordLength;
  }
  return { kind: 'write_file_record', pduType, subRequests };
}

export function encodeWriteFileRecord(pdu: WriteFileRecord, w: PduWriter): void {
  w.u8(21, 'function code');
  let dataLength = 0;
  for (const sub of pdu.subRequests) dataLength += 7 + 2 * sub.values.length;
  w.u8(dataLength, 'request data length');
  for (const sub of pdu.subRequests) {
    w.u8(sub.referenceType, 'reference type');
    w.u16(sub.fileNumber, 'file number');
    w.u16(sub.recordNumber, 'record number');
    w.u16(sub.values.length, 'record length');
    w.registers(sub.values, 'record data');
  }
}
