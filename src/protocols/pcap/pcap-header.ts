// The classic pcap file format: the 24-byte global header and the 16-byte record header.
// Layout: draft-ietf-opsawg-pcap (File Header, section 4; Packet Record, section 5).
import { CodecError, fail, ok, type Decoded } from '../errors.js';

/** Magic numbers as read in the writer's byte order (draft-ietf-opsawg-pcap, 4). */
export const PCAP_MAGIC = {
  microseconds: 0xa1b2c3d4,
  nanoseconds: 0xa1b23c4d,
} as const;

export const PCAP_GLOBAL_HEADER_LENGTH = 24;
export const PCAP_RECORD_HEADER_LENGTH = 16;

export type TimestampPrecision = 'microseconds' | 'nanoseconds';

export interface PcapGlobalHeader {
  /** True when the file was written little-endian (magic bytes D4 C3 B2 A1 or 4D 3C B2 A1). */
  readonly littleEndian: boolean;
  /** Record fractions count micro- or nanoseconds, by the magic number. */
  readonly precision: TimestampPrecision;
  readonly versionMajor: number;
  readonly versionMinor: number;
  /** Obsolete GMT offset and accuracy fields; written as 0, kept for a faithful round trip. */
  readonly thiszone: number;
  readonly sigfigs: number;
  /** Largest captured length of any record (SnapLen). */
  readonly snaplen: number;
  /** The link type: the 16 low bits of the LinkType field (draft-ietf-opsawg-pcap, 4). */
  readonly linkType: number;
  /** Octets of FCS at the end of each frame, when the F bit says the field is present. */
  readonly fcsLength: number | undefined;
}

/** Reads a global header from 24 bytes at `offset`; the magic decides the byte order. */
export function decodePcapGlobalHeader(bytes: Uint8Array, offset = 0): Decoded<PcapGlobalHeader> {
  if (bytes.length - offset < PCAP_GLOBAL_HEADER_LENGTH) {
    return fail(
      new CodecError(
        'pcap',
        'OTS_PCAP_TRUNCATED',
        `pcap global header needs 24 bytes, got ${bytes.length - offset}`,
        offset,
      ),
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, PCAP_GLOBAL_HEADER_LENGTH);
  const big = view.getUint32(0, false);
  const little = view.getUint32(0, true);
  let littleEndian: boolean;
  let precision: TimestampPrecision;
  if (big === PCAP_MAGIC.microseconds || big === PCAP_MAGIC.nanoseconds) {
    littleEndian = false;
    precision = big === PCAP_MAGIC.microseconds ? 'microseconds' : 'nanoseconds';
  } else if (little === PCAP_MAGIC.microseconds || little === PCAP_MAGIC.nanoseconds) {
    littleEndian = true;
    precision = little === PCAP_MAGIC.microseconds ? 'microseconds' : 'nanoseconds';
  } else {
    return fail(
      new CodecError(
        'pcap',
        'OTS_PCAP_BAD_MAGIC',
        `pcap magic 0x${big.toString(16).padStart(8, '0')} is neither A1B2C3D4 nor A1B23C4D in either byte order`,
        offset,
      ),
    );
  }
  // LinkType and additional information: FCS length in the 4 high bits, F bit below them.
  const network = view.getUint32(20, littleEndian);
  return ok({
    littleEndian,
    precision,
    versionMajor: view.getUint16(4, littleEndian),
    versionMinor: view.getUint16(6, littleEndian),
    thiszone: view.getInt32(8, littleEndian),
    sigfigs: view.getUint32(12, littleEndian),
    snaplen: view.getUint32(16, littleEndian),
    linkType: network & 0xffff,
    fcsLength: (network & 0x08000000) !== 0 ? network >>> 28 : undefined,
  });
}

export interface PcapGlobalHeaderInit {
  readonly linkType: number;
  readonly snaplen?: number;
  readonly precision?: TimestampPrecision;
  readonly littleEndian?: boolean;
  readonly thiszone?: number;
  readonly sigfigs?: number;
}

/** Writes a version 2.4 global header. */
export function encodePcapGlobalHeader(header: PcapGlobalHeaderInit): Uint8Array {
  const bytes = new Uint8Array(PCAP_GLOBAL_HEADER_LENGTH);
  const view = new DataView(bytes.buffer);
  const le = header.littleEndian ?? true;
  const magic =
    header.precision === 'nanoseconds' ? PCAP_MAGIC.nanoseconds : PCAP_MAGIC.microseconds;
  view.setUint32(0, magic, le); // magic number
  view.setUint16(4, 2, le); // major version 2
  view.setUint16(6, 4, le); // minor version 4
  view.setInt32(8, header.thiszone ?? 0, le); // reserved 1 (was thiszone)
  view.setUint32(12, header.sigfigs ?? 0, le); // reserved 2 (was sigfigs)
  view.setUint32(16, header.snaplen ?? 262144, le); // SnapLen
  view.setUint32(20, header.linkType & 0xffff, le); // LinkType, no FCS information
  return bytes;
}

export interface PcapRecordHeader {
  /** Seconds since the epoch (Timestamp, seconds). */
  readonly seconds: number;
  /** Micro- or nanoseconds within the second, by the file's magic. */
  readonly fraction: number;
  /** Captured Packet Length: bytes of packet data that follow. */
  readonly capturedLength: number;
  /** Original Packet Length: the frame's length on the wire. */
  readonly originalLength: number;
}

/** Reads a 16-byte record header (draft-ietf-opsawg-pcap, 5) at `offset` of `view`. */
export function decodePcapRecordHeader(
  view: DataView,
  offset: number,
  littleEndian: boolean,
): PcapRecordHeader {
  return {
    seconds: view.getUint32(offset, littleEndian),
    fraction: view.getUint32(offset + 4, littleEndian),
    capturedLength: view.getUint32(offset + 8, littleEndian),
    originalLength: view.getUint32(offset + 12, littleEndian),
  };
}

/** Writes a 16-byte record header into `view` at `offset`. */
export function encodePcapRecordHeader(
  view: DataView,
  offset: number,
  header: PcapRecordHeader,
  littleEndian: boolean,
): void {
  view.setUint32(offset, header.seconds, littleEndian);
  view.setUint32(offset + 4, header.fraction, littleEndian);
  view.setUint32(offset + 8, header.capturedLength, littleEndian);
  view.setUint32(offset + 12, header.originalLength, littleEndian);
}
