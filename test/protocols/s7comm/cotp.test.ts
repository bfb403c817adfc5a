// COTP class 0 TPDUs four ways (parse, encode, round trip, byte-by-byte stream), their errors,
// the TSAP helpers and the reassembly of segmented S7 PDUs.
import { describe, expect, it } from 'vitest';
import type { CodecError } from '../../../src/protocols/errors.js';
import type { CotpData, CotpTpdu } from '../../../src/protocols/s7comm/index.js';
import {
  connectionConfirm,
  cotpConnectionParameters,
  createCotpReassembler,
  createS7commParser,
  decodeCotp,
  encodeCotp,
  encodeCotpFrame,
  encodeS7Frame,
  encodeTpkt,
  s7AnyItem,
  s7Tsap,
  tsapNumber,
} from '../../../src/protocols/s7comm/index.js';
import { feed, hex, toHex } from './helpers.js';

interface CotpVector {
  name: string;
  source: string;
  frame: Uint8Array;
  tpdu: CotpTpdu;
}

const tsap = (value: string) => ({ code: 0, value: hex(value) });

const COTP_VECTORS: CotpVector[] = [
  {
    name: 'CR from nmap s7-info: TSAPs 0x0100 -> 0x0102, TPDU size 1024',
    source: 'nmap scripts/s7-info.nse (the COTP string it sends)',
    frame: hex(
      '03 00 00 16', // TPKT, 22 bytes
      '11 e0', // LI 17, CR, credit 0
      '0000 0014 00', // destination ref 0, source ref 0x0014, class 0
      'c1 02 0100', // calling (source) TSAP 0x0100
      'c2 02 0102', // called (destination) TSAP 0x0102: PG, rack 0, slot 2
      'c0 01 0a', // TPDU size 2^10
    ),
    tpdu: {
      type: 'CR',
      credit: 0,
      destinationReference: 0,
      sourceReference: 0x14,
      classOption: 0,
      parameters: [
        { ...tsap('0100'), code: 0xc1 },
        { ...tsap('0102'), code: 0xc2 },
        { code: 0xc0, value: hex('0a') },
      ],
    },
  },
  {
    name: 'CC from a real S7-300: parameters C0, C1, C2',
    source: 'ITI-ICS-Security-Tools pcaps/s7/s7comm_downloading_block_db1.pcap frame 6',
    frame: hex('03 00 00 16', '11 d0', '0007 0003 00', 'c0 01 0a', 'c1 02 0100', 'c2 02 0102'),
    tpdu: {
      type: 'CC',
      credit: 0,
      destinationReference: 7,
      sourceReference: 3,
      classOption: 0,
      parameters: [
        { code: 0xc0, value: hex('0a') },
        { code: 0xc1, value: hex('0100') },
        { code: 0xc2, value: hex('0102') },
      ],
    },
  },
  {
    name: 'CR from TIA Portal to an S7-1200 with the called TSAP "SIMATIC-ROOT-ES"',
    source: 'ITI-ICS-Security-Tools pcaps/s7/S7-1200-Uploading-OB1-TIAV12.pcap frame 4',
    frame: hex(
      '03 00 00 23',
      '1e e0',
      '0000 0011 00',
      'c1 02 0600',
      'c2 0f 53494d415449432d524f4f542d4553',
      'c0 01 0a',
    ),
    tpdu: {
      type: 'CR',
      credit: 0,
      destinationReference: 0,
      sourceReference: 0x11,
      classOption: 0,
      parameters: [
        { code: 0xc1, value: hex('0600') },
        { code: 0xc2, value: hex('53494d415449432d524f4f542d4553') },
        { code: 0xc0, value: hex('0a') },
      ],
    },
  },
  {
    name: 'DT without user data and without EOT (the station keeps the stream moving)',
    source: 'ITI-ICS-Security-Tools pcaps/s7/s7comm_reading_setting_plc_time.pcap frame 11',
    frame: hex('03 00 00 07', '02 f0 00'),
    tpdu: { type: 'DT', eot: false, tpduNumber: 0, parameters: [], userData: new Uint8Array(0) },
  },
  {
    name: 'DR, normal disconnect, with an additional information parameter kept',
    source: 'built from ISO 8073, 13.5',
    frame: hex('03 00 00 0e', '09 80', '0001 0003', '80', 'e0 01 ff'),
    tpdu: {
      type: 'DR',
      destinationReference: 1,
      sourceReference: 3,
      reason: 0x80,
      parameters: [{ code: 0xe0, value: hex('ff') }],
    },
  },
  {
    name: 'DC',
    source: 'built from ISO 8073, 13.6',
    frame: hex('03 00 00 0a', '05 c0', '0001 0003'),
    tpdu: { type: 'DC', destinationReference: 1, sourceReference: 3, parameters: [] },
  },
  {
    name: 'ER, invalid parameter, quoting the rejected TPDU header',
    source: 'built from ISO 8073, 13.12',
    frame: hex('03 00 00 0d', '08 70', '0003', '03', 'c1 02 e0 11'),
    tpdu: {
      type: 'ER',
      destinationReference: 3,
      rejectCause: 3,
      parameters: [{ code: 0xc1, value: hex('e011') }],
    },
  },
];

