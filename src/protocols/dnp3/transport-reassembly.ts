// Reassembles application fragments from transport segments, per link (source, destination
// pair), following the receive rules of IEEE 1815-2012, 8.2.1.2, with bounded memory.
import type { CodecError } from '../errors.js';
import { dnp3Error } from './errors.js';
import type { Dnp3LinkFrame } from './link-frame.js';

/** The default largest fragment accepted; IEEE 1815-2012 suggests 2048 as a typical size. */
export const DNP3_DEFAULT_MAX_FRAGMENT_SIZE = 2048;
/** The default number of links with a fragment in progress at once. */
export const DNP3_DEFAULT_MAX_LINKS = 64;

export interface Dnp3ReassemblyOptions {
  /** Largest application fragment accepted, in octets (default 2048). */
  readonly maxFragmentSize?: number;
  /** Links with a fragment in progress at once; the oldest is dropped beyond it (default 64). */
  readonly maxLinks?: number;
}

/** A whole application fragment and the link it came over. */
export interface Dnp3Fragment {
  readonly source: number;
  readonly destination: number;
  /** DIR bit of the frames: set when the master sent it. */
  readonly dir: boolean;
  /** The application fragment: header and objects. */
  readonly data: Uint8Array;
  /** How many transport segments (link frames) it took. */
  readonly segments: number;
}

export interface Dnp3TransportReassembler {
  /** Feed a link frame; link-only frames (no user data) are ignored. */
  push(frame: Dnp3LinkFrame): void;
  /** The stream ended: report each fragment in progress as abandoned, then forget it. */
  end(): void;
  /** Forget every fragment in progress without reporting it. */
  reset(): void;
}

interface LinkState {
  buffer: Uint8Array;
  length: number;
  nextSeq: number;
  segments: number;
  /** Set after an overlong fragment: continuation segments are dropped until the next FIR. */
  discarding: boolean;
}

/** Primary link functions that carry user data: CONFIRMED_USER_DATA and UNCONFIRMED_USER_DATA. */
function carriesUserData(frame: Dnp3LinkFrame): boolean {
  return frame.prm && (frame.functionCode === 3 || frame.functionCode === 4);
}

/** A positive whole bound; one that is not a number would disable the check, so it falls back. */
function bound(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : fallback;
}

