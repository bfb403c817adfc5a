// The in-process bus: groups, overflow policies, failures, shutdown, and accounting under load.
import { describe, expect, it } from 'vitest';
import { MemoryBus, type TopicStats } from '../../src/bus/index.js';
import { isOtsafeError } from '../../src/core/index.js';

interface Topics {
  a: number;
  b: string;
}

function bus(
  capacity: number,
  overflow: 'wait' | 'drop-newest' | 'drop-oldest',
  onHandlerError?: () => void,
) {
  return new MemoryBus<Topics>({
    policies: { a: { capacity, overflow }, b: { capacity, overflow: 'wait' } },
    ...(onHandlerError ? { onHandlerError } : {}),
  });
}

function groupStats(stats: TopicStats[], topic: string, group: string) {
  const found = stats.find((t) => t.topic === topic)?.groups.find((g) => g.group === group);
  if (!found) throw new Error(`no stats for ${topic}/${group}`);
  return found;
}

describe('MemoryBus', () => {
  it('delivers in order to one subscriber', async () => {
    const b = bus(100, 'wait');
    const seen: number[] = [];
    b.subscribe('a', (n) => void seen.push(n), { group: 'g' });
    for (let i = 0; i < 1_000; i++) await b.publish('a', i);
    await b.drain();
    expect(seen).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
    await b.close();
  });

  it('gives every group every message, and shares a group between its subscriptions', async () => {
    const b = bus(100, 'wait');
    const store: number[] = [];
    const workers: [number[], number[]] = [[], []];
    b.subscribe('a', (n) => void store.push(n), { group: 'store' });
    b.subscribe('a', (n) => void workers[0].push(n), { group: 'detect', concurrency: 2 });
    b.subscribe('a', (n) => void workers[1].push(n), { group: 'detect', concurrency: 2 });
    for (let i = 0; i < 500; i++) await b.publish('a', i);
    await b.drain();
    expect(store).toHaveLength(500);
    expect([...workers[0], ...workers[1]].sort((x, y) => x - y)).toEqual(store);
    expect(workers[0].length).toBeGreaterThan(0);
    expect(workers[1].length).toBeGreaterThan(0);
    await b.close();
  });

  it('counts a message with no group as unrouted', async () => {
    const b = bus(10, 'wait');
    expect(await b.publish('a', 1)).toBe('unrouted');
    expect(b.stats().find((t) => t.topic === 'a')).toMatchObject({ published: 1, unrouted: 1 });
    await b.close();
  });

  it('drop-newest drops the new message when full, and counts it', async () => {
    const b = bus(3, 'drop-newest');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen: number[] = [];
    b.subscribe(
      'a',
      async (n) => {
        await gate;
        seen.push(n);
      },
      { group: 'g' },
    );
    const outcomes = [];
    for (let i = 0; i < 10; i++) outcomes.push(await b.publish('a', i));
    // The worker holds 0 in hand; 1, 2, 3 fill the queue; 4-9 are dropped.
    await new Promise((r) => setImmediate(r));
    release();
    await b.drain();
    const stats = groupStats(b.stats(), 'a', 'g');
    expect(stats.delivered + stats.dropped).toBe(10);
    expect(stats.highWater).toBeLessThanOrEqual(3);
    expect(seen).toEqual(seen.slice().sort((x, y) => x - y));
    expect(outcomes.filter((o) => o === 'dropped')).toHaveLength(stats.dropped);
    await b.close();
  });

  it('drop-oldest keeps the freshest messages', async () => {
    const b = bus(3, 'drop-oldest');
    const seen: number[] = [];
    // Publish before anyone reads: the group exists once subscribed; hold the worker busy first.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    b.subscribe(
      'a',
      async (n) => {
        if (n === 0) await gate;
        seen.push(n);
      },
      { group: 'g' },
    );
    await b.publish('a', 0);
    await new Promise((r) => setImmediate(r));
    for (let i = 1; i <= 10; i++) await b.publish('a', i);
    release();
    await b.drain();
    expect(seen).toEqual([0, 8, 9, 10]);
    expect(groupStats(b.stats(), 'a', 'g').dropped).toBe(7);
    await b.close();
  });

  it('wait makes the publisher wait for room, and loses nothing', async () => {
    const b = bus(4, 'wait');
    let handled = 0;
    b.subscribe(
      'a',
      async () => {
        await new Promise((r) => setImmediate(r));
        handled++;
      },
      { group: 'slow' },
    );
    for (let i = 0; i < 200; i++) await b.publish('a', i);
    await b.drain();
    const stats = groupStats(b.stats(), 'a', 'slow');
    expect(handled).toBe(200);
    expect(stats).toMatchObject({ delivered: 200, dropped: 0, failed: 0, depth: 0 });
    expect(stats.highWater).toBeLessThanOrEqual(4);
    await b.close();
  });

  it('counts a failing handler and carries on', async () => {
    const failures: string[] = [];
    const b = bus(10, 'wait', () => failures.push('x'));
    const seen: number[] = [];
    b.subscribe(
      'a',
      (n) => {
        if (n % 3 === 0) throw new Error(`bad ${String(n)}`);
        seen.push(n);
      },
      { group: 'g' },
    );
    for (let i = 0; i < 9; i++) await b.publish('a', i);
    await b.drain();
    expect(seen).toEqual([1, 2, 4, 5, 7, 8]);
    expect(groupStats(b.stats(), 'a', 'g')).toMatchObject({ delivered: 6, failed: 3 });
    expect(failures).toHaveLength(3);
    await b.close();
  });

  it('lets handlers publish onward while draining and closing', async () => {
    const b = bus(10, 'wait');
    const alerts: string[] = [];
    b.subscribe(
      'a',
      async (n) => {
        if (n % 2 === 0) await b.publish('b', `alert ${String(n)}`);
      },
      { group: 'detect' },
    );
    b.subscribe('b', (s) => void alerts.push(s), { group: 'store' });
    for (let i = 0; i < 20; i++) await b.publish('a', i);
    await b.close();
    expect(alerts).toHaveLength(10);
  });

  it('refuses to publish once closed, and names unknown topics', async () => {
    const b = bus(10, 'wait');
    await b.close();
    await expect(b.publish('a', 1)).rejects.toSatisfy((e) => isOtsafeError(e, 'OTS_BUS_CLOSED'));
    const open = bus(10, 'wait');
    await expect(open.publish('nope' as 'a', 1)).rejects.toSatisfy(
      (e) => isOtsafeError(e, 'OTS_BUS_UNKNOWN_TOPIC') && String(e).includes('"nope"'),
    );
    await open.close();
  });

  it('releases waiting publishers when the last subscription leaves', async () => {
    const b = bus(1, 'wait');
    const never = new Promise<void>(() => undefined);
    const sub = b.subscribe('a', () => never, { group: 'stuck' });
    await b.publish('a', 1); // taken in hand, never finishes
    await new Promise((r) => setImmediate(r));
    await b.publish('a', 2); // fills the queue
    const blocked = b.publish('a', 3);
    void sub.unsubscribe();
    expect(await blocked).toBe('dropped');
    expect(groupStats(b.stats(), 'a', 'stuck').dropped).toBe(1);
  });
});

