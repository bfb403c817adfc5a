// Runs the fuzz cases in worker threads, one per core, and watches them. A decoder that loops
// forever cannot be interrupted from its own thread (a test timeout never fires while synchronous
// code runs), so each worker publishes the index of the case under way in shared memory: when it
// stops moving, the worker is terminated, the case is reported as a hang with its seed, index and
// input, and the rest of its range goes to a fresh worker. The same holds for a worker that runs
// out of memory. Workers run a bundle built here with esbuild (tsx's name-keeping wrappers would
// make every parser factory several times slower).
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { Finding, Protocol, SlowCase } from './harness.js';
import type { FromWorker, Job, ToWorker, WorkerSetup } from './messages.js';

export interface FuzzOptions {
  readonly seed: number;
  readonly protocols: readonly Protocol[];
  /** Cases per protocol; or give `seconds`. */
  readonly cases?: number;
  /** Wall-clock seconds per protocol, all workers on it, one protocol after another. */
  readonly seconds?: number;
  /** Worker threads (default: one per core). */
  readonly workers?: number;
  /** Cases per job in a counted run (default 100,000). */
  readonly jobSize?: number;
  /** A case that makes no progress for this long is a hang (default 10 s). */
  readonly stallMs?: number;
  /** Heap limit of a worker; a case that goes past it is reported (default 512 MB). */
  readonly workerHeapMb?: number;
  /** Called whenever a job ends, for progress displays. */
  readonly onProgress?: (protocol: Protocol, cases: number) => void;
  /** The worker module (default fuzz/worker.ts): a test serves targets of its own with it. */
  readonly workerEntry?: URL;
}

export interface ProtocolReport {
  readonly protocol: Protocol;
  readonly seed: number;
  cases: number;
  /** Cases with a finding, reported or only counted (the report keeps a few of each kind). */
  failed: number;
  readonly perGenerator: Record<string, number>;
  readonly findings: Finding[];
  readonly slow: SlowCase[];
  /** Milliseconds the workers spent on the protocol's cases, added up. */
  busyMs: number;
  /** From the first job handed out to the last one done. */
  wallMs: number;
}

export interface FuzzRun {
  report(protocol: Protocol): Promise<ProtocolReport>;
  readonly done: Promise<ProtocolReport[]>;
  /** Stops every worker and removes the bundle (also when the run is over). */
  stop(): Promise<void>;
}

const DEFAULT_JOB_SIZE = 100_000;
const TIMED_JOB_SIZE = 1 << 24;
const MAX_FINDINGS_KEPT = 50;

interface ProtocolState {
  readonly report: ProtocolReport;
  readonly resolve: (report: ProtocolReport) => void;
  /** Jobs queued or running, and replays asked for. */
  outstanding: number;
  /** Timed runs: more jobs may still be made. */
  open: boolean;
  deadline: number | undefined;
  nextStart: number;
  startedAt: number | undefined;
}

interface Slot {
  readonly index: number;
  worker: Worker;
  job: Job | undefined;
  /** Findings the job has sent so far: counted as failed cases if the job never finishes. */
  streamed: number;
  lastProgress: number;
  lastChange: number;
  dead: boolean;
  /** Replays waiting for a 'described' answer, in order. */
  readonly describing: ((message: Extract<FromWorker, { type: 'described' }>) => void)[];
}

/** Bundles the worker module and what it imports into one file in a temporary folder. */
async function bundleWorker(entry: URL): Promise<{ file: string; folder: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'otsafe-fuzz-'));
  const file = join(folder, 'worker.mjs');
  try {
    await build({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: file,
      sourcemap: 'inline',
      logLevel: 'silent',
    });
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { file, folder };
}

