// The padded EPATH that addresses a CIP request: port, logical (class, instance, attribute,
// member, connection point, electronic key, service), network, symbolic and data segments
// (CIP Vol 1, Appendix C-1).
import { fail, ok, type Decoded } from '../../errors.js';
import { concat, fits, fromLatin1, latin1, putU16, putU32, u16, u32 } from '../bytes.js';
import { enipError } from '../errors.js';

export type CipLogicalType =
  'class' | 'instance' | 'member' | 'connection_point' | 'attribute' | 'special' | 'service';

export interface CipElectronicKey {
  readonly vendorId: number;
  readonly deviceType: number;
  readonly productCode: number;
  /** Bit 7 is the compatibility bit; bits 6..0 the major revision. */
  readonly majorRevision: number;
  readonly minorRevision: number;
}

export type CipSegment =
  | {
      readonly type: 'logical';
      readonly logicalType: CipLogicalType;
      /** Width of the value on the wire: 8, 16 or 32 bits. */
      readonly format: 8 | 16 | 32;
      readonly value: number;
      /** Electronic key (logical special, key format 4). */
      readonly key?: CipElectronicKey;
    }
  | {
      readonly type: 'port';
      /** Port number: 1 backplane, 2 the first network port on most devices. */
      readonly port: number;
      /** Link address: a slot number, or an IP address as text octets. */
      readonly linkAddress: Uint8Array;
    }
  | { readonly type: 'symbolic'; readonly symbol: string; readonly ansiExtended: boolean }
  | { readonly type: 'network'; readonly subtype: number; readonly data: Uint8Array }
  | { readonly type: 'data'; readonly data: Uint8Array };

const LOGICAL_TYPES: readonly CipLogicalType[] = [
  'class',
  'instance',
  'member',
  'connection_point',
  'attribute',
  'special',
  'service',
];

function bad(message: string, at: number): Decoded<never> {
  return fail(enipError('OTS_ENIP_BAD_PATH', message, at));
}