describe.each(COTP_VECTORS)('$name ($source)', (v) => {
  const tpduBytes = v.frame.subarray(4);

  it('parses', () => {
    const decoded = decodeCotp(tpduBytes);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value).toMatchObject(v.tpdu);
  });

  it('encodes', () => {
    expect(toHex(encodeCotpFrame(v.tpdu))).toBe(toHex(v.frame));
  });

  it('round-trips', () => {
    const decoded = decodeCotp(tpduBytes);
    if (!decoded.ok) throw decoded.error;
    expect(toHex(encodeCotp(decoded.value))).toBe(toHex(tpduBytes));
  });

  it('streams byte by byte', () => {
    const { messages, errors } = feed(v.frame, 1);
    expect(errors).toEqual([]);
    if (v.tpdu.type === 'DT' && !v.tpdu.eot) {
      // A DT without EOT opens a TSDU: nothing to report until its end.
      expect(messages).toEqual([]);
      return;
    }
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'cotp', tpdu: v.tpdu });
  });
});

describe('COTP conveniences', () => {
  it('reads TSAPs and the TPDU size out of a CR', () => {
    const cr = decodeCotp(COTP_VECTORS[0]!.frame.subarray(4));
    if (!cr.ok || cr.value.type !== 'CR') throw new Error('CR expected');
    expect(cr.value.tpduSize).toBe(1024);
    expect(tsapNumber(cr.value.sourceTsap!)).toBe(0x0100);
    expect(tsapNumber(cr.value.destinationTsap!)).toBe(0x0102);
    expect(s7Tsap(cr.value.destinationTsap!)).toEqual({ connectionType: 1, rack: 0, slot: 2 });
    expect(s7Tsap(hex('0301'))).toEqual({ connectionType: 3, rack: 0, slot: 1 });
    expect(s7Tsap(hex('53494d41'))).toBeUndefined();
    expect(tsapNumber(new Uint8Array(0))).toBeUndefined();
  });

  it('builds CR parameters from readable values', () => {
    expect(
      cotpConnectionParameters({ tpduSize: 1024, sourceTsap: 0x0100, destinationTsap: 0x0102 }),
    ).toEqual([
      { code: 0xc0, value: hex('0a') },
      { code: 0xc1, value: hex('0100') },
      { code: 0xc2, value: hex('0102') },
    ]);
    expect(cotpConnectionParameters({ tpduSize: 200 })[0]!.value).toEqual(hex('08'));
  });

  it('answers a CR with the CC a real S7-300 sends', () => {
    // ITI s7comm_downloading_block_db1.pcap frames 5 (CR) and 6 (CC).
    const cr = decodeCotp(hex('11 e0 0000 0007 00 c1 02 0100 c2 02 0102 c0 01 0a'));
    if (!cr.ok || cr.value.type !== 'CR') throw new Error('CR expected');
    const cc = connectionConfirm(cr.value, { sourceReference: 3 });
    expect(toHex(encodeCotpFrame(cc))).toBe('0300001611d00007000300c0010ac1020100c2020102');
  });

  it('answers the TIA Portal CR with the CC a real S7-1200 sends', () => {
    const cr = decodeCotp(COTP_VECTORS[2]!.frame.subarray(4));
    if (!cr.ok || cr.value.type !== 'CR') throw new Error('CR expected');
    // ITI S7-1200-Uploading-OB1-TIAV12.pcap frame 5.
    expect(toHex(encodeCotpFrame(connectionConfirm(cr.value, { sourceReference: 7 })))).toBe(
      '030000231ed00011000700c0010ac1020600c20f53494d415449432d524f4f542d4553',
    );
  });

  it('caps the TPDU size of a CC at the server maximum', () => {
    const cr = decodeCotp(hex('11 e0 0000 0001 00 c0 01 0d c1 02 0100 c2 02 0102'));
    if (!cr.ok || cr.value.type !== 'CR') throw new Error('CR expected');
    expect(connectionConfirm(cr.value, { maxTpduSizeCode: 0x0a }).parameters[0]).toEqual({
      code: 0xc0,
      value: hex('0a'),
    });
  });
});

