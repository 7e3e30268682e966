/** The "where start→ready goes" tables from the CPU profiles (profile.ts). */
import type { ProfileBreakdown } from './profile';

const ms = (v: number | undefined | null) =>
  v === undefined || v === null || !Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);

/** Frames that only pass the scan along; left out of the inclusive list. */
const WRAPPERS = new Set(['main', 'start', 'scanDocument', 'scan', 'onParagraph', 'flush', '(module top level)']);
const code = (name: string) => `\`${name.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;

export function profileTables(profile: ProfileBreakdown[]): string[] {
  const out = ['### Where start→ready goes (Chromium, V8 CPU profile of an unminified copy of the content script, one load per page)', ''];
  for (const p of profile) {
    out.push(
      `**${p.page}**: start→ready ${ms(p.startToReady)} ms. Injection task ${ms(p.injectionTaskMs)} ms, ${ms(p.beforeStartMs)} ms of it before \`frontier-facts:start\` ` +
        `(set-up CPU ${ms(p.injectionCpuMs)} ms); longest wait before the scan ${ms(p.waitMs)} ms; after it ${ms(p.afterWaitCpuMs)} ms (Matcher, app); ` +
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
  return out;
}
