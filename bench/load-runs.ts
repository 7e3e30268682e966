/**
 * Page loads, interleaved across the arms (arms.ts), two ways:
 *
 * - **fresh tab**: every load in a new tab, so a new renderer process that
 *   compiles the content script cold, as when a reader opens an article from
 *   a link; the extension-free arm also runs the floor walk after load, and
 *   (Chromium) every arm's retained heap is read after a full GC;
 * - **same tab**: one tab per arm navigated to the page again and again, its
 *   first load dropped: warm code, as when a reader moves around one site.
 *
 * Within a repetition the arms take turns in a rotating order.
 */
import { rotate, type ArmBrowser, type ArmId, type BenchTab } from './arms';
import { floorPass, loadSample, type FloorResult, type LoadSample } from './in-page';
import { summarize, type Summary } from './stats';

export interface ArmLoads {
  fresh: LoadSample[];
  same: LoadSample[];
  /** Retained JS heap after GC in fresh tabs, KiB (Chromium). */
  heap: number[];
}

export interface LoadRuns {
  arms: Partial<Record<ArmId, ArmLoads>>;
  /** The floor walk in the extension-free arm's fresh tabs. */
  floors: FloorResult[];
}

export interface LoadRunOptions {
  fresh: number;
  same: number;
  heap: boolean;
  timeoutMs: number;
}

export async function loadRuns(arms: ArmBrowser[], url: string, o: LoadRunOptions): Promise<LoadRuns> {
  const out: LoadRuns = { arms: {}, floors: [] };
  for (const arm of arms) out.arms[arm.spec.id] = { fresh: [], same: [], heap: [] };
  const sample = (arm: ArmBrowser, tab: BenchTab) => tab.evaluate(loadSample, { ready: arm.spec.id !== 'none', timeoutMs: o.timeoutMs });
  for (let rep = 0; rep < o.fresh; rep++) {
    for (const arm of rotate(arms, rep)) {
      const tab = await arm.newTab({ observe: true, hover: false });
      try {
        await tab.goto(url);
        const s = await sample(arm, tab);
        if (arm.spec.id !== 'none' && !Number.isFinite(s.startToReady)) throw new Error(`${arm.spec.id}: no ready mark on ${url}`);
        const loads = out.arms[arm.spec.id]!;
        loads.fresh.push(s);
        if (arm.spec.id === 'none') out.floors.push(await tab.evaluate(floorPass, undefined));
        if (o.heap && tab.heapAfterGc) loads.heap.push(await tab.heapAfterGc());
      } finally {
        await tab.close();
      }
    }
  }
  if (o.same > 0) {
    const tabs = await Promise.all(arms.map((arm) => arm.newTab({ observe: true, hover: false })));
    try {
      // Load 0 in each tab is a cold one (the process is new): it warms the tab and is not kept.
      for (let rep = 0; rep <= o.same; rep++) {
        for (const i of rotate([...arms.keys()], rep)) {
          const arm = arms[i]!;
          await tabs[i]!.goto(url);
          const s = await sample(arm, tabs[i]!);
          if (rep > 0) out.arms[arm.spec.id]!.same.push(s);
        }
      }
    } finally {
      await Promise.all(tabs.map((t) => t.close()));
    }
  }
  return out;
}

/** Medians and spreads of one arm's samples. */
export interface LoadSummary {
  n: number;
  startToReady: Summary;
  startAt: Summary;
  dcl: Summary;
  load: Summary;
  longtaskMax: number;
  longtasks: number;
  added: number;
  attributes: number;
  mentions: number;
  claims: number;
  /** Loads whose page checked claims itself (the background did not answer). */
  claimsLocal: number;
}

export function summarizeLoads(samples: readonly LoadSample[]): LoadSummary {
  const last = samples[samples.length - 1];
  return {
    n: samples.length,
    startToReady: summarize(samples.map((s) => s.startToReady)),
    startAt: summarize(samples.map((s) => s.startAt)),
    dcl: summarize(samples.map((s) => s.dcl)),
    load: summarize(samples.map((s) => s.load)),
    longtaskMax: Math.max(0, ...samples.map((s) => s.longtaskMax)),
    longtasks: samples.reduce((a, s) => a + s.longtasks, 0),
    added: Math.max(0, ...samples.map((s) => s.added)),
    attributes: Math.max(0, ...samples.map((s) => s.attributes)),
    mentions: last?.mentions ?? 0,
    claims: last?.claims ?? 0,
    claimsLocal: samples.filter((s) => s.claimsLocal).length,
  };
}