/** Decode a padded EPATH filling `bytes`; `base` is added to error offsets. */
export function decodeEpath(bytes: Uint8Array, base = 0): Decoded<CipSegment[]> {
  const segments: CipSegment[] = [];
  let at = 0;
  const n = bytes.length;
  // Every segment takes at least one octet, so the walk ends.
  while (at < n) {
    const code = bytes[at] ?? 0;
    const kind = code >> 5;
    const where = base + at;
    if (kind === 0) {
      // Port segment (C-1.4.1): extended link address flag (bit 4), port (bits 3..0).
      const extendedAddress = (code & 0x10) !== 0;
      let port = code & 0x0f;
      let p = at + 1;
      let addressSize = 1;
      if (extendedAddress) {
        if (p >= n) return bad('port segment ends before its link address size', where);
        addressSize = bytes[p] ?? 0;
        if (addressSize === 0)
          return bad('port segment with an extended link address of size 0', where);
        p += 1;
      }
      if (port === 15) {
        if (p + 2 > n) return bad('port segment ends before its extended port number', where);
        port = u16(bytes, p);
        p += 2;
      }
      if (p + addressSize > n) return bad('port segment ends inside its link address', where);
      const linkAddress = bytes.subarray(p, p + addressSize);
      p += addressSize;
      if ((p - at) % 2 === 1) p += 1; // pad to an even length
      if (p > n) return bad('port segment ends before its pad octet', where);
      segments.push({ type: 'port', port, linkAddress });
      at = p;
    } else if (kind === 1) {
      // Logical segment (C-1.4.2): logical type (bits 4..2), format (bits 1..0).
      const logicalType = LOGICAL_TYPES[(code >> 2) & 0x07];
      const formatCode = code & 0x03;
      if (logicalType === undefined)
        return bad(`logical segment 0x${hex2(code)}: reserved type`, where);
      if (logicalType === 'special') {
        // Electronic key: format 0, key format 4, then 8 octets (C-1.4.2.1).
        if (formatCode !== 0 || bytes[at + 1] !== 0x04) {
          return bad(
            `logical special segment 0x${hex2(code)}: only the electronic key is known`,
            where,
          );
        }
        if (at + 10 > n) return bad('electronic key ends before its 8 octets', where);
        const k = at + 2;
        segments.push({
          type: 'logical',
          logicalType,
          format: 8,
          value: 4,
          key: {
            vendorId: u16(bytes, k),
            deviceType: u16(bytes, k + 2),
            productCode: u16(bytes, k + 4),
            majorRevision: bytes[k + 6] ?? 0,
            minorRevision: bytes[k + 7] ?? 0,
          },
        });
        at += 10;
        continue;
      }
      if (formatCode === 3) return bad(`logical segment 0x${hex2(code)}: reserved format`, where);
      // Padded EPATH: 16- and 32-bit values follow a pad octet.
      const size = formatCode === 0 ? 2 : formatCode === 1 ? 4 : 6;
      if (at + size > n) return bad(`logical ${logicalType} segment ends inside its value`, where);
      const value =
        formatCode === 0
          ? (bytes[at + 1] ?? 0)
          : formatCode === 1
            ? u16(bytes, at + 2)
            : u32(bytes, at + 2);
      segments.push({
        type: 'logical',
        logicalType,
        format: formatCode === 0 ? 8 : formatCode === 1 ? 16 : 32,
        value,
      });
      at += size;
    } else if (kind === 2) {
      // Network segment (C-1.4.3): subtypes 0x00-0x0F take one octet, 0x10-0x1F a word count.
      const subtype = code & 0x1f;
      if (subtype < 0x10) {
        if (at + 2 > n) return bad('network segment ends before its data octet', where);
        segments.push({ type: 'network', subtype, data: bytes.subarray(at + 1, at + 2) });
        at += 2;
      } else {
        const words = bytes[at + 1];
        if (words === undefined || at + 2 + 2 * words > n) {
          return bad('network segment ends inside its data', where);
        }
        segments.push({
          type: 'network',
          subtype,
          data: bytes.subarray(at + 2, at + 2 + 2 * words),
        });
        at += 2 + 2 * words;
      }
    } else if (kind === 3) {
      // Symbolic segment (C-1.4.4): size in bits 4..0, then the characters, padded.
      const size = code & 0x1f;
      if (size === 0)
        return bad('extended symbolic segment (double-octet or numeric) is not supported', where);
      const end = at + 1 + size;
      const padded = end + (size % 2 === 0 ? 1 : 0);
      if (padded > n) return bad('symbolic segment ends inside its symbol', where);
      segments.push({
        type: 'symbolic',
        symbol: latin1(bytes.subarray(at + 1, end)),
        ansiExtended: false,
      });
      at = padded;
    } else if (code === 0x80) {
      // Simple data segment (C-1.4.5): word count, words.
      const words = bytes[at + 1];
      if (words === undefined || at + 2 + 2 * words > n)
        return bad('data segment ends inside its data', where);
      segments.push({ type: 'data', data: bytes.subarray(at + 2, at + 2 + 2 * words) });
      at += 2 + 2 * words;
    } else if (code === 0x91) {
      // ANSI extended symbol segment (C-1.4.5): length, characters, pad to even.
      const length = bytes[at + 1];
      if (length === undefined) return bad('symbol segment ends before its length', where);
      const end = at + 2 + length;
      const padded = end + (length % 2);
      if (padded > n) return bad('symbol segment ends inside its symbol', where);
      segments.push({
        type: 'symbolic',
        symbol: latin1(bytes.subarray(at + 2, end)),
        ansiExtended: true,
      });
      at = padded;
    } else {
      return bad(`segment type 0x${hex2(code)} is reserved or not supported`, where);
    }
  }
  return ok(segments);
}

/** Encode segments as a padded EPATH (an even number of octets). */
export function encodeEpath(segments: readonly CipSegment[]): Decoded<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const segment of segments) {
    const part = encodeSegment(segment);
    if (part === undefined) {
      return fail(
        enipError('OTS_ENIP_ENCODE_RANGE', `${segment.type} segment has a value out of range`),
      );
    }
    parts.push(part);
  }
  return ok(concat(parts));
}

