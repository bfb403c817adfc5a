// TPKT (RFC 1006, 6): the 4-byte framing that carries ISO transport TPDUs over TCP port 102, as a
// one-shot decoder, an encoder and an incremental stream parser that accepts any slicing.
import type { CodecError, Decoded } from '../errors.js';
import { fail, ok } from '../errors.js';
import { s7Error } from './errors.js';

/** Version byte of every TPKT header (RFC 1006, 6: "vrsn 8 bits This field is always 3"). */
export const TPKT_VERSION = 3;
/** Size of the TPKT header: version, reserved, 16-bit length. */
export const TPKT_HEADER_LENGTH = 4;
/** Smallest useful packet: the header plus a 3-byte COTP DT header. */
export const TPKT_MIN_LENGTH = 7;
/** The length field is 16 bits, so no packet is longer (RFC 1006 allows up to 65531 octets of TPDU). */
export const TPKT_MAX_LENGTH = 65535;

/** One TPKT packet: its total length (header included) and the TPDU it carries. */
export interface TpktPacket {
  length: number;
  /** The COTP TPDU: a view into the input, not a copy. */
  payload: Uint8Array;
}

function checkHeader(
  version: number,
  reserved: number,
  length: number,
  maxLength: number,
  offset: number,
): CodecError | undefined {
  // RFC 1006, 6: vrsn is always 3, reserved is 0, packet length counts the header too.
  if (version !== TPKT_VERSION) {
    return s7Error('OTS_S7COMM_TPKT_BAD_VERSION', `TPKT version ${version}, expected 3`, offset);
  }
  if (reserved !== 0) {
    return s7Error(
      'OTS_S7COMM_TPKT_BAD_RESERVED',
      `TPKT reserved byte ${reserved}, expected 0`,
      offset,
    );
  }
  if (length < TPKT_MIN_LENGTH || length > maxLength) {
    return s7Error(
      'OTS_S7COMM_TPKT_BAD_LENGTH',
      `TPKT length ${length} outside ${TPKT_MIN_LENGTH}..${maxLength}`,
      offset + 2,
    );
  }
  return undefined;
}

/** The first TPKT packet of `bytes` (bytes after it are ignored; `length` tells where it ends). */
export function decodeTpkt(bytes: Uint8Array, maxLength = TPKT_MAX_LENGTH): Decoded<TpktPacket> {
  if (bytes.length < TPKT_HEADER_LENGTH) {
    return fail(
      s7Error('OTS_S7COMM_TPKT_TRUNCATED', `${bytes.length} bytes, TPKT header needs 4`, 0),
    );
  }
  const length = ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  const error = checkHeader(bytes[0] ?? 0, bytes[1] ?? 0, length, maxLength, 0);
  if (error) return fail(error);
  if (bytes.length < length) {
    return fail(
      s7Error(
        'OTS_S7COMM_TPKT_TRUNCATED',
        `TPKT declares ${length} bytes, ${bytes.length} present`,
        0,
      ),
    );
  }
  return ok({ length, payload: bytes.subarray(TPKT_HEADER_LENGTH, length) });
}

/** A TPKT packet around `tpdu`. A TPDU longer than 65531 bytes cannot be framed: it is cut. */
export function encodeTpkt(tpdu: Uint8Array): Uint8Array {
  const body = tpdu.length > TPKT_MAX_LENGTH - 4 ? tpdu.subarray(0, TPKT_MAX_LENGTH - 4) : tpdu;
  const length = body.length + TPKT_HEADER_LENGTH;
  const out = new Uint8Array(length);
  out[0] = TPKT_VERSION;
  out[1] = 0;
  out[2] = length >>> 8;
  out[3] = length & 0xff;
  out.set(body, TPKT_HEADER_LENGTH);
  return out;
}

export interface TpktParserOptions {
  /** Largest packet accepted, 7..65535 (default 65535); a longer length field is an error. */
  maxLength?: number;
}

export interface TpktParser {
  /** Feed the next bytes of the stream, any slicing. */
  push(chunk: Uint8Array): void;
  /** Report a packet left unfinished (OTS_S7COMM_TPKT_TRUNCATED) and start afresh. */
  end(): void;
  /** Forget any partial packet. */
  reset(): void;
  /** Bytes held for an unfinished packet (at most the maximum length). */
  readonly buffered: number;
}

