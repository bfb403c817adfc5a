// Realistic ECS events for tests and benchmarks: Modbus/TCP transactions between engineering
// workstations, HMIs and PLCs as the gateway records them, about 400 bytes of JSON each.
import { DATASETS, SEVERITY_ECS, type OtsafeEvent } from '../../src/core/index.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID made of a time and a counter: unique, sorted, and the same on every run. */
export function sequentialUlid(ms: number, counter: number): string {
  let time = '';
  for (let t = ms, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32]! + time;
  let rest = '';
  for (let c = counter, i = 0; i < 16; i++, c = Math.floor(c / 32))
    rest = CROCKFORD[c % 32]! + rest;
  return time + rest;
}

const CLIENTS = ['10.10.1.21', '10.10.1.22', '10.10.2.40', '10.10.2.41', '172.16.5.9'];
const PLCS = ['10.20.0.10', '10.20.0.11', '10.20.0.12'];
const TAGS = ['boiler.setpoint', 'boiler.pressure', 'feed.pump_speed', 'burner.enable'];

export interface IcsEventOptions {
  /** ms epoch of event 0. Default 2026-01-01. */
  start?: number;
  /** ms between events. Default 1. */
  stepMs?: number;
}

/** The i-th event of a deterministic stream: mostly reads (FC3), one write in four (FC6). */
export function icsEvent(i: number, options: IcsEventOptions = {}): OtsafeEvent {
  const ts = (options.start ?? Date.UTC(2026, 0, 1)) + i * (options.stepMs ?? 1);
  const write = i % 4 === 0;
  const address = 100 + (i % 64);
  return {
    '@timestamp': new Date(ts).toISOString(),
    event: {
      id: sequentialUlid(ts, i),
      kind: 'event',
      dataset: DATASETS.icsTransaction,
      ...(write ? { severity: SEVERITY_ECS.low } : {}),
    },
    source: { ip: CLIENTS[i % CLIENTS.length]!, port: 49_152 + (i % 16_000) },
    destination: { ip: PLCS[i % PLCS.length]!, port: 502 },
    network: { protocol: 'modbus' },
    ics: {
      protocol: 'modbus',
      unit: 1,
      function: write ? 'write_single_register' : 'read_holding_registers',
      function_code: write ? 6 : 3,
      transaction_id: i & 0xffff,
      address,
      quantity: write ? 1 : 4,
      values: write ? [i % 1000] : [i % 997, 1013, 42, (i * 7) % 500],
      tag: TAGS[i % TAGS.length]!,
    },
  };
}

/** count events from index first: icsEvent(first) .. icsEvent(first + count - 1). */
export function icsEvents(count: number, first = 0, options: IcsEventOptions = {}): OtsafeEvent[] {
  return Array.from({ length: count }, (_, k) => icsEvent(first + k, options));
}
