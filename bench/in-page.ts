/**
 * Code that runs inside the benchmarked page (main world). Functions here are
 * serialised by the browser drivers, so each is self-contained; the init
 * script is a plain string so that it can be registered before any page code.
 */

export interface InitOptions {
  /** Long tasks (buffered) and a MutationObserver counting elements added after DOMContentLoaded. */
  observe: boolean;
  /** Brackets every pointermove/mousemove dispatch (window capture → last window bubble listener). */
  hover: boolean;
}

/**
 * Registered before the page loads. tsx compiles named inner functions with a
 * `__name(fn, "name")` helper, so functions the drivers serialise need it
 * defined in the page.
 */
export function initScript(options: InitOptions): string {
  return `(() => {
  globalThis.__name = globalThis.__name || ((f) => f);
  const S = (globalThis.__ffb = { longtasks: [], added: 0, attributes: 0, spans: [], frames: [] });
  ${
    options.observe
      ? `try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) S.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const watch = () =>
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') S.attributes++;
        for (const n of r.addedNodes) if (n.nodeType === 1) S.added += 1 + n.getElementsByTagName('*').length;
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  // Parser insertions are the page's own; count from DOMContentLoaded (content scripts run at document_idle, later).
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch, { once: true });
  else watch();`
      : ''
  }
  ${
    options.hover
      ? `// Dispatch: the first window capture listener → a listener re-added to the end of the window bubble list.
  // Frame: a rAF callback queued before the extension's (at capture) → one queued after it (at the end).
  let frameStart = 0;
  let queued = false;
  for (const type of ['pointermove', 'mousemove']) {
    let t0 = 0;
    const end = () => {
      S.spans.push([type, performance.now() - t0]);
      if (type === 'pointermove' && queued) requestAnimationFrame(() => {
        S.frames.push(performance.now() - frameStart);
        queued = false;
      });
    };
    window.addEventListener(type, () => {
      t0 = performance.now();
      if (type === 'pointermove' && !queued) {
        queued = true;
        requestAnimationFrame(() => (frameStart = performance.now()));
      }
      window.addEventListener(type, end, { once: true });
    }, { capture: true });
  }`
      : ''
  }
})();`;
}

export interface FloorResult {
  ms: number;
  textNodes: number;
  chars: number;
}

/** The floor: one bare TreeWalker pass over <body> reading every text node's data. */
export function floorPass(): FloorResult {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  while (walker.nextNode()) {
    chars += (walker.currentNode as Text).data.length;
    textNodes++;
  }
  return { ms: performance.now() - t0, textNodes, chars };
}

export interface MarkJsArgs {
  src: string;
  method: 'mark' | 'markRegExp';
  aliases: string[];
  regex: string;
}

export interface MarkJsResult {
  ms: number;
  marks: number;
}

/** Loads mark.js into the page and times one call of mark() (every alias) or markRegExp() (one combined regex). */
export async function markJsPass(args: MarkJsArgs): Promise<MarkJsResult> {
  await new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = args.src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`could not load ${args.src}`));
    document.head.append(s);
  });
  type MarkInstance = {
    mark(words: string[], opts: object): void;
    markRegExp(re: RegExp, opts: object): void;
  };
  const Mark = (globalThis as unknown as { Mark: new (ctx: Element) => MarkInstance }).Mark;
  const instance = new Mark(document.body);
  let ms = 0;
  await new Promise<void>((resolve) => {
    // A developer's natural options: phrases as phrases, matched across inline markup like the extension does.
    const opts = { separateWordSearch: false, acrossElements: true, done: () => resolve() };
    const t0 = performance.now();
    if (args.method === 'mark') instance.mark(args.aliases, opts);
    else instance.markRegExp(new RegExp(args.regex, 'gi'), opts);
    ms = performance.now() - t0;
  });
  return { ms, marks: document.getElementsByTagName('mark').length };
}

export interface ReadyResult {
  ready: boolean;
  /** Navigation start → frontier-facts:start, and start → ready, in ms. */
  startAt: number;
  startToReady: number;
  mentions: number;
  claims: number;
  longtasks: Array<[number, number]>;
  added: number;
  attributes: number;
  crossOriginIsolated: boolean;
}

