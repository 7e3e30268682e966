/**
 * `npx tsx bench/feed-ab.ts <dir> [<dir>…] [--runs=N] [--seconds=S]`: only the live feed, in Chromium,
 * without the extension and with each given build (a directory holding chrome/), runs interleaved
 * in one process: for comparing variants of the content script side by side on a busy machine.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { startServer } from '../tooling/server';
import type { ArmId } from './arms';
import { launchBenchChromium, type BenchChromium } from './chromium-browser';
import { measureFeed } from './feed';
import { benchRoute, FEED_PATH } from './routes';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const dirs = args.filter((a) => !a.startsWith('--'));
const server = await startServer([benchRoute]);
const arms: BenchChromium[] = [];
try {
  arms.push(await launchBenchChromium({ id: 'none', dir: null }));
  // Arm ids are labels here: the directory's last part names the variant.
  for (const dir of dirs)
    arms.push(await launchBenchChromium({ id: dir.split('/').filter(Boolean).pop() as ArmId, dir: resolve(dir, 'chrome') }));
  console.log(
    `load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
  const m = await measureFeed(arms, server.url(FEED_PATH), { runs: opt('runs', 3), seconds: opt('seconds', 10) }, console.log);
  const none = m.task.none!.median;
  for (const a of arms) {
    const id = a.spec.id;
    const runs = m.runs.filter((r) => r.arm === id);
    console.log(
      `${id.padEnd(12)} task median ${m.task[id]!.median.toFixed(0)} ms (${runs.map((r) => r.taskMs.toFixed(0)).join(', ')})  ÷none ${(m.task[id]!.median / none).toFixed(2)}  script ${m.script[id]!.median.toFixed(0)} style ${m.style[id]!.median.toFixed(0)} layout ${m.layout[id]!.median.toFixed(0)}  stale ${runs.map((r) => r.check.stale).join('/')} missed ${runs.map((r) => r.check.missed).join('/')}`,
    );
  }
  console.log(
    `load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
} finally {
  for (const a of arms) await a.close();
  await server.close();
}
