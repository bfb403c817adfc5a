// The incremental MBAP parser: takes a TCP byte stream in whatever slices it arrives (a frame
// split over segments, several frames in one segment) and hands out decoded ADUs.
//
// Resynchronisation policy. MBAP has no start marker and no checksum (Implementation Guide v1.0b,
// 3.1.3): the only frame boundary is the one the previous header's length field gave. Once a
// header is bad (protocol identifier not 0, length outside 2..max), no later byte can be trusted
// to start a frame, and guessing would let bytes an attacker placed inside register values be
// read as a phantom request. So the parser reports the bad header once, drops what it holds and
// everything pushed after it, and stays desynchronised until `reset()`. The gateway answers that
// error by closing the connection, as a Modbus server does with a stream it cannot frame; the
// sensor resets the parser when its TCP reassembly starts the flow anew, or, since it only
// watches, may choose `resynchronise: 'next-chunk'`: segments of Modbus/TCP nearly always start
// on an ADU boundary, so trying again at the next segment recovers a flow picked up in the middle
// of an ADU, at the risk of reporting a phantom frame that an inline gateway must not take.
// A refused PDU inside a well-framed ADU is different: its header still gives the next boundary,
// so it is reported (with the transaction and unit identifiers, for an exception response) and
// parsing goes on.
import type { CodecError } from '../errors.js';
import { u16, u8 } from './bytes.js';
import { ModbusPduError } from './errors.js';
import {
  MBAP_HEADER_LENGTH,
  checkMbapHeader,
  decodeAduAt,
  mbapMaxLength,
  type MbapOptions,
  type ModbusAdu,
} from './mbap.js';
import { decodePduAt, type Direction, type ModbusPdu } from './pdu.js';

export interface MbapParserOptions extends MbapOptions {
  /** Requests (what a client sent: the gateway's and a server's side) or responses. */
  direction: Direction;
  /**
   * After a bad header: 'reset' (the default) drops every later byte until `reset()`;
   * 'next-chunk' drops the rest of the current chunk and starts afresh with the next one.
   */
  resynchronise?: 'reset' | 'next-chunk';
  /**
   * When given, well-formed ADUs go here, as their fields, instead of to `onFrame`: no ADU object
   * per frame, for the sensor's hot path. Refused PDUs still go to `onError`.
   */
  onPdu?: (transactionId: number, unitId: number, pdu: ModbusPdu) => void;
}

export interface MbapParser {
  /**
   * Feeds the next bytes of the stream. ADUs that lie wholly in `chunk` are decoded in place:
   * their byte fields are views into `chunk`, so do not overwrite `chunk` while they are in use.
   * An ADU assembled from several chunks is copied once. Callbacks run before `push` returns;
   * they may call `reset()` but must not call `push()`.
   */
  push(chunk: Uint8Array): void;
  /** Forgets buffered bytes and a desynchronisation: the stream starts anew (a new flow). */
  reset(): void;
  /** Bytes held for an ADU not yet complete; never more than 6 + maxLength. */
  readonly buffered: number;
  /** True after a bad MBAP header, until `reset()` (or the next chunk, with 'next-chunk'). */
  readonly desynchronised: boolean;
  /** Bytes thrown away since the last bad header, so that nothing vanishes uncounted. */
  readonly droppedBytes: number;
}

export function createMbapParser(
  onFrame: (adu: ModbusAdu) => void,
  onError: (error: CodecError) => void,
  options: MbapParserOptions,
): MbapParser {
  const direction = options.direction;
  const maxLength = mbapMaxLength(options);
  const resynchroniseAtNextChunk = options.resynchronise === 'next-chunk';
  // Holds at most one partial ADU: its size is bounded by the largest length accepted.
  const pending = new Uint8Array(6 + maxLength);
  let held = 0;
  /** The size of the ADU being assembled in `pending`, 0 while its header is incomplete. */
  let needed = 0;
  let desynchronised = false;
  let droppedBytes = 0;
  /** Bumped by reset(), so a callback that resets stops the loop over the current chunk. */
  let epoch = 0;

  function desynchronise(error: CodecError, discarded: number): void {
    desynchronised = true;
    droppedBytes += discarded;
    held = 0;
    needed = 0;
    onError(error);
  }

  const onPdu = options.onPdu;

  function emit(adu: ModbusAdu | ModbusPduError): void {
    if (adu instanceof ModbusPduError) onError(adu);
    else onFrame(adu);
  }

  /** The checked ADU in `b[at, end)`, to onPdu or (as decodeAduAt decodes it) to emit. */
  function frame(b: Uint8Array, at: number, end: number): void {
    if (onPdu === undefined) {
      emit(decodeAduAt(b, at, end, direction));
      return;
    }
    const transactionId = u16(b, at);
    const unitId = u8(b, at + 6);
    const pdu = decodePduAt(b, at + MBAP_HEADER_LENGTH, end, direction);
    if (pdu instanceof ModbusPduError) {
      onError(pdu.inFrame(transactionId, unitId, MBAP_HEADER_LENGTH));
    } else {
      onPdu(transactionId, unitId, pdu);
    }
  }

  function push(chunk: Uint8Array): void {
    if (desynchronised) {
      if (!resynchroniseAtNextChunk) {
        droppedBytes += chunk.length;
        return;
      }
      desynchronised = false;
    }
    const startEpoch = epoch;
    let at = 0;
    if (held > 0) {
      // Complete the header first, then the ADU it announces.
      if (held < MBAP_HEADER_LENGTH) {
        const take = Math.min(MBAP_HEADER_LENGTH - held, chunk.length);
        pending.set(chunk.subarray(0, take), held);
        held += take;
        at = take;
        if (held < MBAP_HEADER_LENGTH) return;
        const bad = checkMbapHeader(pending, 0, maxLength);
        if (bad !== undefined) {
          desynchronise(bad, held + chunk.length - at);
          return;
        }
        needed = 6 + u16(pending, 4);
      }
      const take = Math.min(needed - held, chunk.length - at);
      pending.set(chunk.subarray(at, at + take), held);
      held += take;
      at += take;
      if (held < needed) return;
      // The assembled ADU gets its own copy: `pending` is reused for the next one.
      const adu = pending.slice(0, needed);
      held = 0;
      needed = 0;
      frame(adu, 0, adu.length);
      if (epoch !== startEpoch) return;
    }
    // The fast path: whole ADUs decoded in place, no copy.
    while (chunk.length - at >= MBAP_HEADER_LENGTH) {
      const bad = checkMbapHeader(chunk, at, maxLength);
      if (bad !== undefined) {
        desynchronise(bad, chunk.length - at);
        return;
      }
      const end = at + 6 + u16(chunk, at + 4);
      if (end > chunk.length) {
        needed = end - at;
        break;
      }
      frame(chunk, at, end);
      if (epoch !== startEpoch) return;
      at = end;
    }
    // Keep the tail: less than a header, or less than the ADU its header announced. Most chunks
    // end on an ADU boundary: skip the subarray (an allocation per segment) when nothing is left.
    held = chunk.length - at;
    if (held > 0) pending.set(chunk.subarray(at), 0);
  }

  function reset(): void {
    epoch++;
    held = 0;
    needed = 0;
    desynchronised = false;
    droppedBytes = 0;
  }

  return {
    push,
    reset,
    get buffered() {
      return held;
    },
    get desynchronised() {
      return desynchronised;
    },
    get droppedBytes() {
      return droppedBytes;
    },
  };
}
