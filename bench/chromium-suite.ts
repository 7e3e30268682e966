/**
 * Everything measured in Chromium, one browser process per arm (arms.ts): per
 * page the loads in fresh tabs and in the same tab (start → ready, the page's
 * own DOMContentLoaded and load, long tasks, added elements, retained heap),
 * the floor walk and mark.js in the extension-free arm, and one traced load
 * with the extension (every task's length); then hover cost, infinite-scroll
 * latency and the live feed.
 */
import type { Page } from 'playwright-core';
import type { ArmId, ArmSpec } from './arms';
import { launchBenchChromium, type BenchChromium } from './chromium-browser';
import { measureFeed, type FeedMeasurements } from './feed';
import { hoverPlan, markJsPass, readyPass, scrollPass, takeHoverSample, type HoverSample, type MarkJsResult } from './in-page';
import { loadRuns, summarizeLoads, type LoadSummary } from './load-runs';
import { makeScrollBatch, SCROLL_BATCH_NODES, SCROLL_INTERVAL_MS } from '../tooling/synthetic-pages';
import { FEED_PATH, MARKJS_PATH, SCROLL_PATH, type BenchPageInfo } from './routes';
import { percentiles, summarize, type Summary } from './stats';
import { analyseTrace, startTrace, type TraceAnalysis } from './trace';
import type { MarkJsInput, Plan } from './plan';

/** One arm's loads of one page, fresh tabs and same tab. */
export interface ArmPageLoads {
  fresh: LoadSummary;
  same: LoadSummary;
  /** Retained JS heap after GC (whole renderer isolate: the page's world and any isolated world), KiB, fresh tabs. */
  heap: Summary;
}

export interface LoadMeasurements {
  page: BenchPageInfo;
  textNodes: number;
  /** The bare in-page TreeWalker pass (extension-free arm, after load). */
  floor: Summary;
  markRegExp: Summary | null;
  mark: Summary | null;
  markCounts: { mark?: number; markRegExp?: number };
  arms: Partial<Record<ArmId, ArmPageLoads>>;
  trace?: TraceAnalysis;
  /** Per arm with a content script, the task that injected it (one traced fresh-tab load each). */
  injections?: Partial<Record<ArmId, { ms: number; beforeStartMs: number }>>;
  crossOriginIsolated: boolean;
}

export interface HoverMeasurements {
  page: string;
  moves: number;
  withExtension: { dispatch: ReturnType<typeof percentiles>; frame: ReturnType<typeof percentiles>; total: ReturnType<typeof percentiles> };
  without: { dispatch: ReturnType<typeof percentiles>; frame: ReturnType<typeof percentiles>; total: ReturnType<typeof percentiles> };
  elementsAdded: number;
}

export interface ScrollMeasurements {
  batches: number;
  nodesPerBatch: number;
  intervalMs: number;
  runs: number;
  latency: ReturnType<typeof percentiles>;
  /** Insertion → the first frame that lays the batch out, with the extension and without (the floor). */
  firstFrame: { withExtension: ReturnType<typeof percentiles>; without: ReturnType<typeof percentiles> };
  /** Batches (of batches × runs) whose marks were registered by their first frame. */
  markedByFirstFrame: number;
  missed: number;
  longtasks: number;
  longestTask: number;
  elementsAdded: number;
}

export interface ChromiumResults {
  version: string;
  arms: ArmSpec[];
  loads: LoadMeasurements[];
  hover: HoverMeasurements[];
  scroll: ScrollMeasurements;
  feed: FeedMeasurements | null;
}

const READY_TIMEOUT_MS = 60_000;

async function withPage<T>(
  arm: BenchChromium,
  url: string,
  init: { observe: boolean; hover: boolean },
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await arm.open(init);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return await fn(page);
  } finally {
    await page.close();
  }
}

export async function runChromium(
  plan: Plan,
  arms: ArmSpec[],
  url: (path: string) => string,
  log: (line: string) => void,
): Promise<ChromiumResults> {
  const browsers: BenchChromium[] = [];
  try {
    for (const spec of arms) browsers.push(await launchBenchChromium(spec));
    const byId = (id: ArmId) => browsers.find((b) => b.spec.id === id);
    const ext = byId('ext')!;
    const none = byId('none')!;
    // Warm-up: wakes each worker, seeds its database, and lets the browsers settle.
    for (const b of browsers) {
      for (const p of plan.pages.slice(-2)) {
        await withPage(b, url(p.path), { observe: false, hover: false }, (page) =>
          b.spec.id === 'none' ? Promise.resolve() : page.evaluate(readyPass, READY_TIMEOUT_MS).then(() => undefined),
        );
      }
    }
    const loads: LoadMeasurements[] = [];
    for (const info of plan.pages) loads.push(await measureLoads(browsers, none, ext, plan, info, url(info.path), log));
    const hover: HoverMeasurements[] = [];
    for (const info of plan.pages.filter((p) => plan.hoverPages.includes(p.id))) {
      hover.push(await measureHover(ext, none, plan, info, url(info.path), log));
    }
    const scroll = await measureScroll(ext, none, plan, url(SCROLL_PATH), log);
    const feedArms = browsers.filter((b) => b.spec.id !== 'null');
    const feed =
      plan.feedRuns > 0 ? await measureFeed(feedArms, url(FEED_PATH), { runs: plan.feedRuns, seconds: plan.feedSeconds }, log) : null;
    return { version: ext.version, arms, loads, hover, scroll, feed };
  } finally {
    for (const b of browsers) await b.close();
  }
}

