// Frames encapsulation messages out of a TCP byte stream of any slicing (port 44818), with a
// bound on the length it will wait for, and decodes UDP datagrams (44818 and 2222).
import type { CodecError, Decoded } from '../errors.js';
import { u16 } from './bytes.js';
import { decodeCpf, type CpfPacket } from './cpf.js';
import {
  ENIP_HEADER_SIZE,
  ENIP_MAX_LENGTH,
  decodeEnipMessage,
  readEnipMessage,
  type EnipMessage,
} from './encapsulation.js';
import { enipError } from './errors.js';

export interface EnipParserOptions {
  /** Largest command-specific data accepted (default and ceiling 65511, CIP Vol 2 2-3.1). */
  readonly maxLength?: number;
}

export interface EnipParser {
  /** Feed the next bytes of one direction of the stream. */
  push(chunk: Uint8Array): void;
  /** The stream ended: report a partial message still held, then start afresh. */
  end(): void;
  reset(): void;
}

/**
 * Incremental encapsulation parser. Encapsulation has no start marker to resynchronise on, so a
 * message whose length exceeds the bound is reported once and its declared octets are skipped
 * without being held: the stream stays framed and memory stays bounded. A message that arrives
 * whole inside one chunk is emitted as a view into that chunk (no copy): copy what you keep if
 * the chunk's memory is reused.
 */
export function createEnipParser(
  onMessage: (message: EnipMessage) => void,
  onError: (error: CodecError) => void,
  options: EnipParserOptions = {},
): EnipParser {
  const wanted = options.maxLength ?? ENIP_MAX_LENGTH;
  // A bound that is not a number would disable the check: fall back to the ceiling.
  const maxLength = Number.isFinite(wanted)
    ? Math.min(ENIP_MAX_LENGTH, Math.max(0, Math.floor(wanted)))
    : ENIP_MAX_LENGTH;
  /** Stream offset of the next octet pushed. */
  let position = 0;
  /** A message being gathered across chunks: the header first, then the whole message. */
  let partial = new Uint8Array(ENIP_HEADER_SIZE);
  let filled = 0;
  /** Octets of an over-long message still to drop. */
  let skipping = 0;

  function push(chunk: Uint8Array): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (skipping > 0) {
        const take = Math.min(skipping, n - i);
        skipping -= take;
        i += take;
        continue;
      }
      if (filled === 0) {
        // Fast path: whole messages inside this chunk are emitted as views.
        if (n - i >= ENIP_HEADER_SIZE) {
          const length = u16(chunk, i + 2);
          if (length <= maxLength && n - i >= ENIP_HEADER_SIZE + length) {
            onMessage(readEnipMessage(chunk, i));
            i += ENIP_HEADER_SIZE + length;
            continue;
          }
        }
      }
      // Slow path: gather the header, then the message, into `partial`.
      if (filled < ENIP_HEADER_SIZE) {
        const take = Math.min(ENIP_HEADER_SIZE - filled, n - i);
        partial.set(chunk.subarray(i, i + take), filled);
        filled += take;
        i += take;
        if (filled < ENIP_HEADER_SIZE) break;
        const length = u16(partial, 2);
        const start = position + i - ENIP_HEADER_SIZE;
        if (length > maxLength) {
          onError(
            enipError(
              'OTS_ENIP_TOO_LONG',
              `encapsulation length ${length} exceeds the maximum of ${maxLength}; ` +
                `its data is skipped`,
              start + 2,
            ),
          );
          skipping = length;
          filled = 0;
          continue;
        }
        if (length > 0) {
          const whole = new Uint8Array(ENIP_HEADER_SIZE + length);
          whole.set(partial.subarray(0, ENIP_HEADER_SIZE));
          partial = whole;
        }
      }
      const size = partial.length === ENIP_HEADER_SIZE ? ENIP_HEADER_SIZE : partial.length;
      const take = Math.min(size - filled, n - i);
      partial.set(chunk.subarray(i, i + take), filled);
      filled += take;
      i += take;
      if (filled === size) {
        const message = readEnipMessage(partial, 0);
        partial = new Uint8Array(ENIP_HEADER_SIZE);
        filled = 0;
        onMessage(message);
      }
    }
    position += n;
  }

  function end(): void {
    if (filled > 0) {
      const need = filled < ENIP_HEADER_SIZE ? ENIP_HEADER_SIZE : partial.length;
      onError(
        enipError(
          'OTS_ENIP_TRUNCATED',
          `stream ended inside an encapsulation message: ${filled} of ${need} octets`,
          position - filled,
        ),
      );
    } else if (skipping > 0) {
      onError(
        enipError(
          'OTS_ENIP_TRUNCATED',
          `stream ended ${skipping} octets before the end of a skipped over-long message`,
          position,
        ),
      );
    }
    reset();
  }

  function reset(): void {
    position = 0;
    partial = new Uint8Array(ENIP_HEADER_SIZE);
    filled = 0;
    skipping = 0;
  }

  return { push, end, reset };
}

/** Decode a UDP datagram on port 44818 (ListIdentity and friends): one encapsulation message. */
export function decodeEnipDatagram(datagram: Uint8Array): Decoded<EnipMessage> {
  return decodeEnipMessage(datagram);
}

/**
 * Decode a UDP datagram on port 2222: implicit (class 0/1) I/O, which has no encapsulation
 * header, only a common packet format with a sequenced address item and connected data
 * (CIP Vol 2, 3-2.2).
 */
export function decodeEnipIoDatagram(datagram: Uint8Array): Decoded<CpfPacket> {
  return decodeCpf(datagram);
}
