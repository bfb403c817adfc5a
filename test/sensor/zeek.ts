// Reads Zeek ASCII logs (the ICSNPP golden baselines) and finds, for each log entry, the record
// of ours that stands for the same transaction: same endpoints, same function, same fields.
import { readFileSync } from 'node:fs';
import type {
  DecodeRecord,
  Dnp3Ics,
  EnipIcs,
  ModbusIcs,
  RecordEndpoint,
  S7commIcs,
} from '../../src/sensor/index.js';

/** One log line: field name to text ('-' unset, '(empty)' empty), plus its line number. */
export type ZeekEntry = Readonly<Record<string, string>> & { readonly line: number };

/**
 * Reads a log. Some baselines were written without their header lines (icsnpp-enip's): give their
 * columns as `fields`.
 */
export function readZeekLog(path: string, defaultFields: readonly string[] = []): ZeekEntry[] {
  let fields: string[] = [...defaultFields];
  const entries: ZeekEntry[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text.startsWith('#fields\t')) fields = text.split('\t').slice(1);
      if (text === '' || text.startsWith('#')) return;
      const values = text.split('\t');
      const entry: Record<string, string | number> = { line: index + 1 };
      fields.forEach((field, i) => (entry[field] = values[i] ?? '-'));
      entries.push(entry as ZeekEntry);
    });
  return entries;
}

function same(
  endpoint: RecordEndpoint | undefined,
  host: string | undefined,
  port: string | undefined,
): boolean {
  return endpoint !== undefined && endpoint.ip === host && String(endpoint.port) === port;
}

/** Zeek's names of the Modbus function codes (icsnpp-modbus, consts.zeek). */
export const ZEEK_MODBUS_FUNCTIONS: Readonly<Record<string, number>> = {
  READ_COILS: 1,
  READ_DISCRETE_INPUTS: 2,
  READ_HOLDING_REGISTERS: 3,
  READ_INPUT_REGISTERS: 4,
  WRITE_SINGLE_COIL: 5,
  WRITE_SINGLE_REGISTER: 6,
  READ_EXCEPTION_STATUS: 7,
  DIAGNOSTICS: 8,
  WRITE_MULTIPLE_COILS: 15,
  WRITE_MULTIPLE_REGISTERS: 16,
  REPORT_SLAVE_ID: 17,
  READ_FILE_RECORD: 20,
  WRITE_FILE_RECORD: 21,
  MASK_WRITE_REGISTER: 22,
  READ_WRITE_MULTIPLE_REGISTERS: 23,
  READ_FIFO_QUEUE: 24,
  ENCAP_INTERFACE_TRANSPORT: 43,
};

/** What a match failed on, or undefined when every logged field agrees. */
export type Mismatch = string | undefined;

function list(text: string | undefined): string {
  return text === undefined || text === '-' ? '-' : text;
}

function values(v: readonly (number | boolean)[] | undefined): string {
  return v === undefined ? '-' : v.map((x) => (typeof x === 'boolean' ? (x ? 1 : 0) : x)).join(',');
}

/**
 * modbus_detailed.log: one line per transaction, keyed by the connection, transaction and unit
 * identifiers and the function. A line matches our request or response record of that
 * transaction (a refused PDU's error record counts: it carries the same identifiers) when the
 * address, quantity, values and exception it logs are ours too. A line with matched = T stands for
 * both PDUs: match it once with `direction` 'request', once with 'response'.
 */
