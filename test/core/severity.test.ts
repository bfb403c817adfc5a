// The one severity scale and its ECS numbers.
import { describe, expect, it } from 'vitest';
import {
  SEVERITIES,
  atLeast,
  compareSeverity,
  isOtsafeError,
  maxSeverity,
  parseSeverity,
  severityFromEcs,
  severityToEcs,
} from '../../src/core/index.js';

describe('severity', () => {
  it('maps to the ECS anchors and back', () => {
    expect(SEVERITIES.map(severityToEcs)).toEqual([21, 47, 73, 99]);
    for (const s of SEVERITIES) expect(severityFromEcs(severityToEcs(s))).toBe(s);
  });

  it('buckets foreign ECS scores halfway between anchors', () => {
    expect([0, 33, 34, 59, 60, 85, 86, 100].map(severityFromEcs)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
    expect(severityFromEcs(Number.NaN)).toBe('low');
  });

  it('orders', () => {
    expect(compareSeverity('low', 'critical')).toBeLessThan(0);
    expect(maxSeverity('medium', 'low', 'high', 'medium')).toBe('high');
    expect(atLeast('high', 'medium')).toBe(true);
    expect(atLeast('low', 'medium')).toBe(false);
  });

  it('parses user input and names bad values', () => {
    expect(parseSeverity(' HIGH ')).toBe('high');
    try {
      parseSeverity('severe');
      expect.unreachable();
    } catch (err) {
      expect(isOtsafeError(err, 'OTS_BAD_SEVERITY')).toBe(true);
      expect(String(err)).toContain('"severe"');
    }
  });
});
