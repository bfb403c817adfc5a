// Userdata details beyond the vectors: what the decoder derives (versions, modes, passwords,
// time stamps, block names), SZL lists cut or unknown, and the refusals of malformed parts.
import { describe, expect, it } from 'vitest';
import type { S7Pdu, SzlResponse, UserdataMessage } from '../../../src/protocols/s7comm/index.js';
import {
  blockFileInfo,
  blockFileName,
  decodeDateAndTime,
  decodeS7Pdu,
  decodeS7Timestamp,
  encodeDateAndTime,
  encodeS7Pdu,
  encodeS7Timestamp,
  s7Timestamp,
  s7TimestampIso,
  scramblePassword,
  unscramblePassword,
} from '../../../src/protocols/s7comm/index.js';
import { hex, s7Of, toHex } from './helpers.js';
import { VECTORS } from './vectors.js';

function decoded(name: string): S7Pdu {
  const v = VECTORS.find((x) => x.name.startsWith(name));
  if (!v) throw new Error(`no vector ${name}`);
  const d = decodeS7Pdu(s7Of(v.frame));
  if (!d.ok) throw d.error;
  return d.value;
}

function userdata(name: string): UserdataMessage {
  const m = decoded(name).message;
  if (m.kind !== 'userdata') throw new Error('userdata expected');
  return m;
}

function szl(name: string): SzlResponse {
  const body = userdata(name).body;
  if (body.kind !== 'szl_response') throw new Error('SZL response expected');
  return body;
}

describe('what the decoder derives', () => {
  it('names the parameter type, group and subfunction', () => {
    expect(userdata('userdata SZL read request 0x0011').parameter).toMatchObject({
      typeName: 'request',
      groupName: 'cpu_functions',
      subfunctionName: 'read_szl',
    });
  });

  it('reads the firmware and boot loader versions of SZL 0x0011', () => {
    const records = szl('userdata SZL 0x0011 response, four').records;
    expect(
      records.map((r) => (r.kind === 'module_identification' ? r.version : undefined)),
    ).toEqual([undefined, undefined, 'V3.2.7', 'A32.9.9']);
    expect(szl('userdata SZL 0x0011 response, four').szlName).toBe('module_identification');
  });

  it('reads the texts of SZL 0x001C records', () => {
    const records = szl('userdata SZL 0x001C response, first').records;
    expect(
      records.map((r) => (r.kind === 'component_identification' ? r.text : undefined)),
    ).toEqual([
      'S7300/ET200M station_1',
      'PLC_1',
      '',
      'Original Siemens Equipment',
      'S C-B1U393142011',
      'CPU 315-2 PN/DP',
    ]);
  });

  it('reads RUN and the transition time out of SZL 0x0424', () => {
    const [record] = szl('userdata SZL 0x0424').records;
    expect(record).toMatchObject({
      kind: 'mode_transition',
      requestedMode: 8,
      requestedModeName: 'RUN',
      previousMode: 0,
      timestamp: {
        year: 2016,
        month: 2,
        day: 8,
        hour: 14,
        minute: 51,
        second: 37,
        millisecond: 569,
        weekday: 2,
        valid: true,
      },
    });
  });

  it('reads the selector position of SZL 0x0232/0x0132 index 4', () => {
    expect(szl('userdata SZL 0x0232').records[0]).toMatchObject({
      modeSwitchName: 'STOP',
      effectiveLevel: 3,
    });
    expect(szl('userdata SZL 0x0132').records[0]).toMatchObject({
      modeSwitchName: 'RUN_P',
      keySwitchLevel: 1,
    });
  });

  it('unscrambles the PLC password (a trivial XOR, not a secret)', () => {
    const body = userdata('userdata PLC password "secret"').body;
    expect(body).toMatchObject({ kind: 'password', password: 'secret' });
    expect(toHex(scramblePassword('secret'))).toBe('2630101720365543');
    for (const word of ['', 'a', 'Passw0rd', 'x y'])
      expect(unscramblePassword(scramblePassword(word))).toBe(word);
  });

  it('names block types in block lists and block file names', () => {
    const body = userdata('userdata list blocks response').body;
    expect(
      body.kind === 'block_list' && body.entries.map((e) => `${e.blockTypeName ?? ''}:${e.count}`),
    ).toEqual(['OB:1', 'FB:1', 'FC:0', 'DB:2', 'SDB:8', 'SFC:77', 'SFB:15']);
    const info = userdata('userdata block info request').body;
    expect(info).toMatchObject({
      kind: 'block_info_request',
      info: { blockTypeName: 'DB', blockNumber: 0, fileSystem: 'A' },
    });
    const types = userdata('userdata list blocks of type response').body;
    expect(types).toMatchObject({ entries: [{ blockNumber: 1, languageName: 'FUP' }] });
  });

  it('decodes block file names in download and PI service jobs', () => {
    expect(decoded('request download job').message).toMatchObject({
      block: {
        identifier: '_',
        blockType: '0A',
        blockTypeName: 'DB',
        blockNumber: 1,
        fileSystem: 'P',
      },
      loadMemoryLength: 500,
      mc7CodeLength: 400,
    });
    expect(decoded('PI service _INSE').message).toMatchObject({
      serviceName: 'activate_blocks',
      blocks: [{ name: '0A00001P', info: { blockTypeName: 'DB', blockNumber: 1 } }],
    });
    expect(decoded('PI service P_PROGRAM').message).toMatchObject({
      serviceName: 'start_program',
      argument: 'C ',
    });
    expect(blockFileName('OB', 1)).toBe('_0800001P');
    expect(blockFileName('SDB', 0, 'A')).toBe('_0B00000A');
    expect(blockFileInfo('_0800001P')).toMatchObject({ blockTypeName: 'OB', blockNumber: 1 });
    expect(blockFileInfo('_0800X01P')).toMatchObject({ blockNumber: undefined });
    expect(blockFileInfo('/NC/WKS.DIR')).toBeUndefined();
    expect(blockFileInfo('_9900001P')).toBeUndefined();
  });

  it('names S7ANY items', () => {
    const m = decoded('write var job, three bits').message;
    expect(m.kind === 'write_var_request' && m.items[1]).toMatchObject({
      areaName: 'db',
      transportSizeName: 'BIT',
      byteOffset: 1,
      bitOffset: 1,
    });
  });
});

