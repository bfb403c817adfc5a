// CIP inside EtherNet/IP: EPATH segments, Message Router requests and replies, Unconnected Send,
// Multiple Service Packet, the Identity object's reply, the name tables and the summary rules.
import { describe, expect, it } from 'vitest';
import {
  cipClassName,
  cipGeneralStatusName,
  cipServiceName,
  cipTarget,
  decodeCipMessage,
  decodeCipMultipleServicePacket,
  decodeCipUnconnectedSend,
  decodeCpf,
  decodeEnipBody,
  decodeEnipIdentity,
  decodeEnipMessage,
  decodeEpath,
  encodeCipIdentityAttributes,
  encodeCipMultipleServicePacket,
  encodeCipRequest,
  encodeCipResponse,
  encodeCipUnconnectedSend,
  encodeCpf,
  encodeEnipListIdentityReply,
  encodeEnipListIdentityRequest,
  encodeEnipMessage,
  encodeEnipSocketAddress,
  encodeEpath,
  enipCommandName,
  enipStatusName,
  summarizeEnip,
  type CipSegment,
} from '../../../src/protocols/enip/index.js';
import { hex } from './helpers.js';

describe('EPATH segments (CIP Vol 1, Appendix C-1)', () => {
  const cases: [string, string, CipSegment[]][] = [
    [
      '8-bit class and instance',
      '20 06 24 01',
      [
        { type: 'logical', logicalType: 'class', format: 8, value: 6 },
        { type: 'logical', logicalType: 'instance', format: 8, value: 1 },
      ],
    ],
    [
      '16-bit class, 32-bit instance, 8-bit attribute (padded)',
      '21 00 F5 00 26 00 01 00 00 00 30 05',
      [
        { type: 'logical', logicalType: 'class', format: 16, value: 0xf5 },
        { type: 'logical', logicalType: 'instance', format: 32, value: 1 },
        { type: 'logical', logicalType: 'attribute', format: 8, value: 5 },
      ],
    ],
    [
      'member and connection point',
      '28 02 2C 65',
      [
        { type: 'logical', logicalType: 'member', format: 8, value: 2 },
        { type: 'logical', logicalType: 'connection_point', format: 8, value: 0x65 },
      ],
    ],
    ['port 1, slot 0 (backplane)', '01 00', [{ type: 'port', port: 1, linkAddress: hex('00') }]],
    [
      'port 2 with an IP address as extended link address',
      '12 0C 31 39 32 2E 31 36 38 2E 31 2E 31 30',
      [{ type: 'port', port: 2, linkAddress: hex('31 39 32 2E 31 36 38 2E 31 2E 31 30') }],
    ],
    [
      'extended port number 18',
      '0F 12 00 05',
      [{ type: 'port', port: 18, linkAddress: hex('05') }],
    ],
    [
      'ANSI extended symbol, odd length padded',
      '91 05 54 61 6E 6B 31 00',
      [{ type: 'symbolic', symbol: 'Tank1', ansiExtended: true }],
    ],
    [
      'ANSI extended symbol, even length',
      '91 04 50 75 6D 70',
      [{ type: 'symbolic', symbol: 'Pump', ansiExtended: true }],
    ],
    [
      'symbolic segment of 3 characters',
      '63 61 62 63',
      [{ type: 'symbolic', symbol: 'abc', ansiExtended: false }],
    ],
    [
      'electronic key',
      '34 04 01 00 0E 00 36 00 94 0B',
      [
        {
          type: 'logical',
          logicalType: 'special',
          format: 8,
          value: 4,
          key: {
            vendorId: 1,
            deviceType: 14,
            productCode: 54,
            majorRevision: 0x94,
            minorRevision: 11,
          },
        },
      ],
    ],
    ['simple data segment', '80 02 01 00 02 00', [{ type: 'data', data: hex('01 00 02 00') }]],
    [
      'network segment: production inhibit time',
      '43 0A',
      [{ type: 'network', subtype: 3, data: hex('0A') }],
    ],
  ];
  for (const [name, bytes, segments] of cases) {
    it(`${name}: decodes and encodes back`, () => {
      expect(decodeEpath(hex(bytes))).toEqual({ ok: true, value: segments });
      expect(encodeEpath(segments)).toEqual({ ok: true, value: hex(bytes) });
    });
  }

  it('reads a port segment with both extensions (size, then port, then address, then pad)', () => {
    expect(decodeEpath(hex('1F 01 12 00 05 00'))).toEqual({
      ok: true,
      value: [{ type: 'port', port: 18, linkAddress: hex('05') }],
    });
  });

  it('finds what a path addresses', () => {
    const path = decodeEpath(hex('91 04 50 75 6D 70 91 03 52 75 6E 00 28 07 20 01 24 02 30 03'));
    expect(path.ok && cipTarget(path.value)).toEqual({
      classId: 1,
      instance: 2,
      attribute: 3,
      member: 7,
      symbol: 'Pump.Run',
    });
  });

  it('refuses reserved and truncated segments with the offset', () => {
    for (const [bytes, offset] of [
      ['20', 0],
      ['24 01 21 00 05', 2],
      ['23 01', 0],
      ['3C 01', 0],
      ['E0 00', 0],
      ['91 09 41 42', 0],
      ['60 00', 0],
      ['12 0C 31 39', 0],
      ['34 05 00 00 00 00 00 00 00 00', 0],
    ] as const) {
      expect(decodeEpath(hex(bytes), 100)).toMatchObject({
        ok: false,
        error: { code: 'OTS_ENIP_BAD_PATH', offset: 100 + offset },
      });
    }
  });
});

