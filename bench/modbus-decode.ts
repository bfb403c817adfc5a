// How fast the Modbus codec decodes the TCP payloads of ModbusTCP.pcap, against the ceiling of a
// loop that only walks the MBAP headers of the same payloads, in the same run. Register it in
// run.ts as `modbus-decode: () => import('./modbus-decode.js').then((m) => m.run())`, or run it
// alone: `node --import tsx bench/modbus-decode.ts`. It reads the capture from OTSAFE_DATA
// (default ../shared/data) with a minimal pcap walk of its own (Ethernet, IPv4, TCP), so that it
// measures the codec and nothing else; it skips with a notice when the capture is absent.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createMbapParser,
  decodeMbapFrames,
  type Direction,
  type MbapParser,
} from '../src/protocols/modbus/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.OTSAFE_DATA ?? join(ROOT, '../shared/data');
const CAPTURE = join(DATA, 'pcaps/ITI-ICS-Security-Tools/pcaps/ModbusTCP/ModbusTCP.pcap');
/** Measured passes over every payload; percentiles are taken over them. */
const PASSES = Number(process.env.OTSAFE_BENCH_RUNS ?? 30);

interface Payload {
  bytes: Uint8Array;
  direction: Direction;
  flow: string;
}

/** TCP payloads to or from port 502 of a classic little- or big-endian Ethernet pcap. */
function payloads(file: Uint8Array): Payload[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const magic = view.getUint32(0, true);
  const little = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (
    !little &&
    view.getUint32(0, false) !== 0xa1b2c3d4 &&
    view.getUint32(0, false) !== 0xa1b23c4d
  ) {
    throw new Error('not a classic pcap file');
  }
  const out: Payload[] = [];
  for (let at = 24; at + 16 <= file.length;) {
    const captured = view.getUint32(at + 8, little);
    const frame = file.subarray(at + 16, at + 16 + captured);
    const bytes = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    at += 16 + captured;
    if (frame.length < 14) continue;
    let ip = 14;
    let etherType = bytes.getUint16(12);
    if (etherType === 0x8100 && frame.length >= 18) {
      etherType = bytes.getUint16(16);
      ip = 18;
    }
    if (etherType !== 0x0800 || frame.length < ip + 20 || bytes.getUint8(ip + 9) !== 6) continue;
    const tcp = ip + (bytes.getUint8(ip) & 0x0f) * 4;
    if (frame.length < tcp + 20) continue;
    const source = bytes.getUint16(tcp);
    const destination = bytes.getUint16(tcp + 2);
    const data = tcp + (bytes.getUint8(tcp + 12) >> 4) * 4;
    const end = Math.min(frame.length, ip + bytes.getUint16(ip + 2));
    if (data >= end || (source !== 502 && destination !== 502)) continue;
    out.push({
      bytes: frame.subarray(data, end),
      direction: destination === 502 ? 'request' : 'response',
      flow: `${String(source)}>${String(destination)}`,
    });
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function measure(name: string, pass: () => number, ceiling?: number): number {
  for (let i = 0; i < 3; i++) pass(); // warm up the JIT
  const rates: number[] = [];
  for (let i = 0; i < PASSES; i++) {
    const start = process.hrtime.bigint();
    const count = pass();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(count / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = percentile(rates, 0.5);
  const ratio =
    ceiling === undefined ? '' : `  ${((100 * median) / ceiling).toFixed(0)}% of the ceiling`;
  console.log(
    `${name.padEnd(34)} p10 ${(percentile(rates, 0.1) / 1e6).toFixed(2)}  p50 ${(median / 1e6).toFixed(2)}  p90 ${(percentile(rates, 0.9) / 1e6).toFixed(2)} M PDUs/s${ratio}`,
  );
  return median;
}

export function run(): void {
  if (!existsSync(CAPTURE)) {
    console.log(`skipped: ${CAPTURE} is absent (set OTSAFE_DATA)`);
    return;
  }
  const all = payloads(readFileSync(CAPTURE));
  let pdus = 0;
  const count = () => {
    pdus++;
  };
  const ignore = () => undefined;

  console.log(
    `ModbusTCP.pcap: ${String(all.length)} TCP payloads on port 502, ${String(PASSES)} passes`,
  );
  const ceiling = measure('ceiling: walk MBAP headers only', () => {
    let n = 0;
    for (const { bytes } of all) {
      for (let at = 0; at + 7 <= bytes.length;) {
        const end = at + 6 + (((bytes[at + 4] ?? 0) << 8) | (bytes[at + 5] ?? 0));
        if (end > bytes.length) break;
        n++;
        at = end;
      }
    }
    return n;
  });
  measure(
    'decodeMbapFrames (one-shot)',
    () => {
      pdus = 0;
      for (const { bytes, direction } of all) decodeMbapFrames(bytes, direction, count, ignore);
      return pdus;
    },
    ceiling,
  );
  const parsers = new Map<string, MbapParser>();
  measure(
    'createMbapParser (one per flow)',
    () => {
      pdus = 0;
      for (const { bytes, direction, flow } of all) {
        let parser = parsers.get(flow);
        if (parser === undefined) {
          parser = createMbapParser(count, ignore, { direction });
          parsers.set(flow, parser);
        }
        parser.push(bytes);
      }
      return pdus;
    },
    ceiling,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) run();
