/**
 * What one `npm run bench` does: pages, repetitions per measurement, and the
 * mark.js inputs (every alias text in the dataset, and one combined regex).
 * mark.js is slow enough on big pages (mark() on the 200k page took about two
 * minutes per run here) that its repetitions shrink with page size; `--full`
 * runs every cell.
 */
import entities from '../src/data/entities.json';
import { benchPages, type BenchPageInfo } from './routes';

export interface MarkJsInput {
  src: string;
  method: 'mark' | 'markRegExp';
  aliases: string[];
  regex: string;
}

export interface Reps {
  /** Loads in fresh tabs, per arm. */
  load: number;
  /** Loads in the same tab, per arm (after one that warms the tab). */
  same: number;
  markRegExp: number;
  mark: number;
}

export interface Plan {
  full: boolean;
  pages: BenchPageInfo[];
  reps: (page: BenchPageInfo) => Reps;
  firefoxReps: (page: BenchPageInfo) => Reps;
  aliases: string[];
  regex: string;
  /** Also trace the seed pages (synthetic pages are always traced once). */
  traceSeeds: boolean;
  hoverPages: string[];
  hoverMoves: number;
  scrollRuns: number;
  scrollBatches: number;
  /** Live-feed runs per arm (0: none) and their length. */
  feedRuns: number;
  feedSeconds: number;
  browsers: Array<'chromium' | 'firefox'>;
  /** Another build of the extension (a directory holding chrome/ and firefox/), measured as a fourth arm. */
  baseline: string | undefined;
}

/** Every alias text of the three subjects, as the dataset lists them. */
export function aliasTexts(): string[] {
  return [...new Set(entities.flatMap((e) => e.aliases.map((a) => a.text)))];
}

/** The aliases as one alternation, longest first (what a developer would write for markRegExp). */
export function combinedRegex(aliases: readonly string[]): string {
  return [...aliases]
    .sort((a, b) => b.length - a.length)
    .map((a) => a.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
}

/** `--loads=N`: loads per arm and page (fresh tab and same tab), from 1 to 50; undefined without it. */
export function loadsArg(args: readonly string[]): number | undefined {
  const value = args.find((a) => a.startsWith('--loads='))?.slice('--loads='.length);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new Error(`--loads wants a whole number from 1 to 50, not ${value}`);
  return n;
}

export function makePlan(args: string[]): Plan {
  const full = args.includes('--full');
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const sizes = args
    .find((a) => a.startsWith('--sizes='))
    ?.slice('--sizes='.length)
    .split(',')
    .map(Number);
  const size = (p: BenchPageInfo) => p.generated?.textNodes ?? 0;
  const aliases = aliasTexts();
  // More loads per arm than the default five: what comparing two builds needs (five loads per arm put two
  // identical builds up to ~30 ms apart; see the findings). Fresh-tab and same-tab loads alike.
  const loads = loadsArg(args);
  const withLoads = <T extends { load: number; same: number }>(r: T): T => (loads ? { ...r, load: loads, same: loads } : r);
  return {
    full,
    pages: benchPages(sizes ?? (quick ? [10_000] : undefined)),
    reps: (p) => {
      const n = size(p);
      if (quick) return withLoads({ load: 2, same: 2, markRegExp: 1, mark: n > 20_000 ? 0 : 1 });
      return withLoads({
        load: n >= 200_000 ? 3 : 5,
        same: n >= 200_000 ? 3 : 5,
        markRegExp: n >= 200_000 ? 1 : 3,
        mark: n >= 200_000 ? (full ? 1 : 0) : n >= 50_000 ? 1 : 3,
      });
    },
    firefoxReps: (p) => {
      const n = size(p);
      if (quick) return withLoads({ load: 2, same: 2, markRegExp: 1, mark: n > 20_000 ? 0 : 1 });
      return withLoads({
        load: n >= 200_000 ? 3 : 5,
        same: n >= 200_000 ? 3 : 5,
        markRegExp: n >= 200_000 ? (full ? 1 : 0) : n >= 50_000 ? 1 : 3,
        mark: n >= 50_000 ? (full ? 1 : 0) : 3,
      });
    },
    aliases,
    regex: combinedRegex(aliases),
    traceSeeds: !quick,
    hoverPages: quick ? ['synthetic-10k'] : ['synthetic-50k'],
    hoverMoves: quick ? 200 : 1000,
    scrollRuns: quick ? 1 : 2,
    scrollBatches: quick ? 8 : 24,
    feedRuns: args.includes('--no-feed') ? 0 : quick ? 1 : 2,
    feedSeconds: quick ? 10 : 20,
    baseline: args.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length),
    browsers: only === 'chromium' || only === 'firefox' ? [only] : ['chromium', 'firefox'],
  };
}
