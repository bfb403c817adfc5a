// The EtherNet/IP encapsulation message: a 24-octet little-endian header (command, length,
// session handle, status, sender context, options) and the command-specific data
// (CIP Vol 2, 2-3.1).
import { fail, ok, type Decoded } from '../errors.js';
import { fits, putU16, putU32, u16, u32 } from './bytes.js';
import { enipCommandName } from './commands.js';
import { enipError } from './errors.js';

export const ENIP_HEADER_SIZE = 24;
/** The largest command-specific data on TCP: 65535 octets in all less the header (2-3.1). */
export const ENIP_MAX_LENGTH = 65511;

export interface EnipMessage {
  readonly command: number;
  /** 'list_identity', 'send_rr_data', ..., 'unknown-N'. */
  readonly commandName: string;
  /** Octets of command-specific data after the header. */
  readonly length: number;
  /** Session handle given by the target in the RegisterSession reply (0 before). */
  readonly session: number;
  /** Encapsulation status: 0 success; see ENIP_STATUS. */
  readonly status: number;
  /** Eight octets the target echoes unchanged in its reply (a view into the message). */
  readonly senderContext: Uint8Array;
  readonly options: number;
  /** Command-specific data (a view into the bytes decoded). */
  readonly data: Uint8Array;
}

export interface EnipMessageInput {
  readonly command: number;
  readonly session?: number;
  readonly status?: number;
  /** Up to 8 octets; missing octets are zero. */
  readonly senderContext?: Uint8Array;
  readonly options?: number;
  readonly data?: Uint8Array;
}

/** Read the header at bytes[offset] (24 octets must be there) and take `data` from it. */
export function readEnipMessage(bytes: Uint8Array, offset: number): EnipMessage {
  const command = u16(bytes, offset);
  const length = u16(bytes, offset + 2);
  const dataAt = offset + ENIP_HEADER_SIZE;
  return {
    command,
    commandName: enipCommandName(command),
    length,
    session: u32(bytes, offset + 4),
    status: u32(bytes, offset + 8),
    senderContext: bytes.subarray(offset + 12, offset + 20),
    options: u32(bytes, offset + 20),
    data: bytes.subarray(dataAt, dataAt + length),
  };
}

/** Decode a buffer that holds exactly one encapsulation message (a UDP datagram, say). */
export function decodeEnipMessage(bytes: Uint8Array): Decoded<EnipMessage> {
  if (bytes.length < ENIP_HEADER_SIZE) {
    return fail(
      enipError(
        'OTS_ENIP_TRUNCATED',
        `encapsulation header needs 24 octets, the buffer holds ${bytes.length}`,
        bytes.length,
      ),
    );
  }
  const length = u16(bytes, 2);
  const size = ENIP_HEADER_SIZE + length;
  if (bytes.length < size) {
    return fail(
      enipError(
        'OTS_ENIP_TRUNCATED',
        `encapsulation length ${length} needs ${size} octets, the buffer holds ${bytes.length}`,
        bytes.length,
      ),
    );
  }
  if (bytes.length > size) {
    return fail(
      enipError(
        'OTS_ENIP_TRAILING_BYTES',
        `${bytes.length - size} octets follow the ${size}-octet encapsulation message`,
        size,
      ),
    );
  }
  return ok(readEnipMessage(bytes, 0));
}

/** Encode an encapsulation message; the length field is the size of `data`. */
export function encodeEnipMessage(input: EnipMessageInput): Decoded<Uint8Array> {
  const data = input.data ?? new Uint8Array(0);
  const context = input.senderContext ?? new Uint8Array(0);
  const checks: [string, number, number][] = [
    ['command', input.command, 0xffff],
    ['length', data.length, 0xffff],
    ['session', input.session ?? 0, 0xffffffff],
    ['status', input.status ?? 0, 0xffffffff],
    ['options', input.options ?? 0, 0xffffffff],
    ['sender context length', context.length, 8],
  ];
  for (const [field, value, max] of checks) {
    if (!fits(value, max)) {
      return fail(enipError('OTS_ENIP_ENCODE_RANGE', `${field} ${value} is outside 0..${max}`));
    }
  }
  const out = new Uint8Array(ENIP_HEADER_SIZE + data.length);
  putU16(out, 0, input.command);
  putU16(out, 2, data.length);
  putU32(out, 4, input.session ?? 0);
  putU32(out, 8, input.status ?? 0);
  out.set(context, 12);
  putU32(out, 20, input.options ?? 0);
  out.set(data, ENIP_HEADER_SIZE);
  return ok(out);
}