async function measureLoads(
  browsers: BenchChromium[],
  none: BenchChromium,
  ext: BenchChromium,
  plan: Plan,
  info: BenchPageInfo,
  url: string,
  log: (line: string) => void,
): Promise<LoadMeasurements> {
  const reps = plan.reps(info);
  const runs = await loadRuns(browsers, url, { fresh: reps.load, same: reps.same, heap: true, timeoutMs: READY_TIMEOUT_MS });
  const runMark = async (method: 'mark' | 'markRegExp', n: number): Promise<MarkJsResult[]> => {
    const out: MarkJsResult[] = [];
    const input: MarkJsInput = { src: MARKJS_PATH, method, aliases: plan.aliases, regex: plan.regex };
    for (let i = 0; i < n; i++)
      out.push(await withPage(none, url, { observe: false, hover: false }, (page) => page.evaluate(markJsPass, input)));
    return out;
  };
  const regexRuns = await runMark('markRegExp', reps.markRegExp);
  const markRuns = await runMark('mark', reps.mark);
  let trace: TraceAnalysis | undefined;
  const injections: Partial<Record<ArmId, { ms: number; beforeStartMs: number }>> = {};
  if (info.kind === 'synthetic' || plan.traceSeeds) {
    const traced = async (arm: BenchChromium) =>
      withPage(arm, 'about:blank', { observe: true, hover: false }, async (page) => {
        const cdp = await arm.cdp(page);
        const stop = await startTrace(cdp);
        await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
        await page.evaluate(readyPass, READY_TIMEOUT_MS);
        await page.waitForTimeout(600);
        return analyseTrace(await stop(), arm.extensionOrigin ?? 'chrome-extension://');
      });
    trace = await traced(ext);
    if (trace?.injection) injections.ext = trace.injection;
    // The same trace of the null script (and a baseline build): what injecting any content script costs a cold tab.
    for (const arm of browsers.filter((b) => b.spec.id === 'null' || b.spec.id === 'base')) {
      const other = await traced(arm);
      if (other?.injection) injections[arm.spec.id] = other.injection;
    }
  }
  const armLoads: Partial<Record<ArmId, ArmPageLoads>> = {};
  for (const [id, r] of Object.entries(runs.arms) as Array<[ArmId, (typeof runs.arms)[ArmId] & object]>) {
    armLoads[id] = { fresh: summarizeLoads(r.fresh), same: summarizeLoads(r.same), heap: summarize(r.heap) };
  }
  const m: LoadMeasurements = {
    page: info,
    textNodes: runs.floors[0]?.textNodes ?? NaN,
    floor: summarize(runs.floors.map((f) => f.ms)),
    markRegExp: regexRuns.length ? summarize(regexRuns.map((r) => r.ms)) : null,
    mark: markRuns.length ? summarize(markRuns.map((r) => r.ms)) : null,
    markCounts: { ...(markRuns[0] ? { mark: markRuns[0].marks } : {}), ...(regexRuns[0] ? { markRegExp: regexRuns[0].marks } : {}) },
    arms: armLoads,
    ...(trace ? { trace } : {}),
    ...(Object.keys(injections).length ? { injections } : {}),
    crossOriginIsolated: runs.arms.ext?.fresh.every((s) => s.crossOriginIsolated) ?? false,
  };
  log(`chromium ${info.id.padEnd(15)} ${describeLoads(m)}  longest task ${trace?.longestExtension ? fmt(trace.longestExtension.ms) : '-'}`);
  return m;
}

/** One log line: start→ready of the null script and the extension(s), fresh and same tab, and the load event's delay. */
export function describeLoads(m: { arms: Partial<Record<ArmId, { fresh: LoadSummary; same: LoadSummary }>> }): string {
  const parts: string[] = [];
  for (const id of ['null', 'ext', 'base'] as const) {
    const a = m.arms[id];
    if (a) parts.push(`${id} ${fmt(a.fresh.startToReady.median)} / ${fmt(a.same.startToReady.median)}`);
  }
  const none = m.arms.none?.fresh.load.median;
  const withExt = m.arms.ext?.fresh.load.median;
  if (none !== undefined && withExt !== undefined) parts.push(`load ${withExt >= none ? '+' : ''}${fmt(withExt - none)}`);
  const local = m.arms.ext ? m.arms.ext.fresh.claimsLocal + m.arms.ext.same.claimsLocal : 0;
  if (local > 0) parts.push(`claims checked in the page on ${local} of ${m.arms.ext!.fresh.n + m.arms.ext!.same.n} loads`);
  return `${parts.join('  ')} (fresh / same tab)`;
}

