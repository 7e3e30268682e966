/**
 * The live feed (tooling/feed-page.ts): 20 paragraphs appended every 100 ms,
 * the 20 oldest removed. The page's renderer main-thread time over the run
 * (CDP Performance.getMetrics: every task, with script, style and layout
 * apart; the rest is mostly paint and compositing inputs) with the extension
 * and without it, runs interleaved; then whether the highlights are right:
 * every paragraph that names a subject marked, no range left on removed text.
 */
import type { ArmId } from './arms';
import type { BenchChromium } from './chromium-browser';
import { readyPass } from './in-page';
import { summarize, type Summary } from './stats';
import type { FeedCheck } from '../tooling/feed-page';

export interface FeedRun {
  arm: ArmId;
  ticks: number;
  taskMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  check: FeedCheck;
}

export interface FeedMeasurements {
  seconds: number;
  runs: FeedRun[];
  /** Main-thread task time per arm (ms over the run). */
  task: Partial<Record<ArmId, Summary>>;
  script: Partial<Record<ArmId, Summary>>;
  style: Partial<Record<ArmId, Summary>>;
  layout: Partial<Record<ArmId, Summary>>;
}

type Metrics = Record<string, number>;

async function metrics(cdp: Awaited<ReturnType<BenchChromium['cdp']>>): Promise<Metrics> {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export async function measureFeed(
  arms: BenchChromium[],
  url: string,
  o: { runs: number; seconds: number },
  log: (line: string) => void,
): Promise<FeedMeasurements> {
  const runs: FeedRun[] = [];
  for (let rep = 0; rep < o.runs; rep++) {
    for (const arm of rep % 2 ? [...arms].reverse() : arms) {
      const page = await arm.open({ observe: false, hover: false });
      try {
        await page.goto(url, { waitUntil: 'load' });
        if (arm.spec.id !== 'none') await page.evaluate(readyPass, 30_000);
        await page.waitForTimeout(500);
        const cdp = await arm.cdp(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        const before = await metrics(cdp);
        const ticks = await page.evaluate(
          (ms) => (globalThis as unknown as { __feed: { run(ms: number): Promise<number> } }).__feed.run(ms),
          o.seconds * 1000,
        );
        // Work the last batches left behind (an idle callback) belongs to the run.
        await page.waitForTimeout(400);
        const after = await metrics(cdp);
        const check = await page.evaluate(() => (globalThis as unknown as { __feed: { check(): FeedCheck } }).__feed.check());
        await cdp.detach();
        const d = (name: string) => ((after[name] ?? NaN) - (before[name] ?? NaN)) * 1000;
        runs.push({
          arm: arm.spec.id,
          ticks,
          taskMs: d('TaskDuration'),
          scriptMs: d('ScriptDuration'),
          styleMs: d('RecalcStyleDuration'),
          layoutMs: d('LayoutDuration'),
          check,
        });
        const r = runs[runs.length - 1]!;
        log(
          `chromium feed ${arm.spec.id.padEnd(4)} run ${rep + 1}: tasks ${r.taskMs.toFixed(0)} ms (script ${r.scriptMs.toFixed(0)}, style ${r.styleMs.toFixed(0)}, layout ${r.layoutMs.toFixed(0)}) ` +
            `marks ${check.live}/${check.expected}, stale ${check.stale}`,
        );
      } finally {
        await page.close();
      }
    }
  }
  const per = (pick: (r: FeedRun) => number) =>
    Object.fromEntries(arms.map((a) => [a.spec.id, summarize(runs.filter((r) => r.arm === a.spec.id).map(pick))]));
  return {
    seconds: o.seconds,
    runs,
    task: per((r) => r.taskMs),
    script: per((r) => r.scriptMs),
    style: per((r) => r.styleMs),
    layout: per((r) => r.layoutMs),
  };
}
