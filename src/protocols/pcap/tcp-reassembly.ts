// TCP reassembly per flow: turns captured segments into the in-order byte stream of each
// direction, for the application parsers (Modbus, S7comm, DNP3, ENIP) that sit on top.
//
// A flow is a 4-tuple, both directions. Each direction delivers every byte once, in order: the
// in-order fast path hands the segment's payload view straight to the sink (no copy); segments
// that arrive early are copied and buffered (bounded); retransmitted and overlapping bytes are
// dropped; a hole that will not be filled becomes a gap event, and delivery goes on after it,
// so the parser above can resynchronise. A capture that starts mid-connection is picked up at
// the first segment seen in each direction.
import { formatIpv4, formatIpv6 } from './layers/ip-address.js';
import { TCP_FLAGS, type PacketLayers } from './layers/packet-layers.js';

export type TcpDirection = 'client-to-server' | 'server-to-client';

export interface TcpEndpoint {
  /** '10.0.0.5' or '2001:db8::1' (RFC 5952). */
  readonly ip: string;
  readonly port: number;
}

export interface TcpFlow {
  /** 1-based, in the order flows were first seen. */
  readonly id: number;
  /** 'client > server' as text: '10.0.0.5:49152 > 10.0.0.9:502', '[2001:db8::1]:40000 > ...'. */
  readonly key: string;
  readonly ipVersion: 4 | 6;
  /**
   * The SYN's sender when the handshake was seen. Without one, the endpoint with the higher port
   * (on a tie, the first segment's source): servers listen on the low, well-known ports.
   */
  readonly client: TcpEndpoint;
  readonly server: TcpEndpoint;
  /** True when the flow began with a SYN or SYN-ACK in the capture. */
  readonly handshake: boolean;
  /** Capture time of the first segment, in ms since the epoch. */
  readonly firstSeenMs: number;
}

/** Why a flow ended. */
export type TcpFlowEndReason =
  | 'fin' // both directions sent FIN and every byte before it was delivered or reported missing
  | 'rst' // a reset
  | 'reused' // a new SYN on the same 4-tuple started another connection
  | 'idle' // nothing seen for idleTimeoutMs of capture time
  | 'evicted' // the least recently used flow made room for a new one at maxFlows
  | 'flushed'; // flush(): the capture is over

/**
 * Where one flow's streams go. `context` is what push() was given with the packet that caused
 * the call (the caller's frame number and time, say); it is undefined only for calls made with
 * no packet at hand (flush, idle and eviction), except that buffered data then carries the
 * context of the segment that brought it.
 */
export interface TcpStreamSink<C> {
  /** In-order bytes of one direction. The view is only valid during the call: copy to keep. */
  data(direction: TcpDirection, bytes: Uint8Array, context: C): void;
  /** `missing` bytes of the direction will never come: the next data() follows the hole. */
  gap?(direction: TcpDirection, missing: number, context: C | undefined): void;
  end?(reason: TcpFlowEndReason, context: C | undefined): void;
}

export interface TcpReassemblerOptions<C> {
  /** Called for each new flow; return undefined to ignore the flow (it is still tracked). */
  readonly openFlow: (flow: TcpFlow, context: C) => TcpStreamSink<C> | undefined;
  /** Flows tracked at once; the least recently used is evicted beyond. Default 65,536. */
  readonly maxFlows?: number;
  /** Out-of-order bytes buffered per direction before the hole is given up. Default 256 KiB. */
  readonly maxBufferedBytesPerDirection?: number;
  /** Out-of-order segments buffered per direction. Default 1,024. */
  readonly maxBufferedSegmentsPerDirection?: number;
  /** Out-of-order bytes buffered over all flows. Default 64 MiB. */
  readonly maxBufferedBytes?: number;
  /** Capture time after which a silent flow ends. Default 5 minutes. */
  readonly idleTimeoutMs?: number;
}

export interface TcpReassemblyStats {
  flows: number;
  segments: number;
  /** Segments that could not start a flow: pure ACK, FIN or RST of a flow never seen. */
  strays: number;
  bytesDelivered: number;
  /** Bytes seen again (retransmissions, overlaps) and dropped. */
  bytesDuplicated: number;
  outOfOrderSegments: number;
  gaps: number;
  bytesMissing: number;
  /** Out-of-order bytes held now, over all flows. */
  bytesBuffered: number;
  flowsEnded: Record<TcpFlowEndReason, number>;
}

