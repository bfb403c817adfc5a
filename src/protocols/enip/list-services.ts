// The ListServices reply item 0x0100: which encapsulation services a target offers
// (CIP Vol 2, 2-4.6.3).
import { fail, ok, type Decoded } from '../errors.js';
import { fits, fromLatin1, latin1, putU16, u16 } from './bytes.js';
import { enipError } from './errors.js';

export interface EnipServiceItem {
  /** Protocol version, 1. */
  readonly version: number;
  /** Capability flags: bit 5 CIP encapsulation over TCP, bit 8 class 0/1 I/O over UDP. */
  readonly capabilities: number;
  readonly cipOverTcp: boolean;
  readonly classIoOverUdp: boolean;
  /** Name of the service, NUL-padded to 16 octets on the wire: 'Communications'. */
  readonly name: string;
}

export function decodeEnipListServicesItem(bytes: Uint8Array): Decoded<EnipServiceItem> {
  if (bytes.length < 20) {
    return fail(
      enipError(
        'OTS_ENIP_BAD_ITEM',
        `list_services item holds ${bytes.length} octets where it takes 20`,
        bytes.length,
      ),
    );
  }
  const capabilities = u16(bytes, 2);
  const raw = bytes.subarray(4, 20);
  const nul = raw.indexOf(0);
  return ok({
    version: u16(bytes, 0),
    capabilities,
    cipOverTcp: (capabilities & 0x20) !== 0,
    classIoOverUdp: (capabilities & 0x100) !== 0,
    name: latin1(nul < 0 ? raw : raw.subarray(0, nul)),
  });
}

/** Encode a ListServices item; defaults describe a typical adapter ('Communications', 0x0120). */
export function encodeEnipListServicesItem(
  item: Partial<Pick<EnipServiceItem, 'version' | 'capabilities' | 'name'>> = {},
): Decoded<Uint8Array> {
  const name = item.name ?? 'Communications';
  const version = item.version ?? 1;
  const capabilities = item.capabilities ?? 0x0120;
  if (!fits(version, 0xffff) || !fits(capabilities, 0xffff) || name.length > 16) {
    return fail(
      enipError('OTS_ENIP_ENCODE_RANGE', 'version, capabilities or a name over 16 characters'),
    );
  }
  const out = new Uint8Array(20);
  putU16(out, 0, version);
  putU16(out, 2, capabilities);
  out.set(fromLatin1(name), 4);
  return ok(out);
}
