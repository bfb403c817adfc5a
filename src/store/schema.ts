// The tables of the store as Kysely sees them: one interface per table, the same on SQLite and
// PostgreSQL (the migrations pick each engine's column types; the values read back agree).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** The database engines the store runs on. */
export const ENGINES = ['sqlite', 'postgres'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * A whole record as JSON text. PostgreSQL keeps it as jsonb (queryable with ->, @>); the store's
 * pool hands jsonb back as text, so both engines return the same string and callers parse it.
 */
export type JsonText = string;

/** Milliseconds since the Unix epoch: bigint on PostgreSQL (read back as a number), integer on SQLite. */
export type EpochMs = number;

/** Everything observed, one row per OtsafeEvent. */
export interface EventsTable {
  /** event.id, a ULID. */
  id: string;
  /** @timestamp in ms. */
  ts: EpochMs;
  /** event.kind */
  kind: string;
  /** event.dataset */
  dataset: string | null;
  src_ip: string | null;
  src_port: number | null;
  dst_ip: string | null;
  dst_port: number | null;
  /** ics.protocol, else network.protocol. */
  protocol: string | null;
  /** event.severity on the ECS 0-100 scale. */
  severity: number | null;
  doc: JsonText;
}

/** Everything detection decided, one row per Alert. */
export interface AlertsTable {
  id: string;
  ts: EpochMs;
  rule_id: string;
  /** low, medium, high or critical. */
  severity: string;
  /** alert or block. */
  action: string;
  /** 1 when the gateway stopped the request, else 0 (an integer on both engines, so queries port). */
  blocked: number;
  src_ip: string | null;
  dst_ip: string | null;
  incident_id: string | null;
  doc: JsonText;
}

export interface IncidentsTable {
  id: string;
  opened_at: EpochMs;
  updated_at: EpochMs;
  state: string;
  severity: string;
  type: string;
  title: string;
  doc: JsonText;
}

export interface PlaybookRunsTable {
  id: string;
  playbook_id: string;
  incident_id: string | null;
  state: string;
  started_at: EpochMs;
  updated_at: EpochMs;
  doc: JsonText;
}

/** Process values. A boolean fills value_num (1/0) for charts and value_text ('true'/'false') to tell it from a number. */
export interface TelemetryTable {
  ts: EpochMs;
  source: string;
  tag: string;
  value_num: number | null;
  value_text: string | null;
  /** good, uncertain or bad. */
  quality: string;
  unit: string | null;
}

/** The tamper-evident trail; the hash chain over it is kept by src/response. */
export interface AuditTable {
  /** Assigned by the database, in insertion order. */
  seq: ColumnType<number, never, never> & Generated<number>;
  ts: EpochMs;
  actor: string;
  action: string;
  subject: string | null;
  doc: JsonText;
  /** The hash of the record before; null for the first record. */
  prev_hash: string | null;
  hash: string;
}

export interface Database {
  events: EventsTable;
  alerts: AlertsTable;
  incidents: IncidentsTable;
  playbook_runs: PlaybookRunsTable;
  telemetry: TelemetryTable;
  audit: AuditTable;
}

export type TableName = keyof Database;

export type EventRow = Selectable<EventsTable>;
export type AlertRow = Selectable<AlertsTable>;
export type TelemetryRow = Selectable<TelemetryTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type PlaybookRunRow = Selectable<PlaybookRunsTable>;
export type AuditRow = Selectable<AuditTable>;
export type NewAuditRow = Insertable<AuditTable>;
