// Keeps the error catalog and docs/errors.md in step, and checks what an OtsafeError carries.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ERROR_CATALOG,
  EXIT,
  OtsafeError,
  isErrorCode,
  isOtsafeError,
} from '../../src/core/index.js';
import { CODEC_ERRORS } from '../../src/protocols/index.js';
import { SENSOR_ERRORS } from '../../src/sensor/index.js';

/** Codec and decode-pipeline codes: exit 2, as a command that reads a capture stops on bad input. */
const codecCodes = [...Object.values(CODEC_ERRORS), SENSOR_ERRORS].flatMap((table) =>
  Object.keys(table),
);

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
/** Rows of the form | `OTS_X` | 2 | meaning | fix | */
const documented = new Map(
  [...doc.matchAll(/^\|\s*`(OTS_[A-Z0-9_]+)`\s*\|\s*(\d+)\s*\|(.+)\|(.+)\|\s*$/gm)].map((m) => [
    m[1]!,
    Number(m[2]),
  ]),
);

describe('error catalog', () => {
  it('documents every code, with its exit code, and nothing else', () => {
    const codes = [...Object.keys(ERROR_CATALOG), ...codecCodes].sort();
    expect([...documented.keys()].sort()).toEqual(codes);
    for (const [code, spec] of Object.entries(ERROR_CATALOG)) {
      expect({ code, exit: documented.get(code) }).toEqual({ code, exit: spec.exit });
    }
    for (const code of codecCodes)
      expect({ code, exit: documented.get(code) }).toEqual({ code, exit: 2 });
  });

  it('never gives two meanings to one code', () => {
    const all = [...Object.keys(ERROR_CATALOG), ...codecCodes];
    expect(new Set(all).size).toBe(all.length);
    for (const code of all) expect(code).toMatch(/^OTS_[A-Z0-9]+(_[A-Z0-9]+)+$/);
  });

  it('uses only the exit codes the README documents', () => {
    const exits = new Set<number>(Object.values(EXIT));
    for (const spec of Object.values(ERROR_CATALOG)) expect(exits.has(spec.exit)).toBe(true);
  });

  it('carries code, details, cause and exit code', () => {
    const cause = new Error('EACCES');
    const err = new OtsafeError('OTS_HOME_NOT_WRITABLE', 'cannot write /x', {
      cause,
      details: { path: '/x' },
    });
    expect(err.code).toBe('OTS_HOME_NOT_WRITABLE');
    expect(err.exitCode).toBe(EXIT.environment);
    expect(err.cause).toBe(cause);
    expect(err.toJSON()).toEqual({
      code: 'OTS_HOME_NOT_WRITABLE',
      message: 'cannot write /x',
      details: { path: '/x' },
    });
    expect(isOtsafeError(err, 'OTS_HOME_NOT_WRITABLE')).toBe(true);
    expect(isOtsafeError(err, 'OTS_CONFIG_YAML')).toBe(false);
    expect(isOtsafeError(new Error('x'))).toBe(false);
  });

  it('falls back to the catalog summary as message', () => {
    expect(new OtsafeError('OTS_BUS_CLOSED').message).toBe(ERROR_CATALOG.OTS_BUS_CLOSED.summary);
  });

  it('recognises codes', () => {
    expect(isErrorCode('OTS_CONFIG_INVALID')).toBe(true);
    expect(isErrorCode('OTS_NOPE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});