/** Waits (in the page, without polling from outside) for frontier-facts:ready, then reads what the init script gathered. */
export async function readyPass(timeoutMs: number): Promise<ReadyResult> {
  const has = () => performance.getEntriesByName('frontier-facts:ready', 'mark').length > 0;
  if (!has()) {
    await new Promise<void>((resolve) => {
      const deadline = performance.now() + timeoutMs;
      const check = () => (has() || performance.now() > deadline ? resolve() : setTimeout(check, 20));
      check();
    });
  }
  const start = performance.getEntriesByName('frontier-facts:start', 'mark')[0];
  const ready = performance.getEntriesByName('frontier-facts:ready', 'mark')[0];
  const S = (globalThis as unknown as { __ffb: { longtasks: Array<[number, number]>; added: number; attributes: number } }).__ffb;
  const highlights = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
  return {
    ready: ready !== undefined,
    startAt: start?.startTime ?? NaN,
    startToReady: start && ready ? ready.startTime - start.startTime : NaN,
    // Every style's name (src/content/highlight-names.ts): Firefox ESR draws the tinted ones.
    mentions: ['ff-mention', 'ff-mention-bg', 'ff-mention-tint', 'ff-mention-link', 'ff-mention-link-bg', 'ff-mention-link-tint'].reduce(
      (n, name) => n + (highlights?.get(name)?.size ?? 0),
      0,
    ),
    claims: ['ff-claim', 'ff-claim-bg', 'ff-claim-tint'].reduce((n, name) => n + (highlights?.get(name)?.size ?? 0), 0),
    longtasks: S.longtasks.filter(([t, d]) => start !== undefined && t + d > start.startTime),
    added: S.added,
    attributes: S.attributes,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
  };
}

export interface LoadSample {
  /** Navigation start → DOMContentLoaded / load event start: the page's own milestones. */
  dcl: number;
  load: number;
  /** Navigation start → frontier-facts:start, and start → ready (NaN in the extension-free arm). */
  startAt: number;
  startToReady: number;
  /** Long Tasks API entries (≥ 50 ms) ending after DOMContentLoaded: the longest, and how many. */
  longtaskMax: number;
  longtasks: number;
  added: number;
  attributes: number;
  mentions: number;
  claims: number;
  /** The page checked claims itself (the background did not answer): `frontier-facts:claims-local`. */
  claimsLocal: boolean;
  crossOriginIsolated: boolean;
}

/**
 * One load's numbers, read in the page once its load event has ended and (`ready`) the ready mark
 * is set: the page's own DOMContentLoaded and load, the marks, the long tasks after DOMContentLoaded
 * and the elements added since (the init script gathers both).
 */
export async function loadSample(args: { ready: boolean; timeoutMs: number }): Promise<LoadSample> {
  const nav = () => performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const mark = (name: string) => performance.getEntriesByName(name, 'mark')[0];
  const done = () => (nav()?.loadEventEnd ?? 0) > 0 && (!args.ready || mark('frontier-facts:ready') !== undefined);
  const deadline = performance.now() + args.timeoutMs;
  while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  // Long-task entries are delivered to observers a little after the task.
  await new Promise((r) => setTimeout(r, 60));
  const n = nav();
  const start = mark('frontier-facts:start');
  const ready = mark('frontier-facts:ready');
  const S = (globalThis as unknown as { __ffb: { longtasks: Array<[number, number]>; added: number; attributes: number } }).__ffb;
  const highlights = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
  const dcl = n?.domContentLoadedEventStart ?? NaN;
  const after = S.longtasks.filter(([t, d]) => t + d > dcl);
  return {
    dcl,
    load: n?.loadEventStart ?? NaN,
    startAt: start?.startTime ?? NaN,
    startToReady: start && ready ? ready.startTime - start.startTime : NaN,
    longtaskMax: Math.max(0, ...after.map(([, d]) => d)),
    longtasks: after.length,
    added: S.added,
    attributes: S.attributes,
    // Every style's name (src/content/highlight-names.ts): Firefox ESR draws the tinted ones.
    mentions: ['ff-mention', 'ff-mention-bg', 'ff-mention-tint', 'ff-mention-link', 'ff-mention-link-bg', 'ff-mention-link-tint'].reduce(
      (n, name) => n + (highlights?.get(name)?.size ?? 0),
      0,
    ),
    claims: ['ff-claim', 'ff-claim-bg', 'ff-claim-tint'].reduce((n, name) => n + (highlights?.get(name)?.size ?? 0), 0),
    claimsLocal: mark('frontier-facts:claims-local') !== undefined,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
  };
}

/** Hover targets: points over the first `count` mention highlights after scrolling each into view, plus points around them. */
export function hoverPlan(args: { count: number; perMark: number }): Array<{ scrollY: number; points: Array<[number, number]> }> {
  const highlights = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
  // Mentions inside a link have a highlight of their own (src/content/highlight-names.ts).
  const ranges = [...(highlights?.get('ff-mention') ?? []), ...(highlights?.get('ff-mention-link') ?? [])];
  const step = Math.max(1, Math.floor(ranges.length / args.count));
  const plan: Array<{ scrollY: number; points: Array<[number, number]> }> = [];
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  for (let i = 0; i < ranges.length && plan.length < args.count; i += step) {
    const first = ranges[i]!.getClientRects()[0];
    if (!first) continue;
    const scrollY = Math.max(0, Math.round(window.scrollY + first.top - window.innerHeight / 2));
    window.scrollTo(0, scrollY);
    const rects = [...ranges[i]!.getClientRects()];
    const points: Array<[number, number]> = [];
    for (let k = 0; k < args.perMark; k++) {
      // Half the moves over the mark itself, half anywhere in the viewport (mostly over plain text).
      if (k % 2 === 0 && rects.length > 0) {
        const r = rects[k % rects.length]!;
        points.push([Math.round(r.left + rand() * r.width * 10) / 10, Math.round(r.top + r.height / 2)]);
      } else {
        points.push([Math.round(rand() * window.innerWidth * 10) / 10, Math.round(rand() * window.innerHeight)]);
      }
    }
    plan.push({ scrollY, points });
  }
  window.scrollTo(0, 0);
  return plan;
}

