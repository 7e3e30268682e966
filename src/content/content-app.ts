/**
 * The content script's long-lived state for one document: the matcher, the
 * page index, the highlighter and the mutation batcher, and the scans that
 * feed them. Everything stops when the signal aborts.
 */
import { ScanMatcher, type ScanContext } from '../shared/scan-matcher';
import { isActiveOn, type Settings } from '../shared/settings';
import type { LazyMatcherTables } from '../shared/matcher-tables';
import { LateShadowRoots } from './late-shadow-roots';
import { MutationBatcher } from './mutation-batcher';
import { PageIndex, type MarkRecord } from './page-index';
import { Highlighter } from './highlighter';
import type { CheckClaims } from './remote-claims';
import { pagePublishedDate } from './page-date';
import { findOpenShadowRoots, scanChunked, scanTree, type Paragraph } from './scan';
import { sliceClock, yieldToPage, type SliceClock } from './yield-to-page';

export const MARK_READY = 'frontier-facts:ready';

export interface ContentAppOptions {
  doc: Document;
  signal: AbortSignal;
  /**
   * What the matcher is built from: the scan's tables the build compiled in, and where the claim module comes from
   * when claims are checked in the page (tests derive both from the dataset).
   */
  tables: LazyMatcherTables;
  settings: Settings;
  /** Called after every change to the page's marks (badge counts, an open card). */
  onChange?: (app: ContentApp) => void;
  /** Checks claims off the page's thread (the background, remote-claims.ts); without it, claims are checked here. */
  checkClaims?: CheckClaims;
}

export class ContentApp {
  readonly index: PageIndex;
  private readonly doc: Document;
  private readonly signal: AbortSignal;
  private readonly batcher: MutationBatcher;
  /** Open shadow roots found, with the generation whose scan covered them (a full rescan scans them again). */
  private readonly shadowRoots = new Map<ShadowRoot, number>();
  private readonly lateRoots: LateShadowRoots;
  /** Scans of shadow roots found during a document scan: ready waits for them. */
  private readonly shadowScans = new Set<Promise<unknown>>();
  /** The matcher's key literals, for skipping text that cannot match (null: walk everything). */
  private readonly keys: RegExp | null;
  private settings: Settings;
  private active = false;
  private ready = false;
  /** Bumped by every full rescan so an outdated scan stops feeding the index. */
  private generation = 0;
  private onChange: ((app: ContentApp) => void) | undefined;
  /** Set by the card controller: opens the card on a revealed mark. */
  onReveal: ((mark: MarkRecord) => void) | undefined;
  /** Set by the card controller: a card open on a mark the reader just hid closes. */
  onMarksHidden: (() => void) | undefined;

  constructor(options: ContentAppOptions) {
    this.doc = options.doc;
    this.signal = options.signal;
    this.settings = options.settings;
    this.onChange = options.onChange;
    const matcher = new ScanMatcher(options.tables);
    this.keys = matcher.keys;
    this.index = new PageIndex(matcher, lazyPageContext(this.doc), new Highlighter(), options.checkClaims);
    this.batcher = new MutationBatcher((batch) => void this.applyBatch(batch), this.signal);
    this.lateRoots = new LateShadowRoots(this.doc, this.signal, (root) => this.findLateRoots(root));
    this.signal.addEventListener('abort', () => this.clearMarks(), { once: true });
  }

  /** The page's highlights (the index owns them). */
  get highlighter() {
    return this.index.highlighter;
  }

  get isReady(): boolean {
    return this.ready;
  }

  get isActive(): boolean {
    return this.active;
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  /** The page's open shadow roots we scan (for hit-testing inside them). */
  get openShadowRoots(): ShadowRoot[] {
    return [...this.shadowRoots.keys()];
  }

  /** The initial scan; resolves once every paragraph has been matched and highlighted. */
  async start(): Promise<void> {
    this.active = isActiveOn(this.settings, this.doc.location?.hostname ?? '');
    if (this.active) {
      this.highlighter.setStyle(this.settings.highlightStyle);
      this.batcher.observe(this.doc);
      await this.scanDocument();
      this.lateRoots.watchPage();
    }
    this.ready = true;
    this.notify();
  }

  /** Applies new settings live: turning off removes every mark, turning on scans again. */
  async updateSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    const active = isActiveOn(settings, this.doc.location?.hostname ?? '');
    if (active === this.active) {
      if (active) this.highlighter.setStyle(settings.highlightStyle);
      this.notify();
      return;
    }
    this.active = active;
    if (!active) {
      this.generation++;
      this.batcher.pause();
      this.clearMarks();
      this.notify();
      return;
    }
    this.highlighter.setStyle(settings.highlightStyle);
    this.batcher.observe(this.doc);
    await this.scanDocument();
    this.lateRoots.watchPage();
    this.notify();
  }

