// Big-endian reads shared by the layer decoders (network byte order, RFC 1700).

/** An unsigned 32-bit big-endian value at `at`; bytes past the end read as 0 (callers check lengths first). */
export function readUint32(data: Uint8Array, at: number): number {
  return (
    (((data[at] ?? 0) << 24) |
      ((data[at + 1] ?? 0) << 16) |
      ((data[at + 2] ?? 0) << 8) |
      (data[at + 3] ?? 0)) >>>
    0
  );
}
