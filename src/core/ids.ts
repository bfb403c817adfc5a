// Record ids are ULIDs: 26 characters, unique, and sorted by creation time, so a store can
// append in id order and a reader can page by id.
import { decodeTime, monotonicFactory } from 'ulid';
import type { Clock } from './clock.js';

export type IdFactory = () => string;

/**
 * Makes ULIDs timed by the given clock. Ids made within one millisecond still sort in the
 * order they were made (the ULID spec's monotonic mode).
 */
export function createIdFactory(clock: Pick<Clock, 'now'>): IdFactory {
  const next = monotonicFactory();
  return () => next(clock.now());
}

const systemIds = monotonicFactory();

/** A ULID timed by the wall clock. */
export function newId(): string {
  return systemIds();
}

/** The millisecond a ULID was made at. */
export function idTime(id: string): number {
  return decodeTime(id);
}

const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

export function isUlid(value: string): boolean {
  return ULID.test(value);
}
