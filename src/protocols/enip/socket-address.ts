// The socket address structure of ListIdentity replies and the sockaddr info items: the one
// big-endian structure in EtherNet/IP (CIP Vol 2, 2-6.3.3).
import { fail, ok, type Decoded } from '../errors.js';
import { fits } from './bytes.js';
import { enipError } from './errors.js';

export const ENIP_SOCKADDR_SIZE = 16;

export interface EnipSocketAddress {
  /** sin_family, 2 (AF_INET). */
  readonly family: number;
  readonly port: number;
  /** Dotted IPv4 address. */
  readonly address: string;
  /** sin_zero, eight octets that should be zero (a view). */
  readonly zero: Uint8Array;
}

/** Read the 16 octets at bytes[at] (the caller has checked they are there). */
export function readEnipSocketAddress(bytes: Uint8Array, at: number): EnipSocketAddress {
  return {
    family: ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0),
    port: ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0),
    address: `${bytes[at + 4] ?? 0}.${bytes[at + 5] ?? 0}.${bytes[at + 6] ?? 0}.${bytes[at + 7] ?? 0}`,
    zero: bytes.subarray(at + 8, at + 16),
  };
}

/** Write a socket address at out[at]; false when a field does not fit. */
export function writeEnipSocketAddress(
  out: Uint8Array,
  at: number,
  sockaddr: Pick<EnipSocketAddress, 'address' | 'port'> & Partial<EnipSocketAddress>,
): boolean {
  const octets = sockaddr.address.split('.').map(Number);
  if (octets.length !== 4 || !octets.every((octet) => fits(octet, 255))) return false;
  const family = sockaddr.family ?? 2;
  if (!fits(family, 0xffff) || !fits(sockaddr.port, 0xffff)) return false;
  out[at] = family >>> 8;
  out[at + 1] = family & 0xff;
  out[at + 2] = sockaddr.port >>> 8;
  out[at + 3] = sockaddr.port & 0xff;
  out.set(octets, at + 4);
  out.fill(0, at + 8, at + 16);
  if (sockaddr.zero !== undefined) out.set(sockaddr.zero.subarray(0, 8), at + 8);
  return true;
}

/** The 16 octets of a sockaddr info item (0x8000 O->T, 0x8001 T->O) or a ListIdentity field. */
export function encodeEnipSocketAddress(
  sockaddr: Pick<EnipSocketAddress, 'address' | 'port'> & Partial<EnipSocketAddress>,
): Decoded<Uint8Array> {
  const out = new Uint8Array(ENIP_SOCKADDR_SIZE);
  if (!writeEnipSocketAddress(out, 0, sockaddr)) {
    return fail(
      enipError(
        'OTS_ENIP_ENCODE_RANGE',
        `socket address ${sockaddr.address}:${sockaddr.port} is not an IPv4 address and port`,
      ),
    );
  }
  return ok(out);
}