export interface HoverSample {
  /** pointermove + mousemove dispatch, in ms. */
  dispatch: number;
  /** rAF work queued by the move (the extension hit-tests in an animation frame), in ms. */
  frame: number;
}

/** Waits for the frame after a move, then returns that move's dispatch and frame spans and clears the log. */
export async function takeHoverSample(): Promise<HoverSample> {
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const S = (globalThis as unknown as { __ffb: { spans: Array<[string, number]>; frames: number[] } }).__ffb;
  const sample = { dispatch: S.spans.reduce((a, [, ms]) => a + ms, 0), frame: S.frames.reduce((a, ms) => a + ms, 0) };
  S.spans = [];
  S.frames = [];
  return sample;
}

export interface ScrollResult {
  latencies: number[];
  /**
   * Insertion → the first frame that lays the batch out (its first ResizeObserver callback, which runs after that
   * frame's animation-frame callbacks, style and layout): before it, nothing of the batch is on screen.
   */
  firstFrames: number[];
  /** Batches whose marks were registered by that first frame (the reader never sees them unmarked). */
  markedByFirstFrame: number;
  missed: number;
  longtasks: Array<[number, number]>;
  added: number;
}

/**
 * The infinite-scroll run: appends a batch every `intervalMs` and polls the
 * shared highlight registry (a 0 ms timer chain, so the page stays idle
 * between polls and idle callbacks still run) until a mention range lies
 * inside the new batch. Latency = append → first poll that sees it. A page
 * timer cannot run before the browser has rendered the insertion, so the
 * run also records the first frame that lays each batch out (the floor, with
 * or without an extension) and whether the batch's marks were in by then.
 */
export async function scrollPass(args: {
  batches: number;
  nodes: number;
  intervalMs: number;
  makeBatch: string;
  timeoutMs: number;
  /** Without the extension: only the first frames, the floor any observer of the page waits for. */
  framesOnly?: boolean;
}): Promise<ScrollResult> {
  const makeBatch = new Function(`return (${args.makeBatch})`)() as (batch: number, nodes: number) => DocumentFragment;
  const feed = document.getElementById('feed')!;
  const highlights = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<Range>> } }).CSS.highlights;
  const S = (globalThis as unknown as { __ffb: { longtasks: Array<[number, number]>; added: number } }).__ffb;
  const t0 = performance.now();
  const addedBefore = S.added;
  const latencies: number[] = [];
  const firstFrames: number[] = [];
  let markedByFirstFrame = 0;
  let framesPending = 0;
  let missed = 0;
  /** Elements the page itself appends: not counted against the extension. */
  let ownElements = 0;
  const pending: Array<{ cards: Element[]; at: number }> = [];
  const found = (cards: Element[]) => {
    for (const name of ['ff-mention', 'ff-mention-link'])
      for (const r of highlights?.get(name) ?? []) if (cards.some((c) => c.contains(r.startContainer))) return true;
    return false;
  };
  await new Promise<void>((resolve) => {
    let appended = 0;
    const append = () => {
      const frag = makeBatch(appended, args.nodes);
      const cards = [...frag.children];
      ownElements += frag.querySelectorAll('*').length;
      feed.append(frag);
      const at = performance.now();
      if (!args.framesOnly) pending.push({ cards, at });
      framesPending++;
      const frame = new ResizeObserver(() => {
        frame.disconnect();
        firstFrames.push(performance.now() - at);
        if (found(cards)) markedByFirstFrame++;
        framesPending--;
      });
      if (cards[0]) frame.observe(cards[0]);
      else framesPending--;
      appended++;
      if (appended < args.batches) setTimeout(append, args.intervalMs);
    };
    const poll = () => {
      const now = performance.now();
      for (let i = pending.length - 1; i >= 0; i--) {
        const p = pending[i]!;
        if (found(p.cards)) {
          latencies.push(now - p.at);
          pending.splice(i, 1);
        } else if (now - p.at > args.timeoutMs) {
          missed++;
          pending.splice(i, 1);
        }
      }
      if (appended >= args.batches && pending.length === 0 && framesPending === 0) resolve();
      else setTimeout(poll, 0);
    };
    append();
    poll();
  });
  return {
    latencies,
    firstFrames,
    markedByFirstFrame,
    missed,
    longtasks: S.longtasks.filter(([t]) => t >= t0),
    added: S.added - addedBefore - ownElements,
  };
}
