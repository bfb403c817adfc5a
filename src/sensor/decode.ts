// The decode pipeline behind `otsafe decode`: capture bytes in any chunking (a file, or stdin of
// `tcpdump -w -`) → pcap/pcapng reader → link, IP and transport layers → TCP reassembly per flow
// and UDP datagrams → the protocol of the port → a stream parser per direction → one record per
// PDU. Faults become records too; nothing throws and nothing is dropped without a count.
import { CodecError, pcap } from '../protocols/index.js';
import { Dnp3DatagramFlow, Dnp3Flow } from './dnp3.js';
import { Emitter, type DecodeStats } from './emitter.js';
import { EnipFlow, enipDatagram } from './enip.js';
import { MODBUS_PASSIVE_MAX_LENGTH, ModbusFlow } from './modbus.js';
import {
  DEFAULT_PORTS,
  SENSOR_PROTOCOLS,
  portTable,
  type PortAssignment,
  type SensorProtocol,
} from './ports.js';
import type { DecodeRecord, RecordEndpoint } from './record.js';
import { S7commFlow } from './s7comm.js';
import type { StreamFlow } from './stream-flow.js';

const createCaptureReader = pcap.createCaptureReader;
const createTcpReassembler = pcap.createTcpReassembler;
const decodeLayers = pcap.decodeLayers;
const formatIpv4 = pcap.formatIpv4;
const formatIpv6 = pcap.formatIpv6;

export interface DecoderOptions {
  /** Which port carries which protocol; replaces DEFAULT_PORTS when given. */
  readonly ports?: readonly PortAssignment[];
  /** Include register and coil values in Modbus records (default true). */
  readonly values?: boolean;
  /** Largest MBAP length accepted (default 260, for Modicon's 255; the guide says 254). */
  readonly modbusMaxLength?: number;
  /** Largest DNP3 application fragment reassembled (default: the codec's 2048 octets). */
  readonly dnp3MaxFragmentSize?: number;
  /** Limits of TCP reassembly (flows, buffered bytes, idle time): see pcap.TcpReassemblerOptions. */
  readonly reassembly?: Omit<pcap.TcpReassemblerOptions<pcap.CapturePacket>, 'openFlow'>;
  /** Largest captured packet accepted (default 256 KiB, as Wireshark). */
  readonly maxRecordLength?: number;
  /** UDP flows remembered at once (DNP3 over UDP reassembles per flow); default 4096. */
  readonly maxUdpFlows?: number;
}

export interface Decoder {
  /** The next bytes of the capture, in any slicing. Records are handed out before it returns. */
  push(chunk: Uint8Array): void;
  /** The capture is over: flush every flow, report what was left unfinished. */
  end(): void;
  /** Live counters. */
  readonly stats: Readonly<DecodeStats>;
}

/** The flow the reassembler gives us, with which of its ends is the server. */
class TcpFlowSink implements pcap.TcpStreamSink<pcap.CapturePacket> {
  private readonly out: Emitter;
  private readonly flow: StreamFlow;
  /**
   * True when the reassembler's client sits on the mapped port: it takes the higher port for the
   * client when it saw no SYN, and the SYN's sender otherwise; we take the well-known port.
   */
  private readonly swapped: boolean;
  private readonly protocol: SensorProtocol;
  private readonly client: RecordEndpoint;
  private readonly server: RecordEndpoint;

  constructor(
    out: Emitter,
    flow: StreamFlow,
    swapped: boolean,
    protocol: SensorProtocol,
    client: RecordEndpoint,
    server: RecordEndpoint,
  ) {
    this.out = out;
    this.flow = flow;
    this.swapped = swapped;
    this.protocol = protocol;
    this.client = client;
    this.server = server;
  }

  data(direction: pcap.TcpDirection, bytes: Uint8Array, context: pcap.CapturePacket): void {
    this.out.packet = context;
    this.flow.data((direction === 'client-to-server') !== this.swapped, bytes);
  }

