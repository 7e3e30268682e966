/**
 * One manifest, two builds: `TARGET=chrome|firefox vite build` writes a complete
 * unpacked extension to dist/<target>. vite-plugin-web-extension reads the
 * manifest, builds every entry it names (content scripts as classic IIFE
 * bundles) and resolves the {{chrome}}./{{firefox}}. keys.
 *
 * `npm run build` (scripts/build.ts) validates the dataset first and then runs
 * this config once per browser. `npm run dev` (scripts/dev.ts) runs it in watch
 * mode with FF_DEV=1: unminified, with sourcemaps, and the plugin opens the
 * browser through web-ext and reloads the extension after every rebuild.
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { computeBuildId } from './scripts/build-id';
import { highlightCssPlugin } from './scripts/highlight-css-plugin';
import { lazyModulesPlugin } from './scripts/lazy-modules-plugin';
import { matcherTablesPlugin } from './scripts/matcher-tables-plugin';

const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';
/** FF_OUT_DIR lets parallel jobs (a benchmark, a second test run) build without clobbering dist/. */
const outRoot = process.env.FF_OUT_DIR ?? 'dist';
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const buildId = computeBuildId();
const dev = process.env.FF_DEV === '1';
const define = { __FF_BUILD_ID__: JSON.stringify(buildId) };
const browserTargets = ['chrome120', 'firefox140'];

export default defineConfig({
  // JSX through the bundler's own transform; no Babel preset needed for Preact.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define,
  build: {
    outDir: `${outRoot}/${target}`,
    emptyOutDir: true,
    target: browserTargets,
    minify: !dev,
    // Source maps in development only: a store build ships none.
    sourcemap: dev,
    // Extensions load from disk; inlining assets only bloats the bundles.
    assetsInlineLimit: 0,
  },
  plugins: [
    matcherTablesPlugin(),
    highlightCssPlugin(target),
    lazyModulesPlugin({
      outDir: `${outRoot}/${target}`,
      define,
      minify: !dev,
      target: browserTargets,
      plugins: () => [matcherTablesPlugin()],
    }),
    webExtension({
      browser: target,
      manifest: () => ({ ...JSON.parse(readFileSync('manifest.json', 'utf8')), version: pkg.version }),
      // The plugin would fetch a JSON schema from the network; builds must work offline.
      skipManifestValidation: true,
      disableAutoLaunch: !dev || process.env.FF_DEV_LAUNCH !== '1',
      ...(dev
        ? {
            webExtConfig: {
              target: target === 'firefox' ? 'firefox-desktop' : 'chromium',
              ...(target === 'firefox' ? { firefox: process.env.FF_DEV_BINARY } : { chromiumBinary: process.env.FF_DEV_BINARY }),
              // Chromium refuses to start as root without it (the dev machines run as root).
              ...(target === 'chrome' ? { args: ['--no-sandbox'] } : {}),
              startUrl: process.env.FF_DEV_START_URL ? [process.env.FF_DEV_START_URL] : [],
            },
          }
        : {}),
    }),
  ],
});