  /** Scrolls a mark into view and makes it the active one (the card opens on it). */
  reveal(mark: MarkRecord): void {
    const target = mark.range.startContainer.parentElement;
    const reduced = this.doc.defaultView?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? true;
    target?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    this.onReveal?.(mark);
  }

  /** Whether the reader has hidden the page's marks (they come back on the next page load). */
  get marksHidden(): boolean {
    return this.highlighter.isHidden;
  }

  /** Hides or shows the marks; the scan and the page report go on as before. */
  setMarksHidden(hidden: boolean): void {
    this.highlighter.setHidden(hidden);
    if (hidden) this.onMarksHidden?.();
    this.notify();
  }

  /** Removes every highlight we registered (the manifest's rules stay: without our highlights they style nothing). */
  clearMarks(): void {
    this.index.clear();
  }

  private notify(): void {
    this.onChange?.(this);
  }

  private async scanDocument(): Promise<void> {
    const generation = ++this.generation;
    this.batcher.pause();
    this.index.clear();
    this.highlighter.setStyle(this.settings.highlightStyle);
    const root = this.doc.body ?? this.doc.documentElement;
    if (root) {
      // The set-up before the scan (the matcher, the index, the card's listeners: 3–17 ms of cold code on a fresh
      // page) is a task of its own, not the head of the first scan slice.
      await yieldToPage(this.doc);
      if (generation !== this.generation || this.signal.aborted) return;
      const anchor = viewportAnchor(this.doc);
      const clock = sliceClock();
      // The part of the page in view first, then the rest: marks appear where the reader is looking.
      if (anchor) await this.scan(anchor, generation, clock);
      const outcome = await this.scan(root, generation, clock, anchor ?? undefined);
      if (outcome === 'lost' && generation === this.generation) return this.scanDocument();
      // Shadow roots found on the way (and in them) are part of the page: ready waits for them.
      while (this.shadowScans.size > 0) await Promise.allSettled(this.shadowScans);
      // Claims of paragraphs that waited for the claim tables (page-index.ts): ready means checked.
      await this.index.claimsSettled();
    }
    if (generation !== this.generation || this.signal.aborted) return;
    await afterNextPaint(this.doc);
    this.index.verifyVisibility();
    this.batcher.resume();
  }

  private async scan(root: Node, generation: number, clock: SliceClock, skip?: Node) {
    const signal = this.signal;
    const wanted = () => generation === this.generation && !signal.aborted;
    const onParagraph = (p: Paragraph) => {
      if (wanted()) return this.index.addParagraphInSlices(p, clock, () => yieldToPage(this.doc), wanted);
    };
    const options = {
      signal,
      clock,
      onParagraph,
      onShadowRoot: (shadow: ShadowRoot) => this.adoptShadowRoot(shadow),
      ...(skip ? { skip } : {}),
    };
    if (!this.keys) return scanTree(root, options);
    const onGap = () => {
      if (generation === this.generation) this.index.breakContext();
    };
    return scanChunked(root, { ...options, keys: this.keys, onGap });
  }

  /** Open shadow roots on the page are scanned and observed like the document. */
  private adoptShadowRoot(shadow: ShadowRoot): void {
    if (this.shadowRoots.get(shadow) === this.generation) return;
    this.shadowRoots.set(shadow, this.generation);
    this.batcher.observe(shadow);
    const scan: Promise<void> = this.scan(shadow, this.generation, sliceClock())
      .then(() => this.index.claimsSettled())
      .then(() => {
        this.index.verifyVisibility();
        this.notify();
      })
      .finally(() => this.shadowScans.delete(scan));
    this.shadowScans.add(scan);
  }

