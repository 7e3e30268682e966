/**
 * The benchmark's pages on the e2e test server (tests/e2e/server.ts), as extra
 * routes: the synthetic pages, the infinite-scroll page, mark.js, and the seed
 * pages again with the same isolation headers.
 *
 * Every page is served cross-origin isolated (COOP same-origin + COEP
 * require-corp): that raises performance.now() resolution from 100 µs to 5 µs
 * in Chromium (Firefox: 1 ms → 20 µs), which sub-millisecond hover and floor
 * timings need. Neither header changes what the page or the extension does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Route } from '../tooling/server';
import { SEED_IDS, seedHtml } from '../tooling/seed-pages';
import { FEED_SCRIPT, feedPage } from '../tooling/feed-page';
import { infiniteScrollPage, syntheticPage, type SyntheticPage } from '../tooling/synthetic-pages';

const ISOLATED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

const require = createRequire(import.meta.url);
export const MARKJS_PATH = '/bench/mark.js';
export const markJsVersion = (): string => (require('mark.js/package.json') as { version: string }).version;

export interface BenchPageInfo {
  id: string;
  path: string;
  kind: 'synthetic' | 'seed';
  /** Generator's counts (synthetic pages only). */
  generated?: Omit<SyntheticPage, 'html'>;
}

export const SYNTHETIC_SIZES = [10_000, 50_000, 200_000];
export const SCROLL_PATH = '/bench/scroll.html';
export const FEED_PATH = '/bench/feed.html';
const FEED_SCRIPT_PATH = '/bench/feed.js';

const synthetic = new Map<number, SyntheticPage>();
function page(size: number): SyntheticPage {
  let p = synthetic.get(size);
  if (!p) synthetic.set(size, (p = syntheticPage(size)));
  return p;
}

/** The pages every load measurement runs on, synthetic first, then the five seeds. */
export function benchPages(sizes = SYNTHETIC_SIZES): BenchPageInfo[] {
  return [
    ...sizes.map((size): BenchPageInfo => {
      const { html: _html, ...generated } = page(size);
      return { id: `synthetic-${size / 1000}k`, path: `/bench/synthetic-${size}.html`, kind: 'synthetic', generated };
    }),
    ...SEED_IDS.map((id): BenchPageInfo => ({ id: `seed-${id.slice(0, 3)}`, path: `/seeds/${id}.html`, kind: 'seed' })),
  ];
}

export const benchRoute: Route = (path) => {
  const synth = /^\/bench\/synthetic-(\d+)\.html$/.exec(path);
  if (synth) return { headers: ISOLATED, body: page(Number(synth[1])).html };
  if (path === SCROLL_PATH) return { headers: ISOLATED, body: infiniteScrollPage(page(10_000).html) };
  if (path === FEED_PATH) return { headers: ISOLATED, body: feedPage(FEED_SCRIPT_PATH) };
  if (path === FEED_SCRIPT_PATH) return { headers: { ...ISOLATED, 'content-type': 'text/javascript; charset=utf-8' }, body: FEED_SCRIPT };
  if (path === MARKJS_PATH) {
    const body = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
    return { headers: { ...ISOLATED, 'content-type': 'text/javascript; charset=utf-8' }, body };
  }
  const seed = /^\/seeds\/([0-9a-f_]+)\.html$/.exec(path);
  if (seed && SEED_IDS.includes(seed[1]!)) return { headers: ISOLATED, body: seedHtml(seed[1]!) };
  return undefined;
};
