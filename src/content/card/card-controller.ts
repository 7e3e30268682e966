/**
 * When the card opens, closes and what it shows.
 *
 * Timing follows Wikipedia's Page Previews: open after a dwell on a mark
 * (the user's card delay, ~500 ms), stay while the pointer is on the mark or
 * the card, close ~300 ms after leaving both; moving to another mark while a
 * card is open swaps its content at once, so there is no flicker. Keyboard:
 * focus on a link holding a mark opens its card (focus moving on to the next
 * such link swaps it at once, like the pointer); Tab from that link enters the
 * card, Shift+Tab from its first control returns to the link, Tab past its
 * last control goes on to what follows the link; the command (Alt+Shift+F)
 * opens it with focus inside; Escape closes and returns focus. Touch: a tap
 * on a mark opens, a tap elsewhere closes.
 *
 * pointermove only records coordinates and the element it hit; the hit test runs at most once per
 * animation frame, from that element's own text (hit-test.ts), and not at all on a page with no marks.
 *
 * The card's UI (card-ui.tsx: Preact, its CSS, the strings) is not in the scan bundle: it loads
 * when a reader first dwells on or focuses a mark, during the same delay that fetches the card's
 * data, so the first card opens no later than before.
 */
import type { Send } from '../../shared/messages';
import type { Settings } from '../../shared/settings';
import type { Highlighter } from '../highlighter';
import { markAtPoint, markInTarget, pointerTarget } from '../hit-test';
import { registerOwn } from '../own-elements';
import type { MarkRecord, PageIndex } from '../page-index';
import { pagePublishedDate } from '../page-date';
import { deepActiveElement, nextTabbableAfter, tabbablesIn } from './card-focus';
import { placeCard, unionBox } from './card-position';
import type { CardFlag } from './card-text';
import type { CardState, CardUi, CardView } from './card-view';

export const CLOSE_DELAY_MS = 300;

export interface CardControllerOptions {
  doc: Document;
  signal: AbortSignal;
  index: PageIndex;
  highlighter: Highlighter;
  send: Send;
  settings: () => Settings;
  shadowRoots: () => ShadowRoot[];
  /** True while the reader has hidden the page's marks (popup switch, keyboard command): no hover or focus cards. */
  marksHidden?: () => boolean;
  /** The card's UI: the module itself, or how to load it on first use (the content script imports it). */
  ui: CardUi | (() => Promise<CardUi>);
}

type OpenedBy = 'pointer' | 'focus' | 'keyboard';

export class CardController {
  private host: CardView | null = null;
  private ui: CardUi | null;
  private uiLoading: Promise<CardUi | null> | null = null;
  /** An open asked for before the UI had loaded: done once it has, unless cancelled meanwhile. */
  private waiting: { mark: MarkRecord; by: OpenedBy } | null = null;
  private mark: MarkRecord | null = null;
  private openedBy: OpenedBy = 'pointer';
  private pending: MarkRecord | null = null;
  /** What asked for the pending open: a pointer leaving cancels only its own. */
  private pendingBy: OpenedBy = 'pointer';
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private readonly tasks = new Set<() => void>();
  private readonly hoverTask = () => this.hoverAt(this.pointer.x, this.pointer.y);
  private readonly layoutTask = () => this.reposition();
  private pointer = { x: -1, y: -1 };
  /** The node the last pointer move hit (the browser's hit test for the event). */
  private pointerHit: Node | null = null;
  private returnFocus: HTMLElement | null = null;
  private readonly cache = new Map<string, Promise<CardState>>();
  private renderSeq = 0;
  /** The page's publication date, read once per address when a card first needs it. */
  private published: { url: string; date: string | null } | null = null;
  private resizeObserver: ResizeObserver | null = null;

  constructor(private readonly o: CardControllerOptions) {
    const { doc, signal } = o;
    this.ui = typeof o.ui === 'function' ? null : o.ui;
    const win = doc.defaultView ?? window;
    const opts = { passive: true, signal } as const;
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    doc.addEventListener('pointerup', (e) => this.onPointerUp(e), opts);
    doc.addEventListener('focusin', (e) => this.onFocusIn(e), { signal });
    doc.addEventListener('focusout', (e) => this.onFocusOut(e), { signal });
    win.addEventListener('keydown', (e) => this.onKeyDown(e), { capture: true, signal });
    win.addEventListener('scroll', () => this.host && this.schedule(this.layoutTask), { ...opts, capture: true });
    win.addEventListener('resize', () => this.host && this.schedule(this.layoutTask), opts);
    signal.addEventListener('abort', () => this.close(false), { once: true });
  }