describe('CIP Message Router requests and replies (CIP Vol 1, 2-4)', () => {
  it('decodes a request: service, path size, path, data', () => {
    const decoded = decodeCipMessage(hex('10 03 20 01 24 01 30 07 05 00'));
    expect(decoded).toMatchObject({
      ok: true,
      value: {
        kind: 'request',
        service: 0x10,
        serviceName: 'set_attribute_single',
        classId: 1,
        className: 'identity',
        instance: 1,
        attribute: 7,
        pathSize: 3,
        data: hex('05 00'),
      },
    });
  });

  it('decodes a reply with additional status words', () => {
    const decoded = decodeCipMessage(hex('CC 00 01 02 09 01 AA 55 FF'));
    expect(decoded).toEqual({
      ok: true,
      value: {
        kind: 'response',
        service: 0x4c,
        serviceName: 'read_tag',
        reserved: 0,
        generalStatus: 1,
        generalStatusName: 'connection_failure',
        additionalStatus: [0x0109, 0x55aa],
        data: hex('FF'),
      },
    });
    if (!decoded.ok || decoded.value.kind !== 'response') return;
    expect(encodeCipResponse(decoded.value)).toEqual({
      ok: true,
      value: hex('CC 00 01 02 09 01 AA 55 FF'),
    });
  });

  it('refuses truncated headers, paths and status', () => {
    for (const bytes of ['0E', '0E 03 20 01', 'CE 00 00', 'CE 00 05 02 00 00']) {
      expect(decodeCipMessage(hex(bytes))).toMatchObject({
        ok: false,
        error: { code: 'OTS_ENIP_CIP_TRUNCATED' },
      });
    }
  });

  it('refuses to encode out-of-range fields', () => {
    expect(encodeCipRequest({ service: 0x80, path: [] }).ok).toBe(false);
    expect(encodeCipRequest({ service: 0x0e, path: hex('20') }).ok).toBe(false);
    expect(encodeCipResponse({ service: 0x0e, generalStatus: 256 }).ok).toBe(false);
    expect(encodeCipResponse({ service: 0x0e, additionalStatus: [0x10000] }).ok).toBe(false);
  });
});