export function matchModbus(
  entry: ZeekEntry,
  record: DecodeRecord,
  direction?: 'request' | 'response',
): Mismatch {
  const ics = record.ics as (Partial<ModbusIcs> & { protocol: string }) | undefined;
  if (ics?.protocol !== 'modbus') return 'not modbus';
  const request = ics.pdu_type === 'request';
  if (direction !== undefined && request !== (direction === 'request')) return 'direction';
  const [client, server] = request
    ? [record.source, record.destination]
    : [record.destination, record.source];
  if (!same(client, entry['id.orig_h'], entry['id.orig_p'])) return 'client';
  if (!same(server, entry['id.resp_h'], entry['id.resp_p'])) return 'server';
  if (String(ics.transaction_id) !== entry.tid || String(ics.unit) !== entry.unit) return 'ids';
  if (ics.function_code !== ZEEK_MODBUS_FUNCTIONS[entry.func ?? '']) return 'function';
  if ('error' in record) return undefined;
  // Fields a line logs must be ours; a read response has its address from the request.
  if (entry.address !== '-' && ics.address !== undefined && String(ics.address) !== entry.address)
    return `address ${ics.address} vs ${entry.address}`;
  if (
    entry.quantity !== '-' &&
    ics.quantity !== undefined &&
    String(ics.quantity) !== entry.quantity
  )
    return `quantity ${ics.quantity} vs ${entry.quantity}`;
  const logged = request ? list(entry.request_values) : list(entry.response_values);
  if (logged !== '-' && values(ics.values) !== logged)
    return `values ${values(ics.values)} vs ${logged}`;
  if (entry.exception_code !== '-' && !request) {
    if (ics.exception?.toUpperCase() !== entry.exception_code) return 'exception';
  }
  return undefined;
}

/**
 * s7comm.log: one line per S7 PDU (not COTP, not S7comm-plus), with its direction, ROSCTR, PDU
 * reference and function: the parameter function of job and ack-data, or for userdata the
 * method/type nibble and group (0x44 a request to CPU functions, 0x84 its response) and the
 * subfunction.
 */
export function matchS7comm(entry: ZeekEntry, record: DecodeRecord): Mismatch {
  const ics = record.ics as (Partial<S7commIcs> & { protocol: string }) | undefined;
  if (ics?.protocol !== 's7comm' || ics.rosctr === undefined || 'error' in record) return 'not s7';
  if (!same(record.source, entry.source_h, entry.source_p)) return 'source';
  if (!same(record.destination, entry.destination_h, entry.destination_p)) return 'destination';
  if (String(ics.rosctr) !== entry.rosctr_code) return 'rosctr';
  // icsnpp-s7comm reads the PDU reference little-endian: 0x0100 on the wire is logged as 1,
  // where tshark (s7comm.header.pduref) and we read 256, as the S7 header is big-endian.
  const reference = ics.pdu_reference ?? 0;
  const swapped = ((reference & 0xff) << 8) | (reference >> 8);
  if (String(swapped) !== entry.pdu_reference) return 'pdu reference';
  const code = Number(entry.function_code);
  if (ics.userdata !== undefined) {
    const type = ics.pdu_type === 'request' ? 4 : 8;
    if (code !== ((type << 4) | ics.userdata.group)) return `userdata ${code}`;
    if (Number(entry.subfunction_code) !== ics.userdata.subfunction) return 'subfunction';
    return undefined;
  }
  if (entry.function_code !== '-' && ics.function_code !== code)
    return `function ${ics.function_code} vs ${code}`;
  return undefined;
}

/** dnp3.log: one line per request and its reply, by function name, with the reply's IIN. */
export function dnp3Iin(ics: Dnp3Ics): number {
  // Zeek logs IIN1 in the high octet (icsnpp-dnp3 main.zeek: iin = iin1 * 256 + iin2).
  let value = 0;
  for (const bit of ics.iin ?? []) {
    const index = DNP3_IIN_BITS.indexOf(bit);
    value |= index < 8 ? 1 << (8 + index) : 1 << (index - 8);
  }
  return value;
}

const DNP3_IIN_BITS = [
  'broadcast',
  'class_1_events',
  'class_2_events',
  'class_3_events',
  'need_time',
  'local_control',
  'device_trouble',
  'device_restart',
  'no_func_code_support',
  'object_unknown',
  'parameter_error',
  'event_buffer_overflow',
  'already_executing',
  'config_corrupt',
  'reserved_2',
  'reserved_1',
];

