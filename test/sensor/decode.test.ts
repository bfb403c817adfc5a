// The decode pipeline on the project's own captures: the records it gives per protocol, that any
// slicing of the capture gives the same records, and that broken input gives error records.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PORTS,
  SENSOR_ERRORS,
  createDecoder,
  decodeReadable,
  formatRecord,
  isErrorRecord,
  type DecodeRecord,
  type ErrorRecord,
  type ModbusIcs,
  type PduRecord,
} from '../../src/sensor/index.js';
import { brief, buildCapture, decode, fixture, hex, tcpConversation } from './helpers.js';

const FIXTURES = [
  'modbus-tcp-head.pcap',
  'sll-s7comm.pcap',
  'raw-ipv4-dnp3.pcap',
  's7-1511-hmi.pcapng',
  'be-nanoseconds-vlan.pcap',
  'sll2-ipv6.pcap',
  'two-sections.pcapng',
  'null-loopback.pcap',
  'sensor/modbus_example.pcap',
  'sensor/s7ident.pcap',
  'sensor/dnp3_udp_select_operate.pcap',
  'sensor/enip_test.pcap',
];

function pdus(records: readonly DecodeRecord[]): PduRecord[] {
  return records.filter((r): r is PduRecord => !isErrorRecord(r));
}

function errors(records: readonly DecodeRecord[]): ErrorRecord[] {
  return records.filter(isErrorRecord);
}

