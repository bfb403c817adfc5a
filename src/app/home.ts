// The data directory: where the store, logs, keys and captures live. $OTSAFE_HOME, or ./.otsafe.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OtsafeError } from '../core/index.js';

export function resolveHome(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): string {
  const fromEnv = env.OTSAFE_HOME?.trim();
  return resolve(cwd, fromEnv !== undefined && fromEnv !== '' ? fromEnv : '.otsafe');
}

/**
 * Creates the data directory if missing and proves it writable by writing a file, because
 * permission bits alone lie (read-only mounts, ACLs, root-squashed NFS).
 */
export function ensureHome(dir: string): string {
  const probe = join(dir, `.write-test-${String(process.pid)}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o750 });
    mkdirSync(join(dir, 'logs'), { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (cause) {
    const errno = cause instanceof Error && 'code' in cause ? String(cause.code) : 'error';
    throw new OtsafeError(
      'OTS_HOME_NOT_WRITABLE',
      `data directory ${dir} is not writable (${errno}): set OTSAFE_HOME to a directory you can write, or fix its permissions`,
      { cause, details: { path: dir, errno } },
    );
  }
  return dir;
}
