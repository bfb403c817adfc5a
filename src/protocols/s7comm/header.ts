// The S7 PDU header: protocol id 0x32, ROSCTR, redundancy id, PDU reference, parameter and data
// lengths, and for ack/ack-data the error class and code (12 bytes instead of 10).
import type { Decoded } from '../errors.js';
import { fail, ok } from '../errors.js';
import type { ByteWriter } from './bytes.js';
import { u16 } from './bytes.js';
import { s7Error } from './errors.js';

export const S7_PROTOCOL_ID = 0x32;
export const ROSCTR_JOB = 1;
export const ROSCTR_ACK = 2;
export const ROSCTR_ACK_DATA = 3;
export const ROSCTR_USERDATA = 7;

export interface S7Header {
  /** 1 job, 2 ack, 3 ack-data, 7 userdata. */
  rosctr: number;
  /** Reserved, 0x0000 in every capture. */
  redundancyId: number;
  /** Chosen by the requester and echoed by the responder to pair them. */
  pduReference: number;
  parameterLength: number;
  dataLength: number;
  /** Ack and ack-data only: error class (0x00 none, 0x81..0x87). */
  errorClass?: number;
  /** Ack and ack-data only: error code within the class. */
  errorCode?: number;
}

/** What the encoder needs: lengths are computed, error fields default to 0 for ack/ack-data. */
export interface S7HeaderInit {
  rosctr: number;
  redundancyId?: number;
  pduReference: number;
  errorClass?: number;
  errorCode?: number;
}

/** 12 bytes for ack (2) and ack-data (3), which carry error class and code; 10 for the others. */
export function s7HeaderLength(rosctr: number): number {
  return rosctr === ROSCTR_ACK || rosctr === ROSCTR_ACK_DATA ? 12 : 10;
}

/** Decode the header at the start of an S7 PDU; the lengths are not checked against the PDU. */
export function decodeS7Header(bytes: Uint8Array): Decoded<S7Header> {
  if (bytes.length < 2) {
    return fail(
      s7Error('OTS_S7COMM_HEADER_TRUNCATED', `${bytes.length} bytes, S7 header needs 10`, 0),
    );
  }
  if (bytes[0] !== S7_PROTOCOL_ID) {
    return fail(
      s7Error(
        'OTS_S7COMM_BAD_PROTOCOL_ID',
        `protocol id 0x${(bytes[0] ?? 0).toString(16)}, expected 0x32`,
        0,
      ),
    );
  }
  const rosctr = bytes[1] ?? 0;
  if (rosctr !== 1 && rosctr !== 2 && rosctr !== 3 && rosctr !== 7) {
    return fail(s7Error('OTS_S7COMM_BAD_ROSCTR', `ROSCTR ${rosctr} is none of 1, 2, 3, 7`, 1));
  }
  const headerLength = s7HeaderLength(rosctr);
  if (bytes.length < headerLength) {
    return fail(
      s7Error(
        'OTS_S7COMM_HEADER_TRUNCATED',
        `${bytes.length} bytes, a ROSCTR ${rosctr} header needs ${headerLength}`,
        0,
      ),
    );
  }
  const header: S7Header = {
    rosctr,
    redundancyId: u16(bytes, 2),
    pduReference: u16(bytes, 4),
    parameterLength: u16(bytes, 6),
    dataLength: u16(bytes, 8),
  };
  if (headerLength === 12) {
    header.errorClass = bytes[10] ?? 0;
    header.errorCode = bytes[11] ?? 0;
  }
  return ok(header);
}

/** Write a header with the given lengths. */
export function writeS7Header(
  w: ByteWriter,
  header: S7HeaderInit,
  parameterLength: number,
  dataLength: number,
): void {
  w.u8(S7_PROTOCOL_ID).u8(header.rosctr);
  w.u16(header.redundancyId ?? 0).u16(header.pduReference);
  w.u16(parameterLength).u16(dataLength);
  if (s7HeaderLength(header.rosctr) === 12) {
    w.u8(header.errorClass ?? 0).u8(header.errorCode ?? 0);
  }
}
