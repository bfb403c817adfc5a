// SZL 0x0424 (xy24) records, operating mode and the last mode transition (Siemens SZL-ID
// W#16#xy24): 20 bytes with the event id, the requested and previous mode (bzu-id, RUN is 8,
// STOP internal is 4) and a DATE_AND_TIME stamp. Clients read the RUN/STOP state here.
import type { ByteWriter } from '../../bytes.js';
import { u16 } from '../../bytes.js';
import { operatingModeName } from '../../names.js';
import type { S7Timestamp } from '../timestamp.js';
import { decodeDateAndTime, encodeDateAndTime } from '../timestamp.js';

export const MODE_TRANSITION_RECORD_LENGTH = 20;
export const MODE_RUN = 0x8;
export const MODE_STOP = 0x4;

export interface ModeTransition {
  kind: 'mode_transition';
  /** ereig: event id (0x5144 in the captures of a real CPU and of Snap7). */
  event: number;
  /** ae: 0xFF. */
  ae: number;
  /** bzu-id: bits 0-3 requested (current) mode, bits 4-7 previous mode. */
  bzuId: number;
  /** res: 4 reserved bytes, as sent. */
  reserved: Uint8Array;
  anlinfo1: number;
  /** Type of the startup just executed. */
  anlinfo2: number;
  /** Permissibility of startup types. */
  anlinfo3: number;
  /** Last valid operation or setting of the automatic startup type at power on. */
  anlinfo4: number;
  /** The 8-byte DATE_AND_TIME of the transition, as sent. */
  time: Uint8Array;
  /** Decoder: bzuId & 0x0F. */
  requestedMode?: number;
  /** Decoder: bzuId >> 4. */
  previousMode?: number;
  /** Decoder: 'RUN', 'STOP_internal', ... */
  requestedModeName?: string;
  previousModeName?: string;
  /** Decoder: `time` decoded. */
  timestamp?: S7Timestamp;
}

export function decodeModeTransition(bytes: Uint8Array, offset: number): ModeTransition {
  // ereig (2), ae (1), bzu-id (1), res (4), anlinfo1..4 (1 each), time (8).
  const bzuId = bytes[offset + 3] ?? 0;
  return {
    kind: 'mode_transition',
    event: u16(bytes, offset),
    ae: bytes[offset + 2] ?? 0,
    bzuId,
    reserved: bytes.subarray(offset + 4, offset + 8),
    anlinfo1: bytes[offset + 8] ?? 0,
    anlinfo2: bytes[offset + 9] ?? 0,
    anlinfo3: bytes[offset + 10] ?? 0,
    anlinfo4: bytes[offset + 11] ?? 0,
    time: bytes.subarray(offset + 12, offset + 20),
    requestedMode: bzuId & 0x0f,
    previousMode: bzuId >> 4,
    requestedModeName: operatingModeName(bzuId & 0x0f),
    previousModeName: operatingModeName(bzuId >> 4),
    timestamp: decodeDateAndTime(bytes, offset + 12),
  };
}

export function writeModeTransition(w: ByteWriter, record: ModeTransition): void {
  w.u16(record.event).u8(record.ae).u8(record.bzuId);
  const reserved = record.reserved.subarray(0, 4);
  w.bytes(reserved);
  for (let n = reserved.length; n < 4; n++) w.u8(0);
  w.u8(record.anlinfo1).u8(record.anlinfo2).u8(record.anlinfo3).u8(record.anlinfo4);
  const time = record.time.subarray(0, 8);
  w.bytes(time);
  for (let n = time.length; n < 8; n++) w.u8(0);
}

/**
 * The record a CPU answers for its current mode: `modeTransitionRecord('RUN', stamp)`. Event id
 * 0x5144 and ae 0xFF as an IM151-8 CPU and Snap7 send them (ITI and ICSNPP captures); only the
 * bzu-id differs between RUN (8) and STOP (4).
 */
export function modeTransitionRecord(mode: 'RUN' | 'STOP', time: S7Timestamp): ModeTransition {
  const run = mode === 'RUN';
  return {
    kind: 'mode_transition',
    event: 0x5144,
    ae: 0xff,
    bzuId: run ? MODE_RUN : MODE_STOP,
    reserved: new Uint8Array(4),
    anlinfo1: 0,
    anlinfo2: 0,
    anlinfo3: 0,
    anlinfo4: 0,
    time: encodeDateAndTime(time),
  };
}
