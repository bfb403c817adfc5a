// The fuzz loop shared by the default test run and `npm run fuzz`: cases built from a seed and an
// index, run through one protocol's decoders, with anything that escapes recorded as a finding
// that names the seed, the index and the input in hex.
import { CodecError } from '../src/protocols/index.js';
import { Builder } from './bytes.js';
import { Rng } from './random.js';

export const PROTOCOLS = ['modbus', 's7comm', 'dnp3', 'enip', 'pcap'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export function isProtocol(name: string): name is Protocol {
  return (PROTOCOLS as readonly string[]).includes(name);
}

/** One way of making inputs and feeding them to a codec. */
export interface Generator {
  readonly name: string;
  /** Relative share of the cases. */
  readonly weight: number;
  /** Builds the input into `out` (reset before the call). */
  make(rng: Rng, out: Builder): void;
  /** Feeds the input to the codec; throws a Violation when an invariant breaks. */
  run(input: Uint8Array, rng: Rng): void;
}

export interface Target {
  readonly protocol: Protocol;
  readonly generators: readonly Generator[];
}

/** An invariant of the codec's contract that did not hold (a throw is the other kind). */
export class Violation extends Error {
  constructor(
    readonly kind: FindingKind,
    message: string,
  ) {
    super(message);
    this.name = 'Violation';
  }
}

export type FindingKind =
  /** A codec function threw. */
  | 'throw'
  /** An error reached a sink or a result without being a CodecError of the protocol's table. */
  | 'untyped-error'
  /** A parser held more than its documented bound, or emitted more than its input can carry. */
  | 'unbounded'
  /** The same stream gave other frames or errors when sliced differently. */
  | 'slicing'
  /** A value a decoder returned broke its own contract (a summary or re-encoding failed). */
  | 'contract'
  /** The case never finished: the worker was stopped by the watchdog. */
  | 'hang';

export interface Finding {
  readonly protocol: Protocol;
  readonly seed: number;
  readonly index: number;
  readonly generator: string;
  readonly kind: FindingKind;
  readonly message: string;
  readonly stack?: string;
  /** The input, up to 4 KiB of it, in hex. */
  readonly inputHex: string;
  readonly inputLength: number;
}

/** A case that took longer than the slow threshold four times in a row: reported, never failed on. */
export interface SlowCase {
  readonly protocol: Protocol;
  readonly seed: number;
  readonly index: number;
  readonly generator: string;
  readonly milliseconds: number;
  readonly inputLength: number;
}

/** Findings reported for each distinct problem in a range; more are only counted. */
const REPORTS_PER_PROBLEM = 3;

/** A case past this is timed three times more; past it every time, it is reported as slow. */
export const SLOW_CASE_MS = 50;
const MAX_HEX_BYTES = 4096;

/** Throws unless `error` is a CodecError with a code of `codes`. */
export function checkError(codes: ReadonlySet<string>, error: unknown): void {
  if (!(error instanceof CodecError)) {
    throw new Violation('untyped-error', `not a CodecError: ${describe(error)}`);
  }
  if (!codes.has(error.code)) {
    throw new Violation(
      'untyped-error',
      `code ${error.code} is not in the table (${error.message})`,
    );
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    // undefined for a function or a symbol, whatever the declared type says
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    return String(value);
  }
}

/** Throws an 'unbounded' violation unless `condition` holds. */
export function bounded(condition: boolean, what: () => string): void {
  if (!condition) throw new Violation('unbounded', what());
}

export function contract(condition: boolean, what: () => string): void {
  if (!condition) throw new Violation('contract', what());
}

export function toHex(bytes: Uint8Array, max = MAX_HEX_BYTES): string {
  const shown = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, max));
  return shown.toString('hex') + (bytes.length > max ? `…(+${bytes.length - max} bytes)` : '');
}

/** Picks generators by weight with one draw. */
class Chooser {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(readonly generators: readonly Generator[]) {
    let sum = 0;
    for (const g of generators) this.cumulative.push((sum += g.weight));
    this.total = sum;
  }

  choose(rng: Rng): number {
    const r = rng.below(this.total);
    let i = 0;
    while (r >= (this.cumulative[i] ?? Infinity)) i++;
    return i;
  }

  generator(index: number): Generator {
    const g = this.generators[index];
    if (g === undefined) throw new Error(`no generator ${index}`);
    return g;
  }
}

export interface CaseOutcome {
  readonly generator: string;
  readonly input: Uint8Array;
  readonly error: unknown;
  readonly milliseconds: number;
}

/** Builds case `index` of `seed` without running it: its generator and its input. */
export function buildCase(
  target: Target,
  seed: number,
  index: number,
): { generator: string; input: Uint8Array } {
  const rng = new Rng();
  const out = new Builder();
  rng.reseed(seed, index);
  const chooser = new Chooser(target.generators);
  const g = chooser.generator(chooser.choose(rng));
  g.make(rng, out);
  return { generator: g.name, input: out.view().slice() };
}

