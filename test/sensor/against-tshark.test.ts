// "Against tshark" (issue 3): every shared capture that carries Modbus, S7comm, DNP3 or ENIP,
// decoded by us and by `tshark -T fields`, compared frame by frame on the fields the issue names
// (tshark.ts). tshark runs once per file, two at a time, with reassembly fully on. Every frame
// where the two differ is in EXPLAINED below, with the reason, and the test checks that tshark
// still behaves as each entry says.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDecoder, type DecodeRecord } from '../../src/sensor/index.js';
import { dataFile, peer } from '../helpers/peers.js';
import {
  TSHARK,
  differences,
  ourFields,
  runTshark,
  type Difference,
  type TsharkFrame,
} from './tshark.js';

/**
 * "Reassembly on", in full: tshark 4.0 reassembles PDUs split over segments by default, but not
 * out-of-order segments (tcp.reassemble_out_of_order is off), and without it never dissects the
 * new bytes of a segment it flags as a retransmission. Our reassembler orders segments as RFC 9293
 * does, so we compare with that option on. Without it, tshark differs from us in mb2.pcap (frames
 * 1131, 3008, 3674, 13176), modbusBig.pcap (3150) and s7comm_clean.pcap (12 frames), each time
 * because a segment came after a hole or overlapped one already seen.
 */
const TSHARK_OPTIONS = ['-o', 'tcp.reassemble_out_of_order:TRUE'];

/** What kind of disagreement an entry is, and so what the test checks of it. */
type Kind =
  /** The codec refuses the PDU (a quantity or length the specification forbids): our record is
   * an error with unit and function; tshark prints the reference and count it read anyway. */
  | 'refused'
  /** Fuzzed TCP (sequence numbers jump by millions, flags without ACK): tshark calls these
   * segments retransmissions or waits for holes before them that never fill, and shows nothing;
   * ours gives the holes up (the peer acknowledged past them, or the capture ended: an
   * OTS_SENSOR_TCP_GAP record) or starts the flow anew after a FIN or RST, and decodes the bytes. */
  | 'fuzzed-tcp'
  /** DNP3 transport reassembly: tshark and we build different fragments from these frames. */
  | 'dnp3-reassembly';

interface Explained {
  readonly file: string;
  readonly frames: readonly number[];
  readonly kind: Kind;
  readonly reason: string;
}

const FUZZ_72 =
  'zeek fuzz-72.pcap: a Modbus flow with fuzzed sequence and acknowledgment numbers; tshark shows the PDUs of in-order segments only';
const FUZZ_1011_FUZZED =
  'zeek fuzz-1011.pcap: after frame 1, sequence numbers and flags are fuzzed (frame 2 is not even IPv4: OTS_PCAP_IPV4_BAD_HEADER); each segment starts the flow anew for us, and frame 4 is a response whose byte count we refuse (OTS_MODBUS_BAD_BYTE_COUNT, with unit and function)';

const EXPLAINED: readonly Explained[] = [
  {
    file: 'ITI-ICS-Security-Tools/pcaps/ModbusTCP/modbus_test_data_part2.pcap',
    frames: [11, 14, 16, 18, 45, 47],
    kind: 'refused',
    reason:
      'reads and writes of quantity 0 (FC 1, 2, 3, 4, 15, 16), which v1.1b3 6.1-6.12 forbid: OTS_MODBUS_BAD_QUANTITY; tshark prints reference 0 and count 0',
  },
  {
    file: 'ITI-ICS-Security-Tools/pcaps/ModbusTCP/modbus_test_data_part2.pcap',
    frames: [22, 62, 64, 66],
    kind: 'refused',
    reason:
      'FC 6, 22, 23 and 24 requests of the wrong length (7, 5, 5, 5 bytes): OTS_MODBUS_BAD_PDU_LENGTH; tshark prints the reference it read (and calls 62 and 64 malformed)',
  },
  ...['ITI-ICS-Security-Tools/pcaps/bro/modbus', 'zeek/testing/btest/Traces/modbus'].flatMap(
    (dir): Explained[] => [
      {
        file: `${dir}/fuzz-1011.pcap`,
        frames: [1],
        kind: 'refused',
        reason:
          'FC 4 reading 147 registers, over the 125 of v1.1b3 6.4: OTS_MODBUS_BAD_QUANTITY; tshark prints reference 900, count 147',
      },
      {
        file: `${dir}/fuzz-1011.pcap`,
        frames: [4, 5, 6],
        kind: 'fuzzed-tcp',
        reason: FUZZ_1011_FUZZED,
      },
      {
        file: `${dir}/fuzz-72.pcap`,
        frames: [5, 8, 9, 10, 11, 19, 21, 25, 26, 27, 32, 34, 36],
        kind: 'fuzzed-tcp',
        reason: FUZZ_72,
      },
    ],
  ),
  {
    file: 'zeek/testing/btest/Traces/modbus/4SICS-GeekLounge-151022-min.pcap',
    frames: [1],
    kind: 'refused',
    reason:
      'FC 23 reading 0 registers and writing 8466 (v1.1b3 6.17: 1-125 and 1-121): OTS_MODBUS_BAD_QUANTITY; tshark prints the four fields it read',
  },
  {
    file: 'icsnpp-dnp3/testing/traces/dnp3_example.pcap',
    frames: [18, 114, 210, 810],
    kind: 'dnp3-reassembly',
    reason:
      'a fragment whose transport sequence wraps from 63 to 0: tshark does not reassemble it and shows no function on its last frame; we do (test/protocols/dnp3/tshark-differences.test.ts)',
  },
  {
    file: 'icsnpp-dnp3/testing/traces/dnp3_example.pcap',
    frames: [311],
    kind: 'dnp3-reassembly',
    reason:
      "a whole response (FIR and FIN) in one frame, which tshark merges with frame 210's fragment by transport sequence and reports as function 0 (test/protocols/dnp3/tshark-differences.test.ts)",
  },
  {
    file: 'suricata-verify/tests/dnp3/dnp3-max-points/test.pcap',
    frames: [93],
    kind: 'dnp3-reassembly',
    reason:
      "an 8200-octet write fragment in 33 segments: tshark has no bound and reassembles it (then calls it malformed); we stop at the codec's 2048-octet bound with OTS_DNP3_FRAGMENT_TOO_LONG (test/protocols/dnp3/tshark-differences.test.ts)",
  },
];

