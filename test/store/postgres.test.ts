// The store on a real PostgreSQL 15: the shared suite, the same schema as SQLite, the COPY path
// against the server's own parser, and the failures only PostgreSQL raises.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OtsafeEvent, TelemetryPoint } from '../../src/core/index.js';
import { openStore, telemetryFromRow, type Store } from '../../src/store/index.js';
import { icsEvent, icsEvents } from '../helpers/events.js';
import { capturingLogger } from '../helpers/logger.js';
import { peer } from '../helpers/peers.js';
import { postgresAvailability, startPostgres, type PostgresCluster } from '../helpers/postgres.js';
import { schemaOf, storeSuite } from './suites.js';

const availability = postgresAvailability();
const runs = peer('postgresql', availability.available, availability.reason);

describe.skipIf(!runs)('store on PostgreSQL', () => {
  let cluster: PostgresCluster | undefined;
  const opened: Store[] = [];

  beforeAll(async () => {
    cluster = await startPostgres();
  });
  afterAll(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
    await cluster?.stop();
  });

  const freshUrl = (): Promise<string> => {
    if (!cluster) throw new Error('the PostgreSQL cluster did not start');
    return cluster.createDatabase();
  };
  const open = async (logger = capturingLogger()): Promise<Store> => {
    const store = await openStore({ engine: 'postgres', url: await freshUrl() }, { logger });
    opened.push(store);
    return store;
  };

  describe('shared behaviour', () => {
    storeSuite(() => ({
      engine: 'postgres',
      open: async (options) =>
        openStore(
          // A short connection timeout: the failure test ends the pool under waiting batches.
          { engine: 'postgres', url: await freshUrl(), pool: { connectionTimeoutMillis: 1_000 } },
          options,
        ),
      loadEvents: 50_000,
    }));
  });

  it('has the same tables, columns and nullability as on SQLite', async () => {
    const store = await open();
    const sqlite = await openStore({ engine: 'sqlite', path: ':memory:' });
    expect(await schemaOf(store)).toEqual(await schemaOf(sqlite));
    await sqlite.close();
  });

  it('uses jsonb, bigint and double precision where SQLite has text, integer and real', async () => {
    const store = await open();
    const tables = await store.db.introspection.getTables();
    const type = (table: string, column: string) =>
      tables.find((t) => t.name === table)?.columns.find((c) => c.name === column)?.dataType;
    expect(type('events', 'doc')).toBe('jsonb');
    expect(type('events', 'ts')).toBe('int8');
    expect(type('telemetry', 'value_num')).toBe('float8');
    expect(type('audit', 'seq')).toBe('int8');
  });

  it("reads int8 as numbers on the store's pool, leaving pg's global parsers alone", async () => {
    const store = await open();
    const { rows } = await sql<{ n: unknown }>`select 9007199254740991::int8 as n`.execute(
      store.db,
    );
    expect(rows[0]?.n).toBe(Number.MAX_SAFE_INTEGER);
    const globalInt8 = pg.types.getTypeParser(pg.types.builtins.INT8) as (text: string) => unknown;
    expect(globalInt8('5')).toBe('5');
  });

  it('lets two processes migrate one database at once', async () => {
    const url = await freshUrl();
    const both = await Promise.all([
      openStore({ engine: 'postgres', url }),
      openStore({ engine: 'postgres', url }),
    ]);
    opened.push(...both);
    expect(await schemaOf(both[0])).toEqual(await schemaOf(both[1]));
  });

  it('takes any text through COPY and reads it back unchanged (property)', async () => {
    const store = await open();
    const special = fc.constantFrom('\t', '\n', '\r', '\\', 'N', '.', '"', '\u2028', 'ü', '🚀');
    const text = fc.string({
      unit: fc.oneof(special, fc.string({ unit: 'grapheme', maxLength: 1 })),
    });
    let ts = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 20 }),
        async (cells) => {
          const points: TelemetryPoint[] = cells.map(([source, tag, value]) => ({
            ts: ++ts,
            source,
            tag: `t${tag}`,
            value,
            quality: 'good',
            unit: source,
          }));
          await store.insertTelemetry(points);
          const back = await store.db
            .selectFrom('telemetry')
            .selectAll()
            .where('ts', '>=', points[0]!.ts)
            .orderBy('ts')
            .execute();
          expect(back.map(telemetryFromRow)).toEqual(points);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('drops only the row the server refuses, and logs it', async () => {
    const logger = capturingLogger();
    const store = await open(logger);
    // A lone surrogate is fine for JSON.stringify, and refused by jsonb (SQLSTATE 22P02).
    const poison: OtsafeEvent = { ...icsEvent(13), message: 'half a pair \ud800' };
    const events = icsEvents(200).map((e, i) => (i === 13 ? poison : e));
    const writer = store.eventWriter({ maxRows: 200 });
    for (const e of events) await writer.write(e);
    await writer.close();
    expect(writer.stats()).toMatchObject({ written: 199, dropped: 1, failed: 1 });
    const [error] = logger.at('error');
    expect(error?.fields.first).toBe(`event ${poison.event.id}`);
    expect(String(error?.fields.err)).toMatch(/^22/);
  });

  it('skips an event delivered twice instead of failing its COPY batch', async () => {
    const store = await open();
    await store.insertEvents([icsEvent(5)]);
    const writer = store.eventWriter({ maxRows: 100 });
    for (const e of icsEvents(100)) await writer.write(e);
    await writer.close();
    expect(writer.stats()).toMatchObject({ written: 99, duplicates: 1, dropped: 0 });
  });

  it('stops a throwaway cluster without leaving a process or a file behind', async () => {
    const second = await startPostgres();
    const pid = Number(
      readFileSync(join(second.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    expect(running(pid)).toBe(true);
    await second.stop();
    await second.stop();
    expect(running(pid)).toBe(false);
    expect(existsSync(second.dir)).toBe(false);
  });
});

/** Whether a process runs; a zombie waiting for init to reap it does not count. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
