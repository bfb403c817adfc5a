// `otsafe up` as a user runs it: a real process, a real HTTP request, Ctrl-C, nothing left behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../bin/otsafe.js');
const children: ChildProcess[] = [];
const temps: string[] = [];

beforeAll(() => {
  if (!existsSync(join(import.meta.dirname, '../../dist/cli/main.js'))) {
    throw new Error('dist/ is missing: run the README test command (npm test builds first)');
  }
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  output: () => string;
  errors: () => string;
  exit: Promise<number | null>;
}

function start(args: string[], home: string): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, OTSAFE_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
    }),
  );
  return { child, output: () => out, errors: () => err, exit };
}

async function waitFor(
  check: () => RegExpMatchArray | null,
  what: string,
  running: Running,
): Promise<RegExpMatchArray> {
  for (let i = 0; i < 300; i++) {
    const match = check();
    if (match) return match;
    if (running.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never saw ${what}; stdout:\n${running.output()}\nstderr:\n${running.errors()}`);
}

function tempHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'otsafe-up-'));
  temps.push(dir);
  return dir;
}

describe('otsafe up', () => {
  it('serves /api/health, stores its events, and exits 0 on Ctrl-C leaving nothing behind', async () => {
    const home = tempHome();
    const config = join(home, 'otsafe.yaml');
    // Port 0: the OS picks a free port, and up prints the URL it got.
    writeFileSync(config, 'api:\n  host: 127.0.0.1\n  port: 0\n');
    const running = start(['up', '--demo', '--config', config], join(home, 'data'));
    const [, url] = await waitFor(
      () => /Health: (http:\/\/127\.0\.0\.1:\d+)\/api\/health/.exec(running.output()),
      'the health URL',
      running,
    );
    expect(running.output()).toContain('is up (demo)');
    expect(running.output()).toMatch(/store\s+sqlite .*otsafe\.db/);

    const response = await fetch(`${url!}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const health = (await response.json()) as {
      status: string;
      services: { name: string; state: string }[];
    };
    expect(health.status).toBe('ok');
    expect(health.services.map((s) => s.name)).toEqual(['store', 'bus', 'plant', 'api']);

    running.child.kill('SIGINT');
    expect(await running.exit).toBe(0);
    expect(running.output()).toContain('OTsafe stopped cleanly.');
    // Its own start and stop went through the bus into the store, the last batch included.
    const db = new Database(join(home, 'data', 'otsafe.db'), { readonly: true });
    try {
      const rows = db
        .prepare(
          "SELECT dataset, json_extract(doc, '$.event.action') AS action FROM events ORDER BY id",
        )
        .all();
      expect(rows).toEqual([
        { dataset: 'otsafe.platform', action: 'platform.start' },
        { dataset: 'otsafe.platform', action: 'platform.stop' },
      ]);
    } finally {
      db.close();
    }
    expect(existsSync(join(home, 'data', 'logs', 'otsafe.log'))).toBe(true);
    // The port is free again: the process closed its socket.
    await expect(fetch(`${url!}/api/health`)).rejects.toThrow();
  });

  it('exits 0 on SIGTERM too', async () => {
    const home = tempHome();
    const config = join(home, 'otsafe.yaml');
    writeFileSync(config, 'api:\n  port: 0\n');
    const running = start(['up', '--config', config], home);
    await waitFor(() => /Press Ctrl-C/.exec(running.output()), 'the ready line', running);
    running.child.kill('SIGTERM');
    expect(await running.exit).toBe(0);
  });

  it('exits 2 on an invalid config, naming file, line and key', async () => {
    const home = tempHome();
    const config = join(home, 'bad.yaml');
    writeFileSync(config, 'api:\n  prot: 1\n');
    const running = start(['up', '--config', config], home);
    expect(await running.exit).toBe(2);
    expect(running.errors()).toContain(
      `${config}:2:3: api.prot: unknown key "prot"; did you mean "port"?`,
    );
  });

  it('exits 4 when the data directory cannot be written', async () => {
    const home = tempHome();
    const file = join(home, 'not-a-dir');
    writeFileSync(file, '');
    const running = start(['up'], join(file, 'home'));
    expect(await running.exit).toBe(4);
    expect(running.errors()).toMatch(
      /error OTS_HOME_NOT_WRITABLE: data directory .* is not writable \(ENOTDIR\)/,
    );
  });

  it('exits 4 when the port is taken', async () => {
    const home = tempHome();
    const config = join(home, 'otsafe.yaml');
    writeFileSync(config, 'api:\n  port: 0\n');
    const first = start(['up', '--config', config], join(home, 'a'));
    const [, port] = await waitFor(
      () => /Health: http:\/\/127\.0\.0\.1:(\d+)/.exec(first.output()),
      'the port',
      first,
    );
    writeFileSync(config, `api:\n  port: ${port!}\n`);
    const second = start(['up', '--config', config], join(home, 'b'));
    expect(await second.exit).toBe(4);
    expect(second.errors()).toContain(
      `error OTS_PORT_IN_USE: cannot listen on 127.0.0.1:${port!} (EADDRINUSE)`,
    );
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
  });
});
