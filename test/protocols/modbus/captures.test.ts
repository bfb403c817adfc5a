// Byte vectors from real captures, extracted once with
// `tshark -r FILE -Y modbus -T fields -e frame.number -e tcp.payload` and named by capture and
// frame number (under ../shared/data/pcaps; the test does not need the files). Each is tested
// four ways (vector.ts); segments that carry several ADUs are checked as wholes below.
import { describe, expect, it } from 'vitest';
import type { CodecError } from '../../../src/protocols/index.js';
import {
  createMbapParser,
  decodeMbapFrame,
  decodeMbapFrames,
  ModbusPduError,
  summarize,
  type ModbusAdu,
} from '../../../src/protocols/modbus/index.js';
import { ascii, bits, hex, testAduVector, type AduVector } from './vector.js';

/** Big-endian words of a hex string, computed independently of the codec. */
function words(text: string): number[] {
  const b = Buffer.from(text.replace(/\s+/g, ''), 'hex');
  const out: number[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) out.push(b.readUInt16BE(i));
  return out;
}

const REPEAT_DATA = Array.from({ length: 0xfa }, (_, i) => i.toString(16).padStart(2, '0')).join(
  '',
);

const vectors: AduVector[] = [
  // ITI ModbusTCP.pcap: a master polling unit 255; the capture starts mid-stream.
  {
    name: 'ModbusTCP.pcap frame 2: read input registers 2258-2259',
    direction: 'request',
    adu: '0000 0000 0006 ff 04 08d2 0002',
    expected: {
      transactionId: 0,
      unitId: 255,
      pdu: { kind: 'read_input_registers', pduType: 'request', address: 2258, quantity: 2 },
    },
  },
  {
    name: 'ModbusTCP.pcap frame 4: read 30 discrete inputs from 99',
    direction: 'request',
    adu: '0001 0000 0006 ff 02 0063 001e',
    expected: {
      transactionId: 1,
      unitId: 255,
      pdu: { kind: 'read_discrete_inputs', pduType: 'request', address: 99, quantity: 30 },
    },
  },
  {
    name: 'ModbusTCP.pcap frame 6: read 40 input registers from 48',
    direction: 'request',
    adu: '2975 0000 0006 ff 04 0030 0028',
    expected: {
      transactionId: 0x2975,
      unitId: 255,
      pdu: { kind: 'read_input_registers', pduType: 'request', address: 48, quantity: 40 },
    },
  },
  {
    name: 'ModbusTCP.pcap frame 7: 40 input registers (ASCII serial numbers)',
    direction: 'response',
    adu:
      '2975 0000 0053 ff 04 50' +
      '3030303030303030303030303030333333373000000000000000000000000000' +
      '5830303030363235363335380000000000000000000000000000000000000000' +
      '0fe80000000600000000000000000000',
    expected: {
      transactionId: 0x2975,
      unitId: 255,
      pdu: {
        kind: 'read_input_registers',
        pduType: 'response',
        values: words(
          '3030303030303030303030303030333333373000000000000000000000000000' +
            '5830303030363235363335380000000000000000000000000000000000000000' +
            '0fe80000000600000000000000000000',
        ),
      },
    },
  },
  {
    name: 'ModbusTCP.pcap frame 28: write coils 7-9 (1, 0, 0)',
    direction: 'request',
    adu: '485a 0000 0008 ff 0f 0007 0003 01 01',
    expected: {
      transactionId: 0x485a,
      unitId: 255,
      pdu: { kind: 'write_multiple_coils', pduType: 'request', address: 7, values: bits('100') },
    },
  },
  {
    name: 'ModbusTCP.pcap frame 32: write multiple coils response',
    direction: 'response',
    adu: '485a 0000 0006 ff 0f 0007 0003',
    expected: {
      transactionId: 0x485a,
      unitId: 255,
      pdu: { kind: 'write_multiple_coils', pduType: 'response', address: 7, quantity: 3 },
    },
  },
  {
    name: 'ModbusTCP.pcap frame 34: read 10 coils from 0',
    direction: 'request',
    adu: '0591 0000 0006 ff 01 0000 000a',
    expected: {
      transactionId: 0x0591,
      unitId: 255,
      pdu: { kind: 'read_coils', pduType: 'request', address: 0, quantity: 10 },
    },
  },
  {
    name: 'ModbusTCP.pcap frame 46: 10 coils in 2 bytes, only coil 0 on',
    direction: 'response',
    adu: '0591 0000 0005 ff 01 02 01 00',
    expected: {
      transactionId: 0x0591,
      unitId: 255,
      pdu: { kind: 'read_coils', pduType: 'response', values: bits('10000000 00000000') },
    },
  },
  // ITI mb2.pcap: the same plant, other flows.
  {
    name: 'mb2.pcap frame 28: write 10 coils from 9, all on',
    direction: 'request',
    adu: '308a 0000 0009 ff 0f 0009 000a 02 ff 03',
    expected: {
      transactionId: 0x308a,
      unitId: 255,
      pdu: {
        kind: 'write_multiple_coils',
        pduType: 'request',
        address: 9,
        values: bits('11111111 11'),
      },
    },
  },
  {
    name: 'mb2.pcap frame 73: read coils response, 1 byte',
    direction: 'response',
    adu: '3206 0000 0004 ff 01 01 00',
    expected: {
      transactionId: 0x3206,
      unitId: 255,
      pdu: { kind: 'read_coils', pduType: 'response', values: bits('00000000') },
    },
  },
  // ITI modicon_test.pcap: Unity Pro talking UMAS (FC 90) to a Modicon Quantum, unit 0.
  {
    name: 'modicon_test.pcap frame 4: UMAS read_id (0x02), no session yet',
    direction: 'request',
    adu: '0000 0000 0004 00 5a 00 02',
    expected: {
      transactionId: 0,
      unitId: 0,
      pdu: { kind: 'umas', pduType: 'request', sessionKey: 0, umasFunctionCode: 2, data: hex('') },
    },
  },
  {
    name: 'modicon_test.pcap frame 6: UMAS read_id reply, "140 CPU 311 10"',
    direction: 'response',
    adu:
      '0000 0000 0032 00 5a 00 fe' +
      '10ff5a010100000070020000270009000800000000000e3134302043505520333131203130010101000000001100',
    expected: {
      transactionId: 0,
      unitId: 0,
      pdu: {
        kind: 'umas',
        pduType: 'response',
        sessionKey: 0,
        status: 0xfe,
        data: hex(
          '10ff5a010100000070020000270009000800000000000e3134302043505520333131203130010101000000001100',
        ),
      },
    },
  },
  {
    name: 'modicon_test.pcap frame 7: UMAS init_comm (0x01)',
    direction: 'request',
    adu: '0001 0000 0005 00 5a 00 01 00',
    expected: {
      transactionId: 1,
      unitId: 0,
      pdu: {
        kind: 'umas',
        pduType: 'request',
        sessionKey: 0,
        umasFunctionCode: 1,
        data: hex('00'),
      },
    },
  },
  {
    name: 'modicon_test.pcap frame 19: UMAS repeat (0x0A) with MBAP length 255, past the spec',
    direction: 'request',
    adu: `0007 0000 00ff 00 5a 00 0a 00 ${REPEAT_DATA}`,
    options: { maxLength: 260 },
    expected: {
      transactionId: 7,
      unitId: 0,
      pdu: {
        kind: 'umas',
        pduType: 'request',
        sessionKey: 0,
        umasFunctionCode: 0x0a,
        data: hex(`00 ${REPEAT_DATA}`),
      },
    },
  },
  {
    name: 'modicon_test.pcap frame 20: UMAS repeat echoed, MBAP length 255',
    direction: 'response',
    adu: `0007 0000 00ff 00 5a 00 fe 00 ${REPEAT_DATA}`,
    options: { maxLength: 260 },
    expected: {
      transactionId: 7,
      unitId: 0,
      pdu: {
        kind: 'umas',
        pduType: 'response',
        sessionKey: 0,
        status: 0xfe,
        data: hex(`00 ${REPEAT_DATA}`),
      },
    },
  },
  {
    name: 'modicon_test.pcap frame 25: UMAS read_memory_block (0x20)',
    direction: 'request',
    adu: '000a 0000 000d 00 5a 00 20 0013 0000 0000 0064 00',
    expected: {
      transactionId: 10,
      unitId: 0,
      pdu: {
        kind: 'umas',
        pduType: 'request',
        sessionKey: 0,
        umasFunctionCode: 0x20,
        data: hex('0013 0000 0000 0064 00'),
      },
    },
  },
  {
    name: 'modicon_test.pcap frame 49: UMAS take_plc_reservation (0x10) by USER-714E74F21B',
    direction: 'request',
    adu: '0016 0000 0018 00 5a 00 10 434c 0000 0f 555345522d37313445373446323142',
    expected: {
      transactionId: 0x16,
      unitId: 0,
      pdu: {
        kind: 'umas',
        pduType: 'request',
        sessionKey: 0,
        umasFunctionCode: 0x10,
        data: hex(`434c 0000 0f ${Buffer.from('USER-714E74F21B').toString('hex')}`),
      },
    },
  },
  {
    name: 'modicon_test.pcap frame 50: reservation granted, session key 0x01',
    direction: 'response',
    adu: '0016 0000 0005 00 5a 00 fe 01',
    expected: {
      transactionId: 0x16,
      unitId: 0,
      pdu: { kind: 'umas', pduType: 'response', sessionKey: 0, status: 0xfe, data: hex('01') },
    },
  },
  {
    name: 'modicon_test.pcap frame 57: UMAS keep_alive (0x12) under session key 0x01',
    direction: 'request',
    adu: '001a 0000 0004 00 5a 01 12',
    expected: {
      transactionId: 0x1a,
      unitId: 0,
      pdu: {
        kind: 'umas',
        pduType: 'request',
        sessionKey: 1,
        umasFunctionCode: 0x12,
        data: hex(''),
      },
    },
  },
  {
    name: 'modicon_test.pcap frame 186: UMAS end_strategy_download (0x35)',
    direction: 'request',
    adu: '0059 0000 0008 00 5a 01 35 00 01 35 00',
    expected: {
      transactionId: 0x59,
      unitId: 0,
      pdu: {
        kind: 'umas',
        pduType: 'request',
        sessionKey: 1,
        umasFunctionCode: 0x35,
        data: hex('00013500'),
      },
    },
  },
  {
    name: 'modicon_test.pcap frame 187: UMAS success reply without data',
    direction: 'response',
    adu: '0059 0000 0004 00 5a 01 fe',
    expected: {
      transactionId: 0x59,
      unitId: 0,
      pdu: { kind: 'umas', pduType: 'response', sessionKey: 1, status: 0xfe, data: hex('') },
    },
  },
  // ITI modbus_test_data_part1.pcap: a test tool against a simulator, unit 10.
  {
    name: 'modbus_test_data_part1.pcap frame 8: diagnostics force listen only mode',
    direction: 'request',
    adu: '0000 0000 0006 0a 08 0004 0000',
    expected: {
      transactionId: 0,
      unitId: 10,
      pdu: { kind: 'diagnostics', pduType: 'request', subFunction: 4, data: hex('0000') },
    },
  },
  {
    name: 'modbus_test_data_part1.pcap frame 9: exception to FC 8, gateway target failed (0x0B)',
    direction: 'response',
    adu: '0000 0000 0003 0a 88 0b',
    expected: {
      transactionId: 0,
      unitId: 10,
      pdu: { kind: 'exception', pduType: 'exception', functionCode: 8, exceptionCode: 11 },
    },
  },
  {
    name: 'modbus_test_data_part1.pcap frame 18: restart communications echoed',
    direction: 'response',
    adu: '0000 0000 0006 0a 08 0001 0000',
    expected: {
      transactionId: 0,
      unitId: 10,
      pdu: { kind: 'diagnostics', pduType: 'response', subFunction: 1, data: hex('0000') },
    },
  },
  {
    name: 'modbus_test_data_part1.pcap frame 23: clear counters and diagnostic register',
    direction: 'request',
    adu: '0000 0000 0006 0a 08 000a 0000',
    expected: {
      transactionId: 0,
      unitId: 10,
      pdu: { kind: 'diagnostics', pduType: 'request', subFunction: 10, data: hex('0000') },
    },
  },
  {
    name: 'modbus_test_data_part1.pcap frame 40: report server id',
    direction: 'request',
    adu: '0000 0000 0002 0a 11',
    expected: {
      transactionId: 0,
      unitId: 10,
      pdu: { kind: 'report_server_id', pduType: 'request' },
    },
  },
  {
    name: 'modbus_test_data_part1.pcap frame 41: server id 0x00, running, "Wingpath Limited"',
    direction: 'response',
    adu: '0000 0000 0015 0a 11 12 00 ff 57696e6770617468204c696d69746564',
    expected: {
      transactionId: 0,
      unitId: 10,
      pdu: {
        kind: 'report_server_id',
        pduType: 'response',
        data: hex(`00 ff ${Buffer.from('Wingpath Limited').toString('hex')}`),
      },
    },
  },
  {
    name: 'modbus_test_data_part1.pcap frame 58: holding registers 5-6 hold 9 and 24',
    direction: 'response',
    adu: '0001 0000 0007 0a 03 04 0009 0018',
    expected: {
      transactionId: 1,
      unitId: 10,
      pdu: { kind: 'read_holding_registers', pduType: 'response', values: [9, 24] },
    },
  },
  {
    name: 'modbus_test_data_part1.pcap frame 60: write single coil 2 OFF',
    direction: 'request',
    adu: '0001 0000 0006 0a 05 0002 0000',
    expected: {
      transactionId: 1,
      unitId: 10,
      pdu: { kind: 'write_single_coil', pduType: 'request', address: 2, value: false },
    },
  },
  {
    name: 'modbus_test_data_part1.pcap frame 67: write single register 5 = 11 echoed',
    direction: 'response',
    adu: '0001 0000 0006 0a 06 0005 000b',
    expected: {
      transactionId: 1,
      unitId: 10,
      pdu: { kind: 'write_single_register', pduType: 'response', address: 5, value: 11 },
    },
  },
  // ITI modbus_test_data_part2.pcap: a function code scan; the device answers FC 0 too.
  {
    name: 'modbus_test_data_part2.pcap frame 9: exception to function 0 (0x80), illegal function',
    direction: 'response',
    adu: '0000 0000 0003 01 80 01',
    expected: {
      transactionId: 0,
      unitId: 1,
      pdu: { kind: 'exception', pduType: 'exception', functionCode: 0, exceptionCode: 1 },
    },
  },
  // icsnpp-modbus modbus_example.pcap: one transaction per function code.
  {
    name: 'icsnpp modbus_example.pcap frame 46: read exception status 0x00',
    direction: 'response',
    adu: '000b 0000 0003 02 07 00',
    expected: {
      transactionId: 0x0b,
      unitId: 2,
      pdu: { kind: 'read_exception_status', pduType: 'response', outputData: 0 },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 48: diagnostics return diagnostic register',
    direction: 'request',
    adu: '000c 0000 0006 02 08 0002 0000',
    expected: {
      transactionId: 0x0c,
      unitId: 2,
      pdu: { kind: 'diagnostics', pduType: 'request', subFunction: 2, data: hex('0000') },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 52: write coils 1-4 (1, 0, 0, 1)',
    direction: 'request',
    adu: '000d 0000 0008 07 0f 0001 0004 01 09',
    expected: {
      transactionId: 0x0d,
      unitId: 7,
      pdu: {
        kind: 'write_multiple_coils',
        pduType: 'request',
        address: 1,
        values: bits('1001'),
      },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 56: write registers 1-4',
    direction: 'request',
    adu: '000e 0000 000f 07 10 0001 0004 08 00aa 00bb 00cc 00dd',
    expected: {
      transactionId: 0x0e,
      unitId: 7,
      pdu: {
        kind: 'write_multiple_registers',
        pduType: 'request',
        address: 1,
        values: [0xaa, 0xbb, 0xcc, 0xdd],
      },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 58: write multiple registers response',
    direction: 'response',
    adu: '000e 0000 0006 07 10 0001 0004',
    expected: {
      transactionId: 0x0e,
      unitId: 7,
      pdu: { kind: 'write_multiple_registers', pduType: 'response', address: 1, quantity: 4 },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 62: report server id with a 50-byte identity',
    direction: 'response',
    adu:
      '000f 0000 0035 02 11 32' +
      Buffer.from('Zeek Modbus Test-Protocol Parsing is fun!-1.2.3.6').toString('hex') +
      'ff',
    expected: {
      transactionId: 0x0f,
      unitId: 2,
      pdu: {
        kind: 'report_server_id',
        pduType: 'response',
        data: ascii('Zeek Modbus Test-Protocol Parsing is fun!-1.2.3.6\xff'),
      },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 66: read file record response without groups',
    direction: 'response',
    adu: '0010 0000 0003 08 14 00',
    expected: {
      transactionId: 0x10,
      unitId: 8,
      pdu: { kind: 'read_file_record', pduType: 'response', subResponses: [] },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 70: write file record response without groups',
    direction: 'response',
    adu: '0011 0000 0003 08 15 00',
    expected: {
      transactionId: 0x11,
      unitId: 8,
      pdu: { kind: 'write_file_record', pduType: 'response', subRequests: [] },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 72: mask write register 10, AND 0xDEAD, OR 0',
    direction: 'request',
    adu: '0012 0000 0008 04 16 000a dead 0000',
    expected: {
      transactionId: 0x12,
      unitId: 4,
      pdu: {
        kind: 'mask_write_register',
        pduType: 'request',
        address: 10,
        andMask: 0xdead,
        orMask: 0,
      },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 84: read 4 from 1 and write 3 from 2',
    direction: 'request',
    adu: '0015 0000 0011 06 17 0001 0004 0002 0003 06 00aa 00bb 00cc',
    expected: {
      transactionId: 0x15,
      unitId: 6,
      pdu: {
        kind: 'read_write_multiple_registers',
        pduType: 'request',
        readAddress: 1,
        readQuantity: 4,
        writeAddress: 2,
        values: [0xaa, 0xbb, 0xcc],
      },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 86: read/write response, 4 registers',
    direction: 'response',
    adu: '0015 0000 000b 06 17 08 00aa 00aa 00bb 00cc',
    expected: {
      transactionId: 0x15,
      unitId: 6,
      pdu: {
        kind: 'read_write_multiple_registers',
        pduType: 'response',
        values: [0xaa, 0xaa, 0xbb, 0xcc],
      },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 88: read FIFO queue at 0',
    direction: 'request',
    adu: '0016 0000 0004 0a 18 0000',
    expected: {
      transactionId: 0x16,
      unitId: 10,
      pdu: { kind: 'read_fifo_queue', pduType: 'request', address: 0 },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 90: empty FIFO queue',
    direction: 'response',
    adu: '0016 0000 0006 0a 18 0002 0000',
    expected: {
      transactionId: 0x16,
      unitId: 10,
      pdu: { kind: 'read_fifo_queue', pduType: 'response', values: [] },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 92: read device identification, basic',
    direction: 'request',
    adu: '0017 0000 0005 01 2b 0e 01 00',
    expected: {
      transactionId: 0x17,
      unitId: 1,
      pdu: {
        kind: 'read_device_identification',
        pduType: 'request',
        readDeviceIdCode: 1,
        objectId: 0,
      },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 94: device identification, conformity 0x83',
    direction: 'response',
    adu:
      '0017 0000 003d 01 2b 0e 01 83 00 00 03' +
      `00 10 ${Buffer.from('Zeek Modbus Test').toString('hex')}` +
      `01 18 ${Buffer.from('Protocol Parsing is fun!').toString('hex')}` +
      `02 07 ${Buffer.from('1.2.3.6').toString('hex')}`,
    expected: {
      transactionId: 0x17,
      unitId: 1,
      pdu: {
        kind: 'read_device_identification',
        pduType: 'response',
        readDeviceIdCode: 1,
        conformityLevel: 0x83,
        moreFollows: false,
        nextObjectId: 0,
        objects: [
          { id: 0, value: 'Zeek Modbus Test' },
          { id: 1, value: 'Protocol Parsing is fun!' },
          { id: 2, value: '1.2.3.6' },
        ],
      },
    },
  },
  {
    name: 'icsnpp modbus_example.pcap frame 100: exception to FC 3, illegal data address',
    direction: 'response',
    adu: '0001 0000 0003 00 83 02',
    expected: {
      transactionId: 1,
      unitId: 0,
      pdu: { kind: 'exception', pduType: 'exception', functionCode: 3, exceptionCode: 2 },
    },
  },
];

describe('real captures, ADU by ADU', () => {
  for (const vector of vectors) testAduVector(vector);
});

describe('real segments that carry several ADUs', () => {
  const segments: {
    name: string;
    direction: 'request' | 'response';
    payload: string;
    summaries: object[];
  }[] = [
    {
      name: 'ModbusTCP.pcap frame 5: FC 4 and FC 2 responses in one segment',
      direction: 'response',
      payload: '000000000007ff040400000000' + '000100000007ff0204bd4f6739',
      summaries: [
        { transaction_id: 0, function: 'read_input_registers', values: [0, 0] },
        {
          transaction_id: 1,
          function: 'read_discrete_inputs',
          values: bits('10111101 11110010 11100110 10011100'),
        },
      ],
    },
    {
      name: 'ModbusTCP.pcap frame 14: three requests in one segment',
      direction: 'request',
      payload: '297700000006ff04044c0073' + '297800000006ff0405140004' + '297900000006ff0200cb001e',
      summaries: [
        { transaction_id: 0x2977, function_code: 4, address: 1100, quantity: 115 },
        { transaction_id: 0x2978, function_code: 4, address: 1300, quantity: 4 },
        { transaction_id: 0x2979, function_code: 2, address: 203, quantity: 30 },
      ],
    },
    {
      name: 'mb2.pcap frame 25: three write-coils requests in one segment',
      direction: 'request',
      payload:
        '317c00000009ff0f0009000a02ff03' +
        '317d00000008ff0f000800010101' +
        '317e00000008ff0f000600010100',
      summaries: [
        { function: 'write_multiple_coils', address: 9, quantity: 10 },
        { function: 'write_multiple_coils', address: 8, quantity: 1, values: [true] },
        { function: 'write_multiple_coils', address: 6, quantity: 1, values: [false] },
      ],
    },
  ];

  for (const segment of segments) {
    const bytes = hex(segment.payload);
    it(`${segment.name}: decodeMbapFrames`, () => {
      const frames: ModbusAdu[] = [];
      const consumed = decodeMbapFrames(
        bytes,
        segment.direction,
        (adu) => frames.push(adu),
        (e) => {
          throw e;
        },
      );
      expect(consumed).toBe(bytes.length);
      expect(frames.map((adu) => summarize(adu))).toMatchObject(segment.summaries);
    });
    it(`${segment.name}: incremental parser, whole and byte by byte`, () => {
      for (const step of [bytes.length, 1, 5]) {
        const frames: ModbusAdu[] = [];
        const errors: CodecError[] = [];
        const parser = createMbapParser(
          (adu) => frames.push(adu),
          (e) => errors.push(e),
          {
            direction: segment.direction,
          },
        );
        for (let at = 0; at < bytes.length; at += step) parser.push(bytes.subarray(at, at + step));
        expect(errors).toEqual([]);
        expect(frames.map((adu) => summarize(adu))).toMatchObject(segment.summaries);
      }
    });
  }
});

describe('real frames the codec refuses, and why', () => {
  const refused: {
    name: string;
    direction: 'request' | 'response';
    adu: string;
    code: string;
    functionCode?: number;
    exceptionCode?: number;
  }[] = [
    {
      // The tool sent one byte too many; tshark shows the request and ignores the byte.
      name: 'modbus_test_data_part1.pcap frame 32: device identification request of 5 bytes',
      direction: 'request',
      adu: '0001 0000 0006 0a 2b 0e 03 01 00',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      functionCode: 43,
      exceptionCode: 3,
    },
    {
      name: 'modbus_test_data_part1.pcap frame 91: exception response with a trailing byte',
      direction: 'response',
      adu: '0001 0000 0004 0a 81 06 00',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      functionCode: 1,
    },
    {
      // The device answered frame 13 with 81 03, illegal data value: as the spec prescribes.
      name: 'modbus_test_data_part2.pcap frame 11: read coils with quantity 0',
      direction: 'request',
      adu: '0000 0000 0006 01 01 0000 0000',
      code: 'OTS_MODBUS_BAD_QUANTITY',
      functionCode: 1,
      exceptionCode: 3,
    },
    {
      name: 'modbus_test_data_part2.pcap frame 6: function code 0',
      direction: 'request',
      adu: '0000 0000 0006 01 00 0000 0000',
      code: 'OTS_MODBUS_BAD_FUNCTION_CODE',
      functionCode: 0,
      exceptionCode: 1,
    },
    {
      // The device answered frame 23 with 86 03.
      name: 'modbus_test_data_part2.pcap frame 22: write single register with 2 extra bytes',
      direction: 'request',
      adu: '0000 0000 0008 01 06 0000 0000 0000',
      code: 'OTS_MODBUS_BAD_PDU_LENGTH',
      functionCode: 6,
      exceptionCode: 3,
    },
    {
      name: 'icsnpp modbus_example.pcap frame 64: read file record request without groups',
      direction: 'request',
      adu: '0010 0000 0003 08 14 00',
      code: 'OTS_MODBUS_BAD_BYTE_COUNT',
      functionCode: 20,
      exceptionCode: 3,
    },
    {
      name: 'zeek fuzz-1011.pcap frame 1: read 147 input registers',
      direction: 'request',
      adu: '045f 0000 0006 ff 04 0384 0093',
      code: 'OTS_MODBUS_BAD_QUANTITY',
      functionCode: 4,
      exceptionCode: 3,
    },
    {
      name: 'zeek modbus-eit.pcap frame 2: device identification with more-follows 0x4D',
      direction: 'response',
      adu: '0000 0000 000c 00 2b 0e 01 00 4d b7 00 00 00 00 00',
      code: 'OTS_MODBUS_BAD_VALUE',
      functionCode: 43,
    },
    {
      name: 'modbus_test_data_part1.pcap frame 76: not Modbus at all, MBAP length 34820',
      direction: 'request',
      adu: '0001 0000 8804 05 07 08 09 10 00 01 00 00 88 04 05 07',
      code: 'OTS_MODBUS_BAD_LENGTH',
    },
  ];

  for (const frame of refused) {
    it(frame.name, () => {
      const decoded = decodeMbapFrame(hex(frame.adu), frame.direction);
      expect(decoded.ok).toBe(false);
      if (decoded.ok) return;
      expect(decoded.error.code).toBe(frame.code);
      if (frame.functionCode === undefined) {
        expect(decoded.error).not.toBeInstanceOf(ModbusPduError);
        return;
      }
      const error = decoded.error;
      if (!(error instanceof ModbusPduError)) throw new Error('expected a ModbusPduError');
      expect(error.functionCode).toBe(frame.functionCode);
      const header = hex(frame.adu);
      expect(error.transactionId).toBe((header[0]! << 8) | header[1]!);
      expect(error.unitId).toBe(header[6]);
      if (frame.exceptionCode !== undefined) expect(error.exceptionCode).toBe(frame.exceptionCode);
    });
  }
});
