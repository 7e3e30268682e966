/**
 * The benchmark's arms: the same pages loaded, interleaved, in browsers that
 * differ only in what content script they run. `none` runs no extension (the
 * page as its author sees it), `null` the null content script (what any
 * content script that reads the page pays, start-up included), `ext` the
 * build under test, and `base` (only with --baseline=<dir>) another build of
 * the extension, for a before/after in the same run. Each arm is its own
 * browser process with its own profile, launched with the same flags.
 */
import { resolve } from 'node:path';
import { distDir, type BrowserName } from '../tooling/browsers';
import type { InitOptions } from './in-page';

export type ArmId = 'none' | 'null' | 'ext' | 'base';

export interface ArmSpec {
  id: ArmId;
  /** Unpacked extension to load; null for the extension-free arm. */
  dir: string | null;
}

/** The null content script, a verbatim copy of ../shared/bench/null-extension/. */
export const NULL_EXTENSION_DIR = resolve(import.meta.dirname, 'null-extension');

/** The arms of one run, in their base order (loads rotate through it). */
export function armSpecs(browser: BrowserName, baseline: string | undefined): ArmSpec[] {
  const arms: ArmSpec[] = [
    { id: 'none', dir: null },
    { id: 'null', dir: NULL_EXTENSION_DIR },
    { id: 'ext', dir: distDir(browser) },
  ];
  if (baseline) arms.push({ id: 'base', dir: resolve(baseline, browser === 'chromium' ? 'chrome' : 'firefox') });
  return arms;
}

/** One tab of an arm's browser. */
export interface BenchTab {
  goto(url: string): Promise<void>;
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Retained JS heap of the tab's renderer after a full GC (Chromium only), in KiB. */
  heapAfterGc?(): Promise<number>;
  close(): Promise<void>;
}

export interface ArmBrowser {
  spec: ArmSpec;
  version: string;
  /** A new tab with the init script registered before any page code. */
  newTab(init: InitOptions): Promise<BenchTab>;
  close(): Promise<void>;
}

/**
 * The arms in the order for repetition `rep`: the rows of a balanced Latin square (Williams design), so that over
 * a full cycle of repetitions every arm comes first equally often and right after every other arm equally often.
 * A plain rotation kept each arm's predecessor fixed (`base` always loaded right after `ext`, whose tab and worker
 * were likely still winding down), and an A/A run, the same build in both arms, put `ext` 3–27 ms ahead of `base` on
 * every seed page; with this order a second one leaned neither way (bench/README.md's findings).
 */
export function rotate<T>(items: readonly T[], rep: number): T[] {
  const n = items.length;
  if (n === 0) return [];
  // First row 0, 1, n−1, 2, n−2, …; row r adds r to each; an odd n needs the n rows reversed as well.
  const first = [0];
  for (let lo = 1, hi = n - 1; first.length < n;) first.push(first.length % 2 === 1 ? lo++ : hi--);
  const row = rep % (n % 2 === 0 ? n : 2 * n);
  const order = first.map((i) => (i + row) % n);
  if (row >= n) order.reverse();
  return order.map((i) => items[i]!);
}
