// Data types over registers in the four byte orders, against values worked out by hand, then
// round trips of random values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeRegisterString,
  decodeRegisterValue,
  encodeRegisterString,
  encodeRegisterValue,
  type BigRegisterType,
  type ByteOrder,
  type NumberRegisterType,
} from '../../../src/protocols/modbus/index.js';

const ORDERS: ByteOrder[] = ['ABCD', 'CDAB', 'BADC', 'DCBA'];

function value<T>(decoded: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!decoded.ok) throw decoded.error;
  return decoded.value;
}

/** [type, value, registers in ABCD, CDAB, BADC, DCBA] */
const NUMBERS: [NumberRegisterType, number, Record<ByteOrder, number[]>][] = [
  // 123.456 is 0x42F6E979 in IEEE 754 single precision; 123.456 itself is not representable,
  // so the value compared is its float32 rounding.
  [
    'float32',
    Math.fround(123.456),
    {
      ABCD: [0x42f6, 0xe979],
      CDAB: [0xe979, 0x42f6],
      BADC: [0xf642, 0x79e9],
      DCBA: [0x79e9, 0xf642],
    },
  ],
  [
    'int32',
    -2,
    {
      ABCD: [0xffff, 0xfffe],
      CDAB: [0xfffe, 0xffff],
      BADC: [0xffff, 0xfeff],
      DCBA: [0xfeff, 0xffff],
    },
  ],
  [
    'uint32',
    0x12345678,
    {
      ABCD: [0x1234, 0x5678],
      CDAB: [0x5678, 0x1234],
      BADC: [0x3412, 0x7856],
      DCBA: [0x7856, 0x3412],
    },
  ],
  ['int16', -1234, { ABCD: [0xfb2e], CDAB: [0xfb2e], BADC: [0x2efb], DCBA: [0x2efb] }],
  ['uint16', 0xabcd, { ABCD: [0xabcd], CDAB: [0xabcd], BADC: [0xcdab], DCBA: [0xcdab] }],
  [
    'float64',
    1.5, // 0x3FF8000000000000
    {
      ABCD: [0x3ff8, 0, 0, 0],
      CDAB: [0, 0, 0, 0x3ff8],
      BADC: [0xf83f, 0, 0, 0],
      DCBA: [0, 0, 0, 0xf83f],
    },
  ],
];

const BIGS: [BigRegisterType, bigint, Record<ByteOrder, number[]>][] = [
  [
    'uint64',
    0x0102030405060708n,
    {
      ABCD: [0x0102, 0x0304, 0x0506, 0x0708],
      CDAB: [0x0708, 0x0506, 0x0304, 0x0102],
      BADC: [0x0201, 0x0403, 0x0605, 0x0807],
      DCBA: [0x0807, 0x0605, 0x0403, 0x0201],
    },
  ],
  [
    'int64',
    -0x0102030405060708n, // 0xFEFDFCFBFAF9F8F8
    {
      ABCD: [0xfefd, 0xfcfb, 0xfaf9, 0xf8f8],
      CDAB: [0xf8f8, 0xfaf9, 0xfcfb, 0xfefd],
      BADC: [0xfdfe, 0xfbfc, 0xf9fa, 0xf8f8],
      DCBA: [0xf8f8, 0xf9fa, 0xfbfc, 0xfdfe],
    },
  ],
];

describe('values worked out by hand', () => {
  for (const [type, number, layouts] of NUMBERS) {
    for (const order of ORDERS) {
      it(`${type} ${number} in ${order}`, () => {
        expect(value(encodeRegisterValue(number, type, order))).toEqual(layouts[order]);
        expect(value(decodeRegisterValue(layouts[order], type, order))).toBe(number);
      });
    }
  }
  for (const [type, big, layouts] of BIGS) {
    for (const order of ORDERS) {
      it(`${type} ${big} in ${order}`, () => {
        expect(value(encodeRegisterValue(big, type, order))).toEqual(layouts[order]);
        expect(value(decodeRegisterValue(layouts[order], type, order))).toBe(big);
      });
    }
  }

  it('reads from an index inside a longer register array', () => {
    expect(value(decodeRegisterValue([9, 9, 0x42f6, 0xe979, 9], 'float32', 'ABCD', 2))).toBe(
      Math.fround(123.456),
    );
    expect(value(decodeRegisterValue([0x5678, 0x1234], 'uint32', 'CDAB'))).toBe(0x12345678);
  });

  it('defaults to ABCD, the order of the specification (4.2)', () => {
    expect(value(encodeRegisterValue(0x12345678, 'uint32'))).toEqual([0x1234, 0x5678]);
  });
});