export function startFuzz(options: FuzzOptions): FuzzRun {
  const timed = options.cases === undefined;
  const seconds = options.seconds ?? 60;
  const workerCount = Math.max(1, options.workers ?? availableParallelism());
  const jobSize = Math.max(1, options.jobSize ?? DEFAULT_JOB_SIZE);
  const stallMs = options.stallMs ?? 10_000;
  const heapMb = options.workerHeapMb ?? 512;
  const progress = new Int32Array(new SharedArrayBuffer(8 * workerCount));
  const root = new URL('../', import.meta.url).href;

  const states = new Map<Protocol, ProtocolState>();
  const reports = new Map<Protocol, Promise<ProtocolReport>>();
  for (const protocol of options.protocols) {
    let resolve: (report: ProtocolReport) => void = () => undefined;
    reports.set(protocol, new Promise<ProtocolReport>((r) => (resolve = r)));
    states.set(protocol, {
      report: {
        protocol,
        seed: options.seed,
        cases: 0,
        failed: 0,
        perGenerator: {},
        findings: [],
        slow: [],
        busyMs: 0,
        wallMs: 0,
      },
      resolve,
      outstanding: 0,
      open: timed,
      deadline: undefined,
      nextStart: 0,
      startedAt: undefined,
    });
  }

  const queue: Job[] = [];
  let jobIds = 0;
  if (!timed) {
    const total = options.cases ?? 0;
    for (const protocol of options.protocols) {
      for (let start = 0; start < total; start += jobSize) {
        const count = Math.min(jobSize, total - start);
        queue.push({ id: jobIds++, protocol, seed: options.seed, start, count });
        stateOf(protocol).outstanding++;
      }
    }
  }
  let timedIndex = 0;

  function stateOf(protocol: Protocol): ProtocolState {
    const state = states.get(protocol);
    if (state === undefined) throw new Error(`no state for ${protocol}`);
    return state;
  }

  function nextJob(): Job | undefined {
    const queued = queue.shift();
    if (queued !== undefined) return queued;
    while (timed && timedIndex < options.protocols.length) {
      const protocol = options.protocols[timedIndex];
      if (protocol === undefined) break;
      const state = stateOf(protocol);
      state.deadline ??= Date.now() + seconds * 1000;
      if (Date.now() < state.deadline - 100) {
        const job = {
          id: jobIds++,
          protocol,
          seed: options.seed,
          start: state.nextStart,
          count: TIMED_JOB_SIZE,
          deadline: state.deadline,
        };
        state.nextStart += TIMED_JOB_SIZE;
        state.outstanding++;
        return job;
      }
      state.open = false;
      settle(protocol);
      timedIndex++;
    }
    return undefined;
  }

  function settle(protocol: Protocol): void {
    const state = stateOf(protocol);
    if (state.outstanding > 0 || state.open) return;
    state.report.wallMs = state.startedAt === undefined ? 0 : Date.now() - state.startedAt;
    state.resolve(state.report);
    if ([...states.values()].every((s) => s.outstanding === 0 && !s.open)) void stop();
  }

  function addFinding(finding: Finding): void {
    const findings = stateOf(finding.protocol).report.findings;
    if (findings.length < MAX_FINDINGS_KEPT) findings.push(finding);
  }

  const slots: Slot[] = [];
  let bundle: { file: string; folder: string } | undefined;
  let stopped = false;
  let watchdog: NodeJS.Timeout | undefined;

  function spawn(index: number): Slot {
    if (bundle === undefined) throw new Error('the worker bundle is not built');
    const setup: WorkerSetup = { root, progress: progress.buffer, slot: index };
    const worker = new Worker(bundle.file, {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    const slot: Slot = {
      index,
      worker,
      job: undefined,
      streamed: 0,
      lastProgress: -1,
      lastChange: Date.now(),
      dead: false,
      describing: [],
    };
    worker.on('message', (message: FromWorker) => {
      onMessage(slot, message);
    });
    worker.on('error', (error) => {
      const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      lost(slot, outOfMemory ? 'unbounded' : 'throw', `the worker died: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (!stopped && !slot.dead) lost(slot, 'throw', `the worker exited with code ${code}`);
    });
    slots[index] = slot;
    return slot;
  }

  function dispatch(slot: Slot): void {
    if (stopped || slot.dead || slot.job !== undefined) return;
    const job = nextJob();
    if (job === undefined) return;
    const state = stateOf(job.protocol);
    state.startedAt ??= Date.now();
    slot.job = job;
    slot.streamed = 0;
    slot.lastProgress = -1;
    slot.lastChange = Date.now();
    const message: ToWorker = { type: 'run', job };
    slot.worker.postMessage(message);
  }

  function onMessage(slot: Slot, message: FromWorker): void {
    switch (message.type) {
      case 'finding':
        slot.streamed++;
        addFinding(message.finding);
        return;
      case 'slow': {
        const slow = stateOf(message.slow.protocol).report.slow;
        if (slow.length < MAX_FINDINGS_KEPT) slow.push(message.slow);
        return;
      }
      case 'described':
        slot.describing.shift()?.(message);
        return;
      case 'done':
      case 'failed': {
        const job = slot.job;
        if (job === undefined) return;
        slot.job = undefined;
        const state = stateOf(job.protocol);
        if (message.type === 'done') {
          const { cases, failed, perGenerator, milliseconds } = message.result;
          state.report.cases += cases;
          state.report.failed += failed;
          state.report.busyMs += milliseconds;
          for (const [name, count] of Object.entries(perGenerator)) {
            state.report.perGenerator[name] = (state.report.perGenerator[name] ?? 0) + count;
          }
        } else {
          state.report.failed += 1;
          addFinding({
            protocol: job.protocol,
            seed: job.seed,
            index: job.start,
            generator: '(none: the target could not be built)',
            kind: 'throw',
            message: message.message,
            inputHex: '',
            inputLength: 0,
          });
        }
        options.onProgress?.(job.protocol, state.report.cases);
        state.outstanding--;
        settle(job.protocol);
        dispatch(slot);
        return;
      }
    }
  }

  /**
   * The worker of `slot` hung or died: report the case it was on, replace the worker, replay the
   * case's input through the new one (build only, never run), and queue the rest of the range.
   */
  function lost(slot: Slot, kind: Finding['kind'], message: string): void {
    if (slot.dead || stopped) return;
    slot.dead = true;
    void slot.worker.terminate();
    const job = slot.job;
    // Read before the new worker reuses the slot.
    const offset = Math.max(0, Atomics.load(progress, 2 * slot.index));
    const fresh = spawn(slot.index);
    if (job === undefined) {
      dispatch(fresh);
      return;
    }
    const state = stateOf(job.protocol);
    const index = job.start + offset;
    state.report.cases += offset + 1;
    state.report.failed += slot.streamed + 1;
    const rest = job.count - offset - 1;
    if (rest > 0) queue.unshift({ ...job, id: jobIds++, start: index + 1, count: rest });
    else state.outstanding--;
    // The replay is outstanding work too: the report waits for the input's hex.
    state.outstanding++;
    fresh.describing.push((described) => {
      addFinding({
        protocol: job.protocol,
        seed: job.seed,
        index,
        generator: described.generator,
        kind,
        message,
        inputHex: described.inputHex,
        inputLength: described.inputLength,
      });
      state.outstanding--;
      settle(job.protocol);
    });
    const describe: ToWorker = { type: 'describe', protocol: job.protocol, seed: job.seed, index };
    fresh.worker.postMessage(describe);
    dispatch(fresh);
  }

  function watch(): void {
    const now = Date.now();
    for (const slot of slots) {
      if (slot.dead || slot.job === undefined) continue;
      const at = Atomics.load(progress, 2 * slot.index);
      if (at !== slot.lastProgress) {
        slot.lastProgress = at;
        slot.lastChange = now;
      } else if (now - slot.lastChange > stallMs) {
        lost(slot, 'hang', `case made no progress for ${stallMs} ms: the worker was stopped`);
      }
    }
  }

  let stopping: Promise<void> | undefined;

  /** Stops the workers and removes the bundle; every call waits for the same work. */
  function stop(): Promise<void> {
    stopping ??= (async () => {
      stopped = true;
      if (watchdog !== undefined) clearInterval(watchdog);
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
      // The bundle may still be on its way: wait for it, then remove its folder.
      const built = bundle ?? (await bundling.catch(() => undefined));
      if (built !== undefined) await rm(built.folder, { recursive: true, force: true });
    })();
    return stopping;
  }

  const entry = options.workerEntry ?? new URL('./worker.ts', import.meta.url);
  const bundling = bundleWorker(entry);
  const started = bundling.then((built) => {
    bundle = built;
    if (stopped) return;
    for (let i = 0; i < workerCount; i++) spawn(i);
    watchdog = setInterval(watch, 250);
    for (const slot of slots) dispatch(slot);
    // Nothing to do at all (no protocols, or zero cases): settle at once.
    for (const protocol of options.protocols) settle(protocol);
  });

  function report(protocol: Protocol): Promise<ProtocolReport> {
    const promise = reports.get(protocol);
    if (promise === undefined) return Promise.reject(new Error(`${protocol} is not in the run`));
    return started.then(() => promise);
  }

  const done = Promise.all(options.protocols.map(report));

  return {
    report,
    done,
    stop,
  };
}
