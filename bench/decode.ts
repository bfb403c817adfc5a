// `npm run bench -- decode`: capture to decoded PDUs, against tshark on the same file in the same
// run. Each input is a real capture repeated (bench/repeat-capture.ts) until it holds at least
// 500,000 PDUs. Ours runs from the compiled dist/ (what users run), on one core; the ceiling is a
// loop that only walks the capture's records.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repeatCapture } from './repeat-capture.js';

import type * as ProtocolsModule from '../src/protocols/index.js';
import type * as SensorModule from '../src/sensor/index.js';

type Sensor = typeof SensorModule;
type Protocols = typeof ProtocolsModule;

const ROOT = resolve(import.meta.dirname, '..');
const DATA = process.env.OTSAFE_DATA ?? resolve(ROOT, '..', 'shared', 'data');
const TSHARK = '/usr/bin/tshark';
const TARGET_PDUS = 500_000;
const RUNS = 5;

interface Case {
  protocol: 'modbus' | 's7comm' | 'dnp3';
  file: string;
  serverPort: number;
  /** A field tshark prints once per PDU: its occurrences are tshark's PDU count. */
  tsharkField: string;
  note?: string;
}

const CASES: Case[] = [
  {
    protocol: 'modbus',
    file: 'pcaps/ITI-ICS-Security-Tools/pcaps/ModbusTCP/ModbusTCP.pcap',
    serverPort: 502,
    // One MBAP header per PDU (modbus.func_code can appear twice in one PDU).
    tsharkField: 'mbtcp.trans_id',
  },
  {
    protocol: 's7comm',
    file: 'pcaps/ct-samples/Protocols/S7comm/Plant1_S7comm.pcap',
    serverPort: 102,
    tsharkField: 's7comm.header.rosctr',
  },
  {
    protocol: 'dnp3',
    file: 'pcaps/icsnpp-dnp3/testing/traces/dnp3_example.pcap',
    serverPort: 20000,
    tsharkField: 'dnp3.al.func',
    note: '4 per copy are fragments tshark does not reassemble across the transport-sequence wrap (test/sensor/against-tshark.test.ts); beyond about 300 copies tshark loses more, not yet explained (docs/performance.md)',
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function rate(n: number, ms: number): string {
  return `${(n / ms / 1000).toFixed(2)}M/s`;
}

export async function run(): Promise<void> {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'sensor', 'index.js')))
    throw new Error('dist/ is missing: npm run build first');
  const sensor = (await import(pathToFileURL(join(dist, 'sensor', 'index.js')).href)) as Sensor;
  const protocols = (await import(
    pathToFileURL(join(dist, 'protocols', 'index.js')).href
  )) as Protocols;
  const haveTshark = existsSync(TSHARK);
  if (!haveTshark)
    console.log('tshark is not installed (apt-get install tshark): printing our figures only');
  const work = mkdtempSync(join(tmpdir(), 'otsafe-bench-decode-'));
  try {
    for (const c of CASES) {
      const source = join(DATA, c.file);
      if (!existsSync(source)) {
        console.log(`${c.protocol}: skipped, ${source} is missing (set OTSAFE_DATA)`);
        continue;
      }
      const original = readFileSync(source);
      const count = (bytes: Uint8Array): number => {
        const decoder = sensor.createDecoder(() => undefined, { values: false });
        decoder.push(bytes);
        decoder.end();
        return decoder.stats.byProtocol[c.protocol];
      };
      const perCopy = count(original);
      const copies = Math.ceil(TARGET_PDUS / perCopy);
      const { bytes } = repeatCapture(original, copies, c.serverPort);
      const file = join(work, `${c.protocol}.pcap`);
      writeFileSync(file, bytes);

      // Ours: decode to records (what the sensor and `otsafe decode` consume), best of RUNS.
      const times: number[] = [];
      let ours = 0;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        ours = count(bytes);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);

      // Ceiling: walk the records and nothing else.
      const walks: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const reader = protocols.pcap.createCaptureReader(
          () => undefined,
          () => undefined,
        );
        reader.push(bytes);
        reader.end();
        walks.push(performance.now() - started);
      }
      walks.sort((a, b) => a - b);
      const ceiling = percentile(walks, 50);

      console.log(
        `\n${c.protocol}: ${c.file} x ${String(copies)} = ${String(ours)} PDUs (${(bytes.length / 1e6).toFixed(1)} MB)`,
      );
      const p50 = percentile(times, 50);
      console.log(
        `  otsafe   ${rate(ours, p50)} PDUs/s  (p50 ${p50.toFixed(0)} ms; min ${times[0]?.toFixed(0) ?? ''}, max ${times[times.length - 1]?.toFixed(0) ?? ''} ms over ${String(RUNS)} runs)`,
      );
      console.log(
        `  ceiling  ${rate(ours, ceiling)} PDUs/s  (walking the records only, p50 ${ceiling.toFixed(0)} ms): otsafe at ${((ceiling / p50) * 100).toFixed(0)}% of it`,
      );

      if (haveTshark) {
        const started = performance.now();
        const result = spawnSync(
          TSHARK,
          // Sequence analysis stays on (tshark's default): without it tshark cannot desegment a PDU
          // split over two segments. Every copy is a new set of flows, so none looks retransmitted.
          [
            '-r',
            file,
            '-o',
            'tcp.reassemble_out_of_order:TRUE',
            '-T',
            'fields',
            '-e',
            c.tsharkField,
            '-E',
            'occurrence=a',
            '-E',
            'aggregator=,',
          ],
          { encoding: 'utf8', maxBuffer: 1 << 30 },
        );
        const elapsed = performance.now() - started;
        let theirs = 0;
        for (const line of result.stdout.split('\n'))
          if (line !== '') theirs += line.split(',').length;
        console.log(
          `  tshark   ${rate(theirs, elapsed)} PDUs/s  (${elapsed.toFixed(0)} ms, ${String(theirs)} PDUs)`,
        );
        console.log(`  ratio    otsafe / tshark = ${(elapsed / p50).toFixed(1)}x`);
        console.log(
          `  counts   ${ours === theirs ? 'equal' : `DIFFER by ${String(ours - theirs)}${c.note ? `: ${c.note}` : ''}`}`,
        );
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