  gap(
    direction: pcap.TcpDirection,
    missing: number,
    context: pcap.CapturePacket | undefined,
  ): void {
    const out = this.out;
    if (context !== undefined) out.packet = context;
    const toServer = (direction === 'client-to-server') !== this.swapped;
    this.flow.gap(toServer);
    out.streamError(
      toServer ? this.client : this.server,
      toServer ? this.server : this.client,
      { protocol: this.protocol, pdu_type: toServer ? 'request' : 'response' },
      new CodecError(
        'tcp',
        'OTS_SENSOR_TCP_GAP',
        `${missing} bytes of the stream ${toServer ? 'to' : 'from'} the server are missing (lost or not captured); parsing starts afresh after them`,
      ),
    );
  }

  end(_reason: pcap.TcpFlowEndReason, context: pcap.CapturePacket | undefined): void {
    if (context !== undefined) this.out.packet = context;
    this.flow.end();
  }
}

/** The endpoints of a UDP exchange and its decoder state, for both directions. */
interface UdpFlow {
  readonly client: RecordEndpoint;
  readonly server: RecordEndpoint;
  dnp3: Dnp3DatagramFlow | undefined;
}

/**
 * Creates a decoder: push capture bytes, get records. `onRecord` is called synchronously, in
 * capture order of the frames where PDUs complete; a record's endpoint objects are shared with the
 * other records of its flow, so treat records as read-only. Nothing in the input makes the decoder
 * throw; an exception thrown by `onRecord` itself goes out through push() or end().
 */
