// The in-process bus: one bounded FIFO per (topic, consumer group), worker loops per
// subscription, and counters for everything that is delivered, dropped or failed.
import { OtsafeError } from '../core/index.js';
import type {
  Bus,
  GroupStats,
  Handler,
  HandlerErrorHook,
  PublishOutcome,
  SubscribeOptions,
  Subscription,
  TopicStats,
} from './bus.js';
import type { TopicPolicies, TopicPolicy } from './topics.js';

/** Messages a worker handles back to back before it lets the event loop breathe. */
const YIELD_EVERY = 256;

/** A FIFO with O(1) shift: an array read from a moving head, compacted now and then. */
class Fifo<M> {
  private items: M[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: M): void {
    this.items.push(item);
  }

  shift(): M | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.head++;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

class GroupSubscription<M> implements Subscription {
  stopped = false;
  readonly loops: Promise<void>[] = [];

  constructor(
    readonly topic: string,
    readonly group: string,
    readonly handler: Handler<M>,
    private readonly owner: ConsumerGroup<M>,
  ) {}

  async unsubscribe(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.owner.detach(this);
    await Promise.all(this.loops);
  }
}

/** One consumer group's queue and the subscriptions that share it. */
class ConsumerGroup<M> {
  private readonly queue = new Fifo<M>();
  private readonly subscriptions = new Set<GroupSubscription<M>>();
  /** Worker loops waiting for a message. */
  private idleWorkers: (() => void)[] = [];
  /** Publishers waiting for room (policy `wait`). */
  private spaceWaiters: ((room: boolean) => void)[] = [];
  /** Callers of drain() waiting for an empty queue and no message in hand. */
  private drainWaiters: (() => void)[] = [];
  private inFlight = 0;
  readonly stats: GroupStats;

  constructor(
    readonly topic: string,
    readonly name: string,
    private readonly policy: TopicPolicy,
    private readonly onError: HandlerErrorHook,
  ) {
    this.stats = {
      group: name,
      capacity: policy.capacity,
      depth: 0,
      highWater: 0,
      delivered: 0,
      dropped: 0,
      failed: 0,
    };
  }

  get attached(): boolean {
    return this.subscriptions.size > 0;
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.inFlight === 0 && this.spaceWaiters.length === 0;
  }

  /** Queues a message under the topic's overflow policy; true if it was queued. */
  async offer(message: M): Promise<boolean> {
    const { capacity, overflow } = this.policy;
    while (this.queue.length >= capacity) {
      if (overflow === 'drop-newest') {
        this.stats.dropped++;
        return false;
      }
      if (overflow === 'drop-oldest') {
        this.queue.shift();
        this.stats.dropped++;
        break;
      }
      const room = await new Promise<boolean>((resolve) => this.spaceWaiters.push(resolve));
      if (!room) {
        // The last subscription left while we waited: nobody will read this message here.
        this.stats.dropped++;
        return false;
      }
    }
    this.queue.push(message);
    this.stats.depth = this.queue.length;
    if (this.stats.depth > this.stats.highWater) this.stats.highWater = this.stats.depth;
    this.idleWorkers.shift()?.();
    return true;
  }

  attach(subscription: GroupSubscription<M>, concurrency: number): void {
    this.subscriptions.add(subscription);
    for (let i = 0; i < concurrency; i++) subscription.loops.push(this.work(subscription));
  }

  detach(subscription: GroupSubscription<M>): void {
    this.subscriptions.delete(subscription);
    // Wake every idle loop so the stopped ones can leave.
    for (const wake of this.idleWorkers.splice(0)) wake();
    if (!this.attached) for (const release of this.spaceWaiters.splice(0)) release(false);
  }

