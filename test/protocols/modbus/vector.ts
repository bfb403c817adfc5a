// Shared by the Modbus vector tests: hex helpers and the four ways every annotated vector is
// tested (parse, encode, round trip, byte-by-byte feed through the incremental parser).
import { expect, it } from 'vitest';
import type { CodecError } from '../../../src/protocols/index.js';
import {
  createMbapParser,
  decodeMbapFrame,
  decodePdu,
  encodeMbapFrame,
  encodePdu,
  type Direction,
  type MbapOptions,
  type ModbusAdu,
  type ModbusPdu,
} from '../../../src/protocols/modbus/index.js';

/** Bytes from hex, spaces and line breaks allowed: `hex('00 01 ff')`. */
export function hex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`bad hex: ${text}`);
  return new Uint8Array(Buffer.from(clean, 'hex'));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Bytes of an ASCII string. */
export function ascii(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

export interface AduVector {
  /** What the bytes are, and where they come from: a clause or a capture and frame number. */
  name: string;
  direction: Direction;
  /** The whole ADU, MBAP header included. */
  adu: string;
  expected: ModbusAdu;
  /** For the Modicon frames whose MBAP length exceeds 254. */
  options?: MbapOptions;
}

export interface PduVector {
  name: string;
  direction: Direction;
  pdu: string;
  expected: ModbusPdu;
}

/** Wraps a PDU vector in an MBAP header, so that a specification example (a PDU) is tested
 * through the framing layer too: transaction 0x1234, unit 17. */
export function inAdu(vector: PduVector): AduVector {
  const pdu = hex(vector.pdu);
  const length = pdu.length + 1;
  const header = `1234 0000 ${length.toString(16).padStart(4, '0')} 11`;
  return {
    name: vector.name,
    direction: vector.direction,
    adu: `${header} ${vector.pdu}`,
    expected: { transactionId: 0x1234, unitId: 17, pdu: vector.expected },
  };
}

function maxPduLength(vector: AduVector): number {
  return (vector.options?.maxLength ?? 254) - 1;
}

/** Parse, encode, round trip and byte-by-byte feed of one ADU vector. */
export function testAduVector(vector: AduVector): void {
  const bytes = hex(vector.adu);

  it(`${vector.name}: parse`, () => {
    const decoded = decodeMbapFrame(bytes, vector.direction, vector.options);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value).toEqual(vector.expected);
  });

  it(`${vector.name}: encode`, () => {
    const encoded = encodeMbapFrame(vector.expected, { maxPduLength: maxPduLength(vector) });
    if (!encoded.ok) throw encoded.error;
    expect(toHex(encoded.value)).toBe(toHex(bytes));
  });

  it(`${vector.name}: round trip`, () => {
    const decoded = decodeMbapFrame(bytes, vector.direction, vector.options);
    if (!decoded.ok) throw decoded.error;
    const encoded = encodeMbapFrame(decoded.value, { maxPduLength: maxPduLength(vector) });
    if (!encoded.ok) throw encoded.error;
    expect(toHex(encoded.value)).toBe(toHex(bytes));
  });

  it(`${vector.name}: byte-by-byte feed`, () => {
    const frames: ModbusAdu[] = [];
    const errors: CodecError[] = [];
    const parser = createMbapParser(
      (adu) => frames.push(adu),
      (error) => errors.push(error),
      { direction: vector.direction, ...vector.options },
    );
    // Twice, to see the parser come back to a clean state after each ADU.
    for (let round = 0; round < 2; round++) {
      for (const byte of bytes) parser.push(Uint8Array.of(byte));
    }
    expect(errors).toEqual([]);
    expect(frames).toEqual([vector.expected, vector.expected]);
    expect(parser.buffered).toBe(0);
  });
}

/** The PDU alone: decodePdu and encodePdu, then the ADU tests around it. */
export function testPduVector(vector: PduVector): void {
  const bytes = hex(vector.pdu);
  it(`${vector.name}: PDU parse and encode`, () => {
    const decoded = decodePdu(bytes, vector.direction);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value).toEqual(vector.expected);
    const encoded = encodePdu(vector.expected);
    if (!encoded.ok) throw encoded.error;
    expect(toHex(encoded.value)).toBe(toHex(bytes));
  });
  testAduVector(inAdu(vector));
}

/** Bits from a string of 0 and 1 in wire order (first bit = lowest address): '1011' */
export function bits(text: string): boolean[] {
  const clean = text.replace(/\s+/g, '');
  const values: boolean[] = [];
  for (let i = 0; i < clean.length; i++) values.push(clean[i] === '1');
  return values;
}
