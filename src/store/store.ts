// Opens the store on SQLite or PostgreSQL, migrated and ready: bulk inserts, batched writers,
// retention pruning and shutdown, over one Kysely query layer.
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import { Pool, types, type PoolConfig } from 'pg';
import {
  isOtsafeError,
  OtsafeError,
  silentLogger,
  SystemClock,
  type Alert,
  type Clock,
  type Logger,
  type OtsafeEvent,
  type TelemetryPoint,
} from '../core/index.js';
import { migrateToLatest } from './migrations.js';
import {
  resolveRetention,
  type PruneReport,
  type RetentionMs,
  type RetentionSettings,
} from './retention.js';
import { ALERTS, EVENTS, TELEMETRY, type Row, type TableSpec } from './rows.js';
import type { Database, Engine } from './schema.js';
import { PostgresRowSink, SqliteRowSink, type RowSink } from './sinks.js';
import { BatchWriter, type BatchWriterOptions } from './writer.js';

/**
 * Where the store lives. `path: ':memory:'` gives a private in-memory SQLite database. For
 * PostgreSQL, `url` and `poolSize` cover the usual case; `pool` takes any other pg setting.
 */
export type StoreOptions =
  | { engine: 'sqlite'; path: string }
  | { engine: 'postgres'; url: string; poolSize?: number; pool?: PoolConfig }
  | { engine: 'postgres'; pool: PoolConfig; poolSize?: number };

/** Another name for StoreOptions: where the store lives. */
export type StoreConfig = StoreOptions;

export interface OpenStoreOptions {
  /** Where the store logs; pass a child bound to `component: 'store'`. Default silent. */
  logger?: Logger;
  /** Times prunes and the writers' batch timers; tests pass a FakeClock. */
  clock?: Clock;
  /** What prune() keeps when called without settings; defaults are DEFAULT_RETENTION. */
  retention?: Partial<RetentionSettings>;
}

/** The tables with batched writers and bulk inserts, and the records each one takes. */
export interface WritableTables {
  events: OtsafeEvent;
  alerts: Alert;
  telemetry: TelemetryPoint;
}

export interface InsertReport {
  inserted: number;
  /** Records whose id was stored already: skipped. */
  duplicates: number;
  /** Records refused before the insert, by their index in the input. */
  rejected: { index: number; error: OtsafeError }[];
}

export interface Store {
  readonly engine: Engine;
  /** The typed query builder, for every query the store does not offer as a method. */
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  /** The retention prune() applies by default, in ms per table. */
  readonly retention: Readonly<RetentionMs>;
  readonly closed: boolean;
  /**
   * Inserts records in one transaction through the engine's fast path. Invalid records are
   * reported in `rejected`, not thrown; a database failure throws OTS_STORE_WRITE, and nothing
   * of the call is stored.
   */
  insertEvents(events: readonly OtsafeEvent[]): Promise<InsertReport>;
  insertAlerts(alerts: readonly Alert[]): Promise<InsertReport>;
  insertTelemetry(points: readonly TelemetryPoint[]): Promise<InsertReport>;
  /** A batched writer into events: createWriter('events', options). */
  eventWriter(options?: BatchWriterOptions): BatchWriter<OtsafeEvent>;
  /** A batched writer into one table; close() of the store closes (and flushes) it. */
  createWriter<K extends keyof WritableTables>(
    table: K,
    options?: BatchWriterOptions,
  ): BatchWriter<WritableTables[K]>;
  /** Deletes events, telemetry and alerts older than their retention. */
  prune(retention?: Partial<RetentionSettings>): Promise<PruneReport>;
  /** Flushes and closes every writer, then the database. */
  close(): Promise<void>;
}

const SPECS: { [K in keyof WritableTables]: TableSpec<WritableTables[K]> } = {
  events: EVENTS,
  alerts: ALERTS,
  telemetry: TELEMETRY,
};

/** Rows one prune statement deletes, so a large prune never holds the database for long. */
const PRUNE_CHUNK = 10_000;

/**
 * Parsers for this pool only (pg's global parsers stay as they are for anyone else): int8 as a
 * number (ms timestamps and counts fit in 2^53), json and jsonb as their text, so a `doc` reads
 * back the same on both engines.
 */
