// The bulk fast paths, one per engine: prepared multi-row INSERTs in one transaction on SQLite,
// COPY FROM STDIN on PostgreSQL. Kysely builds every other query; per row it is too slow here.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { DatabaseError, type Pool, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { OtsafeError } from '../core/index.js';
import { copyText, postgresJson, postgresText } from './copy.js';
import type { Row, TableSpec } from './rows.js';
import type { Database } from './schema.js';

export interface InsertOutcome {
  inserted: number;
  /** Rows whose key was already stored: skipped, since the stored copy is the same record. */
  duplicates: number;
}

/**
 * What a failed insert says about retrying it:
 * - `data`: a row itself is refused (a constraint, a value the column cannot hold); the same
 *   rows fail again, so the caller splits the batch to find the culprit;
 * - `closed`: the store is closed; nothing will succeed;
 * - `transient`: anything else (busy, disk, network): the same rows may pass later.
 */
export type FailureKind = 'data' | 'closed' | 'transient';

export interface RowSink {
  /** Batches worth writing at once: more than one only where the database works in parallel. */
  readonly concurrency: number;
  /**
   * How many writes may resolve on microtasks alone before one waits for a turn of the event
   * loop (the write completing a batch always does). A network database needs the loop often,
   * to send and to read answers while a producer writes; an in-process one never does.
   */
  readonly yieldEvery: number;
  /** Inserts rows all or none. Duplicate keys are skipped and counted, never an error. */
  insert(spec: TableSpec<unknown>, rows: readonly Row[]): Promise<InsertOutcome>;
  classify(error: unknown): FailureKind;
}

function closedError(table: string): OtsafeError {
  return new OtsafeError('OTS_STORE_CLOSED', `cannot write to ${table}: the store is closed`, {
    details: { table },
  });
}

function isClosedError(error: unknown): boolean {
  return error instanceof OtsafeError && error.code === 'OTS_STORE_CLOSED';
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Rows per multi-row INSERT: fewer statement executions, and 100 x 11 stays under 32766 params. */
export const SQLITE_ROWS_PER_STATEMENT = 100;

interface SqliteStatements {
  many: BetterSqlite3.Statement;
  one: BetterSqlite3.Statement;
  run: (rows: readonly Row[]) => number;
}

export class SqliteRowSink implements RowSink {
  /** One connection, one writer: a second batch could only wait for the lock. */
  readonly concurrency = 1;
  /** Writes are synchronous: extra turns of the loop only cost (about 10% measured). */
  readonly yieldEvery = Number.POSITIVE_INFINITY;
  private readonly prepared = new Map<string, SqliteStatements>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    /** Held only for its connection lock: see insert(). */
    private readonly db: Kysely<Database>,
  ) {}

  async insert(spec: TableSpec<unknown>, rows: readonly Row[]): Promise<InsertOutcome> {
    if (!this.sqlite.open) throw closedError(spec.table);
    if (rows.length === 0) return { inserted: 0, duplicates: 0 };
    // Take Kysely's single-connection lock, so this transaction never lands inside one that a
    // Kysely caller holds open across an await (it would be rolled back with theirs).
    return this.db.connection().execute(() => {
      if (!this.sqlite.open) throw closedError(spec.table);
      const inserted = this.statements(spec).run(rows);
      return Promise.resolve({ inserted, duplicates: rows.length - inserted });
    });
  }

  classify(error: unknown): FailureKind {
    if (isClosedError(error)) return 'closed';
    const code = errorCode(error) ?? '';
    // A constraint, a type mismatch, a string over SQLITE_MAX_LENGTH; a TypeError is a value
    // better-sqlite3 cannot bind.
    if (/^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)/.test(code) || error instanceof TypeError) {
      return 'data';
    }
    return 'transient';
  }

  private statements(spec: TableSpec<unknown>): SqliteStatements {
    const known = this.prepared.get(spec.table);
    if (known) return known;
    const width = spec.columns.length;
    const tuple = `(${spec.columns.map(() => '?').join(', ')})`;
    const head = `insert into ${spec.table} (${spec.columns.join(', ')}) values `;
    const tail = spec.key === undefined ? '' : ` on conflict (${spec.key}) do nothing`;
    const many = this.sqlite.prepare(
      head + Array.from({ length: SQLITE_ROWS_PER_STATEMENT }, () => tuple).join(', ') + tail,
    );
    const one = this.sqlite.prepare(head + tuple + tail);
    // One flat parameter array, reused: the statement copies values in when it binds them.
    const params: Cell[] = new Array<Cell>(SQLITE_ROWS_PER_STATEMENT * width).fill(null);
    const run = this.sqlite.transaction((rows: readonly Row[]): number => {
      let inserted = 0;
      let i = 0;
      for (; i + SQLITE_ROWS_PER_STATEMENT <= rows.length; i += SQLITE_ROWS_PER_STATEMENT) {
        let p = 0;
        for (let r = i; r < i + SQLITE_ROWS_PER_STATEMENT; r++) {
          const row = rows[r] as Row;
          for (let c = 0; c < width; c++) params[p++] = row[c] as Cell;
        }
        inserted += many.run(params).changes;
      }
      for (; i < rows.length; i++) inserted += one.run(rows[i]).changes;
      return inserted;
    });
    const statements = { many, one, run };
    this.prepared.set(spec.table, statements);
    return statements;
  }
}

