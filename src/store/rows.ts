// Turns events, alerts and telemetry points into table rows (an array of cell values in column
// order), checking on the way the fields the store indexes; both engines' fast paths take these.
import {
  isSeverity,
  OtsafeError,
  type Alert,
  type ErrorCode,
  type OtsafeEvent,
  type TelemetryPoint,
} from '../core/index.js';
import type { TelemetryRow } from './schema.js';

/** One cell: text, a number, or SQL NULL. */
export type Cell = string | number | null;
export type Row = Cell[];

/** The tables with a bulk path, and how a record becomes one of their rows. */
export interface TableSpec<R> {
  readonly table: 'events' | 'alerts' | 'telemetry';
  readonly columns: readonly string[];
  /** The column duplicates are recognised by: a record seen twice is stored once. */
  readonly key?: string;
  /** Columns holding JSON text, which PostgreSQL checks more strictly than JSON.parse does. */
  readonly jsonColumns: readonly number[];
  /** Validates and converts; throws an OtsafeError naming the bad field. */
  toRow(record: R): Row;
  /** Names a row in a log line (its id, or tag and time). */
  label(row: Row): string;
}

function reject(code: ErrorCode, what: string, field: string, id?: unknown): never {
  const known = typeof id === 'string' && id !== '' ? ` (id ${id})` : '';
  throw new OtsafeError(code, `${what} rejected by the store${known}: ${field}`, {
    details: typeof id === 'string' ? { field, id } : { field },
  });
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Port columns take 0-65535 only; anything else stays in the JSON doc but not in the column. */
function port(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65_535
    ? value
    : null;
}

/** An integer column gets an integer or NULL: PostgreSQL refuses 47.5 in an integer column. */
function integer(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) < 2 ** 31
    ? value
    : null;
}

