/** The benchmark's tables (printed, and written into bench/README.md) and the verdict on each target. */
import type { ChromiumResults, LoadMeasurements } from './chromium-suite';
import type { FirefoxLoad, FirefoxResults } from './firefox-suite';
import type { ProfileBreakdown } from './profile';

export interface TargetVerdict {
  target: string;
  met: boolean;
  detail: string;
}

const ms = (v: number | undefined | null) =>
  v === undefined || v === null || !Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
const ratio = (a: number | undefined | null, b: number | undefined | null) =>
  a === undefined || a === null || b === undefined || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0
    ? '–'
    : `${(a / b).toFixed(a / b >= 10 ? 0 : 1)}×`;
const spread = (s: { min: number; max: number }) => (Number.isFinite(s.min) ? `${ms(s.min)}–${ms(s.max)}` : '–');

type AnyLoad = LoadMeasurements | FirefoxLoad;

/** Frames that only pass the scan along; left out of the inclusive list. */
const WRAPPERS = new Set(['main', 'start', 'scanDocument', 'scan', 'onParagraph', 'flush', '(module top level)']);
const code = (name: string) => `\`${name.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;

function loadRows(loads: AnyLoad[]): string[] {
  const rows = [
    '| page | text nodes | floor | extension start→ready (min–max) | ext ÷ floor | markRegExp() | mark() | markRegExp ÷ ext | mark() ÷ ext | mentions |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const l of loads) {
    const planted = l.page.generated ? `/${l.page.generated.planted}` : '';
    rows.push(
      `| ${l.page.id} | ${l.textNodes.toLocaleString('en-US')} | ${ms(l.floor.median)} | ${ms(l.extension.median)} (${spread(l.extension)}) | ${ratio(l.extension.median, l.floor.median)} | ` +
        `${ms(l.markRegExp?.median)} | ${ms(l.mark?.median)} | ${ratio(l.markRegExp?.median, l.extension.median)} | ${ratio(l.mark?.median, l.extension.median)} | ${l.mentions}${planted} |`,
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
    out.push(`### Chromium ${chromium.version}: page load (median ms)`, '', ...loadRows(chromium.loads), '');
    out.push(
      `### Chromium: longest task, added elements, heap`,
      '',
      '| page | longest task after start (trace) | its work before `start` | longest Long Tasks API entry with / without the extension | main-thread busy start→ready | elements added | retained JS heap with / without (Δ) |',
      '|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const l of chromium.loads) {
      const t = l.trace;
      const longest = t?.longestExtension;
      const before = longest && longest.at < 0 ? ms(-longest.at) : '0';
      out.push(
        `| ${l.page.id} | ${t ? `${ms(longest?.ms)} ms${longest ? '' : ' (none)'}` : '–'} | ${t ? `${before} ms` : '–'} | ${ms(l.longtaskApiMax.max)} / ${ms(l.longtaskApiMaxWithout.max)} ms | ` +
          `${t ? `${ms(t.extensionBusyMs)} ms in ${t.extensionTasks} tasks` : '–'} | ${l.elementsAdded} | ` +
          `${(l.heapWith.median / 1024).toFixed(1)} / ${(l.heapWithout.median / 1024).toFixed(1)} MB (+${((l.heapWith.median - l.heapWithout.median) / 1024).toFixed(1)} MB) |`,
      );
    }
    out.push('');
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
      '| insertion → range registered p50 | p95 | max | missed | long tasks (≥ 50 ms) | elements added |',
      '|---:|---:|---:|---:|---:|---:|',
      `| ${ms(s.latency.p50)} | ${ms(s.latency.p95)} | ${ms(s.latency.max)} | ${s.missed} | ${s.longtasks}${s.longtasks ? ` (max ${ms(s.longestTask)})` : ''} | ${s.elementsAdded} |`,
      '',
    );
  }
  if (firefox) out.push(`### Firefox ${firefox.version}: page load (median ms)`, '', ...loadRows(firefox.loads), '');
  if (profile?.length) {
    out.push('### Where start→ready goes (Chromium, V8 CPU profile of an unminified copy of the content script, one load per page)', '');
    for (const p of profile) {
      out.push(
        `**${p.page}**: start→ready ${ms(p.startToReady)} ms. Injection task ${ms(p.injectionTaskMs)} ms, ${ms(p.beforeStartMs)} ms of it before \`frontier-facts:start\` ` +
          `(set-up CPU ${ms(p.injectionCpuMs)} ms); wait for the config and settings reads ${ms(p.waitMs)} ms; after they arrive ${ms(p.afterWaitCpuMs)} ms (Matcher, app); ` +
          `scan ${ms(p.scanMs)} ms wall, ${ms(p.scanCpuMs)} ms CPU in the content script.`,
        '',
        '| during the scan: function | inclusive ms | share | | self ms: function | ms |',
        '|---|---:|---:|---|---|---:|',
      );
      const inc = p.inclusive.filter((f) => !WRAPPERS.has(f.name)).slice(0, 10);
      for (let i = 0; i < Math.max(inc.length, Math.min(10, p.self.length)); i++) {
        const a = inc[i];
        const b = p.self[i];
        out.push(
          `| ${a ? code(a.name) : ''} | ${a ? ms(a.ms) : ''} | ${a ? `${((100 * a.ms) / (p.scanCpuMs || 1)).toFixed(0)}%` : ''} | | ${b ? code(b.name) : ''} | ${b ? ms(b.ms) : ''} |`,
        );
      }
      out.push('');
    }
  }
  return out.join('\n');
}

