// The batched writer: records in, rows out in batches through the engine's fast path, with a
// bounded queue, a declared overflow policy, retries, and a count for every record that is not
// stored, so nothing is lost without an operator seeing it.
import {
  isOtsafeError,
  silentLogger,
  SystemClock,
  type Clock,
  type Logger,
  type TimerId,
} from '../core/index.js';
import type { Row, TableSpec } from './rows.js';
import type { RowSink } from './sinks.js';

/**
 * What write() does when the queue holds maxPending rows:
 * - `wait`: the returned promise resolves once there is room (backpressure; nothing is lost);
 * - `drop`: the record is dropped at once and counted in stats.dropped.
 */
export const WRITER_OVERFLOW = ['wait', 'drop'] as const;
export type WriterOverflow = (typeof WRITER_OVERFLOW)[number];

/** The fate of one write(): taken into the queue, dropped (counted), or refused as invalid. */
export type WriteOutcome = 'queued' | 'dropped' | 'rejected';

export interface BatchWriterOptions {
  /** Rows per batch (one transaction); a full batch is written at once. Default 1000. */
  maxRows?: number;
  /** The longest a row waits for its batch to fill. Default 250 ms. */
  maxDelayMs?: number;
  /** Rows held at most (filling, queued and being written); at least maxRows. Default 10000. */
  maxPending?: number;
  /** Default `wait`: stored events are evidence. */
  overflow?: WriterOverflow;
  /** Attempts after the first when the database fails for a reason that may pass. Default 3. */
  retries?: number;
  /** The first retry's delay, doubled for each one after. Default 200 ms. */
  retryDelayMs?: number;
  clock?: Clock;
  logger?: Logger;
  /** Batches written at once; default the sink's choice (1 on SQLite, 2 on PostgreSQL). */
  concurrency?: number;
  /** Called after every batch, for metrics and benchmarks. */
  onBatch?: (report: BatchReport) => void;
}

export interface BatchReport {
  rows: number;
  inserted: number;
  duplicates: number;
  /** Rows given up on: refused by the database, or still failing after every retry. */
  dropped: number;
  /** Insert statements tried, splits and retries included. */
  attempts: number;
  /** From the first attempt to the last outcome, in ms. */
  ms: number;
}

/**
 * Counters. At any moment offered === written + duplicates + rejected + dropped + pending +
 * waiting: every record is stored, counted, or still on its way.
 */
export interface WriterStats {
  table: string;
  /** Calls to write(). */
  offered: number;
  /** Rows stored. */
  written: number;
  /** Rows whose id was stored already (a redelivered event): the stored copy stands. */
  duplicates: number;
  /** Records refused before queueing: missing an indexed field (OTS_STORE_BAD_EVENT). */
  rejected: number;
  /** Records lost and counted: a full queue under `drop`, a write after close, a failed batch. */
  dropped: number;
  /** Rows held now: filling, queued, or being written. */
  pending: number;
  /** The most rows ever held at once: never above maxPending. */
  highWater: number;
  /** write() calls waiting for room under `wait`. */
  waiting: number;
  /** Batches finished, stored or not. */
  batches: number;
  /** Batches, or parts of one, given up on; their rows are in dropped. */
  failed: number;
  /** Attempts repeated after a failure that might pass. */
  retries: number;
}

// Settled promises made once: the hot path returns them instead of allocating one per record.
const DONE = Promise.resolve();
const OUTCOMES: Readonly<Record<WriteOutcome, Promise<WriteOutcome>>> = {
  queued: Promise.resolve('queued'),
  dropped: Promise.resolve('dropped'),
  rejected: Promise.resolve('rejected'),
};
const nothing = (): void => undefined;

function afterIo<T>(value: T): Promise<T> {
  return new Promise((resolve) => setImmediate(resolve, value));
}

/** Log the first of a kind of loss, then every n-th, so a flood cannot flood the log too. */
const LOG_EVERY = 10_000;

interface Waiter {
  row: Row;
  resolve: (outcome: WriteOutcome) => void;
}

interface Batch {
  seq: number;
  rows: Row[];
}

interface Tally {
  inserted: number;
  duplicates: number;
  dropped: number;
  attempts: number;
}

export class BatchWriter<R> {
  readonly maxRows: number;
  readonly maxDelayMs: number;
  readonly maxPending: number;
  readonly overflow: WriterOverflow;
  readonly concurrency: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly onBatch: ((report: BatchReport) => void) | undefined;
  private readonly counters: WriterStats;

  private filling: Row[] = [];
  private readonly ready: Batch[] = [];
  private waiters: Waiter[] = [];
  private waitersHead = 0;
  private timer: TimerId | undefined;
  private inFlight = 0;
  /**
   * Batches are numbered as they are cut; doneCount is the highest number up to which every
   * batch has finished (they may finish out of order), and flush() waits for it.
   */
  private cutCount = 0;
  private doneCount = 0;
  private readonly finished = new Set<number>();
  private flushers: { target: number; resolve: () => void }[] = [];
  private closing: Promise<void> | undefined;
  /** Writes since the last one that resolved after a turn of the event loop. */
  private sinceYield = 0;
  /** Set when a batch failed every retry, cleared by the next success. */
  private outage = false;