describe('Modbus/TCP', () => {
  it('prints the record issue 3 shows: frame, ns timestamp, endpoints, ics', () => {
    // modbus-tcp-head.pcap frame 2: 00 00 | 00 00 | 00 06 | ff | 04 08 d2 00 02
    const { records } = decode(fixture('modbus-tcp-head.pcap'));
    expect(records[0]).toEqual({
      frame: 2,
      '@timestamp': '2012-11-12T11:03:00.264400000Z',
      source: { ip: '141.81.0.10', port: 57184 },
      destination: { ip: '141.81.0.86', port: 502 },
      ics: {
        protocol: 'modbus',
        pdu_type: 'request',
        unit: 255,
        transaction_id: 0,
        function_code: 4,
        function: 'read_input_registers',
        address: 2258,
        quantity: 2,
      },
    });
    expect(formatRecord(records[0] as DecodeRecord)).toBe(
      '{"frame":2,"@timestamp":"2012-11-12T11:03:00.264400000Z","source":{"ip":"141.81.0.10","port":57184},' +
        '"destination":{"ip":"141.81.0.86","port":502},"ics":{"protocol":"modbus","pdu_type":"request",' +
        '"unit":255,"transaction_id":0,"function_code":4,"function":"read_input_registers","address":2258,"quantity":2}}',
    );
  });

  it('gives one record per ADU, at the frame it completes in, over six flows picked up mid-stream', () => {
    const { records, stats } = decode(fixture('modbus-tcp-head.pcap'));
    // tshark 4.0 on the same file shows the same function codes in the same frames (frame 1 is a
    // bare ACK; frame 3 holds three responses; 14, 18, 19, 20, 22 hold three requests each).
    expect(records.map(brief)).toEqual(
      [
        '2 modbus request fc=4',
        ...Array<string>(3).fill('3 modbus response fc=4'),
        '4 modbus request fc=2',
        '5 modbus response fc=4',
        '5 modbus response fc=2',
        '6 modbus request fc=4',
        '7 modbus response fc=4',
        '8 modbus request fc=4',
        '9 modbus request fc=4',
        '10 modbus request fc=4',
        '11 modbus request fc=4',
        '12 modbus request fc=4',
        '13 modbus response fc=4',
        '15 modbus response fc=4',
        '16 modbus response fc=4',
        '17 modbus response fc=4',
        ...['14', '18', '19', '20'].flatMap((f) => [
          `${f} modbus request fc=4`,
          `${f} modbus request fc=4`,
          `${f} modbus request fc=2`,
        ]),
        '21 modbus response fc=4',
        '22 modbus request fc=4',
        '22 modbus request fc=4',
        '22 modbus request fc=2',
        '23 modbus response fc=4',
        '24 modbus response fc=4',
      ].sort((a, b) => parseInt(a) - parseInt(b)),
    );
    expect(stats).toMatchObject({ packets: 24, pdus: 36, errors: 0, flows: 6 });
  });

  it('pairs a response with its request: address, quantity, and only the bits asked for', () => {
    const { records } = decode(fixture('modbus-tcp-head.pcap'));
    // frame 5: the answer to frame 4's read of 30 discrete inputs from 99 (4 bytes, 2 bits padding)
    const answer = pdus(records).find((r) => r.frame === 5 && brief(r).endsWith('fc=2'));
    expect(answer?.ics).toMatchObject({ pdu_type: 'response', address: 99, quantity: 30 });
    expect((answer?.ics as ModbusIcs).values).toHaveLength(30);
    // frame 3 answers requests sent before the capture began: no address, values as sent
    const unanswered = pdus(records).find((r) => r.frame === 3);
    expect(unanswered?.ics).not.toHaveProperty('address');
  });

  it('names every function of icsnpp modbus_example.pcap, exceptions and refused PDUs', () => {
    const { records } = decode(fixture('sensor/modbus_example.pcap'));
    const byFrame = new Map(records.map((r) => [r.frame, r]));
    expect(records).toHaveLength(48);
    expect(byFrame.get(48)?.ics).toMatchObject({
      function_code: 8,
      function: 'diagnostics',
      sub_function: 2,
    });
    expect(byFrame.get(80)?.ics).toMatchObject({
      function_code: 23,
      address: 1,
      quantity: 1,
      write_address: 2,
      write_quantity: 1,
      values: [255],
    });
    expect(byFrame.get(90)?.ics).toMatchObject({ function_code: 24, quantity: 0, values: [] });
    expect(byFrame.get(100)).toMatchObject({
      source: { ip: '3.15.227.20', port: 502 },
      ics: {
        pdu_type: 'exception',
        function_code: 3,
        exception_code: 2,
        exception: 'illegal_data_address',
      },
    });
    // frame 64: a read file record request with byte count 0, which v1.1b3 6.14 forbids
    expect(byFrame.get(64)).toMatchObject({
      event: { kind: 'pipeline_error', dataset: 'ics.malformed' },
      ics: {
        protocol: 'modbus',
        pdu_type: 'request',
        unit: 8,
        transaction_id: 16,
        function_code: 20,
      },
      error: { code: 'OTS_MODBUS_BAD_BYTE_COUNT' },
    });
    expect(errors(records).map((r) => r.frame)).toEqual([64, 68]);
  });

  it('takes the server from the port, not from which port is higher', () => {
    // A client on port 100 (lower than 502), no handshake: TCP alone would call 502 the client.
    const capture = buildCapture(
      tcpConversation({ ip: '10.0.0.5', port: 100 }, { ip: '10.0.0.9', port: 502 }, [
        { from: 'client', payload: hex('0001 0000 0006 01 03 0000 000a') },
        { from: 'server', payload: hex('0001 0000 0007 01 03 04 0001 0002') },
      ]),
    );
    const { records } = decode(capture);
    expect(records.map((r) => r.ics)).toEqual([
      expect.objectContaining({ pdu_type: 'request', address: 0, quantity: 10 }),
      expect.objectContaining({ pdu_type: 'response', address: 0, values: [1, 2] }),
    ]);
    expect(records[0]?.destination).toEqual({ ip: '10.0.0.9', port: 502 });
  });

  it('decodes other ports when the port map says so, and only then', () => {
    const capture = buildCapture(
      tcpConversation({ ip: '10.0.0.5', port: 40000 }, { ip: '10.0.0.9', port: 5020 }, [
        { from: 'client', payload: hex('0001 0000 0006 01 06 0010 00ff') },
      ]),
    );
    expect(decode(capture).records).toEqual([]);
    const mapped = decode(capture, {
      ports: [...DEFAULT_PORTS, { transport: 'tcp', port: 5020, protocol: 'modbus' }],
    });
    expect(mapped.records.map(brief)).toEqual(['1 modbus request fc=6']);
  });

  it('accepts the MBAP length 255 of Modicon UMAS replies, and values: false leaves values out', () => {
    const umas = new Uint8Array(6 + 255);
    umas.set(hex('0007 0000 00ff 00 5a 00 fe'));
    const capture = buildCapture(
      tcpConversation({ ip: '10.0.0.5', port: 40000 }, { ip: '10.0.0.9', port: 502 }, [
        { from: 'client', payload: hex('0001 0000 0006 01 03 0000 0002') },
        { from: 'server', payload: hex('0001 0000 0007 01 03 04 0001 0002') },
        { from: 'server', payload: umas },
      ]),
    );
    const { records } = decode(capture, { values: false });
    expect(records.map((r) => r.ics)).toEqual([
      expect.not.objectContaining({ values: expect.anything() as unknown }),
      expect.not.objectContaining({ values: expect.anything() as unknown }),
      expect.objectContaining({
        function_code: 90,
        umas: { session_key: 0, function_code: 0xfe, function: expect.any(String) as unknown },
      }),
    ]);
  });
});

