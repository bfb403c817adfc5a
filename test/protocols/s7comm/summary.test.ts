// The per-PDU summary events carry: request/response/exception, function, userdata group and
// subfunction, SZL id, and the first item's area, DB and address.
import { describe, expect, it } from 'vitest';
import { decodeS7Pdu, summarizeS7Pdu } from '../../../src/protocols/s7comm/index.js';
import { hex } from './helpers.js';

function summary(bytes: string) {
  const d = decodeS7Pdu(hex(bytes));
  if (!d.ok) throw d.error;
  return summarizeS7Pdu(d.value);
}

describe('summarizeS7Pdu', () => {
  it('gives the first item of a read var job: area, DB, byte address, count', () => {
    // Plant1_S7comm.pcap frame 9: 120 bytes of DB1001 from byte 2.
    expect(summary('32 01 0000 0001 000e 0000 04 01 12 0a 10 02 0078 03e9 84 000010')).toEqual({
      rosctr: 1,
      rosctr_name: 'job',
      pdu_type: 'request',
      function_code: 4,
      function: 'read_var',
      item_count: 1,
      area: 'db',
      db: 1001,
      address: 2,
      quantity: 120,
    });
  });

  it('leaves the DB number out for areas other than DB and DI, and gives timer numbers as addresses', () => {
    expect(
      summary('32 01 0000 0001 000e 0000 04 01 12 0a 10 1d 0001 0007 1d 000005'),
    ).toMatchObject({
      area: 'timers',
      address: 5,
    });
    expect(
      summary('32 01 0000 0001 000e 0000 04 01 12 0a 10 1d 0001 0007 1d 000005').db,
    ).toBeUndefined();
    expect(
      summary('32 01 0000 0001 000e 0000 04 01 12 0a 10 02 0001 0003 85 000008'),
    ).toMatchObject({
      area: 'di',
      db: 3,
      address: 1,
    });
  });

  it('calls an ack-data with an error class an exception', () => {
    expect(summary('32 03 0000 0001 0002 0000 85 00 04 01')).toMatchObject({
      pdu_type: 'exception',
      function: 'read_var',
      error_class: 0x85,
      error_code: 0,
      item_count: 1,
    });
  });

  it('calls a userdata push a response (it comes unasked from the CPU)', () => {
    expect(summary('32 07 0000 0000 000c 0000 00 01 12 08 12 02 01 00 00 00 0000')).toMatchObject({
      pdu_type: 'response',
      userdata: {
        group: 2,
        subfunction: 1,
        group_name: 'cyclic_data',
        subfunction_name: 'cyclic_transfer',
      },
    });
  });

  it('leaves function_code out of userdata and ack PDUs', () => {
    expect(
      summary('32 07 0000 0001 0008 0000 00 01 12 04 11 47 01 00').function_code,
    ).toBeUndefined();
    expect(summary('32 02 0000 0001 0000 0000 00 00').function_code).toBeUndefined();
  });
});
