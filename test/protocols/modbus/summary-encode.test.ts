// The event summary of decoded ADUs, and the encoders' refusals of values that do not fit.
import { describe, expect, it } from 'vitest';
import {
  decodeMbapFrame,
  decodePdu,
  diagnosticsPdu,
  diagnosticsWord,
  encodeMbapFrame,
  encodePdu,
  functionCodeOf,
  summarize,
  type Direction,
  type ModbusPdu,
} from '../../../src/protocols/modbus/index.js';
import { hex, toHex } from './vector.js';

function summary(adu: string, direction: Direction, request?: ModbusPdu) {
  const decoded = decodeMbapFrame(hex(adu), direction);
  if (!decoded.ok) throw decoded.error;
  return summarize(decoded.value, request);
}

describe('summaries', () => {
  it('a read request', () => {
    expect(summary('0001 0000 0006 01 03 0000 000a', 'request')).toEqual({
      unit: 1,
      transaction_id: 1,
      function_code: 3,
      function: 'read_holding_registers',
      pdu_type: 'request',
      address: 0,
      quantity: 10,
    });
  });

  it('a bit read response, alone and with its request', () => {
    const response = '0001 0000 0005 01 01 02 01 00';
    expect(summary(response, 'response').values).toHaveLength(16);
    const request: ModbusPdu = { kind: 'read_coils', pduType: 'request', address: 7, quantity: 10 };
    expect(summary(response, 'response', request)).toMatchObject({
      address: 7,
      quantity: 10,
      values: [true, false, false, false, false, false, false, false, false, false],
    });
  });

  it('an exception, masked like tshark', () => {
    expect(summary('0000 0000 0003 0a 88 0b', 'response')).toEqual({
      unit: 10,
      transaction_id: 0,
      function_code: 8,
      function: 'diagnostics',
      pdu_type: 'exception',
      exception_code: 11,
      exception: 'gateway_target_device_failed_to_respond',
    });
  });

  it('writes carry their values', () => {
    expect(summary('0001 0000 0006 01 05 00ac ff00', 'request')).toMatchObject({
      address: 172,
      quantity: 1,
      values: [true],
    });
    expect(summary('0001 0000 0006 01 06 0001 0003', 'request')).toMatchObject({
      address: 1,
      quantity: 1,
      values: [3],
    });
    expect(
      summary('0001 0000 0011 06 17 0001 0004 0002 0003 06 00aa 00bb 00cc', 'request'),
    ).toMatchObject({
      function: 'read_write_multiple_registers',
      address: 1,
      quantity: 4,
      write_address: 2,
      write_quantity: 3,
      values: [0xaa, 0xbb, 0xcc],
    });
  });

  it('diagnostics, MEI types, UMAS and user-defined codes', () => {
    expect(summary('0000 0000 0006 0a 08 000b 0000', 'request')).toMatchObject({
      sub_function: 11,
      values: [0],
    });
    expect(summary('0017 0000 0005 01 2b 0e 01 00', 'request')).toMatchObject({
      function_code: 43,
      function: 'encapsulated_interface_transport',
      mei_type: 14,
    });
    expect(summary('0016 0000 0005 00 5a 00 10 00', 'request')).toMatchObject({
      function: 'umas',
      umas: { session_key: 0, function_code: 0x10, function: 'take_plc_reservation' },
    });
    expect(summary('0016 0000 0005 00 5a 01 fd 00', 'response')).toMatchObject({
      umas: { session_key: 1, function_code: 0xfd, function: 'error' },
    });
    expect(summary('0001 0000 0003 01 41 00', 'request')).toMatchObject({
      function_code: 65,
      function: 'user_defined',
    });
    expect(summary('0001 0000 0003 01 30 00', 'request')).toMatchObject({
      function: 'unknown-48',
    });
  });

  it('carries no undefined fields into JSON', () => {
    const text = JSON.stringify(summary('0001 0000 0006 01 03 0000 000a', 'request'));
    expect(text).not.toContain('null');
    expect(Object.keys(JSON.parse(text) as object)).toHaveLength(7);
  });
});

