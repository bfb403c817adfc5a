// Values wider or other than one unsigned register, to and from arrays of 16-bit registers, in
// the four byte orders devices use. Modbus itself only defines 16-bit registers sent high byte
// first (Modbus Application Protocol v1.1b3, 4.2); how a device spreads a float or a 32-bit
// counter over several registers is its own choice, hence the orders.
//
// Byte orders name where the bytes of a value land, A being the most significant, reading the
// registers in address order with each register's high byte first:
//   ABCD  big-endian words, most significant word first: Modbus's own order (the default).
//   CDAB  word swap: least significant word first, bytes big-endian within each word
//         ("little-endian word order", common for floats on Modicon and many meters).
//   BADC  byte swap: words most significant first, bytes swapped within each word.
//   DCBA  fully little-endian: both swaps.
// A 64-bit value ABCDEFGH extends the pattern to four words: ABCD gives AB CD EF GH, CDAB gives
// GH EF CD AB, BADC gives BA DC FE HG, DCBA gives HG FE DC BA. A 16-bit value only sees the byte
// swap: ABCD and CDAB give AB, BADC and DCBA give BA.
import { fail, ok, type Decoded } from '../errors.js';
import { modbusError } from './errors.js';

export type ByteOrder = 'ABCD' | 'CDAB' | 'BADC' | 'DCBA';

/** Registers each type takes. */
export const REGISTER_TYPES = {
  int16: 1,
  uint16: 1,
  int32: 2,
  uint32: 2,
  float32: 2,
  int64: 4,
  uint64: 4,
  float64: 4,
} as const;
export type RegisterType = keyof typeof REGISTER_TYPES;
export type BigRegisterType = 'int64' | 'uint64';
export type NumberRegisterType = Exclude<RegisterType, BigRegisterType>;

const WORD_SWAP: Record<ByteOrder, boolean> = { ABCD: false, CDAB: true, BADC: false, DCBA: true };
const BYTE_SWAP: Record<ByteOrder, boolean> = { ABCD: false, CDAB: false, BADC: true, DCBA: true };

function dataTypeError(message: string): Decoded<never> {
  return fail(modbusError('OTS_MODBUS_DATA_TYPE', message));
}

function isRegister(value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 0 && value <= 0xffff;
}

/** The value's bytes, most significant first, gathered from `words` registers at `index`. */
function gather(
  registers: readonly number[],
  index: number,
  words: number,
  order: ByteOrder,
  what: string,
): DataView | Decoded<never> {
  if (!Number.isInteger(index) || index < 0 || index + words > registers.length) {
    return dataTypeError(
      `${what} needs ${words} registers from index ${index}, ${registers.length} are given`,
    );
  }
  const view = new DataView(new ArrayBuffer(2 * words));
  for (let w = 0; w < words; w++) {
    const register = registers[index + (WORD_SWAP[order] ? words - 1 - w : w)];
    if (!isRegister(register)) {
      return dataTypeError(`${what}: register ${String(register)} is not an integer 0..65535`);
    }
    view.setUint16(2 * w, register, BYTE_SWAP[order]);
  }
  return view;
}

/** Spreads the big-endian bytes of `view` over registers in `order`. */
function scatter(view: DataView, order: ByteOrder): number[] {
  const words = view.byteLength / 2;
  const registers = new Array<number>(words);
  for (let w = 0; w < words; w++) {
    registers[WORD_SWAP[order] ? words - 1 - w : w] = view.getUint16(2 * w, BYTE_SWAP[order]);
  }
  return registers;
}

/** Reads a value of `type` from `registers[index...]`. */
export function decodeRegisterValue(
  registers: readonly number[],
  type: NumberRegisterType,
  order?: ByteOrder,
  index?: number,
): Decoded<number>;
export function decodeRegisterValue(
  registers: readonly number[],
  type: BigRegisterType,
  order?: ByteOrder,
  index?: number,
): Decoded<bigint>;
export function decodeRegisterValue(
  registers: readonly number[],
  type: RegisterType,
  order?: ByteOrder,
  index?: number,
): Decoded<number | bigint>;
export function decodeRegisterValue(
  registers: readonly number[],
  type: RegisterType,
  order: ByteOrder = 'ABCD',
  index = 0,
): Decoded<number | bigint> {
  const view = gather(registers, index, REGISTER_TYPES[type], order, type);
  if (!(view instanceof DataView)) return view;
  switch (type) {
    case 'int16':
      return ok(view.getInt16(0));
    case 'uint16':
      return ok(view.getUint16(0));
    case 'int32':
      return ok(view.getInt32(0));
    case 'uint32':
      return ok(view.getUint32(0));
    case 'float32':
      return ok(view.getFloat32(0));
    case 'int64':
      return ok(view.getBigInt64(0));
    case 'uint64':
      return ok(view.getBigUint64(0));
    case 'float64':
      return ok(view.getFloat64(0));
  }
}

