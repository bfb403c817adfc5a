// Time comes in from outside: engines take a Clock, so a test can drive a scan cycle or a
// playbook timeout with a FakeClock and no waiting.

/** An opaque handle for a scheduled callback. */
export type TimerId = number & { readonly __timer: unique symbol };

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  setInterval(callback: () => void, ms: number): TimerId;
  clearInterval(id: TimerId): void;
  /** Resolves after ms; rejects with the signal's reason if aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function sleepWith(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clock.clearTimeout(id);
      reject(signal?.reason as Error);
    };
    const id = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The wall clock and Node's timers. Timers are unref'd so they never hold a process open. */
export class SystemClock implements Clock {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private next = 1;

  now(): number {
    return Date.now();
  }

  setTimeout(callback: () => void, ms: number): TimerId {
    const id = this.next++;
    const timer = setTimeout(() => {
      this.timers.delete(id);
      callback();
    }, ms);
    this.timers.set(id, timer);
    return id as TimerId;
  }

  clearTimeout(id: TimerId): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
  }

  setInterval(callback: () => void, ms: number): TimerId {
    const id = this.next++;
    this.timers.set(id, setInterval(callback, ms));
    return id as TimerId;
  }

  clearInterval(id: TimerId): void {
    clearInterval(this.timers.get(id));
    this.timers.delete(id);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepWith(this, ms, signal);
  }
}

interface FakeTimer {
  id: number;
  at: number;
  callback: () => void;
  /** Set for intervals: the period to re-arm with. */
  every?: number;
}

/**
 * A clock that moves only when told to. advance() fires due timers in time order, setting now()
 * to each timer's instant as it fires, exactly as the wall clock would have.
 */
export class FakeClock implements Clock {
  private current: number;
  private timers: FakeTimer[] = [];
  private next = 1;

  constructor(start: number | Date = Date.UTC(2026, 0, 1)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerId {
    return this.schedule(callback, ms);
  }

  clearTimeout(id: TimerId): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  setInterval(callback: () => void, ms: number): TimerId {
    return this.schedule(callback, ms, Math.max(1, ms));
  }

  clearInterval(id: TimerId): void {
    this.clearTimeout(id);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepWith(this, ms, signal);
  }

  /** How many timers wait to fire. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by ms, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.current + ms;
    for (let timer = this.due(until); timer; timer = this.due(until)) this.fire(timer);
    this.current = until;
  }

  /**
   * Like advance(), but lets promise callbacks run after each timer, so async engines (a
   * playbook step awaiting a sleep) make progress the way they would in real time.
   */
  async advanceAsync(ms: number): Promise<void> {
    const until = this.current + ms;
    await flushMicrotasks();
    for (let timer = this.due(until); timer; timer = this.due(until)) {
      this.fire(timer);
      await flushMicrotasks();
    }
    this.current = until;
  }

  private schedule(callback: () => void, ms: number, every?: number): TimerId {
    const timer: FakeTimer = { id: this.next++, at: this.current + Math.max(0, ms), callback };
    if (every !== undefined) timer.every = every;
    this.timers.push(timer);
    return timer.id as TimerId;
  }

  private due(until: number): FakeTimer | undefined {
    let first: FakeTimer | undefined;
    for (const t of this.timers) if (t.at <= until && (!first || t.at < first.at)) first = t;
    return first;
  }

  private fire(timer: FakeTimer): void {
    this.current = timer.at;
    if (timer.every === undefined) this.timers = this.timers.filter((t) => t !== timer);
    else timer.at += timer.every;
    timer.callback();
  }
}

async function flushMicrotasks(): Promise<void> {
  // setImmediate runs after every queued promise callback, including chained ones.
  await new Promise<void>((resolve) => setImmediate(resolve));
}