/**
 * An incremental TPKT parser. `onPacket` receives each TPDU: a view into the pushed chunk when
 * the packet lies inside one chunk, else a fresh buffer; copy it if you keep it after reusing the
 * chunk. A bad header is reported once, then the parser skips byte by byte to the next plausible
 * header (03 00, length in range) and reports how many bytes it skipped.
 */
export function createTpktParser(
  onPacket: (tpdu: Uint8Array) => void,
  onError: (error: CodecError) => void,
  options: TpktParserOptions = {},
): TpktParser {
  const maxLength = Math.min(
    TPKT_MAX_LENGTH,
    Math.max(TPKT_MIN_LENGTH, Math.floor(options.maxLength ?? TPKT_MAX_LENGTH)),
  );
  const head = new Uint8Array(TPKT_HEADER_LENGTH);
  let headLength = 0;
  let body: Uint8Array | null = null;
  let bodyLength = 0;
  let skipping = false;
  let skipped = 0;
  /** Stream offset of the first byte of the current chunk, for error offsets. */
  let base = 0;

  /** Whether a header is acceptable; reports the first bad one and counts skipped bytes. */
  function accept(version: number, reserved: number, length: number, at: number): boolean {
    // While resynchronising, test the bytes first and build an error only for the first bad
    // header: junk on port 102 would otherwise cost an Error per byte (about 300 ns each).
    const plausible =
      version === TPKT_VERSION &&
      reserved === 0 &&
      length >= TPKT_MIN_LENGTH &&
      length <= maxLength;
    if (plausible) {
      if (skipping) {
        onError(
          s7Error('OTS_S7COMM_TPKT_SKIPPED_BYTES', `skipped ${skipped} bytes to resynchronise`, at),
        );
        skipping = false;
        skipped = 0;
      }
      return true;
    }
    if (!skipping) {
      onError(checkHeader(version, reserved, length, maxLength, at) as CodecError);
      skipping = true;
    }
    skipped++;
    return false;
  }

  function push(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (body !== null) {
        const take = Math.min(body.length - bodyLength, n - i);
        body.set(chunk.subarray(i, i + take), bodyLength);
        bodyLength += take;
        i += take;
        if (bodyLength === body.length) {
          const tpdu = body;
          body = null;
          bodyLength = 0;
          onPacket(tpdu);
        }
        continue;
      }
      if (headLength === 0 && n - i >= TPKT_HEADER_LENGTH) {
        // Fast path: the header lies in this chunk, and often the whole packet does too.
        const length = ((chunk[i + 2] ?? 0) << 8) | (chunk[i + 3] ?? 0);
        if (!accept(chunk[i] ?? 0, chunk[i + 1] ?? 0, length, base + i)) {
          i++;
          continue;
        }
        if (n - i >= length) {
          const tpdu = chunk.subarray(i + TPKT_HEADER_LENGTH, i + length);
          i += length;
          onPacket(tpdu);
          continue;
        }
        body = new Uint8Array(length - TPKT_HEADER_LENGTH);
        bodyLength = 0;
        i += TPKT_HEADER_LENGTH;
        continue;
      }
      head[headLength++] = chunk[i++] ?? 0;
      if (headLength < TPKT_HEADER_LENGTH) continue;
      const length = ((head[2] ?? 0) << 8) | (head[3] ?? 0);
      if (!accept(head[0] ?? 0, head[1] ?? 0, length, base + i - TPKT_HEADER_LENGTH)) {
        head.copyWithin(0, 1, TPKT_HEADER_LENGTH);
        headLength = TPKT_HEADER_LENGTH - 1;
        continue;
      }
      headLength = 0;
      body = new Uint8Array(length - TPKT_HEADER_LENGTH);
      bodyLength = 0;
    }
    base += n;
  }

  function reset(): void {
    headLength = 0;
    body = null;
    bodyLength = 0;
    skipping = false;
    skipped = 0;
  }

  function end(): void {
    const held = headLength + bodyLength + (body === null ? 0 : TPKT_HEADER_LENGTH);
    if (skipping) {
      onError(
        s7Error('OTS_S7COMM_TPKT_SKIPPED_BYTES', `skipped ${skipped} bytes at end of stream`),
      );
    }
    if (held > 0 || body !== null) {
      onError(
        s7Error(
          'OTS_S7COMM_TPKT_TRUNCATED',
          `stream ended inside a TPKT packet (${held} bytes held)`,
        ),
      );
    }
    reset();
  }

  return {
    push,
    end,
    reset,
    get buffered() {
      return headLength + bodyLength;
    },
  };
}