describe('strings, two characters per register', () => {
  it('puts the first character in the high byte for ABCD and CDAB', () => {
    expect(value(encodeRegisterString('OTsafe'))).toEqual([0x4f54, 0x7361, 0x6665]);
    expect(value(encodeRegisterString('OTsafe', 'CDAB'))).toEqual([0x4f54, 0x7361, 0x6665]);
    expect(value(decodeRegisterString([0x4f54, 0x7361, 0x6665], 3))).toBe('OTsafe');
  });

  it('puts it in the low byte for BADC and DCBA', () => {
    expect(value(encodeRegisterString('OTsafe', 'BADC'))).toEqual([0x544f, 0x6173, 0x6566]);
    expect(value(decodeRegisterString([0x544f, 0x6173, 0x6566], 3, 'DCBA'))).toBe('OTsafe');
  });

  it('pads with NUL and stops at the first NUL', () => {
    expect(value(encodeRegisterString('abc', 'ABCD', 4))).toEqual([0x6162, 0x6300, 0, 0]);
    expect(value(decodeRegisterString([0x6162, 0x6300, 0x4142, 0], 4))).toBe('abc');
    expect(value(decodeRegisterString([0x0041], 1))).toBe('');
  });

  it('reads bytes above 0x7F as Latin-1 rather than losing them', () => {
    expect(value(decodeRegisterString([0xe9ff], 1))).toBe('\u00e9\u00ff');
  });
});

describe('refusals', () => {
  const code = (decoded: { ok: boolean; error?: { code: string } }) =>
    decoded.ok ? 'ok' : decoded.error?.code;
  it('too few registers, bad registers, bad index', () => {
    expect(code(decodeRegisterValue([1], 'float32'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(decodeRegisterValue([1, 2], 'float32', 'ABCD', 1))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(decodeRegisterValue([1, 2], 'float32', 'ABCD', -1))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(decodeRegisterValue([70000], 'uint16'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(decodeRegisterValue([1.5], 'uint16'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(decodeRegisterValue([-1], 'int16'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(decodeRegisterString([1], 2))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(decodeRegisterString([70000], 1))).toBe('OTS_MODBUS_DATA_TYPE');
  });

  it('values out of range or of the wrong kind', () => {
    expect(code(encodeRegisterValue(32768, 'int16'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(encodeRegisterValue(-1, 'uint32'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(encodeRegisterValue(1.5, 'int32'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(encodeRegisterValue(1n << 64n, 'uint64'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(encodeRegisterValue(-1n, 'uint64'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(encodeRegisterString('é'))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(encodeRegisterString('abc', 'ABCD', 1))).toBe('OTS_MODBUS_DATA_TYPE');
    expect(code(encodeRegisterValue(Number.NaN, 'float32'))).toBe('ok');
  });
});

describe('round trips of random values', () => {
  const order = fc.constantFrom(...ORDERS);
  const cases: [NumberRegisterType, fc.Arbitrary<number>][] = [
    ['int16', fc.integer({ min: -0x8000, max: 0x7fff })],
    ['uint16', fc.integer({ min: 0, max: 0xffff })],
    ['int32', fc.integer({ min: -0x80000000, max: 0x7fffffff })],
    ['uint32', fc.integer({ min: 0, max: 0xffffffff })],
    ['float32', fc.float({ noNaN: true })],
    ['float64', fc.double({ noNaN: true })],
  ];
  for (const [type, arbitrary] of cases) {
    it(type, () => {
      fc.assert(
        fc.property(arbitrary, order, (number, byteOrder) => {
          const registers = value(encodeRegisterValue(number, type, byteOrder));
          expect(registers.every((r) => Number.isInteger(r) && r >= 0 && r <= 0xffff)).toBe(true);
          expect(value(decodeRegisterValue(registers, type, byteOrder))).toBe(number);
        }),
        { numRuns: 500 },
      );
    });
  }
  it('int64 and uint64', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), order, (big, byteOrder) => {
        const unsigned = value(encodeRegisterValue(big, 'uint64', byteOrder));
        expect(value(decodeRegisterValue(unsigned, 'uint64', byteOrder))).toBe(big);
        const signed = BigInt.asIntN(64, big);
        const registers = value(encodeRegisterValue(signed, 'int64', byteOrder));
        expect(registers).toEqual(unsigned);
        expect(value(decodeRegisterValue(registers, 'int64', byteOrder))).toBe(signed);
      }),
      { numRuns: 500 },
    );
  });
  it('ASCII strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 1, max: 0x7f }).map((c) => String.fromCharCode(c)) }),
        order,
        (text, byteOrder) => {
          const registers = value(encodeRegisterString(text, byteOrder));
          expect(value(decodeRegisterString(registers, registers.length, byteOrder))).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