describe('S7comm', () => {
  it('decodes nmap s7-info (icsnpp s7ident.pcap): COTP, setup, SZL reads, refused upload, read var', () => {
    const { records } = decode(fixture('sensor/s7ident.pcap'));
    expect(records.map(brief)).toEqual([
      '4 s7comm request',
      '6 s7comm response',
      '8 s7comm request fc=240 rosctr=1',
      '9 s7comm response fc=240 rosctr=3',
      ...[10, 12, 14, 16, 18].flatMap((f) => [
        `${f} s7comm request rosctr=7`,
        `${f + 1} s7comm response rosctr=7`,
      ]),
      ...[20, 22, 25, 28].flatMap((f) => [
        `${f} s7comm request fc=29 rosctr=1`,
        `${f + 1} s7comm exception rosctr=2`,
      ]),
      '31 s7comm request fc=4 rosctr=1',
      '32 s7comm response fc=4 rosctr=3',
    ]);
    const ics = records.map((r) => r.ics);
    expect(ics[0]).toEqual({
      protocol: 's7comm',
      pdu_type: 'request',
      cotp: { type: 'CR', source_tsap: '0100', destination_tsap: '0101' },
    });
    expect(
      ics.filter((i) => i && 'szl_id' in i).map((i) => (i as { szl_id: number }).szl_id),
    ).toEqual([0x11, 0x11, 0x1c, 0x1c, 0x131, 0x131, 0x424, 0x424, 0x11, 0x11]);
    expect(ics[4]).toMatchObject({
      rosctr: 7,
      userdata: {
        group: 4,
        subfunction: 1,
        group_name: 'cpu_functions',
        subfunction_name: 'read_szl',
      },
    });
    // frame 21: ack with error class 0xD2, code 0x41 (the upload is refused)
    expect(ics[15]).toMatchObject({
      rosctr: 2,
      pdu_type: 'exception',
      error_class: 0xd2,
      error_code: 0x41,
    });
    expect(ics[22]).toMatchObject({ function: 'read_var', area: 'flags', item_count: 5 });
  });

  it('keeps S7comm-plus TSDUs as records of protocol id 0x72 (SLL capture, pcapng)', () => {
    const sll = decode(fixture('sll-s7comm.pcap')).records;
    expect(sll.map(brief)).toEqual([
      '2 s7comm response',
      '4 s7comm response',
      '6 s7comm response',
      '7 s7comm request',
      '9 s7comm response',
    ]);
    expect(sll[0]?.ics).toEqual({ protocol: 's7comm', pdu_type: 'response', protocol_id: 0x72 });
    const pcapng = decode(fixture('s7-1511-hmi.pcapng')).records;
    expect(pcapng.slice(0, 3).map((r) => r.ics)).toEqual([
      {
        protocol: 's7comm',
        pdu_type: 'request',
        cotp: expect.objectContaining({ type: 'CR' }) as unknown,
      },
      {
        protocol: 's7comm',
        pdu_type: 'response',
        cotp: expect.objectContaining({ type: 'CC' }) as unknown,
      },
      { protocol: 's7comm', pdu_type: 'request', protocol_id: 0x72 },
    ]);
    expect(pcapng[0]?.['@timestamp']).toBe('2014-09-29T07:08:31.002776000Z');
  });
});

