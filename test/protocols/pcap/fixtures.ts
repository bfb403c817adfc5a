// Reads the capture fixtures of test/fixtures/pcap (see the README there for sources and licences).
import { readFileSync } from 'node:fs';

export function fixture(name: string): Uint8Array {
  const bytes = readFileSync(new URL(`../../fixtures/pcap/${name}`, import.meta.url));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Feeds `bytes` to `push` in slices of `size` (1 = byte by byte). */
export function feed(bytes: Uint8Array, size: number, push: (chunk: Uint8Array) => void): void {
  for (let at = 0; at < bytes.length; at += size) push(bytes.subarray(at, at + size));
}
