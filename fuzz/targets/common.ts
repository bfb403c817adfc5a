// Pieces every protocol target uses: reading hex vectors, checking summaries, and the event log
// that compares a stream fed whole with the same stream sliced.
import type { Rng } from '../random.js';
import { Violation } from '../harness.js';

/** Bytes from hex written with any separators ('05 64 | 0A ...'). */
export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/[^0-9a-fA-F]/g, ''), 'hex'));
}

/**
 * A summary must serialise: `otsafe decode` prints it as JSON. Checked on one decode in
 * `every`, since stringifying costs more than most decodes.
 */
export function serialisable(rng: Rng, summary: unknown, every = 16): void {
  if (!rng.chance(1, every)) return;
  try {
    JSON.stringify(summary);
  } catch (error) {
    throw new Violation(
      'contract',
      `summary is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * What a parser emitted, in order, as one string: 'F' per frame or message, the code per error.
 * Two feeds of the same stream must log the same string however the stream was sliced.
 */
export class EventLog {
  text = '';
  events = 0;

  frame(mark = 'F'): void {
    this.text += mark;
    this.events++;
  }

  error(code: string): void {
    this.text += `[${code}]`;
    this.events++;
  }
}

export function sameEvents(whole: EventLog, sliced: EventLog, pushes: number): void {
  if (whole.text !== sliced.text) {
    throw new Violation(
      'slicing',
      `fed whole: ${whole.text.slice(0, 300)}; fed in ${pushes} slices: ${sliced.text.slice(0, 300)}`,
    );
  }
}
