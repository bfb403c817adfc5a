// Object headers (IEEE 1815-2012, 4.2.2.7), the object walk over each kind of object size, and
// the name tables: functions, IIN bits, groups and variations.
import { describe, expect, it } from 'vitest';
import {
  DNP3_IIN_BITS,
  decodeDnp3ApplicationFragment,
  decodeDnp3Iin,
  decodeDnp3ObjectHeader,
  dnp3FunctionName,
  dnp3GroupName,
  dnp3ObjectName,
  dnp3ObjectSize,
  encodeDnp3ApplicationFragment,
  encodeDnp3Iin,
  encodeDnp3ObjectHeader,
} from '../../../src/protocols/dnp3/index.js';
import { hex } from './helpers.js';

describe('DNP3 object headers: each range specifier', () => {
  const cases: [string, string, Record<string, unknown>, number][] = [
    [
      'q00 1-octet start/stop',
      '01 02 00 03 07',
      { range: 'start_stop', start: 3, stop: 7, count: 5 },
      5,
    ],
    [
      'q01 2-octet start/stop',
      '0A 02 01 00 00 FF 01',
      { range: 'start_stop', start: 0, stop: 511, count: 512 },
      7,
    ],
    [
      'q02 4-octet start/stop',
      '1E 01 02 01 00 00 00 02 00 00 00',
      { start: 1, stop: 2, count: 2 },
      11,
    ],
    [
      'q03 1-octet virtual start/stop',
      '1E 01 03 00 01',
      { range: 'virtual_start_stop', count: 2 },
      5,
    ],
    ['q06 all objects', '3C 02 06', { range: 'all', count: 0 }, 3],
    ['q07 1-octet count', '32 01 07 01', { range: 'count', count: 1, prefix: 'none' }, 4],
    ['q08 2-octet count', '02 01 08 10 00', { range: 'count', count: 16 }, 5],
    ['q09 4-octet count', '02 01 09 00 00 01 00', { range: 'count', count: 65536 }, 7],
    [
      'q17 1-octet index, 1-octet count',
      '0C 01 17 01',
      { prefix: 'index', prefixSize: 1, count: 1 },
      4,
    ],
    [
      'q28 2-octet index, 2-octet count',
      '0C 01 28 02 00',
      { prefix: 'index', prefixSize: 2, count: 2 },
      5,
    ],
    [
      'q39 4-octet index, 4-octet count',
      '0C 01 39 01 00 00 00',
      { prefix: 'index', prefixSize: 4, count: 1 },
      7,
    ],
    [
      'q5B 2-octet size, free-format count',
      '46 05 5B 01',
      { prefix: 'size', prefixSize: 2, range: 'count_variable_format' },
      4,
    ],
  ];
  for (const [name, bytes, expected, size] of cases) {
    it(`${name}: decodes, encodes back`, () => {
      const decoded = decodeDnp3ObjectHeader(hex(bytes), 0);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.value.size).toBe(size);
      expect(decoded.value.header).toMatchObject(expected);
      expect(encodeDnp3ObjectHeader(decoded.value.header)).toEqual({ ok: true, value: hex(bytes) });
    });
  }

  it('refuses reserved qualifiers and a stop below the start', () => {
    for (const qualifier of ['0A', '0C', '0F', '70', '86']) {
      expect(decodeDnp3ObjectHeader(hex(`01 02 ${qualifier} 00 00`), 0)).toMatchObject({
        ok: false,
        error: { code: 'OTS_DNP3_BAD_QUALIFIER', offset: 2 },
      });
    }
    expect(decodeDnp3ObjectHeader(hex('01 02 00 07 03'), 0)).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_BAD_RANGE', message: 'g1v2 range stop 3 is below start 7' },
    });
    expect(decodeDnp3ObjectHeader(hex('01 02'), 0)).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_OBJECT_TRUNCATED' },
    });
    expect(decodeDnp3ObjectHeader(hex('01 02 01 00'), 0)).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_OBJECT_TRUNCATED', offset: 3 },
    });
  });

  it('refuses to encode what the qualifier cannot carry', () => {
    expect(
      encodeDnp3ObjectHeader({ group: 1, variation: 2, qualifier: 0x00, start: 0, stop: 256 }).ok,
    ).toBe(false);
    expect(
      encodeDnp3ObjectHeader({ group: 1, variation: 2, qualifier: 0x00, start: 5, stop: 4 }).ok,
    ).toBe(false);
    expect(encodeDnp3ObjectHeader({ group: 1, variation: 2, qualifier: 0x07 }).ok).toBe(false);
    expect(encodeDnp3ObjectHeader({ group: 256, variation: 2, qualifier: 0x06 }).ok).toBe(false);
    expect(encodeDnp3ObjectHeader({ group: 1, variation: 2, qualifier: 0x0b, count: 1 }).ok).toBe(
      true,
    );
    expect(encodeDnp3ObjectHeader({ group: 1, variation: 2, qualifier: 0x0e }).ok).toBe(false);
  });
});

