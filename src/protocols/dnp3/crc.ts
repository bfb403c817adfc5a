// CRC-16/DNP, the checksum that closes the link header and every user data block
// (IEEE 1815-2012, 9.2.5: polynomial 0x3D65, reflected, initial 0, final XOR 0xFFFF, sent LSB first).

/** Lookup table for the reflected polynomial 0xA6BC (0x3D65 bit-reversed). */
const TABLE = ((): Uint16Array => {
  const table = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = n;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xa6bc : crc >>> 1;
    }
    table[n] = crc;
  }
  return table;
})();

/** CRC-16/DNP of bytes[start, end). The check value of "123456789" is 0xEA82. */
export function dnp3Crc(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    // Indices are in range by construction; `?? 0` only satisfies noUncheckedIndexedAccess.
    crc = (crc >>> 8) ^ (TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0);
  }
  return ~crc & 0xffff;
}

/** True when the two bytes at `at` (little-endian) hold the CRC of bytes[start, at). */
export function dnp3CrcMatches(bytes: Uint8Array, start: number, at: number): boolean {
  const crc = dnp3Crc(bytes, start, at);
  return (bytes[at] ?? -1) === (crc & 0xff) && (bytes[at + 1] ?? -1) === crc >>> 8;
}
