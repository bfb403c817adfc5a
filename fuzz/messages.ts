// What the supervisor and its fuzz worker threads say to each other.
import type { Finding, Protocol, RangeResult, SlowCase } from './harness.js';

/** A range of cases of one protocol; a timed job stops at `deadline` (Date.now() ms). */
export interface Job {
  readonly id: number;
  readonly protocol: Protocol;
  readonly seed: number;
  readonly start: number;
  readonly count: number;
  readonly deadline?: number;
}

export interface WorkerSetup {
  /** The repository root as a file URL: the corpus is read from it. */
  readonly root: string;
  /** Int32 pairs per worker: the index within its job of the case under way, and the job id. */
  readonly progress: SharedArrayBuffer;
  readonly slot: number;
}

export type ToWorker =
  | { readonly type: 'run'; readonly job: Job }
  | {
      readonly type: 'describe';
      readonly protocol: Protocol;
      readonly seed: number;
      readonly index: number;
    };

export type FromWorker =
  | { readonly type: 'finding'; readonly jobId: number; readonly finding: Finding }
  | { readonly type: 'slow'; readonly jobId: number; readonly slow: SlowCase }
  | { readonly type: 'done'; readonly jobId: number; readonly result: RangeResult }
  | { readonly type: 'failed'; readonly jobId: number; readonly message: string }
  | {
      readonly type: 'described';
      readonly generator: string;
      readonly inputHex: string;
      readonly inputLength: number;
    };