export function createDecoder(
  onRecord: (record: DecodeRecord) => void,
  options: DecoderOptions = {},
): Decoder {
  const table = portTable(options.ports ?? DEFAULT_PORTS);
  const tcpPorts = table.tcp;
  const udpPorts = table.udp;
  const values = options.values ?? true;
  const modbusOptions = {
    maxLength: options.modbusMaxLength ?? MODBUS_PASSIVE_MAX_LENGTH,
    values,
  };
  const dnp3Options =
    options.dnp3MaxFragmentSize === undefined
      ? {}
      : { maxFragmentSize: options.dnp3MaxFragmentSize };
  const maxUdpFlows = Math.max(1, options.maxUdpFlows ?? 4096);

  const tcp = createTcpReassembler<pcap.CapturePacket>({
    ...options.reassembly,
    openFlow,
  });
  const stats: DecodeStats = {
    bytes: 0,
    packets: 0,
    icsPackets: 0,
    pdus: 0,
    byProtocol: { modbus: 0, s7comm: 0, dnp3: 0, enip: 0 },
    errors: 0,
    errorsByCode: {},
    ipFragments: 0,
    flows: 0,
    tcp: tcp.stats,
  };
  const out = new Emitter(onRecord, stats);
  const layers = new pcap.PacketLayers();
  const udpFlows = new Map<string, UdpFlow>();
  let ended = false;

  const reader = createCaptureReader(onPacket, onCaptureError, {
    ...(options.maxRecordLength === undefined ? {} : { maxRecordLength: options.maxRecordLength }),
  });

  function openFlow(
    flow: pcap.TcpFlow,
    _context: pcap.CapturePacket,
  ): pcap.TcpStreamSink<pcap.CapturePacket> | undefined {
    // The server is the end on a mapped port; the reassembler only guesses when it saw no SYN.
    let swapped = false;
    let entry = tcpPorts[flow.server.port] ?? 0;
    if (entry === 0) {
      entry = tcpPorts[flow.client.port] ?? 0;
      swapped = true;
    }
    const protocol = SENSOR_PROTOCOLS[entry - 1];
    if (protocol === undefined) return undefined;
    const client = swapped ? flow.server : flow.client;
    const server = swapped ? flow.client : flow.server;
    let stream: StreamFlow;
    switch (protocol) {
      case 'modbus':
        stream = new ModbusFlow(out, client, server, modbusOptions);
        break;
      case 's7comm':
        stream = new S7commFlow(out, client, server);
        break;
      case 'dnp3':
        stream = new Dnp3Flow(out, client, server, dnp3Options);
        break;
      case 'enip':
        stream = new EnipFlow(out, client, server);
        break;
    }
    stats.flows++;
    return new TcpFlowSink(out, stream, swapped, protocol, client, server);
  }

  function onPacket(packet: pcap.CapturePacket): void {
    stats.packets++;
    out.packet = packet;
    const l = layers;
    if (!decodeLayers(packet.data, packet.linkType, l)) {
      const error = l.error;
      if (error !== undefined) out.fault(error, packet.frame);
      return;
    }
    const transport = l.transport;
    if (transport === 6) {
      if (tcpPorts[l.sourcePort] === 0 && tcpPorts[l.destinationPort] === 0) return;
      stats.icsPackets++;
      tcp.push(l, packet, packet.timestampMs);
    } else if (transport === 17) {
      const destinationEntry = udpPorts[l.destinationPort] ?? 0;
      const sourceEntry = udpPorts[l.sourcePort] ?? 0;
      if (destinationEntry === 0 && sourceEntry === 0) return;
      stats.icsPackets++;
      udp(l, destinationEntry !== 0);
    } else if (l.isFragment) {
      stats.ipFragments++;
    }
  }

  function udp(l: pcap.PacketLayers, toServer: boolean): void {
    const serverPort = toServer ? l.destinationPort : l.sourcePort;
    const entry = udpPorts[serverPort] ?? 0;
    const flow = udpFlow(l, toServer);
    const source = toServer ? flow.client : flow.server;
    const destination = toServer ? flow.server : flow.client;
    const datagram = l.payload();
    switch (SENSOR_PROTOCOLS[entry - 1]) {
      case 'dnp3':
        flow.dnp3 ??= new Dnp3DatagramFlow(out, source, destination, dnp3Options);
        flow.dnp3.push(datagram, source, destination, toServer);
        return;
      case 'enip':
        enipDatagram(out, datagram, source, destination, serverPort, toServer);
        return;
      default:
        // Modbus and S7comm have no UDP mapping of their own; a UDP port mapped to one is a
        // mistake of the port map, and its datagrams are ignored.
        return;
    }
  }

  /** The UDP exchange of this datagram; the client is the end off the mapped port. */
  function udpFlow(l: pcap.PacketLayers, toServer: boolean): UdpFlow {
    const data = l.data;
    const format = l.ipVersion === 4 ? formatIpv4 : formatIpv6;
    const sourceIp = format(data, l.sourceAddressOffset());
    const destinationIp = format(data, l.destinationAddressOffset());
    const key = toServer
      ? `${sourceIp}|${l.sourcePort}|${destinationIp}|${l.destinationPort}`
      : `${destinationIp}|${l.destinationPort}|${sourceIp}|${l.sourcePort}`;
    let flow = udpFlows.get(key);
    if (flow === undefined) {
      if (udpFlows.size >= maxUdpFlows) {
        const oldest = udpFlows.entries().next().value;
        if (oldest !== undefined) {
          udpFlows.delete(oldest[0]);
          oldest[1].dnp3?.end();
        }
      }
      const source = { ip: sourceIp, port: l.sourcePort };
      const destination = { ip: destinationIp, port: l.destinationPort };
      flow = {
        client: toServer ? source : destination,
        server: toServer ? destination : source,
        dnp3: undefined,
      };
      udpFlows.set(key, flow);
    }
    return flow;
  }

  function onCaptureError(error: CodecError): void {
    out.fault(error, reader.frames + 1);
  }

  function push(chunk: Uint8Array): void {
    if (ended) return;
    stats.bytes += chunk.length;
    reader.push(chunk);
  }

  function end(): void {
    if (ended) return;
    ended = true;
    reader.end();
    tcp.flush();
    for (const flow of udpFlows.values()) flow.dnp3?.end();
    udpFlows.clear();
  }

  return {
    push,
    end,
    get stats() {
      return stats;
    },
  };
}