describe('DNP3', () => {
  it('decodes DNP3 over TCP from a raw-IPv4 capture', () => {
    const { records } = decode(fixture('raw-ipv4-dnp3.pcap'));
    expect(records.map(brief)).toEqual(
      [4, 5, 6, 7, 8, 9, 10, 11, 12].map((f) => `${f} dnp3 request fc=3`),
    );
    expect(records[0]?.ics).toMatchObject({
      function: 'select',
      source_address: 3,
      destination_address: 2,
      objects: [{ group: 12, variation: 1, qualifier: 0x28, count: 1 }],
    });
  });

  it('decodes DNP3 over UDP, reassembling a response sent in three datagrams', () => {
    const { records } = decode(fixture('sensor/dnp3_udp_select_operate.pcap'));
    expect(records.map(brief)).toEqual([
      '1 dnp3 request fc=3',
      '2 dnp3 response fc=129',
      '3 dnp3 request fc=4',
      '4 dnp3 response fc=129',
      '5 dnp3 request fc=1',
      '8 dnp3 response fc=129',
    ]);
    expect(records[5]).toMatchObject({
      source: { ip: '192.168.80.12', port: 20000 },
      destination: { ip: '192.168.80.160', port: 1128 },
      ics: { objects: [{ group: 10, variation: 2, start: 0, stop: 511, count: 512 }] },
    });
    expect(records[1]?.ics).toHaveProperty('iin');
  });
});

describe('EtherNet/IP', () => {
  it('decodes ListIdentity over TCP (ITI enip_test.pcap)', () => {
    const { records } = decode(fixture('sensor/enip_test.pcap'));
    expect(records.map((r) => r.ics)).toEqual([
      {
        protocol: 'enip',
        pdu_type: 'request',
        command: 0x63,
        command_name: 'list_identity',
        session: 0,
        status: 0,
      },
      {
        protocol: 'enip',
        pdu_type: 'response',
        command: 0x63,
        command_name: 'list_identity',
        session: 0,
        status: 0,
      },
    ]);
  });

  it('decodes ListIdentity over UDP 44818 and implicit I/O on UDP 2222', () => {
    const listIdentity = hex('6300 0000 00000000 00000000 0000000000000000 00000000');
    // CPF: 2 items; sequenced address (0x8002): connection 0x11223344, sequence 5;
    // connected data (0x00B1): 4 octets (CIP Vol 2, 2-6.2.4 and 2-6.3.2)
    const io = hex('0200 0280 0800 44332211 05000000 b100 0400 0100aabb');
    const capture = buildCapture([
      {
        source: '10.0.0.5',
        destination: '10.0.0.255',
        transport: { protocol: 'udp', sourcePort: 50000, destinationPort: 44818 },
        payload: listIdentity,
      },
      {
        source: '10.0.0.9',
        destination: '10.0.0.5',
        transport: { protocol: 'udp', sourcePort: 2222, destinationPort: 2222 },
        payload: io,
      },
      {
        source: '10.0.0.9',
        destination: '10.0.0.5',
        transport: { protocol: 'udp', sourcePort: 2222, destinationPort: 2222 },
        payload: hex('05'),
      },
    ]);
    const { records } = decode(capture);
    expect(records[0]?.ics).toMatchObject({ protocol: 'enip', pdu_type: 'request', command: 0x63 });
    expect(records[1]?.ics).toEqual({
      protocol: 'enip',
      pdu_type: 'request',
      io: { connection_id: 0x11223344, sequence: 5, data_length: 4 },
    });
    expect(records[2]).toMatchObject({
      frame: 3,
      ics: { protocol: 'enip' },
      error: { code: expect.stringMatching(/^OTS_ENIP_/) as unknown },
    });
  });
});

