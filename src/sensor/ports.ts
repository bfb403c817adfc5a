// Which protocol a TCP or UDP port carries: the well-known ports by default, any map by option.
// The side of a flow on a mapped port is the server (the PLC, the outstation, the target).

/** The protocols the decode pipeline parses. */
export const SENSOR_PROTOCOLS = ['modbus', 's7comm', 'dnp3', 'enip'] as const;
export type SensorProtocol = (typeof SENSOR_PROTOCOLS)[number];

/** One port assignment: `{ transport: 'tcp', port: 5020, protocol: 'modbus' }`. */
export interface PortAssignment {
  readonly transport: 'tcp' | 'udp';
  readonly port: number;
  readonly protocol: SensorProtocol;
}

/**
 * The registered ports: Modbus/TCP 502 (Implementation Guide v1.0b, 4.1), ISO-TSAP 102 (RFC 1006)
 * for S7comm, DNP3 20000 over TCP and UDP (IEEE 1815-2012, Annex E), EtherNet/IP 44818 over TCP
 * and UDP and 2222 for implicit I/O over UDP (CIP Vol 2, 2-2).
 */
export const DEFAULT_PORTS: readonly PortAssignment[] = [
  { transport: 'tcp', port: 502, protocol: 'modbus' },
  { transport: 'tcp', port: 102, protocol: 's7comm' },
  { transport: 'tcp', port: 20000, protocol: 'dnp3' },
  { transport: 'udp', port: 20000, protocol: 'dnp3' },
  { transport: 'tcp', port: 44818, protocol: 'enip' },
  { transport: 'udp', port: 44818, protocol: 'enip' },
  { transport: 'udp', port: 2222, protocol: 'enip' },
];

/** 0 for a port nobody claimed; else 1 + the protocol's index in SENSOR_PROTOCOLS. */
export interface PortTable {
  readonly tcp: Uint8Array;
  readonly udp: Uint8Array;
}

/** Builds the lookup tables; a later assignment of the same port wins. Bad ports are ignored. */
export function portTable(assignments: readonly PortAssignment[]): PortTable {
  const tcp = new Uint8Array(65536);
  const udp = new Uint8Array(65536);
  for (const { transport, port, protocol } of assignments) {
    const index = SENSOR_PROTOCOLS.indexOf(protocol);
    if (!Number.isInteger(port) || port < 0 || port > 65535 || index < 0) continue;
    (transport === 'udp' ? udp : tcp)[port] = index + 1;
  }
  return { tcp, udp };
}

/** The protocol of a table entry, or undefined for 0. */
export function protocolAt(entry: number): SensorProtocol | undefined {
  return entry === 0 ? undefined : SENSOR_PROTOCOLS[entry - 1];
}