function timestamp(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

function stringify(record: unknown, code: ErrorCode, what: string, id: unknown): string {
  try {
    const json = JSON.stringify(record) as string | undefined;
    if (typeof json === 'string') return json;
  } catch (cause) {
    // BigInt values and cycles land here; the record cannot be kept as JSON.
    const message = cause instanceof Error ? cause.message : String(cause);
    return reject(code, what, `not serialisable as JSON (${message})`, id);
  }
  return reject(code, what, 'not serialisable as JSON', id);
}

const EVENT_COLUMNS = [
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
] as const;

/** An event as a row of `events`; throws OTS_STORE_BAD_EVENT without id, @timestamp or kind. */
export function eventToRow(event: OtsafeEvent): Row {
  // Producers are typed, but events also come off the wire (NATS) and from plug-ins: check.
  const untrusted = event as Partial<OtsafeEvent> | null | undefined;
  if (typeof untrusted !== 'object' || untrusted === null) {
    return reject('OTS_STORE_BAD_EVENT', 'event', 'not an object');
  }
  const meta = untrusted.event as Partial<OtsafeEvent['event']> | undefined;
  const id = meta?.id;
  if (typeof id !== 'string' || id === '') {
    return reject('OTS_STORE_BAD_EVENT', 'event', 'event.id is missing');
  }
  const kind: unknown = meta?.kind;
  if (typeof kind !== 'string' || kind === '') {
    return reject('OTS_STORE_BAD_EVENT', 'event', 'event.kind is missing', id);
  }
  const ts = timestamp(untrusted['@timestamp']);
  if (!Number.isFinite(ts)) {
    return reject('OTS_STORE_BAD_EVENT', 'event', '@timestamp is missing or not a date', id);
  }
  const doc = stringify(event, 'OTS_STORE_BAD_EVENT', 'event', id);
  const source = untrusted.source;
  const destination = untrusted.destination;
  return [
    id,
    ts,
    kind,
    text(meta?.dataset),
    text(source?.ip),
    port(source?.port),
    text(destination?.ip),
    port(destination?.port),
    text(untrusted.ics?.protocol) ?? text(untrusted.network?.protocol),
    integer(meta?.severity),
    doc,
  ];
}

export const EVENTS: TableSpec<OtsafeEvent> = {
  table: 'events',
  columns: EVENT_COLUMNS,
  key: 'id',
  jsonColumns: [EVENT_COLUMNS.indexOf('doc')],
  toRow: eventToRow,
  label: (row) => `event ${String(row[0])}`,
};

const ALERT_COLUMNS = [
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
] as const;

/** An alert as a row of `alerts`; throws OTS_STORE_BAD_RECORD when an indexed field is wrong. */
export function alertToRow(alert: Alert): Row {
  const untrusted = alert as Partial<Alert> | null | undefined;
  if (typeof untrusted !== 'object' || untrusted === null) {
    return reject('OTS_STORE_BAD_RECORD', 'alert', 'not an object');
  }
  const id = untrusted.id;
  if (typeof id !== 'string' || id === '') {
    return reject('OTS_STORE_BAD_RECORD', 'alert', 'id is missing');
  }
  const ts = timestamp(untrusted['@timestamp']);
  if (!Number.isFinite(ts)) {
    return reject('OTS_STORE_BAD_RECORD', 'alert', '@timestamp is missing or not a date', id);
  }
  const ruleId = (untrusted.rule as Partial<Alert['rule']> | undefined)?.id;
  if (typeof ruleId !== 'string' || ruleId === '') {
    return reject('OTS_STORE_BAD_RECORD', 'alert', 'rule.id is missing', id);
  }
  if (!isSeverity(untrusted.severity)) {
    return reject('OTS_STORE_BAD_RECORD', 'alert', 'severity is not low..critical', id);
  }
  if (untrusted.action !== 'alert' && untrusted.action !== 'block') {
    return reject('OTS_STORE_BAD_RECORD', 'alert', 'action is not alert or block', id);
  }
  return [
    id,
    ts,
    ruleId,
    untrusted.severity,
    untrusted.action,
    untrusted.blocked === true ? 1 : 0,
    text(untrusted.source?.ip),
    text(untrusted.destination?.ip),
    text(untrusted.incidentId),
    stringify(alert, 'OTS_STORE_BAD_RECORD', 'alert', id),
  ];
}

export const ALERTS: TableSpec<Alert> = {
  table: 'alerts',
  columns: ALERT_COLUMNS,
  key: 'id',
  jsonColumns: [ALERT_COLUMNS.indexOf('doc')],
  toRow: alertToRow,
  label: (row) => `alert ${String(row[0])}`,
};

const TELEMETRY_COLUMNS = [
  'ts',
  'source',
  'tag',
  'value_num',
  'value_text',
  'quality',
  'unit',
] as const;
const QUALITIES: readonly unknown[] = ['good', 'uncertain', 'bad'];

/** A process value as a row of `telemetry`; throws OTS_STORE_BAD_RECORD when a field is wrong. */
export function telemetryToRow(point: TelemetryPoint): Row {
  const untrusted = point as Partial<TelemetryPoint> | null | undefined;
  if (typeof untrusted !== 'object' || untrusted === null) {
    return reject('OTS_STORE_BAD_RECORD', 'telemetry point', 'not an object');
  }
  const { ts, source, tag, value, quality } = untrusted;
  if (typeof ts !== 'number' || !Number.isFinite(ts)) {
    return reject('OTS_STORE_BAD_RECORD', 'telemetry point', 'ts is not a number of ms');
  }
  if (typeof source !== 'string' || typeof tag !== 'string' || tag === '') {
    return reject('OTS_STORE_BAD_RECORD', 'telemetry point', 'source or tag is missing');
  }
  if (!QUALITIES.includes(quality)) {
    return reject('OTS_STORE_BAD_RECORD', 'telemetry point', 'quality is not good/uncertain/bad');
  }
  let valueNum: number | null = null;
  let valueText: string | null = null;
  if (typeof value === 'number') {
    // NaN and infinities have no portable column value (SQLite stores NaN as NULL): they are
    // kept as their text, and read back as text.
    if (Number.isFinite(value)) valueNum = value;
    else valueText = String(value);
  } else if (typeof value === 'boolean') {
    valueNum = value ? 1 : 0;
    valueText = String(value);
  } else if (typeof value === 'string') {
    valueText = value;
  } else {
    return reject('OTS_STORE_BAD_RECORD', 'telemetry point', 'value is not number/boolean/string');
  }
  return [
    Math.round(ts),
    source,
    tag,
    valueNum,
    valueText,
    quality as string,
    text(untrusted.unit),
  ];
}

export const TELEMETRY: TableSpec<TelemetryPoint> = {
  table: 'telemetry',
  columns: TELEMETRY_COLUMNS,
  jsonColumns: [],
  toRow: telemetryToRow,
  label: (row) => `telemetry ${String(row[2])}@${String(row[0])}`,
};

/** Reads a telemetry row back as the point that was stored (NaN and infinities as text). */
export function telemetryFromRow(row: TelemetryRow): TelemetryPoint {
  let value: TelemetryPoint['value'];
  if (row.value_num !== null && (row.value_text === 'true' || row.value_text === 'false')) {
    value = row.value_text === 'true';
  } else if (row.value_num !== null) {
    value = row.value_num;
  } else {
    value = row.value_text ?? '';
  }
  const point: TelemetryPoint = {
    ts: row.ts,
    source: row.source,
    tag: row.tag,
    value,
    quality: row.quality as TelemetryPoint['quality'],
  };
  if (row.unit !== null) point.unit = row.unit;
  return point;
}
