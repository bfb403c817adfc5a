// Shared helpers of the DNP3 tests: hex vectors to bytes, and summaries to the vectors' notation.
import type { Dnp3Summary } from '../../../src/protocols/dnp3/index.js';

/** Bytes from hex written with any separators ('05 64 | 0A ...'). */
export function hex(text: string): Uint8Array {
  const digits = text.replace(/[^0-9a-fA-F]/g, '');
  return Uint8Array.from(Buffer.from(digits, 'hex'));
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts.map((part) => Buffer.from(part))));
}

/** A summary in the notation of the vectors' expectations. */
export function notation(summary: Dnp3Summary): {
  function_code: number;
  function: string;
  source: number;
  destination: number;
  objects: string[];
  iin?: string[];
  note?: string;
} {
  return {
    function_code: summary.function_code,
    function: summary.function,
    source: summary.source,
    destination: summary.destination,
    objects: summary.objects.map((object) => {
      const range =
        object.range === 'all'
          ? 'all'
          : object.start !== undefined
            ? `${object.start}-${String(object.stop)}`
            : `count ${object.count}`;
      return `g${object.group}v${object.variation} q${object.qualifier.toString(16).padStart(2, '0')} ${range}`;
    }),
    ...(summary.iin === undefined
      ? {}
      : {
          iin: Object.entries(summary.iin)
            .filter(([, set]) => set)
            .map(([bit]) => bit),
        }),
    ...(summary.note === undefined ? {} : { note: summary.note.code }),
  };
}

/** A copy of `bytes` with the bits of `mask` flipped at `at`. */
export function flip(bytes: Uint8Array, at: number, mask: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[at] = (out[at] ?? 0) ^ mask;
  return out;
}
