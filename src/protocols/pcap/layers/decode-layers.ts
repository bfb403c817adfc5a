// The hot-path packet decoder: link layer, VLAN tags, IPv4/IPv6, then TCP or UDP, into one
// reusable PacketLayers without allocating (notes and errors, the rare paths, do allocate).
import { CodecError } from '../../errors.js';
import { LINK_TYPES } from '../link-types.js';
import { decodeEthernetInto, decodeVlanTagsInto, etherTypeName } from './ethernet.js';
import { ipProtocolName } from './ip-protocols.js';
import { decodeIpv4Into } from './ipv4.js';
import { decodeIpv6Into } from './ipv6.js';
import { decodeSll2Into, decodeSllInto } from './linux-sll.js';
import { decodeLoopbackInto } from './loopback.js';
import type { PacketLayers, PacketNoteCode } from './packet-layers.js';
import { decodeTcpInto } from './tcp.js';
import { decodeUdpInto } from './udp.js';

// Module-local copies of what the per-packet path uses: some loaders (tsx, vitest) turn every use
// of an imported binding into a getter call, which would cost on each of a million packets a second.
const ETHERNET = LINK_TYPES.ethernet;
const LINUX_SLL = LINK_TYPES.linux_sll;
const LINUX_SLL2 = LINK_TYPES.linux_sll2;
const NULL = LINK_TYPES.null;
const LOOP = LINK_TYPES.loop;
const RAW = LINK_TYPES.raw;
const RAW_DLT12 = LINK_TYPES.raw_dlt12;
const RAW_DLT14 = LINK_TYPES.raw_dlt14;
const IPV4 = LINK_TYPES.ipv4;
const IPV6 = LINK_TYPES.ipv6;
const ethernetInto = decodeEthernetInto;
const vlanTagsInto = decodeVlanTagsInto;
const sllInto = decodeSllInto;
const sll2Into = decodeSll2Into;
const loopbackInto = decodeLoopbackInto;
const ipv4Into = decodeIpv4Into;
const ipv6Into = decodeIpv6Into;
const tcpInto = decodeTcpInto;
const udpInto = decodeUdpInto;

/**
 * Decodes `data` captured on `linkType` into `out` (reset first). Returns false when a header is
 * malformed (out.error says which); true otherwise, with out.note set when decoding stopped
 * early for a reason that is no fault of the packet (an unknown link type, ARP, a fragment).
 */
export function decodeLayers(data: Uint8Array, linkType: number, out: PacketLayers): boolean {
  out.reset(data, linkType);
  let at: number;
  switch (linkType) {
    case ETHERNET:
      at = ethernetInto(data, 0, out);
      if (at < 0) return false;
      // Values below 0x0600 are an IEEE 802.3 length: an LLC frame, not an EtherType.
      if (out.etherType < 0x0600) {
        return note(out, 'not-ip', `IEEE 802.3 frame of length ${out.etherType} (LLC)`);
      }
      return etherPayload(data, at, out);
    case LINUX_SLL:
      at = sllInto(data, 0, out);
      return at < 0 ? false : etherPayload(data, at, out);
    case LINUX_SLL2:
      at = sll2Into(data, 0, out);
      return at < 0 ? false : etherPayload(data, at, out);
    case NULL:
    case LOOP:
      at = loopbackInto(data, 0, linkType === LOOP, out);
      return at < 0 ? false : etherPayload(data, at, out);
    case RAW:
    case RAW_DLT12:
    case RAW_DLT14: {
      // Raw IP: the version nibble says which.
      const version = (data[0] ?? 0) >> 4;
      if (data.length === 0 || (version !== 4 && version !== 6)) {
        out.error = new CodecError(
          'ip',
          'OTS_PCAP_IPV4_BAD_HEADER',
          data.length === 0 ? 'raw IP packet is empty' : `raw IP packet has version ${version}`,
          0,
        );
        return false;
      }
      return ip(data, 0, version, out);
    }
    case IPV4:
      return ip(data, 0, 4, out);
    case IPV6:
      return ip(data, 0, 6, out);
    default:
      return note(out, 'unknown-link-type', `link type ${linkType}`);
  }
}

function etherPayload(data: Uint8Array, offset: number, out: PacketLayers): boolean {
  const at = vlanTagsInto(data, offset, out);
  if (at < 0) return false;
  if (out.etherType === 0x0800) return ip(data, at, 4, out);
  if (out.etherType === 0x86dd) return ip(data, at, 6, out);
  const type = out.etherType;
  return note(
    out,
    'not-ip',
    `ethertype 0x${type.toString(16).padStart(4, '0')} (${etherTypeName(type)})`,
  );
}

function ip(data: Uint8Array, offset: number, version: number, out: PacketLayers): boolean {
  const at = version === 4 ? ipv4Into(data, offset, out) : ipv6Into(data, offset, out);
  if (at < 0) return false;
  if (out.isFragment) {
    return note(
      out,
      'ip-fragment',
      `IPv${version} fragment id ${out.fragmentId} at offset ${out.fragmentOffset}${out.moreFragments ? ', more follow' : ', last'}`,
    );
  }
  if (out.ipProtocol === 6) return tcpInto(data, at, out) >= 0;
  if (out.ipProtocol === 17) return udpInto(data, at, out) >= 0;
  return note(
    out,
    'unsupported-ip-protocol',
    `IP protocol ${out.ipProtocol} (${ipProtocolName(out.ipProtocol)})`,
  );
}

function note(out: PacketLayers, code: PacketNoteCode, detail: string): true {
  out.note = { code, detail };
  return true;
}
