/**
 * Main-thread tasks of one page load from a Chromium trace (CDP Tracing), on
 * the same clock as the User Timing marks. The Long Tasks API only reports
 * tasks over 50 ms; the trace gives every task's length, so "longest task
 * after start" can be checked against the 16 ms aim, and each task can be
 * attributed: does it run the extension's code, and what else is in it.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

const CATEGORIES = [
  'toplevel',
  'blink.user_timing',
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-devtools.timeline',
  '__metadata',
];

/** Starts tracing on a page's CDP session; the returned function stops it and resolves with every event. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: object[] }) => events.push(...(e.value as TraceEvent[])));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

export interface TaskSummary {
  /** ms from the start mark to the task's start (negative: began before it). */
  at: number;
  ms: number;
  /** The task runs the extension's code: a script event with its URL, or script/microtask work with no page URL. */
  extension: boolean;
  /** Longest-first nested activities: script, style recalc, layout, paint, GC, parse. */
  inside: Record<string, number>;
}

export interface TraceAnalysis {
  startToReady: number;
  /** Every main-thread task overlapping [start, ready + tailMs], longest first. */
  tasks: TaskSummary[];
  longest: TaskSummary | undefined;
  longestExtension: TaskSummary | undefined;
  /** Sum of extension tasks' time between start and ready, and the number of such tasks (slices). */
  extensionBusyMs: number;
  extensionTasks: number;
  /** Main-thread time in tasks that are not the extension's, between start and ready. */
  otherBusyMs: number;
  /** start → first extension task after the initial one: the wait for config and settings. */
  firstGapMs: number;
  /**
   * The task that holds the start mark — the one that injects the content script, compiles and runs it up to its
   * first pause — and how much of it came before the mark (compiling the script, creating its world). Compared
   * across arms it tells what a bundle's size costs a cold tab beyond what any content script pays.
   */
  injection?: { ms: number; beforeStartMs: number };
}

const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.callFunction': 'script',
  'v8.run': 'script',
  RunMicrotasks: 'microtasks',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  ParseHTML: 'parse',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
};

/** Analyses the main thread of the renderer that recorded the marks. */
export function analyseTrace(events: TraceEvent[], extensionUrlPrefix: string, tailMs = 500): TraceAnalysis | undefined {
  const start = events.find((e) => e.cat.includes('blink.user_timing') && e.name === 'frontier-facts:start');
  const ready = events.find((e) => e.cat.includes('blink.user_timing') && e.name === 'frontier-facts:ready');
  if (!start || !ready) return undefined;
  const main = events.find((e) => e.name === 'thread_name' && e.pid === start.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? start.tid;
  const thread = events.filter((e) => e.pid === start.pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
  thread.sort((a, b) => a.ts - b.ts);
  const from = start.ts;
  const readyTs = ready.ts;
  const to = readyTs + tailMs * 1000;
  // Top-level tasks: RunTask events not nested in another one.
  const tops: TraceEvent[] = [];
  let openUntil = -Infinity;
  for (const e of thread) {
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
    if (e.ts < openUntil) continue;
    tops.push(e);
    openUntil = e.ts + e.dur!;
  }
  const tasks: TaskSummary[] = [];
  let extensionBusy = 0;
  let extensionTasks = 0;
  let otherBusy = 0;
  const extStarts: number[] = [];
  for (const task of tops) {
    const end = task.ts + task.dur!;
    if (end < from || task.ts > to) continue;
    const inside: Record<string, number> = {};
    let extensionUrl = false;
    let pageUrl = false;
    let script = false;
    for (const e of thread) {
      if (e.ts < task.ts || e.ts >= end || e === task) continue;
      const kind = KINDS[e.name];
      if (kind) inside[kind] = (inside[kind] ?? 0) + e.dur! / 1000;
      if (kind === 'script' || kind === 'microtasks') script = true;
      const url = (e.args?.data?.url as string | undefined) ?? '';
      if (url.startsWith(extensionUrlPrefix)) extensionUrl = true;
      else if (/^https?:/.test(url) && kind === 'script') pageUrl = true;
    }
    // Continuations after `await` (every scan slice) run as microtasks with no script URL. The
    // benchmark's pages run no script of their own, so script work without a page URL is the extension's.
    const extension = extensionUrl || (script && !pageUrl);
    for (const k of Object.keys(inside)) inside[k] = Math.round(inside[k]! * 1000) / 1000;
    const summary: TaskSummary = { at: (task.ts - from) / 1000, ms: task.dur! / 1000, extension, inside };
    tasks.push(summary);
    if (task.ts <= readyTs && end >= from) {
      const overlap = (Math.min(end, readyTs) - Math.max(task.ts, from)) / 1000;
      if (extension) {
        extensionBusy += overlap;
        extensionTasks++;
        extStarts.push(task.ts);
      } else {
        otherBusy += overlap;
      }
    }
  }
  const holder = tops.find((t) => t.ts <= from && from < t.ts + t.dur!);
  tasks.sort((a, b) => b.ms - a.ms);
  // The first extension task holds the start mark (script evaluation); the next one runs after config arrives.
  const firstGap = extStarts.length > 1 ? (extStarts[1]! - from) / 1000 : NaN;
  return {
    startToReady: (readyTs - from) / 1000,
    tasks: tasks.slice(0, 8),
    longest: tasks[0],
    longestExtension: tasks.find((t) => t.extension),
    extensionBusyMs: extensionBusy,
    extensionTasks,
    otherBusyMs: otherBusy,
    firstGapMs: firstGap,
    ...(holder ? { injection: { ms: holder.dur! / 1000, beforeStartMs: (from - holder.ts) / 1000 } } : {}),
  };
}
