// The peer gate and the data directory that every peer-backed suite relies on.
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataDir, peer, REPO_ROOT } from './peers.js';

describe('peer gate', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('runs a suite whose peer is there, silently', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(peer('postgresql', true, 'found')).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('skips with one line naming the suite, the peer and the reason', () => {
    vi.stubEnv('OTSAFE_REQUIRE_PEERS', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(peer('nats-server', false, 'not on PATH')).toBe(false);
    expect(peer('nats-server', false, 'not on PATH')).toBe(false);
    expect(warn.mock.calls).toEqual([
      ['skip: test/helpers/peers.test.ts needs nats-server (not on PATH)'],
    ]);
    expect(peer('chromium', false, 'absent', 'dashboard e2e')).toBe(false);
    expect(warn).toHaveBeenLastCalledWith('skip: dashboard e2e needs chromium (absent)');
  });

  it('fails instead when OTSAFE_REQUIRE_PEERS=1', () => {
    vi.stubEnv('OTSAFE_REQUIRE_PEERS', '1');
    expect(() => peer('postgresql', false, 'initdb not found')).toThrow(
      /^skip: test\/helpers\/peers.test.ts needs postgresql \(initdb not found\); OTSAFE_REQUIRE_PEERS=1/,
    );
    expect(peer('postgresql', true, 'found')).toBe(true);
  });
});

describe('dataDir', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('defaults to ../shared/data beside the repository', () => {
    vi.stubEnv('OTSAFE_DATA', '');
    expect(dataDir()).toBe(resolve(REPO_ROOT, '..', 'shared', 'data'));
  });

  it('follows OTSAFE_DATA, relative to the repository root', () => {
    vi.stubEnv('OTSAFE_DATA', '/srv/otsafe-data');
    expect(dataDir()).toBe('/srv/otsafe-data');
    vi.stubEnv('OTSAFE_DATA', 'fixtures/data');
    expect(dataDir()).toBe(resolve(REPO_ROOT, 'fixtures/data'));
  });
});
