// "Against Zeek" (issue 3): the transactions of the Zeek/ICSNPP golden logs, found in our records.
// The baselines' timestamps are masked (XXXXXXXXXX.XXXXXX), so an entry is matched by what else
// it logs: endpoints, identifiers, function, and the fields that follow from them (zeek.ts). Zeek
// logs fewer PDUs than we decode; the PDUs it leaves out are listed below with the reason, and
// every log entry must find its record.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDecoder, type DecodeRecord } from '../../src/sensor/index.js';
import { dataFile, peer } from '../helpers/peers.js';
import {
  CIP_IO_LOG_FIELDS,
  ENIP_LOG_FIELDS,
  matchCipIo,
  matchDnp3Reply,
  matchDnp3Request,
  matchEnip,
  matchModbus,
  matchS7comm,
  readZeekLog,
  unmatched,
  type Mismatch,
  type ZeekEntry,
} from './zeek.js';

const pcaps = dataFile('pcaps');
const ready = peer(
  'shared captures (icsnpp baselines)',
  pcaps.exists,
  `no ${pcaps.path}; set OTSAFE_DATA`,
);

function decodeFile(relative: string): DecodeRecord[] {
  const records: DecodeRecord[] = [];
  const decoder = createDecoder((record) => records.push(record));
  decoder.push(readFileSync(dataFile('pcaps', relative).path));
  decoder.end();
  return records;
}

interface Case {
  readonly name: string;
  readonly trace: string;
  /** Each log and how its entries match (a DNP3 line is a request and a reply, matched apart). */
  readonly logs: readonly {
    readonly log: string;
    readonly fields?: readonly string[];
    readonly match: (entry: ZeekEntry, record: DecodeRecord) => Mismatch;
    readonly only?: (entry: ZeekEntry) => boolean;
  }[];
  /** Which of our records count as this log's kind (the others are not its business). */
  readonly kind: (record: DecodeRecord) => boolean;
  /** Our records of that kind that no log line stands for: frames, and why Zeek leaves them out. */
  readonly notLogged: readonly { readonly frames: readonly number[]; readonly reason: string }[];
}

const isS7 = (r: DecodeRecord): boolean =>
  r.ics?.protocol === 's7comm' && 'rosctr' in r.ics && !('error' in r);
const isProtocol =
  (protocol: string) =>
  (r: DecodeRecord): boolean =>
    r.ics?.protocol === protocol && !('error' in r);

const MODBUS_LOG = 'icsnpp-modbus/testing/baseline/analyzer.basic/modbus_detailed.log';
const S7_ACK = 'ROSCTR 2 (ack) PDUs: icsnpp-s7comm never logs them (an ack carries no function).';

