// The event schema that flows through the bus, the detectors and the store. Field names follow
// the Elastic Common Schema (ECS 8.x) where one exists, so a SIEM can ingest an event as it is;
// protocol facts live in the `ics.*` group, which ECS does not define.
import type { Severity } from './severity.js';

/** ECS event.kind: what sort of record this is. */
export const EVENT_KINDS = [
  'event',
  'alert',
  'metric',
  'state',
  'pipeline_error',
  'signal',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * ECS event.dataset values that OTsafe emits. Producers name theirs here so consumers (rules,
 * the store, the dashboard) can rely on the list; the type stays open for plug-ins.
 */
export const DATASETS = {
  /** One request, or a request and its response, seen on the wire by the gateway or the sensor. */
  icsTransaction: 'ics.transaction',
  /** Bytes that did not parse: hostile or broken input, never silently dropped. */
  icsMalformed: 'ics.malformed',
  /** A connection to, or an interaction with, an emulated PLC of the honeypot. */
  honeypotConnection: 'honeypot.connection',
  honeypotInteraction: 'honeypot.interaction',
  /** A process value from the plant or a connector. */
  telemetry: 'telemetry.point',
  /** An alert raised by detection. */
  alert: 'otsafe.alert',
  /** Something the platform itself did: start, stop, a dropped batch. */
  platform: 'otsafe.platform',
} as const;
export type KnownDataset = (typeof DATASETS)[keyof typeof DATASETS];

/** Protocols whose facts fill the ics.* group. */
export const ICS_PROTOCOLS = ['modbus', 's7comm', 'dnp3', 'enip', 'opcua', 'mqtt', 'http'] as const;
export type IcsProtocol = (typeof ICS_PROTOCOLS)[number];

/** ECS source.* / destination.*: one end of a flow. */
export interface Endpoint {
  ip?: string;
  port?: number;
  mac?: string;
  /** The asset's name in the model, when known (for example `boiler-plc`). */
  domain?: string;
}

/** ECS event.* */
export interface EventMeta {
  /** A ULID: unique, and sortable by creation time. */
  id: string;
  kind: EventKind;
  dataset: KnownDataset | (string & {});
  /** ECS event.module: the OTsafe component that produced it (gateway, sensor, honeypot, ...). */
  module?: string;
  category?: string[];
  type?: string[];
  /** What happened, in a word or two: `modbus.write_single_coil`, `connection.open`. */
  action?: string;
  outcome?: 'success' | 'failure' | 'unknown';
  /** ECS numeric severity; see severity.ts for the scale and its four anchors. */
  severity?: number;
  /** When the producer created the record, if later than @timestamp. */
  created?: string;
  /** How long the thing observed took, in nanoseconds as ECS says. */
  duration?: number;
}

/** Protocol facts: what was asked of a controller and what it answered. */
export interface IcsFields {
  protocol: IcsProtocol;
  /** request, response, or both in one transaction record. */
  direction?: 'request' | 'response' | 'transaction';
  /** Modbus unit id, DNP3 destination address, S7 rack/slot as `r/s`. */
  unit?: number | string;
  /** The function's name in the protocol's own words: `write_single_register`, `szl_read`. */
  function?: string;
  function_code?: number;
  sub_function?: number;
  /** Category used by rules: read, write, diagnostic, programming, identification, other. */
  function_category?: 'read' | 'write' | 'diagnostic' | 'programming' | 'identification' | 'other';
  transaction_id?: number;
  /** The register, coil, object or address area touched. */
  address?: number;
  area?: string;
  quantity?: number;
  values?: (number | boolean)[];
  /** The model's tag name for the address, when the address maps to one. */
  tag?: string;
  exception?: string;
  exception_code?: number;
  /** What the inline gateway did with the request. */
  decision?: 'allow' | 'block' | 'monitor';
  /** For malformed input: the codec's error code and the byte offset it stopped at. */
  error_code?: string;
  error_offset?: number;
}

/** One event, ECS-shaped. Only @timestamp and event are required. */
export interface OtsafeEvent {
  '@timestamp': string;
  event: EventMeta;
  message?: string;
  source?: Endpoint;
  destination?: Endpoint;
  network?: {
    transport?: 'tcp' | 'udp';
    /** The application protocol, as ECS names it (modbus, s7comm, ...). */
    protocol?: string;
    community_id?: string;
    bytes?: number;
  };
  observer?: { name?: string; type?: string; hostname?: string };
  ics?: IcsFields;
  rule?: RuleRef;
  threat?: Threat;
  /** Extra string facts for search, kept small. */
  labels?: Record<string, string>;
  tags?: string[];
}

/** ECS rule.* */
export interface RuleRef {
  id: string;
  name: string;
  ruleset?: string;
  version?: string;
  reference?: string;
}

/** ECS threat.*: the ATT&CK for ICS techniques an alert maps to. */
export interface Threat {
  framework: 'MITRE ATT&CK for ICS';
  technique: { id: string[]; name?: string[] };
  tactic?: { id?: string[]; name?: string[] };
}

/** A decision of detection: which rule fired on which events, and what was done. */
export interface Alert {
  id: string;
  '@timestamp': string;
  rule: RuleRef;
  severity: Severity;
  /** ATT&CK for ICS technique ids, such as T0836 (Modify Parameter). */
  techniques: string[];
  action: 'alert' | 'block';
  /** True when the gateway stopped the request from reaching the controller. */
  blocked: boolean;
  message: string;
  /** The events that made the rule fire, by event.id. */
  eventIds: string[];
  source?: Endpoint;
  destination?: Endpoint;
  ics?: IcsFields;
  /** Set once response has correlated the alert into an incident. */
  incidentId?: string;
}

/** A process value at an instant, from the plant simulator or a connector. */
export interface TelemetryPoint {
  /** Milliseconds since the Unix epoch. */
  ts: number;
  /** Where the value came from: `plant/boiler`, `opcua://host:4840`, `mqtt://broker`. */
  source: string;
  /** The tag's name in the model, or the source's own address for it. */
  tag: string;
  value: number | boolean | string;
  quality: 'good' | 'uncertain' | 'bad';
  unit?: string;
}

/** The ECS view of an alert, for exporters and SIEMs that take events only. */
export function alertToEvent(alert: Alert, severityScore: number): OtsafeEvent {
  const event: OtsafeEvent = {
    '@timestamp': alert['@timestamp'],
    event: {
      id: alert.id,
      kind: 'alert',
      dataset: DATASETS.alert,
      module: 'detection',
      category: ['intrusion_detection'],
      type: [alert.blocked ? 'denied' : 'info'],
      severity: severityScore,
    },
    message: alert.message,
    rule: alert.rule,
    threat: { framework: 'MITRE ATT&CK for ICS', technique: { id: alert.techniques } },
  };
  if (alert.source) event.source = alert.source;
  if (alert.destination) event.destination = alert.destination;
  if (alert.ics) event.ics = alert.ics;
  return event;
}