describe('Unconnected Send (CIP Vol 1, 3-5.5.2)', () => {
  const embedded = hex('0E 03 20 01 24 01 30 07'); // get_attribute_single identity 1 attr 7
  it('encodes and decodes, padding an odd-length embedded request', () => {
    const odd = hex('01 02 20 01 24 01 FF'); // 7 octets: a pad octet follows
    const encoded = encodeCipUnconnectedSend({
      request: odd,
      routePath: [{ type: 'port', port: 1, linkAddress: hex('02') }],
    });
    expect(encoded).toEqual({
      ok: true,
      value: hex('0A F0 07 00 01 02 20 01 24 01 FF 00 01 00 01 02'),
    });
    if (!encoded.ok) return;
    const decoded = decodeCipUnconnectedSend(encoded.value);
    expect(decoded).toMatchObject({
      ok: true,
      value: {
        priorityTimeTick: 0x0a,
        timeoutTicks: 0xf0,
        request: { service: 1, classId: 1, instance: 1, data: hex('FF') },
        routePath: [{ type: 'port', port: 1, linkAddress: hex('02') }],
      },
    });
  });

  it('is unwrapped in the summary of a SendRRData to the Connection Manager', () => {
    const send = encodeCipUnconnectedSend({ request: embedded, routePath: hex('01 00') });
    if (!send.ok) throw send.error;
    const request = encodeCipRequest({ service: 0x52, path: hex('20 06 24 01'), data: send.value });
    if (!request.ok) throw request.error;
    const cpf = hex(
      `00 00 00 00 0A 00 02 00 00 00 00 00 B2 00 ${request.value.length.toString(16)} 00`,
    );
    const message = encodeEnipMessage({
      command: 0x6f,
      session: 1,
      data: Uint8Array.from([...cpf, ...request.value]),
    });
    if (!message.ok) throw message.error;
    const decoded = decodeEnipMessage(message.value);
    expect(decoded.ok && summarizeEnip(decoded.value).cip).toEqual({
      service: 0x52,
      service_name: 'unconnected_send',
      class: 6,
      class_name: 'connection_manager',
      instance: 1,
      embedded: [
        {
          service: 0x0e,
          service_name: 'get_attribute_single',
          class: 1,
          class_name: 'identity',
          instance: 1,
          attribute: 7,
        },
      ],
    });
  });

  it('refuses an embedded request or route path that runs past the data', () => {
    expect(decodeCipUnconnectedSend(hex('0A F0 20 00 01 02'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_ENIP_BAD_EMBEDDED' },
    });
    expect(decodeCipUnconnectedSend(hex('0A F0 02 00 01 00 05 00 01 00'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_ENIP_BAD_EMBEDDED' },
    });
    expect(decodeCipUnconnectedSend(hex('0A F0'))).toMatchObject({ ok: false });
  });
});

describe('Multiple Service Packet (CIP Vol 1, A-4.10)', () => {
  it('encodes the offset table and decodes it back', () => {
    const a = hex('0E 02 20 01 24 01');
    const b = hex('01 02 20 02 24 01');
    const encoded = encodeCipMultipleServicePacket([a, b]);
    expect(encoded).toEqual({
      ok: true,
      value: hex('02 00 06 00 0C 00 0E 02 20 01 24 01 01 02 20 02 24 01'),
    });
    if (!encoded.ok) return;
    const decoded = decodeCipMultipleServicePacket(encoded.value);
    expect(decoded.ok && decoded.value.messages.map((m) => m.serviceName)).toEqual([
      'get_attribute_single',
      'get_attributes_all',
    ]);
  });

  it('refuses offsets outside the data', () => {
    for (const bytes of [
      '02 00 06 00',
      '01 00 02 00 0E',
      '02 00 08 00 06 00 0E 00 00 00',
      '01 00 40 00',
    ]) {
      expect(decodeCipMultipleServicePacket(hex(bytes))).toMatchObject({
        ok: false,
        error: { code: 'OTS_ENIP_BAD_EMBEDDED' },
      });
    }
  });
});

describe('the Identity object reply (ListIdentity item 0x000C, Get_Attributes_All of class 1)', () => {
  const identity = {
    vendorId: 1,
    deviceType: 0x0e,
    productCode: 54,
    revisionMajor: 20,
    revisionMinor: 11,
    status: 0x0060,
    serialNumber: 0x00c0ffee,
    productName: '1756-L61/B LOGIX5561',
  };

  it('answers a ListIdentity request with the whole encapsulated reply (the honeypot path)', () => {
    const request = encodeEnipListIdentityRequest(hex('01 02 03 04 05 06 07 08'));
    if (!request.ok) throw request.error;
    const asked = decodeEnipMessage(request.value);
    if (!asked.ok) throw asked.error;
    const reply = encodeEnipListIdentityReply({
      identity: { ...identity, socketAddress: { address: '10.1.1.164', port: 44818 }, state: 3 },
      senderContext: asked.value.senderContext,
    });
    if (!reply.ok) throw reply.error;
    const decoded = decodeEnipMessage(reply.value);
    if (!decoded.ok) throw decoded.error;
    expect(decoded.value.senderContext).toEqual(hex('01 02 03 04 05 06 07 08'));
    const body = decodeEnipBody(decoded.value);
    expect(body.ok && body.value.kind === 'items' && body.value.items[0]?.identity).toEqual({
      encapsulationVersion: 1,
      socketAddress: { family: 2, port: 44818, address: '10.1.1.164', zero: new Uint8Array(8) },
      ...identity,
      deviceTypeName: 'programmable_logic_controller',
      state: 3,
    });
    expect(summarizeEnip(decoded.value).pdu_type).toBe('response');
  });

  it('encodes and decodes the Get_Attributes_All reply data, keeping later attributes', () => {
    const encoded = encodeCipIdentityAttributes({ ...identity, rest: hex('03') });
    if (!encoded.ok) throw encoded.error;
    expect(encoded.value.subarray(0, 15)).toEqual(
      hex('01 00 0E 00 36 00 14 0B 60 00 EE FF C0 00 14'),
    );
    expect(decodeEnipIdentity(encoded.value, false)).toEqual({
      ok: true,
      value: { ...identity, deviceTypeName: 'programmable_logic_controller', rest: hex('03') },
    });
  });

  it('refuses truncated identities and out-of-range fields', () => {
    const encoded = encodeCipIdentityAttributes(identity);
    if (!encoded.ok) throw encoded.error;
    for (const length of [0, 14, 20]) {
      expect(decodeEnipIdentity(encoded.value.subarray(0, length), false)).toMatchObject({
        ok: false,
        error: { code: 'OTS_ENIP_IDENTITY_TRUNCATED' },
      });
    }
    expect(decodeEnipIdentity(hex('01 00'), true)).toMatchObject({ ok: false });
    expect(encodeCipIdentityAttributes({ ...identity, vendorId: 70000 }).ok).toBe(false);
    expect(encodeCipIdentityAttributes({ ...identity, productName: 'x'.repeat(256) }).ok).toBe(
      false,
    );
    expect(
      encodeEnipListIdentityReply({
        identity: { ...identity, socketAddress: { address: 'plc', port: 1 } },
      }).ok,
    ).toBe(false);
  });
});

describe('EtherNet/IP and CIP names', () => {
  it('names commands, statuses, services, classes and general statuses', () => {
    expect(enipCommandName(0x65)).toBe('register_session');
    expect(enipCommandName(0x72)).toBe('indicate_status');
    expect(enipCommandName(0x73)).toBe('cancel');
    expect(enipCommandName(0x99)).toBe('unknown-153');
    expect(enipStatusName(0x64)).toBe('invalid_session_handle');
    expect(cipServiceName(0x0e)).toBe('get_attribute_single');
    expect(cipServiceName(0x8e)).toBe('get_attribute_single');
    expect(cipServiceName(0x54, 6)).toBe('forward_open');
    expect(cipServiceName(0x4e, 6)).toBe('forward_close');
    expect(cipServiceName(0x52)).toBe('unconnected_send');
    expect(cipServiceName(0x52, undefined, true)).toBe('read_tag_fragmented');
    expect(cipServiceName(0x4e, undefined, true)).toBe('read_modify_write_tag');
    expect(cipServiceName(0x4b, 0x67)).toBe('execute_pccc');
    expect(cipServiceName(0x70)).toBe('unknown-112');
    expect(cipClassName(0xf5)).toBe('tcp_ip_interface');
    expect(cipClassName(0xf6)).toBe('ethernet_link');
    expect(cipClassName(0x8e)).toBe('unknown-142');
    expect(cipGeneralStatusName(0x04)).toBe('path_segment_error');
    expect(cipGeneralStatusName(0x14)).toBe('attribute_not_supported');
    expect(cipGeneralStatusName(0x99)).toBe('unknown-153');
  });
});

describe('EtherNet/IP command data errors and the summary', () => {
  function message(command: number, data: string, session = 0) {
    const encoded = encodeEnipMessage({ command, session, data: hex(data) });
    if (!encoded.ok) throw encoded.error;
    const decoded = decodeEnipMessage(encoded.value);
    if (!decoded.ok) throw decoded.error;
    return decoded.value;
  }

  it('notes command data it cannot read, and still names the command', () => {
    expect(summarizeEnip(message(0x65, '01 00'))).toEqual({
      command: 0x65,
      command_name: 'register_session',
      pdu_type: 'request',
      session: 0,
      status: 0,
      note: {
        code: 'OTS_ENIP_BAD_COMMAND_DATA',
        message: 'register_session data holds 2 octets where it takes 4',
      },
    });
    expect(
      summarizeEnip(message(0x6f, '00 00 00 00 0A 00 02 00 00 00 00 00 B2 00 09 00')).note?.code,
    ).toBe('OTS_ENIP_CPF_TRUNCATED');
    expect(
      summarizeEnip(message(0x6f, '00 00 00 00 0A 00 01 00 B2 00 02 00 0E 05')).note?.code,
    ).toBe('OTS_ENIP_CIP_TRUNCATED');
    expect(decodeEnipBody(message(0x66, '00'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_ENIP_BAD_COMMAND_DATA' },
    });
    expect(decodeEnipBody(message(0x70, '00 00'))).toMatchObject({ ok: false });
    expect(decodeEnipBody(message(0x70, '00 00 00 00 00 00 01 00 B1 00 01 00 07'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_ENIP_BAD_ITEM' },
    });
  });

  it('calls a reply with a failed encapsulation status an exception', () => {
    const encoded = encodeEnipMessage({ command: 0x6f, status: 0x64, session: 9 });
    if (!encoded.ok) throw encoded.error;
    const decoded = decodeEnipMessage(encoded.value);
    expect(decoded.ok && summarizeEnip(decoded.value).pdu_type).toBe('exception');
  });

  it('takes the direction from the caller when it knows it', () => {
    const request = message(0x66, '', 5);
    expect(summarizeEnip(request).pdu_type).toBe('request');
    expect(summarizeEnip(request, { fromTarget: true }).pdu_type).toBe('response');
  });

  it('keeps NOP data and unknown commands opaque', () => {
    expect(decodeEnipBody(message(0x00, 'DE AD'))).toEqual({
      ok: true,
      value: { kind: 'opaque', data: hex('DE AD') },
    });
    expect(summarizeEnip(message(0x99, '01'))).toMatchObject({
      command_name: 'unknown-153',
      pdu_type: 'request',
    });
  });

  it('refuses to encode header fields out of range', () => {
    expect(encodeEnipMessage({ command: 0x10000 }).ok).toBe(false);
    expect(encodeEnipMessage({ command: 0x63, senderContext: new Uint8Array(9) }).ok).toBe(false);
    expect(encodeEnipMessage({ command: 0x6f, data: new Uint8Array(65536) }).ok).toBe(false);
  });
});

describe('sockaddr info items (0x8000, 0x8001)', () => {
  it('encode big-endian and decode back through the common packet format', () => {
    const sockaddr = encodeEnipSocketAddress({ address: '192.168.1.20', port: 2222 });
    expect(sockaddr).toEqual({
      ok: true,
      value: hex('00 02 08 AE C0 A8 01 14 00 00 00 00 00 00 00 00'),
    });
    if (!sockaddr.ok) return;
    const cpf = encodeCpf([{ typeId: 0x8001, data: sockaddr.value }]);
    if (!cpf.ok) throw cpf.error;
    const decoded = decodeCpf(cpf.value);
    expect(decoded.ok && decoded.value.items[0]).toMatchObject({
      type: 'sockaddr_info_t_o',
      sockaddr: { family: 2, port: 2222, address: '192.168.1.20' },
    });
    expect(encodeEnipSocketAddress({ address: '300.1.1.1', port: 1 }).ok).toBe(false);
  });
});