  private async applyBatch(batch: { roots: Node[]; removed: boolean; full: boolean }): Promise<void> {
    if (!this.active || this.signal.aborted) return;
    if (batch.full) {
      await this.scanDocument();
      this.notify();
      return;
    }
    if (batch.removed) {
      this.index.dropDisconnected();
      // A removed host's root is forgotten (and found again if the host comes back).
      for (const shadow of this.shadowRoots.keys()) if (!shadow.host.isConnected) this.shadowRoots.delete(shadow);
    }
    const generation = this.generation;
    const clock = sliceClock();
    for (const root of batch.roots) {
      if (generation !== this.generation) return;
      this.index.removeWithin(root);
      const outcome = await this.scan(root, generation, clock);
      if (outcome === 'aborted') return;
    }
    await this.index.claimsSettled();
    if (generation !== this.generation) return;
    this.index.verifyVisibility();
    this.notify();
    // A host inserted now may get its shadow root (and the root its text) a little later.
    this.lateRoots.afterInsert(batch.roots);
  }

  /** A later look for roots (late-shadow-roots.ts): new ones are scanned, known ones looked into for nested ones. */
  private async findLateRoots(root: Node): Promise<void> {
    if (!this.active || this.signal.aborted || !root.isConnected) return;
    await findOpenShadowRoots(root, {
      signal: this.signal,
      onRoot: (shadow) => {
        if (this.shadowRoots.get(shadow) === this.generation) return true;
        this.adoptShadowRoot(shadow);
        return false;
      },
    });
  }
}

/**
 * The page's publication date is read when a claim is first checked, not in the set-up: reading it walks the
 * page's meta tags and JSON-LD (1–7 ms of cold code), and most pages a reader opens hold no claim to check.
 */
function lazyPageContext(doc: Document): ScanContext {
  let date: string | null | undefined;
  return {
    get pageDate() {
      if (date === undefined) date = pagePublishedDate(doc);
      return date;
    },
  };
}

/**
 * When the page opens scrolled (a restored position, a #fragment), the block
 * in the middle of the viewport and its section are scanned first. Not on a
 * small page: its whole scan takes a slice or two, so the order does not
 * matter, while reading the scroll position would force the page's first
 * layout inside our task.
 */
function viewportAnchor(doc: Document): Element | null {
  const view = doc.defaultView;
  if (!view || isSmallPage(doc) || view.scrollY < view.innerHeight / 2) return null;
  let el = doc.elementFromPoint(view.innerWidth / 2, view.innerHeight / 2);
  if (!el || el === doc.body || el === doc.documentElement) return null;
  while (el.parentElement && el.parentElement !== doc.body && !/^(article|section|main)$/.test(el.localName)) {
    if ((el.parentElement.textContent?.length ?? 0) > 20_000) break;
    el = el.parentElement;
  }
  return el;
}

const SMALL_PAGE_ELEMENTS = 3000;

/** A page whose style and layout cost less than waiting a frame for them (a typical article is a few hundred elements). */
function isSmallPage(doc: Document): boolean {
  // An indexed read walks the live collection only that far; `.length` would count a big page to the end.
  return doc.getElementsByTagName('*').item(SMALL_PAGE_ELEMENTS) === null;
}

/**
 * Resolves once the page has rendered a frame (style and layout are then up to date, so
 * visibility checks are cheap): at once when it already has, or is small or hidden (hidden
 * tabs render no frames), else after the next frame or 100 ms.
 */
function afterNextPaint(doc: Document): Promise<void> {
  const view = doc.defaultView;
  if (!view || isSmallPage(doc) || doc.visibilityState === 'hidden' || hasPainted(view)) return Promise.resolve();
  // An idle callback runs after the frame in progress has been rendered, in a task of its own: a
  // requestAnimationFrame callback would run inside the rendering task and make the page's first
  // layout of a large document look like one long task of ours.
  return new Promise((resolve) => view.requestIdleCallback(() => resolve(), { timeout: 100 }));
}

/** Whether the page has rendered a frame already (so its style is up to date but for what changed since). */
function hasPainted(view: Window): boolean {
  return view.performance.getEntriesByType('paint').length > 0;
}