const PG_OID = { int8: 20, json: 114, jsonb: 3802 } as const;
type TypeParser = (oid: number, format?: 'text' | 'binary') => (value: string) => unknown;
const defaultTypeParser = types.getTypeParser as unknown as TypeParser;
const storeTypeParser: TypeParser = (oid, format) => {
  if (format !== 'binary') {
    if (oid === PG_OID.int8) return Number;
    if (oid === PG_OID.json || oid === PG_OID.jsonb) return String;
  }
  return defaultTypeParser(oid, format);
};
const PG_TYPES = {
  getTypeParser: storeTypeParser,
};

class KyselyStore implements Store {
  readonly retention: Readonly<RetentionMs>;
  private readonly writers = new Set<BatchWriter<never>>();
  private closing: Promise<void> | undefined;
  private isClosed = false;

  private readonly sink: RowSink;

  constructor(
    readonly engine: Engine,
    readonly db: Kysely<Database>,
    makeSink: SinkFactory,
    readonly clock: Clock,
    private readonly logger: Logger,
    retention: RetentionMs,
  ) {
    this.retention = retention;
    this.sink = makeSink(() => this.isClosed);
  }

  get closed(): boolean {
    return this.isClosed || this.closing !== undefined;
  }

  insertEvents(events: readonly OtsafeEvent[]): Promise<InsertReport> {
    return this.insertAll(EVENTS, events);
  }

  insertAlerts(alerts: readonly Alert[]): Promise<InsertReport> {
    return this.insertAll(ALERTS, alerts);
  }

  insertTelemetry(points: readonly TelemetryPoint[]): Promise<InsertReport> {
    return this.insertAll(TELEMETRY, points);
  }

  eventWriter(options: BatchWriterOptions = {}): BatchWriter<OtsafeEvent> {
    return this.createWriter('events', options);
  }

  createWriter<K extends keyof WritableTables>(
    table: K,
    options: BatchWriterOptions = {},
  ): BatchWriter<WritableTables[K]> {
    this.assertOpen(table);
    const writer = new BatchWriter<WritableTables[K]>(SPECS[table], this.sink, {
      clock: this.clock,
      logger: this.logger,
      ...options,
    });
    this.writers.add(writer);
    return writer;
  }

