/**
 * Where the extension's start → ready goes, for the content-script engineer:
 * one load per page under the V8 CPU profiler (CDP Profiler, 100 µs samples,
 * whole renderer isolate, so the content script's isolated world included),
 * with the content script rebuilt unminified so that functions keep their
 * names. Only the content script differs from the measured build; timings
 * here are inflated by the profiler and are for attribution, not for the table.
 */
import { cpSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { computeBuildId } from '../scripts/build-id';
import { matcherTablesPlugin } from '../scripts/matcher-tables-plugin';
import { distDir } from '../tooling/browsers';
import { launchBenchChromium } from './chromium-browser';
import { readyPass } from './in-page';
import type { BenchPageInfo } from './routes';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileBreakdown {
  page: string;
  startToReady: number;
  /** From the trace of the measured build: the task that evaluates the content script, and how much of it precedes the start mark. */
  injectionTaskMs: number;
  beforeStartMs: number;
  /** Content-script CPU before the scan (module initialisation, main(), building the Matcher). */
  setupCpuMs: number;
  /** Of which: the injection task (module initialisation, main() up to the storage reads) and after they arrive (settings, Matcher). */
  injectionCpuMs: number;
  afterWaitCpuMs: number;
  /** The longest pause in our work before the scan: the round trip of the config and settings reads (config.get to the worker only when the published config is missing). */
  waitMs: number;
  /** First to last scan sample (wall), and content-script CPU in that span. */
  scanMs: number;
  scanCpuMs: number;
  /** Inclusive time during the scan per function (content script, and native calls it makes). */
  inclusive: Array<{ name: string; ms: number }>;
  /** Self time during the scan (deepest of our frames, or the native call it made). */
  self: Array<{ name: string; ms: number }>;
  /** Inclusive time before the scan (setup). */
  setup: Array<{ name: string; ms: number }>;
}

const CONTENT_SCRIPT = 'src/content/index.js';

/** A copy of the measured Chromium build whose content script is rebuilt without minification. */
export async function buildProfileVariant(): Promise<string> {
  const dir = `${distDir('chromium')}-profile`;
  rmSync(dir, { recursive: true, force: true });
  cpSync(distDir('chromium'), dir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    root: resolve(import.meta.dirname, '..'),
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // The scan bundle imports its matcher tables from this plugin's virtual module (the card UI is the
    // measured build's own copy, already in `dir`).
    plugins: [matcherTablesPlugin(resolve(import.meta.dirname, '..'))],
    // The same build id as the measured build, so the profiled script accepts the config the background published.
    define: { __FF_BUILD_ID__: JSON.stringify(computeBuildId(resolve(import.meta.dirname, '..'))) },
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      target: ['chrome120'],
      lib: {
        entry: resolve(import.meta.dirname, '..', 'src/content/index.ts'),
        formats: ['iife'],
        name: 'frontierFactsProfiled',
        fileName: () => CONTENT_SCRIPT,
      },
    },
  });
  return dir;
}

export async function profilePages(
  pages: BenchPageInfo[],
  url: (path: string) => string,
  traced: Map<string, { injectionTaskMs: number; beforeStartMs: number }>,
): Promise<ProfileBreakdown[]> {
  const dir = await buildProfileVariant();
  const browser = await launchBenchChromium({ id: 'ext', dir });
  const out: ProfileBreakdown[] = [];
  try {
    for (const info of pages) {
      // One unprofiled load first: the worker is awake and the code cached, as in the measured loads.
      for (let i = 0; i < 2; i++) {
        const page = await browser.open({ observe: false, hover: false });
        const cdp = await browser.cdp(page);
        if (i === 1) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
        }
        await page.goto(url(info.path), { waitUntil: 'load', timeout: 120_000 });
        const ready = await page.evaluate(readyPass, 60_000);
        if (i === 1) {
          const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
          out.push({
            ...analyse(profile, ready.startToReady),
            page: info.id,
            ...(traced.get(info.id) ?? { injectionTaskMs: NaN, beforeStartMs: NaN }),
          });
        }
        await cdp.detach();
        await page.close();
      }
    }
  } finally {
    await browser.close();
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch {
      // a leftover copy in the build directory is harmless
    }
  }
  return out;
}

