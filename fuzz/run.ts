// `npm run fuzz`: the generators of the default test run, for longer. Each protocol gets N seconds
// (60 by default) on every core; the command prints cases per second and every finding with its
// seed, case index, input in hex and replay command, and exits with 1 when there was any.
//
//   node --import tsx fuzz/run.ts [--seconds N | --cases N] [--protocol x[,y]] [--seed s]
//                                 [--workers n] [--stall-ms ms]
//   node --import tsx fuzz/run.ts --protocol x --seed s --case i     (replays one case)
import { randomInt } from 'node:crypto';
import { inspect, parseArgs } from 'node:util';
import { PROTOCOLS, isProtocol, runCase, toHex, type Protocol } from './harness.js';
import { parseSeed } from './random.js';
import { formatFindings, formatReport, formatSlow } from './report.js';
import { startFuzz } from './supervise.js';
import { targetFor } from './targets/index.js';

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

function fail(text: string): never {
  process.stderr.write(`fuzz: ${text}\n`);
  process.exit(2);
}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} wants a positive number, got ${value}`);
  return n;
}

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    cases: { type: 'string' },
    protocol: { type: 'string', multiple: true },
    seed: { type: 'string' },
    workers: { type: 'string' },
    'stall-ms': { type: 'string' },
    case: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});

if (values.help === true) {
  print(
    'usage: node --import tsx fuzz/run.ts [--seconds N | --cases N] [--protocol x[,y]] ' +
      '[--seed s] [--workers n] [--stall-ms ms]\n' +
      '       node --import tsx fuzz/run.ts --protocol x --seed s --case i   (replay one case)\n' +
      `protocols: ${PROTOCOLS.join(', ')}`,
  );
  process.exit(0);
}

const names = (values.protocol ?? []).flatMap((p) => p.split(',')).filter((p) => p !== '');
const protocols: Protocol[] = [];
for (const name of names.length === 0 ? PROTOCOLS : names) {
  if (!isProtocol(name)) fail(`unknown protocol ${name} (one of ${PROTOCOLS.join(', ')})`);
  protocols.push(name);
}
const seed = values.seed === undefined ? randomInt(0x100000000) : parseSeed(values.seed);

if (values.case !== undefined) {
  // Replay: one case, in this process, with the full input and stack.
  const index = Number(values.case);
  const protocol = protocols[0];
  if (!Number.isInteger(index) || index < 0) fail(`--case wants a case index, got ${values.case}`);
  if (protocols.length !== 1 || protocol === undefined || values.seed === undefined) {
    fail('--case needs one --protocol and the --seed of the run');
  }
  const outcome = runCase(targetFor(protocol), seed, index);
  print(`${protocol} seed ${seed} case ${index} [${outcome.generator}]`);
  print(`input (${outcome.input.length} bytes): ${toHex(outcome.input, Infinity)}`);
  print(`took ${outcome.milliseconds.toFixed(2)} ms`);
  if (outcome.error === undefined) {
    print('no finding: the case passes');
    process.exit(0);
  }
  const error = outcome.error;
  print(error instanceof Error ? (error.stack ?? error.message) : inspect(error));
  process.exit(1);
}

const cases = positive('cases', values.cases);
const seconds = positive('seconds', values.seconds) ?? 60;
const workers = positive('workers', values.workers);
const stallMs = positive('stall-ms', values['stall-ms']);
print(
  `fuzz: seed ${seed}, ${protocols.join(', ')}, ` +
    (cases === undefined ? `${seconds} s each` : `${cases.toLocaleString('en-US')} cases each`) +
    (workers === undefined ? '' : `, ${workers} worker${workers === 1 ? '' : 's'}`),
);

const run = startFuzz({
  seed,
  protocols,
  ...(cases === undefined ? { seconds } : { cases: Math.floor(cases) }),
  ...(workers === undefined ? {} : { workers: Math.floor(workers) }),
  ...(stallMs === undefined ? {} : { stallMs }),
});
// Print each protocol as it finishes, in order.
let findings = 0;
for (const protocol of protocols) {
  const report = await run.report(protocol);
  print(formatReport(report));
  for (const text of formatFindings(report.findings)) print(text);
  for (const slow of report.slow) print(`  slow: ${formatSlow(slow)}`);
  findings += report.failed;
}
await run.stop();
print(findings === 0 ? 'fuzz: no findings' : `fuzz: ${findings} cases failed (seed ${seed})`);
process.exitCode = findings === 0 ? 0 : 1;
