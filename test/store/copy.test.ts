// The COPY text encoder, byte for byte: escapes, NULL, numbers, Unicode, and the two rewrites
// PostgreSQL text needs (NUL characters, \u0000 in JSON).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  copyText,
  encodeCopyRow,
  encodeCopyRows,
  encodeCopyValue,
  postgresJson,
  postgresText,
  type CopyValue,
} from '../../src/store/index.js';

/** The encoded row as bytes, as they go on the wire in UTF-8. */
const bytes = (values: CopyValue[]): number[] => [...Buffer.from(encodeCopyRow(values), 'utf8')];
const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];

/** COPY text decoding (PostgreSQL 15, COPY "Text Format"), for the round-trip property. */
function decodeCopyLine(line: string): (string | null)[] {
  if (!line.endsWith('\n')) throw new Error('a COPY line ends with a newline');
  return line
    .slice(0, -1)
    .split('\t')
    .map((cell) =>
      cell === '\\N'
        ? null
        : cell.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c),
    );
}

/** The value with every NUL character, in keys and strings, replaced by U+FFFD. */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.replaceAll('\u0000', '\uFFFD'), withoutNul(v)]),
    );
  }
  return value;
}

describe('COPY text encoder', () => {
  it.each<[string, CopyValue[], number[]]>([
    ['plain cells, tab separated, newline ended', ['ab', 'c'], ascii('ab\tc\n')],
    ['NULL as \\N, null and undefined alike', [null, undefined, 'x'], ascii('\\N\t\\N\tx\n')],
    ['empty text is not NULL', ['', 'a'], ascii('\ta\n')],
    ['a tab inside a cell', ['a\tb'], [0x61, 0x5c, 0x74, 0x62, 0x0a]],
    ['a newline inside a cell', ['a\nb'], [0x61, 0x5c, 0x6e, 0x62, 0x0a]],
    ['a carriage return inside a cell', ['a\rb'], [0x61, 0x5c, 0x72, 0x62, 0x0a]],
    ['a backslash is doubled', ['a\\b'], [0x61, 0x5c, 0x5c, 0x62, 0x0a]],
    ['the text \\N is not NULL', ['\\N'], [0x5c, 0x5c, 0x4e, 0x0a]],
    ['a lone period line is plain data', ['\\.'], [0x5c, 0x5c, 0x2e, 0x0a]],
    ['CRLF', ['\r\n'], ascii('\\r\\n\n')],
    ['every escape at once', ['\\\t\n\r'], ascii('\\\\\\t\\n\\r\n')],
    // ü is U+00FC: C3 BC in UTF-8; 漢 is E6 BC A2; 🚀 is a surrogate pair, F0 9F 9A 80.
    [
      'Unicode passes through as UTF-8',
      ['ü漢🚀'],
      [0xc3, 0xbc, 0xe6, 0xbc, 0xa2, 0xf0, 0x9f, 0x9a, 0x80, 0x0a],
    ],
    [
      'integers and floats as JavaScript prints them',
      [0, -7, 1.5, 1767225600000],
      ascii('0\t-7\t1.5\t1767225600000\n'),
    ],
    [
      'big and odd numbers',
      [1e21, Number.NaN, Number.POSITIVE_INFINITY],
      ascii('1e+21\tNaN\tInfinity\n'),
    ],
    ['bigint', [2n ** 63n - 1n], ascii('9223372036854775807\n')],
    ['booleans as t and f', [true, false], ascii('t\tf\n')],
    [
      'a JSON document keeps its own escapes, doubled',
      [JSON.stringify({ m: 'a\tb"c' })],
      ascii('{"m":"a\\\\tb\\\\"c"}\n'),
    ],
  ])('%s', (_name, values, expected) => {
    expect(bytes(values)).toEqual(expected);
  });

  it('leaves a cell with nothing to escape as the same string', () => {
    const text = 'nothing to escape here';
    expect(copyText(text)).toBe(text);
  });

  it('encodes single values and whole payloads', () => {
    expect(encodeCopyValue(null)).toBe('\\N');
    expect(encodeCopyValue('a\tb')).toBe('a\\tb');
    expect(
      encodeCopyRows([
        ['a', 1],
        [null, 'b\nc'],
      ]),
    ).toBe('a\t1\n\\N\tb\\nc\n');
    expect(encodeCopyRows([])).toBe('');
  });

  it('round-trips any text through decoding', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.string({ unit: 'binary' }), { nil: null }), { minLength: 1 }),
        (cells) => {
          expect(decodeCopyLine(encodeCopyRow(cells))).toEqual(cells);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('PostgreSQL text rules', () => {
  it('replaces NUL characters, which PostgreSQL text cannot hold, by U+FFFD', () => {
    expect(postgresText('a\u0000b\u0000')).toBe('a\uFFFDb\uFFFD');
    const clean = 'no nul';
    expect(postgresText(clean)).toBe(clean);
  });

  it.each([
    ['a \\u0000 escape', '{"m":"a\\u0000b"}', '{"m":"a\\ufffdb"}'],
    ['two in a row', '"\\u0000\\u0000"', '"\\ufffd\\ufffd"'],
    ['an escaped backslash then the text u0000 is left alone', '"\\\\u0000"', '"\\\\u0000"'],
    ['an escaped backslash then a real \\u0000', '"\\\\\\u0000"', '"\\\\\\ufffd"'],
    ['nothing to do', '{"a":1}', '{"a":1}'],
  ])('rewrites \\u0000 in JSON: %s', (_name, json, expected) => {
    expect(postgresJson(json)).toBe(expected);
    // The rewrite keeps the JSON valid and changes only the NUL characters.
    expect(JSON.parse(expected)).toEqual(withoutNul(JSON.parse(json)));
  });

  it('makes any stringified value free of \\u0000 and equal but for NULs (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const json = JSON.stringify({ value, text: `${text}\u0000${text}` });
        const rewritten = postgresJson(json);
        expect(rewritten).not.toMatch(/(?<!\\)(\\\\)*\\u0000/);
        expect(JSON.parse(rewritten)).toEqual(withoutNul(JSON.parse(json)));
      }),
      { numRuns: 300 },
    );
  });
});
