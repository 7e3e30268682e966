/**
 * Everything measured in Chromium, in one browser process: per page the floor,
 * mark.js mark() and markRegExp(), and the extension's start → ready with its
 * longest task, added elements and retained heap; then one traced load per
 * synthetic page (every task's length), hover cost, and infinite-scroll
 * mutation-to-highlight latency.
 */
import type { Page } from 'playwright-core';
import { launchBenchChromium, type BenchChromium } from './chromium-browser';
import {
  floorPass,
  hoverPlan,
  markJsPass,
  readyPass,
  scrollPass,
  takeHoverSample,
  type FloorResult,
  type HoverSample,
  type MarkJsResult,
  type ReadyResult,
} from './in-page';
import { makeScrollBatch, SCROLL_BATCH_NODES, SCROLL_INTERVAL_MS } from '../tooling/synthetic-pages';
import { MARKJS_PATH, SCROLL_PATH, type BenchPageInfo } from './routes';
import { percentiles, summarize, type Summary } from './stats';
import { analyseTrace, startTrace, type TraceAnalysis } from './trace';
import type { MarkJsInput, Plan } from './plan';

export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

export interface LoadMeasurements {
  page: BenchPageInfo;
  textNodes: number;
  floor: Summary;
  markRegExp: Summary | null;
  mark: Summary | null;
  markCounts: { mark?: number; markRegExp?: number };
  extension: Summary;
  /** Navigation start → frontier-facts:start. */
  extensionStartAt: Summary;
  mentions: number;
  claims: number;
  /** Longest Long Tasks API entry (≥ 50 ms only) ending after start; 0 when there was none. */
  longtaskApiMax: Summary;
  /**
   * The same without the extension, ending after DOMContentLoaded (start comes later): the API
   * cannot say whose task it saw, and a page's own first rendering can be a long task too.
   */
  longtaskApiMaxWithout: Summary;
  elementsAdded: number;
  attributesChanged: number;
  /** Retained JS heap after GC, whole renderer isolate (main world + the content script's isolated world). */
  heapWith: Summary;
  heapWithout: Summary;
  heapEmbedderWith: Summary;
  heapEmbedderWithout: Summary;
  trace?: TraceAnalysis;
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
  missed: number;
  longtasks: number;
  longestTask: number;
  elementsAdded: number;
}

export interface ChromiumResults {
  version: string;
  loads: LoadMeasurements[];
  hover: HoverMeasurements[];
  scroll: ScrollMeasurements;
}

const READY_TIMEOUT_MS = 60_000;

async function withPage<T>(
  browser: BenchChromium,
  extension: boolean,
  url: string,
  init: { observe: boolean; hover: boolean },
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const page = await browser.open(extension, init);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return await fn(page);
  } finally {
    await page.close();
  }
}

async function heapAfterGc(browser: BenchChromium, page: Page, extension: boolean): Promise<HeapUsage> {
  const cdp = await (extension ? browser.withExtension : browser.without).newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as HeapUsage;
  await cdp.detach();
  return usage;
}

export async function runChromium(plan: Plan, url: (path: string) => string, log: (line: string) => void): Promise<ChromiumResults> {
  const browser = await launchBenchChromium();
  const extensionPrefix = `${browser.withExtension.serviceWorkers()[0]!.url().split('/').slice(0, 3).join('/')}/`;
  try {
    // Warm-up: wakes the worker, seeds its database and caches the content script's code.
    for (const p of plan.pages.slice(-2)) {
      await withPage(browser, true, url(p.path), { observe: true, hover: false }, (page) => page.evaluate(readyPass, READY_TIMEOUT_MS));
    }
    const loads: LoadMeasurements[] = [];
    for (const info of plan.pages) {
      loads.push(await measureLoads(browser, plan, info, url(info.path), extensionPrefix, log));
    }
    const hover: HoverMeasurements[] = [];
    for (const info of plan.pages.filter((p) => plan.hoverPages.includes(p.id))) {
      hover.push(await measureHover(browser, plan, info, url(info.path), log));
    }
    const scroll = await measureScroll(browser, plan, url(SCROLL_PATH), log);
    return { version: browser.version, loads, hover, scroll };
  } finally {
    await browser.close();
  }
}

