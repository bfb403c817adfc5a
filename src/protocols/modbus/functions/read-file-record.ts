// Read File Record (FC 20): groups of registers read from files of records (Modbus Application
// Protocol v1.1b3, 6.14).
import type { ModbusPduError } from '../errors.js';
import {
  MAX_PDU_LENGTH,
  minLength,
  readRegisters,
  refuse,
  u16,
  u8,
  type PduWriter,
} from '../bytes.js';
import { checkFileAddress } from './file-record.js';

export interface FileRecordReference {
  /** 6 in every valid request. */
  referenceType: number;
  fileNumber: number;
  recordNumber: number;
  /** Registers to read, from `recordNumber`. */
  recordLength: number;
}

export interface ReadFileRecordRequest {
  kind: 'read_file_record';
  pduType: 'request';
  subRequests: FileRecordReference[];
}

export interface FileRecordData {
  referenceType: number;
  values: number[];
}

export interface ReadFileRecordResponse {
  kind: 'read_file_record';
  pduType: 'response';
  /** One per sub-request, in order. */
  subResponses: FileRecordData[];
}

export function decodeReadFileRecordRequest(
  b: Uint8Array,
  start: number,
  end: number,
): ReadFileRecordRequest | ModbusPduError {
  // function code (1), byte count 0x07..0xF5 (1), then 7 bytes per sub-request: reference type
  // (1), file number (2), record number (2), record length (2)
  const short = minLength(b, start, end, 2, 'read_file_record request');
  if (short !== undefined) return short;
  const byteCount = u8(b, start + 1);
  if (
    byteCount !== end - start - 2 ||
    byteCount < 0x07 ||
    byteCount > 0xf5 ||
    byteCount % 7 !== 0
  ) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `read_file_record request says ${byteCount} bytes and carries ${end - start - 2} (a multiple of 7 in 7..245)`,
      1,
      20,
    );
  }
  const subRequests: FileRecordReference[] = [];
  // The response must fit a PDU: 2 bytes, then per group a length, a type and the registers.
  let responseLength = 2;
  for (let at = start + 2, index = 0; at < end; at += 7, index++) {
    const sub = {
      referenceType: u8(b, at),
      fileNumber: u16(b, at + 1),
      recordNumber: u16(b, at + 3),
      recordLength: u16(b, at + 5),
    };
    const bad = checkFileAddress(
      20,
      index,
      at - start,
      sub.referenceType,
      sub.fileNumber,
      sub.recordNumber,
      sub.recordLength,
    );
    if (bad !== undefined) return bad;
    responseLength += 2 + 2 * sub.recordLength;
    subRequests.push(sub);
  }
  if (responseLength > MAX_PDU_LENGTH) {
    return refuse(
      'OTS_MODBUS_BAD_QUANTITY',
      `read_file_record request asks for a ${responseLength}-byte response, a PDU holds 253`,
      2,
      20,
    );
  }
  return { kind: 'read_file_record', pduType: 'request', subRequests };
}

export function decodeReadFileRecordResponse(
  b: Uint8Array,
  start: number,
  end: number,
): ReadFileRecordResponse | ModbusPduError {
  // function code (1), response data length (1), then per group: file response length N (1),
  // reference type (1), N - 1 bytes of registers
  const short = minLength(b, start, end, 2, 'read_file_record response');
  if (short !== undefined) return short;
  const dataLength = u8(b, start + 1);
  if (dataLength !== end - start - 2) {
    return refuse(
      'OTS_MODBUS_BAD_BYTE_COUNT',
      `read_file_record response says ${dataLength} bytes and carries ${end - start - 2}`,
      1,
      20,
    );
  }
  const subResponses: FileRecordData[] = [];
  for (let at = start + 2; at < end;) {
    const length = u8(b, at);
    if (length < 1 || length % 2 === 0 || at + 1 + length > end) {
      return refuse(
        'OTS_MODBUS_BAD_BYTE_COUNT',
        `read_file_record response group at byte ${at - start} says ${length} bytes (odd, and within the PDU)`,
        at - start,
        20,
      );
    }
    subResponses.push({
      referenceType: u8(b, at + 1),
      values: readRegisters(b, at + 2, (length - 1) >> 1),
    });
    at += 1 + length;
  }
  return { kind: 'read_file_record', pduType: 'response', subResponses };
}

export function encodeReadFileRecordRequest(pdu: ReadFileRecordRequest, w: PduWriter): void {
  w.u8(20, 'function code');
  w.u8(7 * pdu.subRequests.length, 'byte count');
  for (const sub of pdu.subRequests) {
    w.u8(sub.referenceType, 'reference type');
    w.u16(sub.fileNumber, 'file number');
    w.u16(sub.recordNumber, 'record number');
    w.u16(sub.recordLength, 'record length');
  }
}

export function encodeReadFileRecordResponse(pdu: ReadFileRecordResponse, w: PduWriter): void {
  w.u8(20, 'function code');
  let dataLength = 0;
  for (const sub of pdu.subResponses) dataLength += 2 + 2 * sub.values.length;
  w.u8(dataLength, 'response data length');
  for (const sub of pdu.subResponses) {
    w.u8(1 + 2 * sub.values.length, 'file response length');
    w.u8(sub.referenceType, 'reference type');
    w.registers(sub.values, 'record data');
  }
}
