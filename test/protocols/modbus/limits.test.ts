// The limits of Modbus Application Protocol v1.1b3 at their boundaries: the last value accepted,
// the first refused, with the error code and the exception a server answers with.
import { describe, expect, it } from 'vitest';
import {
  decodeMbapFrame,
  decodePdu,
  exceptionPdu,
  encodeMbapFrame,
  MODBUS_LIMITS,
  ModbusPduError,
  type Direction,
} from '../../../src/protocols/modbus/index.js';
import { hex, toHex } from './vector.js';

function u16(value: number): string {
  return value.toString(16).padStart(4, '0');
}
function u8(value: number): string {
  return value.toString(16).padStart(2, '0');
}
function zeros(bytes: number): string {
  return '00'.repeat(bytes);
}

interface Case {
  name: string;
  direction?: Direction;
  pdu: string;
  /** undefined: accepted */
  code?: string;
  exceptionCode?: number;
}

function check(cases: Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const decoded = decodePdu(hex(c.pdu), c.direction ?? 'request');
      if (c.code === undefined) {
        if (!decoded.ok) throw decoded.error;
        return;
      }
      expect(decoded.ok).toBe(false);
      if (decoded.ok) return;
      const error = decoded.error;
      if (!(error instanceof ModbusPduError)) throw new Error('expected a ModbusPduError');
      expect(error.code).toBe(c.code);
      expect(error.protocol).toBe('modbus');
      if (c.exceptionCode !== undefined) expect(error.exceptionCode).toBe(c.exceptionCode);
    });
  }
}