export function matchDnp3Request(entry: ZeekEntry, record: DecodeRecord): Mismatch {
  const ics = record.ics as (Partial<Dnp3Ics> & { protocol: string }) | undefined;
  if (ics?.protocol !== 'dnp3' || 'error' in record) return 'not dnp3';
  if (!same(record.source, entry['id.orig_h'], entry['id.orig_p'])) return 'source';
  if (!same(record.destination, entry['id.resp_h'], entry['id.resp_p'])) return 'destination';
  if (ics.function?.toUpperCase() !== entry.fc_request) return 'function';
  return undefined;
}

export function matchDnp3Reply(entry: ZeekEntry, record: DecodeRecord): Mismatch {
  const ics = record.ics as (Dnp3Ics & { protocol: string }) | undefined;
  if (ics?.protocol !== 'dnp3' || 'error' in record) return 'not dnp3';
  if (!same(record.source, entry['id.resp_h'], entry['id.resp_p'])) return 'source';
  if (!same(record.destination, entry['id.orig_h'], entry['id.orig_p'])) return 'destination';
  if (ics.function.toUpperCase() !== entry.fc_reply) return 'function';
  if (String(dnp3Iin(ics)) !== entry.iin) return `iin ${dnp3Iin(ics)} vs ${entry.iin}`;
  return undefined;
}

const ENDPOINT_FIELDS = [
  'ts',
  'uid',
  'id.orig_h',
  'id.orig_p',
  'id.resp_h',
  'id.resp_p',
  'is_orig',
  'source_h',
  'source_p',
  'destination_h',
  'destination_p',
];

/** The columns of icsnpp-enip's headerless baselines (its README, "ENIP Header Log"). */
export const ENIP_LOG_FIELDS = [
  ...ENDPOINT_FIELDS,
  'enip_command_code',
  'enip_command',
  'length',
  'session_handle',
  'enip_status',
  'sender_context',
  'options',
];

/** The columns of icsnpp-enip's cip_io.log baseline (its README, "CIP I/O Log"). */
export const CIP_IO_LOG_FIELDS = [
  ...ENDPOINT_FIELDS,
  'connection_id',
  'sequence_number',
  'data_length',
  'io_data',
];

/** enip.log: one line per encapsulation message, by direction, command, session and status. */
export function matchEnip(entry: ZeekEntry, record: DecodeRecord): Mismatch {
  const ics = record.ics as (Partial<EnipIcs> & { protocol: string }) | undefined;
  if (ics?.protocol !== 'enip' || ics.command === undefined || 'error' in record) return 'not enip';
  if (!same(record.source, entry.source_h, entry.source_p)) return 'source';
  if (!same(record.destination, entry.destination_h, entry.destination_p)) return 'destination';
  if (ics.command !== Number(entry.enip_command_code)) return 'command';
  if (ics.session !== Number(entry.session_handle)) return 'session';
  if ((ics.status === 0) !== (entry.enip_status === 'Success')) return 'status';
  return undefined;
}

/** cip_io.log: one line per implicit I/O datagram. */
export function matchCipIo(entry: ZeekEntry, record: DecodeRecord): Mismatch {
  const ics = record.ics as (Partial<EnipIcs> & { protocol: string }) | undefined;
  const io = ics?.io;
  if (io === undefined) return 'not io';
  if (!same(record.source, entry.source_h, entry.source_p)) return 'source';
  if (!same(record.destination, entry.destination_h, entry.destination_p)) return 'destination';
  if (io.connection_id !== Number(entry.connection_id)) return 'connection';
  if (String(io.sequence) !== entry.sequence_number) return 'sequence';
  if (String(io.data_length) !== entry.data_length) return 'length';
  return undefined;
}

/**
 * Pairs each entry with the first record not yet taken that it matches; returns the entries left
 * without one. Zeek writes a line when a transaction ends, so order is not relied on.
 */
export function unmatched(
  entries: readonly ZeekEntry[],
  records: readonly DecodeRecord[],
  match: (entry: ZeekEntry, record: DecodeRecord) => Mismatch,
  taken = new Set<number>(),
): ZeekEntry[] {
  const left: ZeekEntry[] = [];
  for (const entry of entries) {
    const index = records.findIndex(
      (record, i) => !taken.has(i) && match(entry, record) === undefined,
    );
    if (index < 0) left.push(entry);
    else taken.add(index);
  }
  return left;
}
