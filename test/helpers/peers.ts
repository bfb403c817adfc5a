// Gates for suites that need a real peer (PostgreSQL, NATS, chromium): they skip with one line
// saying why, unless OTSAFE_REQUIRE_PEERS=1, where a missing peer fails the run (CI sets it).
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in test/helpers/. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** True when OTSAFE_REQUIRE_PEERS=1: every peer-dependent suite must run. */
export function peersRequired(): boolean {
  return process.env.OTSAFE_REQUIRE_PEERS === '1';
}

const announced = new Set<string>();

/**
 * Whether a suite that needs `name` should run: use as `describe.skipIf(!peer(...))`. When the
 * peer is missing it prints one line, `skip: <suite> needs <peer> (<reason>)`, and returns false;
 * with OTSAFE_REQUIRE_PEERS=1 it throws instead, so the test file fails. The suite is the calling
 * test file, unless given.
 */
export function peer(name: string, available: boolean, reason: string, suite?: string): boolean {
  if (available) return true;
  const who = suite ?? callerFile() ?? 'a test suite';
  const line = `skip: ${who} needs ${name} (${reason})`;
  if (peersRequired()) {
    throw new Error(`${line}; OTSAFE_REQUIRE_PEERS=1 demands every peer`);
  }
  if (!announced.has(line)) {
    announced.add(line);
    console.warn(line);
  }
  return false;
}

/** The first file on the stack outside this one, relative to the repository root. */
function callerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  for (const frame of (new Error().stack ?? '').split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?\/[^():]+):\d+:\d+\)?$/.exec(frame.trim());
    const raw = match?.[1];
    if (raw === undefined) continue;
    const file = raw.startsWith('file://') ? fileURLToPath(raw) : raw;
    if (file !== here && !file.includes('node_modules')) return relative(REPO_ROOT, file);
  }
  return undefined;
}

/**
 * The shared data directory (captures, sample configurations, peer fixtures): OTSAFE_DATA if set,
 * else ../shared/data next to the repository. Relative values are taken from the repository root.
 */
export function dataDir(): string {
  const configured = process.env.OTSAFE_DATA;
  if (configured !== undefined && configured !== '') {
    return isAbsolute(configured) ? configured : resolve(REPO_ROOT, configured);
  }
  return resolve(REPO_ROOT, '..', 'shared', 'data');
}

/** A path inside dataDir(), and whether it is there: for `peer('sample data', ...)`. */
export function dataFile(...parts: string[]): { path: string; exists: boolean } {
  const path = resolve(dataDir(), ...parts);
  return { path, exists: existsSync(path) };
}
