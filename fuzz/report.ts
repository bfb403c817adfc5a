// Findings and run reports as text, for the test's failure message and the fuzz command's output.
import type { Finding, SlowCase } from './harness.js';
import type { ProtocolReport } from './supervise.js';

const number = (n: number) => Math.round(n).toLocaleString('en-US');

export function replayCommand(protocol: string, seed: number, index: number): string {
  return `node --import tsx fuzz/run.ts --protocol ${protocol} --seed ${seed} --case ${index}`;
}

/** One finding: where, what, the input in hex, and the command that replays it. */
export function formatFinding(f: Finding, stackLines = 4): string {
  const lines = [
    `${f.protocol} seed ${f.seed} case ${f.index} [${f.generator}] ${f.kind}: ${f.message}`,
    `  input (${f.inputLength} bytes): ${f.inputHex}`,
    `  replay: ${replayCommand(f.protocol, f.seed, f.index)}`,
  ];
  if (f.stack !== undefined && f.kind === 'throw') {
    for (const line of f.stack.split('\n').slice(1, 1 + stackLines)) lines.push(`  ${line.trim()}`);
  }
  return lines.join('\n');
}

/** Findings that differ only in numbers are one problem: the first of each is shown, with a count. */
export function groupFindings(findings: readonly Finding[]): { first: Finding; count: number }[] {
  const groups = new Map<string, { first: Finding; count: number }>();
  for (const f of findings) {
    const key = `${f.protocol} ${f.kind} ${f.generator} ${f.message.replace(/\d+/g, '#')}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { first: f, count: 1 });
    else group.count++;
  }
  return [...groups.values()];
}

export function formatFindings(findings: readonly Finding[]): string[] {
  return groupFindings(findings).map(
    ({ first, count }) =>
      formatFinding(first) + (count > 1 ? `\n  (and ${count - 1} more like it)` : ''),
  );
}

export function formatSlow(s: SlowCase): string {
  return (
    `${s.protocol} seed ${s.seed} case ${s.index} [${s.generator}] took ${s.milliseconds} ms ` +
    `on ${s.inputLength} bytes (replay: ${replayCommand(s.protocol, s.seed, s.index)})`
  );
}

/** A few lines on one protocol's run: cases, rates, generators. */
export function formatReport(r: ProtocolReport): string {
  const rate = r.busyMs > 0 ? (r.cases * 1000) / r.busyMs : 0;
  const generators = Object.entries(r.perGenerator)
    .map(([name, count]) => `${name} ${number(count)}`)
    .join(', ');
  return [
    `${r.protocol}: ${number(r.cases)} cases in ${(r.wallMs / 1000).toFixed(1)} s ` +
      `(${number(rate)} cases/s per worker), ${number(r.failed)} failed ` +
      `(${r.findings.length} reported), ${r.slow.length} slow`,
    `  ${generators}`,
  ].join('\n');
}
