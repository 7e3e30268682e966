/**
 * When the card opens, closes and what it shows.
 *
 * Timing follows Wikipedia's Page Previews: open after a dwell on a mark
 * (the user's card delay, ~500 ms), stay while the pointer is on the mark or
 * the card, close ~300 ms after leaving both; moving to another mark while a
 * card is open swaps its content at once, so there is no flicker. Keyboard:
 * focus on a link holding a mark opens its card; the command (Alt+Shift+F)
 * opens it with focus inside; Escape closes and returns focus. Touch: a tap on
 * a mark opens, a tap elsewhere closes.
 *
 * pointermove only records coordinates; the hit test runs at most once per
 * animation frame, and not at all on a page with no marks.
 */
import { resolveLang, type Lang } from '../../shared/i18n';
import type { Send } from '../../shared/messages';
import type { Settings } from '../../shared/settings';
import type { Highlighter } from '../highlighter';
import { markAtPoint } from '../hit-test';
import type { MarkRecord, PageIndex } from '../page-index';
import { CardHost } from './card-host';
import { placeCard } from './card-position';
import { FactCard, type CardState } from './FactCard';

export const CLOSE_DELAY_MS = 300;

export interface CardControllerOptions {
  doc: Document;
  signal: AbortSignal;
  index: PageIndex;
  highlighter: Highlighter;
  send: Send;
  settings: () => Settings;
  shadowRoots: () => ShadowRoot[];
}

type OpenedBy = 'pointer' | 'focus' | 'keyboard';

export class CardController {
  private host: CardHost | null = null;
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
  private returnFocus: HTMLElement | null = null;
  private readonly cache = new Map<string, Promise<CardState>>();
  private renderSeq = 0;

  constructor(private readonly o: CardControllerOptions) {
    const { doc, signal } = o;
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
    const host = this.host;
    if (!host) return;
    const hadFocus = host.contains(this.o.doc.activeElement) || host.element.shadowRoot?.activeElement != null;
    // Detach first: Chrome fires focusout while removing a focused element, and that handler
    // must see the card as already closed (or it schedules a close that cancels the next open).
    this.host = null;
    this.mark = null;
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
    const { mentions, flagged } = this.o.index.counts();
    if (mentions + flagged === 0 && !this.host) return;
    this.schedule(this.hoverTask);
  }

  private hoverAt(x: number, y: number): void {
    const hoverable = this.o.settings().highlightStyle !== 'off';
    const mark = hoverable ? markAtPoint(this.o.doc, this.o.index, x, y, this.o.shadowRoots()) : null;
    if (mark) {
      clearTimeout(this.closeTimer);
      if (this.host) {
        if (mark !== this.mark) this.open(mark, 'pointer');
      } else if (mark !== this.pending) {
        this.pending = mark;
        this.pendingBy = 'pointer';
        clearTimeout(this.openTimer);
        void this.load(mark); // fetch during the dwell so the card opens complete
        this.openTimer = setTimeout(() => this.open(mark, 'pointer'), this.o.settings().cardDelayMs);
      }
      return;
    }
    if (this.pendingBy === 'pointer') {
      this.pending = null;
      clearTimeout(this.openTimer);
    }
    if (this.host && this.openedBy === 'pointer') this.scheduleClose();
  }

  private onPointerUp(event: PointerEvent): void {
    if (event.pointerType !== 'touch' && event.pointerType !== 'pen') return;
    if (this.host?.contains(event.target as Node)) return;
    const mark = markAtPoint(this.o.doc, this.o.index, event.clientX, event.clientY, this.o.shadowRoots());
    if (mark) this.open(mark, 'pointer');
    else this.close(false);
  }