describe('time stamps', () => {
  it('read the 10-byte clock form, with the "19" some CPUs send for 2014', () => {
    const t = decodeS7Timestamp(hex('00 19 14 08 20 11 59 43 91 24'));
    expect(s7TimestampIso(t)).toBe('2014-08-20T11:59:43.912');
    expect(toHex(encodeS7Timestamp(t))).toBe('00191408201159439124');
  });

  it('read years 90..99 as 19xx', () => {
    expect(decodeDateAndTime(hex('95 01 02 03 04 05 00 01')).year).toBe(1995);
  });

  it('mark invalid BCD and out-of-range fields', () => {
    expect(decodeS7Timestamp(hex('00 20 1a 08 20 11 59 43 91 24')).valid).toBe(false);
    expect(decodeS7Timestamp(hex('00 20 14 13 20 11 59 43 91 24')).valid).toBe(false);
    expect(decodeDateAndTime(hex('24 02 30 25 00 00 00 01')).valid).toBe(false);
  });

  it('come from a JavaScript date and go back to bytes', () => {
    const t = s7Timestamp(new Date(Date.UTC(2024, 5, 30, 23, 59, 58, 7)));
    expect(t).toMatchObject({
      yearHigh: 20,
      year: 2024,
      month: 6,
      day: 30,
      weekday: 1,
      millisecond: 7,
    });
    expect(toHex(encodeS7Timestamp(t))).toBe('00202406302359580071');
    expect(toHex(encodeDateAndTime(t))).toBe('2406302359580071');
  });
});

describe('SZL lists cut short, unknown or refused', () => {
  const header = '32 07 0000 0001 000c';
  const parameter = '00 01 12 08 12 84 01 00 00 00 0000';

  /** An SZL answer PDU around `data`, decoded; it must re-encode to the same bytes. */
  function pdu(data: string): S7Pdu {
    const length = hex(data).length.toString(16).padStart(4, '0');
    const bytes = hex(header, length, parameter, data);
    const d = decodeS7Pdu(bytes);
    if (!d.ok) throw d.error;
    expect(toHex(encodeS7Pdu(d.value))).toBe(toHex(bytes));
    return d.value;
  }

  it('keeps the records of an unknown SZL id as bytes', () => {
    const p = pdu('ff 09 000a 0a0b 0000 0002 0001 beef');
    expect(p.message).toMatchObject({
      body: {
        kind: 'szl_response',
        szlName: 'unknown-0x0a0b',
        records: [{ kind: 'raw', bytes: hex('beef') }],
      },
    });
  });

  it('decodes the records present when fewer than announced fit (as Wireshark does)', () => {
    const p = pdu('ff 09 000d 0000 0000 0002 0070 0011 001c 00');
    const body = p.message.kind === 'userdata' ? p.message.body : undefined;
    expect(body).toMatchObject({ kind: 'szl_response', recordCount: 0x70, trailing: hex('00') });
    expect(body?.kind === 'szl_response' && body.records).toHaveLength(2);
  });

  it('keeps the refusal of an SZL read without data', () => {
    expect(pdu('0a 00 0000').message).toMatchObject({ returnCode: 0x0a, body: { kind: 'none' } });
  });

  it('refuses an SZL header shorter than 8 bytes on a first data unit', () => {
    const d = decodeS7Pdu(hex(header, '0008', parameter, 'ff 09 0004 0011 0000'));
    expect(d.ok ? '' : d.error.code).toBe('OTS_S7COMM_BAD_SZL');
  });

  it('refuses an SZL request that is not 4 bytes', () => {
    const d = decodeS7Pdu(
      hex('32 07 0000 0001 0008 0006', '00 01 12 04 11 44 01 00', 'ff 09 0002 0011'),
    );
    expect(d.ok ? '' : d.error.code).toBe('OTS_S7COMM_BAD_SZL');
  });

  it('refuses a userdata data part whose length field lies', () => {
    const d = decodeS7Pdu(
      hex('32 07 0000 0001 0008 0008', '00 01 12 04 11 44 01 00', 'ff 09 0005 0011 0000'),
    );
    expect(d.ok ? '' : d.error.code).toBe('OTS_S7COMM_BAD_USERDATA');
  });

  it('refuses a userdata parameter whose length byte lies', () => {
    const d = decodeS7Pdu(hex('32 07 0000 0001 0008 0000', '00 01 12 08 11 44 01 00'));
    expect(d.ok ? '' : d.error.code).toBe('OTS_S7COMM_BAD_USERDATA');
  });

  it('keeps other userdata forms (mode transition push) as raw parts', () => {
    const d = decodeS7Pdu(hex('32 07 0000 0000 0008 0000', '01 01 00 00 00 00 08 00'));
    expect(d.ok && d.value.message).toMatchObject({ kind: 'raw' });
  });
});
