// Test runner settings: tests live in test/, mirror src/ by domain, and start their own peers.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Peer-backed suites (PostgreSQL, later NATS and chromium) start servers of their own.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
