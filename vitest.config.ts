import { defineConfig } from 'vitest/config';

/** Unit tests: pure logic, the store on fake-indexeddb, DOM fixtures on jsdom (per file). */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
