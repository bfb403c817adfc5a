// The batched writer's logic against an in-memory sink: timers, overflow policies, retries,
// splitting around a refused row, flush and close, and the accounting of every record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeClock, OtsafeError, SystemClock, type OtsafeEvent } from '../../src/core/index.js';
import {
  BatchWriter,
  EVENTS,
  type BatchWriterOptions,
  type FailureKind,
  type InsertOutcome,
  type Row,
  type RowSink,
  type TableSpec,
  type WriterStats,
} from '../../src/store/index.js';
import { icsEvent } from '../helpers/events.js';
import { capturingLogger } from '../helpers/logger.js';

class Failure extends Error {
  constructor(readonly kind: FailureKind) {
    super(`simulated ${kind} failure`);
  }
}

/** A sink that keeps rows in memory and fails on demand. */
class MemorySink implements RowSink {
  concurrency = 1;
  yieldEvery = 16;
  readonly stored: Row[] = [];
  private readonly ids = new Set<unknown>();
  /** The next n inserts fail with a failure that may pass. */
  transientFailures = 0;
  closed = false;
  /** Ids the "database" refuses, as a constraint would. */
  readonly poison = new Set<string>();
  calls = 0;
  /** While set, inserts wait on it: a slow database. */
  gate: Promise<void> | undefined;
  /** Per call, how long to take (ms of real time): to finish batches out of order. */
  delays: number[] = [];

  async insert(_spec: TableSpec<unknown>, rows: readonly Row[]): Promise<InsertOutcome> {
    const call = this.calls++;
    const delay = this.delays[call];
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.gate) await this.gate;
    if (this.closed) throw new OtsafeError('OTS_STORE_CLOSED');
    if (this.transientFailures > 0) {
      this.transientFailures--;
      throw new Failure('transient');
    }
    if (rows.some((row) => this.poison.has(row[0] as string))) throw new Failure('data');
    let inserted = 0;
    for (const row of rows) {
      if (this.ids.has(row[0])) continue;
      this.ids.add(row[0]);
      this.stored.push(row);
      inserted++;
    }
    return { inserted, duplicates: rows.length - inserted };
  }

  classify(error: unknown): FailureKind {
    if (error instanceof OtsafeError && error.code === 'OTS_STORE_CLOSED') return 'closed';
    return error instanceof Failure ? error.kind : 'transient';
  }
}

function writer(sink: RowSink, options: BatchWriterOptions = {}): BatchWriter<OtsafeEvent> {
  return new BatchWriter(EVENTS, sink, { clock: new FakeClock(), ...options });
}

/** Every record is stored, counted, or still on its way. */
function balanced(stats: WriterStats): boolean {
  return (
    stats.offered ===
    stats.written +
      stats.duplicates +
      stats.rejected +
      stats.dropped +
      stats.pending +
      stats.waiting
  );
}

const ids = (rows: Row[]): string[] => rows.map((row) => row[0] as string);