  private onFocusIn(event: FocusEvent): void {
    const target = event.target as Node | null;
    if (this.host?.contains(target) || (target as Element | null)?.localName === this.host?.element.localName) {
      clearTimeout(this.closeTimer);
      return;
    }
    if (!(target instanceof Element) || target === this.o.doc.body) return;
    const mark = this.o.index.markInside(target);
    if (!mark) return;
    this.pending = mark;
    this.pendingBy = 'focus';
    clearTimeout(this.openTimer);
    void this.load(mark);
    this.openTimer = setTimeout(() => this.open(mark, 'focus'), this.o.settings().cardDelayMs);
  }

  private onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.host?.contains(next) || next === this.host?.element) return;
    clearTimeout(this.openTimer);
    if (this.host && this.openedBy !== 'pointer') this.scheduleClose();
  }

  private onKeyDown(event: KeyboardEvent): void {
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
      const active = this.o.doc.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== this.o.doc.body ? active : null;
      this.host = new CardHost(this.o.doc);
      this.host.element.addEventListener('pointerleave', () => this.openedBy === 'pointer' && this.scheduleClose(), {
        signal: this.o.signal,
      });
      this.host.element.addEventListener('pointerenter', () => clearTimeout(this.closeTimer), { signal: this.o.signal });
    }
    this.mark = mark;
    this.openedBy = by;
    this.o.highlighter.setActive(mark.range);
    void this.renderFor(mark, by === 'keyboard');
  }

  private async renderFor(mark: MarkRecord, focus: boolean): Promise<void> {
    const seq = ++this.renderSeq;
    const lang = this.langFor(mark);
    const draw = (state: CardState) => {
      if (seq !== this.renderSeq || !this.host) return;
      this.host.render(
        <FactCard
          state={state}
          fallbackName={mark.kind === 'mention' ? mark.text : mark.sentence}
          lang={lang}
          titleId="ff-card-title"
          onClose={() => this.close(true)}
          onMore={() => void this.o.send('ui.openPopup')}
        />,
      );
      this.reposition();
    };
    draw({ kind: 'loading' });
    draw(await this.load(mark));
    if (focus && seq === this.renderSeq) this.host?.card?.focus({ preventScroll: true });
  }

  private load(mark: MarkRecord): Promise<CardState> {
    const { entityId } = mark;
    const claims = mark.kind === 'claim' ? [mark] : mark.claims.filter((c) => this.o.index.isCounted(c));
    const claimIds = [...new Set(claims.map((c) => c.claimId))];
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

  /** The user's language setting, else the language of the text around the mark. */
  private langFor(mark: MarkRecord): Lang {
    const el = mark.range.startContainer.parentElement;
    const declared = el?.closest('[lang]')?.getAttribute('lang') ?? undefined;
    // Pages often declare no language, or "en" around Chinese copy: the sentence itself decides then.
    const cjk = mark.sentence.match(/[\u3400-\u9fff]/g)?.length ?? 0;
    const latin = mark.sentence.match(/[A-Za-z]/g)?.length ?? 0;
    return resolveLang(this.o.settings().language, cjk > latin ? 'zh' : declared);
  }

  private reposition(): void {
    const host = this.host;
    const card = host?.card;
    if (!host || !card || !this.mark) return;
    const rects = [...this.mark.range.getClientRects()];
    const view = this.o.doc.defaultView;
    if (rects.length === 0 || !view) return this.close(false);
    // The line box nearest the pointer (a mark can wrap over two lines).
    const anchor = rects.reduce((best, r) => (Math.abs(r.top - this.pointer.y) < Math.abs(best.top - this.pointer.y) ? r : best));
    // A card opened from the pointer follows its mark out of view and closes; one opened by the
    // keyboard waits while a smooth scroll brings the mark in.
    if ((anchor.bottom < 0 || anchor.top > view.innerHeight) && this.openedBy === 'pointer') return this.close(false);
    card.style.maxHeight = '';
    const size = card.getBoundingClientRect();
    const place = placeCard(anchor, { width: size.width, height: size.height }, { width: view.innerWidth, height: view.innerHeight });
    card.style.maxHeight = `${place.maxHeight}px`;
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
