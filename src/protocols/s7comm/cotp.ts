// COTP, the ISO transport protocol class 0 (ISO 8073 / ITU-T X.224) that S7 runs on: decode and
// encode the TPDUs an S7 connection uses (CR, CC, DR, DC, DT, ER) with their parameters.
import type { Decoded } from '../errors.js';
import { fail, ok } from '../errors.js';
import { ByteWriter, u16 } from './bytes.js';
import { s7Error } from './errors.js';
import type { CotpTpduType } from './names.js';
import { COTP_TPDU } from './names.js';

/** Parameter codes S7 peers put in CR and CC (ISO 8073, 13.3.4). */
export const COTP_TPDU_SIZE = 0xc0;
export const COTP_CALLING_TSAP = 0xc1;
export const COTP_CALLED_TSAP = 0xc2;

/** One parameter of a TPDU's variable part, kept in wire order so a re-encode is byte-exact. */
export interface CotpParameter {
  code: number;
  value: Uint8Array;
}

interface CotpParameters {
  /** Every parameter in wire order, unknown ones included. The encoder writes exactly these. */
  parameters: CotpParameter[];
}

/** CR (connection request, 0xE0) or CC (connection confirm, 0xD0): ISO 8073, 13.3 and 13.4. */
export interface CotpConnection extends CotpParameters {
  type: 'CR' | 'CC';
  /** Low nibble of the code byte: CDT, the initial credit; always 0 in class 0. */
  credit: number;
  destinationReference: number;
  sourceReference: number;
  /** Class (high nibble) and option bits (low nibble): 0x00 for class 0. */
  classOption: number;
  /** Decoded from parameter 0xC0: the TPDU size in bytes (2^code). Read-only convenience. */
  tpduSize?: number;
  /** Decoded from parameter 0xC1 (calling TSAP, the source). Read-only convenience. */
  sourceTsap?: Uint8Array;
  /** Decoded from parameter 0xC2 (called TSAP, the destination). Read-only convenience. */
  destinationTsap?: Uint8Array;
}

/** DR (disconnect request, 0x80): ISO 8073, 13.5. */
export interface CotpDisconnectRequest extends CotpParameters {
  type: 'DR';
  destinationReference: number;
  sourceReference: number;
  reason: number;
}

/** DC (disconnect confirm, 0xC0): ISO 8073, 13.6. Not used in class 0, decoded all the same. */
export interface CotpDisconnectConfirm extends CotpParameters {
  type: 'DC';
  destinationReference: number;
  sourceReference: number;
}

/** DT (data, 0xF0), class 0 and 1 format: ISO 8073, 13.7. */
export interface CotpData extends CotpParameters {
  type: 'DT';
  /** EOT bit: this TPDU ends the TSDU (the S7 PDU); false means more DT TPDUs follow. */
  eot: boolean;
  /** TPDU-NR, the 7 low bits of the third byte (0 in class 0). */
  tpduNumber: number;
  /** The user data after the header: a view into the input. */
  userData: Uint8Array;
}

/** ER (TPDU error, 0x70): ISO 8073, 13.12. */
export interface CotpError extends CotpParameters {
  type: 'ER';
  destinationReference: number;
  rejectCause: number;
}

export type CotpTpdu =
  CotpConnection | CotpDisconnectRequest | CotpDisconnectConfirm | CotpData | CotpError;

/** Bytes of the fixed part after the length indicator, per TPDU type (ISO 8073, 13.3 to 13.12). */
const FIXED_PART: Record<CotpTpduType, number> = { CR: 6, CC: 6, DR: 6, DC: 5, DT: 2, ER: 4 };

function parseParameters(bytes: Uint8Array, start: number, end: number): Decoded<CotpParameter[]> {
  const parameters: CotpParameter[] = [];
  let i = start;
  while (i < end) {
    // Each parameter: code (1 byte), length (1 byte), value (ISO 8073, 13.2.3).
    if (i + 2 > end) {
      return fail(s7Error('OTS_S7COMM_COTP_BAD_PARAMETER', 'parameter header cut short', i));
    }
    const code = bytes[i] ?? 0;
    const length = bytes[i + 1] ?? 0;
    if (i + 2 + length > end) {
      return fail(
        s7Error(
          'OTS_S7COMM_COTP_BAD_PARAMETER',
          `parameter 0x${code.toString(16)} of length ${length} runs past the header`,
          i,
        ),
      );
    }
    parameters.push({ code, value: bytes.subarray(i + 2, i + 2 + length) });
    i += 2 + length;
  }
  return ok(parameters);
}