describe('encoders', () => {
  const code = (pdu: ModbusPdu, maxPduLength?: number) => {
    const encoded = encodePdu(pdu, maxPduLength === undefined ? {} : { maxPduLength });
    return encoded.ok ? 'ok' : encoded.error.code;
  };

  it('refuse values that do not fit their fields', () => {
    expect(code({ kind: 'read_coils', pduType: 'request', address: 70000, quantity: 1 })).toBe(
      'OTS_MODBUS_ENCODE_RANGE',
    );
    expect(code({ kind: 'read_coils', pduType: 'request', address: 0, quantity: 1.5 })).toBe(
      'OTS_MODBUS_ENCODE_RANGE',
    );
    expect(
      code({ kind: 'write_multiple_registers', pduType: 'request', address: 0, values: [-1] }),
    ).toBe('OTS_MODBUS_ENCODE_RANGE');
    expect(
      code({ kind: 'exception', pduType: 'exception', functionCode: 200, exceptionCode: 1 }),
    ).toBe('OTS_MODBUS_ENCODE_RANGE');
    expect(
      code({
        kind: 'read_device_identification',
        pduType: 'response',
        readDeviceIdCode: 1,
        conformityLevel: 1,
        moreFollows: false,
        nextObjectId: 0,
        objects: [{ id: 0, value: 'Ω' }],
      }),
    ).toBe('OTS_MODBUS_ENCODE_RANGE');
  });

  it('refuse a PDU longer than 253 bytes unless told otherwise', () => {
    const big: ModbusPdu = {
      kind: 'read_holding_registers',
      pduType: 'response',
      values: new Array<number>(126).fill(1),
    };
    expect(code(big)).toBe('OTS_MODBUS_ENCODE_RANGE');
    const umas: ModbusPdu = {
      kind: 'umas',
      pduType: 'request',
      sessionKey: 0,
      umasFunctionCode: 0x0a,
      data: new Uint8Array(251),
    };
    expect(code(umas)).toBe('OTS_MODBUS_ENCODE_RANGE');
    expect(code(umas, 254)).toBe('ok');
  });

  it('encode what the limits refuse, so that tests can craft bad requests', () => {
    const encoded = encodePdu({ kind: 'read_coils', pduType: 'request', address: 0, quantity: 0 });
    expect(encoded.ok && toHex(encoded.value)).toBe('0100000000');
    const decoded = decodePdu(hex('0100000000'), 'request');
    expect(decoded.ok).toBe(false);
  });

  it('refuse header fields out of range', () => {
    const pdu: ModbusPdu = { kind: 'read_exception_status', pduType: 'request' };
    const encoded = (transactionId: number, unitId: number) => {
      const result = encodeMbapFrame({ transactionId, unitId, pdu });
      return result.ok ? toHex(result.value) : result.error.code;
    };
    expect(encoded(0xffff, 0xff)).toBe('ffff00000002ff07');
    expect(encoded(0x10000, 1)).toBe('OTS_MODBUS_ENCODE_RANGE');
    expect(encoded(1, 256)).toBe('OTS_MODBUS_ENCODE_RANGE');
    expect(encoded(-1, 1)).toBe('OTS_MODBUS_ENCODE_RANGE');
  });

  it('build diagnostics PDUs and read their word', () => {
    const pdu = diagnosticsPdu('response', 0x0b, 0x0123);
    expect(diagnosticsWord(pdu)).toBe(0x0123);
    const encoded = encodePdu(pdu);
    expect(encoded.ok && toHex(encoded.value)).toBe('08000b0123');
    expect(diagnosticsWord({ ...pdu, data: hex('01') })).toBeUndefined();
  });

  it('know the function code of every kind', () => {
    expect(
      functionCodeOf({
        kind: 'read_device_identification',
        pduType: 'request',
        readDeviceIdCode: 1,
        objectId: 0,
      }),
    ).toBe(43);
    expect(
      functionCodeOf({ kind: 'canopen_general_reference', pduType: 'request', data: hex('') }),
    ).toBe(43);
    expect(
      functionCodeOf({
        kind: 'exception',
        pduType: 'exception',
        functionCode: 8,
        exceptionCode: 1,
      }),
    ).toBe(8);
    expect(
      functionCodeOf({
        kind: 'umas',
        pduType: 'response',
        sessionKey: 0,
        status: 0xfe,
        data: hex(''),
      }),
    ).toBe(90);
  });
});
