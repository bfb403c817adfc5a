// The compact account of one DNP3 application fragment that `otsafe decode`, the sensor and the
// detection rules read: who spoke to whom, which function, which objects.
import type { Dnp3Message } from './decoder.js';
import type { Dnp3Iin } from './iin.js';
import type { Dnp3RangeType } from './object-header.js';

export interface Dnp3ObjectSummary {
  readonly group: number;
  readonly variation: number;
  readonly qualifier: number;
  readonly name: string;
  readonly range: Dnp3RangeType;
  readonly start?: number;
  readonly stop?: number;
  readonly count: number;
}

export interface Dnp3Summary {
  readonly pdu_type: 'request' | 'response';
  readonly function_code: number;
  readonly function: string;
  readonly source: number;
  readonly destination: number;
  readonly iin?: Dnp3Iin;
  readonly objects: readonly Dnp3ObjectSummary[];
  /** Set when the object walk stopped early: the error code and what it says. */
  readonly note?: { readonly code: string; readonly message: string };
}

export function summarizeDnp3(message: Dnp3Message): Dnp3Summary {
  const app = message.application;
  const objects: Dnp3ObjectSummary[] = [];
  for (const object of app.objects) {
    // Built by assignment rather than spread: this runs for every object of every fragment.
    const entry: Mutable<Dnp3ObjectSummary> = {
      group: object.group,
      variation: object.variation,
      qualifier: object.qualifier,
      name: object.name,
      range: object.range,
      count: object.count,
    };
    if (object.start !== undefined) entry.start = object.start;
    if (object.stop !== undefined) entry.stop = object.stop;
    objects.push(entry);
  }
  const summary: Mutable<Dnp3Summary> = {
    pdu_type: app.pduType,
    function_code: app.functionCode,
    function: app.function,
    source: message.source,
    destination: message.destination,
    objects,
  };
  if (app.iin !== undefined) summary.iin = app.iin;
  if (app.stop !== undefined) summary.note = { code: app.stop.code, message: app.stop.message };
  return summary;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