  constructor(
    private readonly spec: TableSpec<R>,
    private readonly sink: RowSink,
    options: BatchWriterOptions = {},
  ) {
    this.maxRows = positiveInteger('maxRows', options.maxRows ?? 1_000);
    this.maxPending = Math.max(
      this.maxRows,
      positiveInteger('maxPending', options.maxPending ?? 10_000),
    );
    this.maxDelayMs = Math.max(0, options.maxDelayMs ?? 250);
    this.overflow = options.overflow ?? 'wait';
    this.concurrency = positiveInteger('concurrency', options.concurrency ?? sink.concurrency);
    this.retries = Math.max(0, Math.floor(options.retries ?? 3));
    this.retryDelayMs = Math.max(0, options.retryDelayMs ?? 200);
    this.clock = options.clock ?? new SystemClock();
    this.logger = (options.logger ?? silentLogger).child({ table: spec.table });
    this.onBatch = options.onBatch;
    this.counters = {
      table: spec.table,
      offered: 0,
      written: 0,
      duplicates: 0,
      rejected: 0,
      dropped: 0,
      pending: 0,
      highWater: 0,
      waiting: 0,
      batches: 0,
      failed: 0,
      retries: 0,
    };
  }

  /**
   * Takes one record; resolves once it is queued or counted (see offer() for which). Never throws
   * and never rejects, so a bus handler can return it as it is.
   */
  write(record: R): Promise<void> {
    const taken = this.take(record);
    return typeof taken === 'string' ? DONE : taken.then(nothing);
  }

  /**
   * Takes one record and tells its fate: an invalid record resolves `rejected`, a full queue
   * resolves `dropped` (policy `drop`) or waits for room (policy `wait`), a write after close()
   * resolves `dropped`. Each of those is counted. Never throws and never rejects.
   */
  offer(record: R): Promise<WriteOutcome> {
    const taken = this.take(record);
    return typeof taken === 'string' ? OUTCOMES[taken] : taken;
  }

  /** The shared path of write() and offer(): an outcome now, or a promise of room. */
  private take(record: R): WriteOutcome | Promise<WriteOutcome> {
    const stats = this.counters;
    stats.offered++;
    if (this.closing) {
      stats.dropped++;
      this.noteLoss('write after close: record dropped', stats.dropped);
      return 'dropped';
    }
    let row: Row;
    try {
      row = this.spec.toRow(record);
    } catch (error) {
      stats.rejected++;
      if (stats.rejected === 1 || stats.rejected % LOG_EVERY === 0) {
        this.logger.warn({ err: describe(error), rejected: stats.rejected }, 'record rejected');
      }
      return 'rejected';
    }
    if (stats.pending >= this.maxPending || this.waitersHead < this.waiters.length) {
      if (this.overflow === 'drop') {
        stats.dropped++;
        this.noteLoss('queue full: record dropped', stats.dropped);
        return 'dropped';
      }
      stats.waiting++;
      return new Promise((resolve) => this.waiters.push({ row, resolve }));
    }
    // The write that completes a batch, and every sink.yieldEvery-th, resolves after a turn of
    // the event loop. A producer awaiting write() in a loop otherwise runs on microtasks alone,
    // and a socket never gets to send a COPY or read its answer until the queue is full: the
    // database would idle while the producer fills the queue, and the producer while it empties.
    const cut = this.enqueue(row);
    if (cut || ++this.sinceYield >= this.sink.yieldEvery) {
      this.sinceYield = 0;
      return afterIo('queued');
    }
    return 'queued';
  }

  /** Writes what is queued now; resolves when every row queued before the call is stored or counted. */
  flush(): Promise<void> {
    this.cut();
    const target = this.cutCount;
    if (this.doneCount >= target) return Promise.resolve();
    return new Promise((resolve) => this.flushers.push({ target, resolve }));
  }

  /** Refuses new records, then writes everything held, including writers waiting for room. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      while (this.counters.pending > 0 || this.counters.waiting > 0) await this.flush();
      this.clearTimer();
    })();
    return this.closing;
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  stats(): WriterStats {
    return { ...this.counters };
  }

  /** Adds a row to the filling batch; true when that completed the batch and handed it on. */
  private enqueue(row: Row): boolean {
    const stats = this.counters;
    this.filling.push(row);
    stats.pending++;
    if (stats.pending > stats.highWater) stats.highWater = stats.pending;
    if (this.filling.length >= this.maxRows || stats.pending >= this.maxPending) {
      this.cut();
      return true;
    }
    if (this.filling.length === 1) {
      this.timer = this.clock.setTimeout(() => {
        this.timer = undefined;
        this.cut();
      }, this.maxDelayMs);
    }
    return false;
  }

