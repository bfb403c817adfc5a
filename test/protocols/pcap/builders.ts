// Frame and capture builders shared by the capture tests and make-fixtures.ts: thin wrappers
// that throw where the codecs return a typed refusal, since a test wants the bytes or a failure.
import {
  LINK_TYPES,
  createPcapWriter,
  encodeFrame,
  type FrameInit,
  type PacketToWrite,
  type PcapWriterOptions,
} from '../../../src/protocols/pcap/index.js';

/** Builds a frame or throws. */
export function frame(init: FrameInit): Uint8Array {
  const built = encodeFrame(init);
  if (!built.ok) throw built.error;
  return built.value;
}

export interface TcpSpec {
  readonly from: string;
  readonly to: string;
  readonly sport: number;
  readonly dport: number;
  readonly seq: number;
  readonly ack?: number;
  readonly flags?: number;
  readonly payload?: Uint8Array | string;
  readonly linkType?: number;
}

/** An Ethernet (or other link) frame carrying one TCP segment. */
export function tcpFrame(spec: TcpSpec): Uint8Array {
  const payload =
    typeof spec.payload === 'string' ? new TextEncoder().encode(spec.payload) : spec.payload;
  return frame({
    linkType: spec.linkType ?? LINK_TYPES.ethernet,
    source: spec.from,
    destination: spec.to,
    transport: {
      protocol: 'tcp',
      sourcePort: spec.sport,
      destinationPort: spec.dport,
      sequence: spec.seq,
      acknowledgment: spec.ack ?? 0,
      flags: spec.flags ?? 0x18,
    },
    ...(payload === undefined ? {} : { payload }),
  });
}

/** A whole classic pcap in one buffer. */
export function pcapOf(options: PcapWriterOptions, packets: readonly PacketToWrite[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = createPcapWriter((chunk) => chunks.push(chunk), options);
  for (const packet of packets) {
    const written = writer.write(packet);
    if (!written.ok) throw written.error;
  }
  return concat(chunks);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Bytes from hex with any whitespace; on each line, `|` starts a comment (annotated vectors). */
export function hex(text: string): Uint8Array {
  const clean = text
    .split('\n')
    .map((line) => line.replace(/\|.*$/, ''))
    .join('')
    .replace(/\s/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) throw new Error(`bad hex: ${text}`);
  return Uint8Array.from(clean.match(/../g) ?? [], (byte) => parseInt(byte, 16));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}
