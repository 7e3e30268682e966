/**
 * The live-feed page: a news page whose feed holds 200 paragraphs; once told
 * to run, its own script appends 20 new paragraphs every 100 ms and removes
 * the 20 oldest, so the page always holds 200. One paragraph in ten names a
 * subject (a planted mention), one in ten a look-alike; the rest is filler.
 * Deterministic: paragraph n is always the same text and markup.
 *
 * The page's script (FEED_SCRIPT) is served from its own URL, so its work is
 * the page's in a trace, and exposes `__feed.run(ms)` and `__feed.check()`.
 */

export const FEED_PARAGRAPHS = 200;
export const FEED_BATCH = 20;
export const FEED_INTERVAL_MS = 100;

/** Runs in the page: see the module comment. Self-contained (serialised with toString). */
function feedScript(total: number, batch: number, intervalMs: number): void {
  const filler = [
    'The city council announced a new bus timetable on Tuesday',
    'Local farmers reviewed the spring harvest after a long meeting',
    '市政府周二宣布了新的公交时刻表',
    'Commuters reported delays on the northern line despite heavy rain',
    '志愿者们在河边清理垃圾',
    'The museum opened an exhibition of maps at the town hall',
  ];
  const mentions = [
    'Anthropic said Claude Mythos found thousands of previously unknown flaws',
    'Partners in Project Glasswing received early access to patch critical software',
    '多家机构加入了玻璃翼计划，以修复关键软件中的漏洞',
  ];
  const lookalikes = ['A glasswing butterfly rested in the rainforest garden', 'Fans gathered to discuss the Cthulhu Mythos'];
  const feed = document.getElementById('feed')!;
  const paragraph = (n: number): HTMLElement => {
    const p = document.createElement('p');
    const kind = n % 10;
    const main = kind === 3 ? mentions[n % mentions.length]! : kind === 7 ? lookalikes[n % lookalikes.length]! : filler[n % filler.length]!;
    if (kind === 3) p.dataset.mention = '';
    const b = document.createElement(n % 2 ? 'b' : 'a');
    b.textContent = `Update ${n}: `;
    p.append(b, `${main}. `, filler[(n + 1) % filler.length]!, '.');
    return p;
  };
  let next = 0;
  const append = (count: number) => {
    const frag = document.createDocumentFragment();
    for (let i = 0; i < count; i++) frag.append(paragraph(next++));
    feed.append(frag);
  };
  append(total);
  (globalThis as unknown as { __feed: unknown }).__feed = {
    run: (ms: number) =>
      new Promise<number>((resolve) => {
        const end = performance.now() + ms;
        let ticks = 0;
        const tick = () => {
          append(batch);
          for (let i = 0; i < batch; i++) feed.firstElementChild?.remove();
          ticks++;
          if (performance.now() < end) setTimeout(tick, intervalMs);
          else resolve(ticks);
        };
        setTimeout(tick, intervalMs);
      }),
    /** Paragraphs on the page that name a subject, and our highlight ranges on live / removed text. */
    check: () => {
      const registry = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
      // Mentions inside a link have a highlight of their own (src/content/highlight-names.ts).
      const ranges = [...(registry?.get('ff-mention') ?? []), ...(registry?.get('ff-mention-link') ?? [])];
      const live = ranges.filter((r) => r.startContainer.isConnected && !r.collapsed);
      const marked = new Set(live.map((r) => r.startContainer.parentElement?.closest('p')));
      return {
        expected: feed.querySelectorAll('p[data-mention]').length,
        live: live.length,
        stale: ranges.length - live.length,
        missed: [...feed.querySelectorAll('p[data-mention]')].filter((p) => !marked.has(p as HTMLParagraphElement)).length,
      };
    },
  };
}

export interface FeedCheck {
  expected: number;
  live: number;
  stale: number;
  missed: number;
}

/** The page's script, as served at its own URL. */
// tsx (the bench runs under it) wraps named functions in a `__name` helper the page must have.
export const FEED_SCRIPT = `var __name = globalThis.__name || ((f) => f);\n(${feedScript.toString()})(${FEED_PARAGRAPHS}, ${FEED_BATCH}, ${FEED_INTERVAL_MS});\n`;

/** The page itself; `scriptPath` is where FEED_SCRIPT is served. */
export function feedPage(scriptPath: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Live feed</title>
<style>body{font:16px/1.5 sans-serif;max-width:46rem;margin:2rem auto}p{margin:.4rem 0}</style></head>
<body><header><h1>Live: the day's news as it happens</h1><p>Updates appear below as they come in.</p></header>
<section id="feed"></section>
<script src="${scriptPath}"></script>
</body></html>`;
}
