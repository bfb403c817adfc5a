// TCP reassembly per flow: handshake and close, out-of-order, retransmission, overlap, gaps (flow
// end, buffer limits, ACKed holes, snaplen), mid-stream pickup, resets, reuse, eviction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LINK_TYPES,
  PacketLayers,
  TCP_REASSEMBLY_DEFAULTS,
  createTcpReassembler,
  decodeLayers,
  readCapture,
  type TcpDirection,
} from '../../../src/protocols/pcap/index.js';
import { fixture } from './fixtures.js';
import {
  ACK,
  FIN,
  MODBUS,
  PSH,
  RST,
  SYN,
  harness,
  segmentFrame,
  type Endpoints,
  type Segment,
} from './flow-harness.js';

const OTHER: Endpoints = { ...MODBUS, clientPort: 49153 };
const THIRD: Endpoints = { ...MODBUS, clientPort: 49154 };

describe('TCP reassembly', () => {
  it('follows a handshake, an exchange and both FINs', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 100, flags: SYN },
      { from: 's', seq: 500, ack: 101, flags: SYN | ACK },
      { from: 'c', seq: 101, ack: 501, flags: ACK },
      { from: 'c', seq: 101, ack: 501, payload: 'hello' },
      { from: 's', seq: 501, ack: 106, payload: 'world!' },
      { from: 'c', seq: 106, ack: 507, flags: FIN | ACK },
      { from: 's', seq: 507, ack: 107, flags: FIN | ACK },
      { from: 'c', seq: 107, ack: 508, flags: ACK },
    );
    expect(h.events).toEqual([
      ['open', 1, '10.0.0.5:49152'],
      ['data', 'c', 'hello', 4],
      ['data', 's', 'world!', 5],
      ['end', 1, 'fin', 7],
    ]);
    expect(h.flows[0]).toEqual({
      id: 1,
      key: '10.0.0.5:49152 > 10.0.0.9:502',
      ipVersion: 4,
      client: { ip: '10.0.0.5', port: 49152 },
      server: { ip: '10.0.0.9', port: 502 },
      handshake: true,
      firstSeenMs: 0,
    });
    expect(h.reassembler.stats).toMatchObject({ strays: 1, segments: 8, bytesDelivered: 11 });
    expect(h.reassembler.activeFlows).toBe(0);
  });

  it('knows the client from a SYN-ACK seen first', () => {
    const h = harness();
    h.push(MODBUS, { from: 's', seq: 500, ack: 101, flags: SYN | ACK });
    expect(h.flows[0]?.client).toEqual({ ip: '10.0.0.5', port: 49152 });
  });

  it('picks a flow up mid-stream, guessing the server by its lower port', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 's', seq: 9000, payload: 'resp' },
      { from: 'c', seq: 77, payload: 'req' },
    );
    expect(h.flows[0]).toMatchObject({
      client: { ip: '10.0.0.5', port: 49152 },
      server: { ip: '10.0.0.9', port: 502 },
      handshake: false,
    });
    expect(h.streams()).toEqual({ c: 'req', s: 'resp' });
  });

  it('puts out-of-order segments in order, reported at the frame that fills the hole', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 1000, payload: 'aa' },
      { from: 'c', seq: 1006, payload: 'cc' },
      { from: 'c', seq: 1002, payload: 'bbbb' },
    );
    expect(h.events.slice(1)).toEqual([
      ['data', 'c', 'aa', 1],
      ['data', 'c', 'bbbb', 3],
      ['data', 'c', 'cc', 3],
    ]);
    expect(h.reassembler.stats.outOfOrderSegments).toBe(1);
    expect(h.reassembler.stats.bytesBuffered).toBe(0);
  });

  it('delivers a retransmitted segment once', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 1, payload: 'abc' },
      { from: 'c', seq: 1, payload: 'abc' },
      { from: 'c', seq: 4, payload: 'def' },
      { from: 'c', seq: 4, payload: 'def' },
    );
    expect(h.streams().c).toBe('abcdef');
    expect(h.reassembler.stats.bytesDuplicated).toBe(6);
  });

  it('delivers each byte of overlapping segments once, the first copy winning', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 1, payload: 'abcdef' },
      { from: 'c', seq: 4, payload: 'DEFghi' },
    );
    expect(h.streams().c).toBe('abcdefghi');
    const g = harness();
    g.push(
      MODBUS,
      { from: 'c', seq: 1, payload: 'ab' },
      { from: 'c', seq: 7, payload: 'ghij' },
      { from: 'c', seq: 5, payload: 'EFGH' },
      { from: 'c', seq: 7, payload: 'gh' }, // inside a held segment: dropped at once
      { from: 'c', seq: 3, payload: 'cd' },
    );
    expect(g.streams().c).toBe('abcdEFGHij');
  });

  it('reports a hole left at the end of the capture, then what followed it', () => {
    const h = harness();
    h.push(MODBUS, { from: 'c', seq: 1, payload: 'ab' }, { from: 'c', seq: 5, payload: 'ef' });
    h.reassembler.flush();
    expect(h.events.slice(1)).toEqual([
      ['data', 'c', 'ab', 1],
      ['gap', 'c', 2, undefined],
      ['data', 'c', 'ef', 2], // buffered data keeps the frame that brought it
      ['end', 1, 'flushed', undefined],
    ]);
    expect(h.reassembler.stats).toMatchObject({ gaps: 1, bytesMissing: 2, bytesBuffered: 0 });
  });

  it('gives a hole up when the per-direction buffer is full', () => {
    const h = harness({ maxBufferedBytesPerDirection: 4 });
    h.push(
      MODBUS,
      { from: 'c', seq: 1, payload: 'ab' },
      { from: 'c', seq: 5, payload: 'efg' },
      { from: 'c', seq: 9, payload: 'ij' },
    );
    expect(h.events.slice(1)).toEqual([
      ['data', 'c', 'ab', 1],
      ['gap', 'c', 2, 3],
      ['data', 'c', 'efg', 3],
    ]);
    h.reassembler.flush();
    expect(h.streams().c).toBe('ab??efg?ij');
  });

  it('gives a hole up when too many segments wait, or all flows hold too much', () => {
    const bySegments = harness({ maxBufferedSegmentsPerDirection: 1 });
    bySegments.push(
      MODBUS,
      { from: 'c', seq: 1, payload: 'a' },
      { from: 'c', seq: 3, payload: 'c' },
      { from: 'c', seq: 5, payload: 'e' },
    );
    expect(bySegments.streams().c).toBe('a?c');
    const overall = harness({ maxBufferedBytes: 3 });
    overall.push(MODBUS, { from: 'c', seq: 1, payload: 'a' }, { from: 'c', seq: 3, payload: 'cc' });
    overall.push(OTHER, { from: 'c', seq: 1, payload: 'a' }, { from: 'c', seq: 3, payload: 'cc' });
    expect(overall.streams().c).toBe('aa?cc'); // the second flow's hole is given up
  });

  it('reports a hole as soon as the peer ACKs past it', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 1, payload: 'ab' },
      { from: 'c', seq: 5, payload: 'ef' },
      { from: 's', seq: 100, ack: 7, flags: PSH | ACK, payload: 'ok' },
    );
    expect(h.events.slice(1)).toEqual([
      ['data', 'c', 'ab', 1],
      ['data', 's', 'ok', 3],
      ['gap', 'c', 2, 3],
      ['data', 'c', 'ef', 3],
    ]);
  });

  it('reports missing bytes before a FIN once it is ACKed, and closes', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 1, payload: 'ab' },
      { from: 'c', seq: 5, flags: FIN | ACK },
      { from: 's', seq: 100, ack: 6, flags: FIN | ACK },
    );
    expect(h.events.slice(1)).toEqual([
      ['data', 'c', 'ab', 1],
      ['gap', 'c', 2, 3],
      ['end', 1, 'fin', 3],
    ]);
  });

  it('ends a flow on RST, flushing what it held', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 1, payload: 'ab' },
      { from: 'c', seq: 5, payload: 'ef' },
      { from: 's', seq: 100, ack: 3, flags: RST | ACK },
    );
    expect(h.events.slice(1)).toEqual([
      ['data', 'c', 'ab', 1],
      ['gap', 'c', 2, 3],
      ['data', 'c', 'ef', 3],
      ['end', 1, 'rst', 3],
    ]);
  });

  it('counts sequence numbers across the 2^32 wrap', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 0xfffffffd, flags: SYN },
      { from: 'c', seq: 2, payload: 'ef' },
      { from: 'c', seq: 0xfffffffe, payload: 'abcd' },
      { from: 'c', seq: 4, payload: 'gh' },
    );
    expect(h.streams().c).toBe('abcdefgh');
  });

  it('reports the bytes a snaplen cut off as a gap, and goes on', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 1, payload: 'abcdefgh', cut: 3 },
      { from: 'c', seq: 9, payload: 'ij' },
    );
    expect(h.streams().c).toBe('abcde???ij');
  });

  it('starts a new flow when a SYN with a new ISN reuses the 4-tuple', () => {
    const h = harness();
    h.push(
      MODBUS,
      { from: 'c', seq: 100, flags: SYN },
      { from: 'c', seq: 101, payload: 'ab' },
      { from: 'c', seq: 9000, flags: SYN },
      { from: 's', seq: 7000, ack: 9001, flags: SYN | ACK },
      { from: 'c', seq: 9001, payload: 'cd' },
      { from: 'c', seq: 9000, flags: SYN }, // a retransmitted SYN changes nothing
    );
    expect(h.events).toEqual([
      ['open', 1, '10.0.0.5:49152'],
      ['data', 'c', 'ab', 2],
      ['end', 1, 'reused', 3],
      ['open', 2, '10.0.0.5:49152'],
      ['data', 'c', 'cd', 5],
    ]);
  });

  it('ends flows idle for idleTimeoutMs of capture time', () => {
    const h = harness({ idleTimeoutMs: 1000 });
    h.push(MODBUS, { from: 'c', seq: 1, payload: 'a', time: 0 });
    h.push(OTHER, { from: 'c', seq: 1, payload: 'b', time: 500 });
    h.push(OTHER, { from: 'c', seq: 2, payload: 'c', time: 900 });
    expect(h.reassembler.activeFlows).toBe(2);
    h.push(OTHER, { from: 'c', seq: 3, payload: 'd', time: 1450 }); // flow 1: silent for 1450 ms
    expect(h.events.filter((e) => e[0] === 'end')).toEqual([['end', 1, 'idle', undefined]]);
    expect(h.reassembler.activeFlows).toBe(1);
  });

  it('evicts the least recently used flow beyond maxFlows', () => {
    const h = harness({ maxFlows: 2 });
    h.push(MODBUS, { from: 'c', seq: 1, payload: 'a', time: 0 });
    h.push(OTHER, { from: 'c', seq: 1, payload: 'b', time: 0 });
    h.push(MODBUS, { from: 'c', seq: 2, payload: 'a', time: 2000 }); // refreshes flow 1
    h.push(THIRD, { from: 'c', seq: 1, payload: 'c', time: 2001 });
    expect(h.events.filter((e) => e[0] === 'end')).toEqual([['end', 2, 'evicted', undefined]]);
    expect(h.reassembler.stats.flowsEnded.evicted).toBe(1);
  });

  it('tracks flows the caller ignores without delivering their bytes', () => {
    const layers = new PacketLayers();
    const delivered: string[] = [];
    const reassembler = createTcpReassembler<number>({
      openFlow: (flow) =>
        flow.server.port === 502
          ? {
              data: (_d: TcpDirection, bytes: Uint8Array) =>
                delivered.push(Buffer.from(bytes).toString()),
            }
          : undefined,
    });
    const web: Endpoints = { ...MODBUS, serverPort: 80 };
    const script: [Endpoints, Segment][] = [
      [web, { from: 'c', seq: 1, payload: 'GET /' }],
      [MODBUS, { from: 'c', seq: 1, payload: 'mb' }],
      [web, { from: 's', seq: 1, flags: RST | ACK }],
    ];
    for (const [ends, segment] of script) {
      decodeLayers(segmentFrame(ends, segment), LINK_TYPES.ethernet, layers);
      reassembler.push(layers, 0, 0);
    }
    expect(delivered).toEqual(['mb']);
    expect(reassembler.stats.flowsEnded.rst).toBe(1);
    expect(reassembler.activeFlows).toBe(1);
  });

  it('names IPv6 endpoints as RFC 5952 does', () => {
    const h = harness();
    const v6: Endpoints = {
      client: '2001:db8:0:0:0:0:0:5',
      server: '2001:db8::9',
      clientPort: 40000,
      serverPort: 20000,
    };
    h.push(v6, { from: 'c', seq: 1, payload: 'x' }, { from: 's', seq: 1, payload: 'y' });
    expect(h.flows[0]).toMatchObject({
      key: '[2001:db8::5]:40000 > [2001:db8::9]:20000',
      ipVersion: 6,
      client: { ip: '2001:db8::5', port: 40000 },
      server: { ip: '2001:db8::9', port: 20000 },
    });
    expect(h.streams()).toEqual({ c: 'x', s: 'y' });
  });

  it('documents its defaults', () => {
    expect(TCP_REASSEMBLY_DEFAULTS).toEqual({
      maxFlows: 65536,
      maxBufferedBytesPerDirection: 262144,
      maxBufferedSegmentsPerDirection: 1024,
      maxBufferedBytes: 67108864,
      idleTimeoutMs: 300000,
    });
  });
});

