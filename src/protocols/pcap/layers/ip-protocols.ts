// IP protocol numbers (IPv4 protocol, IPv6 next header) that the packet decoder names.
// Values: IANA "Assigned Internet Protocol Numbers".

export const IP_PROTOCOLS = {
  hopopt: 0, // IPv6 hop-by-hop options (RFC 8200, 4.3)
  icmp: 1,
  igmp: 2,
  ipip: 4,
  tcp: 6,
  udp: 17,
  ipv6: 41,
  ipv6_route: 43, // IPv6 routing header (RFC 8200, 4.4)
  ipv6_frag: 44, // IPv6 fragment header (RFC 8200, 4.5)
  gre: 47,
  esp: 50,
  ah: 51, // authentication header (RFC 4302, 2): length in 4-octet units minus 2
  icmpv6: 58,
  ipv6_nonxt: 59, // no next header (RFC 8200, 4.7)
  ipv6_opts: 60, // IPv6 destination options (RFC 8200, 4.6)
  ospf: 89,
  pim: 103,
  vrrp: 112,
  sctp: 132,
} as const;

export type IpProtocolName = keyof typeof IP_PROTOCOLS;

const IP_PROTOCOL_NAMES = new Map<number, IpProtocolName>(
  Object.entries(IP_PROTOCOLS).map(([name, value]) => [value, name as IpProtocolName]),
);

/** `ipProtocolName(6) === 'tcp'`, `ipProtocolName(253) === 'unknown-253'`. */
export function ipProtocolName(protocol: number): IpProtocolName | `unknown-${number}` {
  return IP_PROTOCOL_NAMES.get(protocol) ?? `unknown-${protocol}`;
}
