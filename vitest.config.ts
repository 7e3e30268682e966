import { defineConfig } from 'vitest/config';

/**
 * Unit tests: pure logic, the store on fake-indexeddb, DOM fixtures on jsdom (per file).
 * Timeouts are generous because the machine may be busy (two cores shared with other runs):
 * a test fails on what it checks, never on how long the check took.
 */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/support/preact-effects.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    expect: { poll: { timeout: 10_000, interval: 20 } },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