describe('TCP reassembly on real captures', () => {
  it('ModbusTCP.pcap (head): six flows picked up mid-stream, every byte tshark counts', () => {
    const contents = readCapture(fixture('modbus-tcp-head.pcap'));
    const layers = new PacketLayers();
    const flows: string[] = [];
    let bytes = 0;
    const reassembler = createTcpReassembler<number>({
      openFlow: (flow) => {
        flows.push(`${flow.client.ip}:${flow.client.port} > ${flow.server.ip}:${flow.server.port}`);
        return { data: (_d, chunk) => (bytes += chunk.length) };
      },
    });
    for (const packet of contents.packets) {
      if (decodeLayers(packet.data, packet.linkType, layers)) {
        reassembler.push(layers, packet.frame, packet.timestampMs);
      }
    }
    reassembler.flush();
    expect(flows).toEqual([
      '141.81.0.10:57184 > 141.81.0.86:502',
      '141.81.0.10:64338 > 141.81.0.24:502',
      '141.81.0.10:53414 > 141.81.0.44:502',
      '141.81.0.10:64340 > 141.81.0.104:502',
      '141.81.0.10:64341 > 141.81.0.144:502',
      '141.81.0.10:64342 > 141.81.0.164:502',
    ]);
    expect(bytes).toBe(1587); // the sum of tshark's tcp.len over the 24 frames
    expect(reassembler.stats).toMatchObject({ gaps: 0, bytesDuplicated: 0, strays: 1 });
  });

  it('S7-1511 capture (pcapng): handshake to reset', () => {
    const contents = readCapture(fixture('s7-1511-hmi.pcapng'));
    const layers = new PacketLayers();
    const h = { c: 0, s: 0, end: '' };
    const reassembler = createTcpReassembler<number>({
      openFlow: () => ({
        data: (d, chunk) => {
          if (d === 'client-to-server') h.c += chunk.length;
          else h.s += chunk.length;
        },
        end: (reason) => (h.end = reason),
      }),
    });
    for (const packet of contents.packets) {
      decodeLayers(packet.data, packet.linkType, layers);
      reassembler.push(layers, packet.frame, packet.timestampMs);
    }
    // tshark tcp.len: 50+243+7+426+7+97+7+91+7 from the client, 50+215+32+64+63 from the PLC.
    expect(h).toEqual({ c: 935, s: 424, end: 'rst' });
  });
});