/** The value of the first parameter with `code`, if any. */
export function cotpParameter(
  parameters: readonly CotpParameter[],
  code: number,
): Uint8Array | undefined {
  for (const p of parameters) if (p.code === code) return p.value;
  return undefined;
}

/** A TSAP as a number when it is 1 to 4 bytes long (S7 TSAPs are 2 bytes: 0x0100, 0x0102). */
export function tsapNumber(tsap: Uint8Array): number | undefined {
  if (tsap.length === 0 || tsap.length > 4) return undefined;
  let value = 0;
  for (const b of tsap) value = value * 256 + b;
  return value;
}

/**
 * What a 2-byte S7 TSAP says: byte 0 is the connection type (1 PG, 2 OP, 3 S7 basic), byte 1 is
 * rack × 32 + slot. Undefined for other TSAPs (S7-1200/1500 names such as "SIMATIC-ROOT-HMI").
 */
export function s7Tsap(
  tsap: Uint8Array,
): { connectionType: number; rack: number; slot: number } | undefined {
  if (tsap.length !== 2) return undefined;
  const b1 = tsap[1] ?? 0;
  return { connectionType: tsap[0] ?? 0, rack: b1 >> 5, slot: b1 & 0x1f };
}

/** Decode one COTP TPDU (the payload of a TPKT packet). */
export function decodeCotp(bytes: Uint8Array): Decoded<CotpTpdu> {
  if (bytes.length < 2) {
    return fail(
      s7Error('OTS_S7COMM_COTP_TRUNCATED', `${bytes.length} bytes, COTP needs 2 at least`, 0),
    );
  }
  // LI: length of the header excluding LI itself; 255 is reserved (ISO 8073, 13.2.1).
  const li = bytes[0] ?? 0;
  const codeByte = bytes[1] ?? 0;
  const nibble = codeByte >> 4;
  const type: CotpTpduType | undefined = Object.hasOwn(COTP_TPDU, nibble)
    ? COTP_TPDU[nibble as keyof typeof COTP_TPDU]
    : undefined;
  if (type === undefined) {
    return fail(
      s7Error(
        'OTS_S7COMM_COTP_UNSUPPORTED_TPDU',
        `TPDU code 0x${codeByte.toString(16)} is none of CR, CC, DR, DC, DT, ER`,
        1,
      ),
    );
  }
  if (li === 255 || li < FIXED_PART[type]) {
    return fail(
      s7Error(
        'OTS_S7COMM_COTP_BAD_LENGTH_INDICATOR',
        `length indicator ${li} for a ${type} TPDU (fixed part ${FIXED_PART[type]})`,
        0,
      ),
    );
  }
  const headerEnd = li + 1;
  if (bytes.length < headerEnd) {
    return fail(
      s7Error(
        'OTS_S7COMM_COTP_TRUNCATED',
        `${type} header of ${headerEnd} bytes, ${bytes.length} present`,
        0,
      ),
    );
  }
  const fixedEnd = 1 + FIXED_PART[type];
  // Most TPDUs are DTs without a variable part: skip the parameter walk for them.
  const params = fixedEnd === headerEnd ? undefined : parseParameters(bytes, fixedEnd, headerEnd);
  if (params?.ok === false) return params;
  const parameters = params?.value ?? [];

  switch (type) {
    case 'DT':
      return ok({
        type,
        eot: ((bytes[2] ?? 0) & 0x80) !== 0,
        tpduNumber: (bytes[2] ?? 0) & 0x7f,
        parameters,
        userData: bytes.subarray(headerEnd),
      });
    case 'CR':
    case 'CC': {
      const tpdu: CotpConnection = {
        type,
        credit: codeByte & 0x0f,
        destinationReference: u16(bytes, 2),
        sourceReference: u16(bytes, 4),
        classOption: bytes[6] ?? 0,
        parameters,
      };
      const size = cotpParameter(parameters, COTP_TPDU_SIZE);
      // TPDU size parameter: one byte, the size is 2^value octets (ISO 8073, 13.3.4 b).
      if (size?.length === 1 && (size[0] ?? 0) <= 16) tpdu.tpduSize = 2 ** (size[0] ?? 0);
      const calling = cotpParameter(parameters, COTP_CALLING_TSAP);
      if (calling) tpdu.sourceTsap = calling;
      const called = cotpParameter(parameters, COTP_CALLED_TSAP);
      if (called) tpdu.destinationTsap = called;
      return ok(tpdu);
    }
    case 'DR':
      return ok({
        type,
        destinationReference: u16(bytes, 2),
        sourceReference: u16(bytes, 4),
        reason: bytes[6] ?? 0,
        parameters,
      });
    case 'DC':
      return ok({
        type,
        destinationReference: u16(bytes, 2),
        sourceReference: u16(bytes, 4),
        parameters,
      });
    case 'ER':
      return ok({
        type,
        destinationReference: u16(bytes, 2),
        rejectCause: bytes[4] ?? 0,
        parameters,
      });
  }
}

