// Shared helpers of the EtherNet/IP tests.

/** Bytes from hex written with any separators. */
export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/[^0-9a-fA-F]/g, ''), 'hex'));
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts.map((part) => Buffer.from(part))));
}
