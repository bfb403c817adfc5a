// Where the stream handlers hand their results: it knows the frame being read, stamps records
// with its time, counts them, and passes them to the caller's sink.
import type { CodecError, pcap } from '../protocols/index.js';
import type { SensorProtocol } from './ports.js';
import {
  TimestampFormatter,
  type ErrorRecord,
  type IcsErrorFields,
  type IcsRecordFields,
  type PduRecord,
  type RecordEndpoint,
} from './record.js';

/** Counters of one decode run; `tcp` is the reassembler's own. */
export interface DecodeStats {
  /** Capture bytes pushed. */
  bytes: number;
  /** Packets the capture held. */
  packets: number;
  /** Packets whose transport is a mapped port (TCP segments and UDP datagrams). */
  icsPackets: number;
  /** PDU records, in all and by protocol. */
  pdus: number;
  byProtocol: Record<SensorProtocol, number>;
  /** Error records, in all and by code. */
  errors: number;
  errorsByCode: Record<string, number>;
  /** IP fragments: not reassembled, so not decoded (counted, never silently lost). */
  ipFragments: number;
  /** TCP flows handed to a protocol parser. */
  flows: number;
  tcp: Readonly<pcap.TcpReassemblyStats>;
}

const EVENT: ErrorRecord['event'] = { kind: 'pipeline_error', dataset: 'ics.malformed' };

export class Emitter {
  /** The packet being decoded, or the last one once the capture is over. */
  packet: pcap.CapturePacket | undefined = undefined;
  private stampedPacket: pcap.CapturePacket | undefined = undefined;
  private stamp = '';
  private readonly timestamps = new TimestampFormatter();
  private readonly onRecord: (record: PduRecord | ErrorRecord) => void;
  readonly stats: DecodeStats;

  constructor(onRecord: (record: PduRecord | ErrorRecord) => void, stats: DecodeStats) {
    this.onRecord = onRecord;
    this.stats = stats;
  }

  /** The time of the current packet, formatted once per packet. */
  timestamp(): string | undefined {
    const packet = this.packet;
    if (packet === undefined) return undefined;
    if (packet !== this.stampedPacket) {
      this.stampedPacket = packet;
      this.stamp = this.timestamps.format(packet.timestampMs, packet.timestampNs);
    }
    return this.stamp;
  }

  frame(): number {
    return this.packet?.frame ?? 0;
  }

  /** One decoded PDU of the current packet. */
  pdu(source: RecordEndpoint, destination: RecordEndpoint, ics: IcsRecordFields): void {
    const stats = this.stats;
    stats.pdus++;
    stats.byProtocol[ics.protocol]++;
    this.onRecord({
      frame: this.frame(),
      '@timestamp': this.timestamp() ?? '',
      source,
      destination,
      ics,
    });
  }

  /** A fault inside an ICS stream: the protocol and direction are known. */
  streamError(
    source: RecordEndpoint,
    destination: RecordEndpoint,
    ics: IcsErrorFields,
    error: CodecError,
  ): void {
    this.emitError(
      {
        frame: this.frame(),
        '@timestamp': this.timestamp() ?? '',
        source,
        destination,
        event: EVENT,
        ics,
        error: errorFields(error),
      },
      error.code,
    );
  }

  /** A fault below the ICS protocols: a broken capture or packet header. */
  fault(error: CodecError, frame: number): void {
    const stamp = this.timestamp();
    const fields = errorFields(error);
    this.emitError(
      stamp === undefined
        ? { frame, event: EVENT, error: fields }
        : { frame, '@timestamp': stamp, event: EVENT, error: fields },
      error.code,
    );
  }

  private emitError(record: ErrorRecord, code: string): void {
    const stats = this.stats;
    stats.errors++;
    stats.errorsByCode[code] = (stats.errorsByCode[code] ?? 0) + 1;
    this.onRecord(record);
  }
}

function errorFields(error: CodecError): ErrorRecord['error'] {
  return error.offset === undefined
    ? { code: error.code, message: error.message }
    : { code: error.code, message: error.message, offset: error.offset };
}
