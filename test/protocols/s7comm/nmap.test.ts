// The nmap s7-info exchange (nmap scripts/s7-info.nse, Debian nmap 7.93): decode the exact
// bytes nmap sends, answer them as an emulated S7-1200 (6ES7 214-1AG31-0XB0, firmware V3.0.2),
// and read the answers the way the script does — 1-based Lua offsets, NUL-terminated strings.
import { describe, expect, it } from 'vitest';
import type { S7commMessage } from '../../../src/protocols/s7comm/index.js';
import {
  GROUP_CPU,
  SUBFUNCTION_READ_SZL,
  componentIdentificationRecords,
  connectionConfirm,
  cotpConnectionParameters,
  encodeCotpFrame,
  encodeS7Frame,
  moduleIdentificationRecords,
  setupCommunicationAck,
  summarizeS7Pdu,
  szlReadResponse,
  userdataRequestParameter,
} from '../../../src/protocols/s7comm/index.js';
import { feed, hex, toHex } from './helpers.js';

// The strings of s7-info.nse, byte for byte.
const COTP = hex('0300001611e00000001400c1020100c2020102c0010a');
const ALT_COTP = hex('0300001611e00000000500c1020100c2020200c0010a');
const ROSCTR_SETUP = hex('0300001902f08032010000000000080000f0000001000101e0');
const READ_SZL = hex('0300002102f080320700000000000800080001120411440100ff09000400110001');
const SECOND_SZL_REQUEST = hex(
  '0300002102f080320700000000000800080001120411440100ff090004001c0001',
);

const S7_1200 = {
  orderNumber: '6ES7 214-1AG31-0XB0',
  firmware: [3, 0, 2] as const,
  systemName: 'S7-1200 station_1',
  moduleName: 'PLC_1',
  serialNumber: 'S C-H4V213742014',
  moduleTypeName: 'CPU 1214C DC/DC/DC',
};

function only(bytes: Uint8Array): S7commMessage {
  const { messages, errors } = feed(bytes, 1);
  expect(errors).toEqual([]);
  expect(messages).toHaveLength(1);
  return messages[0]!;
}

/** string.byte(s, pos): 1-based. */
function luaByte(s: Uint8Array, pos: number): number | undefined {
  return s[pos - 1];
}

/** string.unpack("z", s, pos): the bytes from 1-based pos up to the next NUL. */
function luaZ(s: Uint8Array, pos: number): string {
  let end = pos - 1;
  while (end < s.length && s[end] !== 0) end++;
  return Buffer.from(s.subarray(pos - 1, end)).toString('latin1');
}

/** An emulated S7-1200 answering each request nmap sends, as the honeypot will. */
function answer(request: Uint8Array): Uint8Array {
  const m = only(request);
  if (m.kind === 'cotp' && m.tpdu.type === 'CR') return encodeCotpFrame(connectionConfirm(m.tpdu));
  if (m.kind !== 's7') throw new Error(`unexpected ${m.kind}`);
  const { header, message } = m.pdu;
  if (message.kind === 'setup_communication') {
    return encodeS7Frame(setupCommunicationAck(header.pduReference, message, { pduLength: 240 }));
  }
  if (message.kind === 'userdata' && message.body.kind === 'szl_request') {
    const { szlId, szlIndex } = message.body;
    const records =
      szlId === 0x0011
        ? moduleIdentificationRecords({
            orderNumber: S7_1200.orderNumber,
            firmware: S7_1200.firmware,
          })
        : componentIdentificationRecords(S7_1200);
    return encodeS7Frame(szlReadResponse(header.pduReference, szlId, szlIndex, records));
  }
  throw new Error(`unexpected ${message.kind}`);
}

describe('nmap s7-info requests', () => {
  it('decodes the COTP connection requests (TSAP 0x0102, then 0x0200)', () => {
    expect(only(COTP)).toMatchObject({
      kind: 'cotp',
      tpdu: {
        type: 'CR',
        sourceReference: 0x14,
        tpduSize: 1024,
        sourceTsap: hex('0100'),
        destinationTsap: hex('0102'),
      },
    });
    expect(only(ALT_COTP)).toMatchObject({
      kind: 'cotp',
      tpdu: { type: 'CR', destinationTsap: hex('0200') },
    });
  });

  it('decodes the setup communication job', () => {
    const m = only(ROSCTR_SETUP);
    expect(m).toMatchObject({
      kind: 's7',
      pdu: {
        header: { rosctr: 1, pduReference: 0 },
        message: { kind: 'setup_communication', pduLength: 480 },
      },
    });
  });

  it('decodes the SZL reads of 0x0011 and 0x001C, index 1, with the 8-byte parameter', () => {
    for (const [bytes, szlId] of [
      [READ_SZL, 0x0011],
      [SECOND_SZL_REQUEST, 0x001c],
    ] as const) {
      const m = only(bytes);
      if (m.kind !== 's7') throw new Error('S7 expected');
      expect(m.pdu.message).toMatchObject({
        kind: 'userdata',
        parameter: { method: 0x11, type: 4, group: 4, subfunction: 1, sequenceNumber: 0 },
        body: { kind: 'szl_request', szlId, szlIndex: 1 },
      });
      expect(m.pdu.message.kind === 'userdata' && m.pdu.message.parameter.dataUnitReference).toBe(
        undefined,
      );
      expect(summarizeS7Pdu(m.pdu)).toMatchObject({
        rosctr: 7,
        pdu_type: 'request',
        szl_id: szlId,
        szl_index: 1,
      });
    }
  });
});