async function measureLoads(
  browser: BenchChromium,
  plan: Plan,
  info: BenchPageInfo,
  url: string,
  extensionPrefix: string,
  log: (line: string) => void,
): Promise<LoadMeasurements> {
  const reps = plan.reps(info);
  const floors: FloorResult[] = [];
  const heapWithout: HeapUsage[] = [];
  const longtasksWithout: number[] = [];
  for (let i = 0; i < reps.load; i++) {
    floors.push(
      await withPage(browser, false, url, { observe: true, hover: false }, async (page) => {
        longtasksWithout.push(await page.evaluate(pageLongTaskMax));
        heapWithout.push(await heapAfterGc(browser, page, false));
        return page.evaluate(floorPass);
      }),
    );
  }
  const runMark = async (method: 'mark' | 'markRegExp', n: number): Promise<MarkJsResult[]> => {
    const out: MarkJsResult[] = [];
    const input: MarkJsInput = { src: MARKJS_PATH, method, aliases: plan.aliases, regex: plan.regex };
    for (let i = 0; i < n; i++)
      out.push(await withPage(browser, false, url, { observe: false, hover: false }, (page) => page.evaluate(markJsPass, input)));
    return out;
  };
  const regexRuns = await runMark('markRegExp', reps.markRegExp);
  const markRuns = await runMark('mark', reps.mark);
  const ready: ReadyResult[] = [];
  const heapWith: HeapUsage[] = [];
  for (let i = 0; i < reps.load; i++) {
    ready.push(
      await withPage(browser, true, url, { observe: true, hover: false }, async (page) => {
        const r = await page.evaluate(readyPass, READY_TIMEOUT_MS);
        if (!r.ready) throw new Error(`${info.id}: the extension did not report ready within ${READY_TIMEOUT_MS} ms`);
        heapWith.push(await heapAfterGc(browser, page, true));
        return r;
      }),
    );
  }
  let trace: TraceAnalysis | undefined;
  if (info.kind === 'synthetic' || plan.traceSeeds) {
    trace = await withPage(browser, true, 'about:blank', { observe: true, hover: false }, async (page) => {
      const cdp = await browser.withExtension.newCDPSession(page);
      const stop = await startTrace(cdp);
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.evaluate(readyPass, READY_TIMEOUT_MS);
      await page.waitForTimeout(600);
      return analyseTrace(await stop(), extensionPrefix);
    });
  }
  const last = ready[ready.length - 1]!;
  const m: LoadMeasurements = {
    page: info,
    textNodes: floors[0]!.textNodes,
    floor: summarize(floors.map((f) => f.ms)),
    markRegExp: regexRuns.length ? summarize(regexRuns.map((r) => r.ms)) : null,
    mark: markRuns.length ? summarize(markRuns.map((r) => r.ms)) : null,
    markCounts: { ...(markRuns[0] ? { mark: markRuns[0].marks } : {}), ...(regexRuns[0] ? { markRegExp: regexRuns[0].marks } : {}) },
    extension: summarize(ready.map((r) => r.startToReady)),
    extensionStartAt: summarize(ready.map((r) => r.startAt)),
    mentions: last.mentions,
    claims: last.claims,
    longtaskApiMax: summarize(ready.map((r) => Math.max(0, ...r.longtasks.map(([, d]) => d)))),
    longtaskApiMaxWithout: summarize(longtasksWithout),
    elementsAdded: Math.max(...ready.map((r) => r.added)),
    attributesChanged: Math.max(...ready.map((r) => r.attributes)),
    heapWith: summarize(heapWith.map((h) => h.usedSize / 1024)),
    heapWithout: summarize(heapWithout.map((h) => h.usedSize / 1024)),
    heapEmbedderWith: summarize(heapWith.map((h) => (h.embedderHeapUsedSize ?? NaN) / 1024)),
    heapEmbedderWithout: summarize(heapWithout.map((h) => (h.embedderHeapUsedSize ?? NaN) / 1024)),
    ...(trace ? { trace } : {}),
    crossOriginIsolated: last.crossOriginIsolated,
  };
  log(
    `chromium ${info.id.padEnd(15)} floor ${fmt(m.floor.median)}  ext ${fmt(m.extension.median)}  markRegExp ${fmt(m.markRegExp?.median)}  mark ${fmt(m.mark?.median)}  ` +
      `mentions ${m.mentions}${info.generated ? `/${info.generated.planted}` : ''}  longest task ${trace?.longest ? fmt(trace.longest.ms) : '-'}`,
  );
  return m;
}

const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '-' : `${v.toFixed(1)} ms`);

async function measureHover(
  browser: BenchChromium,
  plan: Plan,
  info: BenchPageInfo,
  url: string,
  log: (line: string) => void,
): Promise<HoverMeasurements> {
  const perMark = Math.ceil(plan.hoverMoves / 10);
  let points: Array<{ scrollY: number; points: Array<[number, number]> }> = [];
  const run = async (extension: boolean) => {
    return withPage(browser, extension, url, { observe: true, hover: true }, async (page) => {
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

async function measureScroll(browser: BenchChromium, plan: Plan, url: string, log: (line: string) => void): Promise<ScrollMeasurements> {
  const latencies: number[] = [];
  let missed = 0;
  let longtasks = 0;
  let longest = 0;
  let added = 0;
  for (let run = 0; run < plan.scrollRuns; run++) {
    const r = await withPage(browser, true, url, { observe: true, hover: false }, async (page) => {
      await page.evaluate(readyPass, READY_TIMEOUT_MS);
      return page.evaluate(scrollPass, {
        batches: plan.scrollBatches,
        nodes: SCROLL_BATCH_NODES,
        intervalMs: SCROLL_INTERVAL_MS,
        makeBatch: makeScrollBatch.toString(),
        timeoutMs: 5_000,
      });
    });
    latencies.push(...r.latencies);
    missed += r.missed;
    longtasks += r.longtasks.length;
    longest = Math.max(longest, ...r.longtasks.map(([, d]) => d));
    added += r.added;
  }
  const m: ScrollMeasurements = {
    batches: plan.scrollBatches,
    nodesPerBatch: SCROLL_BATCH_NODES,
    intervalMs: SCROLL_INTERVAL_MS,
    runs: plan.scrollRuns,
    latency: percentiles(latencies),
    missed,
    longtasks,
    longestTask: longest,
    elementsAdded: added,
  };
  log(`chromium infinite scroll: latency p50 ${m.latency.p50} ms, p95 ${m.latency.p95} ms, max ${m.latency.max} ms, missed ${missed}`);
  return m;
}

/** In an extension-free page, after load: the longest Long Tasks API entry ending after DOMContentLoaded, or 0. */
function pageLongTaskMax(): number {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const from = nav?.domContentLoadedEventStart ?? 0;
  const S = (globalThis as unknown as { __ffb: { longtasks: Array<[number, number]> } }).__ffb;
  return Math.max(0, ...S.longtasks.filter(([t, d]) => t + d > from).map(([, d]) => d));
}