function encodeSegment(segment: CipSegment): Uint8Array | undefined {
  switch (segment.type) {
    case 'port': {
      const { port, linkAddress } = segment;
      if (!fits(port, 0xffff) || linkAddress.length > 0xff || linkAddress.length === 0)
        return undefined;
      const extendedAddress = linkAddress.length > 1;
      const extendedPort = port >= 15;
      const size = 1 + (extendedAddress ? 1 : 0) + (extendedPort ? 2 : 0) + linkAddress.length;
      const out = new Uint8Array(size + (size % 2));
      out[0] = (extendedAddress ? 0x10 : 0) | (extendedPort ? 15 : port);
      let p = 1;
      if (extendedAddress) out[p++] = linkAddress.length;
      if (extendedPort) {
        putU16(out, p, port);
        p += 2;
      }
      out.set(linkAddress, p);
      return out;
    }
    case 'logical': {
      const typeCode = LOGICAL_TYPES.indexOf(segment.logicalType);
      if (segment.logicalType === 'special') {
        const key = segment.key;
        if (key === undefined) return undefined;
        const out = new Uint8Array(10);
        out[0] = 0x34;
        out[1] = 0x04;
        putU16(out, 2, key.vendorId);
        putU16(out, 4, key.deviceType);
        putU16(out, 6, key.productCode);
        out[8] = key.majorRevision & 0xff;
        out[9] = key.minorRevision & 0xff;
        return out;
      }
      const max = segment.format === 8 ? 0xff : segment.format === 16 ? 0xffff : 0xffffffff;
      if (!fits(segment.value, max)) return undefined;
      const formatCode = segment.format === 8 ? 0 : segment.format === 16 ? 1 : 2;
      const out = new Uint8Array(segment.format === 8 ? 2 : segment.format === 16 ? 4 : 6);
      out[0] = 0x20 | (typeCode << 2) | formatCode;
      if (segment.format === 8) out[1] = segment.value;
      else if (segment.format === 16) putU16(out, 2, segment.value);
      else putU32(out, 2, segment.value);
      return out;
    }
    case 'symbolic': {
      const text = fromLatin1(segment.symbol);
      if (segment.ansiExtended) {
        if (text.length > 0xff) return undefined;
        const out = new Uint8Array(2 + text.length + (text.length % 2));
        out[0] = 0x91;
        out[1] = text.length;
        out.set(text, 2);
        return out;
      }
      if (text.length === 0 || text.length > 0x1f) return undefined;
      const out = new Uint8Array(1 + text.length + ((1 + text.length) % 2));
      out[0] = 0x60 | text.length;
      out.set(text, 1);
      return out;
    }
    case 'network': {
      if (!fits(segment.subtype, 0x1f)) return undefined;
      if (segment.subtype < 0x10) {
        if (segment.data.length !== 1) return undefined;
        return Uint8Array.of(0x40 | segment.subtype, segment.data[0] ?? 0);
      }
      if (segment.data.length % 2 !== 0 || segment.data.length > 0x1fe) return undefined;
      return concat([Uint8Array.of(0x40 | segment.subtype, segment.data.length / 2), segment.data]);
    }
    case 'data': {
      if (segment.data.length % 2 !== 0 || segment.data.length > 0x1fe) return undefined;
      return concat([Uint8Array.of(0x80, segment.data.length / 2), segment.data]);
    }
  }
}

/** What a path addresses: the first class, instance, attribute, member and symbol it names. */
export interface CipTarget {
  readonly classId: number | undefined;
  readonly instance: number | undefined;
  readonly attribute: number | undefined;
  readonly member: number | undefined;
  readonly connectionPoint: number | undefined;
  /** Symbolic segments joined with '.', as Logix tag names are written. */
  readonly symbol: string | undefined;
}

export function cipTarget(segments: readonly CipSegment[]): CipTarget {
  let classId: number | undefined;
  let instance: number | undefined;
  let attribute: number | undefined;
  let member: number | undefined;
  let connectionPoint: number | undefined;
  let symbol: string | undefined;
  for (const segment of segments) {
    if (segment.type === 'symbolic') {
      symbol = symbol === undefined ? segment.symbol : `${symbol}.${segment.symbol}`;
    }
    if (segment.type !== 'logical') continue;
    switch (segment.logicalType) {
      case 'class':
        classId ??= segment.value;
        break;
      case 'instance':
        instance ??= segment.value;
        break;
      case 'attribute':
        attribute ??= segment.value;
        break;
      case 'member':
        member ??= segment.value;
        break;
      case 'connection_point':
        connectionPoint ??= segment.value;
        break;
      default:
        break;
    }
  }
  return { classId, instance, attribute, member, connectionPoint, symbol };
}

function hex2(value: number): string {
  return value.toString(16).padStart(2, '0');
}
