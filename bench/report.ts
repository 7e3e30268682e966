/** The benchmark's tables (printed, and written into bench/README.md) and the verdict on each target. */
import type { ArmId } from './arms';
import type { ChromiumResults, LoadMeasurements } from './chromium-suite';
import type { FirefoxLoad, FirefoxResults } from './firefox-suite';
import type { LoadSummary } from './load-runs';
import { profileTables } from './profile-report';
import type { ProfileBreakdown } from './profile';

export interface TargetVerdict {
  target: string;
  met: boolean;
  detail: string;
}

export const ms = (v: number | undefined | null) =>
  v === undefined || v === null || !Number.isFinite(v)
    ? '–'
    : Math.abs(v) >= 100
      ? v.toFixed(0)
      : Math.abs(v) >= 10
        ? v.toFixed(1)
        : v.toFixed(2);
const ratio = (a: number | undefined | null, b: number | undefined | null) =>
  a === undefined || a === null || b === undefined || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0
    ? '–'
    : `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}×`;
const spread = (s: { min: number; max: number }) => (Number.isFinite(s.min) ? `${ms(s.min)}–${ms(s.max)}` : '–');
const signed = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${ms(v)}` : '–');
const mb = (kib: number) => (kib / 1024).toFixed(2);

type AnyLoad = LoadMeasurements | FirefoxLoad;
type Tab = 'fresh' | 'same';
const arm = (l: AnyLoad, id: ArmId, tab: Tab): LoadSummary | undefined => l.arms[id]?.[tab];
const s2r = (l: AnyLoad, id: ArmId, tab: Tab) => arm(l, id, tab)?.startToReady.median;

/** start→ready of the null script and the extension, fresh tabs and same tab, with mark.js for reference. */
function readyRows(loads: AnyLoad[], hasBase: boolean): string[] {
  const base = hasBase ? ' base fresh / same |' : '';
  const rows = [
    `| page | text nodes | null script, fresh tab | extension, fresh tab (min–max) | ext ÷ null | null script, same tab | extension, same tab (min–max) | ext ÷ null |${base} floor (in-page walk) | mark() | markRegExp() | mentions |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|${hasBase ? '---:|' : ''}---:|---:|---:|---:|`,
  ];
  for (const l of loads) {
    const planted = l.page.generated ? `/${l.page.generated.planted}` : '';
    const ext = (tab: Tab) => arm(l, 'ext', tab)!;
    const b = hasBase ? ` ${ms(s2r(l, 'base', 'fresh'))} / ${ms(s2r(l, 'base', 'same'))} |` : '';
    rows.push(
      `| ${l.page.id} | ${l.textNodes.toLocaleString('en-US')} | ${ms(s2r(l, 'null', 'fresh'))} | ${ms(s2r(l, 'ext', 'fresh'))} (${spread(ext('fresh').startToReady)}) | ` +
        `${ratio(s2r(l, 'ext', 'fresh'), s2r(l, 'null', 'fresh'))} | ${ms(s2r(l, 'null', 'same'))} | ${ms(s2r(l, 'ext', 'same'))} (${spread(ext('same').startToReady)}) | ` +
        `${ratio(s2r(l, 'ext', 'same'), s2r(l, 'null', 'same'))} |${b} ${ms(l.floor.median)} | ${ms(l.mark?.median)} | ${ms(l.markRegExp?.median)} | ${ext('fresh').mentions}${planted} |`,
    );
  }
  return rows;
}

/** The page's own DOMContentLoaded and load (from navigation start) without an extension, with the null script and with ours. */
function pageTimingRows(loads: AnyLoad[]): string[] {
  const rows = [
    '| page | fresh: DOMContentLoaded none / null / ext | ext − none | fresh: load none / null / ext | ext − none | same tab: load none / ext | ext − none |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const m = (l: AnyLoad, id: ArmId, tab: Tab, k: 'dcl' | 'load') => arm(l, id, tab)?.[k].median ?? NaN;
  for (const l of loads) {
    rows.push(
      `| ${l.page.id} | ${ms(m(l, 'none', 'fresh', 'dcl'))} / ${ms(m(l, 'null', 'fresh', 'dcl'))} / ${ms(m(l, 'ext', 'fresh', 'dcl'))} | ${signed(m(l, 'ext', 'fresh', 'dcl') - m(l, 'none', 'fresh', 'dcl'))} | ` +
        `${ms(m(l, 'none', 'fresh', 'load'))} / ${ms(m(l, 'null', 'fresh', 'load'))} / ${ms(m(l, 'ext', 'fresh', 'load'))} | ${signed(m(l, 'ext', 'fresh', 'load') - m(l, 'none', 'fresh', 'load'))} | ` +
        `${ms(m(l, 'none', 'same', 'load'))} / ${ms(m(l, 'ext', 'same', 'load'))} | ${signed(m(l, 'ext', 'same', 'load') - m(l, 'none', 'same', 'load'))} |`,
    );
  }
  return rows;
}

/** The task that injected an arm's content script: its length and, in brackets, the part before the start mark. */
function injection(l: LoadMeasurements, id: ArmId): string {
  const i = l.injections?.[id];
  return i ? `${ms(i.ms)} (${ms(i.beforeStartMs)})` : '–';
}

function taskRows(loads: LoadMeasurements[]): string[] {
  const rows = [
    '| page | our longest task (trace) | its work before `start` | injecting task, null / ext: whole (before `start`) ms | longest task after start, anyone’s (trace) | Long Tasks API after DCL: none / null / ext (count, max ms) | our main-thread time start→ready | elements added | retained JS heap none / null / ext MB | ext − none | ext − null |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const l of loads) {
    const t = l.trace;
    const ours = t?.longestExtension;
    const lt = (id: ArmId) => {
      const a = l.arms[id]?.fresh;
      return a ? `${a.longtasks}${a.longtasks ? ` (${ms(a.longtaskMax)})` : ''}` : '–';
    };
    const heap = (id: ArmId) => l.arms[id]?.heap.median ?? NaN;
    rows.push(
      `| ${l.page.id} | ${t ? `${ms(ours?.ms)} ms` : '–'} | ${t ? `${ours && ours.at < 0 ? ms(-ours.at) : '0'} ms` : '–'} | ${injection(l, 'null')} / ${injection(l, 'ext')} | ${t ? `${ms(t.longest?.ms)} ms` : '–'} | ` +
        `${lt('none')} / ${lt('null')} / ${lt('ext')} | ${t ? `${ms(t.extensionBusyMs)} ms in ${t.extensionTasks} tasks` : '–'} | ${l.arms.ext?.fresh.added ?? '–'} | ` +
        `${mb(heap('none'))} / ${mb(heap('null'))} / ${mb(heap('ext'))} | +${mb(heap('ext') - heap('none'))} | +${mb(heap('ext') - heap('null'))} |`,
    );
  }
  return rows;
}

export function tables(
  chromium: ChromiumResults | undefined,
  firefox: FirefoxResults | undefined,
  profile: ProfileBreakdown[] | undefined,
): string {
  const out: string[] = [];
  if (chromium) {
    const hasBase = chromium.arms.some((a) => a.id === 'base');
    out.push(`### Chromium ${chromium.version}: start→ready (median ms)`, '', ...readyRows(chromium.loads, hasBase), '');
    out.push(
      '### Chromium: the page’s own DOMContentLoaded and load (median ms after navigation start)',
      '',
      ...pageTimingRows(chromium.loads),
      '',
    );
    out.push('### Chromium: tasks, added elements, heap (fresh tabs)', '', ...taskRows(chromium.loads), '');
    if (chromium.hover.length) {
      out.push(
        '### Chromium: hover (per pointer move, ms)',
        '',
        '| page | moves | with extension p50 / p95 | without p50 / p95 | of which in the frame (hit test) p50 / p95 | elements added |',
        '|---|---:|---:|---:|---:|---:|',
      );
      for (const h of chromium.hover) {
        out.push(
          `| ${h.page} | ${h.moves} | ${ms(h.withExtension.total.p50)} / ${ms(h.withExtension.total.p95)} | ${ms(h.without.total.p50)} / ${ms(h.without.total.p95)} | ` +
            `${ms(h.withExtension.frame.p50)} / ${ms(h.withExtension.frame.p95)} | ${h.elementsAdded} |`,
        );
      }
      out.push('');
    }
    const s = chromium.scroll;
    out.push(
      `### Chromium: infinite scroll (+${s.nodesPerBatch} text nodes every ${s.intervalMs} ms, ${s.batches} batches × ${s.runs} runs)`,
      '',
      '| insertion → range registered p50 | p95 | max | missed | insertion → first frame showing it, with / without extension p50 (p95) | marked by that frame | long tasks (≥ 50 ms) | elements added |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| ${ms(s.latency.p50)} | ${ms(s.latency.p95)} | ${ms(s.latency.max)} | ${s.missed} | ` +
        `${ms(s.firstFrame.withExtension.p50)} (${ms(s.firstFrame.withExtension.p95)}) / ${ms(s.firstFrame.without.p50)} (${ms(s.firstFrame.without.p95)}) | ` +
        `${s.markedByFirstFrame} of ${s.firstFrame.withExtension.n} | ${s.longtasks}${s.longtasks ? ` (max ${ms(s.longestTask)})` : ''} | ${s.elementsAdded} |`,
      '',
    );
    const f = chromium.feed;
    if (f) {
      out.push(
        `### Chromium: live feed (20 paragraphs every 100 ms, oldest removed, 200 on the page; ${f.seconds} s per run, median of ${f.task.none?.n ?? 0} runs)`,
        '',
        '| arm | main-thread task time (min–max) | script | style | layout | rest (paint, compositing…) | ÷ none | marks live / expected | ranges left on removed text |',
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      );
      for (const id of Object.keys(f.task) as ArmId[]) {
        const task = f.task[id]!;
        const rest = task.median - (f.script[id]!.median + f.style[id]!.median + f.layout[id]!.median);
        const last = [...f.runs].reverse().find((r) => r.arm === id);
        out.push(
          `| ${id} | ${ms(task.median)} (${spread(task)}) | ${ms(f.script[id]!.median)} | ${ms(f.style[id]!.median)} | ${ms(f.layout[id]!.median)} | ${ms(rest)} | ` +
            `${ratio(task.median, f.task.none?.median)} | ${id === 'none' ? '–' : `${last?.check.live ?? '–'} / ${last?.check.expected ?? '–'}`} | ${id === 'none' ? '–' : (last?.check.stale ?? '–')} |`,
        );
      }
      out.push('');
    }
  }
  if (firefox) {
    const hasBase = firefox.arms.some((a) => a.id === 'base');
    out.push(`### Firefox ${firefox.version}: start→ready (median ms)`, '', ...readyRows(firefox.loads, hasBase), '');
    out.push(
      '### Firefox: the page’s own DOMContentLoaded and load (median ms after navigation start)',
      '',
      ...pageTimingRows(firefox.loads),
      '',
    );
  }
  if (profile?.length) out.push(...profileTables(profile));
  return out.join('\n');
}

export { verdicts, verdictTable } from './verdicts';