describe('any slicing of the capture', () => {
  it.each(FIXTURES)('%s gives the same records byte by byte as whole', (name) => {
    const bytes = fixture(name);
    const whole = decode(bytes).records.map((r) => formatRecord(r));
    expect(decode(bytes, {}, 1).records.map((r) => formatRecord(r))).toEqual(whole);
    expect(decode(bytes, {}, 7).records.map((r) => formatRecord(r))).toEqual(whole);
  });

  it('gives the same records for random chunkings', () => {
    const bytes = fixture('sensor/modbus_example.pcap');
    const whole = decode(bytes).records.map((r) => formatRecord(r));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 40 }),
        (sizes) => {
          const records: string[] = [];
          const decoder = createDecoder((r) => records.push(formatRecord(r)));
          let at = 0;
          for (let i = 0; at < bytes.length; i++) {
            const size = sizes[i % sizes.length] ?? 1;
            decoder.push(bytes.subarray(at, at + size));
            at += size;
          }
          decoder.end();
          expect(records).toEqual(whole);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('reads a Node stream with decodeReadable', async () => {
    const bytes = fixture('modbus-tcp-head.pcap');
    const chunks = [bytes.subarray(0, 100), bytes.subarray(100, 1000), bytes.subarray(1000)];
    const records: DecodeRecord[] = [];
    const stats = await decodeReadable(Readable.from(chunks), (r) => records.push(r));
    expect(stats.pdus).toBe(36);
    expect(records.map((r) => formatRecord(r))).toEqual(
      decode(bytes).records.map((r) => formatRecord(r)),
    );
  });
});

describe('broken input becomes records, never a throw', () => {
  it('reports a capture cut in the middle of a record after the records before it', () => {
    const bytes = fixture('modbus-tcp-head.pcap');
    const { records } = decode(bytes.subarray(0, 1500));
    const last = records.at(-1) as ErrorRecord;
    expect(last).toMatchObject({
      event: { kind: 'pipeline_error', dataset: 'ics.malformed' },
      error: { code: 'OTS_PCAP_TRUNCATED' },
    });
    expect(last).not.toHaveProperty('ics');
    expect(last['@timestamp']).toMatch(/^2012-11-12T11:03:00\.\d{9}Z$/);
    expect(pdus(records).length).toBeGreaterThan(10);
  });

  it('reports bytes that are no capture at all as one record without a timestamp', () => {
    const { records } = decode(new TextEncoder().encode('GET / HTTP/1.1\r\n\r\n'));
    expect(records).toEqual([
      {
        frame: 1,
        event: { kind: 'pipeline_error', dataset: 'ics.malformed' },
        error: { code: 'OTS_PCAP_BAD_MAGIC', message: expect.any(String) as unknown, offset: 0 },
      },
    ]);
    expect(decode(new Uint8Array(0)).records.map(brief)).toEqual(['1 ERROR OTS_PCAP_TRUNCATED']);
  });

  it('reports a bad MBAP header and picks the stream up again at the next segment', () => {
    const capture = buildCapture(
      tcpConversation({ ip: '10.0.0.5', port: 40000 }, { ip: '10.0.0.9', port: 502 }, [
        { from: 'client', payload: hex('0001 0007 0006 01 03 0000 000a') }, // protocol id 7
        { from: 'client', payload: hex('0002 0000 0006 01 03 0000 000a') },
        { from: 'client', payload: hex('0003 0000 0102 01 10') }, // length 258 fits 260, cut short
      ]),
    );
    const { records } = decode(capture);
    expect(records.map(brief)).toEqual([
      '1 ERROR OTS_MODBUS_BAD_PROTOCOL_ID',
      '2 modbus request fc=3',
      '3 ERROR OTS_MODBUS_TRUNCATED',
    ]);
    expect(records[0]).toMatchObject({
      source: { ip: '10.0.0.5', port: 40000 },
      ics: { protocol: 'modbus', pdu_type: 'request' },
      error: { offset: 2 },
    });
  });

  it('reports a hole in a stream, then decodes what follows it', () => {
    const request = (tid: number) => hex(`000${tid} 0000 0006 01 03 0000 000a`);
    const capture = buildCapture(
      tcpConversation({ ip: '10.0.0.5', port: 40000 }, { ip: '10.0.0.9', port: 502 }, [
        { from: 'client', payload: request(1) },
        { from: 'client', payload: request(2), skip: true },
        { from: 'client', payload: request(3) },
        // The server acknowledges past the hole: the missing bytes will never come.
        { from: 'server', payload: hex('0003 0000 0003 01 83 02') },
      ]),
    );
    const { records, stats } = decode(capture);
    // Frame 3 is the server's answer: its bytes come first, then its ACK gives up the hole, and
    // request 3, held since frame 2, follows the gap record.
    expect(records.map(brief)).toEqual([
      '1 modbus request fc=3',
      '3 modbus exception fc=3',
      '3 ERROR OTS_SENSOR_TCP_GAP',
      '3 modbus request fc=3',
    ]);
    expect(records[2]).toMatchObject({
      ics: { protocol: 'modbus', pdu_type: 'request' },
      error: { message: expect.stringContaining('12 bytes') as unknown },
    });
    expect(stats.tcp.gaps).toBe(1);
    expect(Object.keys(SENSOR_ERRORS)).toEqual(['OTS_SENSOR_TCP_GAP']);
  });

  it('reports a packet whose IPv4 header is broken, without an ics group', () => {
    const bytes = buildCapture([
      {
        source: '10.0.0.5',
        destination: '10.0.0.9',
        transport: { protocol: 'udp', sourcePort: 1, destinationPort: 20000 },
        payload: hex('00'),
      },
    ]);
    bytes[24 + 16 + 14] = 0x41; // IHL 1: shorter than the 20-byte minimum (RFC 791, 3.1)
    const { records } = decode(bytes);
    expect(records.map(brief)).toEqual(['1 ERROR OTS_PCAP_IPV4_BAD_HEADER']);
    expect(records[0]).not.toHaveProperty('ics');
  });

  it('never throws on mutated captures, and every record is a PDU or an error', () => {
    const seeds = FIXTURES.map(fixture);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.option(fc.nat(), { nil: undefined }),
        fc.integer({ min: 0, max: 64 }),
        (which, flips, cut, chunk) => {
          const seed = seeds[which] as Uint8Array;
          const bytes = seed.slice(0, cut === undefined ? seed.length : cut % (seed.length + 1));
          for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
          const { records, stats } = decode(bytes, {}, chunk);
          for (const record of records) {
            expect(Number.isInteger(record.frame)).toBe(true);
            if (isErrorRecord(record)) expect(record.error.code).toMatch(/^OTS_[A-Z0-9_]+$/);
            else expect(record.ics.pdu_type).toMatch(/^(request|response|exception)$/);
            expect(() => JSON.parse(formatRecord(record)) as unknown).not.toThrow();
          }
          expect(stats.pdus + stats.errors).toBe(records.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
