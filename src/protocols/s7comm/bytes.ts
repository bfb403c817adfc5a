// Byte helpers shared by the S7comm decoders and encoders: big-endian reads, Latin-1 strings and
// a growable writer. Every multi-byte field of TPKT, COTP and S7 is big-endian.

/** Unsigned 16-bit big-endian value at `offset`; the caller has checked the bounds. */
export function u16(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0);
}

/** Unsigned 24-bit big-endian value at `offset` (S7ANY addresses). */
export function u24(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 16) | ((bytes[offset + 1] ?? 0) << 8) | (bytes[offset + 2] ?? 0);
}

/** Unsigned 32-bit big-endian value at `offset`. */
export function u32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] ?? 0) * 0x1000000 +
    (((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0))
  );
}

/** The bytes as a Latin-1 string: S7 names and file names are 8-bit characters, not UTF-8. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] ?? 0);
  return text;
}

/** The text up to its first NUL, with trailing spaces removed: how S7 pads fixed-size names. */
export function paddedText(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let stop = start;
  while (stop < end && bytes[stop] !== 0) stop++;
  while (stop > start && bytes[stop - 1] === 0x20) stop--;
  return latin1(bytes, start, stop);
}

/** The string as Latin-1 bytes; characters above 0xFF keep their low byte. */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** `text` in exactly `size` Latin-1 bytes: cut when longer, filled with `pad` when shorter. */
export function fixedText(text: string, size: number, pad: number): Uint8Array {
  const out = new Uint8Array(size).fill(pad);
  const n = Math.min(size, text.length);
  for (let i = 0; i < n; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Lower-case hex of the bytes, for messages and names. */
export function hex(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += (b < 16 ? '0' : '') + b.toString(16);
  return text;
}

/** 0x0011 -> '0x0011': how SZL ids are written in the Siemens manuals and in tshark. */
export function hex16(value: number): string {
  return '0x' + (value & 0xffff).toString(16).padStart(4, '0');
}

/**
 * An append-only byte buffer for encoders. Values are masked to their field width, so an encoder
 * never throws: a caller that passes 70000 for a 16-bit field gets 70000 & 0xFFFF, as on the wire.
 */
export class ByteWriter {
  private buf: Uint8Array;
  private len = 0;

  constructor(capacity = 64) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.len;
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  u8(value: number): this {
    this.room(1);
    this.buf[this.len++] = value & 0xff;
    return this;
  }

  u16(value: number): this {
    this.room(2);
    this.buf[this.len++] = (value >>> 8) & 0xff;
    this.buf[this.len++] = value & 0xff;
    return this;
  }

  u24(value: number): this {
    this.room(3);
    this.buf[this.len++] = (value >>> 16) & 0xff;
    this.buf[this.len++] = (value >>> 8) & 0xff;
    this.buf[this.len++] = value & 0xff;
    return this;
  }

  u32(value: number): this {
    this.room(4);
    this.buf[this.len++] = (value >>> 24) & 0xff;
    this.buf[this.len++] = (value >>> 16) & 0xff;
    this.buf[this.len++] = (value >>> 8) & 0xff;
    this.buf[this.len++] = value & 0xff;
    return this;
  }

  bytes(value: Uint8Array): this {
    this.room(value.length);
    this.buf.set(value, this.len);
    this.len += value.length;
    return this;
  }

  /** Latin-1 characters, one byte each, no length prefix. */
  text(value: string): this {
    this.room(value.length);
    for (let i = 0; i < value.length; i++) this.buf[this.len++] = value.charCodeAt(i) & 0xff;
    return this;
  }

  /** Overwrite one byte already written (length fields known only after their content). */
  patch(offset: number, value: number): this {
    if (offset >= 0 && offset < this.len) this.buf[offset] = value & 0xff;
    return this;
  }

  /** A copy of what was written, sized exactly. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}