  get isOpen(): boolean {
    return this.host !== null;
  }

  get current(): MarkRecord | null {
    return this.mark;
  }

  /** Opens the card on a mark now (keyboard command, popup's "show me"): focus moves into it. */
  openFromKeyboard(mark: MarkRecord): void {
    this.open(mark, 'keyboard');
  }

  close(restoreFocus = true): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.pending = null;
    this.waiting = null;
    const host = this.host;
    if (!host) return;
    const hadFocus = host.contains(this.o.doc.activeElement) || host.activeElement != null;
    // Detach first: Chrome fires focusout while removing a focused element, and that handler
    // must see the card as already closed (or it schedules a close that cancels the next open).
    this.host = null;
    this.mark = null;
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    host.destroy();
    clearTimeout(this.closeTimer);
    this.o.highlighter.setActive(null);
    if (restoreFocus && hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.pointer = { x: event.clientX, y: event.clientY };
    if (this.host?.contains(event.target as Node)) {
      clearTimeout(this.closeTimer);
      return;
    }
    // Not counts(): that walks the page's claims, and pointer moves come by the hundred.
    if (!this.o.index.hasMarks && !this.host) return;
    this.pointerHit = pointerTarget(event);
    this.schedule(this.hoverTask);
  }

  private marksShown(): boolean {
    return !this.o.marksHidden?.();
  }

  private hoverAt(x: number, y: number): void {
    const hoverable = this.o.settings().highlightStyle !== 'off' && this.marksShown();
    const mark = hoverable ? this.markUnderPointer(x, y) : null;
    if (mark) {
      clearTimeout(this.closeTimer);
      if (this.host) {
        if (mark !== this.mark) this.open(mark, 'pointer');
      } else if (mark !== this.pending) {
        this.pending = mark;
        this.pendingBy = 'pointer';
        clearTimeout(this.openTimer);
        void this.load(mark); // fetch (and load the UI) during the dwell so the card opens complete
        void this.loadUi();
        this.openTimer = setTimeout(() => this.open(mark, 'pointer'), this.o.settings().cardDelayMs);
      }
      return;
    }
    if (this.pendingBy === 'pointer') {
      this.pending = null;
      clearTimeout(this.openTimer);
    }
    if (this.waiting?.by === 'pointer') this.waiting = null;
    if (this.host && this.openedBy === 'pointer') this.scheduleClose();
  }

  private markUnderPointer(x: number, y: number): MarkRecord | null {
    const found = markInTarget(this.o.index, this.pointerHit, x, y);
    return found !== undefined ? found : markAtPoint(this.o.doc, this.o.index, x, y, this.o.shadowRoots());
  }

  private onPointerUp(event: PointerEvent): void {
    if (event.pointerType !== 'touch' && event.pointerType !== 'pen') return;
    if (this.host?.contains(event.target as Node)) return;
    const mark = markAtPoint(this.o.doc, this.o.index, event.clientX, event.clientY, this.o.shadowRoots());
    if (mark) this.open(mark, 'pointer');
    else this.close(false);
  }

