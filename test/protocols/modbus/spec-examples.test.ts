// The worked examples of the Modbus Application Protocol Specification v1.1b3, one request and
// one response per function code, each with its clause, tested four ways (vector.ts).
import { describe } from 'vitest';
import { ascii, bits, hex, testPduVector, type PduVector } from './vector.js';

const examples: PduVector[] = [
  // 6.1 Read Coils: coils 20-38 (address 19, 19 coils); status of coils 27-20 is CD, 35-28 is
  // 6B, 38-36 is 05 (the 5 high bits of the last byte are padding).
  {
    name: '6.1 read coils request',
    direction: 'request',
    pdu: '01 0013 0013',
    expected: { kind: 'read_coils', pduType: 'request', address: 19, quantity: 19 },
  },
  {
    name: '6.1 read coils response',
    direction: 'response',
    pdu: '01 03 CD 6B 05',
    expected: {
      kind: 'read_coils',
      pduType: 'response',
      values: bits('10110011 11010110 10100000'),
    },
  },
  // 6.2 Read Discrete Inputs: inputs 197-218 (address 196, 22 inputs).
  {
    name: '6.2 read discrete inputs request',
    direction: 'request',
    pdu: '02 00C4 0016',
    expected: { kind: 'read_discrete_inputs', pduType: 'request', address: 196, quantity: 22 },
  },
  {
    name: '6.2 read discrete inputs response',
    direction: 'response',
    pdu: '02 03 AC DB 35',
    expected: {
      kind: 'read_discrete_inputs',
      pduType: 'response',
      values: bits('00110101 11011011 10101100'),
    },
  },
  // 6.3 Read Holding Registers: registers 108-110; 108 holds 0x022B (555), 109 0, 110 100.
  {
    name: '6.3 read holding registers request',
    direction: 'request',
    pdu: '03 006B 0003',
    expected: { kind: 'read_holding_registers', pduType: 'request', address: 107, quantity: 3 },
  },
  {
    name: '6.3 read holding registers response',
    direction: 'response',
    pdu: '03 06 022B 0000 0064',
    expected: { kind: 'read_holding_registers', pduType: 'response', values: [555, 0, 100] },
  },
  // 6.4 Read Input Registers: register 9 holds 10.
  {
    name: '6.4 read input registers request',
    direction: 'request',
    pdu: '04 0008 0001',
    expected: { kind: 'read_input_registers', pduType: 'request', address: 8, quantity: 1 },
  },
  {
    name: '6.4 read input registers response',
    direction: 'response',
    pdu: '04 02 000A',
    expected: { kind: 'read_input_registers', pduType: 'response', values: [10] },
  },
  // 6.5 Write Single Coil: coil 173 ON; the response echoes the request.
  {
    name: '6.5 write single coil request',
    direction: 'request',
    pdu: '05 00AC FF00',
    expected: { kind: 'write_single_coil', pduType: 'request', address: 172, value: true },
  },
  {
    name: '6.5 write single coil response',
    direction: 'response',
    pdu: '05 00AC FF00',
    expected: { kind: 'write_single_coil', pduType: 'response', address: 172, value: true },
  },
  // 6.6 Write Single Register: register 2 set to 3.
  {
    name: '6.6 write single register request',
    direction: 'request',
    pdu: '06 0001 0003',
    expected: { kind: 'write_single_register', pduType: 'request', address: 1, value: 3 },
  },
  {
    name: '6.6 write single register response',
    direction: 'response',
    pdu: '06 0001 0003',
    expected: { kind: 'write_single_register', pduType: 'response', address: 1, value: 3 },
  },
  // 6.7 Read Exception Status: outputs 0x6D.
  {
    name: '6.7 read exception status request',
    direction: 'request',
    pdu: '07',
    expected: { kind: 'read_exception_status', pduType: 'request' },
  },
  {
    name: '6.7 read exception status response',
    direction: 'response',
    pdu: '07 6D',
    expected: { kind: 'read_exception_status', pduType: 'response', outputData: 0x6d },
  },
  // 6.8 Diagnostics: return query data 0xA537, echoed.
  {
    name: '6.8 diagnostics return query data request',
    direction: 'request',
    pdu: '08 0000 A537',
    expected: {
      kind: 'diagnostics',
      pduType: 'request',
      subFunction: 0,
      data: hex('A537'),
    },
  },
  {
    name: '6.8 diagnostics return query data response',
    direction: 'response',
    pdu: '08 0000 A537',
    expected: {
      kind: 'diagnostics',
      pduType: 'response',
      subFunction: 0,
      data: hex('A537'),
    },
  },
  // 6.9 Get Comm Event Counter: status 0xFFFF (busy), event count 264.
  {
    name: '6.9 get comm event counter request',
    direction: 'request',
    pdu: '0B',
    expected: { kind: 'get_comm_event_counter', pduType: 'request' },
  },
  {
    name: '6.9 get comm event counter response',
    direction: 'response',
    pdu: '0B FFFF 0108',
    expected: {
      kind: 'get_comm_event_counter',
      pduType: 'response',
      status: 0xffff,
      eventCount: 264,
    },
  },
  // 6.10 Get Comm Event Log: status 0, 264 events, 289 messages, events 0x20 and 0x00.
  {
    name: '6.10 get comm event log request',
    direction: 'request',
    pdu: '0C',
    expected: { kind: 'get_comm_event_log', pduType: 'request' },
  },
  {
    name: '6.10 get comm event log response',
    direction: 'response',
    pdu: '0C 08 0000 0108 0121 20 00',
    expected: {
      kind: 'get_comm_event_log',
      pduType: 'response',
      status: 0,
      eventCount: 264,
      messageCount: 289,
      events: hex('2000'),
    },
  },
  // 6.11 Write Multiple Coils: 10 coils from coil 20: CD 01.
  {
    name: '6.11 write multiple coils request',
    direction: 'request',
    pdu: '0F 0013 000A 02 CD 01',
    expected: {
      kind: 'write_multiple_coils',
      pduType: 'request',
      address: 19,
      values: bits('10110011 10'),
    },
  },
  {
    name: '6.11 write multiple coils response',
    direction: 'response',
    pdu: '0F 0013 000A',
    expected: { kind: 'write_multiple_coils', pduType: 'response', address: 19, quantity: 10 },
  },
  // 6.12 Write Multiple Registers: registers 2 and 3 set to 0x000A and 0x0102.
  {
    name: '6.12 write multiple registers request',
    direction: 'request',
    pdu: '10 0001 0002 04 000A 0102',
    expected: {
      kind: 'write_multiple_registers',
      pduType: 'request',
      address: 1,
      values: [10, 258],
    },
  },
  {
    name: '6.12 write multiple registers response',
    direction: 'response',
    pdu: '10 0001 0002',
    expected: { kind: 'write_multiple_registers', pduType: 'response', address: 1, quantity: 2 },
  },
  // 6.13 Report Server ID has no byte example in the specification: the request is the bare
  // function code; the response here follows the clause's layout (byte count, server ID,
  // run indicator 0xFF ON, additional data).
  {
    name: '6.13 report server id request',
    direction: 'request',
    pdu: '11',
    expected: { kind: 'report_server_id', pduType: 'request' },
  },
  {
    name: '6.13 report server id response (layout of 6.13)',
    direction: 'response',
    pdu: '11 05 2A FF 4F 54 53',
    expected: { kind: 'report_server_id', pduType: 'response', data: hex('2A FF 4F 54 53') },
  },
  // 6.14 Read File Record: file 4 records 1-2, file 3 records 9-10.
  {
    name: '6.14 read file record request',
    direction: 'request',
    pdu: '14 0E 06 0004 0001 0002 06 0003 0009 0002',
    expected: {
      kind: 'read_file_record',
      pduType: 'request',
      subRequests: [
        { referenceType: 6, fileNumber: 4, recordNumber: 1, recordLength: 2 },
        { referenceType: 6, fileNumber: 3, recordNumber: 9, recordLength: 2 },
      ],
    },
  },
  {
    name: '6.14 read file record response',
    direction: 'response',
    pdu: '14 0C 05 06 0DFE 0020 05 06 33CD 0040',
    expected: {
      kind: 'read_file_record',
      pduType: 'response',
      subResponses: [
        { referenceType: 6, values: [0x0dfe, 0x0020] },
        { referenceType: 6, values: [0x33cd, 0x0040] },
      ],
    },
  },
  // 6.15 Write File Record: file 4, records 7-9; the response echoes the request.
  {
    name: '6.15 write file record request',
    direction: 'request',
    pdu: '15 0D 06 0004 0007 0003 06AF 04BE 100D',
    expected: {
      kind: 'write_file_record',
      pduType: 'request',
      subRequests: [
        { referenceType: 6, fileNumber: 4, recordNumber: 7, values: [0x06af, 0x04be, 0x100d] },
      ],
    },
  },
  {
    name: '6.15 write file record response',
    direction: 'response',
    pdu: '15 0D 06 0004 0007 0003 06AF 04BE 100D',
    expected: {
      kind: 'write_file_record',
      pduType: 'response',
      subRequests: [
        { referenceType: 6, fileNumber: 4, recordNumber: 7, values: [0x06af, 0x04be, 0x100d] },
      ],
    },
  },
  // 6.16 Mask Write Register: register 5, AND 0x00F2, OR 0x0025; echoed.
  {
    name: '6.16 mask write register request',
    direction: 'request',
    pdu: '16 0004 00F2 0025',
    expected: {
      kind: 'mask_write_register',
      pduType: 'request',
      address: 4,
      andMask: 0xf2,
      orMask: 0x25,
    },
  },
  {
    name: '6.16 mask write register response',
    direction: 'response',
    pdu: '16 0004 00F2 0025',
    expected: {
      kind: 'mask_write_register',
      pduType: 'response',
      address: 4,
      andMask: 0xf2,
      orMask: 0x25,
    },
  },
  // 6.17 Read/Write Multiple registers: read 6 from register 4, write 3 from register 15.
  {
    name: '6.17 read/write multiple registers request',
    direction: 'request',
    pdu: '17 0003 0006 000E 0003 06 00FF 00FF 00FF',
    expected: {
      kind: 'read_write_multiple_registers',
      pduType: 'request',
      readAddress: 3,
      readQuantity: 6,
      writeAddress: 14,
      values: [0xff, 0xff, 0xff],
    },
  },
  {
    name: '6.17 read/write multiple registers response',
    direction: 'response',
    pdu: '17 0C 00FE 0ACD 0001 0003 000D 00FF',
    expected: {
      kind: 'read_write_multiple_registers',
      pduType: 'response',
      values: [0xfe, 0x0acd, 0x01, 0x03, 0x0d, 0xff],
    },
  },
  // 6.18 Read FIFO Queue: pointer 0x04DE, two queued registers 0x01B8 and 0x1284.
  {
    name: '6.18 read FIFO queue request',
    direction: 'request',
    pdu: '18 04DE',
    expected: { kind: 'read_fifo_queue', pduType: 'request', address: 0x04de },
  },
  {
    name: '6.18 read FIFO queue response',
    direction: 'response',
    pdu: '18 0006 0002 01B8 1284',
    expected: { kind: 'read_fifo_queue', pduType: 'response', values: [440, 4740] },
  },
  // 6.21 Read Device Identification, basic stream from object 0: conformity level 1, no more
  // follows, three objects. The object lengths are the strings' own lengths.
  {
    name: '6.21 read device identification request',
    direction: 'request',
    pdu: '2B 0E 01 00',
    expected: {
      kind: 'read_device_identification',
      pduType: 'request',
      readDeviceIdCode: 1,
      objectId: 0,
    },
  },
  {
    name: '6.21 read device identification response',
    direction: 'response',
    pdu: `2B 0E 01 01 00 00 03
          00 16 ${Buffer.from('Company identification').toString('hex')}
          01 0F ${Buffer.from('Product code XX').toString('hex')}
          02 05 ${Buffer.from('V2.11').toString('hex')}`,
    expected: {
      kind: 'read_device_identification',
      pduType: 'response',
      readDeviceIdCode: 1,
      conformityLevel: 1,
      moreFollows: false,
      nextObjectId: 0,
      objects: [
        { id: 0, value: 'Company identification' },
        { id: 1, value: 'Product code XX' },
        { id: 2, value: 'V2.11' },
      ],
    },
  },
  // 7 Exception responses: read coil 1186 that does not exist gives illegal data address.
  {
    name: '7 exception example request',
    direction: 'request',
    pdu: '01 04A1 0001',
    expected: { kind: 'read_coils', pduType: 'request', address: 0x04a1, quantity: 1 },
  },
  {
    name: '7 exception example response',
    direction: 'response',
    pdu: '81 02',
    expected: { kind: 'exception', pduType: 'exception', functionCode: 1, exceptionCode: 2 },
  },
  // 6.20 CANopen General Reference: no example in the specification; the content after the MEI
  // type is CANopen's and is kept whole.
  {
    name: '6.20 CANopen general reference request (layout of 6.20)',
    direction: 'request',
    pdu: '2B 0D 40 00 10 00',
    expected: { kind: 'canopen_general_reference', pduType: 'request', data: hex('40001000') },
  },
  {
    name: '6.19 an MEI type the specification does not define',
    direction: 'response',
    pdu: '2B 05 01 02',
    expected: {
      kind: 'encapsulated_interface_transport',
      pduType: 'response',
      meiType: 5,
      data: hex('0102'),
    },
  },
];

