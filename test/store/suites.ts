// The store's behaviour, written once and run on each engine: sqlite.test.ts and
// postgres.test.ts call these with a way to open a fresh store.
import { afterEach, expect, it } from 'vitest';
import {
  FakeClock,
  isOtsafeError,
  SystemClock,
  type Alert,
  type OtsafeEvent,
  type TelemetryPoint,
} from '../../src/core/index.js';
import {
  telemetryFromRow,
  type Engine,
  type OpenStoreOptions,
  type Store,
} from '../../src/store/index.js';
import { icsEvent, icsEvents } from '../helpers/events.js';
import { capturingLogger } from '../helpers/logger.js';

export interface EngineUnderTest {
  engine: Engine;
  /** Opens a fresh, empty, migrated store. */
  open(options?: OpenStoreOptions): Promise<Store>;
  /** Events pushed through the writer in the load tests. */
  loadEvents: number;
}

/** The tables and columns both engines must have, in order. */
export const EXPECTED_COLUMNS: Record<string, string[]> = {
  alerts: [
    'id',
    'ts',
    'rule_id',
    'severity',
    'action',
    'blocked',
    'src_ip',
    'dst_ip',
    'incident_id',
    'doc',
  ],
  audit: ['seq', 'ts', 'actor', 'action', 'subject', 'doc', 'prev_hash', 'hash'],
  events: [
    'id',
    'ts',
    'kind',
    'dataset',
    'src_ip',
    'src_port',
    'dst_ip',
    'dst_port',
    'protocol',
    'severity',
    'doc',
  ],
  incidents: ['id', 'opened_at', 'updated_at', 'state', 'severity', 'type', 'title', 'doc'],
  playbook_runs: ['id', 'playbook_id', 'incident_id', 'state', 'started_at', 'updated_at', 'doc'],
  telemetry: ['ts', 'source', 'tag', 'value_num', 'value_text', 'quality', 'unit'],
};