/** Decode a fragment and list each object header with the size of its data. */
function walk(bytes: string) {
  const decoded = decodeDnp3ApplicationFragment(hex(bytes));
  if (!decoded.ok) throw decoded.error;
  const { objects, stop, rest } = decoded.value;
  return {
    objects: objects.map((o) => `g${o.group}v${o.variation}:${o.data.length}`),
    stop: stop?.code,
    rest: rest.length,
  };
}

describe('DNP3 object walk', () => {
  it('sizes packed single-bit and double-bit points per header', () => {
    // Response: g1v1 points 0-9 (2 octets), g3v1 points 0-4 (2 bits each: 2 octets).
    expect(walk('C0 81 00 00 01 01 00 00 09 FF 03 03 01 00 00 04 55 01')).toEqual({
      objects: ['g1v1:2', 'g3v1:2'],
      stop: undefined,
      rest: 0,
    });
  });

  it('sizes index-prefixed fixed objects (CROB g12v1, 11 octets, 2-octet index)', () => {
    const crob = '03 01 64 00 00 00 64 00 00 00 00';
    expect(walk(`C0 05 0C 01 28 02 00 01 00 ${crob} 02 00 ${crob}`).objects).toEqual(['g12v1:26']);
  });

  it('sizes octet strings by their variation (g110v5) and device attributes by their length', () => {
    expect(walk('C0 81 00 00 6E 05 00 00 00 68 65 6C 6C 6F').objects).toEqual(['g110v5:5']);
    // g0v252 manufacturer name: data type 1 (visible string), length 4, 'ACME'.
    expect(walk('C0 81 00 00 00 FC 00 00 00 01 04 41 43 4D 45').objects).toEqual(['g0v252:6']);
  });

  it('carries no data in reads, freezes, class assignment and unsolicited control', () => {
    expect(walk('C0 01 1E 01 00 00 09 14 00 06').objects).toEqual(['g30v1:0', 'g20v0:0']);
    expect(walk('C0 16 3C 02 06 01 00 06').objects).toEqual(['g60v2:0', 'g1v0:0']);
    // Freeze at time: the g50v2 time and interval (10 octets) first, then headers only.
    expect(walk('C0 0B 32 02 07 01 00 00 00 00 00 00 60 EA 00 00 14 00 06').objects).toEqual([
      'g50v2:10',
      'g20v0:0',
    ]);
  });

  it('walks size-prefixed objects whatever their group, even in a read', () => {
    expect(walk('C0 01 46 05 5B 01 08 00 78 56 34 12 00 00 00 00').objects).toEqual(['g70v5:10']);
    expect(walk('C0 81 00 00 F0 01 5B 02 01 00 AA 02 00 BB CC').objects).toEqual(['g240v1:7']);
  });

  it('stops at an object of unknown size with a typed note, keeping the header', () => {
    const result = walk('C0 02 1E 00 00 00 01 00 00 00 00 00 00 01 02 00 00 00');
    expect(result).toEqual({ objects: ['g30v0:0'], stop: 'OTS_DNP3_UNSUPPORTED_OBJECT', rest: 11 });
    const decoded = decodeDnp3ApplicationFragment(hex('C0 02 46 03 17 01 00 AA BB'));
    expect(decoded.ok && decoded.value.stop?.message).toBe(
      'g70v3 (file_control_file_command): variable-size object without a size prefix; the object walk stops here',
    );
  });

  it('stops at a truncated object, keeping what there is', () => {
    // ITI direct_operate_crob_malform_but_good_crc.pcap: a count of 2 CROBs, one present.
    expect(walk('CA 05 0C 01 28 02 00 01 00 02 01 64 00 00 00 64 00 00 00 00')).toEqual({
      objects: ['g12v1:13'],
      stop: 'OTS_DNP3_OBJECT_TRUNCATED',
      rest: 0,
    });
  });

  it('walks thousands of empty octet strings without looping per object (write_vto_empty_string)', () => {
    const header = '70 00 01 00 00 FF FF'; // g112v0, 65536 objects of 0 octets
    const decoded = decodeDnp3ApplicationFragment(hex(`C0 02 ${header} ${header}`));
    expect(decoded.ok && decoded.value.objects.map((o) => o.count)).toEqual([65536, 65536]);
  });

  it('decodes and encodes IIN on every response function', () => {
    for (const code of [0x81, 0x82, 0x83]) {
      const bytes = hex(`C0 ${code.toString(16)} 90 04 3C 01 06`);
      const decoded = decodeDnp3ApplicationFragment(bytes);
      if (!decoded.ok) throw decoded.error;
      expect(decoded.value.pduType).toBe('response');
      const set = Object.entries(decoded.value.iin ?? {})
        .filter(([, v]) => v)
        .map(([k]) => k);
      expect(set).toEqual(['need_time', 'device_restart', 'parameter_error']);
      expect(encodeDnp3ApplicationFragment(decoded.value)).toEqual({ ok: true, value: bytes });
    }
  });

  it('refuses a fragment shorter than its header', () => {
    expect(decodeDnp3ApplicationFragment(hex('C0'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_APP_TRUNCATED' },
    });
    expect(decodeDnp3ApplicationFragment(hex('C0 81 00'))).toMatchObject({
      ok: false,
      error: { code: 'OTS_DNP3_APP_TRUNCATED' },
    });
  });

  it('reads the application control bits', () => {
    const decoded = decodeDnp3ApplicationFragment(hex('F5 82 00 00'));
    expect(decoded.ok && decoded.value).toMatchObject({
      fir: true,
      fin: true,
      con: true,
      uns: true,
      seq: 5,
      function: 'unsolicited_response',
    });
  });
});

describe('DNP3 names', () => {
  it('names every function code of IEEE 1815-2012 and unknown ones', () => {
    expect(dnp3FunctionName(0)).toBe('confirm');
    expect(dnp3FunctionName(5)).toBe('direct_operate');
    expect(dnp3FunctionName(33)).toBe('authentication_request_no_ack');
    expect(dnp3FunctionName(131)).toBe('authentication_response');
    expect(dnp3FunctionName(48)).toBe('unknown-48');
    for (let code = 0; code <= 33; code++) expect(dnp3FunctionName(code)).not.toMatch(/^unknown/);
  });

  it('names all sixteen IIN bits and round-trips them', () => {
    expect(DNP3_IIN_BITS).toHaveLength(16);
    const iin = decodeDnp3Iin(0xff, 0xff);
    expect(Object.values(iin).every(Boolean)).toBe(true);
    expect(encodeDnp3Iin(iin)).toEqual([0xff, 0xff]);
    expect(encodeDnp3Iin({ device_restart: true, object_unknown: true })).toEqual([0x80, 0x02]);
  });

  it('names the common groups and variations', () => {
    const names: [number, number, string][] = [
      [1, 2, 'binary_input_with_flags'],
      [2, 2, 'binary_input_event_with_absolute_time'],
      [10, 2, 'binary_output_status_with_flags'],
      [12, 1, 'binary_output_command_control_relay_output_block'],
      [20, 1, 'counter_32_bit_with_flag'],
      [21, 9, 'frozen_counter_32_bit_without_flag'],
      [22, 5, 'counter_event_32_bit_with_flag_and_time'],
      [30, 5, 'analog_input_single_precision_with_flag'],
      [32, 7, 'analog_input_event_single_precision_with_time'],
      [34, 1, 'analog_input_deadband_16_bit'],
      [40, 1, 'analog_output_status_32_bit_with_flag'],
      [41, 2, 'analog_output_16_bit'],
      [50, 1, 'time_and_date_absolute_time'],
      [51, 1, 'common_time_of_occurrence_absolute_time_synchronized'],
      [52, 2, 'time_delay_fine'],
      [60, 1, 'class_data_class_0'],
      [70, 5, 'file_control_file_transport'],
      [80, 1, 'internal_indications_packed_format'],
      [110, 12, 'octet_string_length_12'],
      [120, 9, 'authentication_mac'],
      [1, 0, 'binary_input_any_variation'],
      [0, 250, 'device_attributes_device_manufacturer_product_name_and_model'],
      [0, 17, 'device_attributes_attribute_17'],
      [1, 9, 'unknown-g1v9'],
      [200, 1, 'unknown-g200v1'],
    ];
    for (const [group, variation, name] of names)
      expect(dnp3ObjectName(group, variation)).toBe(name);
    expect(dnp3GroupName(41)).toBe('analog_output');
    expect(dnp3GroupName(99)).toBe('unknown-99');
  });

  it('knows the sizes the walk relies on', () => {
    expect(dnp3ObjectSize(12, 1)).toBe(11);
    expect(dnp3ObjectSize(41, 1)).toBe(5);
    expect(dnp3ObjectSize(41, 4)).toBe(9);
    expect(dnp3ObjectSize(50, 1)).toBe(6);
    expect(dnp3ObjectSize(80, 1)).toBe('packed1');
    expect(dnp3ObjectSize(60, 2)).toBe('none');
    expect(dnp3ObjectSize(70, 3)).toBe('variable');
    expect(dnp3ObjectSize(30, 0)).toBeUndefined();
    expect(dnp3ObjectSize(200, 1)).toBeUndefined();
  });
});
