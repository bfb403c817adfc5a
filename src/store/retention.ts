// How long the store keeps what it is fed: observed events, telemetry and alerts age out;
// incidents, playbook runs and the audit trail never do (they are the record of what was done).
import { parseDuration } from '../core/index.js';

/** Durations as configuration writes them: `30d`, `12h`, `2w`. */
export interface RetentionSettings {
  events: string;
  telemetry: string;
  alerts: string;
}

export const DEFAULT_RETENTION: Readonly<RetentionSettings> = {
  events: '30d',
  telemetry: '7d',
  alerts: '365d',
};

/** The retention in ms per table; throws OTS_BAD_DURATION naming a bad duration. */
export interface RetentionMs {
  events: number;
  telemetry: number;
  alerts: number;
}

export function resolveRetention(settings: Partial<RetentionSettings> = {}): RetentionMs {
  const merged = { ...DEFAULT_RETENTION, ...settings };
  return {
    events: parseDuration(merged.events),
    telemetry: parseDuration(merged.telemetry),
    alerts: parseDuration(merged.alerts),
  };
}

/** Rows deleted by one prune, per table. */
export interface PruneReport {
  events: number;
  telemetry: number;
  alerts: number;
  /** The cut-offs used: rows with ts before these went. */
  before: { events: number; telemetry: number; alerts: number };
}
