/**
 * `npm run bench`: builds the extension into its own directory (FF_OUT_DIR,
 * default bench/.dist, so a parallel `npm test` keeps its dist/), then
 * measures it against the floor and mark.js in Chromium and Firefox ESR,
 * prints the tables, writes bench/results.json and the tables in
 * bench/README.md.
 *
 *   npm run bench                  the standard run (a few minutes)
 *   npm run bench -- --full        also mark.js on the largest pages (adds minutes)
 *   npm run bench -- --quick       10k page and seeds only, few repetitions (a smoke test)
 *   npm run bench -- --only=chromium | --only=firefox
 *   npm run bench -- --no-build    reuse the build in FF_OUT_DIR
 *   npm run bench -- --no-profile  skip the CPU-profile breakdown
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
process.env.FF_OUT_DIR ??= 'bench/.dist';
const args = process.argv.slice(2);

if (!args.includes('--no-build')) {
  console.log(`building the extension into ${process.env.FF_OUT_DIR}/ …`);
  try {
    execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: process.env,
    });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}\nthe build failed; nothing was measured`);
    process.exit(1);
  }
}

// The harness reads FF_OUT_DIR when called, so the order no longer matters; kept lazy for start-up.
const { main } = await import('./bench-main');
await main(args);