  private onFocusIn(event: FocusEvent): void {
    // Focus inside an open shadow root reaches the document retargeted to its host: the path's first node is the link.
    const target = (event.composedPath()[0] ?? event.target) as Node | null;
    if (this.host?.contains(target) || (target as Element | null)?.localName === this.host?.element.localName) {
      clearTimeout(this.closeTimer);
      return;
    }
    if (!(target instanceof Element) || target === this.o.doc.body || !this.marksShown()) return;
    const mark = this.o.index.markInside(target);
    if (!mark) return;
    clearTimeout(this.closeTimer);
    if (this.host) {
      // A card is open (the previous link's): swap it now, as the pointer does. Waiting would let the
      // close scheduled by the previous link's focusout cancel this open (every other link failed).
      if (target instanceof HTMLElement) this.returnFocus = target;
      if (mark !== this.mark) this.open(mark, 'focus');
      else this.openedBy = this.openedBy === 'pointer' ? 'focus' : this.openedBy;
      return;
    }
    this.pending = mark;
    this.pendingBy = 'focus';
    clearTimeout(this.openTimer);
    void this.load(mark);
    void this.loadUi();
    this.openTimer = setTimeout(() => this.open(mark, 'focus'), this.o.settings().cardDelayMs);
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.host?.contains(next) || next === this.host?.element) return;
    if (this.pendingBy === 'focus') {
      clearTimeout(this.openTimer);
      this.pending = null;
    }
    if (this.waiting?.by === 'focus') this.waiting = null;
    if (this.host && this.openedBy !== 'pointer') this.scheduleClose();
  }

  /** Tab and Shift+Tab between the mark's link and the card, as if the card followed the link. */
  private onTab(event: KeyboardEvent): void {
    const host = this.host;
    const link = this.returnFocus;
    if (!host || !link?.isConnected || event.altKey || event.ctrlKey || event.metaKey) return;
    const root = host.shadowRoot;
    const inside = root.activeElement;
    const controls = tabbablesIn(root);
    let next: HTMLElement | null | undefined;
    if (!inside) {
      // From the link itself, Tab enters the card.
      if (event.shiftKey || deepActiveElement(this.o.doc) !== link || controls.length === 0) return;
      next = controls[0];
    } else if (event.shiftKey) {
      const at = controls.indexOf(inside as HTMLElement);
      if (at > 0) return; // within the card the browser's order is right
      next = link;
    } else {
      const at = controls.indexOf(inside as HTMLElement);
      if (at >= 0 && at < controls.length - 1) return;
      if (at === -1 && controls.length > 0)
        next = controls[0]; // from the card itself to its first control
      else {
        // Past the card's last control: on to whatever follows the link on the page.
        next = nextTabbableAfter(this.o.doc, link, host.element);
        if (!next) return;
        this.close(false);
      }
    }
    if (!next) return;
    event.preventDefault();
    event.stopPropagation();
    next.focus();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Tab') return this.onTab(event);
    if (event.key !== 'Escape' || !this.host) return;
    const inside = this.host.contains(event.target as Node) || event.target === this.host.element;
    if (inside) {
      event.stopPropagation();
      event.preventDefault();
    }
    this.close(true);
  }

  private open(mark: MarkRecord, by: OpenedBy): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    this.pending = null;
    if (!this.host) {
      if (!this.ui) return this.openOnceLoaded(mark, by);
      const active = deepActiveElement(this.o.doc);
      this.returnFocus = active instanceof HTMLElement && active !== this.o.doc.body ? active : null;
      this.host = this.ui.createCardView(this.o.doc, registerOwn);
      this.host.element.addEventListener('pointerleave', () => this.openedBy === 'pointer' && this.scheduleClose(), {
        signal: this.o.signal,
      });
      this.host.element.addEventListener('pointerenter', () => clearTimeout(this.closeTimer), { signal: this.o.signal });
      // The card's content changes height (loaded, a section unfolded): place it again, so a card
      // above its mark grows upwards instead of down over the mark.
      const View = this.o.doc.defaultView as (Window & typeof globalThis) | null;
      if (View?.ResizeObserver) {
        this.resizeObserver = new View.ResizeObserver(() => this.host && this.schedule(this.layoutTask));
      }
    }
    this.mark = mark;
    this.openedBy = by;
    this.o.highlighter.setActive(mark.range);
    void this.renderFor(mark, by === 'keyboard');
  }

  /** Loads the card's UI once (a failed load is retried on the next dwell). */
  private loadUi(): Promise<CardUi | null> {
    if (this.ui) return Promise.resolve(this.ui);
    const load = this.o.ui;
    if (typeof load !== 'function') return Promise.resolve((this.ui = load));
    this.uiLoading ??= load().then(
      (ui) => (this.ui = ui),
      (error: unknown) => {
        console.debug('[frontier-facts] card UI did not load', error);
        this.uiLoading = null;
        return null;
      },
    );
    return this.uiLoading;
  }

  /** The first open on a page that has not loaded the UI yet: open when it arrives, if still wanted. */
  private openOnceLoaded(mark: MarkRecord, by: OpenedBy): void {
    this.waiting = { mark, by };
    void this.loadUi().then((ui) => {
      const wanted = this.waiting;
      this.waiting = null;
      if (ui && wanted && !this.host && !this.o.signal.aborted) this.open(wanted.mark, wanted.by);
    });
  }

  private async renderFor(mark: MarkRecord, focus: boolean): Promise<void> {
    const seq = ++this.renderSeq;
    const contextLang = this.contextLangFor(mark);
    const flags = this.flagsFor(mark);
    const published = this.publishedDate();
    const draw = (state: CardState) => {
      if (seq !== this.renderSeq || !this.host) return;
      this.host.render({
        state,
        fallbackName: mark.kind === 'mention' ? mark.text : mark.sentence,
        language: this.o.settings().language,
        contextLang,
        flags,
        published,
        titleId: 'ff-card-title',
        announce: !focus,
        onClose: () => this.close(true),
        onMore: () => void this.o.send('ui.openPopup'),
      });
      const card = this.host.card;
      if (card && this.resizeObserver) {
        this.resizeObserver.disconnect();
        this.resizeObserver.observe(card.firstElementChild ?? card);
      }
      this.reposition();
    };
    draw({ kind: 'loading' });
    draw(await this.load(mark));
    if (focus && seq === this.renderSeq) this.host?.card?.focus({ preventScroll: true });
  }

  /** The claims the card shows for this mark, with how the sentence uses each (stance and true-until, when the checker says). */
  private flagsFor(mark: MarkRecord): CardFlag[] {
    const claims = mark.kind === 'claim' ? [mark] : mark.claims.filter((c) => this.o.index.isCounted(c));
    const flags = new Map<string, CardFlag>();
    for (const c of claims) {
      if (flags.has(c.claimId)) continue;
      flags.set(c.claimId, {
        claimId: c.claimId,
        ...(c.stance ? { stance: c.stance } : {}),
        ...(c.trueUntil ? { trueUntil: c.trueUntil } : {}),
      });
    }
    return [...flags.values()];
  }

  /** Read when a card opens, not during the scan; again only when the page's address changes (a single-page app). */
  private publishedDate(): string | null {
    const url = this.o.doc.URL;
    if (this.published?.url !== url) this.published = { url, date: pagePublishedDate(this.o.doc) };
    return this.published.date;
  }

  private load(mark: MarkRecord): Promise<CardState> {
    const { entityId } = mark;
    const claimIds = this.flagsFor(mark).map((f) => f.claimId);
    const key = `${entityId}|${claimIds.join(',')}`;
    let state = this.cache.get(key);
    if (!state) {
      state = this.o.send('card.get', { entityId, claimIds }).then((r) => (r.ok ? { kind: 'ready', data: r.value } : { kind: 'error' }));
      this.cache.set(key, state);
      // An error is not cached: the next hover tries again.
      void state.then((s) => s.kind === 'error' && this.cache.delete(key));
    }
    return state;
  }

  /** The language of the text around the mark (the card uses it when the reader's setting is "auto"). */
  private contextLangFor(mark: MarkRecord): string | undefined {
    const el = mark.range.startContainer.parentElement;
    const declared = el?.closest('[lang]')?.getAttribute('lang') ?? undefined;
    // Pages often declare no language, or "en" around Chinese copy: the sentence itself decides then.
    const cjk = mark.sentence.match(/[\u3400-\u9fff]/g)?.length ?? 0;
    const latin = mark.sentence.match(/[A-Za-z]/g)?.length ?? 0;
    return cjk > latin ? 'zh' : declared;
  }

  private reposition(): void {
    const host = this.host;
    const card = host?.card;
    if (!host || !card || !this.mark) return;
    const rects = [...this.mark.range.getClientRects()];
    const view = this.o.doc.defaultView;
    const anchor = unionBox(rects);
    if (!anchor || !view) return this.close(false);
    // A card opened from the pointer follows its mark out of view and closes; one opened by the
    // keyboard waits while a smooth scroll brings the mark in.
    if ((anchor.top + anchor.height < 0 || anchor.top > view.innerHeight) && this.openedBy === 'pointer') return this.close(false);
    // Measured at its full height, then given exactly the height it gets: it scrolls inside that
    // rather than growing later over the mark. (Layout is read once, here, after the last write.)
    card.style.maxHeight = 'none';
    const size = card.getBoundingClientRect();
    const viewport = {
      width: this.o.doc.documentElement.clientWidth || view.innerWidth,
      height: this.o.doc.documentElement.clientHeight || view.innerHeight,
    };
    const place = placeCard(anchor, { width: size.width, height: size.height }, viewport);
    card.style.maxHeight = `${place.height}px`;
    host.moveTo(place.top, place.left);
  }

  private scheduleClose(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(false), CLOSE_DELAY_MS);
  }

  /** Runs each task once on the next animation frame, however many events asked for it. */
  private schedule(task: () => void): void {
    this.tasks.add(task);
    if (this.frame) return;
    const win = this.o.doc.defaultView ?? window;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      const tasks = [...this.tasks];
      this.tasks.clear();
      if (!this.o.signal.aborted) for (const task of tasks) task();
    });
  }
}