export function verdicts(chromium: ChromiumResults | undefined, firefox: FirefoxResults | undefined): TargetVerdict[] {
  const v: TargetVerdict[] = [];
  const loads: Array<{ browser: string; l: AnyLoad }> = [
    ...(chromium?.loads ?? []).map((l) => ({ browser: 'chromium', l })),
    ...(firefox?.loads ?? []).map((l) => ({ browser: 'firefox', l })),
  ];
  const floorRatios = loads.map(({ browser, l }) => ({ browser, id: l.page.id, r: l.extension.median / l.floor.median }));
  const over = floorRatios.filter((x) => !(x.r <= 2));
  v.push({
    target: 'extension start→ready ≤ 2× floor',
    met: over.length === 0,
    detail:
      over.length === 0
        ? 'every page'
        : `missed on ${over.length}/${floorRatios.length} page loads: ${over.map((x) => `${x.browser} ${x.id} ${x.r.toFixed(1)}×`).join(', ')}`,
  });
  const markRatios = loads
    .filter(({ l }) => l.mark)
    .map(({ browser, l }) => ({ browser, id: l.page.id, r: l.mark!.median / l.extension.median }));
  const slow = markRatios.filter((x) => !(x.r >= 100));
  v.push({
    target: '≥ 100× faster than mark.js mark()',
    met: markRatios.length > 0 && slow.length === 0,
    detail:
      slow.length === 0
        ? `every measured page (${markRatios.map((x) => `${x.browser} ${x.id} ${x.r.toFixed(0)}×`).join(', ')})`
        : `missed on ${slow.length}/${markRatios.length}: ${slow.map((x) => `${x.browser} ${x.id} ${x.r.toFixed(1)}×`).join(', ')}`,
  });
  if (chromium) {
    const traced = chromium.loads.filter((l) => l.trace);
    // The trace says which tasks ran our code; a Long Tasks API entry counts against us only where the
    // same page had none of its own without the extension (the API cannot tell whose task it saw).
    const unexplained = chromium.loads.filter((l) => l.longtaskApiMax.max >= 50 && l.longtaskApiMaxWithout.max < 50);
    const worst = Math.max(0, ...traced.map((l) => l.trace?.longestExtension?.ms ?? 0), ...unexplained.map((l) => l.longtaskApiMax.max));
    const worstPage = traced.reduce<LoadMeasurements | undefined>(
      (a, l) => ((l.trace?.longestExtension?.ms ?? 0) > (a?.trace?.longestExtension?.ms ?? 0) ? l : a),
      undefined,
    );
    const apiSeen = chromium.loads.filter((l) => l.longtaskApiMax.max >= 50);
    v.push({
      target: 'longest task after start < 50 ms (aim 16)',
      met: worst < 50,
      detail:
        `worst ${worst.toFixed(1)} ms${worstPage ? ` (trace: ${worstPage.page.id})` : ''}; ${worst < 16 ? 'within the 16 ms aim' : 'over the 16 ms aim'}` +
        (apiSeen.length
          ? `; Long Tasks API entries on ${apiSeen.map((l) => `${l.page.id} (${l.longtaskApiMax.max.toFixed(0)} ms; without the extension ${l.longtaskApiMaxWithout.max.toFixed(0)} ms)`).join(', ')}`
          : '; no Long Tasks API entry'),
    });
    const added = Math.max(
      ...chromium.loads.map((l) => l.elementsAdded),
      ...chromium.hover.map((h) => h.elementsAdded),
      chromium.scroll.elementsAdded,
    );
    const ffAdded = Math.max(0, ...(firefox?.loads ?? []).map((l) => l.elementsAdded));
    v.push({
      target: '0 elements added',
      met: added === 0 && ffAdded === 0,
      detail: `max ${added} (Chromium: loads, hover, scroll)${firefox ? `, ${ffAdded} (Firefox loads)` : ''}`,
    });
    const p95 = Math.max(...chromium.hover.map((h) => h.withExtension.total.p95));
    const net = Math.max(...chromium.hover.map((h) => h.withExtension.total.p95 - h.without.total.p95));
    v.push({
      target: 'hover p95 ≤ 0.5 ms',
      met: p95 <= 0.5,
      detail: `p95 ${p95.toFixed(3)} ms with the extension (${net.toFixed(3)} ms more than without it)`,
    });
  }
  return v;
}

export function verdictTable(v: TargetVerdict[]): string {
  return [
    '| target | met? | detail |',
    '|---|---|---|',
    ...v.map((t) => `| ${t.target} | ${t.met ? 'met' : '**missed**'} | ${t.detail} |`),
  ].join('\n');
}
