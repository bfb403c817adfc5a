// MBAP framing of Modbus over TCP: the 7-byte header in front of every PDU, one-shot decoding of
// whole ADUs (the pcap path) and encoding (Modbus Messaging on TCP/IP Implementation Guide v1.0b,
// 3.1.3).
import { fail, ok, type CodecError, type Decoded } from '../errors.js';
import { PduWriter, u16, u8 } from './bytes.js';
import { ModbusPduError, modbusError } from './errors.js';
import {
  decodePduAt,
  encodePduInto,
  maxPduLength,
  type Direction,
  type EncodeOptions,
  type ModbusPdu,
} from './pdu.js';

/** Transaction identifier (2), protocol identifier (2), length (2), unit identifier (1). */
export const MBAP_HEADER_LENGTH = 7;

/** The length field counts the unit identifier and the PDU: 1 + 253 at most (Implementation
 * Guide v1.0b, 3.1.3 and 4.1: the ADU is at most 260 bytes). */
export const MBAP_MAX_LENGTH = 254;

/** One Modbus/TCP application data unit. The protocol identifier is always 0 and the length
 * follows from the PDU, so neither is kept. */
export interface ModbusAdu {
  /** Pairs a response with its request; the server copies it (3.1.3). */
  transactionId: number;
  /** The addressed device behind a gateway, or 0xFF / 0 for the server itself. */
  unitId: number;
  pdu: ModbusPdu;
}

export interface MbapOptions {
  /**
   * The largest length field accepted, 2..65535; 254 by default, as the guide says. Schneider
   * Modicon PLCs send UMAS frames with a length of 255 (the ITI Modicon capture, frame 19): a
   * passive sensor that must see them sets 260 or so. The bound keeps a hostile length field
   * from making the incremental parser wait for, or buffer, 64 KiB.
   */
  maxLength?: number;
}

export function mbapMaxLength(options: MbapOptions | undefined): number {
  const wanted = options?.maxLength;
  if (wanted === undefined || !Number.isFinite(wanted)) return MBAP_MAX_LENGTH;
  return Math.min(0xffff, Math.max(2, Math.floor(wanted)));
}

/**
 * Checks the header at `at` (7 bytes present). Like every error about one ADU, the offset it
 * reports counts from the start of that ADU. Protocol identifier 0 is Modbus (3.1.3); the
 * length must cover a unit identifier and a function code at least, and no more than the bound.
 */
export function checkMbapHeader(
  b: Uint8Array,
  at: number,
  maxLength: number,
): CodecError | undefined {
  const protocolId = u16(b, at + 2);
  if (protocolId !== 0) {
    return modbusError(
      'OTS_MODBUS_BAD_PROTOCOL_ID',
      `MBAP protocol identifier is ${protocolId}, Modbus uses 0`,
      2,
    );
  }
  const length = u16(b, at + 4);
  if (length < 2 || length > maxLength) {
    return modbusError(
      'OTS_MODBUS_BAD_LENGTH',
      `MBAP length is ${length}, it must be 2..${maxLength} (unit identifier + PDU)`,
      4,
    );
  }
  return undefined;
}

/** Decodes the ADU in `b[at, end)` whose header has been checked; offsets of a refused PDU
 * count from the start of the ADU. */
export function decodeAduAt(
  b: Uint8Array,
  at: number,
  end: number,
  direction: Direction,
): ModbusAdu | ModbusPduError {
  const transactionId = u16(b, at);
  const unitId = u8(b, at + 6);
  const pdu = decodePduAt(b, at + MBAP_HEADER_LENGTH, end, direction);
  if (pdu instanceof ModbusPduError) return pdu.inFrame(transactionId, unitId, MBAP_HEADER_LENGTH);
  return { transactionId, unitId, pdu };
}

/**
 * Decodes exactly one complete ADU: header, unit identifier and PDU, no byte more or less.
 * Fields that are bytes are views into `bytes`.
 */
