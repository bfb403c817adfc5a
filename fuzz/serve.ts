// The body of a fuzz worker thread: runs the ranges of cases the supervisor sends, reporting each
// finding as it comes, and publishes the case under way in shared memory so that a hang can be
// pinned down. Takes the targets as a parameter, so that a test can serve targets of its own.
import { parentPort, workerData } from 'node:worker_threads';
import { setRepositoryRoot } from './files.js';
import { buildCase, runRange, toHex, type Protocol, type Target } from './harness.js';
import type { FromWorker, ToWorker, WorkerSetup } from './messages.js';

export function serveJobs(targetFor: (protocol: Protocol) => Target): void {
  const setup = workerData as WorkerSetup;
  const port = parentPort;
  if (port === null) throw new Error('a fuzz worker runs as a worker thread');
  // Stack traces of findings point into the TypeScript sources, not the bundle.
  process.setSourceMapsEnabled(true);
  setRepositoryRoot(setup.root);
  const progress = new Int32Array(setup.progress);
  const slot = 2 * setup.slot;
  const send = (message: FromWorker) => {
    port.postMessage(message);
  };

  port.on('message', (message: ToWorker) => {
    if (message.type === 'describe') {
      const built = buildCase(targetFor(message.protocol), message.seed, message.index);
      send({
        type: 'described',
        generator: built.generator,
        inputHex: toHex(built.input),
        inputLength: built.input.length,
      });
      return;
    }
    const job = message.job;
    try {
      const target = targetFor(job.protocol);
      Atomics.store(progress, slot, 0);
      Atomics.store(progress, slot + 1, job.id);
      const result = runRange(target, {
        seed: job.seed,
        start: job.start,
        count: job.count,
        ...(job.deadline === undefined
          ? {}
          : { deadline: performance.now() + (job.deadline - Date.now()) }),
        progress,
        slot,
        onFinding: (finding) => {
          send({ type: 'finding', jobId: job.id, finding });
        },
        onSlow: (slow) => {
          send({ type: 'slow', jobId: job.id, slow });
        },
      });
      Atomics.store(progress, slot + 1, -1);
      send({ type: 'done', jobId: job.id, result });
    } catch (error) {
      // The target could not be built (its corpus is missing or broken): no case ran.
      Atomics.store(progress, slot + 1, -1);
      send({
        type: 'failed',
        jobId: job.id,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
}
