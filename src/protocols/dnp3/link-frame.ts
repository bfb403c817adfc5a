// One DNP3 link-layer frame (FT3): header with CRC, then user data in CRC-closed blocks of up to
// 16 octets. Decode verifies every CRC; encode computes them (IEEE 1815-2012, clause 9.2).
import { fail, ok, type CodecError, type Decoded } from '../errors.js';
import { dnp3Crc, dnp3CrcMatches } from './crc.js';
import { dnp3Error } from './errors.js';
import { dnp3LinkFunctionName } from './link-functions.js';

/** Start octets 0x05 0x64 (9.2.4.1.1). */
export const DNP3_START_1 = 0x05;
export const DNP3_START_2 = 0x64;
/** Header: start (2), length, control, destination (2), source (2), CRC (2). */
export const DNP3_LINK_HEADER_SIZE = 10;
/** The length field counts control, destination and source (5) plus user data (9.2.4.1.2). */
export const DNP3_MIN_LENGTH = 5;
/** At most 250 user data octets fit in one frame (length 255). */
export const DNP3_MAX_USER_DATA = 250;
/** 10 header octets + 250 user data octets + 16 block CRCs. */
export const DNP3_MAX_FRAME_SIZE = 292;
/** User data octets per CRC block (9.2.5). */
export const DNP3_BLOCK_SIZE = 16;

export interface Dnp3LinkFrame {
  /** The length field: control, addresses and user data octets, CRCs not counted (5..255). */
  readonly length: number;
  /** The raw control octet. */
  readonly control: number;
  /** DIR: set when the frame comes from the master (9.2.4.1.3.1). */
  readonly dir: boolean;
  /** PRM: set on primary (initiating) frames. */
  readonly prm: boolean;
  /** FCB, frame count bit (primary); the bit is reserved in secondary frames but kept. */
  readonly fcb: boolean;
  /** FCV, frame count valid (primary frames only). */
  readonly fcv: boolean;
  /** DFC, data flow control (secondary frames only: the same bit as FCV). */
  readonly dfc: boolean;
  readonly functionCode: number;
  /** Link function named for primary or secondary frames: 'unconfirmed_user_data', 'ack', ... */
  readonly function: string;
  readonly destination: number;
  readonly source: number;
  /** User data with the block CRCs removed (the transport segment), empty for link-only frames. */
  readonly userData: Uint8Array;
}

/** What an encoder needs; the control octet is built from the flags. */
export interface Dnp3LinkFrameInput {
  readonly dir: boolean;
  readonly prm: boolean;
  readonly fcb?: boolean;
  readonly fcv?: boolean;
  readonly dfc?: boolean;
  readonly functionCode: number;
  readonly destination: number;
  readonly source: number;
  readonly userData?: Uint8Array;
}

/** Octets on the wire of a frame whose length field is `length`. */
export function dnp3FrameSize(length: number): number {
  const userLength = length - DNP3_MIN_LENGTH;
  return DNP3_LINK_HEADER_SIZE + userLength + 2 * Math.ceil(userLength / DNP3_BLOCK_SIZE);
}

/** Outcome of looking for one frame at an offset; see scanDnp3LinkFrame. */
export type Dnp3LinkScan =
  | { readonly kind: 'frame'; readonly frame: Dnp3LinkFrame; readonly size: number }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'error'; readonly error: CodecError; readonly size: number };

const INCOMPLETE: Dnp3LinkScan = { kind: 'incomplete' };

/**
 * Look for a frame at bytes[offset] (which must already be 0x05 0x64) within bytes[offset, end).
 * An error's `size` says how far to move on: 1 after a bad header CRC (the start was not a real
 * frame start, so resynchronise from the next octet), the whole frame after a bad block CRC or a
 * bad length (the header was intact, so the frame's extent is known). `base` is added to error
 * offsets so that a stream parser reports stream positions.
 */
