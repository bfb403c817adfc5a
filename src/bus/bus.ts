// The contract every event bus keeps, in process or over NATS JetStream.

/** The fate of one published message. */
export type PublishOutcome =
  /** Queued for every consumer group. */
  | 'queued'
  /** Queued for some groups and dropped (and counted) for at least one full one. */
  | 'dropped'
  /** No consumer group subscribes to the topic: counted, then discarded. */
  | 'unrouted';

export type Handler<M> = (message: M) => void | Promise<void>;

export interface SubscribeOptions {
  /**
   * The consumer group. Subscriptions in one group share the topic's messages (each message goes
   * to one of them); each group receives every message. This is a JetStream durable consumer.
   */
  group: string;
  /** Messages this subscription handles at once; default 1, which keeps order. */
  concurrency?: number;
}

export interface Subscription {
  readonly topic: string;
  readonly group: string;
  /** Stops taking new messages; resolves when the ones in hand are done. */
  unsubscribe(): Promise<void>;
}

export interface GroupStats {
  group: string;
  capacity: number;
  /** Messages waiting now. */
  depth: number;
  /** The most that ever waited at once: never above capacity. */
  highWater: number;
  delivered: number;
  dropped: number;
  failed: number;
}

export interface TopicStats {
  topic: string;
  overflow: string;
  published: number;
  unrouted: number;
  groups: GroupStats[];
}

export interface Bus<T> {
  publish<K extends keyof T & string>(topic: K, message: T[K]): Promise<PublishOutcome>;
  subscribe<K extends keyof T & string>(
    topic: K,
    handler: Handler<T[K]>,
    options: SubscribeOptions,
  ): Subscription;
  stats(): TopicStats[];
  /** Resolves once every queued message has been handled. */
  drain(): Promise<void>;
  /** Refuses new messages, drains, then stops every subscription. */
  close(): Promise<void>;
}

/** Called when a handler throws; the message is counted as failed and the bus carries on. */
export type HandlerErrorHook = (error: unknown, context: { topic: string; group: string }) => void;