  /** Ends the filling batch and hands it to the writers. */
  private cut(): void {
    this.clearTimer();
    if (this.filling.length === 0) return;
    this.ready.push({ seq: ++this.cutCount, rows: this.filling });
    this.filling = [];
    this.pump();
  }

  /**
   * Starts batches while fewer than `concurrency` are in flight. With one (SQLite, which has a
   * single writer anyway) batches land in order; with more (PostgreSQL), the database works on
   * one batch while the next is encoded and sent, and the table does not care about order.
   */
  private pump(): void {
    while (this.inFlight < this.concurrency) {
      const batch = this.ready.shift();
      if (!batch) return;
      this.inFlight++;
      this.writeBatch(batch.rows)
        .catch((error: unknown) => {
          // writeBatch() settles every database error itself: reaching here is a bug.
          this.logger.error({ err: describe(error) }, 'batch writer failed');
        })
        .finally(() => {
          this.finish(batch);
        });
    }
  }

  private finish(batch: Batch): void {
    this.inFlight--;
    this.counters.pending -= batch.rows.length;
    this.finished.add(batch.seq);
    while (this.finished.delete(this.doneCount + 1)) this.doneCount++;
    this.admitWaiters();
    this.pump();
    if (this.flushers.length > 0) {
      this.flushers = this.flushers.filter((f) => {
        if (f.target > this.doneCount) return true;
        f.resolve();
        return false;
      });
    }
  }

  private admitWaiters(): void {
    const stats = this.counters;
    while (this.waitersHead < this.waiters.length && stats.pending < this.maxPending) {
      const waiter = this.waiters[this.waitersHead++] as Waiter;
      stats.waiting--;
      this.enqueue(waiter.row);
      waiter.resolve('queued');
    }
    if (this.waitersHead > 1024 && this.waitersHead * 2 > this.waiters.length) {
      this.waiters = this.waiters.slice(this.waitersHead);
      this.waitersHead = 0;
    }
  }

  private async writeBatch(batch: Row[]): Promise<void> {
    const started = performance.now();
    const tally: Tally = { inserted: 0, duplicates: 0, dropped: 0, attempts: 0 };
    await this.writeRows(batch, tally);
    const stats = this.counters;
    stats.batches++;
    stats.written += tally.inserted;
    stats.duplicates += tally.duplicates;
    stats.dropped += tally.dropped;
    this.onBatch?.({ rows: batch.length, ...tally, ms: performance.now() - started });
  }

  /**
   * Inserts rows, splitting the batch when the database refuses a row (so one hostile record
   * costs itself, not its 999 neighbours), and retrying with backoff when the failure may pass.
   */
  private async writeRows(rows: Row[], tally: Tally): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      tally.attempts++;
      try {
        const outcome = await this.sink.insert(this.spec, rows);
        tally.inserted += outcome.inserted;
        tally.duplicates += outcome.duplicates;
        this.outage = false;
        return;
      } catch (error) {
        const kind = this.sink.classify(error);
        if (kind === 'data' && rows.length > 1) {
          const half = rows.length >>> 1;
          await this.writeRows(rows.slice(0, half), tally);
          await this.writeRows(rows.slice(half), tally);
          return;
        }
        // Shutting down while the database is out (a batch already failed every retry): one
        // attempt each, so close() does not sit through every batch's backoff.
        const retries = this.closing && this.outage ? 0 : this.retries;
        if (kind !== 'transient' || attempt >= retries) {
          if (kind === 'transient') this.outage = true;
          this.giveUp(rows, error, attempt + 1, tally);
          return;
        }
        this.counters.retries++;
        const delay = this.retryDelayMs * 2 ** attempt;
        this.logger.warn(
          { err: describe(error), rows: rows.length, attempt: attempt + 1, retryInMs: delay },
          'batch write failed, retrying',
        );
        await this.clock.sleep(delay);
      }
    }
  }

  private giveUp(rows: Row[], error: unknown, attempts: number, tally: Tally): void {
    tally.dropped += rows.length;
    this.counters.failed++;
    const first = rows[0];
    const last = rows[rows.length - 1];
    this.logger.error(
      {
        err: describe(error),
        code: isOtsafeError(error) ? error.code : 'OTS_STORE_WRITE',
        rows: rows.length,
        attempts,
        first: first ? this.spec.label(first) : undefined,
        last: last ? this.spec.label(last) : undefined,
        dropped: this.counters.dropped + tally.dropped,
      },
      rows.length === 1 ? 'row refused by the database: dropped' : 'batch dropped after retries',
    );
  }

  private noteLoss(message: string, count: number): void {
    if (count === 1 || count % LOG_EVERY === 0) this.logger.warn({ dropped: count }, message);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`batch writer ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
