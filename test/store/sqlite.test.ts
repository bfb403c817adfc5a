// The store on SQLite: the shared suite in memory, plus what only a file shows (WAL, reopening)
// and the errors of opening a store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { isOtsafeError } from '../../src/core/index.js';
import { openStore } from '../../src/store/index.js';
import { capturingLogger } from '../helpers/logger.js';
import { storeSuite } from './suites.js';

const dir = mkdtempSync(join(tmpdir(), 'otsafe-store-test-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('store on SQLite (in memory)', () => {
  storeSuite(() => ({
    engine: 'sqlite',
    open: (options) => openStore({ engine: 'sqlite', path: ':memory:' }, options),
    loadEvents: 200_000,
  }));
});

describe('store on SQLite (file)', () => {
  it('uses WAL and synchronous=NORMAL', async () => {
    const store = await openStore({ engine: 'sqlite', path: join(dir, 'wal.db') });
    const pragma = async (name: string) =>
      (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(store.db)).rows[0];
    expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
    // 1 is NORMAL.
    expect(await pragma('synchronous')).toEqual({ synchronous: 1 });
    await store.close();
  });

  it('migrates once: reopening applies nothing and keeps the data', async () => {
    const path = join(dir, 'reopen.db');
    const logger = capturingLogger();
    const first = await openStore({ engine: 'sqlite', path }, { logger });
    await first.insertEvents([
      { '@timestamp': '2026-01-01T00:00:00Z', event: { id: 'a', kind: 'event', dataset: 'x' } },
    ]);
    await first.close();
    const second = await openStore({ engine: 'sqlite', path }, { logger });
    expect(logger.records.filter((r) => r.message === 'store migrated')).toHaveLength(1);
    expect(logger.records.find((r) => r.message === 'store migrated')?.fields.applied).toEqual([
      '0001_initial',
    ]);
    expect(await second.db.selectFrom('events').select('id').execute()).toEqual([{ id: 'a' }]);
    await second.close();
  });

  it('creates the documented indexes', async () => {
    const path = join(dir, 'indexes.db');
    await (await openStore({ engine: 'sqlite', path })).close();
    const db = new SqliteDatabase(path, { readonly: true });
    const names = db
      .prepare(
        "select name from sqlite_master where type = 'index' and sql is not null order by name",
      )
      .pluck()
      .all();
    db.close();
    expect(names).toEqual([
      'alerts_incident_id',
      'alerts_rule_id_ts',
      'alerts_ts',
      'audit_ts',
      'events_dst_ip_ts',
      'events_src_ip_ts',
      'events_ts',
      'incidents_opened_at',
      'incidents_state',
      'playbook_runs_incident_id',
      'playbook_runs_started_at',
      'telemetry_tag_ts',
      'telemetry_ts',
    ]);
  });
});

describe('opening a store', () => {
  it('fails with OTS_STORE_OPEN when the SQLite file cannot be created', async () => {
    const path = join(dir, 'missing', 'folder', 'otsafe.db');
    await expect(openStore({ engine: 'sqlite', path })).rejects.toSatisfy(
      (e) => isOtsafeError(e, 'OTS_STORE_OPEN') && e.details.path === path,
    );
  });

  it('fails with OTS_STORE_MIGRATION when the schema cannot be brought up', async () => {
    const path = join(dir, 'clash.db');
    const db = new SqliteDatabase(path);
    db.exec('create table events (something text)');
    db.close();
    await expect(openStore({ engine: 'sqlite', path })).rejects.toSatisfy(
      (e) => isOtsafeError(e, 'OTS_STORE_MIGRATION') && /0001_initial/.test(e.message),
    );
  });

  it('fails with OTS_STORE_OPEN when PostgreSQL cannot be reached, naming the host but no password', async () => {
    const failure = await openStore({
      engine: 'postgres',
      url: 'postgres://otsafe:secret@127.0.0.1:1/otsafe',
      pool: { connectionTimeoutMillis: 2_000 },
    }).catch((e: unknown) => e);
    expect(isOtsafeError(failure, 'OTS_STORE_OPEN')).toBe(true);
    expect(JSON.stringify(failure)).not.toContain('secret');
    expect(isOtsafeError(failure) && failure.details.host).toBe('127.0.0.1:1');
  });
});
