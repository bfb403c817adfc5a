// The classic pcap writer: a global header, then one record per packet, as chunks to a sink.
// Forensic captures use it; what it writes reads back through createCaptureReader unchanged.
import { CodecError, fail, ok, type Decoded } from '../errors.js';
import {
  PCAP_RECORD_HEADER_LENGTH,
  encodePcapGlobalHeader,
  encodePcapRecordHeader,
  type TimestampPrecision,
} from './pcap-header.js';

export interface PcapWriterOptions {
  /** LINKTYPE_* of every packet (link-types.ts). */
  readonly linkType: number;
  /** Longest captured length; longer packets are cut and keep their original length. */
  readonly snaplen?: number;
  /** Record fractions in micro- (default) or nanoseconds. */
  readonly precision?: TimestampPrecision;
  /** Byte order of the file; little-endian by default, as tcpdump writes on x86. */
  readonly littleEndian?: boolean;
}

/** What the writer takes: a CapturePacket fits, and so does anything with a time and bytes. */
export interface PacketToWrite {
  readonly timestampMs: number;
  /** Nanoseconds within the millisecond; dropped below a microsecond in a microsecond file. */
  readonly timestampNs?: number;
  readonly data: Uint8Array;
  /** Length on the wire; data.length when absent. */
  readonly originalLength?: number;
}

export interface PcapWriter {
  /** Writes one record; refuses (without writing) a time or length a pcap record cannot hold. */
  write(packet: PacketToWrite): Decoded<number>;
  /** Records written so far. */
  readonly records: number;
  /** Bytes given to the sink so far, the global header included. */
  readonly bytesWritten: number;
}

const MAX_UINT32 = 0xffffffff;

/**
 * Creates a writer and sends the 24-byte global header to `sink` at once, so an empty capture
 * is still a valid file. Each record then goes to the sink as one chunk (header and data).
 */
export function createPcapWriter(
  sink: (chunk: Uint8Array) => void,
  options: PcapWriterOptions,
): PcapWriter {
  const littleEndian = options.littleEndian ?? true;
  const nanoseconds = options.precision === 'nanoseconds';
  const snaplen = options.snaplen ?? 262144;
  let records = 0;
  let bytesWritten = 0;

  const header = encodePcapGlobalHeader({
    linkType: options.linkType,
    snaplen,
    precision: nanoseconds ? 'nanoseconds' : 'microseconds',
    littleEndian,
  });
  bytesWritten += header.length;
  sink(header);

  function write(packet: PacketToWrite): Decoded<number> {
    const ms = packet.timestampMs;
    const ns = packet.timestampNs ?? 0;
    const seconds = Math.floor(ms / 1000);
    if (
      !Number.isInteger(ms) ||
      !Number.isInteger(ns) ||
      ns < 0 ||
      ns > 999999 ||
      seconds < 0 ||
      seconds > MAX_UINT32
    ) {
      return fail(
        new CodecError(
          'pcap',
          'OTS_PCAP_BAD_PACKET',
          `timestamp ${ms} ms + ${ns} ns is not a whole time between 1970 and 2106, as a pcap record holds`,
        ),
      );
    }
    const originalLength = packet.originalLength ?? packet.data.length;
    if (!Number.isInteger(originalLength) || originalLength < 0 || originalLength > MAX_UINT32) {
      return fail(
        new CodecError(
          'pcap',
          'OTS_PCAP_BAD_PACKET',
          `original length ${originalLength} is not a 32-bit count`,
        ),
      );
    }
    // Within the second: milliseconds and the nanoseconds below them.
    const subsecondNs = (ms - seconds * 1000) * 1e6 + ns;
    const fraction = nanoseconds ? subsecondNs : Math.floor(subsecondNs / 1000);
    const data =
      snaplen > 0 && packet.data.length > snaplen ? packet.data.subarray(0, snaplen) : packet.data;
    const record = new Uint8Array(PCAP_RECORD_HEADER_LENGTH + data.length);
    encodePcapRecordHeader(
      new DataView(record.buffer),
      0,
      {
        seconds,
        fraction,
        capturedLength: data.length,
        originalLength: Math.max(originalLength, data.length),
      },
      littleEndian,
    );
    record.set(data, PCAP_RECORD_HEADER_LENGTH);
    records++;
    bytesWritten += record.length;
    sink(record);
    return ok(record.length);
  }

  return {
    write,
    get records() {
      return records;
    },
    get bytesWritten() {
      return bytesWritten;
    },
  };
}