describe('MemoryBus under load', () => {
  const N = 300_000;

  it('drop policy: bounded depth, and delivered + dropped = published', async () => {
    const b = bus(1_000, 'drop-newest');
    let sink = 0;
    b.subscribe(
      'a',
      async (n) => {
        if (n % 64 === 0) await new Promise((r) => setImmediate(r));
        sink += n & 1;
      },
      { group: 'slow' },
    );
    b.subscribe('a', (n) => void (sink += n & 1), { group: 'fast', concurrency: 4 });
    for (let i = 0; i < N; i++) await b.publish('a', i);
    await b.drain();
    const stats = b.stats().find((t) => t.topic === 'a')!;
    expect(stats.published).toBe(N);
    for (const g of stats.groups) {
      expect(g.delivered + g.dropped + g.failed).toBe(N);
      expect(g.highWater).toBeLessThanOrEqual(1_000);
    }
    expect(groupStats(b.stats(), 'a', 'slow').dropped).toBeGreaterThan(0);
    expect(sink).toBeGreaterThan(0);
    await b.close();
  });

  it('wait policy: bounded depth, and every message delivered', async () => {
    const b = bus(1_000, 'wait');
    let count = 0;
    b.subscribe(
      'a',
      async (n) => {
        if (n % 64 === 0) await new Promise((r) => setImmediate(r));
        count++;
      },
      { group: 'slow' },
    );
    // Several producers at once, as the gateway's connections would be.
    await Promise.all(
      Array.from({ length: 8 }, async (_, p) => {
        for (let i = p; i < N; i += 8) await b.publish('a', i);
      }),
    );
    await b.drain();
    expect(count).toBe(N);
    const stats = groupStats(b.stats(), 'a', 'slow');
    expect(stats).toMatchObject({ delivered: N, dropped: 0, depth: 0 });
    expect(stats.highWater).toBeLessThanOrEqual(1_000);
    await b.close();
  });
});
