// The one severity scale, used by rules, alerts, incidents and playbook matching alike. Events
// carry it as ECS event.severity: low 21, medium 47, high 73, critical 99.
import { OtsafeError } from './errors.js';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_ECS = {
  low: 21,
  medium: 47,
  high: 73,
  critical: 99,
} as const satisfies Record<Severity, number>;

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Reads a severity from user input, case-insensitively; throws OTS_BAD_SEVERITY otherwise. */
export function parseSeverity(value: string): Severity {
  const lower = value.trim().toLowerCase();
  if (isSeverity(lower)) return lower;
  throw new OtsafeError(
    'OTS_BAD_SEVERITY',
    `"${value}" is not a severity: use one of ${SEVERITIES.join(', ')}`,
    {
      details: { value },
    },
  );
}

export function severityToEcs(severity: Severity): number {
  return SEVERITY_ECS[severity];
}

/**
 * Maps any ECS event.severity (0-100, as other tools emit it) onto the scale. The cut points
 * sit halfway between our anchors, so 21, 47, 73 and 99 map back to themselves.
 */
export function severityFromEcs(score: number): Severity {
  if (!Number.isFinite(score) || score < 34) return 'low';
  if (score < 60) return 'medium';
  if (score < 86) return 'high';
  return 'critical';
}

/** Orders severities: negative when a is less severe than b. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

export function atLeast(severity: Severity, floor: Severity): boolean {
  return compareSeverity(severity, floor) >= 0;
}

export function maxSeverity(first: Severity, ...rest: readonly Severity[]): Severity {
  return rest.reduce<Severity>((max, s) => (compareSeverity(s, max) > 0 ? s : max), first);
}