describe('Modbus Application Protocol v1.1b3 examples', () => {
  for (const example of examples) testPduVector(example);
});

// 6.8.1: every sub-function, request and response, with the data the clause prescribes.
const diagnostics: PduVector[] = [
  ['01 restart communications option, leave the log', 0x01, '0000', '0000'],
  ['01 restart communications option, clear the log', 0x01, 'FF00', 'FF00'],
  ['02 return diagnostic register', 0x02, '0000', '8001'],
  ['03 change ASCII input delimiter to LF', 0x03, '0A00', '0A00'],
  ['0A clear counters and diagnostic register', 0x0a, '0000', '0000'],
  ['0B return bus message count', 0x0b, '0000', '0123'],
  ['0C return bus communication error count', 0x0c, '0000', '0002'],
  ['0D return bus exception error count', 0x0d, '0000', '0003'],
  ['0E return server message count', 0x0e, '0000', '0104'],
  ['0F return server no response count', 0x0f, '0000', '0005'],
  ['10 return server NAK count', 0x10, '0000', '0006'],
  ['11 return server busy count', 0x11, '0000', '0007'],
  ['12 return bus character overrun count', 0x12, '0000', '0008'],
  ['14 clear overrun counter and flag', 0x14, '0000', '0000'],
].flatMap(([name, subFunction, request, response]) => {
  const code = (subFunction as number).toString(16).padStart(4, '0');
  return [
    {
      name: `6.8.1 ${String(name)} request`,
      direction: 'request' as const,
      pdu: `08 ${code} ${String(request)}`,
      expected: {
        kind: 'diagnostics' as const,
        pduType: 'request' as const,
        subFunction: subFunction as number,
        data: hex(String(request)),
      },
    },
    {
      name: `6.8.1 ${String(name)} response`,
      direction: 'response' as const,
      pdu: `08 ${code} ${String(response)}`,
      expected: {
        kind: 'diagnostics' as const,
        pduType: 'response' as const,
        subFunction: subFunction as number,
        data: hex(String(response)),
      },
    },
  ];
});
// 04 force listen only mode: the server does not answer (6.8.1, 04), so a request only.
diagnostics.push({
  name: '6.8.1 04 force listen only mode request',
  direction: 'request',
  pdu: '08 0004 0000',
  expected: { kind: 'diagnostics', pduType: 'request', subFunction: 4, data: hex('0000') },
});

