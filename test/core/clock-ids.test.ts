// The fake clock fires timers in time order, and ULIDs sort by the clock that made them.
import { describe, expect, it } from 'vitest';
import {
  FakeClock,
  SystemClock,
  createIdFactory,
  formatDuration,
  idTime,
  isOtsafeError,
  isUlid,
  parseDuration,
} from '../../src/core/index.js';

describe('FakeClock', () => {
  it('fires timeouts and intervals in order, at their instants', () => {
    const clock = new FakeClock(1_000);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${String(clock.now())}`), 300);
    clock.setTimeout(() => fired.push(`a@${String(clock.now())}`), 100);
    const tick = clock.setInterval(() => fired.push(`i@${String(clock.now())}`), 200);
    const cancelled = clock.setTimeout(() => fired.push('never'), 50);
    clock.clearTimeout(cancelled);
    clock.advance(450);
    expect(fired).toEqual(['a@1100', 'i@1200', 'b@1300', 'i@1400']);
    expect(clock.now()).toBe(1_450);
    clock.clearInterval(tick);
    expect(clock.pending).toBe(0);
  });

  it('lets async code progress with advanceAsync', async () => {
    const clock = new FakeClock(0);
    const steps: number[] = [];
    const run = (async () => {
      for (let i = 0; i < 3; i++) {
        await clock.sleep(1_000);
        steps.push(clock.now());
      }
    })();
    await clock.advanceAsync(5_000);
    await run;
    expect(steps).toEqual([1_000, 2_000, 3_000]);
  });

  it('rejects a sleep when aborted', async () => {
    const clock = new FakeClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pending).toBe(0);
  });

  it('SystemClock sleeps for real', async () => {
    const clock = new SystemClock();
    const before = Date.now();
    await clock.sleep(5);
    expect(clock.now()).toBeGreaterThanOrEqual(before);
  });
});

describe('ids', () => {
  it('makes ULIDs timed by the clock, sorted in order of creation', () => {
    const clock = new FakeClock(Date.UTC(2026, 10, 22));
    const next = createIdFactory(clock);
    const ids = Array.from({ length: 1_000 }, () => next());
    expect(ids.every(isUlid)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(idTime(ids[0]!)).toBe(clock.now());
  });
});

describe('durations', () => {
  it('parses and formats', () => {
    expect(['500ms', '30s', '15m', '12h', '30d', '2w', '1.5s'].map(parseDuration)).toEqual([
      500, 30_000, 900_000, 43_200_000, 2_592_000_000, 1_209_600_000, 1_500,
    ]);
    expect([90_000, 86_400_000, 1_500, 0].map(formatDuration)).toEqual([
      '90s',
      '1d',
      '1500ms',
      '0ms',
    ]);
  });

  it('names a bad duration', () => {
    expect(() => parseDuration('thirty days')).toThrow(/"thirty days" is not a duration/);
    try {
      parseDuration('5 years');
    } catch (err) {
      expect(isOtsafeError(err, 'OTS_BAD_DURATION')).toBe(true);
    }
  });
});
