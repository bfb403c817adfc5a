// The door of the capture codecs: pcap and pcapng reading and writing, link layers, IPv4/IPv6,
// UDP, TCP, and TCP reassembly per flow.
export { PCAP_ERRORS, type PcapErrorCode } from './errors.js';
export { LINK_TYPES, linkTypeName, type LinkTypeName } from './link-types.js';
export {
  MICROSECONDS,
  NANOSECONDS,
  decodeTimestampResolution,
  encodeTimestampResolution,
  formatTimestamp,
  pcapngUnitsFromTime,
  splitPcapngTime,
  timestampFromNs,
  timestampToNs,
  type SplitTime,
  type TimestampResolution,
} from './timestamp.js';
export {
  PCAP_GLOBAL_HEADER_LENGTH,
  PCAP_MAGIC,
  PCAP_RECORD_HEADER_LENGTH,
  decodePcapGlobalHeader,
  decodePcapRecordHeader,
  encodePcapGlobalHeader,
  encodePcapRecordHeader,
  type PcapGlobalHeader,
  type PcapGlobalHeaderInit,
  type PcapRecordHeader,
  type TimestampPrecision,
} from './pcap-header.js';
export {
  PCAPNG_BLOCK_TYPES,
  encodeBlock,
  pcapngBlockTypeName,
  type PcapngBlockTypeName,
} from './pcapng/block.js';
export {
  PCAPNG_COMMON_OPTIONS,
  decodeOptions,
  encodeOptions,
  textOption,
  type PcapngOption,
} from './pcapng/options.js';
export {
  PCAPNG_BYTE_ORDER_MAGIC,
  SECTION_HEADER_OPTIONS,
  decodeSectionHeaderBlock,
  encodeSectionHeaderBlock,
  type SectionHeader,
  type SectionHeaderInit,
} from './pcapng/section-header.js';
export {
  INTERFACE_OPTIONS,
  decodeInterfaceDescriptionBlock,
  encodeInterfaceDescriptionBlock,
  type InterfaceDescription,
  type InterfaceDescriptionInit,
} from './pcapng/interface-description.js';
export {
  ENHANCED_PACKET_OPTIONS,
  decodeEnhancedPacketBlock,
  encodeEnhancedPacketBlock,
  type EnhancedPacket,
  type EnhancedPacketInit,
} from './pcapng/enhanced-packet.js';
export {
  decodeSimplePacketBlock,
  encodeSimplePacketBlock,
  type SimplePacket,
} from './pcapng/simple-packet.js';
export {
  INTERFACE_STATISTICS_OPTIONS,
  decodeInterfaceStatisticsBlock,
  encodeInterfaceStatisticsBlock,
  type InterfaceStatistics,
  type InterfaceStatisticsInit,
} from './pcapng/interface-statistics.js';
export { decodeObsoletePacketBlock, type ObsoletePacket } from './pcapng/obsolete-packet.js';
export {
  DEFAULT_MAX_BLOCK_LENGTH,
  DEFAULT_MAX_RECORD_LENGTH,
  createCaptureReader,
  readCapture,
  type CaptureContents,
  type CaptureFormat,
  type CaptureInterface,
  type CapturePacket,
  type CaptureReader,
  type CaptureReaderOptions,
  type CaptureStatistics,
} from './capture-reader.js';
export {
  createPcapWriter,
  type PacketToWrite,
  type PcapWriter,
  type PcapWriterOptions,
} from './pcap-writer.js';
export {
  MAX_VLAN_TAGS,
  PACKET_NOTES,
  PacketLayers,
  TCP_FLAGS,
  type PacketNote,
  type PacketNoteCode,
} from './layers/packet-layers.js';
export { decodeLayers } from './layers/decode-layers.js';
export {
  decodePacket,
  describeLayers,
  encodeFrame,
  transportChecksumValid,
  type DecodedIp,
  type DecodedPacket,
  type DecodedTcp,
  type DecodedUdp,
  type FrameInit,
  type TcpFlagSet,
  type TransportInit,
} from './layers/packet.js';
export {
  ETHER_TYPES,
  encodeEthernet,
  etherTypeName,
  isVlanTpid,
  type EtherTypeName,
  type EthernetInit,
  type VlanTag,
} from './layers/ethernet.js';
export {
  SLL_PACKET_TYPES,
  encodeSll,
  encodeSll2,
  sllPacketTypeName,
  type SllHeader,
  type SllInit,
} from './layers/linux-sll.js';
export { LOOPBACK_FAMILIES, encodeLoopback } from './layers/loopback.js';
export { encodeIpv4, type Ipv4Init } from './layers/ipv4.js';
export { IPV6_EXTENSION_HEADERS, encodeIpv6, type Ipv6Init } from './layers/ipv6.js';
export { encodeUdp, type UdpInit } from './layers/udp.js';
export { encodeTcp, type TcpInit } from './layers/tcp.js';
export { IP_PROTOCOLS, ipProtocolName, type IpProtocolName } from './layers/ip-protocols.js';
export {
  formatIpv4,
  formatIpv6,
  formatMac,
  parseIpv4,
  parseIpv6,
  parseMac,
} from './layers/ip-address.js';
export {
  TCP_REASSEMBLY_DEFAULTS,
  createTcpReassembler,
  formatEndpoint,
  type TcpDirection,
  type TcpEndpoint,
  type TcpFlow,
  type TcpFlowEndReason,
  type TcpReassembler,
  type TcpReassemblerOptions,
  type TcpReassemblyStats,
  type TcpStreamSink,
} from './tcp-reassembly.js';