describe('Modbus Application Protocol v1.1b3, 6.8.1 diagnostics sub-functions', () => {
  for (const vector of diagnostics) testPduVector(vector);
});

// 6.21: regular and extended streams, individual access, more-follows and the next object id.
const deviceIdentification: PduVector[] = [
  {
    name: '6.21 regular stream request from object 3',
    direction: 'request',
    pdu: '2B 0E 02 03',
    expected: {
      kind: 'read_device_identification',
      pduType: 'request',
      readDeviceIdCode: 2,
      objectId: 3,
    },
  },
  {
    name: '6.21 extended stream request',
    direction: 'request',
    pdu: '2B 0E 03 00',
    expected: {
      kind: 'read_device_identification',
      pduType: 'request',
      readDeviceIdCode: 3,
      objectId: 0,
    },
  },
  {
    name: '6.21 individual access to object 0x81',
    direction: 'request',
    pdu: '2B 0E 04 81',
    expected: {
      kind: 'read_device_identification',
      pduType: 'request',
      readDeviceIdCode: 4,
      objectId: 0x81,
    },
  },
  {
    name: '6.21 first part of a segmented answer: more follows, next object 2',
    direction: 'response',
    pdu: `2B 0E 01 81 FF 02 02 00 07 ${Buffer.from('OTsafe!').toString('hex')} 01 03 ${Buffer.from('P-1').toString('hex')}`,
    expected: {
      kind: 'read_device_identification',
      pduType: 'response',
      readDeviceIdCode: 1,
      conformityLevel: 0x81,
      moreFollows: true,
      nextObjectId: 2,
      objects: [
        { id: 0, value: 'OTsafe!' },
        { id: 1, value: 'P-1' },
      ],
    },
  },
  {
    name: '6.21 extended object with binary content, kept byte for byte',
    direction: 'response',
    pdu: '2B 0E 04 83 00 00 01 81 04 00 FF 80 7F',
    expected: {
      kind: 'read_device_identification',
      pduType: 'response',
      readDeviceIdCode: 4,
      conformityLevel: 0x83,
      moreFollows: false,
      nextObjectId: 0,
      objects: [{ id: 0x81, value: String.fromCharCode(0, 0xff, 0x80, 0x7f) }],
    },
  },
  {
    name: '6.21 no objects',
    direction: 'response',
    pdu: '2B 0E 02 02 00 00 00',
    expected: {
      kind: 'read_device_identification',
      pduType: 'response',
      readDeviceIdCode: 2,
      conformityLevel: 2,
      moreFollows: false,
      nextObjectId: 0,
      objects: [],
    },
  },
];