function writeParameters(w: ByteWriter, parameters: readonly CotpParameter[]): void {
  for (const p of parameters) {
    const value = p.value.length > 255 ? p.value.subarray(0, 255) : p.value;
    w.u8(p.code).u8(value.length).bytes(value);
  }
}

/**
 * Encode a TPDU. Only `parameters` is written (in order): the convenience fields tpduSize,
 * sourceTsap and destinationTsap of a decoded CR/CC are ignored here.
 */
export function encodeCotp(tpdu: CotpTpdu): Uint8Array {
  const w = new ByteWriter(32 + (tpdu.type === 'DT' ? tpdu.userData.length : 0));
  w.u8(0); // LI, patched below
  switch (tpdu.type) {
    case 'CR':
    case 'CC':
      w.u8((tpdu.type === 'CR' ? 0xe0 : 0xd0) | (tpdu.credit & 0x0f));
      w.u16(tpdu.destinationReference).u16(tpdu.sourceReference).u8(tpdu.classOption);
      break;
    case 'DR':
      w.u8(0x80).u16(tpdu.destinationReference).u16(tpdu.sourceReference).u8(tpdu.reason);
      break;
    case 'DC':
      w.u8(0xc0).u16(tpdu.destinationReference).u16(tpdu.sourceReference);
      break;
    case 'DT':
      w.u8(0xf0).u8((tpdu.eot ? 0x80 : 0) | (tpdu.tpduNumber & 0x7f));
      break;
    case 'ER':
      w.u8(0x70).u16(tpdu.destinationReference).u8(tpdu.rejectCause);
      break;
  }
  writeParameters(w, tpdu.parameters);
  const headerLength = w.length;
  if (tpdu.type === 'DT') w.bytes(tpdu.userData);
  const out = w.finish();
  // LI counts the header after itself; a header beyond 254 bytes cannot be expressed: clamp.
  out[0] = Math.min(254, headerLength - 1);
  return out;
}

/** The 3-byte DT header S7 uses for every PDU: LI 2, code 0xF0, EOT set, TPDU-NR 0. */
export const COTP_DT_EOT_HEADER: readonly number[] = [0x02, 0xf0, 0x80];

/** Parameters for a CR/CC in the order real S7 CPUs send them in a CC: 0xC0, 0xC1, 0xC2. */
export function cotpConnectionParameters(options: {
  tpduSize?: number;
  sourceTsap?: Uint8Array | number;
  destinationTsap?: Uint8Array | number;
}): CotpParameter[] {
  const out: CotpParameter[] = [];
  if (options.tpduSize !== undefined) {
    // Smallest 2^n >= requested size, n in 7..13 (128..8192 octets, ISO 8073, 13.3.4 b).
    let n = 7;
    while (n < 13 && 2 ** n < options.tpduSize) n++;
    out.push({ code: COTP_TPDU_SIZE, value: Uint8Array.of(n) });
  }
  const tsap = (value: Uint8Array | number): Uint8Array =>
    typeof value === 'number' ? Uint8Array.of((value >>> 8) & 0xff, value & 0xff) : value;
  if (options.sourceTsap !== undefined) {
    out.push({ code: COTP_CALLING_TSAP, value: tsap(options.sourceTsap) });
  }
  if (options.destinationTsap !== undefined) {
    out.push({ code: COTP_CALLED_TSAP, value: tsap(options.destinationTsap) });
  }
  return out;
}