  async prune(settings?: Partial<RetentionSettings>): Promise<PruneReport> {
    this.assertOpen('the retention prune');
    const retention = settings ? resolveRetention(settings) : this.retention;
    const now = this.clock.now();
    const before = {
      events: now - retention.events,
      telemetry: now - retention.telemetry,
      alerts: now - retention.alerts,
    };
    const report: PruneReport = {
      events: await this.deleteBefore('events', before.events),
      telemetry: await this.deleteBefore('telemetry', before.telemetry),
      alerts: await this.deleteBefore('alerts', before.alerts),
      before,
    };
    if (report.events + report.telemetry + report.alerts > 0) {
      this.logger.info({ ...report }, 'store pruned');
    }
    return report;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.writers].map((w) => w.close()));
      this.isClosed = true;
      await this.db.destroy();
    })();
    return this.closing;
  }

  private async insertAll<R>(spec: TableSpec<R>, records: readonly R[]): Promise<InsertReport> {
    this.assertOpen(spec.table);
    const rows: Row[] = [];
    const rejected: InsertReport['rejected'] = [];
    records.forEach((record, index) => {
      try {
        rows.push(spec.toRow(record));
      } catch (error) {
        rejected.push({
          index,
          error: isOtsafeError(error)
            ? error
            : new OtsafeError('OTS_STORE_BAD_RECORD', undefined, { cause: error }),
        });
      }
    });
    try {
      const outcome = await this.sink.insert(spec, rows);
      return { ...outcome, rejected };
    } catch (cause) {
      if (isOtsafeError(cause, 'OTS_STORE_CLOSED')) throw cause;
      throw new OtsafeError(
        'OTS_STORE_WRITE',
        `cannot write ${String(rows.length)} rows to ${spec.table}: ${message(cause)}`,
        { cause, details: { table: spec.table, rows: rows.length } },
      );
    }
  }

  /** Deletes in chunks, yielding between them so writers and readers get the database too. */
  private async deleteBefore(table: 'events' | 'telemetry' | 'alerts', cutoff: number) {
    let total = 0;
    for (;;) {
      // SQLite addresses rows by rowid, PostgreSQL by ctid: neither needs a key column.
      const statement =
        this.engine === 'sqlite'
          ? sql`delete from ${sql.table(table)} where rowid in
              (select rowid from ${sql.table(table)} where ts < ${cutoff} limit ${PRUNE_CHUNK})`
          : sql`delete from ${sql.table(table)} where ctid = any(array(
              select ctid from ${sql.table(table)} where ts < ${cutoff} limit ${PRUNE_CHUNK}))`;
      const result = await statement.execute(this.db);
      const deleted = Number(result.numAffectedRows ?? 0n);
      total += deleted;
      if (deleted < PRUNE_CHUNK) return total;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private assertOpen(what: string): void {
    if (this.closed) {
      throw new OtsafeError('OTS_STORE_CLOSED', `cannot use ${what}: the store is closed`);
    }
  }
}

/**
 * Opens (creating if need be) and migrates the store. Throws OTS_STORE_OPEN when the database
 * cannot be opened or reached, OTS_STORE_MIGRATION when the schema cannot be brought up to date.
 */
export async function openStore(
  config: StoreOptions,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const clock = options.clock ?? new SystemClock();
  // The caller names the component (the app passes a `component: store` child); a second
  // binding of the same key would print twice in pino's JSON.
  const logger = (options.logger ?? silentLogger).child({ engine: config.engine });
  const retention = resolveRetention(options.retention);
  const opened =
    config.engine === 'sqlite' ? openSqlite(config.path) : await openPostgres(config, logger);
  try {
    await migrateToLatest(opened.db as Kysely<unknown>, config.engine, logger);
  } catch (error) {
    await opened.db.destroy();
    throw error;
  }
  logger.debug({ retention }, 'store open');
  return new KyselyStore(config.engine, opened.db, opened.makeSink, clock, logger, retention);
}

/** Makes the engine's fast path; isClosed lets it fail as OTS_STORE_CLOSED, not as a socket error. */
type SinkFactory = (isClosed: () => boolean) => RowSink;

interface Opened {
  db: Kysely<Database>;
  makeSink: SinkFactory;
}

function openSqlite(path: string): Opened {
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(path);
  } catch (cause) {
    throw new OtsafeError(
      'OTS_STORE_OPEN',
      `cannot open the SQLite store ${path}: ${message(cause)}`,
      {
        cause,
        details: { path },
      },
    );
  }
  try {
    // WAL: readers (the API) never block the writer; NORMAL: WAL stays consistent on a crash and
    // loses at most the last commits on power loss, for far fewer fsyncs than FULL.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // Another process (the CLI reading while the service writes) waits instead of failing.
    sqlite.pragma('busy_timeout = 5000');
  } catch (cause) {
    sqlite.close();
    throw new OtsafeError(
      'OTS_STORE_OPEN',
      `cannot open the SQLite store ${path}: ${message(cause)}`,
      {
        cause,
        details: { path },
      },
    );
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, makeSink: () => new SqliteRowSink(sqlite, db) };
}

async function openPostgres(
  config: Extract<StoreOptions, { engine: 'postgres' }>,
  logger: Logger,
): Promise<Opened> {
  const poolConfig: PoolConfig = {
    // pg waits for a connection forever by default, and a pool ended while requests wait for a
    // connection never answers them: a bound turns both into an error the writer can count.
    connectionTimeoutMillis: 10_000,
    // Notice a dead server behind a silent network (a pulled cable) instead of waiting on it.
    keepAlive: true,
    ...config.pool,
    ...(config.poolSize === undefined ? {} : { max: config.poolSize }),
    ...('url' in config ? { connectionString: config.url } : {}),
    types: PG_TYPES,
  };
  const pool = new Pool(poolConfig);
  // An idle connection dropped by the server emits 'error' on the pool; unheard, it would crash
  // the process. The pool replaces the connection; the next query reports any lasting outage.
  pool.on('error', (error) => {
    logger.warn({ err: error.message }, 'idle PostgreSQL connection lost');
  });
  try {
    await pool.query('select 1');
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new OtsafeError(
      'OTS_STORE_OPEN',
      `cannot reach the PostgreSQL store: ${message(cause)}`,
      {
        cause,
        details: { host: poolConfig.host ?? hostOf(poolConfig.connectionString) },
      },
    );
  }
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    makeSink: (isClosed) => new PostgresRowSink(pool, isClosed),
  };
}

/** The host of a connection URL, for error details: never the password. */
function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
