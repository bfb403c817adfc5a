// The fuzz supervisor catches what a test timeout cannot: a case that loops forever (synchronous
// code never lets a timer fire) and a case that eats memory, as well as a plain throw; each is
// reported with its seed, case index and input, and the rest of the range still runs.
import { describe, expect, it } from 'vitest';
import { buildCase, type Protocol } from '../../fuzz/harness.js';
import { startFuzz } from '../../fuzz/supervise.js';
import { MISBEHAVING, TRIGGER } from './misbehaving.js';

const SEED = 7;
const CASES = 3000;

/** The cases whose input carries the trigger byte, found by building (never running) each one. */
function triggered(protocol: Protocol): number[] {
  const out: number[] = [];
  for (let i = 0; i < CASES; i++) {
    if (buildCase(MISBEHAVING[protocol], SEED, i).input[0] === TRIGGER) out.push(i);
  }
  return out;
}

describe('fuzz supervisor', () => {
  it('reports hangs, throws and runaway memory by seed and case, and runs every case', async () => {
    const run = startFuzz({
      seed: SEED,
      protocols: ['modbus', 'dnp3', 'enip', 'pcap'],
      cases: CASES,
      jobSize: 1000,
      workers: 2,
      stallMs: 1000,
      workerHeapMb: 64,
      workerEntry: new URL('./misbehaving-worker.ts', import.meta.url),
    });
    try {
      const reports = await run.done;
      const byProtocol = new Map(reports.map((r) => [r.protocol, r]));
      for (const [protocol, kind] of [
        ['dnp3', 'hang'],
        ['enip', 'throw'],
        ['pcap', 'unbounded'],
      ] as const) {
        const report = byProtocol.get(protocol)!;
        const expected = triggered(protocol);
        expect(expected.length).toBeGreaterThan(0);
        expect(report.cases).toBe(CASES);
        expect(
          report.findings.map((f) => [f.index, f.kind]).sort((a, b) => +a[0]! - +b[0]!),
        ).toEqual(expected.map((index) => [index, kind]));
        for (const finding of report.findings) {
          expect(finding.seed).toBe(SEED);
          expect(finding.inputHex.startsWith(TRIGGER.toString(16))).toBe(true);
        }
      }
      const modbus = byProtocol.get('modbus')!;
      expect(modbus.cases).toBe(CASES);
      expect(modbus.findings).toEqual([]);
    } finally {
      await run.stop();
    }
  }, 120_000);
});
