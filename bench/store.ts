// How fast the store takes events through its batched writer, against the ceiling of each engine
// measured in the same run: a raw prepared-statement loop on SQLite, psql \copy on PostgreSQL.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { OtsafeEvent } from '../src/core/index.js';
import {
  encodeCopyRow,
  EVENTS,
  eventToRow,
  openStore,
  type StoreOptions,
} from '../src/store/index.js';
import { icsEvents } from '../test/helpers/events.js';
import { postgresAvailability, startPostgres } from '../test/helpers/postgres.js';

const run$ = promisify(execFile);

/** Events per measured run; OTSAFE_BENCH_EVENTS changes it. */
const COUNT = Number(process.env.OTSAFE_BENCH_EVENTS ?? 200_000);
/** Runs per contender; the median is reported, so one hiccup does not decide the ratio. */
const RUNS = Number(process.env.OTSAFE_BENCH_RUNS ?? 3);
const MAX_ROWS = 1_000;
const MAX_PENDING = 10_000;
const COLUMNS = EVENTS.columns.join(', ');

interface Measured {
  rate: number;
  latencies: number[];
}

export async function run(): Promise<void> {
  const events = icsEvents(COUNT);
  const bytes = events.reduce((sum, e) => sum + JSON.stringify(e).length, 0) / events.length;
  console.log(
    `store: ${fmt(COUNT)} ics.transaction events (${fmt(bytes)} B of JSON each), ` +
      `median of ${String(RUNS)} runs, ${String(cpus().length)} cores, Node ${process.version}`,
  );
  console.log(
    '  both sides start from the same event objects: column extraction and JSON.stringify are timed',
  );
  const dir = mkdtempSync(join(tmpdir(), 'otsafe-bench-store-'));
  // Also when the run is cut short (Ctrl-C, a closed pipe): the files are a few hundred MB.
  const cleanUp = (): void => {
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  try {
    await benchSqlite(events, dir);
    await benchPostgres(events, dir);
  } finally {
    cleanUp();
    process.removeListener('exit', cleanUp);
  }
}

async function benchSqlite(events: OtsafeEvent[], dir: string): Promise<void> {
  console.log('\nsqlite: file-backed, WAL, synchronous=NORMAL, primary key + 3 indexes on events');
  const ceiling: number[] = [];
  const writer: Measured[] = [];
  for (let r = 0; r < RUNS; r++) {
    // A fresh file per run, removed after it, so no run inherits another's pages.
    const ceilingPath = join(dir, `ceiling-${String(r)}.db`);
    ceiling.push(await sqliteCeiling(events, ceilingPath));
    removeDatabase(ceilingPath);
    const writerPath = join(dir, `writer-${String(r)}.db`);
    writer.push(await throughWriter(events, { engine: 'sqlite', path: writerPath }));
    removeDatabase(writerPath);
  }
  report('raw loop: one prepared INSERT, one transaction', ceiling, writer);
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** The ceiling: one prepared single-row INSERT in one transaction, on the store's own schema. */
async function sqliteCeiling(events: OtsafeEvent[], path: string): Promise<number> {
  const store = await openStore({ engine: 'sqlite', path });
  await store.close();
  const db = new SqliteDatabase(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insert = db.prepare(
    `insert into events (${COLUMNS}) values (${EVENTS.columns.map(() => '?').join(', ')})`,
  );
  const started = performance.now();
  db.transaction(() => {
    for (const e of events) {
      insert.run(
        e.event.id,
        Date.parse(e['@timestamp']),
        e.event.kind,
        e.event.dataset,
        e.source?.ip ?? null,
        e.source?.port ?? null,
        e.destination?.ip ?? null,
        e.destination?.port ?? null,
        e.ics?.protocol ?? e.network?.protocol ?? null,
        e.event.severity ?? null,
        JSON.stringify(e),
      );
    }
  })();
  const rate = events.length / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

/** The contender: a producer awaiting write() per event, as the bus's store subscriber does. */
async function throughWriter(events: OtsafeEvent[], where: StoreOptions): Promise<Measured> {
  const store = await openStore(where);
  const latencies: number[] = [];
  const writer = store.eventWriter({
    maxRows: MAX_ROWS,
    maxPending: MAX_PENDING,
    onBatch: (batch) => latencies.push(batch.ms),
  });
  const started = performance.now();
  for (const e of events) await writer.write(e);
  await writer.flush();
  const rate = events.length / ((performance.now() - started) / 1000);
  const stats = writer.stats();
  await store.close();
  if (stats.written !== events.length) {
    throw new Error(`writer stored ${fmt(stats.written)} of ${fmt(events.length)} events`);
  }
  return { rate, latencies };
}

async function benchPostgres(events: OtsafeEvent[], dir: string): Promise<void> {
  const peer = postgresAvailability();
  if (!peer.available) {
    console.log(`\npostgres: skipped, ${peer.reason}`);
    return;
  }
  const psql = await run$('psql', ['--version']).then(
    () => true,
    () => false,
  );
  if (!psql) {
    console.log('\npostgres: skipped, psql is not installed (apt-get install postgresql-client)');
    return;
  }
  // OTSAFE_BENCH_PG_DURABLE=1 measures with fsync on, as a production server runs.
  const durable = process.env.OTSAFE_BENCH_PG_DURABLE === '1';
  const cluster = await startPostgres(
    durable ? { settings: { fsync: 'on', full_page_writes: 'on' } } : {},
  );
  try {
    console.log(
      `\npostgres 15: throwaway cluster (${durable ? 'fsync=on' : 'fsync=off'}), ` +
        'primary key + 3 indexes on events, doc as jsonb',
    );
    // The ceiling's input is the COPY text of the very rows the writer sends, made before timing.
    const file = join(dir, 'events.copy');
    writeFileSync(file, events.map((e) => encodeCopyRow(eventToRow(e))).join(''));
    const ceiling: number[] = [];
    const writer: Measured[] = [];
    for (let r = 0; r < RUNS; r++) {
      const ceilingUrl = await cluster.createDatabase(`ceiling${String(r)}`);
      await (await openStore({ engine: 'postgres', url: ceilingUrl })).close();
      const started = performance.now();
      await run$('psql', [
        ceilingUrl,
        '-v',
        'ON_ERROR_STOP=1',
        '-qc',
        `\\copy events (${COLUMNS}) from '${file}'`,
      ]);
      ceiling.push(events.length / ((performance.now() - started) / 1000));
      const writerUrl = await cluster.createDatabase(`writer${String(r)}`);
      writer.push(await throughWriter(events, { engine: 'postgres', url: writerUrl }));
      await dropDatabases(cluster.url, [`ceiling${String(r)}`, `writer${String(r)}`]);
    }
    report('psql \\copy of the same rows from a file', ceiling, writer);
  } finally {
    await cluster.stop();
  }
}

async function dropDatabases(url: string, names: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const name of names) await client.query(`drop database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function report(ceilingName: string, ceiling: number[], writer: Measured[]): void {
  const ceilingRate = median(ceiling);
  const writerRate = median(writer.map((w) => w.rate));
  console.log(`  ceiling, ${ceilingName}: ${fmt(ceilingRate)} events/s`);
  console.log(
    `  BatchWriter (${fmt(MAX_ROWS)} rows per batch, queue ${fmt(MAX_PENDING)}): ` +
      `${fmt(writerRate)} events/s, ratio ${(writerRate / ceilingRate).toFixed(2)}`,
  );
  const latencies = writer.flatMap((w) => w.latencies).sort((a, b) => a - b);
  console.log(
    `  batch flush latency (ms): p50 ${ms(pct(latencies, 50))}, p90 ${ms(pct(latencies, 90))}, ` +
      `p99 ${ms(pct(latencies, 99))}, max ${ms(latencies[latencies.length - 1] ?? 0)} ` +
      `over ${fmt(latencies.length)} batches`,
  );
}

function median(values: number[]): number {
  return pct(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** The p-th percentile of sorted values, nearest rank. */
function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function ms(n: number): string {
  return n.toFixed(1);
}
