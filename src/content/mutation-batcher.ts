/**
 * One MutationObserver per observed root (the document and each open shadow
 * root), reducing each batch to the smallest set of subtrees to rescan:
 * added blocks are rescanned alone, added inline text rescans its paragraph,
 * nested roots are dropped, our own nodes ignored. Batches flush on idle
 * (with a short deadline so infinite-scroll content is marked promptly); a
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
    const run = () => this.flush();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: FLUSH_DEADLINE_MS });
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
