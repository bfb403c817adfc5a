// Shared by the sensor tests: fixtures, a whole-capture decode in any slicing, a compact view of
// records, and small captures built with the project's own encoders.
import { readFileSync } from 'node:fs';
import { pcap } from '../../src/protocols/index.js';
import {
  createDecoder,
  type DecodeRecord,
  type DecoderOptions,
  type DecodeStats,
} from '../../src/sensor/index.js';

/** A capture of test/fixtures/pcap (the codecs' fixtures) or test/sensor/fixtures (ours). */
export function fixture(name: string): Uint8Array {
  const url = name.startsWith('sensor/')
    ? new URL(`./fixtures/${name.slice('sensor/'.length)}`, import.meta.url)
    : new URL(`../fixtures/pcap/${name}`, import.meta.url);
  const bytes = readFileSync(url);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

export interface Decoded {
  records: DecodeRecord[];
  stats: DecodeStats;
}

/** Decodes a whole capture, pushed in slices of `chunk` bytes (0: all at once). */
export function decode(bytes: Uint8Array, options: DecoderOptions = {}, chunk = 0): Decoded {
  const records: DecodeRecord[] = [];
  const decoder = createDecoder((record) => records.push(record), options);
  if (chunk <= 0) decoder.push(bytes);
  else
    for (let at = 0; at < bytes.length; at += chunk) decoder.push(bytes.subarray(at, at + chunk));
  decoder.end();
  return { records, stats: decoder.stats };
}

/** One record in a line: `frame protocol pdu_type fc=…` or `frame ERROR code`. */
export function brief(record: DecodeRecord): string {
  if ('error' in record) return `${record.frame} ERROR ${record.error.code}`;
  const ics = record.ics;
  const parts = [String(record.frame), ics.protocol, ics.pdu_type];
  if ('function_code' in ics) parts.push(`fc=${ics.function_code}`);
  if ('rosctr' in ics) parts.push(`rosctr=${ics.rosctr}`);
  if ('command' in ics) parts.push(`command=${ics.command}`);
  return parts.join(' ');
}

export interface PacketSpec {
  readonly source: string;
  readonly destination: string;
  readonly transport: pcap.TransportInit;
  readonly payload?: Uint8Array;
  /** Milliseconds since the epoch; 1 ms apart from the previous packet when absent. */
  readonly timestampMs?: number;
}

const BASE_MS = Date.UTC(2024, 0, 2, 3, 4, 5);

/** A classic Ethernet pcap holding the given packets, built with the project's encoders. */
export function buildCapture(packets: readonly PacketSpec[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = pcap.createPcapWriter((chunk) => chunks.push(chunk.slice()), { linkType: 1 });
  packets.forEach((spec, i) => {
    const init: pcap.FrameInit = {
      source: spec.source,
      destination: spec.destination,
      transport: spec.transport,
      ...(spec.payload === undefined ? {} : { payload: spec.payload }),
    };
    const frame = pcap.encodeFrame(init);
    if (!frame.ok) throw frame.error;
    const written = writer.write({
      timestampMs: spec.timestampMs ?? BASE_MS + i,
      data: frame.value,
    });
    if (!written.ok) throw written.error;
  });
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function hex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * A TCP conversation without a handshake (as a capture picked up mid-stream): each step is a
 * payload from the client or from the server, with sequence numbers that follow on.
 */
export function tcpConversation(
  client: { ip: string; port: number },
  server: { ip: string; port: number },
  steps: readonly { from: 'client' | 'server'; payload: Uint8Array; skip?: boolean }[],
): PacketSpec[] {
  let clientSeq = 1000;
  let serverSeq = 5000;
  const out: PacketSpec[] = [];
  for (const step of steps) {
    const fromClient = step.from === 'client';
    const seq = fromClient ? clientSeq : serverSeq;
    const ack = fromClient ? serverSeq : clientSeq;
    if (fromClient) clientSeq += step.payload.length;
    else serverSeq += step.payload.length;
    // A skipped step leaves its bytes out of the capture: a hole the next segment will show.
    if (step.skip === true) continue;
    out.push({
      source: fromClient ? client.ip : server.ip,
      destination: fromClient ? server.ip : client.ip,
      transport: {
        protocol: 'tcp',
        sourcePort: fromClient ? client.port : server.port,
        destinationPort: fromClient ? server.port : client.port,
        sequence: seq,
        acknowledgment: ack,
        flags: 0x18, // PSH, ACK
      },
      payload: step.payload,
    });
  }
  return out;
}
