// SZL read (userdata group 4, subfunction 1): the request names an SZL id and index; the response
// repeats them and carries the record length, the record count and the records. SZL 0x0011,
// 0x001C, 0x0131/1, 0x0232/4 and 0x0424 records are decoded, every other record kept as bytes.
import type { Decoded } from '../../errors.js';
import { fail, ok } from '../../errors.js';
import type { ByteWriter } from '../bytes.js';
import { u16 } from '../bytes.js';
import { s7Error } from '../errors.js';
import { szlIdName } from '../names.js';
import type { CommunicationCapability } from './szl/communication-capability.js';
import {
  COMMUNICATION_CAPABILITY_RECORD_LENGTH,
  decodeCommunicationCapability,
  writeCommunicationCapability,
} from './szl/communication-capability.js';
import type { ComponentIdentification } from './szl/component-identification.js';
import {
  COMPONENT_IDENTIFICATION_RECORD_LENGTH,
  decodeComponentIdentification,
  writeComponentIdentification,
} from './szl/component-identification.js';
import type { ModeTransition } from './szl/mode-transition.js';
import {
  MODE_TRANSITION_RECORD_LENGTH,
  decodeModeTransition,
  writeModeTransition,
} from './szl/mode-transition.js';
import type { ModuleIdentification } from './szl/module-identification.js';
import {
  MODULE_IDENTIFICATION_RECORD_LENGTH,
  decodeModuleIdentification,
  writeModuleIdentification,
} from './szl/module-identification.js';
import type { ProtectionLevel } from './szl/protection-level.js';
import {
  PROTECTION_LEVEL_RECORD_LENGTH,
  decodeProtectionLevel,
  writeProtectionLevel,
} from './szl/protection-level.js';

export const SUBFUNCTION_READ_SZL = 0x01;

/** A record this module does not decode field by field. */
export interface RawSzlRecord {
  kind: 'raw';
  bytes: Uint8Array;
}

export type SzlRecord =
  | ModuleIdentification
  | ComponentIdentification
  | CommunicationCapability
  | ProtectionLevel
  | ModeTransition
  | RawSzlRecord;

export interface SzlRequest {
  kind: 'szl_request';
  szlId: number;
  szlIndex: number;
  /** Decoder: szlIdName(szlId), 'unknown-0xNNNN' for ids not in the table. */
  szlName?: string;
}

export interface SzlResponse {
  kind: 'szl_response';
  szlId: number;
  szlIndex: number;
  /** LENTHDR: bytes per record. */
  recordLength: number;
  /** N_DR: records announced; more than `records` when the list continues in a later PDU. */
  recordCount: number;
  records: SzlRecord[];
  /** Bytes after the last whole record (a record cut by fragmentation), usually empty. */
  trailing: Uint8Array;
  szlName?: string;
}

export function decodeSzlRequest(payload: Uint8Array, at: number): Decoded<SzlRequest> {
  // SZL-ID (2), index (2).
  if (payload.length !== 4) {
    return fail(
      s7Error('OTS_S7COMM_BAD_SZL', `SZL request of ${payload.length} bytes, expected 4`, at),
    );
  }
  const szlId = u16(payload, 0);
  return ok({ kind: 'szl_request', szlId, szlIndex: u16(payload, 2), szlName: szlIdName(szlId) });
}

export function writeSzlRequest(w: ByteWriter, body: SzlRequest): void {
  w.u16(body.szlId).u16(body.szlIndex);
}

function decodeRecord(
  szlId: number,
  recordLength: number,
  bytes: Uint8Array,
  offset: number,
): SzlRecord {
  const list = szlId & 0x00ff;
  if (list === 0x11 && recordLength === MODULE_IDENTIFICATION_RECORD_LENGTH) {
    return decodeModuleIdentification(bytes, offset);
  }
  if (list === 0x1c && recordLength === COMPONENT_IDENTIFICATION_RECORD_LENGTH) {
    return decodeComponentIdentification(bytes, offset);
  }
  if (list === 0x24 && recordLength === MODE_TRANSITION_RECORD_LENGTH) {
    return decodeModeTransition(bytes, offset);
  }
  const index = u16(bytes, offset);
  if (
    szlId === 0x0131 &&
    index === 0x0001 &&
    recordLength === COMMUNICATION_CAPABILITY_RECORD_LENGTH
  ) {
    return decodeCommunicationCapability(bytes, offset);
  }
  if (
    (szlId === 0x0232 || szlId === 0x0132) &&
    index === 0x0004 &&
    recordLength === PROTECTION_LEVEL_RECORD_LENGTH
  ) {
    return decodeProtectionLevel(bytes, offset);
  }
  return { kind: 'raw', bytes: bytes.subarray(offset, offset + recordLength) };
}

