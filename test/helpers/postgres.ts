// A throwaway PostgreSQL 15 cluster for tests and benchmarks: initdb in a temp dir, a free port on
// 127.0.0.1, a unix socket inside the dir, and a stop() that leaves no process and no file behind.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 binaries; OTSAFE_PG_BIN points elsewhere. */
export const POSTGRES_BIN = process.env.OTSAFE_PG_BIN ?? '/usr/lib/postgresql/15/bin';
/** The superuser initdb creates; trust authentication, so no password. */
export const POSTGRES_USER = 'otsafe';

const isRoot = process.getuid?.() === 0;

export interface PeerAvailability {
  available: boolean;
  reason: string;
}

/** Whether startPostgres() can work here, and if not why: for peer('postgresql', ...). */
export function postgresAvailability(): PeerAvailability {
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    const path = join(POSTGRES_BIN, tool);
    if (!existsSync(path)) {
      return { available: false, reason: `${path} not found; apt-get install postgresql` };
    }
  }
  // PostgreSQL refuses to run as root: as root we run it as the postgres user.
  if (isRoot && systemUser('postgres') === undefined) {
    return { available: false, reason: 'running as root and there is no postgres user' };
  }
  return { available: true, reason: POSTGRES_BIN };
}

export interface PostgresCluster {
  /** A connection URL for the `postgres` database as the superuser. */
  readonly url: string;
  readonly port: number;
  /** The temp dir holding the data directory, the socket and the server log. */
  readonly dir: string;
  /** Creates an empty database and returns its URL: one per test keeps tests apart. */
  createDatabase(name?: string): Promise<string>;
  /** Fast shutdown, then removes the dir. Safe to call twice, and after a failed start. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /**
   * Server settings (`-c name=value`). Tests default to fsync=off: a throwaway cluster needs no
   * durability, and it halves the time of every commit.
   */
  settings?: Record<string, string>;
}

const TEST_SETTINGS: Record<string, string> = { fsync: 'off', full_page_writes: 'off' };

/** Clusters not yet stopped, stopped synchronously if the process exits first. */
const live = new Set<{ data: string; dir: string }>();
let exitHooked = false;

export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresCluster> {
  const { available, reason } = postgresAvailability();
  if (!available) throw new Error(`cannot start PostgreSQL: ${reason}`);
  hookExit();
  const dir = mkdtempSync(join(tmpdir(), 'otsafe-pg-'));
  const data = join(dir, 'data');
  const entry = { data, dir };
  live.add(entry);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    try {
      if (existsSync(join(data, 'postmaster.pid'))) {
        await asPostgres(dir, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      }
    } finally {
      live.delete(entry);
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    if (isRoot) {
      const owner = systemUser('postgres');
      if (owner) execFileSync('chown', [`${String(owner.uid)}:${String(owner.gid)}`, dir]);
    }
    await asPostgres(dir, 'initdb', [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      POSTGRES_USER,
      '-E',
      'UTF8',
      '--locale=C',
      // No fsync of the new cluster: it lives for one test run.
      '--no-sync',
    ]);
    const settings = { ...TEST_SETTINGS, ...options.settings };
    let port = 0;
    // A free port can be taken between the probe and the bind: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const flags = [
        '-c listen_addresses=127.0.0.1',
        `-p ${String(port)}`,
        `-k ${dir}`,
        ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
      ].join(' ');
      try {
        await asPostgres(dir, 'pg_ctl', [
          '-D',
          data,
          '-l',
          join(dir, 'postgres.log'),
          '-w',
          '-t',
          '60',
          '-o',
          flags,
          'start',
        ]);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const url = `postgres://${POSTGRES_USER}@127.0.0.1:${String(port)}/postgres`;
    let databases = 0;
    return {
      url,
      port,
      dir,
      async createDatabase(name = `t${String(++databases)}_${String(process.pid)}`) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`create database ${pg.escapeIdentifier(name)}`);
        } finally {
          await client.end();
        }
        return `postgres://${POSTGRES_USER}@127.0.0.1:${String(port)}/${encodeURIComponent(name)}`;
      },
      stop,
    };
  } catch (error) {
    const log = readLog(dir);
    await stop().catch(() => undefined);
    throw new Error(`cannot start PostgreSQL: ${describe(error)}${log}`, { cause: error });
  }
}

/** Runs a PostgreSQL tool, as the postgres user when we are root. */
async function asPostgres(cwd: string, tool: string, args: string[]): Promise<void> {
  const path = join(POSTGRES_BIN, tool);
  const [command, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', path, ...args]]
    : [path, args];
  await run(command, argv, { cwd, timeout: 120_000 });
}

function systemUser(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * A last resort: a test process that ends without reaching afterAll (a crash, Ctrl-C) still
 * stops its clusters, synchronously, since nothing async runs at exit.
 */
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  const stopAll = (): void => {
    for (const { data, dir } of live) {
      try {
        const path = join(POSTGRES_BIN, 'pg_ctl');
        const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
        if (isRoot)
          execFileSync('runuser', ['-u', 'postgres', '--', path, ...args], {
            cwd: dir,
            stdio: 'ignore',
          });
        else execFileSync(path, args, { cwd: dir, stdio: 'ignore' });
      } catch {
        // Already stopped, or never started.
      }
      rmSync(dir, { recursive: true, force: true });
    }
    live.clear();
  };
  process.once('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAll();
      // Die of the same signal, as if we had not been listening.
      process.kill(process.pid, signal);
    });
  }
}

function readLog(dir: string): string {
  try {
    const text = execFileSync('tail', ['-n', '20', join(dir, 'postgres.log')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return text.trim() === '' ? '' : `\n--- postgres.log ---\n${text}`;
  } catch {
    return '';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    return typeof stderr === 'string' && stderr.trim() !== ''
      ? `${error.message.split('\n')[0] ?? ''}: ${stderr.trim()}`
      : error.message;
  }
  return String(error);
}
