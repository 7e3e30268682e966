/**
 * `npm run dev [-- firefox] [-- --no-browser]`: a watch build for development. Checks the dataset
 * once, serves the demo article on 127.0.0.1, then runs `vite build --watch` for one browser
 * (Chromium by default) into dist/<target> with sourcemaps and no minification; the build plugin
 * opens the browser with the extension through web-ext and reloads the extension after every
 * rebuild. Without a display (or with --no-browser) it only rebuilds: load dist/<target> by hand.
 * Never used by the tests. Stop with Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { rawDataset } from '../src/data/index';
import { validateDataset } from '../src/shared/dataset-checks';
import { findBinary, type BrowserName } from '../tooling/browsers';
import { startServer } from '../tooling/server';

const name: BrowserName = process.argv.includes('firefox') ? 'firefox' : 'chromium';
const target = name === 'firefox' ? 'firefox' : 'chrome';
const launch = !process.argv.includes('--no-browser') && Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const report = validateDataset(rawDataset);
for (const e of report.errors) console.error(`dataset: ${e}`);
if (report.errors.length > 0) console.error('The dataset is invalid: the extension builds, but fix it before `npm run build`.');

const server = await startServer();
const demo = server.url('/demo/');
console.log(`demo article: ${demo}`);
console.log(
  launch
    ? `watching src/: ${name} opens with the extension and reloads it after each rebuild`
    : `watching src/: rebuilds ${process.env.FF_OUT_DIR ?? 'dist'}/${target} on each change (no browser: load it by hand)`,
);

const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--watch', '--config', 'vite.config.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    TARGET: target,
    FF_DEV: '1',
    FF_DEV_LAUNCH: launch ? '1' : '0',
    FF_DEV_BINARY: findBinary(name),
    FF_DEV_START_URL: demo,
  },
});
const stop = () => {
  vite.kill('SIGINT');
  void server.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', (code) => {
  void server.close();
  process.exit(code ?? 0);
});
