/**
 * The page-load part again in Firefox ESR (puppeteer-core over WebDriver
 * BiDi): one Firefox per arm (arms.ts), same binary and prefs, the arm's
 * extension installed with `installExtension`; loads interleaved across the
 * arms in fresh tabs and in the same tab (load-runs.ts), and mark.js in the
 * extension-free arm. A fresh tab gets a fresh content process: the process
 * of a closed tab is not kept alive for its site (the pref below), so the
 * next load cannot reuse its warm script caches.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { findBinary } from '../tooling/browsers';
import type { ArmBrowser, ArmId, ArmSpec, BenchTab } from './arms';
import { VIEWPORT } from './chromium-browser';
import { describeLoads } from './chromium-suite';
import { initScript, markJsPass, type InitOptions, type MarkJsResult } from './in-page';
import { loadRuns, summarizeLoads, type LoadSummary } from './load-runs';
import type { MarkJsInput, Plan } from './plan';
import { MARKJS_PATH, type BenchPageInfo } from './routes';
import { summarize, type Summary } from './stats';

export interface FirefoxLoad {
  page: BenchPageInfo;
  textNodes: number;
  floor: Summary;
  markRegExp: Summary | null;
  mark: Summary | null;
  arms: Partial<Record<ArmId, { fresh: LoadSummary; same: LoadSummary }>>;
  crossOriginIsolated: boolean;
}

export interface FirefoxResults {
  version: string;
  arms: ArmSpec[];
  loads: FirefoxLoad[];
}

const READY_TIMEOUT_MS = 60_000;

async function launchArm(spec: ArmSpec): Promise<ArmBrowser & { browser: Browser }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBinary('firefox'),
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      // A closed tab's content process exits instead of waiting for the next page of its site.
      'dom.ipc.keepProcessesAlive.webIsolated.perOrigin': 0,
    },
  });
  if (spec.dir) await browser.installExtension(spec.dir);
  const newTab = async (init: InitOptions): Promise<BenchTab> => {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(initScript(init));
    return {
      goto: async (url) => void (await page.goto(url, { waitUntil: 'load', timeout: 120_000 })),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      close: () => page.close(),
    };
  };
  return { spec, version: await browser.version(), browser, newTab, close: () => browser.close() };
}

export async function runFirefox(
  plan: Plan,
  arms: ArmSpec[],
  url: (path: string) => string,
  log: (line: string) => void,
): Promise<FirefoxResults> {
  const browsers: Array<ArmBrowser & { browser: Browser }> = [];
  try {
    for (const spec of arms) browsers.push(await launchArm(spec));
    const none = browsers.find((b) => b.spec.id === 'none')!;
    // Warm-up: each extension's background seeds its database; every browser loads the pages once.
    for (const b of browsers) {
      for (const p of plan.pages.slice(-2)) {
        const tab = await b.newTab({ observe: false, hover: false });
        await tab.goto(url(p.path));
        await tab.close();
      }
    }
    const loads: FirefoxLoad[] = [];
    for (const info of plan.pages) {
      const reps = plan.firefoxReps(info);
      const runs = await loadRuns(browsers, url(info.path), {
        fresh: reps.load,
        same: reps.same,
        heap: false,
        timeoutMs: READY_TIMEOUT_MS,
      });
      const runMark = async (method: 'mark' | 'markRegExp', n: number) => {
        const out: MarkJsResult[] = [];
        const input: MarkJsInput = { src: MARKJS_PATH, method, aliases: plan.aliases, regex: plan.regex };
        for (let i = 0; i < n; i++) {
          const tab = await none.newTab({ observe: false, hover: false });
          await tab.goto(url(info.path));
          out.push(await tab.evaluate(markJsPass, input));
          await tab.close();
        }
        return out;
      };
      const regex = await runMark('markRegExp', reps.markRegExp);
      const mark = await runMark('mark', reps.mark);
      const armLoads: FirefoxLoad['arms'] = {};
      for (const [id, r] of Object.entries(runs.arms) as Array<[ArmId, (typeof runs.arms)[ArmId] & object]>) {
        armLoads[id] = { fresh: summarizeLoads(r.fresh), same: summarizeLoads(r.same) };
      }
      const load: FirefoxLoad = {
        page: info,
        textNodes: runs.floors[0]?.textNodes ?? NaN,
        floor: summarize(runs.floors.map((f) => f.ms)),
        markRegExp: regex.length ? summarize(regex.map((r) => r.ms)) : null,
        mark: mark.length ? summarize(mark.map((r) => r.ms)) : null,
        arms: armLoads,
        crossOriginIsolated: runs.arms.ext?.fresh.every((s) => s.crossOriginIsolated) ?? false,
      };
      loads.push(load);
      log(`firefox  ${info.id.padEnd(15)} ${describeLoads(load)}`);
    }
    return { version: browsers[0]!.version, arms, loads };
  } finally {
    for (const b of browsers) await b.close().catch(() => undefined);
  }
}
