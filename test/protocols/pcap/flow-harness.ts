// A small harness for the reassembly tests: scripts of segments in, a log of sink calls out.
import {
  LINK_TYPES,
  PacketLayers,
  TCP_FLAGS,
  createTcpReassembler,
  decodeLayers,
  type TcpFlow,
  type TcpReassembler,
  type TcpReassemblerOptions,
} from '../../../src/protocols/pcap/index.js';
import { tcpFrame } from './builders.js';

export const { fin: FIN, syn: SYN, rst: RST, psh: PSH, ack: ACK } = TCP_FLAGS;

export interface Endpoints {
  readonly client: string;
  readonly server: string;
  readonly clientPort: number;
  readonly serverPort: number;
}

export const MODBUS: Endpoints = {
  client: '10.0.0.5',
  server: '10.0.0.9',
  clientPort: 49152,
  serverPort: 502,
};

export interface Segment {
  /** 'c' from the client, 's' from the server. */
  readonly from: 'c' | 's';
  readonly seq: number;
  readonly ack?: number;
  readonly flags?: number;
  readonly payload?: string | Uint8Array;
  /** Bytes cut from the end of the frame, as a snaplen would. */
  readonly cut?: number;
  readonly time?: number;
}

export type Event =
  | ['open', number, string]
  | ['data', 'c' | 's', string, number]
  | ['gap', 'c' | 's', number, number | undefined]
  | ['end', number, string, number | undefined];

export function segmentFrame(ends: Endpoints, segment: Segment): Uint8Array {
  const fromClient = segment.from === 'c';
  const data = tcpFrame({
    from: fromClient ? ends.client : ends.server,
    to: fromClient ? ends.server : ends.client,
    sport: fromClient ? ends.clientPort : ends.serverPort,
    dport: fromClient ? ends.serverPort : ends.clientPort,
    seq: segment.seq,
    ack: segment.ack ?? 0,
    flags: segment.flags ?? PSH | ACK,
    ...(segment.payload === undefined ? {} : { payload: segment.payload }),
  });
  return segment.cut === undefined ? data : data.subarray(0, data.length - segment.cut);
}

/** A reassembler whose sink logs every call; contexts are frame numbers. */
export function harness(options: Partial<TcpReassemblerOptions<number>> = {}) {
  const events: Event[] = [];
  const flows: TcpFlow[] = [];
  const layers = new PacketLayers();
  const reassembler: TcpReassembler<number> = createTcpReassembler<number>({
    openFlow: (flow) => {
      flows.push(flow);
      events.push(['open', flow.id, `${flow.client.ip}:${flow.client.port}`]);
      const side = (d: string) => (d === 'client-to-server' ? 'c' : 's');
      return {
        data: (direction, bytes, frame) => {
          events.push(['data', side(direction), Buffer.from(bytes).toString('latin1'), frame]);
        },
        gap: (direction, missing, frame) => events.push(['gap', side(direction), missing, frame]),
        end: (reason, frame) => events.push(['end', flow.id, reason, frame]),
      };
    },
    ...options,
  });
  let frame = 0;
  function push(ends: Endpoints, ...segments: Segment[]): void {
    for (const segment of segments) {
      frame++;
      const data = segmentFrame(ends, segment);
      if (!decodeLayers(data, LINK_TYPES.ethernet, layers)) {
        throw layers.error ?? new Error('undecodable frame');
      }
      reassembler.push(layers, frame, segment.time ?? 0);
    }
  }
  /** The text each direction received, gaps as '?' runs, in order. */
  function streams(): { c: string; s: string } {
    const out = { c: '', s: '' };
    for (const event of events) {
      if (event[0] === 'data') out[event[1]] += event[2];
      if (event[0] === 'gap') out[event[1]] += '?'.repeat(event[2]);
    }
    return out;
  }
  return { events, flows, reassembler, push, streams, layers };
}
