// Finds DNP3 link frames in a byte stream of any slicing (DNP3 over TCP, IEEE 1815-2012 Annex E)
// and in UDP datagrams that carry one or more whole frames.
import type { CodecError } from '../errors.js';
import { dnp3Error } from './errors.js';
import {
  DNP3_LINK_HEADER_SIZE,
  DNP3_START_1,
  DNP3_START_2,
  dnp3FrameSize,
  scanDnp3LinkFrame,
  type Dnp3LinkFrame,
} from './link-frame.js';

export interface Dnp3LinkParser {
  /** Feed the next bytes of the stream; frames and errors go to the sinks before it returns. */
  push(chunk: Uint8Array): void;
  /** The stream ended: report a partial frame or skipped bytes still held, then start afresh. */
  end(): void;
  /** Forget everything held (a new connection), without reporting it. */
  reset(): void;
}

/**
 * Incremental link-frame parser for one direction of a TCP stream. After garbage it
 * resynchronises on the next 0x05 0x64 and reports the skipped run as one OTS_DNP3_SKIPPED_BYTES
 * error (stream offset and count) when the next frame start is found, or at end(), so the same
 * stream gives the same errors however it is sliced. At most one frame less an octet (291) is
 * held between pushes.
 */
export function createDnp3LinkParser(
  onFrame: (frame: Dnp3LinkFrame) => void,
  onError: (error: CodecError) => void,
): Dnp3LinkParser {
  let pending: Uint8Array = new Uint8Array(0);
  /** Stream offset of pending[0]. */
  let position = 0;
  let skipStart = -1;
  let skipCount = 0;

  function flushSkipped(): void {
    if (skipCount === 0) return;
    onError(
      dnp3Error(
        'OTS_DNP3_SKIPPED_BYTES',
        `${skipCount} octets skipped before the start bytes 0x05 0x64`,
        skipStart,
      ),
    );
    skipCount = 0;
    skipStart = -1;
  }

  function skip(from: number, count: number): void {
    if (skipCount === 0) skipStart = from;
    skipCount += count;
  }

  function push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    let buf: Uint8Array;
    if (pending.length === 0) {
      buf = chunk;
    } else {
      buf = new Uint8Array(pending.length + chunk.length);
      buf.set(pending, 0);
      buf.set(chunk, pending.length);
    }
    const base = position;
    const n = buf.length;
    let i = 0;
    while (i < n) {
      // Resynchronise: the frame start is 0x05 0x64 (9.2.4.1.1).
      if (buf[i] !== DNP3_START_1 || (i + 1 < n && buf[i + 1] !== DNP3_START_2)) {
        let next = i + 1;
        for (;;) {
          next = buf.indexOf(DNP3_START_1, next);
          if (next < 0) {
            next = n;
            break;
          }
          if (next + 1 >= n || buf[next + 1] === DNP3_START_2) break;
          next++;
        }
        skip(base + i, next - i);
        i = next;
        continue;
      }
      if (i + 1 >= n) break; // a lone 0x05 at the end: wait for the next octet
      const scan = scanDnp3LinkFrame(buf, i, n, base);
      if (scan.kind === 'incomplete') break;
      if (scan.kind === 'frame') {
        flushSkipped();
        i += scan.size;
        onFrame(scan.frame);
      } else if (scan.error.code === 'OTS_DNP3_HEADER_CRC') {
        // Not a real frame start: report it, then count it with the octets skipped to the next.
        onError(scan.error);
        skip(base + i, 1);
        i += 1;
      } else {
        flushSkipped();
        i += scan.size;
        onError(scan.error);
      }
    }
    // Copy the tail so that the caller's buffer may be reused; it is shorter than one frame.
    pending = i >= n ? new Uint8Array(0) : buf.slice(i);
    position = base + i;
  }

  function end(): void {
    flushSkipped();
    if (pending.length > 0) {
      const need =
        pending.length < DNP3_LINK_HEADER_SIZE
          ? DNP3_LINK_HEADER_SIZE
          : dnp3FrameSize(pending[2] ?? DNP3_LINK_HEADER_SIZE);
      onError(
        dnp3Error(
          'OTS_DNP3_TRUNCATED',
          `stream ended inside a link frame: ${pending.length} of ${need} octets`,
          position,
        ),
      );
    }
    reset();
  }

  function reset(): void {
    pending = new Uint8Array(0);
    position = 0;
    skipStart = -1;
    skipCount = 0;
  }

  return { push, end, reset };
}

export interface Dnp3Datagram {
  readonly frames: Dnp3LinkFrame[];
  readonly errors: CodecError[];
}

/**
 * Decode one UDP datagram (IEEE 1815-2012 Annex E): one or more whole link frames. Anything that
 * does not form a frame is reported, with offsets within the datagram.
 */
export function decodeDnp3Datagram(datagram: Uint8Array): Dnp3Datagram {
  const frames: Dnp3LinkFrame[] = [];
  const errors: CodecError[] = [];
  const parser = createDnp3LinkParser(
    (frame) => frames.push(frame),
    (error) => errors.push(error),
  );
  parser.push(datagram);
  parser.end();
  return { frames, errors };
}
