// The server reply builders give, byte for byte, what real CPUs and Snap7 sent in the captures.
import { describe, expect, it } from 'vitest';
import {
  dataItem,
  decodeS7Pdu,
  encodeS7Frame,
  errorAck,
  errorDataItem,
  moduleIdentificationRecords,
  modeTransitionRecord,
  passwordResponse,
  piServiceAck,
  plcStopAck,
  protectionLevelRecord,
  readClockResponse,
  readVarAck,
  s7Timestamp,
  setClockResponse,
  setupCommunicationAck,
  szlErrorResponse,
  szlReadResponse,
  userdataResponse,
  writeVarAck,
} from '../../../src/protocols/s7comm/index.js';
import { hex, toHex } from './helpers.js';
import { VECTORS } from './vectors.js';

function frameOf(name: string): string {
  const v = VECTORS.find((x) => x.name.startsWith(name));
  if (!v) throw new Error(`no vector ${name}`);
  return toHex(v.frame);
}

describe('reply builders', () => {
  it('setup communication ack-data: the smaller PDU length and AmQ', () => {
    // ITI s7comm_reading_setting_plc_time.pcap frame 10 answers a job proposing 480.
    const request = {
      kind: 'setup_communication' as const,
      reserved: 0,
      maxAmqCalling: 1,
      maxAmqCalled: 1,
      pduLength: 480,
    };
    expect(toHex(encodeS7Frame(setupCommunicationAck(2, request, { pduLength: 240 })))).toBe(
      frameOf('setup communication ack-data'),
    );
    const bigger = setupCommunicationAck(
      0,
      { ...request, pduLength: 200, maxAmqCalling: 8 },
      { pduLength: 960 },
    );
    expect(bigger.message).toMatchObject({ pduLength: 200, maxAmqCalling: 3, maxAmqCalled: 1 });
  });

  it('read var ack-data with the fill byte rule', () => {
    const reply = readVarAck(9, [dataItem(hex('00')), dataItem(hex('01'))]);
    expect(toHex(encodeS7Frame(reply))).toBe(frameOf('read var ack-data, two one-byte'));
  });

  it('read var ack-data with failed items', () => {
    const reply = readVarAck(3, [errorDataItem(0x0a), dataItem(hex('0102')), errorDataItem(0x05)]);
    expect(toHex(encodeS7Frame(reply))).toBe(
      toHex(
        hex(
          '03 00 00 23 02 f0 80',
          '32 03 0000 0003 0002 000e 00 00',
          '04 03', // read var, 3 items
          '0a 00 0000', // object does not exist
          'ff 04 0010 0102', // 16 bits
          '05 00 0000', // address out of range
        ),
      ),
    );
  });

  it('write var ack-data', () => {
    expect(toHex(encodeS7Frame(writeVarAck(1, [0xff, 0xff, 0xff])))).toBe(
      frameOf('write var ack-data, three'),
    );
  });

  it('PLC stop and PI service ack-data', () => {
    expect(toHex(encodeS7Frame(plcStopAck(0x1c)))).toBe(frameOf('PLC stop ack-data'));
    expect(toHex(encodeS7Frame(piServiceAck(0x1f)))).toBe(frameOf('PI service ack-data'));
  });

  it('error ack (ROSCTR 2) and error ack-data naming the function', () => {
    expect(toHex(encodeS7Frame(errorAck(6, 0xd2, 0x41)))).toBe(
      frameOf('ack with error class 0xD2'),
    );
    expect(toHex(encodeS7Frame(errorAck(5, 0x81, 0x04, { functionCode: 0x1a })))).toBe(
      toHex(hex('03 00 00 14 02 f0 80', '32 03 0000 0005 0001 0000 81 04', '1a')),
    );
  });

  it('SZL 0x0011 answer equal to Snap7 (records built from the order number and versions)', () => {
    const records = moduleIdentificationRecords({
      orderNumber: '6ES7 315-2EH14-0AB0',
      firmware: [3, 2, 7],
      bootLoader: [0x20, 9, 9],
    });
    expect(
      toHex(encodeS7Frame(szlReadResponse(1, 0x0011, 0x0000, records, { sequenceNumber: 2 }))),
    ).toBe(frameOf('userdata SZL 0x0011 response, four'));
  });

  it('SZL 0x0424 answer: RUN, with the transition time', () => {
    const time = { ...s7Timestamp(new Date(Date.UTC(2016, 1, 8, 14, 51, 37, 569))), weekday: 2 };
    const reply = szlReadResponse(5, 0x0424, 0x0000, [modeTransitionRecord('RUN', time)], {
      sequenceNumber: 2,
    });
    expect(toHex(encodeS7Frame(reply))).toBe(frameOf('userdata SZL 0x0424 response'));
  });

  it('SZL 0x0424 answer: STOP', () => {
    const time = s7Timestamp(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 600)));
    const reply = szlReadResponse(1, 0x0424, 0x0000, [modeTransitionRecord('STOP', time)]);
    const decoded = decodeS7Pdu(encodeS7Frame(reply).subarray(7));
    expect(decoded.ok && decoded.value.message).toMatchObject({
      body: {
        records: [
          {
            requestedModeName: 'STOP_internal',
            timestamp: { year: 2024, month: 1, day: 2, millisecond: 600 },
          },
        ],
      },
    });
  });

  it('SZL 0x0232 answer: protection record', () => {
    const record = protectionLevelRecord({
      keySwitchLevel: 3,
      assignedLevel: 2,
      effectiveLevel: 3,
      modeSwitch: 3,
      startupSwitch: 1,
    });
    expect(toHex(encodeS7Frame(szlReadResponse(0x42, 0x0232, 4, [record])))).toBe(
      frameOf('userdata SZL 0x0232 index 4'),
    );
  });

  it('SZL refusal: error code 0xD401 and an empty data part', () => {
    const bytes = encodeS7Frame(szlErrorResponse(9));
    expect(toHex(bytes)).toBe(
      toHex(
        hex(
          '03 00 00 21 02 f0 80',
          '32 07 0000 0009 000c 0004',
          '00 01 12 08 12 84 01 00 00 00 d401',
          '0a 00 0000',
        ),
      ),
    );
    const decoded = decodeS7Pdu(bytes.subarray(7));
    expect(decoded.ok && decoded.value.message).toMatchObject({
      kind: 'userdata',
      parameter: { errorCode: 0xd401 },
    });
  });

  it('read clock answer (time as the CPU sent it) and set clock answer', () => {
    const time = {
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
    };
    expect(toHex(encodeS7Frame(readClockResponse(7, time, { sequenceNumber: 1 })))).toBe(
      frameOf('userdata read clock response'),
    );
    expect(toHex(encodeS7Frame(setClockResponse(0x0c, { sequenceNumber: 1 })))).toBe(
      frameOf('userdata set clock response'),
    );
  });

  it('password refused with 0xD602', () => {
    expect(toHex(encodeS7Frame(passwordResponse(0x100, false)))).toBe(
      frameOf('userdata PLC password refused'),
    );
    const accepted = decodeS7Pdu(encodeS7Frame(passwordResponse(0x100, true)).subarray(7));
    expect(accepted.ok && accepted.value.message).toMatchObject({ parameter: { errorCode: 0 } });
  });

  it('any userdata answer echoes group, subfunction and sequence number', () => {
    const reply = userdataResponse(
      7,
      { group: 3, subfunction: 1, sequenceNumber: 0 },
      {
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
    );
    expect(toHex(encodeS7Frame(reply))).toBe(frameOf('userdata list blocks response'));
  });
});
