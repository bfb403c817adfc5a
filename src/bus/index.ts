// The door of src/bus: the bus contract, its topics and policies, and the in-process bus.
export type {
  Bus,
  GroupStats,
  Handler,
  HandlerErrorHook,
  PublishOutcome,
  SubscribeOptions,
  Subscription,
  TopicStats,
} from './bus.js';
export { MemoryBus, type MemoryBusOptions } from './memory.js';
export {
  DEFAULT_TOPIC_POLICIES,
  OVERFLOW_POLICIES,
  type OtsafeTopics,
  type OverflowPolicy,
  type TopicPolicies,
  type TopicPolicy,
} from './topics.js';