describe('the client builders', () => {
  it('produce the bytes nmap sends', () => {
    const [tpduSize, calling, called] = cotpConnectionParameters({
      tpduSize: 1024,
      sourceTsap: 0x0100,
      destinationTsap: 0x0102,
    });
    const cr = encodeCotpFrame({
      type: 'CR',
      credit: 0,
      destinationReference: 0,
      sourceReference: 0x14,
      classOption: 0,
      // nmap orders them C1, C2, C0.
      parameters: [calling!, called!, tpduSize!],
    });
    expect(toHex(cr)).toBe(toHex(COTP));
    const setup = encodeS7Frame({
      header: { rosctr: 1, pduReference: 0 },
      message: {
        kind: 'setup_communication',
        reserved: 0,
        maxAmqCalling: 1,
        maxAmqCalled: 1,
        pduLength: 480,
      },
    });
    expect(toHex(setup)).toBe(toHex(ROSCTR_SETUP));
    const szl = encodeS7Frame({
      header: { rosctr: 7, pduReference: 0 },
      message: {
        kind: 'userdata',
        parameter: userdataRequestParameter(GROUP_CPU, SUBFUNCTION_READ_SZL),
        returnCode: 0xff,
        body: { kind: 'szl_request', szlId: 0x001c, szlIndex: 0x0001 },
      },
    });
    expect(toHex(szl)).toBe(toHex(SECOND_SZL_REQUEST));
  });
});

describe('nmap s7-info against the emulated S7-1200', () => {
  it('gets a connection confirm (byte 6 is 0xD0) for the first CR', () => {
    const cc = answer(COTP);
    expect(luaByte(cc, 6)).toBe(0xd0);
  });

  it('gets protocol id 0x32 at byte 8 after setup communication', () => {
    expect(luaByte(answer(ROSCTR_SETUP), 8)).toBe(0x32);
  });

  it('reads module, basic hardware and version from the SZL 0x0011 answer', () => {
    answer(READ_SZL); // nmap sends the same read twice and parses the second answer
    const response = answer(READ_SZL);
    // parse_response: protocol id at 8, at least 125 bytes.
    expect(luaByte(response, 8)).toBe(0x32);
    expect(response.length).toBeGreaterThanOrEqual(125);
    // Replies must carry the 12-byte userdata parameter (header 10 bytes from byte 8).
    expect(response[7 + 10 + 3]).toBe(8);
    expect(luaZ(response, 44).trimEnd()).toBe('6ES7 214-1AG31-0XB0');
    expect(luaZ(response, 72).trimEnd()).toBe('6ES7 214-1AG31-0XB0');
    const version = [luaByte(response, 123), luaByte(response, 124), luaByte(response, 125)].join(
      '.',
    );
    expect(version).toBe('3.0.2');
  });

  it('reads system name, module type, plant, copyright and serial number from the 0x001C answer', () => {
    const response = answer(SECOND_SZL_REQUEST);
    expect(luaByte(response, 8)).toBe(0x32);
    expect(response.length).toBeGreaterThanOrEqual(180);
    // second_parse_response: byte 31 is the data transport size (0x09), not 0x1C, so offsets shift by 4.
    expect(luaByte(response, 31)).not.toBe(0x1c);
    const offset = 4;
    expect(luaZ(response, 40 + offset)).toBe('S7-1200 station_1');
    expect(luaZ(response, 74 + offset)).toBe('PLC_1');
    expect(luaZ(response, 108 + offset)).toBe('');
    expect(luaZ(response, 142 + offset)).toBe('Original Siemens Equipment');
    expect(luaZ(response, 176 + offset)).toBe('S C-H4V213742014');
  });

  it('answers in the exact layout of a real CPU', () => {
    // Same framing as the IM151-8 CPU answer in ITI s7comm_reading_plc_status.pcap frame 59:
    // 12-byte parameter 00 01 12 08 12 84 01 .., data ff 09 length, 28-byte records.
    const response = answer(READ_SZL);
    expect(Buffer.from(response.subarray(0, 41)).toString('hex')).toBe(
      '0300007d02f080' +
        '32070000000000' +
        '0c0060' +
        '000112081284010000000000' +
        'ff09005c' +
        '00110001001c0003',
    );
  });
});
