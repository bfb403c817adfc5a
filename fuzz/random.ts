// The fuzzer's random numbers: a small seeded generator reseeded for every case from (run seed,
// case index), so that any one case can be replayed alone without running the cases before it.

/** splitmix32's finaliser: spreads a 32-bit value over all bits (used to derive case seeds). */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A run seed from any text or number, as given on the command line. */
export function parseSeed(text: string): number {
  const number = Number(text);
  if (Number.isInteger(number) && number >= 0 && number <= 0xffffffff) return number >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * mulberry32: one 32-bit word of state, a few multiplications per draw, and good enough
 * statistics for choosing bytes and mutations. Not for anything secret.
 */
export class Rng {
  private state = 0;

  /** Positions the generator at case `index` of the run `seed`. */
  reseed(seed: number, index: number): void {
    this.state = mix32(
      mix32(seed) ^ Math.imul(index | 0, 0x27d4eb2f) ^ ((index / 0x100000000) | 0),
    );
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** An integer in [0, n) for n >= 1 (0 when n <= 0). */
  below(n: number): number {
    return n <= 0 ? 0 : Math.floor((this.u32() / 0x100000000) * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  /** True with probability numerator / denominator. */
  chance(numerator: number, denominator: number): boolean {
    return this.below(denominator) < numerator;
  }

  byte(): number {
    return this.u32() & 0xff;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /**
   * A length skewed towards small values, as bugs at boundaries live there: half the draws are
   * under 16, most under 64, a few up to `max`.
   */
  length(max: number): number {
    const r = this.below(8);
    if (r < 4) return this.below(Math.min(16, max) + 1);
    if (r < 7) return this.below(Math.min(64, max) + 1);
    return this.below(max + 1);
  }

  /** Fills `bytes[start, end)` with random bytes, four at a time. */
  fill(bytes: Uint8Array, start: number, end: number): void {
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const word = this.u32();
      bytes[i] = word;
      bytes[i + 1] = word >>> 8;
      bytes[i + 2] = word >>> 16;
      bytes[i + 3] = word >>> 24;
    }
    for (; i < end; i++) bytes[i] = this.u32();
  }
}
