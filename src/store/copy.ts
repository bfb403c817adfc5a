// PostgreSQL's COPY text format (the default of COPY ... FROM STDIN), encoded by hand because it
// is the fast path for bulk rows, plus the two things PostgreSQL text cannot hold.
//
// The format (PostgreSQL 15 docs, COPY, "Text Format"): one line per row ended by \n, columns
// separated by a tab, \N for NULL, and a backslash before anything that would otherwise be read
// as structure: backslash itself, tab, newline and carriage return. Every other character,
// Unicode included, goes through as it is (the connection's client_encoding is UTF8).

/** A value a COPY cell can carry. Booleans become t/f; undefined is NULL like null. */
export type CopyValue = string | number | bigint | boolean | null | undefined;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPABLE = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** Escapes one text cell. Most cells need nothing, so test before paying for a replace. */
export function copyText(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPABLE, (c) => ESCAPES[c] ?? c) : value;
}

/** Encodes one cell. Numbers print as JavaScript prints them, which PostgreSQL reads back. */
export function encodeCopyValue(value: CopyValue): string {
  switch (typeof value) {
    case 'string':
      return copyText(value);
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      return '\\N';
  }
}

/** Encodes one row as a line, newline included. */
export function encodeCopyRow(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += '\t';
    line += encodeCopyValue(values[i]);
  }
  return line + '\n';
}

/** Encodes rows as one COPY text payload. */
export function encodeCopyRows(rows: readonly (readonly CopyValue[])[]): string {
  let out = '';
  for (const row of rows) out += encodeCopyRow(row);
  return out;
}

const NUL = '\u0000';
const REPLACEMENT = '\uFFFD';

/**
 * PostgreSQL text cannot hold a NUL character (COPY and bind parameters both refuse it), yet a
 * hostile frame decoded to a string may carry one: it becomes U+FFFD, the Unicode replacement
 * character, rather than costing the whole batch.
 */
export function postgresText(value: string): string {
  return value.includes(NUL) ? value.replaceAll(NUL, REPLACEMENT) : value;
}

/** A \u0000 escape preceded by an even number of backslashes (an odd one would escape it). */
const JSON_NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * jsonb refuses the escape \u0000 that JSON.stringify writes for a NUL: it is rewritten to
 * \ufffd. A run of escaped backslashes before "u0000" is left alone, so the JSON keeps its meaning.
 */
export function postgresJson(json: string): string {
  return json.includes('\\u0000') ? json.replace(JSON_NUL_ESCAPE, '$1\\ufffd') : json;
}
