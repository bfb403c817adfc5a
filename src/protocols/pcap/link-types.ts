// The link-layer header types a capture names, and a lookup that answers for every number.
// Values: tcpdump.org "Link-Layer Header Types" (LINKTYPE_*), as registered for pcap and pcapng.

export const LINK_TYPES = {
  null: 0, // LINKTYPE_NULL: BSD loopback, 4-byte address family in the writer's byte order
  ethernet: 1, // LINKTYPE_ETHERNET: IEEE 802.3
  raw_dlt12: 12, // DLT_RAW on most BSDs, written as-is by some old captures: raw IP
  raw_dlt14: 14, // DLT_RAW on OpenBSD: raw IP
  raw: 101, // LINKTYPE_RAW: raw IPv4 or IPv6, version nibble decides
  ieee802_11: 105, // LINKTYPE_IEEE802_11
  loop: 108, // LINKTYPE_LOOP: OpenBSD loopback, address family in network byte order
  linux_sll: 113, // LINKTYPE_LINUX_SLL: Linux cooked capture v1, 16-byte header
  ipv4: 228, // LINKTYPE_IPV4: raw IPv4
  ipv6: 229, // LINKTYPE_IPV6: raw IPv6
  linux_sll2: 276, // LINKTYPE_LINUX_SLL2: Linux cooked capture v2, 20-byte header
} as const;

export type LinkTypeName = keyof typeof LINK_TYPES;

const LINK_TYPE_NAMES = new Map<number, LinkTypeName>(
  Object.entries(LINK_TYPES).map(([name, value]) => [value, name as LinkTypeName]),
);

/** `linkTypeName(1) === 'ethernet'`, `linkTypeName(147) === 'unknown-147'`. */
export function linkTypeName(linkType: number): LinkTypeName | `unknown-${number}` {
  return LINK_TYPE_NAMES.get(linkType) ?? `unknown-${linkType}`;
}