export function scanDnp3LinkFrame(
  bytes: Uint8Array,
  offset: number,
  end: number,
  base = 0,
): Dnp3LinkScan {
  if (end - offset < DNP3_LINK_HEADER_SIZE) return INCOMPLETE;
  const at = base + offset;
  // The header CRC covers start, length, control and both addresses (9.2.5).
  if (!dnp3CrcMatches(bytes, offset, offset + 8)) {
    const expected = dnp3Crc(bytes, offset, offset + 8);
    const found = (bytes[offset + 8] ?? 0) | ((bytes[offset + 9] ?? 0) << 8);
    return {
      kind: 'error',
      size: 1,
      error: dnp3Error(
        'OTS_DNP3_HEADER_CRC',
        `link header CRC 0x${hex4(found)} does not match the computed 0x${hex4(expected)}`,
        at + 8,
      ),
    };
  }
  const length = bytes[offset + 2] ?? 0;
  if (length < DNP3_MIN_LENGTH) {
    return {
      kind: 'error',
      size: DNP3_LINK_HEADER_SIZE,
      error: dnp3Error(
        'OTS_DNP3_BAD_LENGTH',
        `link length ${length} is below ${DNP3_MIN_LENGTH} (control and addresses alone take 5)`,
        at + 2,
      ),
    };
  }
  const size = dnp3FrameSize(length);
  if (end - offset < size) return INCOMPLETE;

  const userLength = length - DNP3_MIN_LENGTH;
  // Copy the blocks out without their CRCs: the transport segment is not contiguous on the wire.
  const userData = new Uint8Array(userLength);
  const blocks = Math.ceil(userLength / DNP3_BLOCK_SIZE);
  let read = offset + DNP3_LINK_HEADER_SIZE;
  let written = 0;
  for (let block = 0; block < blocks; block++) {
    const blockLength = Math.min(DNP3_BLOCK_SIZE, userLength - written);
    if (!dnp3CrcMatches(bytes, read, read + blockLength)) {
      const expected = dnp3Crc(bytes, read, read + blockLength);
      const crcAt = read + blockLength;
      const found = (bytes[crcAt] ?? 0) | ((bytes[crcAt + 1] ?? 0) << 8);
      return {
        kind: 'error',
        size,
        error: dnp3Error(
          'OTS_DNP3_BLOCK_CRC',
          `user data block ${block} of ${blocks} (${blockLength} octets at frame offset ${read - offset}): ` +
            `CRC 0x${hex4(found)} does not match the computed 0x${hex4(expected)}`,
          base + crcAt,
        ),
      };
    }
    // A plain loop: for 16 octets it beats subarray() + set(), which allocate a view per block.
    for (let i = 0; i < blockLength; i++) userData[written + i] = bytes[read + i] ?? 0;
    written += blockLength;
    read += blockLength + 2;
  }

  const control = bytes[offset + 3] ?? 0;
  const prm = (control & 0x40) !== 0;
  const functionCode = control & 0x0f;
  const frame: Dnp3LinkFrame = {
    length,
    control,
    dir: (control & 0x80) !== 0,
    prm,
    fcb: (control & 0x20) !== 0,
    fcv: prm && (control & 0x10) !== 0,
    dfc: !prm && (control & 0x10) !== 0,
    functionCode,
    function: dnp3LinkFunctionName(prm, functionCode),
    // Addresses are little-endian (9.2.4.1.4).
    destination: (bytes[offset + 4] ?? 0) | ((bytes[offset + 5] ?? 0) << 8),
    source: (bytes[offset + 6] ?? 0) | ((bytes[offset + 7] ?? 0) << 8),
    userData,
  };
  return { kind: 'frame', frame, size };
}

/** Decode a buffer that holds exactly one link frame. */
export function decodeDnp3LinkFrame(bytes: Uint8Array): Decoded<Dnp3LinkFrame> {
  if (bytes.length >= 1 && bytes[0] !== DNP3_START_1) {
    return fail(dnp3Error('OTS_DNP3_BAD_START', 'first octet is not 0x05', 0));
  }
  if (bytes.length >= 2 && bytes[1] !== DNP3_START_2) {
    return fail(dnp3Error('OTS_DNP3_BAD_START', 'second octet is not 0x64', 1));
  }
  const scan = scanDnp3LinkFrame(bytes, 0, bytes.length);
  if (scan.kind === 'error') return fail(scan.error);
  if (scan.kind === 'incomplete') {
    const need =
      bytes.length < DNP3_LINK_HEADER_SIZE
        ? DNP3_LINK_HEADER_SIZE
        : dnp3FrameSize(bytes[2] ?? DNP3_MIN_LENGTH);
    return fail(
      dnp3Error(
        'OTS_DNP3_TRUNCATED',
        `link frame needs ${need} octets, the buffer holds ${bytes.length}`,
        bytes.length,
      ),
    );
  }
  if (scan.size < bytes.length) {
    return fail(
      dnp3Error(
        'OTS_DNP3_TRAILING_BYTES',
        `${bytes.length - scan.size} octets follow the ${scan.size}-octet link frame`,
        scan.size,
      ),
    );
  }
  return ok(scan.frame);
}

/** Encode one link frame, computing the header and block CRCs. */
export function encodeDnp3LinkFrame(input: Dnp3LinkFrameInput): Decoded<Uint8Array> {
  const userData = input.userData ?? new Uint8Array(0);
  const bad =
    checkRange('function code', input.functionCode, 0x0f) ??
    checkRange('destination', input.destination, 0xffff) ??
    checkRange('source', input.source, 0xffff) ??
    checkRange('user data length', userData.length, DNP3_MAX_USER_DATA);
  if (bad !== undefined) return fail(bad);

  const length = DNP3_MIN_LENGTH + userData.length;
  const out = new Uint8Array(dnp3FrameSize(length));
  out[0] = DNP3_START_1;
  out[1] = DNP3_START_2;
  out[2] = length;
  const frameCountBit = input.prm ? input.fcv === true : input.dfc === true;
  out[3] =
    (input.dir ? 0x80 : 0) |
    (input.prm ? 0x40 : 0) |
    (input.fcb === true ? 0x20 : 0) |
    (frameCountBit ? 0x10 : 0) |
    input.functionCode;
  out[4] = input.destination & 0xff;
  out[5] = input.destination >>> 8;
  out[6] = input.source & 0xff;
  out[7] = input.source >>> 8;
  writeCrc(out, 0, 8);
  let write = DNP3_LINK_HEADER_SIZE;
  for (let read = 0; read < userData.length; read += DNP3_BLOCK_SIZE) {
    const block = userData.subarray(read, read + DNP3_BLOCK_SIZE);
    out.set(block, write);
    writeCrc(out, write, write + block.length);
    write += block.length + 2;
  }
  return ok(out);
}

function writeCrc(out: Uint8Array, start: number, end: number): void {
  const crc = dnp3Crc(out, start, end);
  out[end] = crc & 0xff;
  out[end + 1] = crc >>> 8;
}

function checkRange(field: string, value: number, max: number): CodecError | undefined {
  if (Number.isInteger(value) && value >= 0 && value <= max) return undefined;
  return dnp3Error('OTS_DNP3_ENCODE_RANGE', `${field} ${value} is outside 0..${max}`);
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}