export function decodeMbapFrame(
  bytes: Uint8Array,
  direction: Direction,
  options?: MbapOptions,
): Decoded<ModbusAdu> {
  if (bytes.length < MBAP_HEADER_LENGTH) {
    return fail(
      modbusError(
        'OTS_MODBUS_TRUNCATED',
        `${bytes.length} bytes cannot hold the 7-byte MBAP header`,
        bytes.length,
      ),
    );
  }
  const bad = checkMbapHeader(bytes, 0, mbapMaxLength(options));
  if (bad !== undefined) return fail(bad);
  const total = 6 + u16(bytes, 4);
  if (bytes.length < total) {
    return fail(
      modbusError(
        'OTS_MODBUS_TRUNCATED',
        `the MBAP header announces a ${total}-byte ADU and only ${bytes.length} bytes are here`,
        bytes.length,
      ),
    );
  }
  if (bytes.length > total) {
    return fail(
      modbusError(
        'OTS_MODBUS_TRAILING_BYTES',
        `the MBAP header announces a ${total}-byte ADU and ${bytes.length - total} bytes follow it`,
        total,
      ),
    );
  }
  const adu = decodeAduAt(bytes, 0, total, direction);
  return adu instanceof ModbusPduError ? fail(adu) : ok(adu);
}

/**
 * Decodes every ADU of a payload that holds whole ADUs back to back, as a reassembled TCP
 * payload from a capture does (one segment of ModbusTCP.pcap carries up to six). A refused PDU
 * is reported and the walk goes on, since its header still tells where the next ADU starts. A
 * bad header or a cut-off last ADU is reported and ends the walk: nothing after it can be
 * trusted to be a frame boundary. Returns the number of bytes consumed, which is where the ADU
 * of a walk-ending error starts; error offsets count from the start of their ADU.
 */
export function decodeMbapFrames(
  bytes: Uint8Array,
  direction: Direction,
  onFrame: (adu: ModbusAdu) => void,
  onError: (error: CodecError) => void,
  options?: MbapOptions,
): number {
  const maxLength = mbapMaxLength(options);
  let at = 0;
  while (at < bytes.length) {
    if (bytes.length - at < MBAP_HEADER_LENGTH) {
      onError(
        modbusError(
          'OTS_MODBUS_TRUNCATED',
          `the ${bytes.length - at} bytes at byte ${at} cannot hold an MBAP header`,
          bytes.length - at,
        ),
      );
      return at;
    }
    const bad = checkMbapHeader(bytes, at, maxLength);
    if (bad !== undefined) {
      onError(bad);
      return at;
    }
    const end = at + 6 + u16(bytes, at + 4);
    if (end > bytes.length) {
      onError(
        modbusError(
          'OTS_MODBUS_TRUNCATED',
          `the ADU at byte ${at} needs ${end - at} bytes and ${bytes.length - at} are here`,
          bytes.length - at,
        ),
      );
      return at;
    }
    const adu = decodeAduAt(bytes, at, end, direction);
    if (adu instanceof ModbusPduError) onError(adu);
    else onFrame(adu);
    at = end;
  }
  return at;
}

function isUint(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

/** The ADU's bytes: header with the length computed from the PDU, then the PDU. */
export function encodeMbapFrame(adu: ModbusAdu, options: EncodeOptions = {}): Decoded<Uint8Array> {
  if (!isUint(adu.transactionId, 0xffff)) {
    return fail(
      modbusError(
        'OTS_MODBUS_ENCODE_RANGE',
        `transaction identifier must be an integer 0..65535, got ${String(adu.transactionId)}`,
      ),
    );
  }
  if (!isUint(adu.unitId, 0xff)) {
    return fail(
      modbusError(
        'OTS_MODBUS_ENCODE_RANGE',
        `unit identifier must be an integer 0..255, got ${String(adu.unitId)}`,
      ),
    );
  }
  const w = new PduWriter(MBAP_HEADER_LENGTH, maxPduLength(options));
  encodePduInto(adu.pdu, w);
  if (w.error !== undefined) return fail(w.error);
  const length = w.pduLength + 1;
  const b = w.buffer;
  // transaction identifier, protocol identifier 0, length (unit identifier + PDU), unit
  b[0] = adu.transactionId >> 8;
  b[1] = adu.transactionId & 0xff;
  b[2] = 0;
  b[3] = 0;
  b[4] = length >> 8;
  b[5] = length & 0xff;
  b[6] = adu.unitId;
  return ok(b.subarray(0, MBAP_HEADER_LENGTH + w.pduLength));
}