type Cell = Row[number];

/** Rows per COPY data chunk: a few hundred kB, so a large insert never builds one huge string. */
const COPY_CHUNK_ROWS = 1_000;
/** PostgreSQL takes at most 65535 bind parameters per statement. */
const MAX_PARAMS = 65_535;

export class PostgresRowSink implements RowSink {
  /**
   * Two COPYs in flight: the server parses one batch while the next is encoded and sent, so
   * neither side idles on the other (and a network round trip per batch is hidden too).
   */
  readonly concurrency = 2;
  /** Measured: every 64 writes keeps the server fed (0.6 of psql's rate without, 0.9 with). */
  readonly yieldEvery = 64;

  constructor(
    private readonly pool: Pool,
    private readonly isClosed: () => boolean,
  ) {}

  async insert(spec: TableSpec<unknown>, rows: readonly Row[]): Promise<InsertOutcome> {
    if (this.isClosed()) throw closedError(spec.table);
    if (rows.length === 0) return { inserted: 0, duplicates: 0 };
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      try {
        await this.copy(client, spec, rows);
        return { inserted: rows.length, duplicates: 0 };
      } catch (error) {
        // COPY has no ON CONFLICT: on a duplicate key (an event delivered twice by the bus),
        // the batch goes again as INSERT ... ON CONFLICT DO NOTHING.
        if (spec.key === undefined || !(error instanceof DatabaseError) || error.code !== '23505') {
          throw error;
        }
        return await this.insertSkippingDuplicates(client, spec, rows);
      }
    } catch (error) {
      // A server error leaves the connection usable; anything else (a socket) does not.
      if (!(error instanceof DatabaseError)) {
        broken = error instanceof Error ? error : new Error(String(error));
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  classify(error: unknown): FailureKind {
    if (isClosedError(error)) return 'closed';
    // SQLSTATE classes 22 (data exception), 23 (integrity constraint), 54 (a row over a limit).
    const refused = error instanceof DatabaseError && /^(22|23|54)/.test(error.code ?? '');
    return refused ? 'data' : 'transient';
  }

  private async copy(client: PoolClient, spec: TableSpec<unknown>, rows: readonly Row[]) {
    const stream = client.query(
      copyFrom(`copy ${spec.table} (${spec.columns.join(', ')}) from stdin`),
    );
    const done = finished(stream);
    // Mark the promise handled now: an early error must not surface as unhandled before the await.
    done.catch(() => undefined);
    const json = new Set(spec.jsonColumns);
    for (let start = 0; start < rows.length; start += COPY_CHUNK_ROWS) {
      // The server may refuse a row while we still send: stop, and let `done` carry its error.
      if (stream.errored) break;
      const end = Math.min(rows.length, start + COPY_CHUNK_ROWS);
      let payload = '';
      for (let r = start; r < end; r++) payload += copyLine(rows[r] as Row, json);
      // once() rejects on 'error', so a failed COPY never leaves us waiting for a drain.
      if (!stream.write(payload)) await once(stream, 'drain');
    }
    if (!stream.errored) stream.end();
    await done;
  }

  private async insertSkippingDuplicates(
    client: PoolClient,
    spec: TableSpec<unknown>,
    rows: readonly Row[],
  ): Promise<InsertOutcome> {
    const width = spec.columns.length;
    const perStatement = Math.floor(MAX_PARAMS / width);
    const json = new Set(spec.jsonColumns);
    let inserted = 0;
    await client.query('begin');
    try {
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const params: Cell[] = [];
        const tuples = chunk.map((row) => {
          const marks = row.map((cell, c) => {
            params.push(postgresCell(cell, json.has(c)));
            return `$${String(params.length)}`;
          });
          return `(${marks.join(', ')})`;
        });
        const result = await client.query(
          `insert into ${spec.table} (${spec.columns.join(', ')}) values ${tuples.join(', ')}` +
            ` on conflict (${spec.key ?? 'id'}) do nothing`,
          params,
        );
        inserted += result.rowCount ?? 0;
      }
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
    return { inserted, duplicates: rows.length - inserted };
  }
}

function postgresCell(cell: Cell, isJson: boolean): Cell {
  if (typeof cell !== 'string') return cell;
  return isJson ? postgresJson(cell) : postgresText(cell);
}

/** One COPY line with PostgreSQL's text rules applied; inlined here because it runs per row. */
function copyLine(row: Row, json: ReadonlySet<number>): string {
  let line = '';
  for (let c = 0; c < row.length; c++) {
    if (c > 0) line += '\t';
    const cell = row[c];
    if (cell === null || cell === undefined) line += '\\N';
    else if (typeof cell === 'number') line += String(cell);
    else line += copyText(json.has(c) ? postgresJson(cell) : postgresText(cell));
  }
  return line + '\n';
}
