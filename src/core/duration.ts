// Durations as people write them in configuration and rules: 500ms, 30s, 15m, 12h, 30d, 2w.
import { OtsafeError } from './errors.js';

const UNIT_MS = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/;

export function isDuration(text: string): boolean {
  return DURATION.test(text.trim());
}

/** Parses a duration into milliseconds; throws OTS_BAD_DURATION naming the text otherwise. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim());
  const amount = match?.[1];
  const unit = match?.[2] as keyof typeof UNIT_MS | undefined;
  if (amount === undefined || unit === undefined) {
    throw new OtsafeError(
      'OTS_BAD_DURATION',
      `"${text}" is not a duration: write it as 500ms, 30s, 15m, 12h, 30d or 2w`,
      {
        details: { value: text },
      },
    );
  }
  return Math.round(Number(amount) * UNIT_MS[unit]);
}

/** Renders milliseconds in the largest unit that keeps it whole: 90000 -> "90s", 86400000 -> "1d". */
export function formatDuration(ms: number): string {
  const units = Object.entries(UNIT_MS).reverse() as [keyof typeof UNIT_MS, number][];
  for (const [unit, size] of units) {
    if (ms !== 0 && ms % size === 0) return `${String(ms / size)}${unit}`;
  }
  return `${String(ms)}ms`;
}
