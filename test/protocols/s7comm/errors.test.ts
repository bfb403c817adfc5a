// Malformed S7 PDUs get the coded error that names what is wrong, with an offset, and every
// code of S7COMM_ERRORS is produced by some input.
import { describe, expect, it } from 'vitest';
import { CodecError } from '../../../src/protocols/errors.js';
import { S7COMM_ERRORS, decodeS7Pdu, summarizeS7Pdu } from '../../../src/protocols/s7comm/index.js';
import { hex } from './helpers.js';

const CASES: [string, string, keyof typeof S7COMM_ERRORS][] = [
  ['one byte', '32', 'OTS_S7COMM_HEADER_TRUNCATED'],
  ['a protocol id other than 0x32', '72 01 0000 0000 0000 0000', 'OTS_S7COMM_BAD_PROTOCOL_ID'],
  ['ROSCTR 4', '32 04 0000 0000 0000 0000', 'OTS_S7COMM_BAD_ROSCTR'],
  ['an ack-data header of 10 bytes', '32 03 0000 0000 0000 0000', 'OTS_S7COMM_HEADER_TRUNCATED'],
  [
    'a parameter length beyond the PDU',
    '32 01 0000 0000 0008 0000 f0 00',
    'OTS_S7COMM_LENGTH_MISMATCH',
  ],
  ['bytes after the announced parts', '32 01 0000 0000 0000 0000 00', 'OTS_S7COMM_LENGTH_MISMATCH'],
  [
    'setup communication of 7 bytes',
    '32 01 0000 0000 0007 0000 f0 00 0001 0001 01',
    'OTS_S7COMM_BAD_PARAMETER',
  ],
  [
    'setup communication with data',
    '32 01 0000 0000 0008 0001 f0 00 0001 0001 01e0 00',
    'OTS_S7COMM_BAD_DATA',
  ],
  ['read var without its item count', '32 01 0000 0000 0001 0000 04', 'OTS_S7COMM_BAD_PARAMETER'],
  [
    'a read var item cut short',
    '32 01 0000 0000 0009 0000 04 01 12 0a 10 02 0001 00',
    'OTS_S7COMM_BAD_ITEM',
  ],
  ['an item length byte of 0', '32 01 0000 0000 0004 0000 04 01 12 00', 'OTS_S7COMM_BAD_ITEM'],
  [
    'bytes after the last item',
    '32 01 0000 0000 000f 0000 04 01 12 0a 10 02 0001 0001 84 000000 00',
    'OTS_S7COMM_BAD_PARAMETER',
  ],
  [
    'read var ack-data with a cut data item',
    '32 03 0000 0000 0002 0005 0000 04 01 ff 04 0010 01',
    'OTS_S7COMM_BAD_DATA',
  ],
  [
    'read var ack-data with fewer items than counted',
    '32 03 0000 0000 0002 0005 0000 04 02 ff 04 0008 01',
    'OTS_S7COMM_BAD_DATA',
  ],
  [
    'read var ack-data with trailing bytes',
    '32 03 0000 0000 0002 0006 0000 04 01 ff 04 0008 01 00',
    'OTS_S7COMM_BAD_DATA',
  ],
  [
    'write var ack-data with too few return codes',
    '32 03 0000 0000 0002 0001 0000 05 02 ff',
    'OTS_S7COMM_BAD_DATA',
  ],
  [
    'PI service whose block length runs past the parameter',
    '32 01 0000 0000 000b 0000 28 000000000000fd 00ff 00',
    'OTS_S7COMM_BAD_PARAMETER',
  ],
  [
    'PLC stop without its service name',
    '32 01 0000 0000 0006 0000 29 0000000000',
    'OTS_S7COMM_BAD_PARAMETER',
  ],
  [
    'a 3-byte PI service ack-data',
    '32 03 0000 0000 0003 0000 0000 28 00 00',
    'OTS_S7COMM_BAD_PARAMETER',
  ],
  [
    'upload with a 7-byte parameter',
    '32 01 0000 0000 0007 0000 1e 00 0000 000000',
    'OTS_S7COMM_BAD_PARAMETER',
  ],
  [
    'upload ack-data whose piece length lies',
    '32 03 0000 0000 0002 0006 0000 1e 00 0005 00fb 0102',
    'OTS_S7COMM_BAD_DATA',
  ],
  [
    'start upload ack-data of 5 bytes',
    '32 03 0000 0000 0005 0000 0000 1d 00 0100 00',
    'OTS_S7COMM_BAD_PARAMETER',
  ],
  [
    'request download whose file name runs past the parameter',
    '32 01 0000 0000 0009 0000 1a 00 0100 00000000 09',
    'OTS_S7COMM_BAD_PARAMETER',
  ],
  [
    'download block with bytes after the file name',
    '32 01 0000 0000 000b 0000 1b 00 0000 00000000 01 5f 00',
    'OTS_S7COMM_BAD_PARAMETER',
  ],
  [
    'a userdata data part of 2 bytes',
    '32 07 0000 0000 0008 0002 00 01 12 04 11 44 01 00 ff 09',
    'OTS_S7COMM_BAD_USERDATA',
  ],
];

describe('malformed S7 PDUs', () => {
  it.each(CASES)('refuse %s', (_name, bytes, code) => {
    const decoded = decodeS7Pdu(hex(bytes));
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error).toBeInstanceOf(CodecError);
    expect(decoded.error.code).toBe(code);
    expect(decoded.error.protocol).toBe('s7comm');
    expect(typeof decoded.error.offset).toBe('number');
  });

  it('keep unknown function codes and ack PDUs as raw parts', () => {
    const unknown = decodeS7Pdu(hex('32 01 0000 0001 0002 0001 99 00 aa'));
    expect(unknown.ok && unknown.value.message).toMatchObject({
      kind: 'raw',
      parameter: hex('9900'),
      data: hex('aa'),
    });
    if (unknown.ok)
      expect(summarizeS7Pdu(unknown.value)).toMatchObject({
        function_code: 0x99,
        function: 'unknown-153',
      });
    const empty = decodeS7Pdu(hex('32 03 0000 0001 0000 0000 85 00'));
    expect(empty.ok && empty.value.message).toMatchObject({ kind: 'raw' });
    if (empty.ok)
      expect(summarizeS7Pdu(empty.value)).toMatchObject({
        pdu_type: 'exception',
        error_class: 0x85,
      });
  });

  it('decode an error ack-data of read var: item count without data items', () => {
    const d = decodeS7Pdu(hex('32 03 0000 0001 0002 0000 85 00 04 01'));
    expect(d.ok && d.value.message).toMatchObject({
      kind: 'read_var_response',
      itemCount: 1,
      items: [],
    });
  });
});

describe('the error table', () => {
  it('has a one-line summary for every code, all prefixed OTS_S7COMM_', () => {
    for (const [code, summary] of Object.entries(S7COMM_ERRORS)) {
      expect(code).toMatch(/^OTS_S7COMM_[A-Z0-9_]+$/);
      expect(summary.length).toBeGreaterThan(10);
      expect(summary).not.toContain('\n');
    }
  });

  it('is exercised: every code is produced by a test of this folder', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('.', import.meta.url);
    let text = '';
    for (const file of await readdir(dir))
      if (file.endsWith('.ts')) text += await readFile(new URL(file, dir), 'utf8');
    for (const code of Object.keys(S7COMM_ERRORS)) {
      // The table above and the other files name each code they expect.
      expect(text.split(`'${code}'`).length - 1, code).toBeGreaterThan(0);
    }
  });
});
