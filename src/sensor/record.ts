// The records `otsafe decode` prints, one per decoded PDU or per fault: their types, the
// nanosecond ISO timestamp they carry, and the one-line JSON form.
import { pcap } from '../protocols/index.js';
import type { SensorProtocol } from './ports.js';

/** ECS source.* / destination.*: one end of a flow. Shared between the records of a flow. */
export interface RecordEndpoint {
  readonly ip: string;
  readonly port: number;
}

/** request (client or master to server), response, or exception (a response reporting failure). */
export type PduType = 'request' | 'response' | 'exception';

/** Modbus/TCP: one ADU. */
export interface ModbusIcs {
  readonly protocol: 'modbus';
  readonly pdu_type: PduType;
  readonly unit: number;
  readonly transaction_id: number;
  /** Masked like tshark's modbus.func_code: an exception to FC 8 (0x88) gives 8. */
  readonly function_code: number;
  readonly function: string;
  readonly exception_code?: number;
  readonly exception?: string;
  /** The starting address; for FC 23 the read address. A response has it from its request. */
  readonly address?: number;
  /** Items read or written; for FC 23 the quantity read. */
  readonly quantity?: number;
  /** FC 23: where and how many registers the request writes. */
  readonly write_address?: number;
  readonly write_quantity?: number;
  /** Registers as numbers, coils and inputs as booleans. */
  readonly values?: readonly (number | boolean)[];
  /** FC 8: the diagnostics sub-function. */
  readonly sub_function?: number;
  /** FC 43: the MEI type. */
  readonly mei_type?: number;
  /** FC 90 (Schneider UMAS): session key and UMAS function code (request) or status (reply). */
  readonly umas?: {
    readonly session_key: number;
    readonly function_code: number;
    readonly function: string;
  };
}

/** S7comm: one S7 PDU, a COTP connection TPDU, or a TSDU of another protocol (S7comm-plus). */
export interface S7commIcs {
  readonly protocol: 's7comm';
  readonly pdu_type: PduType;
  /** 1 job, 2 ack, 3 ack-data, 7 userdata; absent on COTP and non-S7 records. */
  readonly rosctr?: number;
  readonly rosctr_name?: string;
  readonly pdu_reference?: number;
  /** Job and ack-data: the parameter's function code (0x04 read var, 0xF0 setup, ...). */
  readonly function_code?: number;
  readonly function?: string;
  readonly userdata?: {
    readonly group: number;
    readonly subfunction: number;
    readonly group_name: string;
    readonly subfunction_name: string;
  };
  readonly szl_id?: number;
  readonly szl_index?: number;
  readonly area?: string;
  readonly db?: number;
  readonly address?: number;
  readonly quantity?: number;
  readonly item_count?: number;
  readonly error_class?: number;
  readonly error_code?: number;
  /** COTP connection management (ISO 8073): CR, CC, DR, DC, ER, with the TSAPs of CR and CC. */
  readonly cotp?: {
    readonly type: string;
    /** Hex: '0100' is an S7 PG connection to rack 0, slot 0; S7-1500s send names. */
    readonly source_tsap?: string;
    readonly destination_tsap?: string;
  };
  /** A TSDU whose first byte is not 0x32: 0x72 is S7comm-plus (S7-1200/1500). */
  readonly protocol_id?: number;
}

/** DNP3: one reassembled application fragment. */
export interface Dnp3Ics {
  readonly protocol: 'dnp3';
  readonly pdu_type: PduType;
  readonly function_code: number;
  readonly function: string;
  /** Link-layer addresses (IEEE 1815-2012, 9.2.4.1.3). */
  readonly source_address: number;
  readonly destination_address: number;
  /** Responses: the internal indications that are set, by name. */
  readonly iin?: readonly string[];
  readonly objects: readonly {
    readonly group: number;
    readonly variation: number;
    readonly qualifier: number;
    readonly name: string;
    readonly count: number;
    readonly start?: number;
    readonly stop?: number;
  }[];
  /** Why the object walk stopped early, when it did. */
  readonly note?: { readonly code: string; readonly message: string };
}

/** EtherNet/IP: one encapsulation message, or one implicit I/O datagram (UDP 2222). */
export interface EnipIcs {
  readonly protocol: 'enip';
  readonly pdu_type: PduType;
  /** The encapsulation command; absent on I/O datagrams, which have no encapsulation header. */
  readonly command?: number;
  readonly command_name?: string;
  readonly session?: number;
  readonly status?: number;
  readonly cip?: CipIcs;
  /** Implicit I/O: the sequenced address item and the size of the connected data item. */
  readonly io?: {
    readonly connection_id?: number;
    readonly sequence?: number;
    readonly data_length: number;
  };
  readonly note?: { readonly code: string; readonly message: string };
}

export interface CipIcs {
  /** Service code without the reply bit, as tshark's cip.sc. */
  readonly service: number;
  readonly service_name: string;
  readonly class?: number;
  readonly class_name?: string;
  readonly instance?: number;
  readonly attribute?: number;
  readonly member?: number;
  readonly symbol?: string;
  readonly general_status?: number;
  readonly general_status_name?: string;
  readonly embedded?: readonly CipIcs[];
}

