// The store's schema history, in code: one list of migrations that runs on SQLite and on
// PostgreSQL alike, each engine getting its own column types.
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { OtsafeError, type Logger } from '../core/index.js';
import type { Engine } from './schema.js';

/** Column types per engine: the schema is the same, the words for it differ. */
function columnTypes(engine: Engine) {
  return engine === 'postgres'
    ? ({
        // jsonb: queryable (->, @>, GIN indexes later) and checked as JSON on the way in.
        json: 'jsonb',
        // ms since the epoch outgrow 32 bits; the pool reads int8 back as a JS number.
        ms: 'bigint',
        // real would be 4 bytes on PostgreSQL and round process values; SQLite's REAL is 8.
        float: 'double precision',
        seq: 'bigint',
      } as const)
    : ({ json: 'text', ms: 'integer', float: 'real', seq: 'integer' } as const);
}

const SEVERITY_CHECK = sql`severity in ('low', 'medium', 'high', 'critical')`;

/**
 * Indexes, and why each one earns its insert cost (every index is another B-tree to update per
 * row, and events arrive by the thousand per second):
 * - events(ts), telemetry(ts), alerts(ts): time-range reads and the retention prune;
 * - events(src_ip, ts), events(dst_ip, ts): "what did this workstation send, what reached this
 *   PLC", the first question of every investigation; without them it is a full scan;
 * - telemetry(tag, ts): a trend chart reads one tag over a window;
 * - alerts(rule_id, ts), alerts(incident_id): the rule view and the incident's evidence.
 * Nothing indexes event.kind or dataset: few distinct values, so the ts index plus a filter serves.
 */
function initial(engine: Engine): Migration {
  // Every id column says NOT NULL: SQLite, unlike PostgreSQL, lets a text primary key be NULL.
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('ts', t.ms, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('dataset', 'text')
        .addColumn('src_ip', 'text')
        .addColumn('src_port', 'integer')
        .addColumn('dst_ip', 'text')
        .addColumn('dst_port', 'integer')
        .addColumn('protocol', 'text')
        .addColumn('severity', 'integer')
        .addColumn('doc', t.json, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_ts').on('events').column('ts').execute();
      await db.schema
        .createIndex('events_src_ip_ts')
        .on('events')
        .columns(['src_ip', 'ts'])
        .execute();
      await db.schema
        .createIndex('events_dst_ip_ts')
        .on('events')
        .columns(['dst_ip', 'ts'])
        .execute();

      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('ts', t.ms, (c) => c.notNull())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('src_ip', 'text')
        .addColumn('dst_ip', 'text')
        .addColumn('incident_id', 'text')
        .addColumn('doc', t.json, (c) => c.notNull())
        .addCheckConstraint('alerts_severity', SEVERITY_CHECK)
        .execute();
      await db.schema.createIndex('alerts_ts').on('alerts').column('ts').execute();
      await db.schema
        .createIndex('alerts_rule_id_ts')
        .on('alerts')
        .columns(['rule_id', 'ts'])
        .execute();
      await db.schema
        .createIndex('alerts_incident_id')
        .on('alerts')
        .column('incident_id')
        .execute();

      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('opened_at', t.ms, (c) => c.notNull())
        .addColumn('updated_at', t.ms, (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('doc', t.json, (c) => c.notNull())
        .addCheckConstraint('incidents_severity', SEVERITY_CHECK)
        .execute();
      await db.schema
        .createIndex('incidents_opened_at')
        .on('incidents')
        .column('opened_at')
        .execute();
      await db.schema.createIndex('incidents_state').on('incidents').column('state').execute();

      await db.schema
        .createTable('playbook_runs')
        .addColumn('id', 'text', (c) => c.primaryKey().notNull())
        .addColumn('playbook_id', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('started_at', t.ms, (c) => c.notNull())
        .addColumn('updated_at', t.ms, (c) => c.notNull())
        .addColumn('doc', t.json, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('playbook_runs_incident_id')
        .on('playbook_runs')
        .column('incident_id')
        .execute();
      await db.schema
        .createIndex('playbook_runs_started_at')
        .on('playbook_runs')
        .column('started_at')
        .execute();

      // No key: points are never addressed one by one, and a key would be one more B-tree.
      await db.schema
        .createTable('telemetry')
        .addColumn('ts', t.ms, (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('tag', 'text', (c) => c.notNull())
        .addColumn('value_num', t.float)
        .addColumn('value_text', 'text')
        .addColumn('quality', 'text', (c) => c.notNull())
        .addColumn('unit', 'text')
        .addCheckConstraint('telemetry_quality', sql`quality in ('good', 'uncertain', 'bad')`)
        .execute();
      await db.schema
        .createIndex('telemetry_tag_ts')
        .on('telemetry')
        .columns(['tag', 'ts'])
        .execute();
      await db.schema.createIndex('telemetry_ts').on('telemetry').column('ts').execute();

      await db.schema
        .createTable('audit')
        .addColumn('seq', t.seq, (c) =>
          // The database numbers records; PostgreSQL also refuses a seq chosen by the caller.
          engine === 'postgres'
            ? c.primaryKey().notNull().generatedAlwaysAsIdentity()
            : c.primaryKey().notNull().autoIncrement(),
        )
        .addColumn('ts', t.ms, (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('doc', t.json, (c) => c.notNull())
        .addColumn('prev_hash', 'text')
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_ts').on('audit').column('ts').execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'audit',
        'telemetry',
        'playbook_runs',
        'incidents',
        'alerts',
        'events',
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}

/** Every migration, by name; names sort in the order they apply. */
export function storeMigrations(engine: Engine): Record<string, Migration> {
  return { '0001_initial': initial(engine) };
}

/** Kysely's provider over the in-code list: no migration files to ship or to lose. */
export function migrationProvider(engine: Engine): MigrationProvider {
  return { getMigrations: () => Promise.resolve(storeMigrations(engine)) };
}

/**
 * Brings the schema to the latest migration and returns the names applied now. Kysely runs the
 * pending ones in one transaction on both engines (transactional DDL) and holds a lock, so two
 * processes opening one PostgreSQL database do not race.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  engine: Engine,
  logger: Logger,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider(engine) });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error !== undefined) {
    throw new OtsafeError(
      'OTS_STORE_MIGRATION',
      `store migration ${failed?.migrationName ?? '(setup)'} failed on ${engine}: ${describe(error)}`,
      { cause: error, details: { engine, migration: failed?.migrationName } },
    );
  }
  const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (applied.length > 0) logger.info({ engine, applied }, 'store migrated');
  return applied;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
