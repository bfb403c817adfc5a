// Annotated S7comm vectors: whole TPKT frames (TPKT, COTP DT, S7 PDU) from real captures, named
// by capture and frame number (extracted once with `tshark -T fields -e tcp.payload`), and a few
// built from the layouts where no capture has the PDU. Each comes with the message the encoder
// must turn back into the same bytes.
import type { S7PduInit, S7Summary } from '../../../src/protocols/s7comm/index.js';
import {
  componentRecord,
  piServiceRequest,
  plcStopRequest,
  s7AnyItem,
} from '../../../src/protocols/s7comm/index.js';
import { hex, padHex } from './helpers.js';

export interface PduVector {
  name: string;
  /** Capture and frame, or 'built from the layout'. */
  source: string;
  frame: Uint8Array;
  pdu: S7PduInit;
  summary?: Partial<S7Summary>;
}

const SNAP7 = 'icsnpp-s7comm tests/traces/snap7.pcap';
const S7IDENT = 'icsnpp-s7comm tests/traces/s7ident.pcap';
const PLANT1 = 'ct-samples Protocols/S7comm/Plant1_S7comm.pcap';
const DOWNLOAD = 'ITI-ICS-Security-Tools pcaps/s7/s7comm_downloading_block_db1.pcap';
const TIME = 'ITI-ICS-Security-Tools pcaps/s7/s7comm_reading_setting_plc_time.pcap';
const STATUS = 'ITI-ICS-Security-Tools pcaps/s7/s7comm_reading_plc_status.pcap';

const ok = { errorClass: 0, errorCode: 0 };

/** SDB 0 as Snap7 uploads it (snap7.pcap frame 20). */
const UPLOAD_PIECE = [
  '70700302070b0000000000d880000000003921002d9804ef6d80122c00000000',
  '000000901c031001010100001f0202040001210500140000019f003c01900027',
  '741553373330302f45543230304d2073746174696f6e5f310000504c435f3100',
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0000000000000000000000000000000000000000535445502037202320202020',
  '2020202020202020202020200000d1cc3152481400000000',
].join('');
const none = new Uint8Array(0);