/**
 * Whether a response payload starts with an SZL header rather than continuing a list sent in an
 * earlier PDU: its record length must let at least one record fit (or it announces none).
 */
export function looksLikeSzlHeader(payload: Uint8Array): boolean {
  if (payload.length < 8) return false;
  const recordLength = u16(payload, 4);
  const recordCount = u16(payload, 6);
  if (recordCount === 0) return true;
  return recordLength > 0 && 8 + recordLength <= payload.length;
}

export function decodeSzlResponse(payload: Uint8Array, at: number): Decoded<SzlResponse> {
  // SZL-ID (2), index (2), LENTHDR (2), N_DR (2), records.
  if (payload.length < 8) {
    return fail(
      s7Error('OTS_S7COMM_BAD_SZL', `SZL response of ${payload.length} bytes, header needs 8`, at),
    );
  }
  const szlId = u16(payload, 0);
  const recordLength = u16(payload, 4);
  const recordCount = u16(payload, 6);
  // A CPU may announce more records than the PDU holds (long lists, fragments): decode the whole
  // records present, as the Wireshark dissector does, and keep any cut record as trailing bytes.
  const fit = recordLength === 0 ? 0 : Math.floor((payload.length - 8) / recordLength);
  const present = Math.min(recordCount, fit);
  const records: SzlRecord[] = [];
  let offset = 8;
  for (let n = 0; n < present; n++) {
    records.push(decodeRecord(szlId, recordLength, payload, offset));
    offset += recordLength;
  }
  return ok({
    kind: 'szl_response',
    szlId,
    szlIndex: u16(payload, 2),
    recordLength,
    recordCount,
    records,
    trailing: payload.subarray(offset),
    szlName: szlIdName(szlId),
  });
}

function writeRecord(w: ByteWriter, record: SzlRecord, recordLength: number): void {
  const start = w.length;
  switch (record.kind) {
    case 'module_identification':
      writeModuleIdentification(w, record);
      break;
    case 'component_identification':
      writeComponentIdentification(w, record);
      break;
    case 'communication_capability':
      writeCommunicationCapability(w, record);
      break;
    case 'protection_level':
      writeProtectionLevel(w, record);
      break;
    case 'mode_transition':
      writeModeTransition(w, record);
      break;
    case 'raw':
      w.bytes(record.bytes.subarray(0, recordLength));
      break;
  }
  // Every record takes exactly LENTHDR bytes: pad a short one. A longer one cannot be cut once
  // written, so the structured writers above are sized to their record length.
  for (let n = w.length - start; n < recordLength; n++) w.u8(0);
}

export function writeSzlResponse(w: ByteWriter, body: SzlResponse): void {
  w.u16(body.szlId).u16(body.szlIndex).u16(body.recordLength).u16(body.recordCount);
  for (const record of body.records) writeRecord(w, record, body.recordLength);
  w.bytes(body.trailing);
}

/** Record length of each structured record kind, for building responses. */
export function szlRecordLength(record: SzlRecord): number {
  switch (record.kind) {
    case 'module_identification':
      return MODULE_IDENTIFICATION_RECORD_LENGTH;
    case 'component_identification':
      return COMPONENT_IDENTIFICATION_RECORD_LENGTH;
    case 'communication_capability':
      return COMMUNICATION_CAPABILITY_RECORD_LENGTH;
    case 'protection_level':
      return PROTECTION_LEVEL_RECORD_LENGTH;
    case 'mode_transition':
      return MODE_TRANSITION_RECORD_LENGTH;
    case 'raw':
      return record.bytes.length;
  }
}

/** A complete SZL response body: record length from the first record, count from the list. */
export function szlResponse(szlId: number, szlIndex: number, records: SzlRecord[]): SzlResponse {
  const first = records[0];
  return {
    kind: 'szl_response',
    szlId,
    szlIndex,
    recordLength: first === undefined ? 0 : szlRecordLength(first),
    recordCount: records.length,
    records,
    trailing: new Uint8Array(0),
  };
}