describe('TCP reassembly properties', () => {
  const stream = fc.uint8Array({ minLength: 1, maxLength: 600 });
  const sizes = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 40 });
  const isn = fc.integer({ min: 0, max: 0xffffffff });

  it('any segmentation, reordering and duplication delivers the stream exactly once', () => {
    fc.assert(
      fc.property(
        stream,
        sizes,
        fc.array(fc.nat(), { maxLength: 60 }),
        isn,
        (bytes, cuts, shuffles, start) => {
          const order = cut(bytes, cuts, start);
          // Swap pieces about and repeat some: reordering and a retransmission storm.
          for (const s of shuffles) {
            const i = s % order.length;
            const j = (s >>> 8) % order.length;
            [order[i], order[j]] = [order[j]!, order[i]!];
            if (s % 5 === 0) order.push(order[(s >>> 4) % order.length]!);
          }
          const result = run(order, start);
          expect(result.gaps).toBe(0);
          expect(Buffer.from(result.bytes as number[])).toEqual(Buffer.from(bytes));
          expect(result.buffered).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with losses, every delivered byte is at its place and every hole is reported', () => {
    fc.assert(
      fc.property(
        stream,
        sizes,
        fc.array(fc.boolean(), { maxLength: 40 }),
        isn,
        (bytes, cuts, drops, start) => {
          const kept = cut(bytes, cuts, start).filter((_, i) => drops[i] !== true);
          const reached = Math.max(
            0,
            ...kept.map((p) => ((p.seq - start) >>> 0) + p.payload.length),
          );
          const result = run(kept.reverse(), start);
          // Position by position: the original byte, or a byte inside a reported gap (null).
          expect(result.bytes).toHaveLength(reached);
          result.bytes.forEach((byte, i) => {
            if (byte !== null) expect(byte).toBe(bytes[i]);
          });
          expect(result.buffered).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

interface Piece {
  seq: number;
  payload: Uint8Array;
}

function cut(bytes: Uint8Array, sizes: number[], start: number): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  let i = 0;
  while (at < bytes.length) {
    const size = sizes[i++ % sizes.length]!;
    pieces.push({ seq: (start + at) >>> 0, payload: bytes.subarray(at, at + size) });
    at += size;
  }
  return pieces;
}

/** Runs pieces after a SYN through a reassembler; one entry per byte, null inside gaps. */
function run(pieces: Piece[], start: number) {
  const h = harness();
  h.push(MODBUS, { from: 'c', seq: (start - 1) >>> 0, flags: SYN });
  for (const piece of pieces) h.push(MODBUS, { from: 'c', seq: piece.seq, payload: piece.payload });
  h.reassembler.flush();
  const bytes: (number | null)[] = [];
  let gaps = 0;
  for (const event of h.events) {
    if (event[0] === 'data') for (const ch of event[2]) bytes.push(ch.charCodeAt(0));
    if (event[0] === 'gap') {
      gaps++;
      for (let i = 0; i < event[2]; i++) bytes.push(null);
    }
  }
  return { bytes, gaps, buffered: h.reassembler.stats.bytesBuffered };
}
