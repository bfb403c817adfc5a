// The topics of the event bus, what each carries, and the queue policy each declares.
import type { Alert, OtsafeEvent, TelemetryPoint } from '../core/index.js';

/** What each topic carries. A bus is typed by such a map. */
export interface OtsafeTopics {
  /** Everything observed: transactions, honeypot interactions, malformed input. */
  events: OtsafeEvent;
  /** Everything detection decided. */
  alerts: Alert;
  /** Process values from the plant and the connectors. */
  telemetry: TelemetryPoint;
}

/**
 * What a full queue does to a publisher:
 * - `wait`: the publisher waits for room (backpressure); nothing is dropped.
 * - `drop-newest`: the new message is dropped and counted.
 * - `drop-oldest`: the oldest queued message is dropped and counted, so readers see fresh values.
 */
export const OVERFLOW_POLICIES = ['wait', 'drop-newest', 'drop-oldest'] as const;
export type OverflowPolicy = (typeof OVERFLOW_POLICIES)[number];

export interface TopicPolicy {
  /** Messages a consumer group may hold before the overflow policy applies. */
  capacity: number;
  overflow: OverflowPolicy;
}

export type TopicPolicies<T> = { [K in keyof T]: TopicPolicy };

/**
 * Defaults: observed events and alerts are evidence, so producers wait rather than lose them;
 * telemetry is a stream of fresh values, so a slow reader loses the oldest and the loss is counted.
 */
export const DEFAULT_TOPIC_POLICIES: TopicPolicies<OtsafeTopics> = {
  events: { capacity: 10_000, overflow: 'wait' },
  alerts: { capacity: 10_000, overflow: 'wait' },
  telemetry: { capacity: 50_000, overflow: 'drop-oldest' },
};