/** The schema as introspection sees it: table -> columns with nullability, engine types left out. */
export async function schemaOf(store: Store): Promise<Record<string, string[]>> {
  const tables = await store.db.introspection.getTables();
  return Object.fromEntries(
    tables
      .map((t) => [t.name, t.columns.map((c) => `${c.name}${c.isNullable ? '?' : ''}`)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const DAY = 86_400_000;

/** Events whose strings test every escape on the way in and out. */
function trickyEvents(): OtsafeEvent[] {
  const texts = [
    'tab\there',
    'line\nbreak and \r\n CRLF',
    'back\\slash \\N \\. and "quotes"',
    'Unicode: ü 漢字 🚀 \u2028 \uFFFD',
    '{"looks":"like json"}',
    '',
  ];
  return texts.map((message, i) => ({
    ...icsEvent(1_000_000 + i),
    message,
    labels: { [message || 'empty']: message },
    tags: [message, 'x'],
  }));
}

export function storeSuite(target: () => EngineUnderTest): void {
  const opened: Store[] = [];
  const open = async (options?: OpenStoreOptions): Promise<Store> => {
    const store = await target().open(options);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
  });

  it('creates the six tables with their columns', async () => {
    const store = await open();
    const schema = await schemaOf(store);
    expect(Object.keys(schema)).toEqual(Object.keys(EXPECTED_COLUMNS));
    for (const [table, columns] of Object.entries(EXPECTED_COLUMNS)) {
      expect(schema[table]?.map((c) => c.replace('?', ''))).toEqual(columns);
    }
    expect(schema.events).toContain('src_ip?');
    expect(schema.events).toContain('doc');
    expect(schema.audit).toContain('prev_hash?');
  });

  it('round-trips events with the JSON doc intact', async () => {
    const store = await open();
    const events = [...icsEvents(500), ...trickyEvents()];
    const report = await store.insertEvents(events);
    expect(report).toEqual({ inserted: events.length, duplicates: 0, rejected: [] });
    const rows = await store.db.selectFrom('events').selectAll().orderBy('id').execute();
    expect(rows.map((r) => JSON.parse(r.doc) as unknown)).toEqual(events);
    const fifth = events[5]!;
    expect(rows[5]).toMatchObject({
      id: fifth.event.id,
      ts: Date.parse(fifth['@timestamp']),
      kind: 'event',
      dataset: 'ics.transaction',
      src_ip: fifth.source?.ip,
      src_port: fifth.source?.port,
      dst_ip: fifth.destination?.ip,
      dst_port: 502,
      protocol: 'modbus',
      severity: null,
    });
    expect(rows[4]?.severity).toBe(21);
    // Numbers come back as numbers on both engines (int8 included).
    expect(typeof rows[0]?.ts).toBe('number');
    const counted = await store.db
      .selectFrom('events')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(counted.n).toBe(events.length);
  });

  it('stores an event carrying NUL characters', async () => {
    const store = await open();
    const event = { ...icsEvent(7), message: 'S7 \u0000\u0000 padding' };
    await store.insertEvents([event]);
    const row = await store.db.selectFrom('events').select('doc').executeTakeFirstOrThrow();
    const message = (JSON.parse(row.doc) as OtsafeEvent).message;
    // PostgreSQL text cannot hold NUL: it becomes U+FFFD there; SQLite keeps it.
    expect(message).toBe(
      target().engine === 'postgres' ? 'S7 \uFFFD\uFFFD padding' : 'S7 \u0000\u0000 padding',
    );
  });

  it('reports invalid events and duplicates without failing the rest', async () => {
    const store = await open();
    const report = await store.insertEvents([
      icsEvent(1),
      { '@timestamp': 'x', event: { id: 'bad', kind: 'event' } } as OtsafeEvent,
      icsEvent(2),
    ]);
    expect(report.inserted).toBe(2);
    expect(report.rejected.map((r) => [r.index, r.error.code])).toEqual([
      [1, 'OTS_STORE_BAD_EVENT'],
    ]);
    expect(await store.insertEvents([icsEvent(2), icsEvent(3)])).toMatchObject({
      inserted: 1,
      duplicates: 1,
    });
  });

  it('writes a load through a small queue under the wait policy, all of it', async () => {
    const store = await open();
    const { loadEvents } = target();
    const writer = store.eventWriter({ maxRows: 500, maxPending: 2_000, overflow: 'wait' });
    let mostHeld = 0;
    for (let i = 0; i < loadEvents; i++) {
      await writer.write(icsEvent(i));
      if (i % 997 === 0) mostHeld = Math.max(mostHeld, writer.stats().pending);
    }
    await writer.close();
    const stats = writer.stats();
    expect(stats).toMatchObject({
      offered: loadEvents,
      written: loadEvents,
      dropped: 0,
      pending: 0,
    });
    // Bounded memory: never more rows held than the bound, however fast the producer.
    expect(stats.highWater).toBeLessThanOrEqual(2_000);
    expect(mostHeld).toBeLessThanOrEqual(2_000);
    const counted = await store.db
      .selectFrom('events')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(counted.n).toBe(loadEvents);
  });

  it('accounts for every event under the drop policy: written + dropped = offered', async () => {
    const store = await open();
    const { loadEvents } = target();
    const writer = store.eventWriter({ maxRows: 500, maxPending: 2_000, overflow: 'drop' });
    // A burst no database could take at once: 3000 of it must be dropped, and counted.
    for (let i = 0; i < 5_000; i++) void writer.write(icsEvent(i));
    for (let i = 5_000; i < loadEvents; i++) {
      void writer.write(icsEvent(i));
      if (i % 500 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await writer.close();
    const stats = writer.stats();
    expect(stats.written + stats.dropped).toBe(loadEvents);
    expect(stats.offered).toBe(loadEvents);
    expect(stats.dropped).toBeGreaterThanOrEqual(3_000);
    expect(stats.highWater).toBeLessThanOrEqual(2_000);
    const counted = await store.db
      .selectFrom('events')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(counted.n).toBe(stats.written);
  });

  it('counts and logs what it cannot write once the database is gone, without crashing', async () => {
    const logger = capturingLogger();
    const store = await open({ logger });
    const writer = store.eventWriter({
      maxRows: 100,
      retries: 2,
      retryDelayMs: 1,
      clock: new SystemClock(),
    });
    for (let i = 0; i < 250; i++) await writer.write(icsEvent(i));
    // The database goes away behind the store's back.
    await store.db.destroy();
    await writer.close();
    const stats = writer.stats();
    expect(stats.written + stats.dropped).toBe(250);
    expect(stats.dropped).toBeGreaterThanOrEqual(50);
    expect(stats.failed).toBeGreaterThanOrEqual(1);
    const errors = logger.at('error');
    expect(errors.length).toBe(stats.failed);
    expect(errors.reduce((sum, r) => sum + Number(r.fields.rows), 0)).toBe(stats.dropped);
  });

  it('refuses work once closed, with OTS_STORE_CLOSED', async () => {
    const store = await open();
    await store.close();
    expect(store.closed).toBe(true);
    await expect(store.insertEvents([icsEvent(1)])).rejects.toSatisfy((e) =>
      isOtsafeError(e, 'OTS_STORE_CLOSED'),
    );
    expect(() => store.eventWriter()).toThrow(/closed/);
    await store.close();
  });

  it('inserts alerts and telemetry, which read back', async () => {
    const store = await open();
    const alert: Alert = {
      id: '01J0000000000000000000000B',
      '@timestamp': '2026-01-01T00:00:01Z',
      rule: { id: 'modbus-write-outside-window', name: 'Write outside the maintenance window' },
      severity: 'critical',
      techniques: ['T0836', 'T0855'],
      action: 'block',
      blocked: true,
      message: 'write to boiler.setpoint blocked',
      eventIds: ['01J0000000000000000000000A'],
    };
    expect(await store.insertAlerts([alert, alert])).toMatchObject({ inserted: 1, duplicates: 1 });
    const alertRow = await store.db.selectFrom('alerts').selectAll().executeTakeFirstOrThrow();
    expect(alertRow).toMatchObject({ rule_id: alert.rule.id, severity: 'critical', blocked: 1 });
    expect(JSON.parse(alertRow.doc)).toEqual(alert);

    const points: TelemetryPoint[] = [
      {
        ts: 1_767_225_600_000,
        source: 'plant/boiler',
        tag: 'boiler.pressure',
        value: 4.123456789,
        quality: 'good',
        unit: 'bar',
      },
      {
        ts: 1_767_225_600_001,
        source: 'plant/boiler',
        tag: 'burner.enable',
        value: true,
        quality: 'good',
      },
      {
        ts: 1_767_225_600_002,
        source: 'opcua://plc:4840',
        tag: 'mode',
        value: 'RUN\tAUTO',
        quality: 'uncertain',
      },
    ];
    expect((await store.insertTelemetry(points)).inserted).toBe(3);
    const back = await store.db.selectFrom('telemetry').selectAll().orderBy('ts').execute();
    // double precision on PostgreSQL: no rounding of process values.
    expect(back.map(telemetryFromRow)).toEqual(points);

    const writer = store.createWriter('telemetry', { maxRows: 2 });
    for (const p of points) await writer.write({ ...p, ts: p.ts + 10 });
    await writer.close();
    expect(writer.stats().written).toBe(3);
  });

  it('prunes events, telemetry and alerts past their retention, and nothing else', async () => {
    const clock = new FakeClock(Date.UTC(2026, 5, 1));
    const store = await open({ clock });
    const now = clock.now();
    const at = (ms: number, i: number): OtsafeEvent => ({
      ...icsEvent(i),
      '@timestamp': new Date(ms).toISOString(),
    });
    await store.insertEvents([
      at(now - 31 * DAY, 1),
      at(now - 30 * DAY - 1, 2),
      at(now - 30 * DAY, 3),
      at(now - 29 * DAY, 4),
    ]);
    const point = (ts: number): TelemetryPoint => ({
      ts,
      source: 'plant',
      tag: 'boiler.pressure',
      value: 1,
      quality: 'good',
    });
    // More old points than one delete statement takes, to walk the chunked path.
    const oldPoints = Array.from({ length: 25_000 }, (_, i) => point(now - 8 * DAY - i));
    await store.insertTelemetry([...oldPoints, point(now - 6 * DAY)]);
    const alert = (id: string, ts: number): Alert => ({
      id,
      '@timestamp': new Date(ts).toISOString(),
      rule: { id: 'r', name: 'r' },
      severity: 'low',
      techniques: [],
      action: 'alert',
      blocked: false,
      message: 'm',
      eventIds: [],
    });
    await store.insertAlerts([alert('old', now - 366 * DAY), alert('kept', now - 364 * DAY)]);
    const ancient = now - 1_000 * DAY;
    await store.db
      .insertInto('incidents')
      .values({
        id: 'i1',
        opened_at: ancient,
        updated_at: ancient,
        state: 'closed',
        severity: 'high',
        type: 'fci',
        title: 't',
        doc: '{}',
      })
      .execute();
    await store.db
      .insertInto('playbook_runs')
      .values({
        id: 'r1',
        playbook_id: 'p',
        incident_id: 'i1',
        state: 'done',
        started_at: ancient,
        updated_at: ancient,
        doc: '{}',
      })
      .execute();
    await store.db
      .insertInto('audit')
      .values([
        {
          ts: ancient,
          actor: 'admin',
          action: 'login',
          subject: null,
          doc: '{}',
          prev_hash: null,
          hash: 'h1',
        },
        {
          ts: ancient,
          actor: 'admin',
          action: 'approve',
          subject: 'r1',
          doc: '{}',
          prev_hash: 'h1',
          hash: 'h2',
        },
      ])
      .execute();

    const report = await store.prune();
    expect(report).toMatchObject({ events: 2, telemetry: 25_000, alerts: 1 });
    expect(report.before.events).toBe(now - 30 * DAY);
    const eventIds = await store.db.selectFrom('events').select('id').orderBy('id').execute();
    expect(eventIds.map((r) => r.id)).toEqual([icsEvent(3).event.id, icsEvent(4).event.id]);
    expect(await store.db.selectFrom('alerts').select('id').execute()).toEqual([{ id: 'kept' }]);
    expect(await store.db.selectFrom('telemetry').select('ts').execute()).toEqual([
      { ts: now - 6 * DAY },
    ]);
    expect(await store.db.selectFrom('incidents').select('id').execute()).toHaveLength(1);
    expect(await store.db.selectFrom('playbook_runs').select('id').execute()).toHaveLength(1);
    const audit = await store.db
      .selectFrom('audit')
      .select(['seq', 'hash'])
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { seq: 1, hash: 'h1' },
      { seq: 2, hash: 'h2' },
    ]);

    // Settings given to prune() win over the store's; a bad duration names itself.
    expect((await store.prune({ events: '1d' })).events).toBe(2);
    await expect(store.prune({ events: 'a month' })).rejects.toSatisfy((e) =>
      isOtsafeError(e, 'OTS_BAD_DURATION'),
    );
  });
}
