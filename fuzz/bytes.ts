// Building fuzz inputs without allocating per case: a growable scratch buffer, the mutations
// applied to real frames (bit flips, boundary bytes, length-field lies, truncations, extensions,
// insertions, duplications, splices) and the random slicing of a stream into pushes.
import type { Rng } from './random.js';

/** A length or count field of a sample, relative to the sample's first byte. */
export interface LengthField {
  readonly at: number;
  readonly size: 1 | 2 | 4;
  readonly little: boolean;
}

/** A real frame (a vector of the codec's own tests) with the length fields it holds. */
export interface Sample {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly fields: readonly LengthField[];
}

export function sample(name: string, bytes: Uint8Array, fields: LengthField[] = []): Sample {
  return { name, bytes, fields: fields.filter((f) => f.at >= 0 && f.at + f.size <= bytes.length) };
}

export const u8 = (at: number): LengthField => ({ at, size: 1, little: false });
export const u16be = (at: number): LengthField => ({ at, size: 2, little: false });
export const u16le = (at: number): LengthField => ({ at, size: 2, little: true });
export const u32be = (at: number): LengthField => ({ at, size: 4, little: false });
export const u32le = (at: number): LengthField => ({ at, size: 4, little: true });

/** The scratch buffer a case is built in. Inputs are views into it, valid until the next case. */
export class Builder {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity);
  }

  reset(): void {
    this.length = 0;
  }

  /** Room for `extra` more bytes. */
  reserve(extra: number): void {
    const wanted = this.length + extra;
    if (wanted <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < wanted) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  appendByte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  appendRandom(rng: Rng, count: number): void {
    this.reserve(count);
    rng.fill(this.bytes, this.length, this.length + count);
    this.length += count;
  }

  appendFill(value: number, count: number): void {
    this.reserve(count);
    this.bytes.fill(value, this.length, this.length + count);
    this.length += count;
  }

  /** Writes a big- or little-endian field at `at` (inside the buffer). */
  write(at: number, size: 1 | 2 | 4, little: boolean, value: number): void {
    const b = this.bytes;
    if (size === 1) {
      b[at] = value;
    } else if (size === 2) {
      b[at + (little ? 0 : 1)] = value;
      b[at + (little ? 1 : 0)] = value >>> 8;
    } else {
      for (let i = 0; i < 4; i++) b[at + (little ? i : 3 - i)] = value >>> (8 * i);
    }
  }

  read(at: number, size: 1 | 2 | 4, little: boolean): number {
    const b = this.bytes;
    let value = 0;
    for (let i = 0; i < size; i++) value += (b[at + (little ? i : size - 1 - i)] ?? 0) * 256 ** i;
    return value;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Bytes that sit on boundaries of signed and unsigned ranges. */
const BOUNDARY_BYTES = [0x00, 0x01, 0x02, 0x7f, 0x80, 0x81, 0xfe, 0xff] as const;

/** A lie for a length field holding `value`: 0, 1, the maximum, value ± 1, and other edges. */
function lie(rng: Rng, value: number, size: 1 | 2 | 4): number {
  const max = size === 1 ? 0xff : size === 2 ? 0xffff : 0xffffffff;
  switch (rng.below(10)) {
    case 0:
      return 0;
    case 1:
      return 1;
    case 2:
      return max;
    case 3:
      return value === 0 ? max : value - 1;
    case 4:
      return value === max ? 0 : value + 1;
    case 5:
      return Math.min(max, value * 2 + 1);
    case 6:
      return Math.floor(max / 2) + 1; // the sign bit alone: 0x80, 0x8000, 0x80000000
    case 7:
      return Math.max(0, Math.min(max, value + rng.between(-8, 8)));
    case 8:
      return max - 1;
    default:
      return size === 4 ? rng.u32() : rng.below(max + 1);
  }
}

const SIZES = [1, 2, 2, 4] as const;

/**
 * Applies 1 to 4 mutations to the sample that lies at `out.bytes[start, out.length)`; `other`
 * gives a second real frame for splices.
 */
export function mutate(rng: Rng, out: Builder, start: number, s: Sample, other: Sample): void {
  const count = rng.chance(1, 2) ? 1 : rng.between(2, 4);
  for (let m = 0; m < count; m++) {
    const size = out.length - start;
    const at = start + rng.below(size);
    switch (rng.below(13)) {
      case 0:
      case 1: {
        // flip one to four bits
        if (size === 0) break;
        const flips = rng.between(1, 4);
        for (let i = 0; i < flips; i++) {
          const where = start + rng.below(size);
          out.bytes[where] = (out.bytes[where] ?? 0) ^ (1 << rng.below(8));
        }
        break;
      }
      case 2: {
        // a byte set to a boundary value
        if (size === 0) break;
        out.bytes[at] = rng.pick(BOUNDARY_BYTES);
        break;
      }
      case 3:
      case 4: {
        // a known length field lies: 0, 1, max, len ± 1, ...
        if (s.fields.length === 0) break;
        const f = rng.pick(s.fields);
        if (f.at + f.size > size) break;
        const value = out.read(start + f.at, f.size, f.little);
        out.write(start + f.at, f.size, f.little, lie(rng, value, f.size));
        break;
      }
      case 5: {
        // an unknown field lies: any offset, any width and byte order
        const width = rng.pick(SIZES);
        if (size < width) break;
        const where = start + rng.below(size - width + 1);
        const little = rng.chance(1, 2);
        out.write(where, width, little, lie(rng, out.read(where, width, little), width));
        break;
      }
      case 6:
      case 7: {
        // truncation
        out.length = start + rng.below(size + 1);
        break;
      }
      case 8: {
        // extension: random bytes, zeros or 0xFF
        const extra = rng.between(1, 32);
        const kind = rng.below(3);
        if (kind === 0) out.appendRandom(rng, extra);
        else out.appendFill(kind === 1 ? 0x00 : 0xff, extra);
        break;
      }
      case 9: {
        // insertion of a few random bytes
        const extra = rng.between(1, 8);
        const where = start + rng.below(size + 1);
        out.reserve(extra);
        out.bytes.copyWithin(where + extra, where, out.length);
        rng.fill(out.bytes, where, where + extra);
        out.length += extra;
        break;
      }
      case 10: {
        // deletion of a few bytes
        if (size === 0) break;
        const remove = Math.min(rng.between(1, 8), out.length - at);
        out.bytes.copyWithin(at, at + remove, out.length);
        out.length -= remove;
        break;
      }
      case 11: {
        // duplication: the frame (or its head) again, as a retransmission would
        const copy = Math.min(size, rng.chance(1, 2) ? size : rng.below(size + 1));
        out.reserve(copy);
        out.bytes.copyWithin(out.length, start, start + copy);
        out.length += copy;
        break;
      }
      default: {
        // splice: the head of this frame, then the tail of another
        out.length = start + rng.below(size + 1);
        out.append(other.bytes.subarray(rng.below(other.bytes.length + 1)));
        break;
      }
    }
  }
}

/** Makes the outer length fields of the frame at `out.bytes[start, out.length)` true again. */
export type Repair = (out: Builder, start: number) => void;

/**
 * Appends `s` and mutates it. Half the time `repair` then mends the outer length fields, so that
 * a mutation that changed the size gets past the framing to the decoders behind it.
 */
export function appendMutated(
  rng: Rng,
  out: Builder,
  s: Sample,
  corpus: readonly Sample[],
  repair?: Repair,
): void {
  const start = out.length;
  out.append(s.bytes);
  mutate(rng, out, start, s, rng.pick(corpus));
  if (repair !== undefined && rng.chance(1, 2)) repair(out, start);
}

/**
 * Pushes `bytes` in slices: whole, byte by byte, in fixed steps, or cut at random points. The
 * slices are views, as a socket's chunks would be. Returns the number of pushes.
 */
export function pushSliced(rng: Rng, bytes: Uint8Array, push: (chunk: Uint8Array) => void): number {
  const n = bytes.length;
  const mode = rng.below(8);
  if (mode === 0 || n === 0) {
    push(bytes);
    return 1;
  }
  if (mode === 1 && n <= 200) {
    for (let i = 0; i < n; i++) push(bytes.subarray(i, i + 1));
    return n;
  }
  let pushes = 0;
  if (mode <= 3) {
    const step = rng.between(1, 48);
    for (let i = 0; i < n; i += step, pushes++) push(bytes.subarray(i, i + step));
    return pushes;
  }
  // Random cuts; now and then an empty push, which a socket may deliver too.
  let at = 0;
  while (at < n) {
    const size = rng.chance(1, 16) ? 0 : rng.length(Math.min(n - at, 300)) + 1;
    push(bytes.subarray(at, at + size));
    at += size;
    pushes++;
  }
  return pushes;
}
