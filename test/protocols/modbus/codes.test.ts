// The code tables: every lookup answers every input, names follow tshark and the specification,
// categories cover every function, and the error table is well formed.
import { describe, expect, it } from 'vitest';
import {
  conformityLevelName,
  deviceIdObjectName,
  EXCEPTION_CODES,
  exceptionName,
  FUNCTION_CATEGORIES,
  FUNCTION_CODES,
  functionCategory,
  functionName,
  isUserDefinedFunction,
  MODBUS_ERRORS,
  meiTypeName,
  readDeviceIdCodeName,
  subFunctionName,
  UMAS_FUNCTIONS,
  umasFunctionName,
  umasStatusName,
} from '../../../src/protocols/modbus/index.js';

describe('function codes', () => {
  it('names the public codes as the brief and tshark word them', () => {
    expect(
      Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 15, 16, 17, 20, 21, 22, 23, 24, 43, 90].map((c) => [
          c,
          functionName(c),
        ]),
      ),
    ).toEqual({
      1: 'read_coils',
      2: 'read_discrete_inputs',
      3: 'read_holding_registers',
      4: 'read_input_registers',
      5: 'write_single_coil',
      6: 'write_single_register',
      7: 'read_exception_status',
      8: 'diagnostics',
      11: 'get_comm_event_counter',
      12: 'get_comm_event_log',
      15: 'write_multiple_coils',
      16: 'write_multiple_registers',
      17: 'report_server_id',
      20: 'read_file_record',
      21: 'write_file_record',
      22: 'mask_write_register',
      23: 'read_write_multiple_registers',
      24: 'read_fifo_queue',
      43: 'encapsulated_interface_transport',
      90: 'umas',
    });
  });

  it('answers every input: user_defined for 65-72 and 100-110, unknown-N otherwise', () => {
    expect(functionName(0x30)).toBe('unknown-48');
    expect(functionName(0)).toBe('unknown-0');
    expect(functionName(0x83)).toBe('unknown-131');
    expect(functionName(-1)).toBe('unknown--1');
    for (let code = 0; code < 256; code++) {
      const name = functionName(code);
      const userDefined = (code >= 65 && code <= 72) || (code >= 100 && code <= 110);
      expect(isUserDefinedFunction(code)).toBe(userDefined);
      if (userDefined) expect(name).toBe('user_defined');
      else if (!Object.values(FUNCTION_CODES).includes(code as never))
        expect(name).toBe(`unknown-${code}`);
      expect(['read', 'write', 'diagnostic', 'programming', 'identification', 'other']).toContain(
        functionCategory(code),
      );
    }
  });

  it('puts every write in the write category and UMAS in programming', () => {
    for (const code of [5, 6, 15, 16, 21, 22, 23]) expect(functionCategory(code)).toBe('write');
    for (const code of [1, 2, 3, 4, 20, 24]) expect(functionCategory(code)).toBe('read');
    for (const code of [7, 8, 11, 12]) expect(functionCategory(code)).toBe('diagnostic');
    expect(functionCategory(17)).toBe('identification');
    expect(functionCategory(43)).toBe('identification');
    expect(functionCategory(90)).toBe('programming');
    expect(functionCategory(65)).toBe('other');
    expect(functionCategory(48)).toBe('other');
    expect(Object.keys(FUNCTION_CATEGORIES).sort()).toEqual(Object.keys(FUNCTION_CODES).sort());
  });
});

describe('other tables', () => {
  it('names the exception codes of clause 7', () => {
    expect(Object.values(EXCEPTION_CODES)).toEqual([1, 2, 3, 4, 5, 6, 8, 10, 11]);
    expect(exceptionName(2)).toBe('illegal_data_address');
    expect(exceptionName(11)).toBe('gateway_target_device_failed_to_respond');
    expect(exceptionName(7)).toBe('unknown-7');
  });

  it('names every diagnostics sub-function of 6.8.1', () => {
    const named = [0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20];
    for (let code = 0; code < 0x20; code++) {
      expect(subFunctionName(code).startsWith('unknown-')).toBe(!named.includes(code));
    }
    expect(subFunctionName(4)).toBe('force_listen_only_mode');
    expect(subFunctionName(0x14)).toBe('clear_overrun_counter_and_flag');
  });

  it('names MEI types, device id codes, conformity levels and objects', () => {
    expect(meiTypeName(13)).toBe('canopen_general_reference');
    expect(meiTypeName(14)).toBe('read_device_identification');
    expect(meiTypeName(15)).toBe('unknown-15');
    expect([1, 2, 3, 4, 5].map(readDeviceIdCodeName)).toEqual([
      'basic',
      'regular',
      'extended',
      'specific',
      'unknown-5',
    ]);
    expect(conformityLevelName(0x83)).toBe('extended_stream_and_individual');
    expect(conformityLevelName(0x04)).toBe('unknown-4');
    expect(deviceIdObjectName(0)).toBe('vendor_name');
    expect(deviceIdObjectName(6)).toBe('user_application_name');
    expect(deviceIdObjectName(7)).toBe('unknown-7');
    expect(deviceIdObjectName(0x80)).toBe('extended-128');
  });

  it('names the UMAS functions and reply statuses', () => {
    expect(umasFunctionName(0x02)).toBe('read_id');
    expect(umasFunctionName(0x10)).toBe('take_plc_reservation');
    expect(umasFunctionName(0x11)).toBe('release_plc_reservation');
    expect(umasFunctionName(0x20)).toBe('read_memory_block');
    expect(umasFunctionName(0x40)).toBe('start_plc');
    expect(umasFunctionName(0x41)).toBe('stop_plc');
    for (let code = 0x30; code <= 0x35; code++) {
      expect(umasFunctionName(code)).toMatch(/upload|download/);
    }
    expect(umasFunctionName(0x99)).toBe('unknown-153');
    expect(new Set(Object.values(UMAS_FUNCTIONS)).size).toBe(Object.keys(UMAS_FUNCTIONS).length);
    expect(umasStatusName(0xfe)).toBe('success');
    expect(umasStatusName(0xfd)).toBe('error');
    expect(umasStatusName(0x00)).toBe('unknown-0');
  });
});

describe('error table', () => {
  it('has OTS_MODBUS_ codes with one-line summaries', () => {
    for (const [code, summary] of Object.entries(MODBUS_ERRORS)) {
      expect(code).toMatch(/^OTS_MODBUS_[A-Z0-9_]+$/);
      expect(summary).not.toMatch(/\n/);
      expect(summary.length).toBeGreaterThan(10);
    }
  });
});