const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '-' : `${v.toFixed(1)} ms`);

async function measureHover(
  ext: BenchChromium,
  none: BenchChromium,
  plan: Plan,
  info: BenchPageInfo,
  url: string,
  log: (line: string) => void,
): Promise<HoverMeasurements> {
  const perMark = Math.ceil(plan.hoverMoves / 10);
  let points: Array<{ scrollY: number; points: Array<[number, number]> }> = [];
  const run = async (extension: boolean) => {
    return withPage(extension ? ext : none, url, { observe: true, hover: true }, async (page) => {
      if (extension) {
        await page.evaluate(readyPass, READY_TIMEOUT_MS);
        points = await page.evaluate(hoverPlan, { count: 10, perMark });
      }
      const samples: HoverSample[] = [];
      let moves = 0;
      for (const group of points) {
        await page.evaluate((y) => window.scrollTo(0, y), group.scrollY);
        await page.evaluate(takeHoverSample);
        for (const [x, y] of group.points) {
          if (moves++ >= plan.hoverMoves) break;
          await page.mouse.move(x, y);
          samples.push(await page.evaluate(takeHoverSample));
        }
      }
      const added = await page.evaluate(() => (globalThis as unknown as { __ffb: { added: number } }).__ffb.added);
      return { samples, added };
    });
  };
  const withExt = await run(true);
  const without = await run(false);
  const shape = (s: HoverSample[]) => ({
    dispatch: percentiles(s.map((x) => x.dispatch)),
    frame: percentiles(s.map((x) => x.frame)),
    total: percentiles(s.map((x) => x.dispatch + x.frame)),
  });
  const m: HoverMeasurements = {
    page: info.id,
    moves: withExt.samples.length,
    withExtension: shape(withExt.samples),
    without: shape(without.samples),
    elementsAdded: withExt.added,
  };
  log(
    `chromium hover ${info.id}: p50 ${m.withExtension.total.p50} ms, p95 ${m.withExtension.total.p95} ms (without extension p95 ${m.without.total.p95} ms) over ${m.moves} moves`,
  );
  return m;
}

async function measureScroll(
  ext: BenchChromium,
  none: BenchChromium,
  plan: Plan,
  url: string,
  log: (line: string) => void,
): Promise<ScrollMeasurements> {
  const latencies: number[] = [];
  const frames: number[] = [];
  const floor: number[] = [];
  let markedByFirstFrame = 0;
  let missed = 0;
  let longtasks = 0;
  let longest = 0;
  let added = 0;
  const pass = (arm: BenchChromium, framesOnly: boolean) =>
    withPage(arm, url, { observe: true, hover: false }, async (page) => {
      if (!framesOnly) await page.evaluate(readyPass, READY_TIMEOUT_MS);
      return page.evaluate(scrollPass, {
        batches: plan.scrollBatches,
        nodes: SCROLL_BATCH_NODES,
        intervalMs: SCROLL_INTERVAL_MS,
        makeBatch: makeScrollBatch.toString(),
        timeoutMs: 5_000,
        framesOnly,
      });
    });
  for (let run = 0; run < plan.scrollRuns; run++) {
    const r = await pass(ext, false);
    latencies.push(...r.latencies);
    frames.push(...r.firstFrames);
    markedByFirstFrame += r.markedByFirstFrame;
    missed += r.missed;
    longtasks += r.longtasks.length;
    longest = Math.max(longest, ...r.longtasks.map(([, d]) => d));
    added += r.added;
    // The same insertions without the extension: how soon the page itself renders them.
    floor.push(...(await pass(none, true)).firstFrames);
  }
  const m: ScrollMeasurements = {
    batches: plan.scrollBatches,
    nodesPerBatch: SCROLL_BATCH_NODES,
    intervalMs: SCROLL_INTERVAL_MS,
    runs: plan.scrollRuns,
    latency: percentiles(latencies),
    firstFrame: { withExtension: percentiles(frames), without: percentiles(floor) },
    markedByFirstFrame,
    missed,
    longtasks,
    longestTask: longest,
    elementsAdded: added,
  };
  log(
    `chromium infinite scroll: latency p50 ${m.latency.p50} ms, p95 ${m.latency.p95} ms, max ${m.latency.max} ms, missed ${missed}; ` +
      `first frame p50 ${m.firstFrame.withExtension.p50} ms (without extension ${m.firstFrame.without.p50} ms), marked by it ${markedByFirstFrame}/${frames.length}`,
  );
  return m;
}