const RANGES = {
  int16: [-0x8000, 0x7fff],
  uint16: [0, 0xffff],
  int32: [-0x80000000, 0x7fffffff],
  uint32: [0, 0xffffffff],
} as const;

const BIG_RANGES = {
  int64: [-(1n << 63n), (1n << 63n) - 1n],
  uint64: [0n, (1n << 64n) - 1n],
} as const;

/** The registers that hold `value` as `type` in `order`. Integers must be whole and in range;
 * a float32 is rounded to the nearest single-precision value. */
export function encodeRegisterValue(
  value: number,
  type: NumberRegisterType,
  order?: ByteOrder,
): Decoded<number[]>;
export function encodeRegisterValue(
  value: bigint,
  type: BigRegisterType,
  order?: ByteOrder,
): Decoded<number[]>;
export function encodeRegisterValue(
  value: number | bigint,
  type: RegisterType,
  order: ByteOrder = 'ABCD',
): Decoded<number[]> {
  const view = new DataView(new ArrayBuffer(2 * REGISTER_TYPES[type]));
  if (type === 'int64' || type === 'uint64') {
    const [min, max] = BIG_RANGES[type];
    if (typeof value !== 'bigint' || value < min || value > max) {
      return dataTypeError(`${type} value must be a bigint ${min}..${max}, got ${String(value)}`);
    }
    if (type === 'int64') view.setBigInt64(0, value);
    else view.setBigUint64(0, value);
    return ok(scatter(view, order));
  }
  if (typeof value !== 'number') {
    return dataTypeError(`${type} value must be a number, got a bigint`);
  }
  if (type === 'float32') view.setFloat32(0, value);
  else if (type === 'float64') view.setFloat64(0, value);
  else {
    const [min, max] = RANGES[type];
    if (!Number.isInteger(value) || value < min || value > max) {
      return dataTypeError(`${type} value must be an integer ${min}..${max}, got ${value}`);
    }
    if (type === 'int16') view.setInt16(0, value);
    else if (type === 'uint16') view.setUint16(0, value);
    else if (type === 'int32') view.setInt32(0, value);
    else view.setUint32(0, value);
  }
  return ok(scatter(view, order));
}

/**
 * Reads `count` registers as ASCII text, two characters per register. ABCD and CDAB put the
 * first character in the high byte (the usual way); BADC and DCBA in the low byte. Text ends at
 * the first NUL; bytes above 0x7F read as Latin-1 so that nothing is lost.
 */
export function decodeRegisterString(
  registers: readonly number[],
  count: number,
  order: ByteOrder = 'ABCD',
  index = 0,
): Decoded<string> {
  if (!Number.isInteger(count) || count < 0) {
    return dataTypeError(`string register count must be a whole number, got ${count}`);
  }
  if (!Number.isInteger(index) || index < 0 || index + count > registers.length) {
    return dataTypeError(
      `string of ${count} registers from index ${index} does not fit in ${registers.length}`,
    );
  }
  let text = '';
  for (let i = 0; i < count; i++) {
    const register = registers[index + i];
    if (!isRegister(register)) {
      return dataTypeError(`string: register ${String(register)} is not an integer 0..65535`);
    }
    const first = BYTE_SWAP[order] ? register & 0xff : register >> 8;
    const second = BYTE_SWAP[order] ? register >> 8 : register & 0xff;
    if (first === 0) return ok(text);
    text += String.fromCharCode(first);
    if (second === 0) return ok(text);
    text += String.fromCharCode(second);
  }
  return ok(text);
}

/** The registers holding ASCII `text`, two characters each, padded with NUL to `count`
 * registers (default: just enough). */
export function encodeRegisterString(
  text: string,
  order: ByteOrder = 'ABCD',
  count: number = Math.ceil(text.length / 2),
): Decoded<number[]> {
  if (!Number.isInteger(count) || count < 0 || text.length > 2 * count) {
    return dataTypeError(`${text.length} characters do not fit in ${count} registers`);
  }
  const registers = new Array<number>(count).fill(0);
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char > 0x7f) {
      return dataTypeError(`character ${i} of the string (U+${char.toString(16)}) is not ASCII`);
    }
    const high = i % 2 === 0 ? !BYTE_SWAP[order] : BYTE_SWAP[order];
    const at = i >> 1;
    registers[at] = (registers[at] ?? 0) | (high ? char << 8 : char);
  }
  return ok(registers);
}