function analyse(profile: CpuProfile, startToReady: number): Omit<ProfileBreakdown, 'page' | 'injectionTaskMs' | 'beforeStartMs'> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isOurs = (n: ProfileNode) => n.callFrame.url.endsWith(CONTENT_SCRIPT);
  // Each sample: its time, the function names on its stack that are ours (or native calls made from ours).
  const stacks = new Map<number, { ours: boolean; names: string[] }>();
  const stackOf = (leaf: number) => {
    let s = stacks.get(leaf);
    if (s) return s;
    const names: string[] = [];
    let ours = false;
    let nativeChild: string | undefined;
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      if (isOurs(n)) {
        ours = true;
        if (nativeChild) names.push(`${nativeChild} (native)`);
        nativeChild = undefined;
        names.push(n.callFrame.functionName || '(module top level)');
      } else if (!ours && n.callFrame.url === '' && n.callFrame.functionName && !n.callFrame.functionName.startsWith('(')) {
        const name = n.callFrame.functionName;
        // Irregexp code shows up as "RegExp: <source>"; the source alone is enough to recognise it.
        nativeChild = name.startsWith('RegExp: ') ? `regex /${name.slice(8, 48)}${name.length > 48 ? '…' : ''}/` : name;
      } else if (!ours && (n.callFrame.functionName === '(garbage collector)' || n.callFrame.functionName === '(program)')) {
        nativeChild = n.callFrame.functionName;
      }
    }
    s = { ours, names: [...new Set(names)] };
    stacks.set(leaf, s);
    return s;
  };
  let t = profile.startTime;
  const samples: Array<{ t: number; dt: number; ours: boolean; names: string[] }> = [];
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    const dt = (profile.timeDeltas[i + 1] ?? 100) / 1000;
    const s = stackOf(profile.samples[i]!);
    samples.push({ t, dt, ours: s.ours, names: s.names });
  }
  const scanIdx = samples.findIndex((s) => s.names.includes('scanTree'));
  const ours = samples.filter((s) => s.ours);
  const setup = scanIdx < 0 ? ours : ours.filter((s) => s.t < samples[scanIdx]!.t);
  const scan = scanIdx < 0 ? [] : ours.filter((s) => s.t >= samples[scanIdx]!.t);
  const sum = (list: typeof samples) => list.reduce((a, s) => a + s.dt, 0);
  const selfTime = (list: typeof samples) => {
    const m = new Map<string, number>();
    for (const s of list) if (s.names[0]) m.set(s.names[0], (m.get(s.names[0]) ?? 0) + s.dt);
    return [...m.entries()].map(([name, ms]) => ({ name, ms: Math.round(ms * 100) / 100 })).sort((a, b) => b.ms - a.ms);
  };
  const inclusive = (list: typeof samples) => {
    const m = new Map<string, number>();
    for (const s of list) for (const n of s.names) m.set(n, (m.get(n) ?? 0) + s.dt);
    return [...m.entries()].map(([name, ms]) => ({ name, ms: Math.round(ms * 100) / 100 })).sort((a, b) => b.ms - a.ms);
  };
  // The wait for the config and settings reads is the longest pause in our work before the scan starts.
  const beforeScan = scan[0] ? [...setup, scan[0]] : setup;
  let waitMs = 0;
  let waitEnd = 0;
  for (let i = 1; i < beforeScan.length; i++) {
    const gap = (beforeScan[i]!.t - beforeScan[i - 1]!.t) / 1000;
    if (gap > waitMs) [waitMs, waitEnd] = [gap, beforeScan[i]!.t];
  }
  return {
    startToReady,
    setupCpuMs: sum(setup),
    injectionCpuMs: sum(setup.filter((x) => x.t < waitEnd)),
    afterWaitCpuMs: sum(setup.filter((x) => x.t >= waitEnd)),
    waitMs,
    scanMs: scan.length ? (scan[scan.length - 1]!.t - scan[0]!.t) / 1000 : 0,
    scanCpuMs: sum(scan),
    inclusive: inclusive(scan).slice(0, 20),
    self: selfTime(scan).slice(0, 15),
    setup: inclusive(setup).slice(0, 12),
  };
}