export const VECTORS: PduVector[] = [
  {
    name: 'setup communication job, PDU 480',
    source: `${SNAP7} frame 1`,
    frame: hex(
      '03 00 00 19', // TPKT: version 3, reserved, length 25
      '02 f0 80', // COTP DT, EOT, TPDU-NR 0
      '32 01 0000 0000 0008 0000', // S7: job, redundancy 0, PDU ref 0, param 8, data 0
      'f0 00 0001 0001 01e0', // setup communication: AmQ calling 1, called 1, PDU length 480
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0 },
      message: {
        kind: 'setup_communication',
        reserved: 0,
        maxAmqCalling: 1,
        maxAmqCalled: 1,
        pduLength: 480,
      },
    },
    summary: {
      rosctr: 1,
      rosctr_name: 'job',
      pdu_type: 'request',
      function_code: 0xf0,
      function: 'setup_communication',
    },
  },
  {
    name: 'setup communication ack-data from a real CPU, PDU 240',
    source: `${TIME} frame 10`,
    frame: hex(
      '03 00 00 1b 02 f0 80',
      '32 03 0000 0002 0008 0000 00 00', // ack-data, PDU ref 2, error class 0 code 0
      'f0 00 0001 0001 00f0', // negotiated PDU length 240
    ),
    pdu: {
      header: { rosctr: 3, pduReference: 2, ...ok },
      message: {
        kind: 'setup_communication',
        reserved: 0,
        maxAmqCalling: 1,
        maxAmqCalled: 1,
        pduLength: 240,
      },
    },
    summary: {
      rosctr: 3,
      rosctr_name: 'ack_data',
      pdu_type: 'response',
      function: 'setup_communication',
    },
  },
  {
    name: 'read var job, two bytes from DB25 and DB24',
    source: `${PLANT1} frame 2`,
    frame: hex(
      '03 00 00 2b 02 f0 80',
      '32 01 0000 0009 001a 0000', // job, PDU ref 9, param 26
      '04 02', // read var, 2 items
      '12 0a 10 02 0001 0019 84 000000', // S7ANY: BYTE × 1, DB 25, area DB, address 0.0
      '12 0a 10 02 0001 0018 84 000000', // S7ANY: BYTE × 1, DB 24, address 0.0
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 9 },
      message: {
        kind: 'read_var_request',
        items: [
          s7AnyItem({ area: 'db', dbNumber: 25, byteOffset: 0, transportSize: 'BYTE', length: 1 }),
          s7AnyItem({ area: 'db', dbNumber: 24, byteOffset: 0, transportSize: 'BYTE', length: 1 }),
        ],
      },
    },
    summary: { function: 'read_var', area: 'db', db: 25, address: 0, quantity: 1, item_count: 2 },
  },
  {
    name: 'read var ack-data, two one-byte items with the fill byte after the first',
    source: `${PLANT1} frame 3`,
    frame: hex(
      '03 00 00 20 02 f0 80',
      '32 03 0000 0009 0002 000b 00 00', // ack-data, param 2, data 11
      '04 02', // read var, 2 items
      'ff 04 0008 00', // success, byte/word/dword, 8 bits, value 00
      '00', // fill byte: odd length, not the last item
      'ff 04 0008 01', // success, 8 bits, value 01 (last: no fill)
    ),
    pdu: {
      header: { rosctr: 3, pduReference: 9, ...ok },
      message: {
        kind: 'read_var_response',
        itemCount: 2,
        items: [
          { returnCode: 0xff, transportSize: 0x04, length: 8, data: hex('00') },
          { returnCode: 0xff, transportSize: 0x04, length: 8, data: hex('01') },
        ],
      },
    },
    summary: { pdu_type: 'response', function: 'read_var', item_count: 2 },
  },
  {
    name: 'read var job of seven DB items, answered by seven items of 8 to 16 bytes',
    source: `${PLANT1} frame 5`,
    frame: hex(
      '03 00 00 67 02 f0 80',
      '32 01 0000 0000 0056 0000',
      '04 07',
      '12 0a 10 02 0008 0031 84 000030', // BYTE × 8, DB 49, byte 6.0
      '12 0a 10 02 0008 0030 84 000030',
      '12 0a 10 02 0004 002f 84 0000d0', // BYTE × 4, DB 47, byte 26.0
      '12 0a 10 02 0008 0032 84 000030',
      '12 0a 10 02 0010 0033 84 000030', // BYTE × 16, DB 51
      '12 0a 10 02 0008 0034 84 000030',
      '12 0a 10 02 0010 0035 84 000030',
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0 },
      message: {
        kind: 'read_var_request',
        items: [
          s7AnyItem({ area: 'db', dbNumber: 49, byteOffset: 6, transportSize: 'BYTE', length: 8 }),
          s7AnyItem({ area: 'db', dbNumber: 48, byteOffset: 6, transportSize: 'BYTE', length: 8 }),
          s7AnyItem({ area: 'db', dbNumber: 47, byteOffset: 26, transportSize: 'BYTE', length: 4 }),
          s7AnyItem({ area: 'db', dbNumber: 50, byteOffset: 6, transportSize: 'BYTE', length: 8 }),
          s7AnyItem({ area: 'db', dbNumber: 51, byteOffset: 6, transportSize: 'BYTE', length: 16 }),
          s7AnyItem({ area: 'db', dbNumber: 52, byteOffset: 6, transportSize: 'BYTE', length: 8 }),
          s7AnyItem({ area: 'db', dbNumber: 53, byteOffset: 6, transportSize: 'BYTE', length: 16 }),
        ],
      },
    },
    summary: { area: 'db', db: 49, address: 6, quantity: 8, item_count: 7 },
  },
  {
    name: 'write var job, one bit to DB21',
    source: `${PLANT1} frame 17`,
    frame: hex(
      '03 00 00 24 02 f0 80',
      '32 01 0000 0000 000e 0005', // job, param 14, data 5
      '05 01', // write var, 1 item
      '12 0a 10 01 0001 0015 84 000000', // BIT × 1, DB 21, 0.0
      '00 03 0001 00', // reserved return code, bit, 1 bit, value 0
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0 },
      message: {
        kind: 'write_var_request',
        items: [
          s7AnyItem({
            area: 'db',
            dbNumber: 21,
            byteOffset: 0,
            bitOffset: 0,
            transportSize: 'BIT',
            length: 1,
          }),
        ],
        data: [{ returnCode: 0x00, transportSize: 0x03, length: 1, data: hex('00') }],
      },
    },
    summary: { function: 'write_var', area: 'db', db: 21, address: 0, item_count: 1 },
  },
  {
    name: 'write var ack-data, one success',
    source: `${PLANT1} frame 18`,
    frame: hex('03 00 00 16 02 f0 80', '32 03 0000 0000 0002 0001 00 00', '05 01', 'ff'),
    pdu: {
      header: { rosctr: 3, pduReference: 0, ...ok },
      message: { kind: 'write_var_response', itemCount: 1, returnCodes: [0xff] },
    },
  },
  {
    name: 'write var job, three bits of DB1000 with fill bytes between the data items',
    source: `${PLANT1} frame 58`,
    frame: hex(
      '03 00 00 48 02 f0 80',
      '32 01 0000 0001 0026 0011', // param 38, data 17
      '05 03',
      '12 0a 10 01 0001 03e8 84 000007', // BIT, DB 1000, 0.7
      '12 0a 10 01 0001 03e8 84 000009', // BIT, DB 1000, 1.1
      '12 0a 10 01 0001 03e8 84 000008', // BIT, DB 1000, 1.0
      '00 03 0001 01 00', // bit 1, fill byte
      '00 03 0001 01 00', // bit 1, fill byte
      '00 03 0001 01', // bit 1, last: no fill
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 1 },
      message: {
        kind: 'write_var_request',
        items: [
          s7AnyItem({
            area: 'db',
            dbNumber: 1000,
            byteOffset: 0,
            bitOffset: 7,
            transportSize: 'BIT',
            length: 1,
          }),
          s7AnyItem({
            area: 'db',
            dbNumber: 1000,
            byteOffset: 1,
            bitOffset: 1,
            transportSize: 'BIT',
            length: 1,
          }),
          s7AnyItem({
            area: 'db',
            dbNumber: 1000,
            byteOffset: 1,
            bitOffset: 0,
            transportSize: 'BIT',
            length: 1,
          }),
        ],
        data: [
          { returnCode: 0, transportSize: 3, length: 1, data: hex('01') },
          { returnCode: 0, transportSize: 3, length: 1, data: hex('01') },
          { returnCode: 0, transportSize: 3, length: 1, data: hex('01') },
        ],
      },
    },
  },
  {
    name: 'write var ack-data, three successes',
    source: `${PLANT1} frame 65`,
    frame: hex('03 00 00 18 02 f0 80', '32 03 0000 0001 0002 0003 00 00', '05 03', 'ff ff ff'),
    pdu: {
      header: { rosctr: 3, pduReference: 1, ...ok },
      message: { kind: 'write_var_response', itemCount: 3, returnCodes: [0xff, 0xff, 0xff] },
    },
  },
  {
    name: 'read var job over flags, inputs, outputs, timers and counters',
    source: `${S7IDENT} frame 31`,
    frame: hex(
      '03 00 00 4f 02 f0 80',
      '32 01 0000 000a 003e 0000',
      '04 05',
      '12 0a 10 02 0010 0000 83 000000', // BYTE × 16, flags (M) 0.0
      '12 0a 10 02 0010 0000 81 000000', // BYTE × 16, inputs (I)
      '12 0a 10 02 0010 0000 82 000000', // BYTE × 16, outputs (Q)
      '12 0a 10 1d 0008 0000 1d 000000', // TIMER × 8, timers, number 0
      '12 0a 10 1c 0008 0000 1c 000000', // COUNTER × 8, counters, number 0
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 10 },
      message: {
        kind: 'read_var_request',
        items: [
          s7AnyItem({ area: 'flags', byteOffset: 0, transportSize: 'BYTE', length: 16 }),
          s7AnyItem({ area: 'inputs', byteOffset: 0, transportSize: 'BYTE', length: 16 }),
          s7AnyItem({ area: 'outputs', byteOffset: 0, transportSize: 'BYTE', length: 16 }),
          s7AnyItem({ area: 'timers', number: 0, transportSize: 'TIMER', length: 8 }),
          s7AnyItem({ area: 'counters', number: 0, transportSize: 'COUNTER', length: 8 }),
        ],
      },
    },
    summary: { area: 'flags', address: 0, quantity: 16, item_count: 5 },
  },
  {
    name: 'read var ack-data, five items "object does not exist" (length field 4, no data)',
    source: `${S7IDENT} frame 32`,
    frame: hex(
      '03 00 00 29 02 f0 80',
      '32 03 0000 000a 0002 0014 00 00',
      '04 05',
      '0a 00 0004', // object does not exist: no value follows whatever the length
      '0a 00 0004',
      '0a 00 0004',
      '0a 00 0004',
      '0a 00 0004',
    ),
    pdu: {
      header: { rosctr: 3, pduReference: 10, ...ok },
      message: {
        kind: 'read_var_response',
        itemCount: 5,
        items: [1, 2, 3, 4, 5].map(() => ({
          returnCode: 0x0a,
          transportSize: 0,
          length: 4,
          data: none,
        })),
      },
    },
  },
  {
    name: 'read var ack-data, words, and timers and counters as octet strings',
    source: `${SNAP7} frame 56`,
    frame: hex(
      '03 00 00 79 02 f0 80',
      '32 03 0000 001b 0002 0064 00 00',
      '04 05',
      'ff 04 0080 acde000daddeaddeaddeaddeaddeadde', // 128 bits = 16 bytes
      'ff 04 0080 aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb',
      'ff 04 0080 bbbbbbbbbbbbbbbbaddeaddeaddeadde',
      'ff 09 0010 00000000000000000000000000000000', // octet string, 16 bytes (8 timers)
      'ff 09 0010 00110000000000000000000000000000', // 8 counters
    ),
    pdu: {
      header: { rosctr: 3, pduReference: 0x1b, ...ok },
      message: {
        kind: 'read_var_response',
        itemCount: 5,
        items: [
          {
            returnCode: 0xff,
            transportSize: 4,
            length: 128,
            data: hex('acde000daddeaddeaddeaddeaddeadde'),
          },
          {
            returnCode: 0xff,
            transportSize: 4,
            length: 128,
            data: hex('aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb'),
          },
          {
            returnCode: 0xff,
            transportSize: 4,
            length: 128,
            data: hex('bbbbbbbbbbbbbbbbaddeaddeaddeadde'),
          },
          { returnCode: 0xff, transportSize: 9, length: 16, data: new Uint8Array(16) },
          {
            returnCode: 0xff,
            transportSize: 9,
            length: 16,
            data: hex('00110000000000000000000000000000'),
          },
        ],
      },
    },
  },
  {
    name: 'write var job, WORDs, bytes, timers and counters',
    source: `${SNAP7} frame 53`,
    frame: hex(
      '03 00 00 c3 02 f0 80',
      '32 01 0000 001a 003e 0074',
      '05 05',
      '12 0a 10 04 0010 0000 83 000000', // WORD × 16 of flags
      '12 0a 10 02 0010 0000 81 000000',
      '12 0a 10 02 0010 0000 82 000000',
      '12 0a 10 1d 0008 0000 1d 000000',
      '12 0a 10 1c 0008 0000 1c 000000',
      '00 04 0100 addeaddeaddeaddeaddeaddeaddeaddeefbeefbeefbeefbeefbeefbeefbeefbe', // 256 bits
      '00 04 0080 aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb',
      '00 04 0080 bbbbbbbbbbbbbbbbaddeaddeaddeadde',
      '00 09 0010 efbeefbeefbeefbeefbeefbeefbeefbe', // 16 bytes of timers
      '00 09 0010 fecafecafecafecafecafecafecafeca', // 16 bytes of counters
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0x1a },
      message: {
        kind: 'write_var_request',
        items: [
          s7AnyItem({ area: 'flags', byteOffset: 0, transportSize: 'WORD', length: 16 }),
          s7AnyItem({ area: 'inputs', byteOffset: 0, transportSize: 'BYTE', length: 16 }),
          s7AnyItem({ area: 'outputs', byteOffset: 0, transportSize: 'BYTE', length: 16 }),
          s7AnyItem({ area: 'timers', number: 0, transportSize: 'TIMER', length: 8 }),
          s7AnyItem({ area: 'counters', number: 0, transportSize: 'COUNTER', length: 8 }),
        ],
        data: [
          {
            returnCode: 0,
            transportSize: 4,
            length: 256,
            data: hex('addeaddeaddeaddeaddeaddeaddeaddeefbeefbeefbeefbeefbeefbeefbeefbe'),
          },
          {
            returnCode: 0,
            transportSize: 4,
            length: 128,
            data: hex('aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb'),
          },
          {
            returnCode: 0,
            transportSize: 4,
            length: 128,
            data: hex('bbbbbbbbbbbbbbbbaddeaddeaddeadde'),
          },
          {
            returnCode: 0,
            transportSize: 9,
            length: 16,
            data: hex('efbeefbeefbeefbeefbeefbeefbeefbe'),
          },
          {
            returnCode: 0,
            transportSize: 9,
            length: 16,
            data: hex('fecafecafecafecafecafecafecafeca'),
          },
        ],
      },
    },
  },
  {
    name: 'write var ack-data with access faults',
    source: `${SNAP7} frame 54`,
    frame: hex(
      '03 00 00 1a 02 f0 80',
      '32 03 0000 001a 0002 0005 00 00',
      '05 05',
      'ff ff ff 03 03',
    ),
    pdu: {
      header: { rosctr: 3, pduReference: 0x1a, ...ok },
      message: {
        kind: 'write_var_response',
        itemCount: 5,
        returnCodes: [0xff, 0xff, 0xff, 0x03, 0x03],
      },
    },
  },
  {
    name: 'write var job, a REAL to MD16',
    source: `${SNAP7} frame 49`,
    frame: hex(
      '03 00 00 27 02 f0 80',
      '32 01 0000 0018 000e 0008',
      '05 01',
      '12 0a 10 08 0001 0000 83 000080', // REAL × 1, flags, byte 16.0
      '00 07 0004 79e9f642', // real, 4 bytes (123.456)
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0x18 },
      message: {
        kind: 'write_var_request',
        items: [s7AnyItem({ area: 'flags', byteOffset: 16, transportSize: 'REAL', length: 1 })],
        data: [{ returnCode: 0, transportSize: 7, length: 4, data: hex('79e9f642') }],
      },
    },
    summary: { area: 'flags', address: 16, quantity: 1 },
  },
  {
    name: 'PLC stop job',
    source: `${SNAP7} frame 57`,
    frame: hex(
      '03 00 00 21 02 f0 80',
      '32 01 0000 001c 0010 0000',
      '29 0000000000', // PLC stop, 5 unknown bytes
      '09 505f50524f4752414d', // "P_PROGRAM"
    ),
    pdu: { header: { rosctr: 1, pduReference: 0x1c }, message: plcStopRequest() },
    summary: { function_code: 0x29, function: 'plc_stop', pdu_type: 'request' },
  },
  {
    name: 'PLC stop ack-data',
    source: `${SNAP7} frame 58`,
    frame: hex('03 00 00 14 02 f0 80', '32 03 0000 001c 0001 0000 00 00', '29'),
    pdu: {
      header: { rosctr: 3, pduReference: 0x1c, ...ok },
      message: { kind: 'plc_stop_response' },
    },
  },
  {
    name: 'PI service P_PROGRAM with argument "C " (cold start)',
    source: `${SNAP7} frame 63`,
    frame: hex(
      '03 00 00 27 02 f0 80',
      '32 01 0000 001f 0016 0000',
      '28 000000000000fd', // PI service, 7 unknown bytes
      '0002 4320', // parameter block: "C "
      '09 505f50524f4752414d', // "P_PROGRAM"
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0x1f },
      message: piServiceRequest('P_PROGRAM', { argument: 'C ' }),
    },
    summary: { function_code: 0x28, function: 'pi_service' },
  },
  {
    name: 'PI service ack-data',
    source: `${SNAP7} frame 64`,
    frame: hex('03 00 00 14 02 f0 80', '32 03 0000 001f 0001 0000 00 00', '28'),
    pdu: {
      header: { rosctr: 3, pduReference: 0x1f, ...ok },
      message: { kind: 'pi_service_response' },
    },
  },
  {
    name: 'PI service _MODU (copy RAM to ROM) with argument "EP"',
    source: `${SNAP7} frame 59`,
    frame: hex(
      '03 00 00 23 02 f0 80',
      '32 01 0000 001d 0012 0000',
      '28 000000000000fd',
      '0002 4550',
      '05 5f4d4f4455',
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0x1d },
      message: piServiceRequest('_MODU', { argument: 'EP' }),
    },
  },
  {
    name: 'PI service _GARB (compress memory)',
    source: `${SNAP7} frame 61`,
    frame: hex(
      '03 00 00 21 02 f0 80',
      '32 01 0000 001e 0010 0000',
      '28 000000000000fd',
      '0000',
      '05 5f47415242',
    ),
    pdu: { header: { rosctr: 1, pduReference: 0x1e }, message: piServiceRequest('_GARB') },
  },
  {
    name: 'PI service _INSE activating DB1',
    source: `${DOWNLOAD} frame 58`,
    frame: hex(
      '03 00 00 2b 02 f0 80',
      '32 01 0000 000f 001a 0000',
      '28 000000000000fd',
      '000a 01 00 3041303030303150', // 1 block, unknown 0, "0A00001P"
      '05 5f494e5345', // "_INSE"
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0x0f },
      message: piServiceRequest('_INSE', { blocks: [['DB', 1, 'P']] }),
    },
  },
  {
    name: 'request download job for DB1 with load memory and MC7 lengths',
    source: `${DOWNLOAD} frame 43`,
    frame: hex(
      '03 00 00 31 02 f0 80',
      '32 01 0000 000e 0020 0000',
      '1a 00 0100 00000000', // request download, status 0, unknown 0x0100, unknown 0
      '09 5f3041303030303150', // "_0A00001P"
      '0d 31 303030353030 303030343030', // "1", load memory "000500", MC7 "000400"
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0x0e },
      message: {
        kind: 'request_download_request',
        functionStatus: 0,
        reserved1: 0x0100,
        reserved2: 0,
        fileName: '_0A00001P',
        lengths: '1000500000400',
      },
    },
    summary: { function: 'request_download' },
  },
  {
    name: 'request download ack-data',
    source: `${DOWNLOAD} frame 44`,
    frame: hex('03 00 00 14 02 f0 80', '32 03 0000 000e 0001 0000 00 00', '1a'),
    pdu: {
      header: { rosctr: 3, pduReference: 0x0e, ...ok },
      message: { kind: 'request_download_response' },
    },
  },
  {
    name: 'download block job (the CPU pulls DB1)',
    source: `${DOWNLOAD} frame 46`,
    frame: hex(
      '03 00 00 23 02 f0 80',
      '32 01 0000 0001 0012 0000',
      '1b 00 0000 00000000',
      '09 5f3041303030303150',
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 1 },
      message: {
        kind: 'download_block_request',
        functionStatus: 0,
        reserved1: 0,
        reserved2: 0,
        fileName: '_0A00001P',
      },
    },
  },
  {
    name: 'download block ack-data, last piece of 56 bytes',
    source: `${DOWNLOAD} frame 54`,
    frame: hex(
      '03 00 00 51 02 f0 80',
      '32 03 0000 0005 0002 003c 00 00',
      '1b 00', // status 0: no more pieces
      '0038 00fb', // 56 bytes follow, unknown 0x00FB
      '0401100c010000c7000504010000010100000052545749000000000054657374484d490044415441444200000100c0df0000000000000000',
    ),
    pdu: {
      header: { rosctr: 3, pduReference: 5, ...ok },
      message: {
        kind: 'download_block_response',
        functionStatus: 0,
        piece: {
          reserved: 0x00fb,
          bytes: hex(
            '0401100c010000c7000504010000010100000052545749000000000054657374484d490044415441444200000100c0df0000000000000000',
          ),
        },
      },
    },
  },
  {
    name: 'download ended job',
    source: `${DOWNLOAD} frame 55`,
    frame: hex(
      '03 00 00 23 02 f0 80',
      '32 01 0000 0007 0012 0000',
      '1c 00 0000 00000000',
      '09 5f3041303030303150',
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 7 },
      message: {
        kind: 'download_ended_request',
        functionStatus: 0,
        errorCode: 0,
        reserved2: 0,
        fileName: '_0A00001P',
      },
    },
  },
  {
    name: 'download ended ack-data',
    source: `${DOWNLOAD} frame 57`,
    frame: hex('03 00 00 14 02 f0 80', '32 03 0000 0007 0001 0000 00 00', '1c'),
    pdu: {
      header: { rosctr: 3, pduReference: 7, ...ok },
      message: { kind: 'download_ended_response' },
    },
  },
  {
    name: 'start upload job for SDB 0 in the active file system',
    source: `${SNAP7} frame 17`,
    frame: hex(
      '03 00 00 23 02 f0 80',
      '32 01 0000 0008 0012 0000',
      '1d 00 0000 00000000',
      '09 5f3042303030303041',
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 8 },
      message: {
        kind: 'start_upload_request',
        functionStatus: 0,
        reserved1: 0,
        uploadId: 0,
        fileName: '_0B00000A',
      },
    },
    summary: { function: 'start_upload' },
  },
  {
    name: 'start upload ack-data: upload id 7, block length "0000216"',
    source: `${SNAP7} frame 18`,
    frame: hex(
      '03 00 00 23 02 f0 80',
      '32 03 0000 0008 0010 0000 00 00',
      '1d 00 0100 00000007',
      '07 30303030323136',
    ),
    pdu: {
      header: { rosctr: 3, pduReference: 8, ...ok },
      message: {
        kind: 'start_upload_response',
        functionStatus: 0,
        reserved1: 0x0100,
        uploadId: 7,
        blockLength: '0000216',
      },
    },
  },
  {
    name: 'upload job, upload id 7',
    source: `${SNAP7} frame 19`,
    frame: hex('03 00 00 19 02 f0 80', '32 01 0000 0009 0008 0000', '1e 00 0000 00000007'),
    pdu: {
      header: { rosctr: 1, pduReference: 9 },
      message: { kind: 'upload_request', functionStatus: 0, reserved1: 0, uploadId: 7 },
    },
  },
  {
    name: 'upload ack-data: the 216 bytes of SDB 0 in one piece',
    source: `${SNAP7} frame 20`,
    frame: hex(
      '03 00 00 f1 02 f0 80',
      '32 03 0000 0009 0002 00dc 00 00',
      '1e 00', // upload, status 0: last piece
      '00d8 00fb', // 216 bytes follow, unknown 0x00FB
      UPLOAD_PIECE,
    ),
    pdu: {
      header: { rosctr: 3, pduReference: 9, ...ok },
      message: {
        kind: 'upload_response',
        functionStatus: 0,
        piece: { reserved: 0x00fb, bytes: hex(UPLOAD_PIECE) },
      },
    },
  },
  {
    name: 'PI service _DELE deleting DB1 and FC2',
    source:
      'built from the layout (_DELE shares the block list of _INSE, Wireshark s7comm_decode_pi_service)',
    frame: hex(
      '03 00 00 33 02 f0 80',
      '32 01 0000 0010 0022 0000',
      '28 000000000000fd',
      '0012 02 00 3041303030303150 3043303030303250', // 2 blocks: "0A00001P", "0C00002P"
      '05 5f44454c45', // "_DELE"
    ),
    pdu: {
      header: { rosctr: 1, pduReference: 0x10 },
      message: piServiceRequest('_DELE', {
        blocks: [
          ['DB', 1],
          ['FC', 2],
        ],
      }),
    },
  },
  {
    name: 'end upload job',
    source: `${SNAP7} frame 21`,
    frame: hex('03 00 00 19 02 f0 80', '32 01 0000 000a 0008 0000', '1f 00 0000 00000007'),
    pdu: {
      header: { rosctr: 1, pduReference: 10 },
      message: { kind: 'end_upload_request', functionStatus: 0, errorCode: 0, uploadId: 7 },
    },
  },
  {
    name: 'end upload ack-data',
    source: `${SNAP7} frame 22`,
    frame: hex('03 00 00 14 02 f0 80', '32 03 0000 000a 0001 0000 00 00', '1f'),
    pdu: {
      header: { rosctr: 3, pduReference: 10, ...ok },
      message: { kind: 'end_upload_response' },
    },
  },
  {
    name: 'ack with error class 0xD2 code 0x41 (start upload refused by the protection level)',
    source: `${S7IDENT} frame 21`,
    frame: hex('03 00 00 13 02 f0 80', '32 02 0000 0006 0000 0000 d2 41'),
    pdu: {
      header: { rosctr: 2, pduReference: 6, errorClass: 0xd2, errorCode: 0x41 },
      message: { kind: 'raw', parameter: none, data: none },
    },
    summary: {
      rosctr: 2,
      rosctr_name: 'ack',
      pdu_type: 'exception',
      error_class: 0xd2,
      error_code: 0x41,
    },
  },
  {
    name: 'userdata SZL read request 0x0011 index 0 (8-byte parameter)',
    source: `${SNAP7} frame 3`,
    frame: hex(
      '03 00 00 21 02 f0 80',
      '32 07 0000 0001 0008 0008', // userdata, PDU ref 1, param 8, data 8
      '00 01 12 04 11 44 01 00', // head, length 4, method 0x11, request/CPU functions, read SZL, seq 0
      'ff 09 0004 0011 0000', // success, octet string, 4 bytes: SZL-ID 0x0011, index 0
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 1 },
      message: {
        kind: 'userdata',
        parameter: { method: 0x11, type: 4, group: 4, subfunction: 1, sequenceNumber: 0 },
        returnCode: 0xff,
        transportSize: 0x09,
        body: { kind: 'szl_request', szlId: 0x0011, szlIndex: 0 },
      },
    },
    summary: {
      rosctr: 7,
      pdu_type: 'request',
      userdata: {
        group: 4,
        subfunction: 1,
        group_name: 'cpu_functions',
        subfunction_name: 'read_szl',
      },
      szl_id: 0x0011,
      szl_index: 0,
    },
  },
  {
    name: 'userdata SZL 0x0011 response, four module identification records (12-byte parameter)',
    source: `${SNAP7} frame 4`,
    frame: hex(
      '03 00 00 99 02 f0 80',
      '32 07 0000 0001 000c 007c',
      '00 01 12 08 12 84 01 02 00 00 0000', // method 0x12, response/CPU, read SZL, seq 2, DUR 0, last, no error
      'ff 09 0078', // success, 120 bytes
      '0011 0000 001c 0004', // SZL 0x0011, index 0, 28-byte records, 4 of them
      '0001',
      padHex('6ES7 315-2EH14-0AB0', 20),
      '00c0 0003 0001', // module
      '0006',
      padHex('6ES7 315-2EH14-0AB0', 20),
      '00c0 0003 0001', // basic hardware
      '0007',
      padHex('', 20),
      '00c0 5603 0207', // basic firmware V3.2.7
      '0081',
      padHex('Boot Loader', 20),
      '0000 4120 0909', // boot loader A 32.9.9
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 1 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 4,
          subfunction: 1,
          sequenceNumber: 2,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'szl_response',
          szlId: 0x0011,
          szlIndex: 0,
          recordLength: 28,
          recordCount: 4,
          records: [
            {
              kind: 'module_identification',
              index: 1,
              orderNumber: '6ES7 315-2EH14-0AB0 ',
              moduleTypeId: 0xc0,
              ausbg: 3,
              ausbe: 1,
            },
            {
              kind: 'module_identification',
              index: 6,
              orderNumber: '6ES7 315-2EH14-0AB0 ',
              moduleTypeId: 0xc0,
              ausbg: 3,
              ausbe: 1,
            },
            {
              kind: 'module_identification',
              index: 7,
              orderNumber: ' '.repeat(20),
              moduleTypeId: 0xc0,
              ausbg: 0x5603,
              ausbe: 0x0207,
            },
            {
              kind: 'module_identification',
              index: 0x81,
              orderNumber: 'Boot Loader         ',
              moduleTypeId: 0,
              ausbg: 0x4120,
              ausbe: 0x0909,
            },
          ],
          trailing: none,
        },
      },
    },
    summary: { pdu_type: 'response', szl_id: 0x0011 },
  },
  {
    name: 'userdata SZL 0x0011 response of a real CPU (IM151-8 PN/DP)',
    source: `${STATUS} frame 59`,
    frame: hex(
      '03 00 00 99 02 f0 80',
      '32 07 0000 0011 000c 007c',
      '00 01 12 08 12 84 01 02 00 00 0000',
      'ff 09 0078 0011 0000 001c 0004',
      '0001',
      padHex('6ES7 151-8AB01-0AB0', 20),
      '00c0 0003 0001',
      '0006',
      padHex('6ES7 151-8AB01-0AB0', 20),
      '00c0 0003 0001',
      '0007',
      padHex('', 20),
      '00c0 5603 0206', // V3.2.6
      '0081',
      padHex('Boot Loader', 20),
      '0000 4120 0909',
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x11 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 4,
          subfunction: 1,
          sequenceNumber: 2,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'szl_response',
          szlId: 0x0011,
          szlIndex: 0,
          recordLength: 28,
          recordCount: 4,
          records: [
            {
              kind: 'module_identification',
              index: 1,
              orderNumber: '6ES7 151-8AB01-0AB0 ',
              moduleTypeId: 0xc0,
              ausbg: 3,
              ausbe: 1,
            },
            {
              kind: 'module_identification',
              index: 6,
              orderNumber: '6ES7 151-8AB01-0AB0 ',
              moduleTypeId: 0xc0,
              ausbg: 3,
              ausbe: 1,
            },
            {
              kind: 'module_identification',
              index: 7,
              orderNumber: ' '.repeat(20),
              moduleTypeId: 0xc0,
              ausbg: 0x5603,
              ausbe: 0x0206,
            },
            {
              kind: 'module_identification',
              index: 0x81,
              orderNumber: 'Boot Loader         ',
              moduleTypeId: 0,
              ausbg: 0x4120,
              ausbe: 0x0909,
            },
          ],
          trailing: none,
        },
      },
    },
  },
  {
    name: 'userdata SZL 0x001C response, first of two PDUs (last data unit 1, a record cut)',
    source: `${SNAP7} frame 6`,
    frame: hex(
      '03 00 00 f7 02 f0 80',
      '32 07 0000 0002 000c 00da',
      '00 01 12 08 12 84 01 02 d5 01 0000', // data unit reference 0xD5, last data unit 1: more follow
      'ff 09 00d6',
      '001c 0000 0022 000a', // SZL 0x001C, 34-byte records, 10 announced
      '0001',
      padHex('S7300/ET200M station_1', 32, 0),
      '0002',
      padHex('PLC_1', 32, 0),
      '0003',
      padHex('', 32, 0),
      '0004',
      padHex('Original Siemens Equipment', 32, 0),
      '0005',
      padHex('S C-B1U393142011', 32, 0),
      '0007',
      padHex('CPU 315-2 PN/DP', 32, 0),
      '0008', // the index of record 8: its text comes in the next PDU
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 2 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 4,
          subfunction: 1,
          sequenceNumber: 2,
          dataUnitReference: 0xd5,
          lastDataUnit: 1,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'szl_response',
          szlId: 0x001c,
          szlIndex: 0,
          recordLength: 34,
          recordCount: 10,
          records: [
            componentRecord(1, 'S7300/ET200M station_1'),
            componentRecord(2, 'PLC_1'),
            componentRecord(3, ''),
            componentRecord(4, 'Original Siemens Equipment'),
            componentRecord(5, 'S C-B1U393142011'),
            componentRecord(7, 'CPU 315-2 PN/DP'),
          ],
          trailing: hex('0008'),
        },
      },
    },
  },
  {
    name: 'userdata follow-up request: 12-byte parameter naming data unit 0xD5, no data',
    source: `${SNAP7} frame 7`,
    frame: hex(
      '03 00 00 21 02 f0 80',
      '32 07 0000 0003 000c 0004',
      '00 01 12 08 12 44 01 02 d5 00 0000', // request type, 12-byte form
      '0a 00 0000', // no data
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 3 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 4,
          group: 4,
          subfunction: 1,
          sequenceNumber: 2,
          dataUnitReference: 0xd5,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0x0a,
        transportSize: 0x00,
        body: { kind: 'none' },
      },
    },
  },
  {
    name: 'userdata SZL 0x001C continuation: the rest of the list, no SZL header',
    source: `${SNAP7} frame 8`,
    frame: hex(
      '03 00 00 a7 02 f0 80',
      '32 07 0000 0003 000c 008a',
      '00 01 12 08 12 84 01 02 d5 00 0000', // same data unit reference, last data unit
      'ff 09 0086',
      padHex('MMC 4A1AC019', 32, 0), // text of record 8
      '0009 002af60000010000000000000000000000000000000000000000000000000000', // OEM ids
      '000a',
      padHex('', 32, 0),
      '000b',
      padHex('', 32, 0),
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 3 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 4,
          subfunction: 1,
          sequenceNumber: 2,
          dataUnitReference: 0xd5,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'fragment',
          bytes: hex(
            padHex('MMC 4A1AC019', 32, 0),
            '0009 002af60000010000000000000000000000000000000000000000000000000000',
            '000a',
            padHex('', 32, 0),
            '000b',
            padHex('', 32, 0),
          ),
        },
      },
    },
  },
  {
    name: 'userdata SZL 0x0131 index 1 response: communication capabilities',
    source: `${SNAP7} frame 10`,
    frame: hex(
      '03 00 00 51 02 f0 80',
      '32 07 0000 0004 000c 0034',
      '00 01 12 08 12 84 01 02 00 00 0000',
      'ff 09 0030 0131 0001 0028 0001',
      '0001 00f0 0010', // index 1, max PDU 240, 16 connections
      '00b71b00', // MPI 12 Mbit/s
      '0002dc6c', // communication bus 187500 bit/s
      '05f5e100000000000000000000000000000000000000000000000000'.slice(0, 52), // reserved (26 bytes)
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 4 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 4,
          subfunction: 1,
          sequenceNumber: 2,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'szl_response',
          szlId: 0x0131,
          szlIndex: 1,
          recordLength: 40,
          recordCount: 1,
          records: [
            {
              kind: 'communication_capability',
              index: 1,
              maxPduSize: 240,
              maxConnections: 16,
              mpiRate: 12_000_000,
              kbusRate: 187_500,
              reserved: hex(
                '05f5e100000000000000000000000000000000000000000000000000'.slice(0, 52),
              ),
            },
          ],
          trailing: none,
        },
      },
    },
    summary: { szl_id: 0x0131, szl_index: 1 },
  },
  {
    name: 'userdata SZL 0x0424 response: current mode RUN',
    source: `${SNAP7} frame 12`,
    frame: hex(
      '03 00 00 3d 02 f0 80',
      '32 07 0000 0005 000c 0020',
      '00 01 12 08 12 84 01 02 00 00 0000',
      'ff 09 001c 0424 0000 0014 0001',
      '5144 ff 08', // event 0x5144, ae 0xFF, bzu-id: previous 0, requested 8 (RUN)
      '00000000', // reserved
      '00 00 00 00', // anlinfo1..4
      '16 02 08 14 51 37 56 92', // DATE_AND_TIME 2016-02-08 14:51:37.569, weekday 2
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 5 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 4,
          subfunction: 1,
          sequenceNumber: 2,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'szl_response',
          szlId: 0x0424,
          szlIndex: 0,
          recordLength: 20,
          recordCount: 1,
          records: [
            {
              kind: 'mode_transition',
              event: 0x5144,
              ae: 0xff,
              bzuId: 0x08,
              reserved: new Uint8Array(4),
              anlinfo1: 0,
              anlinfo2: 0,
              anlinfo3: 0,
              anlinfo4: 0,
              time: hex('1602081451375692'),
            },
          ],
          trailing: none,
        },
      },
    },
  },
  {
    name: 'userdata SZL 0x0132 index 4 response of a real CPU: protection level, selector RUN-P',
    source: `${DOWNLOAD} frame 11`,
    frame: hex(
      '03 00 00 51 02 f0 80',
      '32 07 0000 0003 000c 0034',
      '00 01 12 08 12 84 01 01 00 00 0000',
      'ff 09 0030 0132 0004 0028 0001',
      '0004 0001 0000 0001 0002 0000', // index 4, key 1, param 0, real 1, bart_sch 2 (RUN-P), crst_wrst 0
      '00005656bc04a3d51400097202000000000000000000000000000000', // reserved (28 bytes)
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 3 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 4,
          subfunction: 1,
          sequenceNumber: 1,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'szl_response',
          szlId: 0x0132,
          szlIndex: 4,
          recordLength: 40,
          recordCount: 1,
          records: [
            {
              kind: 'protection_level',
              index: 4,
              keySwitchLevel: 1,
              assignedLevel: 0,
              effectiveLevel: 1,
              modeSwitch: 2,
              startupSwitch: 0,
              reserved: hex('00005656bc04a3d51400097202000000000000000000000000000000'),
            },
          ],
          trailing: none,
        },
      },
    },
  },
  {
    name: 'userdata SZL 0x0232 index 4 response: protection level 3 by key, selector STOP',
    source: 'built from the layout (Siemens SZL-ID W#16#0232 index W#16#0004)',
    frame: hex(
      '03 00 00 51 02 f0 80',
      '32 07 0000 0042 000c 0034',
      '00 01 12 08 12 84 01 00 00 00 0000',
      'ff 09 0030 0232 0004 0028 0001',
      '0004 0003 0002 0003 0003 0001', // key 3, param 2, real 3, bart_sch 3 (STOP), crst_wrst 1 (CRST)
      '00'.repeat(28),
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x42 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 4,
          subfunction: 1,
          sequenceNumber: 0,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'szl_response',
          szlId: 0x0232,
          szlIndex: 4,
          recordLength: 40,
          recordCount: 1,
          records: [
            {
              kind: 'protection_level',
              index: 4,
              keySwitchLevel: 3,
              assignedLevel: 2,
              effectiveLevel: 3,
              modeSwitch: 3,
              startupSwitch: 1,
              reserved: new Uint8Array(28),
            },
          ],
          trailing: none,
        },
      },
    },
  },
  {
    name: 'userdata list blocks request (block functions, no data)',
    source: `${SNAP7} frame 15`,
    frame: hex(
      '03 00 00 1d 02 f0 80',
      '32 07 0000 0007 0008 0004',
      '00 01 12 04 11 43 01 00',
      '0a 00 0000',
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 7 },
      message: {
        kind: 'userdata',
        parameter: { method: 0x11, type: 4, group: 3, subfunction: 1, sequenceNumber: 0 },
        returnCode: 0x0a,
        transportSize: 0x00,
        body: { kind: 'none' },
      },
    },
    summary: {
      userdata: {
        group: 3,
        subfunction: 1,
        group_name: 'block_functions',
        subfunction_name: 'list_blocks',
      },
    },
  },
  {
    name: 'userdata list blocks response: count per block type',
    source: `${SNAP7} frame 16`,
    frame: hex(
      '03 00 00 3d 02 f0 80',
      '32 07 0000 0007 000c 0020',
      '00 01 12 08 12 83 01 00 00 00 0000',
      'ff 09 001c',
      '3038 0001 3045 0001 3043 0000 3041 0002 3042 0008 3044 004d 3046 000f', // OB 1, FB 1, FC 0, DB 2, SDB 8, SFC 77, SFB 15
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 7 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 3,
          subfunction: 1,
          sequenceNumber: 0,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'block_list',
          entries: [
            { blockType: 0x3038, count: 1 },
            { blockType: 0x3045, count: 1 },
            { blockType: 0x3043, count: 0 },
            { blockType: 0x3041, count: 2 },
            { blockType: 0x3042, count: 8 },
            { blockType: 0x3044, count: 77 },
            { blockType: 0x3046, count: 15 },
          ],
        },
      },
    },
  },
  {
    name: 'userdata list blocks of type OB',
    source: `${DOWNLOAD} frame 34`,
    frame: hex(
      '03 00 00 1f 02 f0 80',
      '32 07 0000 000b 0008 0006',
      '00 01 12 04 11 43 02 00',
      'ff 09 0002 3038',
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x0b },
      message: {
        kind: 'userdata',
        parameter: { method: 0x11, type: 4, group: 3, subfunction: 2, sequenceNumber: 0 },
        returnCode: 0xff,
        transportSize: 0x09,
        body: { kind: 'block_list_of_type_request', blockType: 0x3038 },
      },
    },
  },
  {
    name: 'userdata list blocks of type response: OB1, flags 0x22, FUP',
    source: `${DOWNLOAD} frame 35`,
    frame: hex(
      '03 00 00 25 02 f0 80',
      '32 07 0000 000b 000c 0008',
      '00 01 12 08 12 83 02 01 00 00 0000',
      'ff 09 0004 0001 22 03',
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x0b },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 3,
          subfunction: 2,
          sequenceNumber: 1,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'block_list_of_type',
          entries: [{ blockNumber: 1, flags: 0x22, language: 3 }],
        },
      },
    },
  },
  {
    name: 'userdata block info request for DB0 in the active file system',
    source: `${SNAP7} frame 23`,
    frame: hex(
      '03 00 00 25 02 f0 80',
      '32 07 0000 000b 0008 000c',
      '00 01 12 04 11 43 03 00',
      'ff 09 0008 3041303030303041',
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x0b },
      message: {
        kind: 'userdata',
        parameter: { method: 0x11, type: 4, group: 3, subfunction: 3, sequenceNumber: 0 },
        returnCode: 0xff,
        transportSize: 0x09,
        body: { kind: 'block_info_request', name: '0A00000A' },
      },
    },
  },
  {
    name: 'userdata block info refused: error code 0xD209, no data',
    source: `${SNAP7} frame 24`,
    frame: hex(
      '03 00 00 21 02 f0 80',
      '32 07 0000 000b 000c 0004',
      '00 01 12 08 12 83 03 00 00 00 d209',
      '0a 00 0000',
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x0b },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 3,
          subfunction: 3,
          sequenceNumber: 0,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0xd209,
        },
        returnCode: 0x0a,
        transportSize: 0x00,
        body: { kind: 'none' },
      },
    },
    summary: { pdu_type: 'exception', error_class: 0xd2, error_code: 0x09 },
  },
  {
    name: 'userdata read clock request',
    source: `${TIME} frame 25`,
    frame: hex(
      '03 00 00 1d 02 f0 80',
      '32 07 0000 0007 0008 0004',
      '00 01 12 04 11 47 01 00',
      '0a 00 0000',
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 7 },
      message: {
        kind: 'userdata',
        parameter: { method: 0x11, type: 4, group: 7, subfunction: 1, sequenceNumber: 0 },
        returnCode: 0x0a,
        transportSize: 0x00,
        body: { kind: 'none' },
      },
    },
    summary: {
      userdata: {
        group: 7,
        subfunction: 1,
        group_name: 'time_functions',
        subfunction_name: 'read_clock',
      },
    },
  },
  {
    name: 'userdata read clock response: 2014-08-20 11:59:43.912, Wednesday',
    source: `${TIME} frame 26`,
    frame: hex(
      '03 00 00 2b 02 f0 80',
      '32 07 0000 0007 000c 000e',
      '00 01 12 08 12 87 01 01 00 00 0000',
      'ff 09 000a',
      '00 19 14 08 20 11 59 43 91 24', // reserved, "19" (sic), 14, Aug, 20, 11:59:43, 91|2 ms, weekday 4
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 7 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 7,
          subfunction: 1,
          sequenceNumber: 1,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'clock',
          time: {
            reserved: 0,
            yearHigh: 19,
            year: 2014,
            month: 8,
            day: 20,
            hour: 11,
            minute: 59,
            second: 43,
            millisecond: 912,
            weekday: 4,
            valid: true,
          },
        },
      },
    },
  },
  {
    name: 'userdata set clock request',
    source: `${TIME} frame 43`,
    frame: hex(
      '03 00 00 27 02 f0 80',
      '32 07 0000 000c 0008 000e',
      '00 01 12 04 11 47 02 00',
      'ff 09 000a 00 19 14 08 20 11 59 33 04 00', // 2014-08-20 11:59:33.040, weekday 0
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x0c },
      message: {
        kind: 'userdata',
        parameter: { method: 0x11, type: 4, group: 7, subfunction: 2, sequenceNumber: 0 },
        returnCode: 0xff,
        transportSize: 0x09,
        body: {
          kind: 'clock',
          time: {
            reserved: 0,
            yearHigh: 19,
            year: 2014,
            month: 8,
            day: 20,
            hour: 11,
            minute: 59,
            second: 33,
            millisecond: 40,
            weekday: 0,
            valid: true,
          },
        },
      },
    },
  },
  {
    name: 'userdata set clock response',
    source: `${TIME} frame 44`,
    frame: hex(
      '03 00 00 21 02 f0 80',
      '32 07 0000 000c 000c 0004',
      '00 01 12 08 12 87 02 01 00 00 0000',
      '0a 00 0000',
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x0c },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 7,
          subfunction: 2,
          sequenceNumber: 1,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0,
        },
        returnCode: 0x0a,
        transportSize: 0x00,
        body: { kind: 'none' },
      },
    },
  },
  {
    name: 'userdata PLC password "secret", scrambled',
    source: 'built from the layout (libnodave daveSetPLCPassword, Snap7 SetSessionPassword)',
    frame: hex(
      '03 00 00 25 02 f0 80',
      '32 07 0000 0100 0008 000c',
      '00 01 12 04 11 45 01 00', // request, security, PLC password
      'ff 09 0008 26 30 10 17 20 36 55 43', // "secret  " scrambled
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x100 },
      message: {
        kind: 'userdata',
        parameter: { method: 0x11, type: 4, group: 5, subfunction: 1, sequenceNumber: 0 },
        returnCode: 0xff,
        transportSize: 0x09,
        body: { kind: 'password', scrambled: hex('2630101720365543') },
      },
    },
    summary: {
      userdata: {
        group: 5,
        subfunction: 1,
        group_name: 'security',
        subfunction_name: 'plc_password',
      },
    },
  },
  {
    name: 'userdata PLC password refused: error 0xD602',
    source: 'built from the layout',
    frame: hex(
      '03 00 00 21 02 f0 80',
      '32 07 0000 0100 000c 0004',
      '00 01 12 08 12 85 01 00 00 00 d602',
      '0a 00 0000',
    ),
    pdu: {
      header: { rosctr: 7, pduReference: 0x100 },
      message: {
        kind: 'userdata',
        parameter: {
          method: 0x12,
          type: 8,
          group: 5,
          subfunction: 1,
          sequenceNumber: 0,
          dataUnitReference: 0,
          lastDataUnit: 0,
          errorCode: 0xd602,
        },
        returnCode: 0x0a,
        transportSize: 0x00,
        body: { kind: 'none' },
      },
    },
    summary: { pdu_type: 'exception', error_class: 0xd6, error_code: 0x02 },
  },
];
