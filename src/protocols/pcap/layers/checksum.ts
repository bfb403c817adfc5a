// The Internet checksum (RFC 1071) and the pseudo-headers TCP and UDP cover (RFC 9293, 3.1;
// RFC 768; RFC 8200, 8.1), for the encoders.

/** Adds 16-bit big-endian words of `bytes` to `sum` (an odd last byte is padded with zero). */
export function checksumAdd(sum: number, bytes: Uint8Array): number {
  let total = sum;
  const even = bytes.length & ~1;
  for (let i = 0; i < even; i += 2) total += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  if (even !== bytes.length) total += (bytes[even] ?? 0) << 8;
  return total;
}

/** Folds the carries and takes the one's complement. */
export function checksumFinish(sum: number): number {
  let total = sum;
  while (total > 0xffff) total = (total & 0xffff) + Math.floor(total / 0x10000);
  return ~total & 0xffff;
}

/** Sum of the pseudo-header for a TCP or UDP segment of `length` bytes. */
export function pseudoHeaderSum(
  source: Uint8Array,
  destination: Uint8Array,
  protocol: number,
  length: number,
): number {
  let sum = checksumAdd(0, source);
  sum = checksumAdd(sum, destination);
  // IPv4: zero, protocol, 16-bit length. IPv6: 32-bit length, three zero bytes, next header.
  sum += protocol;
  sum += (length >>> 16) + (length & 0xffff);
  return sum;
}