describe('BatchWriter', () => {
  it('writes a full batch at once and a partial one after maxDelayMs', async () => {
    const sink = new MemorySink();
    const clock = new FakeClock();
    const w = writer(sink, { maxRows: 10, maxDelayMs: 100, clock });
    for (let i = 0; i < 13; i++) await w.write(icsEvent(i));
    // The first ten went as one batch without the clock moving; three wait for the timer.
    await clock.advanceAsync(0);
    expect(w.stats()).toMatchObject({ written: 10, pending: 3, batches: 1 });
    await clock.advanceAsync(99);
    expect(w.stats().pending).toBe(3);
    await clock.advanceAsync(1);
    expect(w.stats()).toMatchObject({ written: 13, pending: 0, batches: 2 });
    expect(clock.pending).toBe(0);
    await w.close();
    expect(ids(sink.stored)).toEqual(Array.from({ length: 13 }, (_, i) => icsEvent(i).event.id));
  });

  it('keeps order and never holds more than maxPending under the wait policy', async () => {
    const sink = new MemorySink();
    let release: () => void = () => undefined;
    sink.gate = new Promise((resolve) => (release = resolve));
    const w = writer(sink, { maxRows: 50, maxPending: 200, overflow: 'wait' });
    const outcomes: Promise<unknown>[] = [];
    for (let i = 0; i < 1_000; i++) outcomes.push(w.offer(icsEvent(i)));
    // The database is stalled: 200 rows are held, the other 800 writers wait for room.
    await Promise.resolve();
    expect(w.stats()).toMatchObject({ pending: 200, waiting: 800, dropped: 0 });
    expect(balanced(w.stats())).toBe(true);
    sink.gate = undefined;
    release();
    expect(new Set(await Promise.all(outcomes))).toEqual(new Set(['queued']));
    await w.close();
    const stats = w.stats();
    expect(stats).toMatchObject({ offered: 1_000, written: 1_000, pending: 0, waiting: 0 });
    expect(stats.highWater).toBeLessThanOrEqual(200);
    expect(ids(sink.stored)).toEqual(Array.from({ length: 1_000 }, (_, i) => icsEvent(i).event.id));
  });

  it('drops and counts what does not fit under the drop policy', async () => {
    const sink = new MemorySink();
    const w = writer(sink, { maxRows: 100, maxPending: 1_000, overflow: 'drop' });
    const outcomes = new Map<string, number>();
    // A burst with no await: nothing can be written before it ends, so exactly 1000 fit.
    const all: Promise<string>[] = [];
    for (let i = 0; i < 5_000; i++) all.push(w.offer(icsEvent(i)));
    for (const outcome of await Promise.all(all)) {
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ queued: 1_000, dropped: 4_000 });
    await w.close();
    expect(w.stats()).toMatchObject({ offered: 5_000, written: 1_000, dropped: 4_000, pending: 0 });
    expect(w.stats().highWater).toBe(1_000);
  });

  it('rejects and counts records without the indexed fields, and never throws', async () => {
    const logger = capturingLogger();
    const w = writer(new MemorySink(), { logger });
    const cyclic: Record<string, unknown> = { ...icsEvent(1) };
    cyclic.self = cyclic;
    const bad: unknown[] = [
      null,
      42,
      {},
      { '@timestamp': '2026-01-01T00:00:00Z', event: { kind: 'event' } },
      { '@timestamp': '2026-01-01T00:00:00Z', event: { id: 'x' } },
      { '@timestamp': 'yesterday-ish', event: { id: 'x', kind: 'event' } },
      { event: { id: 'x', kind: 'event' } },
      { ...icsEvent(2), labels: { big: 10n } },
      cyclic,
    ];
    for (const record of bad) expect(await w.offer(record as OtsafeEvent)).toBe('rejected');
    expect(await w.offer(icsEvent(3))).toBe('queued');
    await w.close();
    expect(w.stats()).toMatchObject({ offered: 10, rejected: 9, written: 1 });
    // Logged once, not once per record: a flood must not flood the log.
    expect(logger.at('warn').filter((r) => r.message === 'record rejected')).toHaveLength(1);
  });

  it('retries a failure that may pass, with backoff, and then stores the batch', async () => {
    const sink = new MemorySink();
    sink.transientFailures = 2;
    const logger = capturingLogger();
    const w = writer(sink, { clock: new SystemClock(), retries: 3, retryDelayMs: 1, logger });
    for (let i = 0; i < 10; i++) await w.write(icsEvent(i));
    await w.close();
    expect(w.stats()).toMatchObject({ written: 10, dropped: 0, retries: 2, failed: 0 });
    expect(logger.at('warn')).toHaveLength(2);
  });

  it('counts and logs a batch that still fails after every retry, then carries on', async () => {
    const sink = new MemorySink();
    const logger = capturingLogger();
    const w = writer(sink, {
      clock: new SystemClock(),
      maxRows: 10,
      retries: 2,
      retryDelayMs: 1,
      logger,
    });
    sink.transientFailures = 3;
    for (let i = 0; i < 10; i++) await w.write(icsEvent(i));
    await w.flush();
    for (let i = 10; i < 20; i++) await w.write(icsEvent(i));
    await w.close();
    expect(w.stats()).toMatchObject({ offered: 20, written: 10, dropped: 10, failed: 1 });
    expect(ids(sink.stored)).toEqual(
      ids(Array.from({ length: 10 }, (_, k) => [icsEvent(10 + k).event.id])),
    );
    const [error] = logger.at('error');
    expect(error?.fields).toMatchObject({ rows: 10, attempts: 3, code: 'OTS_STORE_WRITE' });
    expect(String(error?.fields.first)).toContain(icsEvent(0).event.id);
  });

  it('stops retrying at close once the database is known to be out', async () => {
    const sink = new MemorySink();
    sink.transientFailures = Number.POSITIVE_INFINITY;
    const w = writer(sink, { clock: new SystemClock(), maxRows: 10, retries: 3, retryDelayMs: 1 });
    for (let i = 0; i < 50; i++) await w.write(icsEvent(i));
    await w.close();
    // The first batch tries four times; the four after it, once each.
    expect(w.stats()).toMatchObject({ dropped: 50, failed: 5, retries: 3 });
    expect(sink.calls).toBe(4 + 4);
  });

  it('isolates rows the database refuses, so their neighbours are stored', async () => {
    const sink = new MemorySink();
    const logger = capturingLogger();
    const poisoned = [7, 50, 51];
    for (const i of poisoned) sink.poison.add(icsEvent(i).event.id);
    const w = writer(sink, { maxRows: 100, logger });
    for (let i = 0; i < 100; i++) await w.write(icsEvent(i));
    await w.close();
    expect(w.stats()).toMatchObject({ written: 97, dropped: 3, failed: 3, retries: 0 });
    const refused = logger.at('error').map((r) => r.fields.first);
    expect(refused).toEqual(poisoned.map((i) => `event ${icsEvent(i).event.id}`));
  });

  it('gives up at once on a closed store, counting every row', async () => {
    const sink = new MemorySink();
    sink.closed = true;
    const w = writer(sink, { maxRows: 10, retries: 5 });
    for (let i = 0; i < 25; i++) await w.write(icsEvent(i));
    await w.close();
    expect(w.stats()).toMatchObject({ offered: 25, written: 0, dropped: 25, failed: 3 });
    expect(sink.calls).toBe(3);
  });

  it('lets the event loop turn while a producer awaits write() in a tight loop', async () => {
    const sink = new MemorySink();
    const w = writer(sink, { maxRows: 1_000 });
    let turns = 0;
    let done = false;
    const tick = (): void => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    // No batch completes in 100 writes: only the sink's yieldEvery (16) lets sockets be served.
    for (let i = 0; i < 100; i++) await w.write(icsEvent(i));
    done = true;
    expect(turns).toBeGreaterThanOrEqual(5);
    await w.close();
  });

  it('counts duplicates apart from writes', async () => {
    const sink = new MemorySink();
    const w = writer(sink);
    for (const i of [1, 2, 3, 2, 1]) await w.write(icsEvent(i));
    await w.close();
    expect(w.stats()).toMatchObject({ offered: 5, written: 3, duplicates: 2 });
  });

  it('drops and counts writes after close', async () => {
    const w = writer(new MemorySink());
    await w.close();
    expect(await w.offer(icsEvent(1))).toBe('dropped');
    await expect(w.write(icsEvent(2))).resolves.toBeUndefined();
    expect(w.stats()).toMatchObject({ offered: 2, dropped: 2 });
  });

  it('resolves flush() only once every earlier batch is done, even out of order', async () => {
    const sink = new MemorySink();
    sink.concurrency = 2;
    // The first batch takes longer than the second.
    sink.delays = [30, 1];
    const w = writer(sink, { maxRows: 10 });
    for (let i = 0; i < 20; i++) await w.write(icsEvent(i));
    await w.flush();
    expect(w.stats()).toMatchObject({ written: 20, pending: 0, batches: 2 });
    await w.close();
  });

  it('accounts for every record, whatever happens (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ op: fc.constant('write' as const), n: fc.integer({ min: 1, max: 60 }) }),
            fc.record({ op: fc.constant('bad' as const) }),
            fc.record({ op: fc.constant('fail' as const), n: fc.integer({ min: 1, max: 3 }) }),
            fc.record({ op: fc.constant('poison' as const), at: fc.nat(400) }),
            fc.record({ op: fc.constant('flush' as const) }),
          ),
          { maxLength: 30 },
        ),
        fc.constantFrom<'wait' | 'drop'>('wait', 'drop'),
        async (ops, overflow) => {
          const sink = new MemorySink();
          const w = writer(sink, {
            clock: new SystemClock(),
            maxRows: 8,
            maxPending: 24,
            overflow,
            retries: 1,
            retryDelayMs: 0,
          });
          let next = 0;
          const writes: Promise<void>[] = [];
          for (const op of ops) {
            if (op.op === 'write') {
              for (let k = 0; k < op.n; k++) writes.push(w.write(icsEvent(next++)));
            } else if (op.op === 'bad') writes.push(w.write({} as OtsafeEvent));
            else if (op.op === 'fail') sink.transientFailures += op.n;
            else if (op.op === 'poison') sink.poison.add(icsEvent(op.at).event.id);
            else await w.flush();
            expect(balanced(w.stats())).toBe(true);
            expect(w.stats().pending).toBeLessThanOrEqual(24);
          }
          await w.close();
          await Promise.all(writes);
          const stats = w.stats();
          expect(balanced(stats)).toBe(true);
          expect(stats.pending + stats.waiting).toBe(0);
          expect(stats.written).toBe(sink.stored.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
