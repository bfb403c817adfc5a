// RegisterSession (0x0065) request and reply data: protocol version and options flags
// (CIP Vol 2, 2-4.4). The reply carries the new session handle in the encapsulation header.
import { fail, ok, type Decoded } from '../errors.js';
import { fits, putU16, u16 } from './bytes.js';
import { enipError } from './errors.js';

export interface EnipRegisterSession {
  /** Requested protocol version, 1. */
  readonly protocolVersion: number;
  /** Options flags, 0 (no options are defined). */
  readonly optionsFlags: number;
}

export function decodeEnipRegisterSession(data: Uint8Array): Decoded<EnipRegisterSession> {
  if (data.length !== 4) {
    return fail(
      enipError(
        'OTS_ENIP_BAD_COMMAND_DATA',
        `register_session data holds ${data.length} octets where it takes 4`,
        0,
      ),
    );
  }
  return ok({ protocolVersion: u16(data, 0), optionsFlags: u16(data, 2) });
}

export function encodeEnipRegisterSession(
  value: Partial<EnipRegisterSession> = {},
): Decoded<Uint8Array> {
  const version = value.protocolVersion ?? 1;
  const flags = value.optionsFlags ?? 0;
  if (!fits(version, 0xffff) || !fits(flags, 0xffff)) {
    return fail(enipError('OTS_ENIP_ENCODE_RANGE', 'protocol version or options outside 0..65535'));
  }
  const out = new Uint8Array(4);
  putU16(out, 0, version);
  putU16(out, 2, flags);
  return ok(out);
}