const CASES: readonly Case[] = [
  {
    name: 'icsnpp-modbus modbus_example.pcap / modbus_detailed.log',
    trace: 'icsnpp-modbus/testing/traces/modbus_example.pcap',
    logs: [
      // A line with matched = T stands for a request and its response; the others (FC 7 and 17
      // here, whose PDUs icsnpp does not pair) for one PDU each.
      {
        log: MODBUS_LOG,
        match: (e, r) => matchModbus(e, r, 'request'),
        only: (e) => e.matched === 'T',
      },
      {
        log: MODBUS_LOG,
        match: (e, r) => matchModbus(e, r, 'response'),
        only: (e) => e.matched === 'T',
      },
      { log: MODBUS_LOG, match: (e, r) => matchModbus(e, r), only: (e) => e.matched !== 'T' },
    ],
    kind: (r) => r.ics?.protocol === 'modbus',
    notLogged: [],
  },
  {
    name: 'icsnpp-s7comm snap7.pcap / s7comm.log',
    trace: 'icsnpp-s7comm/tests/traces/snap7.pcap',
    logs: [{ log: 'icsnpp-s7comm/tests/baseline/analyzer.snap7/s7comm.log', match: matchS7comm }],
    kind: isS7,
    notLogged: [
      {
        frames: [6, 7],
        reason:
          'the SZL 0x001C answer comes in two userdata fragments: frame 6 is the first ("more data follows"), frame 7 the request for the rest; icsnpp logs the request of frame 5 with the last fragment (frame 8) and neither of these',
      },
      { frames: [44], reason: S7_ACK },
    ],
  },
  {
    name: 'icsnpp-s7comm s7ident.pcap / s7comm.log',
    trace: 'icsnpp-s7comm/tests/traces/s7ident.pcap',
    logs: [{ log: 'icsnpp-s7comm/tests/baseline/analyzer.s7ident/s7comm.log', match: matchS7comm }],
    kind: isS7,
    notLogged: [{ frames: [21, 23, 26, 29], reason: S7_ACK }],
  },
  {
    name: 'icsnpp-s7comm s7comm_plus.pcap / s7comm.log',
    trace: 'icsnpp-s7comm/tests/traces/s7comm_plus.pcap',
    logs: [
      { log: 'icsnpp-s7comm/tests/baseline/analyzer.s7comm_plus/s7comm.log', match: matchS7comm },
    ],
    kind: isS7,
    notLogged: [],
  },
  {
    name: 'icsnpp-dnp3 dnp3_example.pcap / dnp3.log',
    trace: 'icsnpp-dnp3/testing/traces/dnp3_example.pcap',
    logs: [
      {
        log: 'icsnpp-dnp3/testing/baseline/analyzer.basic/dnp3.log',
        match: matchDnp3Request,
        only: (e) => e.fc_request !== '-',
      },
      {
        log: 'icsnpp-dnp3/testing/baseline/analyzer.basic/dnp3.log',
        match: matchDnp3Reply,
        only: (e) => e.fc_reply !== '-',
      },
    ],
    kind: isProtocol('dnp3'),
    notLogged: [
      {
        frames: [
          427, 429, 431, 433, 483, 485, 487, 489, 539, 543, 545, 547, 657, 659, 712, 716, 718, 768,
          770, 772, 774, 827, 829, 831, 833,
        ],
        reason:
          'the last select and operate requests of seven connections: icsnpp-dnp3 logs 29 replies on lines of their own (fc_request "-") and never logs their requests. The log has no timestamps, so which of a connection\'s identical requests are the unlogged ones is the matcher\'s choice: the latest',
      },
    ],
  },
  {
    name: 'icsnpp-enip enip_cip_example.pcap / enip.log and cip_io.log',
    trace: 'icsnpp-enip/tests/traces/enip_cip_example.pcap',
    logs: [
      {
        log: 'icsnpp-enip/tests/baseline/analyzer.basic/enip.log',
        fields: ENIP_LOG_FIELDS,
        match: matchEnip,
      },
      {
        log: 'icsnpp-enip/tests/baseline/analyzer.basic/cip_io.log',
        fields: CIP_IO_LOG_FIELDS,
        match: matchCipIo,
      },
    ],
    kind: isProtocol('enip'),
    notLogged: [],
  },
  {
    name: 'icsnpp-enip multiple_service_packet_cip.pcapng / enip.log',
    trace: 'icsnpp-enip/tests/traces/multiple_service_packet_cip.pcapng',
    logs: [
      {
        log: 'icsnpp-enip/tests/baseline/analyzer.multiple_service_request/enip.log',
        fields: ENIP_LOG_FIELDS,
        match: matchEnip,
      },
    ],
    kind: isProtocol('enip'),
    notLogged: [],
  },
  {
    name: 'icsnpp-enip set_attribute_single_service_cip.pcapng / enip.log',
    trace: 'icsnpp-enip/tests/traces/set_attribute_single_service_cip.pcapng',
    logs: [
      {
        log: 'icsnpp-enip/tests/baseline/analyzer.set_attr_single_service/enip.log',
        fields: ENIP_LOG_FIELDS,
        match: matchEnip,
      },
    ],
    kind: isProtocol('enip'),
    notLogged: [],
  },
];

/**
 * Log entries we cannot find: none. Were one to appear, it would be listed here as
 * `{ log, line, reason }` with what Zeek and we each make of those bytes.
 */
const ZEEK_ENTRIES_NOT_FOUND: readonly { log: string; line: number; reason: string }[] = [];

describe.skipIf(!ready)('against Zeek/ICSNPP golden logs', () => {
  it.each(CASES)('$name: every entry has its record', (c) => {
    const records = decodeFile(c.trace);
    const taken = new Set<number>();
    const missing: { log: string; line: number }[] = [];
    let entries = 0;
    for (const { log, fields, match, only } of c.logs) {
      const all = readZeekLog(dataFile('pcaps', log).path, fields);
      const wanted = only === undefined ? all : all.filter(only);
      entries += wanted.length;
      for (const entry of unmatched(wanted, records, match, taken))
        missing.push({ log, line: entry.line });
    }
    expect(entries).toBeGreaterThan(0);
    expect(missing).toEqual(
      ZEEK_ENTRIES_NOT_FOUND.filter((e) => c.logs.some((l) => l.log === e.log)).map(
        ({ log, line }) => ({
          log,
          line,
        }),
      ),
    );
    // What Zeek leaves out of its log is what the table says, frame for frame.
    const leftOut = records
      .map((record, index) => ({ record, index }))
      .filter(({ record, index }) => c.kind(record) && !taken.has(index))
      .map(({ record }) => record.frame);
    expect(leftOut).toEqual(c.notLogged.flatMap((n) => n.frames).sort((a, b) => a - b));
  });
});
