// Every lookup answers every input: a name from the table, or 'unknown-N'.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaName,
  blockLanguageName,
  blockTypeName,
  cotpParameterName,
  dataTransportSizeName,
  errorClassName,
  functionName,
  modeSwitchName,
  operatingModeName,
  piServiceName,
  returnCodeName,
  rosctrName,
  syntaxIdName,
  szlIdName,
  transportSizeName,
  userdataGroupName,
  userdataSubfunctionName,
  userdataTypeName,
} from '../../../src/protocols/s7comm/index.js';

describe('code tables', () => {
  it('name the codes of the field', () => {
    expect([1, 2, 3, 7].map(rosctrName)).toEqual(['job', 'ack', 'ack_data', 'userdata']);
    expect(
      [0x04, 0x05, 0xf0, 0x28, 0x29, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f].map(functionName),
    ).toEqual([
      'read_var',
      'write_var',
      'setup_communication',
      'pi_service',
      'plc_stop',
      'request_download',
      'download_block',
      'download_ended',
      'start_upload',
      'upload',
      'end_upload',
    ]);
    expect(
      [0x03, 0x05, 0x06, 0x07, 0x1c, 0x1d, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87].map(
        areaName,
      ),
    ).toEqual([
      'system_info',
      'system_flags',
      'analog_inputs',
      'analog_outputs',
      'counters',
      'timers',
      'peripheral',
      'inputs',
      'outputs',
      'flags',
      'db',
      'di',
      'local',
      'v',
    ]);
    expect(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 28, 29, 30, 31].map(transportSizeName),
    ).toEqual([
      'BIT',
      'BYTE',
      'CHAR',
      'WORD',
      'INT',
      'DWORD',
      'DINT',
      'REAL',
      'DATE',
      'TOD',
      'TIME',
      'S5TIME',
      'DATE_AND_TIME',
      'COUNTER',
      'TIMER',
      'IEC_COUNTER',
      'IEC_TIMER',
    ]);
    expect([0x03, 0x04, 0x05, 0x07, 0x09].map(dataTransportSizeName)).toEqual([
      'bit',
      'byte_word_dword',
      'integer',
      'real',
      'octet_string',
    ]);
    expect([0xff, 0x0a, 0x05, 0x03].map(returnCodeName)).toEqual([
      'success',
      'object_does_not_exist',
      'address_out_of_range',
      'access_fault',
    ]);
    expect([1, 2, 3, 4, 5, 7].map(userdataGroupName)).toEqual([
      'programmer_commands',
      'cyclic_data',
      'block_functions',
      'cpu_functions',
      'security',
      'time_functions',
    ]);
    expect(userdataSubfunctionName(4, 1)).toBe('read_szl');
    expect(userdataSubfunctionName(7, 1)).toBe('read_clock');
    expect(userdataSubfunctionName(7, 2)).toBe('set_clock');
    expect(userdataSubfunctionName(5, 1)).toBe('plc_password');
    expect(userdataSubfunctionName(3, 1)).toBe('list_blocks');
    expect(userdataSubfunctionName(3, 2)).toBe('list_blocks_of_type');
    expect(userdataSubfunctionName(3, 3)).toBe('block_info');
    expect([0, 4, 8].map(userdataTypeName)).toEqual(['push', 'request', 'response']);
    expect([0x3038, 0x3041, 0x3042, 0x3043, 0x3044, 0x3045, 0x3046].map(blockTypeName)).toEqual([
      'OB',
      'DB',
      'SDB',
      'FC',
      'SFC',
      'FB',
      'SFB',
    ]);
    expect([0x0011, 0x001c, 0x0131, 0x0232, 0x0424].map(szlIdName)).toEqual([
      'module_identification',
      'component_identification',
      'communication_capability',
      'protection_level',
      'current_mode',
    ]);
    expect(piServiceName('_INSE')).toBe('activate_blocks');
    expect(piServiceName('_DELE')).toBe('delete_blocks');
    expect(piServiceName('P_PROGRAM')).toBe('start_program');
    expect(piServiceName('_MODU')).toBe('copy_ram_to_rom');
    expect(piServiceName('_GARB')).toBe('compress_memory');
    expect(operatingModeName(8)).toBe('RUN');
    expect(operatingModeName(4)).toBe('STOP_internal');
    expect(modeSwitchName(2)).toBe('RUN_P');
    expect(errorClassName(0x85)).toBe('supplies');
    expect(syntaxIdName(0x10)).toBe('S7ANY');
    expect(cotpParameterName(0xc1)).toBe('calling_tsap');
    expect(blockLanguageName(3)).toBe('FUP');
  });

  it("answer 'unknown-N' for codes they do not know", () => {
    expect(functionName(0x30)).toBe('unknown-48');
    expect(rosctrName(4)).toBe('unknown-4');
    expect(areaName(0x99)).toBe('unknown-153');
    expect(userdataSubfunctionName(9, 1)).toBe('unknown-1');
    expect(userdataSubfunctionName(4, 0x55)).toBe('unknown-85');
    expect(szlIdName(0x0123)).toBe('unknown-0x0123');
    expect(szlIdName(0xf11c)).toBe('unknown-0xf11c');
    expect(piServiceName('_N_LOGIN')).toBe('unknown');
  });

  it('never throw, whatever the number (property)', () => {
    const lookups = [
      rosctrName,
      functionName,
      areaName,
      transportSizeName,
      dataTransportSizeName,
      returnCodeName,
      errorClassName,
      userdataGroupName,
      userdataTypeName,
      blockTypeName,
      blockLanguageName,
      operatingModeName,
      modeSwitchName,
      syntaxIdName,
      cotpParameterName,
      szlIdName,
    ];
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double()), fc.integer(), (code, other) => {
        for (const lookup of lookups) expect(typeof lookup(code)).toBe('string');
        expect(typeof userdataSubfunctionName(code, other)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});