describe('COTP errors', () => {
  it.each([
    ['one byte', '11', 'OTS_S7COMM_COTP_TRUNCATED'],
    ['an unknown TPDU code (0x10, expedited data)', '02 10 80', 'OTS_S7COMM_COTP_UNSUPPORTED_TPDU'],
    ['LI 255 (reserved)', 'ff f0 80', 'OTS_S7COMM_COTP_BAD_LENGTH_INDICATOR'],
    [
      'a CR whose LI is below its fixed part',
      '04 e0 0000 00',
      'OTS_S7COMM_COTP_BAD_LENGTH_INDICATOR',
    ],
    ['a DT with LI 1', '01 f0', 'OTS_S7COMM_COTP_BAD_LENGTH_INDICATOR'],
    ['an LI longer than the TPDU', '11 e0 0000 0014 00 c1 02', 'OTS_S7COMM_COTP_TRUNCATED'],
    [
      'a parameter running past the header',
      '09 e0 0000 0014 00 c1 05 01',
      'OTS_S7COMM_COTP_BAD_PARAMETER',
    ],
    ['a parameter cut after its code', '07 e0 0000 0014 00 c1', 'OTS_S7COMM_COTP_BAD_PARAMETER'],
  ])('refuses %s', (_name, bytes, code) => {
    const decoded = decodeCotp(hex(bytes));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.code).toBe(code);
  });

  it('reports a bad TPDU in the stream and carries on', () => {
    const good = COTP_VECTORS[1]!.frame;
    const { messages, errors } = feed(Buffer.concat([encodeTpkt(hex('02 10 80 00')), good]), 1);
    expect(errors.map((e) => e.code)).toEqual(['OTS_S7COMM_COTP_UNSUPPORTED_TPDU']);
    expect(messages).toHaveLength(1);
  });
});

describe('DT reassembly', () => {
  // Plant1 frame 9: read 120 bytes of DB1001 from byte 2.
  const pdu = encodeS7Frame({
    header: { rosctr: 1, pduReference: 1 },
    message: {
      kind: 'read_var_request',
      items: [
        s7AnyItem({
          area: 'db',
          dbNumber: 1001,
          byteOffset: 2,
          transportSize: 'BYTE',
          length: 120,
        }),
      ],
    },
  }).subarray(7);
  const dt = (eot: boolean, data: Uint8Array) =>
    encodeTpkt(Uint8Array.from([0x02, 0xf0, eot ? 0x80 : 0x00, ...data]));

  it('joins DT TPDUs until EOT, whatever the slicing', () => {
    const stream = Buffer.concat([
      dt(false, pdu.subarray(0, 5)),
      dt(false, pdu.subarray(5, 20)),
      dt(true, pdu.subarray(20)),
    ]);
    for (const step of [1, 2, 5, 11, stream.length]) {
      const { messages, errors } = feed(new Uint8Array(stream), step);
      expect(errors).toEqual([]);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ kind: 's7', tpduCount: 3 });
      if (messages[0]?.kind === 's7') expect(toHex(messages[0].bytes)).toBe(toHex(pdu));
    }
  });

  it('accepts the empty DT without EOT some stations send before each PDU', () => {
    // ITI s7comm_reading_setting_plc_time.pcap: 03 00 00 07 02 f0 00 precedes requests.
    const { messages, errors } = feed(
      new Uint8Array(Buffer.concat([hex('0300000702f000'), dt(true, pdu)])),
      1,
    );
    expect(errors).toEqual([]);
    expect(messages).toMatchObject([{ kind: 's7', tpduCount: 2 }]);
  });

  it('bounds a TSDU that never ends: one error, then the next PDU decodes', () => {
    const messages: unknown[] = [];
    const errors: CodecError[] = [];
    const parser = createS7commParser(
      (m) => messages.push(m),
      (e) => errors.push(e),
      { maxPduSize: 100 },
    );
    for (let i = 0; i < 50; i++) parser.push(dt(false, new Uint8Array(40)));
    parser.push(dt(true, new Uint8Array(10))); // ends the oversized TSDU: dropped
    parser.push(dt(true, pdu));
    expect(errors.map((e) => e.code)).toEqual(['OTS_S7COMM_COTP_REASSEMBLY_OVERFLOW']);
    expect(messages).toHaveLength(1);
  });

  it('refuses a single DT larger than the maximum', () => {
    const errors: CodecError[] = [];
    const tsdus: Uint8Array[] = [];
    const r = createCotpReassembler(
      (t) => tsdus.push(t),
      (e) => errors.push(e),
      { maxSize: 8 },
    );
    const big: CotpData = {
      type: 'DT',
      eot: true,
      tpduNumber: 0,
      parameters: [],
      userData: new Uint8Array(9),
    };
    r.push(big);
    expect(errors.map((e) => e.code)).toEqual(['OTS_S7COMM_COTP_REASSEMBLY_OVERFLOW']);
    expect(tsdus).toEqual([]);
    expect(r.buffered).toBe(0);
  });

  it('reports a stream that ends inside a segmented PDU', () => {
    const errors: CodecError[] = [];
    const parser = createS7commParser(
      () => undefined,
      (e) => errors.push(e),
    );
    parser.push(dt(false, pdu.subarray(0, 5)));
    parser.end();
    expect(errors.map((e) => e.code)).toEqual(['OTS_S7COMM_COTP_TRUNCATED']);
  });

  it('passes TSDUs that are not S7comm (S7comm-plus, 0x72) through as bytes', () => {
    // icsnpp-s7comm s7comm_plus.pcap: S7comm-plus PDUs start with 0x72.
    const { messages, errors } = feed(dt(true, hex('72 01 00 1d 31 00 00 04 ca 00 00 00 02')), 1);
    expect(errors).toEqual([]);
    expect(messages).toMatchObject([{ kind: 'other', protocolId: 0x72, tpduCount: 1 }]);
  });
});
