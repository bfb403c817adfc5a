// Makes a large capture from a small one for the decode benchmark: N copies of the input, each
// copy moved later in time and its client ports shifted, so every copy is a new set of TCP flows
// (not retransmissions of the first). Usage:
//   node --import tsx bench/repeat-capture.ts IN.pcap OUT.pcap COPIES [SERVER_PORT=502]
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { pcap } from '../src/protocols/index.js';

const EPHEMERAL_FIRST = 1024;
const EPHEMERAL_COUNT = 65536 - EPHEMERAL_FIRST;

export interface RepeatResult {
  bytes: Uint8Array;
  packets: number;
  /** The port shift between consecutive copies. */
  stride: number;
}

/**
 * Repeats a classic-pcap or pcapng capture `copies` times into one classic pcap. Client ports
 * (those that are not `serverPort`) of copy k move by k × stride within 1024-65535; the stride is
 * chosen so that no two (copy, port) pairs land on the same port. TCP and UDP checksums are
 * patched incrementally (RFC 1624), so the copies stay valid packets.
 */
export function repeatCapture(input: Uint8Array, copies: number, serverPort = 502): RepeatResult {
  const contents = pcap.readCapture(input);
  if (contents.errors.length > 0)
    throw new Error(`input capture: ${contents.errors[0]?.message ?? ''}`);
  const packets = contents.packets;
  const first = packets[0];
  if (!first) throw new Error('input capture holds no packet');
  const last = packets[packets.length - 1] ?? first;
  // Each copy starts one second after the previous one ends, so time only moves forward.
  const periodMs = last.timestampMs - first.timestampMs + 1_000;

  const layers = new pcap.PacketLayers();
  const clientPorts = new Set<number>();
  for (const packet of packets) {
    if (!pcap.decodeLayers(packet.data, packet.linkType, layers) || layers.transportOffset < 0)
      continue;
    for (const port of [layers.sourcePort, layers.destinationPort])
      if (port !== serverPort) clientPorts.add(port);
  }
  const stride = injectiveStride([...clientPorts], copies, serverPort);

  const chunks: Uint8Array[] = [];
  const writer = pcap.createPcapWriter((chunk) => chunks.push(chunk.slice()), {
    linkType: first.linkType,
    precision: 'nanoseconds',
  });
  let written = 0;
  for (let copy = 0; copy < copies; copy++) {
    for (const packet of packets) {
      const data = packet.data.slice();
      if (
        copy > 0 &&
        pcap.decodeLayers(data, packet.linkType, layers) &&
        layers.transportOffset >= 0
      ) {
        if (layers.sourcePort === serverPort && layers.destinationPort === serverPort) {
          // Both ends on the well-known port (DNP3 outstations often talk 20000 to 20000): no
          // client port to move, so the copy gets its own addresses instead.
          shiftAddresses(data, layers, copy);
        } else {
          shiftPorts(data, layers, copy * stride, serverPort);
        }
      }
      const result = writer.write({
        timestampMs: packet.timestampMs + copy * periodMs,
        timestampNs: packet.timestampNs,
        data,
        originalLength: packet.originalLength,
      });
      if (!result.ok) throw new Error(`frame ${String(packet.frame)}: ${result.error.message}`);
      written++;
    }
  }
  return { bytes: Buffer.concat(chunks), packets: written, stride };
}

function shifted(port: number, by: number): number {
  return EPHEMERAL_FIRST + ((port - EPHEMERAL_FIRST + by) % EPHEMERAL_COUNT);
}

