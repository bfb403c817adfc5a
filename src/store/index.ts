// The door of src/store: open a migrated store on SQLite or PostgreSQL, write in batches, prune.
export {
  openStore,
  type InsertReport,
  type OpenStoreOptions,
  type Store,
  type StoreConfig,
  type StoreOptions,
  type WritableTables,
} from './store.js';
export {
  BatchWriter,
  WRITER_OVERFLOW,
  type BatchReport,
  type BatchWriterOptions,
  type WriteOutcome,
  type WriterOverflow,
  type WriterStats,
} from './writer.js';
export {
  DEFAULT_RETENTION,
  resolveRetention,
  type PruneReport,
  type RetentionMs,
  type RetentionSettings,
} from './retention.js';
export {
  ALERTS,
  alertToRow,
  EVENTS,
  eventToRow,
  TELEMETRY,
  telemetryFromRow,
  telemetryToRow,
  type Cell,
  type Row,
  type TableSpec,
} from './rows.js';
export {
  PostgresRowSink,
  SQLITE_ROWS_PER_STATEMENT,
  SqliteRowSink,
  type FailureKind,
  type InsertOutcome,
  type RowSink,
} from './sinks.js';
export {
  copyText,
  encodeCopyRow,
  encodeCopyRows,
  encodeCopyValue,
  postgresJson,
  postgresText,
  type CopyValue,
} from './copy.js';
export { migrateToLatest, migrationProvider, storeMigrations } from './migrations.js';
export * from './schema.js';