describe('Modbus Application Protocol v1.1b3, 6.21 device identification', () => {
  for (const vector of deviceIdentification) testPduVector(vector);
});

// 5.1 user-defined codes and a vendor code: named opaque PDUs, never failures.
const opaque: PduVector[] = [
  {
    name: '5.1 user-defined function 65',
    direction: 'request',
    pdu: '41 01 02 03',
    expected: { kind: 'opaque', pduType: 'request', functionCode: 65, data: hex('010203') },
  },
  {
    name: '5.1 user-defined function 110, response',
    direction: 'response',
    pdu: '6E',
    expected: { kind: 'opaque', pduType: 'response', functionCode: 110, data: hex('') },
  },
  {
    name: 'reserved function 9 (Annex A)',
    direction: 'request',
    pdu: '09 00',
    expected: { kind: 'opaque', pduType: 'request', functionCode: 9, data: hex('00') },
  },
  {
    name: 'UMAS (FC 90) too short for a session key and code',
    direction: 'request',
    pdu: '5A 00',
    expected: { kind: 'opaque', pduType: 'request', functionCode: 90, data: hex('00') },
  },
  {
    name: 'UMAS stop PLC with session key 0x12',
    direction: 'request',
    pdu: '5A 12 41 FF 00',
    expected: {
      kind: 'umas',
      pduType: 'request',
      sessionKey: 0x12,
      umasFunctionCode: 0x41,
      data: hex('FF00'),
    },
  },
  {
    name: 'UMAS error reply',
    direction: 'response',
    pdu: '5A 12 FD 05',
    expected: {
      kind: 'umas',
      pduType: 'response',
      sessionKey: 0x12,
      status: 0xfd,
      data: ascii('\x05'),
    },
  },
];

describe('user-defined and vendor function codes', () => {
  for (const vector of opaque) testPduVector(vector);
});
