import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

/**
 * The browser tier: unit tests of the content script's DOM code in real Chromium (Debian's, never
 * a downloaded one), for what jsdom cannot judge: layout, CSS.highlights, caretPositionFromPoint,
 * MutationObserver timing, checkVisibility. Waits are conditions (expect.poll) or a fake clock.
 */
export default defineConfig({
  // Its own cache per output dir, so two runs at once (FF_OUT_DIR) do not rewrite each other's.
  cacheDir: process.env.FF_OUT_DIR ? `${process.env.FF_OUT_DIR}/.vite-browser` : 'node_modules/.vite-browser',
  // Bundled before the first test: found mid-run, a dependency makes Vite reload the test page.
  optimizeDeps: {
    include: ['preact', 'preact/hooks', 'preact/jsx-runtime', 'zod', 'zod/mini', 'webextension-polyfill'],
  },
  test: {
    include: ['tests/browser/**/*.test.ts', 'tests/browser/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    expect: { poll: { timeout: 10_000, interval: 20 } },
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
        },
      }),
      instances: [{ browser: 'chromium' }],
      viewport: { width: 1000, height: 800 },
    },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
});