/** Builds and runs case `index` of `seed` (the replay path: one case, everything returned). */
export function runCase(target: Target, seed: number, index: number): CaseOutcome {
  const rng = new Rng();
  const out = new Builder();
  const chooser = new Chooser(target.generators);
  rng.reseed(seed, index);
  const g = chooser.generator(chooser.choose(rng));
  g.make(rng, out);
  const input = out.view().slice();
  const started = performance.now();
  let error: unknown = undefined;
  try {
    g.run(out.view(), rng);
  } catch (e) {
    error = e;
  }
  return { generator: g.name, input, error, milliseconds: performance.now() - started };
}

export function findingOf(
  target: Target,
  seed: number,
  index: number,
  generator: string,
  input: Uint8Array,
  error: unknown,
): Finding {
  const kind: FindingKind = error instanceof Violation ? error.kind : 'throw';
  return {
    protocol: target.protocol,
    seed,
    index,
    generator,
    kind,
    message: describe(error),
    ...(error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}),
    inputHex: toHex(input),
    inputLength: input.length,
  };
}

export interface RangeResult {
  /** Cases run. */
  cases: number;
  /** Cases that gave a finding (reported or not: see RangeOptions.maxFindings). */
  failed: number;
  /** Cases per generator name. */
  perGenerator: Record<string, number>;
  milliseconds: number;
}

export interface RangeOptions {
  readonly seed: number;
  readonly start: number;
  readonly count: number;
  /** performance.now() past which the range stops early (timed runs). */
  readonly deadline?: number;
  /** Where the index of the case under way is published (watchdog), and at which slot. */
  readonly progress?: Int32Array;
  readonly slot?: number;
  readonly onFinding: (finding: Finding) => void;
  readonly onSlow: (slow: SlowCase) => void;
  /**
   * Findings that differ only in numbers are one problem: the first few of each are reported,
   * the rest only counted. The range stops after this many distinct problems (default 20).
   */
  readonly maxFindings?: number;
}

/**
 * Runs cases start .. start + count - 1. The hot loop: one reseed, one build and one run per
 * case, nothing allocated by the harness itself.
 */
export function runRange(target: Target, options: RangeOptions): RangeResult {
  const { seed, start, count, progress, onFinding, onSlow } = options;
  const slot = options.slot ?? 0;
  const deadline = options.deadline ?? Infinity;
  const maxFindings = options.maxFindings ?? 20;
  const rng = new Rng();
  const out = new Builder();
  const generators = target.generators;
  const chooser = new Chooser(generators);
  const counts = new Array<number>(generators.length).fill(0);
  const began = performance.now();
  /** Findings reported per problem (kind, generator and message without its numbers). */
  const problems = new Map<string, number>();
  let failed = 0;
  let i = 0;
  for (; i < count; i++) {
    const index = start + i;
    if (progress !== undefined) Atomics.store(progress, slot, i);
    rng.reseed(seed, index);
    const which = chooser.choose(rng);
    const g = chooser.generator(which);
    counts[which] = (counts[which] ?? 0) + 1;
    out.reset();
    const t0 = performance.now();
    try {
      g.make(rng, out);
      g.run(out.view(), rng);
    } catch (error) {
      failed++;
      const kind = error instanceof Violation ? error.kind : 'throw';
      const problem = `${kind} ${g.name} ${describe(error).replace(/\d+/g, '#')}`;
      const reported = problems.get(problem) ?? 0;
      problems.set(problem, reported + 1);
      if (reported < REPORTS_PER_PROBLEM) {
        // Rebuild the input from the seed: the codec may have been handed a view it kept.
        const replay = runCase(target, seed, index);
        onFinding(findingOf(target, seed, index, g.name, replay.input, error));
      }
      if (problems.size >= maxFindings) {
        i++;
        break;
      }
    }
    const t1 = performance.now();
    if (t1 - t0 > SLOW_CASE_MS) {
      // A pause of the collector or of a busy machine is not the codec's: the case is slow only
      // when three more runs are all slow too.
      let best = t1 - t0;
      let length = 0;
      for (let again = 0; again < 3 && best > SLOW_CASE_MS; again++) {
        const replay = runCase(target, seed, index);
        best = Math.min(best, replay.milliseconds);
        length = replay.input.length;
      }
      if (best > SLOW_CASE_MS) {
        onSlow({
          protocol: target.protocol,
          seed,
          index,
          generator: g.name,
          milliseconds: Math.round(best),
          inputLength: length,
        });
      }
    }
    if ((i & 1023) === 1023 && t1 > deadline) {
      i++;
      break;
    }
  }
  const perGenerator: Record<string, number> = {};
  generators.forEach((g, k) => {
    perGenerator[g.name] = (perGenerator[g.name] ?? 0) + (counts[k] ?? 0);
  });
  return { cases: i, failed, perGenerator, milliseconds: performance.now() - began };
}