export interface TcpReassembler<C> {
  /**
   * Takes one packet decoded by decodeLayers; anything that is not TCP is ignored. `timeMs` is
   * the packet's capture time, which drives idle eviction (the reassembler reads no clock).
   */
  push(layers: PacketLayers, context: C, timeMs: number): void;
  /** Ends every flow, reporting the holes left: call it when the capture is over. */
  flush(): void;
  /** Flows tracked now. */
  readonly activeFlows: number;
  readonly stats: Readonly<TcpReassemblyStats>;
}

export const TCP_REASSEMBLY_DEFAULTS = {
  maxFlows: 65536,
  maxBufferedBytesPerDirection: 256 * 1024,
  maxBufferedSegmentsPerDirection: 1024,
  maxBufferedBytes: 64 * 1024 * 1024,
  idleTimeoutMs: 5 * 60 * 1000,
} as const;

// Module-local copies of the flags: some loaders (tsx, vitest) turn every use of an imported
// binding into a getter call, which the per-segment path would pay for each packet.
const FIN = TCP_FLAGS.fin;
const SYN = TCP_FLAGS.syn;
const RST = TCP_FLAGS.rst;
const ACK = TCP_FLAGS.ack;

/** A flow is moved to the back of the LRU order at most this often (ms of capture time). */
const REFRESH_MS = 1000;

interface BufferedSegment<C> {
  /** Sequence number of bytes[0]. */
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly context: C;
}

class DirectionState<C> {
  started = false;
  synSeen = false;
  isn = 0;
  /** Sequence number of the next byte to deliver. */
  nextSeq = 0;
  finSeen = false;
  finSeq = 0;
  finished = false;
  segments: BufferedSegment<C>[] = [];
  bufferedBytes = 0;
}

class FlowState<C> {
  readonly key: string;
  readonly flow: TcpFlow;
  sink: TcpStreamSink<C> | undefined = undefined;
  /** IPv4 client and server as numbers, for the one-entry lookup cache. */
  readonly clientIpv4: number;
  readonly serverIpv4: number;
  /** IPv6 client address, to tell the directions apart. */
  readonly clientIpv6: Uint8Array | undefined;
  readonly clientPort: number;
  readonly serverPort: number;
  readonly toServer = new DirectionState<C>();
  readonly toClient = new DirectionState<C>();
  lastSeenMs: number;
  refreshedMs: number;
  closed = false;

  constructor(
    key: string,
    flow: TcpFlow,
    clientIpv4: number,
    serverIpv4: number,
    clientIpv6: Uint8Array | undefined,
    timeMs: number,
  ) {
    this.key = key;
    this.flow = flow;
    this.clientIpv4 = clientIpv4;
    this.serverIpv4 = serverIpv4;
    this.clientIpv6 = clientIpv6;
    this.clientPort = flow.client.port;
    this.serverPort = flow.server.port;
    this.lastSeenMs = timeMs;
    this.refreshedMs = timeMs;
  }
}

const keyWords: number[] = new Array<number>(18).fill(0);

/** The flow's key, the same in both directions: the smaller endpoint first. */
function flowKey(layers: PacketLayers): string {
  if (layers.ipVersion === 4) {
    let a = layers.sourceIpv4;
    let b = layers.destinationIpv4;
    let pa = layers.sourcePort;
    let pb = layers.destinationPort;
    if (a > b || (a === b && pa > pb)) {
      [a, b] = [b, a];
      [pa, pb] = [pb, pa];
    }
    return String.fromCharCode(a >>> 16, a & 0xffff, pa, b >>> 16, b & 0xffff, pb);
  }
  const data = layers.data;
  const src = layers.sourceAddressOffset();
  const dst = layers.destinationAddressOffset();
  let order = 0;
  for (let i = 0; i < 16 && order === 0; i++) order = (data[src + i] ?? 0) - (data[dst + i] ?? 0);
  if (order === 0) order = layers.sourcePort - layers.destinationPort;
  const [first, second] = order <= 0 ? [src, dst] : [dst, src];
  const [firstPort, secondPort] =
    order <= 0
      ? [layers.sourcePort, layers.destinationPort]
      : [layers.destinationPort, layers.sourcePort];
  for (let i = 0; i < 8; i++) {
    keyWords[i] = ((data[first + 2 * i] ?? 0) << 8) | (data[first + 2 * i + 1] ?? 0);
    keyWords[9 + i] = ((data[second + 2 * i] ?? 0) << 8) | (data[second + 2 * i + 1] ?? 0);
  }
  keyWords[8] = firstPort;
  keyWords[17] = secondPort;
  return String.fromCharCode(...keyWords);
}