export function createDnp3TransportReassembler(
  onFragment: (fragment: Dnp3Fragment) => void,
  onError: (error: CodecError) => void,
  options: Dnp3ReassemblyOptions = {},
): Dnp3TransportReassembler {
  const maxFragmentSize = bound(options.maxFragmentSize, DNP3_DEFAULT_MAX_FRAGMENT_SIZE);
  const maxLinks = bound(options.maxLinks, DNP3_DEFAULT_MAX_LINKS);
  // Map keeps insertion order, so the first key is the link that waited longest.
  const links = new Map<number, LinkState>();

  function linkName(source: number, destination: number): string {
    return `link ${source}->${destination}`;
  }

  function abandon(key: number, state: LinkState, why: string): void {
    links.delete(key);
    if (state.discarding) return;
    onError(
      dnp3Error(
        'OTS_DNP3_FRAGMENT_ABANDONED',
        `${linkName(Math.floor(key / 0x10000), key % 0x10000)}: fragment of ${state.length} octets ` +
          `in ${state.segments} segments dropped before its FIN: ${why}`,
      ),
    );
  }

  function push(frame: Dnp3LinkFrame): void {
    if (frame.userData.length === 0) {
      if (carriesUserData(frame)) {
        onError(
          dnp3Error(
            'OTS_DNP3_EMPTY_SEGMENT',
            `${linkName(frame.source, frame.destination)}: ${frame.function} frame without a transport header`,
          ),
        );
      }
      return;
    }
    if (!carriesUserData(frame)) {
      onError(
        dnp3Error(
          'OTS_DNP3_UNEXPECTED_USER_DATA',
          `${linkName(frame.source, frame.destination)}: ${frame.userData.length} user data octets ` +
            `in a ${frame.prm ? 'primary' : 'secondary'} ${frame.function} frame were ignored`,
        ),
      );
      return;
    }
    // The transport header (8.2.1.1), read in place: this runs for every frame.
    const header = frame.userData[0] ?? 0;
    const segment = {
      fin: (header & 0x80) !== 0,
      fir: (header & 0x40) !== 0,
      seq: header & 0x3f,
      payload: frame.userData.subarray(1),
    };
    const key = frame.source * 0x10000 + frame.destination;
    let state = links.get(key);

    if (segment.fir) {
      if (state !== undefined && (state.length > 0 || state.discarding)) {
        abandon(key, state, 'a new FIR segment arrived');
        state = undefined;
      }
      if (segment.fin) {
        // The common case, one segment per fragment: no copy.
        links.delete(key);
        deliver(frame, segment.payload, 1);
        return;
      }
    } else if (state === undefined) {
      onError(
        dnp3Error(
          'OTS_DNP3_NO_FIRST_SEGMENT',
          `${linkName(frame.source, frame.destination)}: segment seq ${segment.seq} without FIR ` +
            `and no fragment in progress was dropped`,
        ),
      );
      return;
    } else if (state.discarding) {
      if (segment.fin) links.delete(key);
      return;
    } else if (segment.seq !== state.nextSeq) {
      links.delete(key);
      onError(
        dnp3Error(
          'OTS_DNP3_OUT_OF_SEQUENCE',
          `${linkName(frame.source, frame.destination)}: segment seq ${segment.seq} where ` +
            `${state.nextSeq} was expected; the fragment in progress (${state.length} octets) is dropped`,
        ),
      );
      return;
    }

    if (state === undefined) {
      if (links.size >= maxLinks) {
        const oldest = links.keys().next();
        if (!oldest.done) {
          const oldestState = links.get(oldest.value);
          if (oldestState !== undefined) {
            abandon(oldest.value, oldestState, `more than ${maxLinks} links at once`);
          }
        }
      }
      state = {
        buffer: new Uint8Array(Math.min(maxFragmentSize, 512)),
        length: 0,
        nextSeq: 0,
        segments: 0,
        discarding: false,
      };
      links.set(key, state);
    }

    const length = state.length + segment.payload.length;
    if (length > maxFragmentSize) {
      onError(
        dnp3Error(
          'OTS_DNP3_FRAGMENT_TOO_LONG',
          `${linkName(frame.source, frame.destination)}: fragment reaches ${length} octets, above ` +
            `the maximum of ${maxFragmentSize}; it is dropped up to the next FIR segment`,
        ),
      );
      state.discarding = true;
      state.length = 0;
      state.buffer = new Uint8Array(0);
      if (segment.fin) links.delete(key);
      return;
    }
    if (length > state.buffer.length) {
      const grown = new Uint8Array(
        Math.min(maxFragmentSize, Math.max(length, state.buffer.length * 2)),
      );
      grown.set(state.buffer.subarray(0, state.length));
      state.buffer = grown;
    }
    state.buffer.set(segment.payload, state.length);
    state.length = length;
    state.segments += 1;
    state.nextSeq = (segment.seq + 1) & 0x3f;
    if (segment.fin) {
      links.delete(key);
      deliver(frame, state.buffer.subarray(0, state.length), state.segments);
    }
  }

  function deliver(frame: Dnp3LinkFrame, data: Uint8Array, segments: number): void {
    onFragment({
      source: frame.source,
      destination: frame.destination,
      dir: frame.dir,
      data,
      segments,
    });
  }

  function end(): void {
    for (const [key, state] of [...links]) abandon(key, state, 'the stream ended');
    links.clear();
  }

  function reset(): void {
    links.clear();
  }

  return { push, end, reset };
}
