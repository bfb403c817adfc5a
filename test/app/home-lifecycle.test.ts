// The data directory is created or refused clearly; the lifecycle stops in reverse, with deadlines.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Lifecycle, ensureHome, resolveHome } from '../../src/app/index.js';
import { isOtsafeError, silentLogger } from '../../src/core/index.js';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'otsafe-home-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('data directory', () => {
  it('is $OTSAFE_HOME, or ./.otsafe', () => {
    expect(resolveHome({ OTSAFE_HOME: '/var/lib/otsafe' }, '/srv')).toBe('/var/lib/otsafe');
    expect(resolveHome({ OTSAFE_HOME: 'rel' }, '/srv')).toBe('/srv/rel');
    expect(resolveHome({}, '/srv')).toBe(resolve('/srv/.otsafe'));
    expect(resolveHome({ OTSAFE_HOME: '  ' }, '/srv')).toBe(resolve('/srv/.otsafe'));
  });

  it('is created when missing, with its logs folder', () => {
    const home = join(tempDir(), 'a', 'b');
    expect(ensureHome(home)).toBe(home);
    expect(statSync(join(home, 'logs')).isDirectory()).toBe(true);
  });

  it('gets a clear error when it cannot be written', () => {
    // A path below a regular file cannot be a directory, even for root.
    const file = join(tempDir(), 'plain-file');
    writeFileSync(file, '');
    const home = join(file, 'otsafe');
    try {
      ensureHome(home);
      expect.unreachable();
    } catch (error) {
      expect(isOtsafeError(error, 'OTS_HOME_NOT_WRITABLE')).toBe(true);
      expect(String(error)).toContain(home);
      expect(String(error)).toContain('ENOTDIR');
      expect(String(error)).toContain('OTSAFE_HOME');
    }
  });
});

describe('Lifecycle', () => {
  it('stops services in reverse order, once', async () => {
    const order: string[] = [];
    const lifecycle = new Lifecycle({ logger: silentLogger });
    for (const name of ['store', 'bus', 'api']) lifecycle.add(name, () => void order.push(name));
    const [first, second] = await Promise.all([lifecycle.stop('test'), lifecycle.stop('again')]);
    expect(order).toEqual(['api', 'bus', 'store']);
    expect([first, second]).toEqual([true, true]);
  });

  it('carries on past a failing or stuck service, and reports it', async () => {
    const order: string[] = [];
    const lifecycle = new Lifecycle({ logger: silentLogger, stopTimeoutMs: 50 });
    lifecycle.add('store', () => void order.push('store'));
    lifecycle.add('stuck', () => new Promise<void>(() => undefined));
    lifecycle.add('broken', () => {
      throw new Error('socket already closed');
    });
    expect(await lifecycle.stop('test')).toBe(false);
    expect(order).toEqual(['store']);
  });
});
