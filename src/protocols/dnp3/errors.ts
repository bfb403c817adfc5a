// The coded errors of the DNP3 codec (IEEE 1815-2012): link frames, transport reassembly and the
// application layer. Each is listed in docs/errors.md.
import type { CodecErrorTable } from '../errors.js';
import { CodecError } from '../errors.js';

export const DNP3_ERRORS = {
  OTS_DNP3_BAD_START: 'link frame does not begin with the start bytes 0x05 0x64',
  OTS_DNP3_BAD_LENGTH: 'link length field is below 5, the size of control and addresses',
  OTS_DNP3_TRUNCATED: 'link frame ends before the size its length field declares',
  OTS_DNP3_TRAILING_BYTES: 'bytes follow the one link frame a buffer was expected to hold',
  OTS_DNP3_HEADER_CRC: 'link header CRC does not match the header bytes',
  OTS_DNP3_BLOCK_CRC: 'a user data block CRC does not match the block',
  OTS_DNP3_SKIPPED_BYTES: 'bytes skipped while resynchronising on the start bytes 0x05 0x64',
  OTS_DNP3_UNEXPECTED_USER_DATA:
    'user data in a link frame whose function carries none (only primary 3 and 4 do)',
  OTS_DNP3_EMPTY_SEGMENT: 'user data frame without the transport header byte',
  OTS_DNP3_NO_FIRST_SEGMENT: 'transport segment without FIR while no fragment was in progress',
  OTS_DNP3_OUT_OF_SEQUENCE: 'transport segment out of sequence: the fragment in progress is lost',
  OTS_DNP3_FRAGMENT_ABANDONED: 'a fragment in progress was dropped before its FIN segment',
  OTS_DNP3_FRAGMENT_TOO_LONG: 'reassembled application fragment exceeds the configured maximum',
  OTS_DNP3_APP_TRUNCATED: 'application fragment shorter than its header',
  OTS_DNP3_BAD_QUALIFIER: 'object qualifier uses a reserved bit, prefix code or range code',
  OTS_DNP3_BAD_RANGE: 'object range stop index is below its start index',
  OTS_DNP3_OBJECT_TRUNCATED: 'object header or object data ends before its declared size',
  OTS_DNP3_UNSUPPORTED_OBJECT:
    'object of unknown size: the object walk stops there instead of guessing',
  OTS_DNP3_ENCODE_RANGE: 'a value given to a DNP3 encoder is out of its field range',
} as const satisfies CodecErrorTable;

export type Dnp3ErrorCode = keyof typeof DNP3_ERRORS;

/** A CodecError of the dnp3 protocol. */
export function dnp3Error(code: Dnp3ErrorCode, message: string, offset?: number): CodecError {
  return new CodecError('dnp3', code, message, offset);
}