/** '10.0.0.5:502', or '[2001:db8::1]:502' for IPv6 (RFC 5952, 6). */
export function formatEndpoint(endpoint: TcpEndpoint): string {
  return endpoint.ip.includes(':')
    ? `[${endpoint.ip}]:${endpoint.port}`
    : `${endpoint.ip}:${endpoint.port}`;
}

/** a - b in sequence space (RFC 9293, 3.4): negative when a comes before b. */
function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

/** Creates a reassembler; see TcpReassemblerOptions for the limits and their defaults. */
export function createTcpReassembler<C>(options: TcpReassemblerOptions<C>): TcpReassembler<C> {
  const maxFlows = Math.max(1, options.maxFlows ?? TCP_REASSEMBLY_DEFAULTS.maxFlows);
  const maxPerDirection =
    options.maxBufferedBytesPerDirection ?? TCP_REASSEMBLY_DEFAULTS.maxBufferedBytesPerDirection;
  const maxSegments =
    options.maxBufferedSegmentsPerDirection ??
    TCP_REASSEMBLY_DEFAULTS.maxBufferedSegmentsPerDirection;
  const maxTotal = options.maxBufferedBytes ?? TCP_REASSEMBLY_DEFAULTS.maxBufferedBytes;
  const idleTimeoutMs = options.idleTimeoutMs ?? TCP_REASSEMBLY_DEFAULTS.idleTimeoutMs;
  const sweepEveryMs = Math.max(REFRESH_MS, Math.min(idleTimeoutMs / 4, 10_000));

  /** In approximate least-recently-used order: a Map iterates in insertion order. */
  const flows = new Map<string, FlowState<C>>();
  let lastFlow: FlowState<C> | undefined;
  let lastSweepMs = Number.NEGATIVE_INFINITY;
  let flowIds = 0;
  const stats: TcpReassemblyStats = {
    flows: 0,
    segments: 0,
    strays: 0,
    bytesDelivered: 0,
    bytesDuplicated: 0,
    outOfOrderSegments: 0,
    gaps: 0,
    bytesMissing: 0,
    bytesBuffered: 0,
    flowsEnded: { fin: 0, rst: 0, reused: 0, idle: 0, evicted: 0, flushed: 0 },
  };

  function directionName(state: FlowState<C>, dir: DirectionState<C>): TcpDirection {
    return dir === state.toServer ? 'client-to-server' : 'server-to-client';
  }

  function deliver(
    state: FlowState<C>,
    dir: DirectionState<C>,
    bytes: Uint8Array,
    context: C,
  ): void {
    dir.nextSeq = (dir.nextSeq + bytes.length) >>> 0;
    stats.bytesDelivered += bytes.length;
    state.sink?.data(directionName(state, dir), bytes, context);
  }

  function gap(
    state: FlowState<C>,
    dir: DirectionState<C>,
    missing: number,
    context: C | undefined,
  ): void {
    dir.nextSeq = (dir.nextSeq + missing) >>> 0;
    stats.gaps++;
    stats.bytesMissing += missing;
    state.sink?.gap?.(directionName(state, dir), missing, context);
  }

  /** Delivers buffered segments that now start at or before nextSeq. */
  function drain(state: FlowState<C>, dir: DirectionState<C>, context: C | undefined): void {
    const segments = dir.segments;
    let taken = 0;
    while (taken < segments.length) {
      const segment = segments[taken];
      if (segment === undefined) break;
      const rel = seqDiff(segment.seq, dir.nextSeq);
      if (rel > 0) break;
      taken++;
      dir.bufferedBytes -= segment.bytes.length;
      stats.bytesBuffered -= segment.bytes.length;
      const skip = -rel;
      if (skip < segment.bytes.length) {
        deliver(state, dir, segment.bytes.subarray(skip), context ?? segment.context);
      }
      stats.bytesDuplicated += Math.min(skip, segment.bytes.length);
    }
    if (taken > 0) segments.splice(0, taken);
    checkFin(state, dir);
  }

  /** Gives up the hole before the first buffered segment: reports it, then drains. */
  function skipHole(state: FlowState<C>, dir: DirectionState<C>, context: C | undefined): void {
    const first = dir.segments[0];
    if (first === undefined) return;
    const missing = seqDiff(first.seq, dir.nextSeq);
    if (missing > 0) gap(state, dir, missing, context);
    drain(state, dir, context);
  }

  function checkFin(state: FlowState<C>, dir: DirectionState<C>): void {
    if (!dir.finSeen || dir.finished || seqDiff(dir.nextSeq, dir.finSeq) < 0) return;
    dir.finished = true;
    dir.nextSeq = (dir.finSeq + 1) >>> 0; // FIN takes one sequence number
    if (state.toServer.finished && state.toClient.finished) state.closed = true;
  }

  /** Bytes up to `ack` reached the peer: holes below it will never be filled (RFC 9293, 3.4). */
  function resolveAcked(
    state: FlowState<C>,
    dir: DirectionState<C>,
    ack: number,
    context: C,
  ): void {
    // At most one pass per buffered segment plus one for the FIN: the loop ends.
    while (dir.started && !dir.finished && seqDiff(ack, dir.nextSeq) > 0) {
      let target: number;
      const first = dir.segments[0];
      if (first !== undefined) {
        target = seqDiff(first.seq, ack) < 0 ? first.seq : ack;
      } else if (dir.finSeen) {
        target = seqDiff(dir.finSeq, ack) < 0 ? dir.finSeq : ack;
      } else {
        return;
      }
      const missing = seqDiff(target, dir.nextSeq);
      if (missing > 0) gap(state, dir, missing, context);
      const before = dir.nextSeq;
      drain(state, dir, context);
      if (dir.nextSeq === before && missing <= 0) return;
    }
  }

  function data(
    state: FlowState<C>,
    dir: DirectionState<C>,
    seq: number,
    bytes: Uint8Array,
    missing: number,
    context: C,
  ): void {
    const length = bytes.length;
    const total = length + missing; // sequence space the segment covers
    const rel = seqDiff(seq, dir.nextSeq);
    if (rel === 0 && dir.segments.length === 0) {
      // The fast path: in order, nothing waiting.
      if (length > 0) deliver(state, dir, bytes, context);
      if (missing > 0) gap(state, dir, missing, context);
      return;
    }
    if (rel <= 0) {
      const skip = -rel;
      if (skip >= total) {
        stats.bytesDuplicated += total;
        return;
      }
      stats.bytesDuplicated += skip;
      if (skip < length) deliver(state, dir, bytes.subarray(skip), context);
      const uncaptured = total - Math.max(skip, length);
      if (uncaptured > 0) gap(state, dir, uncaptured, context);
      drain(state, dir, context);
      return;
    }
    if (length === 0) return;
    stats.outOfOrderSegments++;
    buffer(state, dir, seq, bytes, context);
  }

  /** Keeps an early segment (a copy), in sequence order, within the limits. */
  function buffer(
    state: FlowState<C>,
    dir: DirectionState<C>,
    seq: number,
    bytes: Uint8Array,
    context: C,
  ): void {
    const segments = dir.segments;
    const rel = seqDiff(seq, dir.nextSeq);
    let index = segments.length;
    while (index > 0) {
      const before = segments[index - 1];
      if (before === undefined || seqDiff(before.seq, dir.nextSeq) <= rel) break;
      index--;
    }
    const previous = segments[index - 1];
    if (
      previous !== undefined &&
      seqDiff((previous.seq + previous.bytes.length) >>> 0, (seq + bytes.length) >>> 0) >= 0
    ) {
      stats.bytesDuplicated += bytes.length; // wholly inside a segment already held
      return;
    }
    segments.splice(index, 0, { seq, bytes: bytes.slice(), context });
    dir.bufferedBytes += bytes.length;
    stats.bytesBuffered += bytes.length;
    // Over a limit: give up the oldest hole(s) rather than grow.
    while (
      dir.segments.length > 0 &&
      (dir.bufferedBytes > maxPerDirection ||
        dir.segments.length > maxSegments ||
        stats.bytesBuffered > maxTotal)
    ) {
      skipHole(state, dir, context);
    }
  }

  function endFlow(state: FlowState<C>, reason: TcpFlowEndReason, context: C | undefined): void {
    for (const dir of [state.toServer, state.toClient]) {
      while (dir.segments.length > 0) skipHole(state, dir, context);
      if (dir.finSeen && !dir.finished) {
        const missing = seqDiff(dir.finSeq, dir.nextSeq);
        if (missing > 0) gap(state, dir, missing, context);
        dir.finished = true;
      }
    }
    flows.delete(state.key);
    if (lastFlow === state) lastFlow = undefined;
    stats.flowsEnded[reason]++;
    state.sink?.end?.(reason, context);
  }

  function createFlow(layers: PacketLayers, key: string, context: C, timeMs: number): FlowState<C> {
    const flags = layers.tcpFlags;
    const syn = (flags & SYN) !== 0;
    const ack = (flags & ACK) !== 0;
    let sourceIsClient: boolean;
    if (syn)
      sourceIsClient = !ack; // SYN from the client, SYN-ACK from the server
    else sourceIsClient = layers.sourcePort >= layers.destinationPort;
    const data = layers.data;
    const version = layers.ipVersion === 4 ? 4 : 6;
    const src = layers.sourceAddressOffset();
    const dst = layers.destinationAddressOffset();
    const format = version === 4 ? formatIpv4 : formatIpv6;
    const source = { ip: format(data, src), port: layers.sourcePort };
    const destination = { ip: format(data, dst), port: layers.destinationPort };
    const client = sourceIsClient ? source : destination;
    const server = sourceIsClient ? destination : source;
    const flow: TcpFlow = {
      id: ++flowIds,
      key: `${formatEndpoint(client)} > ${formatEndpoint(server)}`,
      ipVersion: version,
      client,
      server,
      handshake: syn,
      firstSeenMs: timeMs,
    };
    const clientOffset = sourceIsClient ? src : dst;
    const state = new FlowState<C>(
      key,
      flow,
      sourceIsClient ? layers.sourceIpv4 : layers.destinationIpv4,
      sourceIsClient ? layers.destinationIpv4 : layers.sourceIpv4,
      version === 6 ? data.slice(clientOffset, clientOffset + 16) : undefined,
      timeMs,
    );
    while (flows.size >= maxFlows) {
      const oldest = flows.values().next().value;
      if (oldest === undefined) break;
      endFlow(oldest, 'evicted', undefined);
    }
    flows.set(key, state);
    stats.flows++;
    state.sink = options.openFlow(flow, context);
    return state;
  }

  function fromClient(state: FlowState<C>, layers: PacketLayers): boolean {
    if (layers.sourcePort !== state.clientPort) return false;
    if (layers.ipVersion === 4) return layers.sourceIpv4 === state.clientIpv4;
    const client = state.clientIpv6;
    if (client === undefined) return false;
    const data = layers.data;
    const src = layers.sourceAddressOffset();
    for (let i = 0; i < 16; i++) if (data[src + i] !== client[i]) return false;
    return true; // a self-connection (same address and port both ends) reads as the client's
  }

  function sweep(timeMs: number): void {
    lastSweepMs = timeMs;
    const cutoff = timeMs - idleTimeoutMs;
    for (const state of flows.values()) {
      // Flows after this one were refreshed later; within REFRESH_MS none of them is idle.
      if (state.refreshedMs > cutoff) break;
      if (state.lastSeenMs <= cutoff) endFlow(state, 'idle', undefined);
    }
  }

  function push(layers: PacketLayers, context: C, timeMs: number): void {
    if (layers.transport !== 6) return;
    stats.segments++;
    if (timeMs - lastSweepMs >= sweepEveryMs) sweep(timeMs);

    // One-entry cache: consecutive packets are often of one flow (a request, its response).
    let state = lastFlow;
    let toServer: boolean;
    if (
      state !== undefined &&
      layers.ipVersion === 4 &&
      state.flow.ipVersion === 4 &&
      ((layers.sourceIpv4 === state.clientIpv4 &&
        layers.sourcePort === state.clientPort &&
        layers.destinationIpv4 === state.serverIpv4 &&
        layers.destinationPort === state.serverPort) ||
        (layers.sourceIpv4 === state.serverIpv4 &&
          layers.sourcePort === state.serverPort &&
          layers.destinationIpv4 === state.clientIpv4 &&
          layers.destinationPort === state.clientPort))
    ) {
      toServer = layers.sourceIpv4 === state.clientIpv4 && layers.sourcePort === state.clientPort;
    } else {
      const key = flowKey(layers);
      state = flows.get(key);
      const flags = layers.tcpFlags;
      const payloadLength = layers.payloadEnd - layers.payloadOffset + layers.payloadMissing;
      if (state === undefined) {
        // Only a SYN or data starts a flow: a lone ACK, FIN or RST says too little.
        if ((flags & SYN) === 0 && payloadLength === 0) {
          stats.strays++;
          return;
        }
        state = createFlow(layers, key, context, timeMs);
      }
      lastFlow = state;
      toServer = fromClient(state, layers);
    }

    state.lastSeenMs = timeMs;
    if (timeMs - state.refreshedMs > REFRESH_MS) {
      state.refreshedMs = timeMs;
      flows.delete(state.key);
      flows.set(state.key, state);
    }
    segment(state, toServer ? state.toServer : state.toClient, layers, context, timeMs);
  }

  function segment(
    initial: FlowState<C>,
    initialDir: DirectionState<C>,
    layers: PacketLayers,
    context: C,
    timeMs: number,
  ): void {
    let state = initial;
    let dir = initialDir;
    const flags = layers.tcpFlags;
    let seq = layers.tcpSequence;
    const bytes = layers.payloadEnd > layers.payloadOffset ? layers.payload() : EMPTY;
    const missing = layers.payloadMissing;

    if (state.sink === undefined) {
      // An ignored flow: only followed far enough to know when it ends.
      if ((flags & FIN) !== 0) dir.finished = true;
      if ((flags & RST) !== 0) endFlow(state, 'rst', context);
      else if (state.toServer.finished && state.toClient.finished) endFlow(state, 'fin', context);
      return;
    }

    if ((flags & SYN) !== 0) {
      if (dir.started && (!dir.synSeen || seq !== dir.isn)) {
        // A SYN with a new ISN on a known 4-tuple: the old connection is gone.
        endFlow(state, 'reused', context);
        state = createFlow(layers, state.key, context, timeMs);
        lastFlow = state;
        dir = fromClient(state, layers) ? state.toServer : state.toClient;
      }
      if (!dir.started) {
        dir.started = true;
        dir.synSeen = true;
        dir.isn = seq;
        dir.nextSeq = (seq + 1) >>> 0;
      }
      seq = (seq + 1) >>> 0; // data on a SYN follows the SYN's own sequence number
    } else if (!dir.started && (bytes.length > 0 || missing > 0 || (flags & FIN) !== 0)) {
      // Mid-stream pickup: the direction starts at the first segment seen.
      dir.started = true;
      dir.nextSeq = seq;
    }

    if (dir.started && (bytes.length > 0 || missing > 0)) {
      data(state, dir, seq, bytes, missing, context);
    }

    if ((flags & FIN) !== 0 && dir.started && !dir.finSeen) {
      dir.finSeen = true;
      dir.finSeq = (seq + bytes.length + missing) >>> 0;
      checkFin(state, dir);
    }

    if ((flags & ACK) !== 0) {
      const other = dir === state.toServer ? state.toClient : state.toServer;
      if (other.segments.length > 0 || (other.finSeen && !other.finished)) {
        resolveAcked(state, other, layers.tcpAcknowledgment, context);
      }
    }

    if ((flags & RST) !== 0) {
      endFlow(state, 'rst', context);
    } else if (state.closed) {
      endFlow(state, 'fin', context);
    }
  }

  function flush(): void {
    for (const state of [...flows.values()]) endFlow(state, 'flushed', undefined);
  }

  return {
    push,
    flush,
    get activeFlows() {
      return flows.size;
    },
    stats,
  };
}

const EMPTY = new Uint8Array(0);
