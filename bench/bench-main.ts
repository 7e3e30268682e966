/** The benchmark run behind `npm run bench` (see run.ts): measure, report, write results. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import meta from '../src/data/meta.json';
import { startServer } from '../tooling/server';
import { armSpecs } from './arms';
import { runChromium, type ChromiumResults } from './chromium-suite';
import { runFirefox, type FirefoxResults } from './firefox-suite';
import { PAGE_GENERATOR_VERSION, PAGE_SEED, SCROLL_BATCH_NODES, SCROLL_INTERVAL_MS } from '../tooling/synthetic-pages';
import { makePlan } from './plan';
import { profilePages, type ProfileBreakdown } from './profile';
import { tables, verdicts, verdictTable } from './report';
import { benchRoute, markJsVersion } from './routes';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = import.meta.dirname;

function git(...a: string[]): string {
  try {
    return execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export async function main(args: string[]): Promise<void> {
  const plan = makePlan(args);
  const started = Date.now();
  const loadBefore = loadavg()[0]!;
  // Read as the run starts, right after the build (run.ts): an edit made while the browsers run is not in it.
  const gitState = {
    commit: git('rev-parse', 'HEAD'),
    productTreeDirty: git('status', '--porcelain', '--', 'src', 'manifest.json', 'public') !== '',
  };
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const server = await startServer([benchRoute]);
  let chromium: ChromiumResults | undefined;
  let firefox: FirefoxResults | undefined;
  let profile: ProfileBreakdown[] | undefined;
  try {
    if (plan.browsers.includes('chromium')) {
      chromium = await runChromium(plan, armSpecs('chromium', plan.baseline), server.url, log);
      if (!args.includes('--no-profile')) {
        // The largest and smallest synthetic pages and one seed, of those this run loads.
        const ids = ['synthetic-200k', 'synthetic-10k', 'seed-000'];
        const traced = new Map(
          chromium.loads
            .filter((l) => l.trace?.longestExtension)
            .map((l) => {
              const first = l.trace!.tasks.filter((t) => t.extension).sort((a, b) => a.at - b.at)[0];
              return [l.page.id, { injectionTaskMs: first?.ms ?? NaN, beforeStartMs: first && first.at < 0 ? -first.at : 0 }] as const;
            }),
        );
        profile = await profilePages(
          plan.pages.filter((p) => ids.includes(p.id)),
          server.url,
          traced,
        );
        log(`profiled ${profile.map((p) => p.page).join(', ')}`);
      }
    }
    if (plan.browsers.includes('firefox')) firefox = await runFirefox(plan, armSpecs('firefox', plan.baseline), server.url, log);
  } finally {
    await server.close();
  }

  const table = tables(chromium, firefox, profile);
  const targets = verdicts(chromium, firefox);
  console.log(`\n${table}\n\n### Targets\n\n${verdictTable(targets)}\n`);

  const results = {
    date: new Date().toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    git: gitState,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${process.platform} ${release()}`,
      node: process.version,
      /** 1-minute load average at start and end: other work on the machine widens the spread. */
      loadAverage: { start: round2(loadBefore), end: round2(loadavg()[0]!) },
    },
    browsers: { chromium: chromium?.version ?? null, firefox: firefox?.version ?? null },
    dataset: {
      pages: PAGE_GENERATOR_VERSION,
      pageSeed: PAGE_SEED,
      extensionDataset: meta.version,
      markJs: markJsVersion(),
      aliases: plan.aliases.length,
    },
    method: {
      repetitions: Object.fromEntries(plan.pages.map((p) => [p.id, { chromium: plan.reps(p), firefox: plan.firefoxReps(p) }])),
      arms: 'none: no extension; null: the null content script (bench/null-extension); ext: this build; base: --baseline build. One browser process per arm, same flags; loads interleaved, the arm order rotating per repetition',
      tabs: 'fresh: every load in a new tab (a new renderer process, cold code); same: one tab per arm navigated again, its first load dropped',
      statistic: 'median of page loads; spread as min, max, p25, p75 and every value',
      units: 'ms, heap in KiB',
      timers: 'pages served cross-origin isolated: performance.now() resolution 5 µs (Chromium), 20 µs (Firefox)',
      heap: 'CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage in each fresh tab: the whole renderer isolate (page main world + any isolated world), after ready (after load without an extension)',
      feed: 'live feed: 20 paragraphs appended every 100 ms, the 20 oldest removed (200 on the page); renderer main-thread task time over the run from CDP Performance.getMetrics (thread time), runs interleaved with and without the extension',
      hover:
        'per move: window-capture→last-window-bubble span of pointermove+mousemove, plus the rAF span bracketing the extension’s frame callback (it hit-tests in rAF); one CDP mouse move per frame',
      scroll: `+${SCROLL_BATCH_NODES} text nodes every ${SCROLL_INTERVAL_MS} ms as 25 cards in one append; the page polls CSS.highlights.get('ff-mention') (and 'ff-mention-link') on a 0 ms timer chain for a range inside the new cards`,
    },
    targets,
    chromium: chromium ?? null,
    firefox: firefox ?? null,
    profile: profile ?? null,
  };
  writeFileSync(resolve(BENCH, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  updateReadme(`${table}\n\n### Targets\n\n${verdictTable(targets)}`, results.date, results.command, results.durationSeconds);
  log(`wrote bench/results.json and the tables in bench/README.md (${results.durationSeconds} s)`);
}

const round2 = (v: number) => Math.round(v * 100) / 100;

const BEGIN = '<!-- bench:results:begin -->';
const END = '<!-- bench:results:end -->';

function updateReadme(table: string, date: string, command: string, seconds: number): void {
  const path = resolve(BENCH, 'README.md');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  const from = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  if (from < 0 || to < from) return;
  const block = `${BEGIN}\n_Written by \`${command}\` on ${date.slice(0, 10)} (${seconds} s); full numbers in [results.json](results.json)._\n\n${table}\n${END}`;
  writeFileSync(path, text.slice(0, from) + block + text.slice(to + END.length));
}
