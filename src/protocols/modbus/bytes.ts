// Big-endian byte access for decoders and a bounds-checked writer for encoders: Modbus puts the
// high byte first in every 16-bit field (Modbus Application Protocol v1.1b3, 4.2).
import type { CodecError } from '../errors.js';
import {
  ModbusPduError,
  modbusError,
  type ModbusErrorCode,
  type SuggestedException,
} from './errors.js';

/** The largest PDU the specification allows: 256 bytes of serial ADU less address and CRC
 * (v1.1b3, 4.1). */
export const MAX_PDU_LENGTH = 253;

export function u8(b: Uint8Array, i: number): number {
  return b[i] ?? 0;
}

export function u16(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
}

/** `count` big-endian registers from `from`; the caller has checked that they are there. */
export function readRegisters(b: Uint8Array, from: number, count: number): number[] {
  const values = new Array<number>(count);
  for (let i = 0; i < count; i++)
    values[i] = ((b[from + 2 * i] ?? 0) << 8) | (b[from + 2 * i + 1] ?? 0);
  return values;
}

/** `bitCount` bits packed from `from`, least significant bit first (v1.1b3, 6.1: "the LSB of the
 * first data byte contains the output addressed in the query"). */
export function readBits(b: Uint8Array, from: number, bitCount: number): boolean[] {
  const values = new Array<boolean>(bitCount);
  for (let i = 0; i < bitCount; i++) values[i] = (((b[from + (i >> 3)] ?? 0) >> (i & 7)) & 1) === 1;
  return values;
}

/** A refused PDU. `offset` is relative to the function code byte. */
export function refuse(
  code: ModbusErrorCode,
  message: string,
  offset: number,
  functionCode: number,
  exceptionCode: SuggestedException = 3,
): ModbusPduError {
  return new ModbusPduError(code, message, offset, functionCode, exceptionCode);
}

/** The PDU must be exactly `length` bytes long, as fixed-size layouts are. */
export function exactLength(
  b: Uint8Array,
  start: number,
  end: number,
  length: number,
  what: string,
): ModbusPduError | undefined {
  const got = end - start;
  if (got === length) return undefined;
  return refuse(
    'OTS_MODBUS_BAD_PDU_LENGTH',
    `${what} is ${got} bytes long, its layout has ${length}`,
    Math.min(got, length),
    u8(b, start),
  );
}

/** The PDU must hold at least `length` bytes before its variable part can be read. */
export function minLength(
  b: Uint8Array,
  start: number,
  end: number,
  length: number,
  what: string,
): ModbusPduError | undefined {
  const got = end - start;
  if (got >= length) return undefined;
  return refuse(
    'OTS_MODBUS_BAD_PDU_LENGTH',
    `${what} is ${got} bytes long, its layout needs at least ${length}`,
    got,
    u8(b, start),
  );
}

/**
 * Writes a PDU into a buffer sized for the largest one allowed, checking every value against its
 * field's width. The first failure sticks in `error` and later writes do nothing, so an encoder
 * writes its fields in order and the caller checks once.
 */
export class PduWriter {
  readonly buffer: Uint8Array;
  /** Where the PDU starts in `buffer` (7 when an MBAP header goes in front). */
  readonly start: number;
  position: number;
  error: CodecError | undefined = undefined;
  private readonly maxPduLength: number;

  constructor(start: number, maxPduLength: number) {
    this.start = start;
    this.position = start;
    this.maxPduLength = maxPduLength;
    this.buffer = new Uint8Array(start + maxPduLength);
  }

  get pduLength(): number {
    return this.position - this.start;
  }

  fail(message: string): void {
    this.error ??= modbusError('OTS_MODBUS_ENCODE_RANGE', message);
  }

  private room(bytes: number): boolean {
    if (this.error !== undefined) return false;
    if (this.position + bytes > this.buffer.length) {
      this.fail(`the PDU would be longer than ${this.maxPduLength} bytes`);
      return false;
    }
    return true;
  }

  u8(value: number, field: string): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) {
      this.fail(`${field} must be an integer 0..255, got ${String(value)}`);
      return;
    }
    if (!this.room(1)) return;
    this.buffer[this.position++] = value;
  }

  u16(value: number, field: string): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff) {
      this.fail(`${field} must be an integer 0..65535, got ${String(value)}`);
      return;
    }
    if (!this.room(2)) return;
    this.buffer[this.position++] = value >> 8;
    this.buffer[this.position++] = value & 0xff;
  }

  bytes(data: Uint8Array): void {
    if (!this.room(data.length)) return;
    this.buffer.set(data, this.position);
    this.position += data.length;
  }

  registers(values: readonly number[], field: string): void {
    for (const value of values) this.u16(value, field);
  }

  /** Packs bits least significant first; the unused high bits of the last byte are zero. */
  bits(values: readonly boolean[]): void {
    const byteCount = (values.length + 7) >> 3;
    if (!this.room(byteCount)) return;
    this.buffer.fill(0, this.position, this.position + byteCount);
    for (let i = 0; i < values.length; i++) {
      if (values[i] !== true) continue;
      const at = this.position + (i >> 3);
      this.buffer[at] = (this.buffer[at] ?? 0) | (1 << (i & 7));
    }
    this.position += byteCount;
  }
}
