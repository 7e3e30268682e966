/**
 * The page-load part again in Firefox ESR (puppeteer-core over WebDriver BiDi):
 * the floor and mark.js in a Firefox without the extension, the extension's
 * start → ready in a second Firefox (same binary, same flags) with it
 * installed. Firefox has no second profile-less context to borrow, and its
 * user contexts (containers) run extensions, so two launches it is.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { distDir, findBinary } from '../tooling/browsers';
import { floorPass, initScript, markJsPass, readyPass, type FloorResult, type MarkJsResult, type ReadyResult } from './in-page';
import type { MarkJsInput, Plan } from './plan';
import { MARKJS_PATH, type BenchPageInfo } from './routes';
import { summarize, type Summary } from './stats';
import { VIEWPORT } from './chromium-browser';

export interface FirefoxLoad {
  page: BenchPageInfo;
  textNodes: number;
  floor: Summary;
  markRegExp: Summary | null;
  mark: Summary | null;
  extension: Summary;
  extensionStartAt: Summary;
  mentions: number;
  claims: number;
  elementsAdded: number;
  crossOriginIsolated: boolean;
}

export interface FirefoxResults {
  version: string;
  loads: FirefoxLoad[];
}

const READY_TIMEOUT_MS = 60_000;

async function launch(extension: boolean): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBinary('firefox'),
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
    },
  });
  if (extension) await browser.installExtension(distDir('firefox'));
  return browser;
}

async function withPage<T>(browser: Browser, url: string, observe: boolean, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(initScript({ observe, hover: false }));
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    return await fn(page);
  } finally {
    await page.close();
  }
}

export async function runFirefox(plan: Plan, url: (path: string) => string, log: (line: string) => void): Promise<FirefoxResults> {
  const bare = await launch(false);
  const version = await bare.version();
  const baselines = new Map<string, { floors: FloorResult[]; regex: MarkJsResult[]; mark: MarkJsResult[] }>();
  try {
    for (const info of plan.pages) {
      const reps = plan.firefoxReps(info);
      const floors: FloorResult[] = [];
      for (let i = 0; i < reps.load; i++) floors.push(await withPage(bare, url(info.path), false, (page) => page.evaluate(floorPass)));
      const runMark = async (method: 'mark' | 'markRegExp', n: number) => {
        const out: MarkJsResult[] = [];
        const input: MarkJsInput = { src: MARKJS_PATH, method, aliases: plan.aliases, regex: plan.regex };
        for (let i = 0; i < n; i++) out.push(await withPage(bare, url(info.path), false, (page) => page.evaluate(markJsPass, input)));
        return out;
      };
      baselines.set(info.id, { floors, regex: await runMark('markRegExp', reps.markRegExp), mark: await runMark('mark', reps.mark) });
    }
  } finally {
    await bare.close();
  }

  const withExt = await launch(true);
  const loads: FirefoxLoad[] = [];
  try {
    for (const p of plan.pages.slice(-2)) await withPage(withExt, url(p.path), true, (page) => page.evaluate(readyPass, READY_TIMEOUT_MS));
    for (const info of plan.pages) {
      const ready: ReadyResult[] = [];
      for (let i = 0; i < plan.firefoxReps(info).load; i++) {
        const r = await withPage(withExt, url(info.path), true, (page) => page.evaluate(readyPass, READY_TIMEOUT_MS));
        if (!r.ready) throw new Error(`firefox ${info.id}: the extension did not report ready within ${READY_TIMEOUT_MS} ms`);
        ready.push(r);
      }
      const base = baselines.get(info.id)!;
      const last = ready[ready.length - 1]!;
      const load: FirefoxLoad = {
        page: info,
        textNodes: base.floors[0]!.textNodes,
        floor: summarize(base.floors.map((f) => f.ms)),
        markRegExp: base.regex.length ? summarize(base.regex.map((r) => r.ms)) : null,
        mark: base.mark.length ? summarize(base.mark.map((r) => r.ms)) : null,
        extension: summarize(ready.map((r) => r.startToReady)),
        extensionStartAt: summarize(ready.map((r) => r.startAt)),
        mentions: last.mentions,
        claims: last.claims,
        elementsAdded: Math.max(...ready.map((r) => r.added)),
        crossOriginIsolated: last.crossOriginIsolated,
      };
      loads.push(load);
      const f = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '-' : `${v.toFixed(1)} ms`);
      log(
        `firefox  ${info.id.padEnd(15)} floor ${f(load.floor.median)}  ext ${f(load.extension.median)}  markRegExp ${f(load.markRegExp?.median)}  mark ${f(load.mark?.median)}  mentions ${load.mentions}`,
      );
    }
  } finally {
    await withExt.close();
  }
  return { version, loads };
}