const pcaps = dataFile('pcaps');
const ready =
  peer('shared captures', pcaps.exists, `no ${pcaps.path}; set OTSAFE_DATA`) &&
  peer('tshark', existsSync(TSHARK), 'apt-get install tshark');

function captures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return captures(path);
    return /\.(pcap|pcapng|cap)$/i.test(entry.name) ? [path] : [];
  });
}

interface Ours {
  readonly file: string;
  readonly records: DecodeRecord[];
}

/**
 * Which captures carry the four protocols: those with a TCP segment or UDP datagram on one of
 * their ports. tshark finds them by the same ports (TPKT on 102 for S7comm), so no capture it
 * would dissect is left out: a run of tshark with `-Y "modbus||mbtcp||s7comm||dnp3||enip||cip"`
 * over every shared capture, at development time, found 125 files, all in this selection. Ours has
 * 8 more, whose traffic on port 102 is S7comm-plus only, which tshark 4.0 does not dissect.
 */
function decodeAll(): Ours[] {
  const out: Ours[] = [];
  for (const path of captures(pcaps.path).sort()) {
    const records: DecodeRecord[] = [];
    const decoder = createDecoder((record) => records.push(record));
    decoder.push(readFileSync(path));
    decoder.end();
    if (decoder.stats.icsPackets > 0) out.push({ file: relative(pcaps.path, path), records });
  }
  return out;
}

/** Runs `task` over `items`, `limit` at a time (the CI machine has two cores). */
async function pool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe.skipIf(!ready)('against tshark, frame by frame', () => {
  const ours = ready ? decodeAll() : [];
  const theirs = new Map<string, Map<number, TsharkFrame>>();

  beforeAll(async () => {
    const frames = await pool(ours, 2, ({ file }) =>
      runTshark(join(pcaps.path, file), TSHARK_OPTIONS),
    );
    ours.forEach(({ file }, i) => theirs.set(file, frames[i] ?? new Map<number, TsharkFrame>()));
  }, 300_000);

  it('finds the captures', () => {
    // 125 that tshark dissects, and 8 of S7comm-plus only (see decodeAll).
    expect(ours.length).toBeGreaterThanOrEqual(125);
    const files = new Set(ours.map((o) => o.file));
    for (const entry of EXPLAINED) expect(files.has(entry.file), entry.file).toBe(true);
  });

  it.each(ours.map((o) => [o.file, o] as const))('%s', (file, { records }) => {
    const tshark = theirs.get(file) ?? new Map<number, TsharkFrame>();
    const diffs = differences(ourFields(records), tshark);
    const explained = EXPLAINED.filter((e) => e.file === file);
    const expectedFrames = explained.flatMap((e) => e.frames).sort((a, b) => a - b);
    expect([...new Set(diffs.map((d) => d.frame))], explain(diffs)).toEqual(expectedFrames);
    for (const entry of explained) {
      for (const frame of entry.frames) {
        check(
          entry,
          frame,
          records,
          tshark.get(frame),
          diffs.filter((d) => d.frame === frame),
        );
      }
    }
  });
});

function explain(diffs: readonly Difference[]): string {
  return diffs
    .slice(0, 20)
    .map((d) => `frame ${d.frame} ${d.field}: ours ${d.ours ?? '-'}, tshark ${d.tshark ?? '-'}`)
    .join('\n');
}

/** That tshark and we still behave at `frame` as the entry's kind says. */
function check(
  entry: Explained,
  frame: number,
  records: readonly DecodeRecord[],
  tshark: TsharkFrame | undefined,
  diffs: readonly Difference[],
): void {
  const here = records.filter((r) => r.frame === frame);
  const where = `${entry.file} frame ${frame}`;
  switch (entry.kind) {
    case 'refused': {
      // Unit and function agree; only tshark's reference and count fields are extra.
      expect(
        here.some((r) => 'error' in r && r.error.code.startsWith('OTS_MODBUS_')),
        where,
      ).toBe(true);
      for (const d of diffs) {
        expect(d.field, where).toMatch(/^modbus\.(read_|write_)?(reference_num|word_cnt|bit_cnt)$/);
        expect(d.ours, where).toBeUndefined();
      }
      return;
    }
    case 'fuzzed-tcp':
      // tshark dissects nothing there; we read a unit and a function (a PDU, or a refused one).
      expect(Object.keys(tshark?.fields ?? {}), where).toEqual([]);
      expect(
        here.some((r) => r.ics !== undefined && 'function_code' in r.ics),
        where,
      ).toBe(true);
      return;
    case 'dnp3-reassembly':
      for (const d of diffs) expect(d.field, where).toBe('dnp3.al.func');
      return;
  }
}
