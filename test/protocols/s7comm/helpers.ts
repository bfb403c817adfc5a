// Helpers of the S7comm tests: hex vectors written with spaces, and a byte-by-byte stream feed.
import type { CodecError } from '../../../src/protocols/errors.js';
import type { S7commMessage } from '../../../src/protocols/s7comm/index.js';
import { createS7commParser } from '../../../src/protocols/s7comm/index.js';

/** Bytes from hex written in groups: `hex('03 00 00 16', '11 e0')`. */
export function hex(...parts: string[]): Uint8Array {
  const text = parts.join('').replace(/\s+/g, '');
  if (text.length % 2 !== 0 || /[^0-9a-fA-F]/.test(text)) throw new Error(`bad hex: ${text}`);
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

/** Hex of bytes, for readable failures. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** The S7 PDU inside a frame of TPKT (4 bytes) and a COTP DT header (3 bytes). */
export function s7Of(frame: Uint8Array): Uint8Array {
  return frame.subarray(7);
}

/** Feed `bytes` to a fresh stream parser in slices of `step` bytes (1: byte by byte). */
export function feed(
  bytes: Uint8Array,
  step = 1,
): { messages: S7commMessage[]; errors: CodecError[] } {
  const messages: S7commMessage[] = [];
  const errors: CodecError[] = [];
  const parser = createS7commParser(
    (m) => messages.push(m),
    (e) => errors.push(e),
  );
  for (let i = 0; i < bytes.length; i += step) parser.push(bytes.subarray(i, i + step));
  return { messages, errors };
}

/** Text padded to `size` bytes with `pad` (0x20 spaces by default), as hex. */
export function padHex(text: string, size: number, pad = 0x20): string {
  const bytes = new Uint8Array(size).fill(pad);
  for (let i = 0; i < Math.min(size, text.length); i++) bytes[i] = text.charCodeAt(i);
  return toHex(bytes);
}
