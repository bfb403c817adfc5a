// The command line, run in process: output, and the exit codes the README documents.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type Io } from '../../src/cli/main.js';
import { VERSION } from '../../src/core/index.js';

async function otsafe(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} };
  const code = await run(args, io);
  return { code, out, err };
}

describe('otsafe', () => {
  it('prints help at every level', async () => {
    const top = await otsafe('--help');
    expect(top.code).toBe(0);
    for (const command of ['up', 'config', 'version']) expect(top.out).toContain(command);
    const config = await otsafe('config', '--help');
    expect(config.code).toBe(0);
    expect(config.out).toMatch(/check[\s\S]*schema/);
    const check = await otsafe('config', 'check', '--help');
    expect(check.code).toBe(0);
    expect(check.out).toContain('<file>');
    const up = await otsafe('up', '--help');
    expect(up.out).toContain('--demo');
    expect(up.out).toContain('--config');
  });

  it('prints its version', async () => {
    expect(await otsafe('--version')).toMatchObject({ code: 0, out: `${VERSION}\n` });
    const v = await otsafe('version');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(new RegExp(`^otsafe ${VERSION.replaceAll('.', '\\.')} \\(node `));
  });

  it('exits 2 on bad usage', async () => {
    const unknown = await otsafe('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown command 'frobnicate'");
    const missing = await otsafe('config', 'check');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("missing required argument 'file'");
  });

  it('config check accepts a valid file and shows where each setting came from', async () => {
    const result = await otsafe('config', 'check', 'test/fixtures/config/valid.yaml');
    expect(result.code).toBe(0);
    expect(result.out).toContain('test/fixtures/config/valid.yaml: valid');
    expect(result.out).toMatch(/api\.port\s+18080\s+file/);
    expect(result.out).toMatch(/api\.host\s+127\.0\.0\.1\s+default/);
  });

  it('config check refuses an invalid file with exit 2, naming file, line and key', async () => {
    const result = await otsafe('config', 'check', 'test/fixtures/config/typo.yaml');
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain('error OTS_CONFIG_INVALID:');
    expect(result.err).toContain(
      'test/fixtures/config/typo.yaml:3:3: api.prot: unknown key "prot"; did you mean "port"?',
    );
    expect(result.err).toContain('test/fixtures/config/typo.yaml:6:14: store.batch.maxRows:');
    expect(result.err).toContain('test/fixtures/config/typo.yaml:8:13: store.retention.events:');
  });

  it('config check names a missing file, exit 2', async () => {
    const result = await otsafe('config', 'check', 'nope.yaml');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^error OTS_CONFIG_NOT_FOUND: nope\.yaml: .*ENOENT/);
  });

  it('config schema prints the JSON Schema, or writes it to a file', async () => {
    const printed = await otsafe('config', 'schema');
    expect(printed.code).toBe(0);
    const schema = JSON.parse(printed.out) as {
      $schema: string;
      properties: Record<string, unknown>;
    };
    expect(schema.$schema).toContain('2020-12');
    expect(Object.keys(schema.properties)).toEqual(['log', 'api', 'store', 'bus']);
    const dir = mkdtempSync(join(tmpdir(), 'otsafe-schema-'));
    try {
      const out = join(dir, 'schema.json');
      expect((await otsafe('config', 'schema', '--out', out)).code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(schema);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