/** The smallest stride for which every (copy, client port) maps to its own port, never the server's. */
function injectiveStride(ports: number[], copies: number, serverPort: number): number {
  if (ports.some((p) => p < EPHEMERAL_FIRST))
    throw new Error('a client port below 1024: not a client capture');
  for (let stride = 1; stride < EPHEMERAL_COUNT; stride++) {
    const seen = new Set<number>([serverPort]);
    let clash = false;
    for (let copy = 0; copy < copies && !clash; copy++) {
      for (const port of ports) {
        const moved = shifted(port, copy * stride);
        if (seen.has(moved)) {
          clash = true;
          break;
        }
        seen.add(moved);
      }
    }
    if (!clash) return stride;
  }
  throw new Error(
    `no port stride keeps ${String(copies)} copies of ${String(ports.length)} flows apart`,
  );
}

/** Rewrites the client port(s) in place and patches the transport checksum (RFC 1624, eqn. 3). */
function shiftPorts(
  data: Uint8Array,
  layers: InstanceType<typeof pcap.PacketLayers>,
  by: number,
  serverPort: number,
): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = layers.transportOffset;
  const checksumAt = at + (layers.transport === 6 ? 16 : 6);
  let checksum = view.getUint16(checksumAt);
  for (const offset of [at, at + 2]) {
    const old = view.getUint16(offset);
    if (old === serverPort) continue;
    const next = shifted(old, by);
    view.setUint16(offset, next);
    // A UDP checksum of 0 means "none"; leave it so.
    if (layers.transport === 17 && checksum === 0) continue;
    checksum = patchChecksum(checksum, old, next);
  }
  if (!(layers.transport === 17 && view.getUint16(checksumAt) === 0))
    view.setUint16(checksumAt, checksum);
}

/** One's-complement update of a 16-bit checksum for a word changing from `old` to `next`. */
function patchChecksum(checksum: number, old: number, next: number): number {
  let sum = (~checksum & 0xffff) + (~old & 0xffff) + next;
  sum = (sum & 0xffff) + (sum >>> 16);
  sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/**
 * Moves both IPv4 addresses of copy k apart from every other copy's by adding k to octets 2-3, patching
 * the IP header checksum and the transport checksum (whose pseudo-header holds the addresses).
 */
function shiftAddresses(
  data: Uint8Array,
  layers: InstanceType<typeof pcap.PacketLayers>,
  copy: number,
): void {
  if (layers.ipVersion !== 4)
    throw new Error('server-port-to-server-port flows are only repeatable over IPv4');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const ip = layers.ipOffset;
  const transportChecksumAt = layers.transportOffset + (layers.transport === 6 ? 16 : 6);
  let ipChecksum = view.getUint16(ip + 10);
  let transportChecksum = view.getUint16(transportChecksumAt);
  // Copy k adds k to octets 2 and 3 of each address (k up to 65535): never two copies alike.
  for (const address of [ip + 12, ip + 16]) {
    for (const [at, add] of [
      [address, copy & 0xff],
      [address + 2, (copy >>> 8) << 8],
    ] as const) {
      const old = view.getUint16(at);
      const next =
        at === address
          ? (old & 0xff00) | (((old & 0xff) + add) & 0xff)
          : (((old & 0xff00) + add) & 0xff00) | (old & 0xff);
      if (next === old) continue;
      view.setUint16(at, next);
      ipChecksum = patchChecksum(ipChecksum, old, next);
      transportChecksum = patchChecksum(transportChecksum, old, next);
    }
  }
  view.setUint16(ip + 10, ipChecksum);
  if (!(layers.transport === 17 && view.getUint16(transportChecksumAt) === 0))
    view.setUint16(transportChecksumAt, transportChecksum);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [input, output, copies, port] = process.argv.slice(2);
  if (input === undefined || output === undefined || copies === undefined) {
    console.error('usage: repeat-capture.ts IN OUT COPIES [SERVER_PORT]');
    process.exit(2);
  }
  const result = repeatCapture(
    readFileSync(input),
    Number(copies),
    port === undefined ? 502 : Number(port),
  );
  writeFileSync(output, result.bytes);
  console.log(
    `${output}: ${String(result.packets)} packets, client port stride ${String(result.stride)}`,
  );
}
