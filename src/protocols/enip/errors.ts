// The coded errors of the EtherNet/IP and CIP codec (ODVA CIP Vol 1 and Vol 2). Each is listed
// in docs/errors.md.
import type { CodecErrorTable } from '../errors.js';
import { CodecError } from '../errors.js';

export const ENIP_ERRORS = {
  OTS_ENIP_TRUNCATED: 'encapsulation message ends before its 24-octet header and declared length',
  OTS_ENIP_TRAILING_BYTES:
    'bytes follow the one encapsulation message a buffer was expected to hold',
  OTS_ENIP_TOO_LONG: 'encapsulation length field exceeds the configured maximum',
  OTS_ENIP_BAD_COMMAND_DATA: 'command-specific data too short or too long for its command',
  OTS_ENIP_CPF_TRUNCATED: 'common packet format item count or item runs past the data',
  OTS_ENIP_BAD_ITEM: 'common packet format item too short for its type',
  OTS_ENIP_CIP_TRUNCATED: 'CIP message shorter than its header, path or status fields',
  OTS_ENIP_BAD_PATH: 'EPATH segment of a reserved or unsupported type, or past the path size',
  OTS_ENIP_BAD_EMBEDDED:
    'embedded request of Unconnected Send or Multiple Service Packet malformed',
  OTS_ENIP_IDENTITY_TRUNCATED: 'identity reply ends before one of its fields',
  OTS_ENIP_ENCODE_RANGE: 'a value given to an EtherNet/IP or CIP encoder is out of its field range',
} as const satisfies CodecErrorTable;

export type EnipErrorCode = keyof typeof ENIP_ERRORS;

/** A CodecError of the enip protocol. */
export function enipError(code: EnipErrorCode, message: string, offset?: number): CodecError {
  return new CodecError('enip', code, message, offset);
}