  whenIdle(): Promise<void> {
    if (this.idle || !this.attached) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private async work(subscription: GroupSubscription<M>): Promise<void> {
    let handledInARow = 0;
    while (!subscription.stopped) {
      if (this.queue.length === 0) {
        handledInARow = 0;
        this.notifyIfIdle();
        await new Promise<void>((resolve) => this.idleWorkers.push(resolve));
        continue;
      }
      const message = this.queue.shift() as M;
      this.stats.depth = this.queue.length;
      this.spaceWaiters.shift()?.(true);
      this.inFlight++;
      try {
        const pending = subscription.handler(message);
        if (pending) await pending;
        this.stats.delivered++;
      } catch (error) {
        this.stats.failed++;
        this.onError(error, { topic: this.topic, group: this.name });
      } finally {
        this.inFlight--;
      }
      if (++handledInARow >= YIELD_EVERY) {
        handledInARow = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    this.notifyIfIdle();
  }

  private notifyIfIdle(): void {
    if (this.idle || !this.attached) for (const resolve of this.drainWaiters.splice(0)) resolve();
  }
}

interface TopicState {
  policy: TopicPolicy;
  published: number;
  unrouted: number;
  groups: Map<string, ConsumerGroup<unknown>>;
}

export interface MemoryBusOptions<T> {
  policies: TopicPolicies<T>;
  onHandlerError?: HandlerErrorHook;
}

export class MemoryBus<T> implements Bus<T> {
  private readonly topics = new Map<string, TopicState>();
  private readonly onError: HandlerErrorHook;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(options: MemoryBusOptions<T>) {
    this.onError = options.onHandlerError ?? (() => undefined);
    for (const [topic, policy] of Object.entries<TopicPolicy>(options.policies)) {
      if (!Number.isInteger(policy.capacity) || policy.capacity < 1) {
        throw new RangeError(
          `bus topic ${topic}: capacity must be a positive integer, got ${String(policy.capacity)}`,
        );
      }
      this.topics.set(topic, { policy, published: 0, unrouted: 0, groups: new Map() });
    }
  }

  async publish<K extends keyof T & string>(topic: K, message: T[K]): Promise<PublishOutcome> {
    if (this.closed)
      throw new OtsafeError('OTS_BUS_CLOSED', `cannot publish on "${topic}": the bus is closed`);
    const state = this.topicState(topic);
    state.published++;
    let routed = 0;
    let dropped = false;
    for (const group of state.groups.values()) {
      if (!group.attached) continue;
      routed++;
      if (!(await group.offer(message))) dropped = true;
    }
    if (routed === 0) {
      state.unrouted++;
      return 'unrouted';
    }
    return dropped ? 'dropped' : 'queued';
  }

  subscribe<K extends keyof T & string>(
    topic: K,
    handler: Handler<T[K]>,
    options: SubscribeOptions,
  ): Subscription {
    if (this.closed)
      throw new OtsafeError('OTS_BUS_CLOSED', `cannot subscribe to "${topic}": the bus is closed`);
    const state = this.topicState(topic);
    let group = state.groups.get(options.group) as ConsumerGroup<T[K]> | undefined;
    if (!group) {
      group = new ConsumerGroup<T[K]>(topic, options.group, state.policy, this.onError);
      state.groups.set(options.group, group as ConsumerGroup<unknown>);
    }
    const subscription = new GroupSubscription(topic, options.group, handler, group);
    group.attach(subscription, Math.max(1, options.concurrency ?? 1));
    this.subscriptions.add(subscription);
    return subscription;
  }

  stats(): TopicStats[] {
    return [...this.topics].map(([topic, state]) => ({
      topic,
      overflow: state.policy.overflow,
      published: state.published,
      unrouted: state.unrouted,
      groups: [...state.groups.values()].map((g) => ({ ...g.stats })),
    }));
  }

  async drain(): Promise<void> {
    // A handler may publish onward (events -> alerts), so repeat until a pass finds all idle.
    for (;;) {
      const groups = [...this.topics.values()].flatMap((s) => [...s.groups.values()]);
      if (groups.every((g) => g.idle || !g.attached)) return;
      await Promise.all(groups.map((g) => g.whenIdle()));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Producers stop before the bus does; handlers may still publish onward while it drains.
    await this.drain();
    this.closed = true;
    await this.drain();
    await Promise.all([...this.subscriptions].map((s) => s.unsubscribe()));
    this.subscriptions.clear();
  }

  private topicState(topic: string): TopicState {
    const state = this.topics.get(topic);
    if (!state) {
      throw new OtsafeError(
        'OTS_BUS_UNKNOWN_TOPIC',
        `no topic "${topic}" on this bus: declared are ${[...this.topics.keys()].join(', ')}`,
        {
          details: { topic },
        },
      );
    }
    return state;
  }
}