function readCases(code: number, name: string, max: number): Case[] {
  const fc = u8(code);
  return [
    {
      name: `${name}: quantity 0`,
      pdu: `${fc} 0000 0000`,
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    { name: `${name}: quantity 1`, pdu: `${fc} 0000 0001` },
    { name: `${name}: quantity ${max}`, pdu: `${fc} 0000 ${u16(max)}` },
    {
      name: `${name}: quantity ${max + 1}`,
      pdu: `${fc} 0000 ${u16(max + 1)}`,
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: `${name}: quantity 0xFFFF`,
      pdu: `${fc} 0000 ffff`,
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: `${name}: ends exactly at address 65535`,
      pdu: `${fc} ${u16(65536 - max)} ${u16(max)}`,
    },
    {
      name: `${name}: one past address 65535`,
      pdu: `${fc} ${u16(65537 - max)} ${u16(max)}`,
      code: 'OTS_MODBUS_ADDRESS_OVERFLOW',
      exceptionCode: 2,
    },
    { name: `${name}: address 65535, quantity 1`, pdu: `${fc} ffff 0001` },
    {
      name: `${name}: one byte short`,
      pdu: `${fc} 0000 00`,
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      exceptionCode: 3,
    },
    {
      name: `${name}: one byte too many`,
      pdu: `${fc} 0000 0001 00`,
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      exceptionCode: 3,
    },
  ];
}

describe('read quantities (6.1 to 6.4)', () => {
  expect(MODBUS_LIMITS.readBits).toBe(0x7d0);
  expect(MODBUS_LIMITS.readRegisters).toBe(0x7d);
  check(readCases(1, 'read coils', 2000));
  check(readCases(2, 'read discrete inputs', 2000));
  check(readCases(3, 'read holding registers', 125));
  check(readCases(4, 'read input registers', 125));
});

describe('read responses (6.1 to 6.4)', () => {
  check([
    { name: 'coils: byte count 250', direction: 'response', pdu: `01 fa ${zeros(250)}` },
    {
      name: 'coils: byte count 0',
      direction: 'response',
      pdu: '01 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'coils: byte count says 2, 1 present',
      direction: 'response',
      pdu: '01 02 ff',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'coils: byte count says 1, 2 present',
      direction: 'response',
      pdu: '01 01 ff ff',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    { name: 'registers: byte count 250', direction: 'response', pdu: `03 fa ${zeros(250)}` },
    {
      name: 'registers: byte count 252',
      direction: 'response',
      pdu: `03 fc ${zeros(252)}`,
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'registers: odd byte count',
      direction: 'response',
      pdu: '04 03 00 00 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'registers: function code only',
      direction: 'response',
      pdu: '03',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
    },
  ]);
});

describe('write single coil and register (6.5, 6.6)', () => {
  check([
    { name: 'coil value 0xFF00', pdu: '05 0000 ff00' },
    { name: 'coil value 0x0000', pdu: '05 ffff 0000' },
    {
      name: 'coil value 0x0001',
      pdu: '05 0000 0001',
      code: 'OTS_MODBUS_BAD_VALUE',
      exceptionCode: 3,
    },
    {
      name: 'coil value 0xFFFF',
      pdu: '05 0000 ffff',
      code: 'OTS_MODBUS_BAD_VALUE',
      exceptionCode: 3,
    },
    {
      name: 'coil value 0x00FF',
      pdu: '05 0000 00ff',
      code: 'OTS_MODBUS_BAD_VALUE',
      exceptionCode: 3,
    },
    {
      name: 'coil echo with value 0x1234',
      direction: 'response',
      pdu: '05 0000 1234',
      code: 'OTS_MODBUS_BAD_VALUE',
    },
    { name: 'register any value', pdu: '06 ffff ffff' },
    { name: 'register short', pdu: '06 0000', code: 'OTS_MODBUS_BAD_PDU_LENGTH', exceptionCode: 3 },
  ]);
});

describe('write multiple coils (6.11)', () => {
  expect(MODBUS_LIMITS.writeCoils).toBe(0x7b0);
  check([
    {
      name: 'quantity 0',
      pdu: '0f 0000 0000 00',
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    { name: 'quantity 1', pdu: '0f 0000 0001 01 01' },
    { name: 'quantity 1968 in 246 bytes', pdu: `0f 0000 07b0 f6 ${zeros(246)}` },
    {
      name: 'quantity 1969',
      pdu: `0f 0000 07b1 f7 ${zeros(247)}`,
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: 'byte count 1 for 9 coils',
      pdu: '0f 0000 0009 01 ff',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'byte count 3 for 9 coils',
      pdu: '0f 0000 0009 03 ff ff ff',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'byte count right, bytes missing',
      pdu: '0f 0000 0009 02 ff',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'byte count right, a byte too many',
      pdu: '0f 0000 0009 02 ff 01 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    { name: 'ends at 65535', pdu: '0f fff8 0008 01 ff' },
    {
      name: 'runs past 65535',
      pdu: '0f fff9 0008 01 ff',
      code: 'OTS_MODBUS_ADDRESS_OVERFLOW',
      exceptionCode: 2,
    },
    {
      name: 'header cut',
      pdu: '0f 0000 0008',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      exceptionCode: 3,
    },
  ]);
});

describe('write multiple registers (6.12)', () => {
  expect(MODBUS_LIMITS.writeRegisters).toBe(0x7b);
  check([
    {
      name: 'quantity 0',
      pdu: '10 0000 0000 00',
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    { name: 'quantity 123', pdu: `10 0000 007b f6 ${zeros(246)}` },
    {
      name: 'quantity 124',
      pdu: `10 0000 007c f8 ${zeros(248)}`,
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: 'byte count odd',
      pdu: '10 0000 0001 03 00 00 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'byte count 2 for 2 registers',
      pdu: '10 0000 0002 02 00 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'values missing',
      pdu: '10 0000 0002 04 00 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'runs past 65535',
      pdu: '10 ffff 0002 04 0000 0000',
      code: 'OTS_MODBUS_ADDRESS_OVERFLOW',
      exceptionCode: 2,
    },
  ]);
});

describe('read/write multiple registers (6.17)', () => {
  const write1 = '0000 0001 02 0000';
  check([
    { name: 'read 125, write 121', pdu: `17 0000 007d 0000 0079 f2 ${zeros(242)}` },
    {
      name: 'read 0',
      pdu: `17 0000 0000 ${write1}`,
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: 'read 126',
      pdu: `17 0000 007e ${write1}`,
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: 'write 0',
      pdu: '17 0000 0001 0000 0000 00',
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: 'write 122',
      pdu: `17 0000 0001 0000 007a f4 ${zeros(244)}`,
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: 'write byte count wrong',
      pdu: '17 0000 0001 0000 0001 04 0000 0000',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'read runs past 65535',
      pdu: `17 ffff 0002 ${write1}`,
      code: 'OTS_MODBUS_ADDRESS_OVERFLOW',
      exceptionCode: 2,
    },
    {
      name: 'write runs past 65535',
      pdu: '17 0000 0001 ffff 0002 04 0000 0000',
      code: 'OTS_MODBUS_ADDRESS_OVERFLOW',
      exceptionCode: 2,
    },
    {
      name: 'header cut',
      pdu: '17 0000 0001 0000 0001',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      exceptionCode: 3,
    },
    { name: 'response of 125 registers', direction: 'response', pdu: `17 fa ${zeros(250)}` },
    {
      name: 'response odd',
      direction: 'response',
      pdu: '17 01 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
  ]);
});

describe('diagnostics data (6.8.1)', () => {
  check([
    { name: 'return query data, any length', pdu: '08 0000 01 02 03' },
    { name: 'return query data, no data', pdu: '08 0000' },
    {
      name: 'restart with 0x1234',
      pdu: '08 0001 1234',
      code: 'OTS_MODBUS_BAD_VALUE',
      exceptionCode: 3,
    },
    {
      name: 'change delimiter with low byte set',
      pdu: '08 0003 0a01',
      code: 'OTS_MODBUS_BAD_VALUE',
      exceptionCode: 3,
    },
    {
      name: 'bus message count with data 1',
      pdu: '08 000b 0001',
      code: 'OTS_MODBUS_BAD_VALUE',
      exceptionCode: 3,
    },
    {
      name: 'clear overrun with 3 data bytes',
      pdu: '08 0014 0000 00',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      exceptionCode: 3,
    },
    {
      name: 'force listen only without data',
      pdu: '08 0004',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      exceptionCode: 3,
    },
    { name: 'a counter reply carries any value', direction: 'response', pdu: '08 000e ffff' },
    {
      name: 'a counter reply of 1 byte',
      direction: 'response',
      pdu: '08 000e ff',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
    },
    { name: 'an unknown sub-function is kept, not refused', pdu: '08 0015 0000 0000' },
    { name: 'sub-function cut', pdu: '08 00', code: 'OTS_MODBUS_BAD_PDU_LENGTH', exceptionCode: 3 },
  ]);
});

describe('file records (6.14, 6.15)', () => {
  check([
    {
      name: 'read: 35 groups fill the byte count 245',
      pdu: `14 f5 ${'06 0001 0000 0001'.repeat(35)}`,
    },
    {
      name: 'read: byte count not a multiple of 7',
      pdu: '14 08 06 0001 0000 0001 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'read: reference type 7',
      pdu: '14 07 07 0001 0000 0001',
      code: 'OTS_MODBUS_BAD_FILE_RECORD',
      exceptionCode: 2,
    },
    {
      name: 'read: file 0',
      pdu: '14 07 06 0000 0000 0001',
      code: 'OTS_MODBUS_BAD_FILE_RECORD',
      exceptionCode: 2,
    },
    { name: 'read: records 9998-9999', pdu: '14 07 06 0001 270e 0002' },
    {
      name: 'read: records 9999-10000',
      pdu: '14 07 06 0001 270f 0002',
      code: 'OTS_MODBUS_BAD_FILE_RECORD',
      exceptionCode: 2,
    },
    {
      name: 'read: record length 0',
      pdu: '14 07 06 0001 0000 0000',
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: 'read: answer would not fit a PDU',
      pdu: '14 07 06 0001 0000 007d',
      code: 'OTS_MODBUS_BAD_QUANTITY',
      exceptionCode: 3,
    },
    {
      name: 'read response: group length even',
      direction: 'response',
      pdu: '14 03 02 06 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'read response: group runs past the PDU',
      direction: 'response',
      pdu: '14 03 05 06 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'write: request data length 8',
      pdu: '15 08 06 0001 0000 0000 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'write: record data cut',
      pdu: '15 0b 06 0001 0000 0002 0000',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      exceptionCode: 3,
    },
    {
      name: 'write: reference type 5',
      pdu: '15 09 05 0001 0000 0001 0000',
      code: 'OTS_MODBUS_BAD_FILE_RECORD',
      exceptionCode: 2,
    },
    { name: 'write: two groups', pdu: '15 12 06 0001 0000 0001 0000 06 0002 0001 0001 ffff' },
  ]);
});

describe('FIFO queue, event log, device identification, exceptions', () => {
  check([
    { name: 'FIFO of 31 registers', direction: 'response', pdu: `18 0040 001f ${zeros(62)}` },
    {
      name: 'FIFO of 32 registers',
      direction: 'response',
      pdu: `18 0042 0020 ${zeros(64)}`,
      code: 'OTS_MODBUS_BAD_QUANTITY',
    },
    {
      name: 'FIFO byte count wrong',
      direction: 'response',
      pdu: '18 0004 0002 0000 0000',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    { name: 'FIFO request cut', pdu: '18 00', code: 'OTS_MODBUS_BAD_PDU_LENGTH', exceptionCode: 3 },
    {
      name: 'event log with 64 events',
      direction: 'response',
      pdu: `0c 46 0000 0000 0000 ${zeros(64)}`,
    },
    {
      name: 'event log with 65 events',
      direction: 'response',
      pdu: `0c 47 0000 0000 0000 ${zeros(65)}`,
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'device identification code 0',
      pdu: '2b 0e 00 00',
      code: 'OTS_MODBUS_BAD_VALUE',
      exceptionCode: 3,
    },
    {
      name: 'device identification code 5',
      pdu: '2b 0e 05 00',
      code: 'OTS_MODBUS_BAD_VALUE',
      exceptionCode: 3,
    },
    {
      name: 'device identification object runs past the PDU',
      direction: 'response',
      pdu: '2b 0e 01 01 00 00 01 00 05 41',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'device identification announces 2 objects, has 1',
      direction: 'response',
      pdu: '2b 0e 01 01 00 00 02 00 01 41',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'device identification with bytes after the objects',
      direction: 'response',
      pdu: '2b 0e 01 01 00 00 01 00 01 41 00',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
    },
    { name: 'MEI type only', pdu: '2b', code: 'OTS_MODBUS_BAD_PDU_LENGTH', exceptionCode: 3 },
    {
      name: 'exception of 1 byte',
      direction: 'response',
      pdu: '83',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
    },
    { name: 'exception code 0x0C is kept (named unknown-12)', direction: 'response', pdu: '83 0c' },
    { name: 'empty PDU', pdu: '', code: 'OTS_MODBUS_BAD_PDU_LENGTH' },
    {
      name: 'request with function code 0x83',
      pdu: '83 02',
      code: 'OTS_MODBUS_BAD_FUNCTION_CODE',
      exceptionCode: 1,
    },
    {
      name: 'response with function code 0',
      direction: 'response',
      pdu: '00',
      code: 'OTS_MODBUS_BAD_FUNCTION_CODE',
    },
    {
      name: 'report server id byte count wrong',
      direction: 'response',
      pdu: '11 03 01 02',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
    },
    {
      name: 'read exception status request with data',
      pdu: '07 00',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      exceptionCode: 3,
    },
    {
      name: 'mask write cut',
      pdu: '16 0000 ffff',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      exceptionCode: 3,
    },
  ]);
});

describe('a refused request inside an MBAP frame', () => {
  it('carries what the exception response must echo, and the server can build it', () => {
    // read holding registers, 126 registers, transaction 0x0102, unit 9
    const decoded = decodeMbapFrame(hex('0102 0000 0006 09 03 0000 007e'), 'request');
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    const error = decoded.error;
    if (!(error instanceof ModbusPduError)) throw new Error('expected a ModbusPduError');
    expect(error.code).toBe('OTS_MODBUS_BAD_QUANTITY');
    expect(error.offset).toBe(7 + 3); // the quantity field, counted from the start of the ADU
    expect(error.toJSON()).toEqual({
      code: 'OTS_MODBUS_BAD_QUANTITY',
      protocol: 'modbus',
      message: error.message,
      offset: 10,
      function_code: 3,
      exception_code: 3,
      transaction_id: 0x0102,
      unit: 9,
    });
    const reply = encodeMbapFrame({
      transactionId: error.transactionId ?? 0,
      unitId: error.unitId ?? 0,
      pdu: exceptionPdu(error.functionCode, error.exceptionCode),
    });
    expect(reply.ok && toHex(reply.value)).toBe('010200000003098303');
  });
});