export type IcsRecordFields = ModbusIcs | S7commIcs | Dnp3Ics | EnipIcs;

/** One decoded PDU. */
export interface PduRecord {
  /** The frame (1-based, as tshark's frame.number) in which the PDU's last byte arrived. */
  readonly frame: number;
  /** Capture time of that frame, ISO 8601 UTC with nine fraction digits. */
  readonly '@timestamp': string;
  readonly source: RecordEndpoint;
  readonly destination: RecordEndpoint;
  readonly ics: IcsRecordFields;
}

/** What is known of the protocol context of a fault inside an ICS stream. */
export interface IcsErrorFields {
  readonly protocol: SensorProtocol;
  /** The direction the bytes travelled: request toward the server, response from it. */
  readonly pdu_type: PduType;
  readonly unit?: number;
  readonly transaction_id?: number;
  readonly function_code?: number;
  readonly function?: string;
}

/**
 * Bytes that did not decode, or a hole in a stream: never dropped silently. Capture and
 * packet-header faults have no `ics` (and a capture fault no endpoints); stream faults have the
 * protocol and direction. After a fatal capture fault (`error.code` OTS_PCAP_*, no endpoints,
 * from the capture reader) nothing more is read.
 */
export interface ErrorRecord {
  /** The frame where the fault showed; for a broken capture, the number the next frame had. */
  readonly frame: number;
  /** Absent only when the capture fails before its first packet. */
  readonly '@timestamp'?: string;
  readonly source?: RecordEndpoint;
  readonly destination?: RecordEndpoint;
  readonly event: { readonly kind: 'pipeline_error'; readonly dataset: 'ics.malformed' };
  readonly ics?: IcsErrorFields;
  readonly error: {
    /** OTS_<PROTOCOL>_<WHAT> from a codec's table, or OTS_SENSOR_TCP_GAP. */
    readonly code: string;
    readonly message: string;
    /** Byte offset where decoding stopped, within the unit the codec was reading. */
    readonly offset?: number;
  };
}

export type DecodeRecord = PduRecord | ErrorRecord;

export function isErrorRecord(record: DecodeRecord): record is ErrorRecord {
  return 'error' in record;
}

const FORMATTERS = {
  /** Compact JSON, keys in the order frame, @timestamp, source, destination, event, ics, error. */
  json: (record: DecodeRecord): string => JSON.stringify(record),
} as const;

export type RecordFormat = keyof typeof FORMATTERS;

/** One line of output for a record, without the newline. */
export function formatRecord(record: DecodeRecord, format: RecordFormat = 'json'): string {
  return FORMATTERS[format](record);
}

const formatTimestamp = pcap.formatTimestamp;
/** The largest ms a Date holds (ECMA-262, 21.4.1.1); beyond it pcap.formatTimestamp falls back. */
const MAX_DATE_MS = 8.64e15;

/** '000' to '999', for the nine fraction digits of a timestamp in three groups. */
const DIGITS3: readonly string[] = Array.from({ length: 1000 }, (_, i) =>
  String(1000 + i).slice(1),
);
/** '000000Z' to '999000Z': the last six digits and the Z of a whole-microsecond timestamp. */
const MICROS_Z: readonly string[] = DIGITS3.map((digits) => `${digits}000Z`);

/**
 * Formats capture times as `2012-11-12T11:03:00.264365000Z`, as tshark prints frame.time_utc in
 * JSON. The date part is built once per second of capture time, which is what makes it cheap
 * enough to stamp every record of a million a second.
 */
export class TimestampFormatter {
  private second = Number.NaN;
  private prefix = '';
  /** The millisecond `msPrefix` is for: a request and its response often share one. */
  private ms = Number.NaN;
  /** `prefix`, the dot and the three millisecond digits: 2012-11-12T11:03:00.264 */
  private msPrefix = '';

  format(timestampMs: number, timestampNs: number): string {
    if (!Number.isInteger(timestampMs) || Math.abs(timestampMs) > MAX_DATE_MS) {
      return formatTimestamp({ timestampMs, timestampNs });
    }
    const second = Math.floor(timestampMs / 1000);
    if (second !== this.second) {
      this.second = second;
      this.prefix = new Date(second * 1000).toISOString().slice(0, 19); // 2012-11-12T11:03:00
    }
    const ns = Math.trunc(timestampNs);
    if (ns >= 0 && ns < 1e6) {
      // Table lookups instead of a number-to-string conversion and a slice per record, and the
      // part up to the millisecond kept while the millisecond lasts: for a microsecond capture
      // that leaves one concatenation per packet. Same digits as the general case below.
      if (timestampMs !== this.ms) {
        this.ms = timestampMs;
        this.msPrefix = `${this.prefix}.${DIGITS3[timestampMs - second * 1000] ?? ''}`;
      }
      const micros = Math.floor(ns / 1000);
      const rest = ns - micros * 1000;
      return rest === 0
        ? this.msPrefix + (MICROS_Z[micros] ?? '')
        : `${this.msPrefix}${DIGITS3[micros] ?? ''}${DIGITS3[rest] ?? ''}Z`;
    }
    const fraction = (timestampMs - second * 1000) * 1e6 + ns;
    return `${this.prefix}.${String(1e9 + fraction).slice(1)}Z`;
  }
}
