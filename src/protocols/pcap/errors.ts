// The coded errors of the capture codecs: pcap and pcapng files, link layers, IP, UDP and TCP.
import type { CodecErrorTable } from '../errors.js';

export const PCAP_ERRORS = {
  OTS_PCAP_BAD_MAGIC: 'the capture starts with neither a pcap nor a pcapng magic number',
  OTS_PCAP_BAD_HEADER: 'a pcap global header or pcapng section header block is malformed',
  OTS_PCAP_RECORD_TOO_LONG: 'a record or block is longer than the reader accepts',
  OTS_PCAP_TRUNCATED: 'the capture ends in the middle of a header, record or block',
  OTS_PCAP_BAD_BLOCK_LENGTH:
    'a pcapng block total length is too small, not a multiple of 4, or differs at the two ends',
  OTS_PCAP_BAD_BLOCK: 'a pcapng block body does not fit its length (data or options overrun)',
  OTS_PCAP_UNKNOWN_INTERFACE: 'a pcapng packet names an interface its section did not describe',
  OTS_PCAP_BAD_PACKET: 'a packet handed to the pcap writer cannot be written as a pcap record',
  OTS_PCAP_LINK_TRUNCATED: 'a link-layer header (Ethernet, VLAN, SLL, loopback) is cut short',
  OTS_PCAP_IPV4_BAD_HEADER: 'an IPv4 header has a bad version, header length or total length',
  OTS_PCAP_IPV6_BAD_HEADER: 'an IPv6 header or extension header is cut short or malformed',
  OTS_PCAP_UDP_BAD_HEADER: 'a UDP header is cut short or its length field is below 8',
  OTS_PCAP_TCP_BAD_HEADER: 'a TCP header is cut short or its data offset is below 5',
} as const satisfies CodecErrorTable;

export type PcapErrorCode = keyof typeof PCAP_ERRORS;
