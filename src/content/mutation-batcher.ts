/**
 * One MutationObserver per observed root (the document and each open shadow
 * root), reducing each batch to the smallest set of subtrees to rescan:
 * added blocks are rescanned alone, added inline text rescans its paragraph,
 * nested roots are dropped, our own nodes ignored. Batches flush in the next
 * animation frame (on idle, with a short deadline, in a hidden tab); a
 * batch too large to be worth diffing asks for a full rescan instead.
 */
import { isOwn } from './own-elements';
import { isBlock, paragraphRoot } from './scan';

/** Above this many distinct roots in one batch a full rescan is cheaper than many small ones. */
export const FULL_RESCAN_THRESHOLD = 400;
/** Longest wait for an idle period before a batch is processed anyway. */
const FLUSH_DEADLINE_MS = 100;

export type BatchHandler = (batch: { roots: Node[]; removed: boolean; full: boolean }) => void;

export class MutationBatcher {
  private readonly observer: MutationObserver;
  private readonly pending = new Set<Node>();
  private removed = false;
  private scheduled = false;
  private paused = true;

  constructor(
    private readonly onBatch: BatchHandler,
    private readonly signal: AbortSignal,
  ) {
    this.observer = new MutationObserver((records) => this.collect(records));
    signal.addEventListener('abort', () => this.observer.disconnect(), { once: true });
  }

  observe(root: Node): void {
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  /** Batches are held while a scan runs and delivered when resumed. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    if (this.pending.size > 0 || this.removed) this.schedule();
  }

  private collect(records: MutationRecord[]): void {
    for (const record of records) {
      if (isOwn(record.target)) continue;
      if (record.type === 'characterData') {
        this.pending.add(paragraphRoot(record.target));
        continue;
      }
      if (record.removedNodes.length > 0) this.removed = true;
      for (const node of record.addedNodes) {
        if (isOwn(node)) continue;
        if (node.nodeType === Node.ELEMENT_NODE && isBlock(node)) this.pending.add(node);
        else if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) this.pending.add(paragraphRoot(record.target));
      }
    }
    if (!this.paused && (this.pending.size > 0 || this.removed)) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.signal.aborted) return;
    this.scheduled = true;
    // Whichever comes first runs the batch; the other finds nothing scheduled.
    const run = () => {
      if (this.scheduled) this.flush();
    };
    // In the animation frame the page's own change already asked for, not in an idle callback after
    // it: in Chromium every change to a registered Highlight re-validates the highlight markers and
    // repaints, so an update after the page's frame costs a second frame per change. On the bench's
    // live feed (20 paragraphs in and out every 100 ms) the page's main-thread time with us went from
    // 1.78× to 1.43× without us (none 596 ms, idle 1,057 ms, frame 854 ms over 10 s, load average 1.0;
    // with no range registered at all: 767 ms, 1.29×, so the rest is our script). A hidden tab
    // renders no frames, so there the idle callback stays (and a tab hidden before the frame
    // came gets the batch after the deadline).
    const doc = globalThis.document;
    if (typeof requestAnimationFrame === 'function' && doc?.visibilityState === 'visible') {
      requestAnimationFrame(run);
      setTimeout(run, FLUSH_DEADLINE_MS);
    } else if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: FLUSH_DEADLINE_MS });
    else setTimeout(run, 16);
  }

  private flush(): void {
    this.scheduled = false;
    if (this.paused || this.signal.aborted) return;
    const candidates = [...this.pending].filter((n) => n.isConnected);
    const removed = this.removed;
    this.pending.clear();
    this.removed = false;
    if (candidates.length > FULL_RESCAN_THRESHOLD) {
      this.onBatch({ roots: [], removed, full: true });
      return;
    }
    // Drop roots inside other roots: the outer scan covers them.
    const roots = candidates.filter((n) => !candidates.some((other) => other !== n && other.contains(n)));
    this.onBatch({ roots, removed, full: false });
  }
}
