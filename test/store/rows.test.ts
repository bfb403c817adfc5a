// How events, alerts and telemetry points become rows: the queried columns, what is refused with
// which code, and what is kept in the JSON doc only.
import { describe, expect, it } from 'vitest';
import {
  isOtsafeError,
  type Alert,
  type OtsafeEvent,
  type TelemetryPoint,
} from '../../src/core/index.js';
import {
  ALERTS,
  alertToRow,
  EVENTS,
  eventToRow,
  TELEMETRY,
  telemetryFromRow,
  telemetryToRow,
  type Row,
  type TelemetryRow,
} from '../../src/store/index.js';
import { icsEvent } from '../helpers/events.js';

const asRecord = (columns: readonly string[], row: Row): Record<string, unknown> =>
  Object.fromEntries(columns.map((c, i) => [c, row[i]]));

function refusal(fn: () => unknown): { code: string; field: unknown } {
  try {
    fn();
  } catch (error) {
    if (isOtsafeError(error)) return { code: error.code, field: error.details.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('event rows', () => {
  it('fills the queried columns and keeps the whole event as JSON', () => {
    const event = icsEvent(4);
    const row = asRecord(EVENTS.columns, eventToRow(event));
    expect(row).toEqual({
      id: event.event.id,
      ts: Date.parse(event['@timestamp']),
      kind: 'event',
      dataset: 'ics.transaction',
      src_ip: event.source?.ip,
      src_port: event.source?.port,
      dst_ip: event.destination?.ip,
      dst_port: 502,
      protocol: 'modbus',
      severity: 21,
      doc: JSON.stringify(event),
    });
  });

  it('takes the protocol from network.protocol when there is no ics group', () => {
    const event: OtsafeEvent = {
      '@timestamp': '2026-01-01T00:00:00Z',
      event: { id: '01J0000000000000000000000A', kind: 'event', dataset: 'honeypot.connection' },
      network: { protocol: 'http' },
    };
    expect(asRecord(EVENTS.columns, eventToRow(event))).toMatchObject({
      protocol: 'http',
      src_ip: null,
      src_port: null,
      severity: null,
    });
  });

  it('keeps out of the columns what they cannot hold, and in the doc', () => {
    const event = {
      '@timestamp': '2026-01-01T00:00:00Z',
      event: { id: 'x', kind: 'event', dataset: 'ics.malformed', severity: 47.5 },
      source: { ip: 42, port: 70_000 },
      destination: { ip: '10.0.0.1', port: '502' },
    } as unknown as OtsafeEvent;
    const row = asRecord(EVENTS.columns, eventToRow(event));
    expect(row).toMatchObject({ src_ip: null, src_port: null, dst_port: null, severity: null });
    expect(JSON.parse(row.doc as string)).toEqual(event);
  });

  it.each([
    ['not an object', null, 'not an object'],
    [
      'no event.id',
      { '@timestamp': '2026-01-01T00:00:00Z', event: { kind: 'event' } },
      'event.id is missing',
    ],
    [
      'an empty event.id',
      { '@timestamp': '2026-01-01T00:00:00Z', event: { id: '', kind: 'event' } },
      'event.id is missing',
    ],
    [
      'no event.kind',
      { '@timestamp': '2026-01-01T00:00:00Z', event: { id: 'x' } },
      'event.kind is missing',
    ],
    ['no @timestamp', { event: { id: 'x', kind: 'event' } }, '@timestamp is missing or not a date'],
    [
      'a @timestamp that is no date',
      { '@timestamp': 'soon', event: { id: 'x', kind: 'event' } },
      '@timestamp is missing or not a date',
    ],
    [
      'a numeric @timestamp',
      { '@timestamp': 1767225600000, event: { id: 'x', kind: 'event' } },
      '@timestamp is missing or not a date',
    ],
  ])('refuses %s with OTS_STORE_BAD_EVENT', (_name, event, field) => {
    expect(refusal(() => eventToRow(event as unknown as OtsafeEvent))).toEqual({
      code: 'OTS_STORE_BAD_EVENT',
      field,
    });
  });

  it('refuses an event JSON cannot hold', () => {
    const event = { ...icsEvent(1), labels: { n: 1n } } as unknown as OtsafeEvent;
    expect(refusal(() => eventToRow(event)).code).toBe('OTS_STORE_BAD_EVENT');
  });

  it('labels a row by its id for log lines', () => {
    expect(EVENTS.label(eventToRow(icsEvent(1)))).toBe(`event ${icsEvent(1).event.id}`);
  });
});

describe('alert rows', () => {
  const alert: Alert = {
    id: '01J0000000000000000000000B',
    '@timestamp': '2026-01-01T00:00:01Z',
    rule: { id: 'modbus-write-outside-window', name: 'Write outside the maintenance window' },
    severity: 'high',
    techniques: ['T0836'],
    action: 'block',
    blocked: true,
    message: 'write to boiler.setpoint blocked',
    eventIds: ['01J0000000000000000000000A'],
    source: { ip: '10.10.1.21' },
    destination: { ip: '10.20.0.10', port: 502 },
    incidentId: '01J0000000000000000000000C',
  };

  it('fills the columns, blocked as 1 or 0', () => {
    expect(asRecord(ALERTS.columns, alertToRow(alert))).toEqual({
      id: alert.id,
      ts: Date.parse(alert['@timestamp']),
      rule_id: 'modbus-write-outside-window',
      severity: 'high',
      action: 'block',
      blocked: 1,
      src_ip: '10.10.1.21',
      dst_ip: '10.20.0.10',
      incident_id: alert.incidentId,
      doc: JSON.stringify(alert),
    });
    expect(alertToRow({ ...alert, blocked: false })[5]).toBe(0);
  });

  it.each([
    ['no id', { id: '' }],
    ['no rule id', { rule: { name: 'x' } }],
    ['a severity off the scale', { severity: 'severe' }],
    ['an unknown action', { action: 'quarantine' }],
    ['no timestamp', { '@timestamp': '' }],
  ])('refuses %s with OTS_STORE_BAD_RECORD', (_name, change) => {
    const bad = { ...alert, ...change } as unknown as Alert;
    expect(refusal(() => alertToRow(bad)).code).toBe('OTS_STORE_BAD_RECORD');
  });
});

describe('telemetry rows', () => {
  const base: TelemetryPoint = {
    ts: Date.UTC(2026, 0, 1),
    source: 'plant/boiler',
    tag: 'boiler.pressure',
    value: 4.25,
    quality: 'good',
    unit: 'bar',
  };

  const back = (point: TelemetryPoint): TelemetryPoint =>
    telemetryFromRow(asRecord(TELEMETRY.columns, telemetryToRow(point)) as unknown as TelemetryRow);

  it.each<[string, TelemetryPoint['value'], unknown, unknown]>([
    ['a number', 4.25, 4.25, null],
    ['a boolean, in both columns', true, 1, 'true'],
    ['false', false, 0, 'false'],
    ['a string', 'RUN', null, 'RUN'],
  ])('stores %s and reads it back', (_name, value, num, text) => {
    const row = asRecord(TELEMETRY.columns, telemetryToRow({ ...base, value }));
    expect(row).toMatchObject({ value_num: num, value_text: text });
    expect(back({ ...base, value })).toEqual({ ...base, value });
  });

  it('keeps NaN and infinities as text', () => {
    expect(back({ ...base, value: Number.NaN }).value).toBe('NaN');
    expect(back({ ...base, value: Number.NEGATIVE_INFINITY }).value).toBe('-Infinity');
  });

  it('drops a missing unit', () => {
    const { unit: _unit, ...noUnit } = base;
    expect(back(noUnit)).toEqual(noUnit);
  });

  it.each([
    ['no ts', { ts: Number.NaN }],
    ['no tag', { tag: '' }],
    ['an unknown quality', { quality: 'fine' }],
    ['an object value', { value: { a: 1 } }],
  ])('refuses %s with OTS_STORE_BAD_RECORD', (_name, change) => {
    const bad = { ...base, ...change } as unknown as TelemetryPoint;
    expect(refusal(() => telemetryToRow(bad)).code).toBe('OTS_STORE_BAD_RECORD');
  });
});
