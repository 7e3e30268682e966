/**
 * Shadow roots attached after the scan looked at their host. `attachShadow` leaves no mutation
 * record, and content added inside a root is invisible to an observer of the document, so a root
 * attached late would never be scanned. Hooking the page's `attachShadow` would take a script in
 * the page's own world (a fingerprint any page could see, and code running as the page): instead
 * we look again where and when a late root is likely, a bounded number of times:
 *
 * - subtrees just inserted (a mutation batch's roots): a host is usually inserted, then given its
 *   root, then filled, often a task or a fetch later. Each is looked at again once the page is
 *   idle after the next task, and once more a second later. The pass over a few inserted
 *   elements costs microseconds, so a live feed pays next to nothing for it.
 * - the whole page, once after `load` (when the scan ran before it: components often start
 *   on load) and once at the reader's first interaction (before a hover can miss a mark). A pass
 *   is one `shadowRoot` read per element, in slices: about a tenth of the null script's text walk
 *   (see scan/shadow-roots.ts), at most twice per page view.
 *
 * A root attached to an element that was already on the page, after the reader's first
 * interaction and with no insertion near it, is still missed: looking for it would mean polling.
 */

/** Delays after an insertion before its subtree is looked at again (each then waits for an idle period). */
const AFTER_INSERT_MS = [0, 1000];
/** Longest wait for an idle period once a check is due. */
const IDLE_TIMEOUT_MS = 250;
/** The reader's first interaction: any of these, once. */
const INTERACTIONS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export class LateShadowRoots {
  private readonly due = AFTER_INSERT_MS.map(() => new Set<Node>());
  private watching = false;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
    /** Looks for roots under a node: new ones are scanned, known ones looked into for nested ones. */
    private readonly check: (root: Node) => Promise<void>,
  ) {}

  /** After the initial scan: the whole page again after `load` (if still to come) and at the first interaction. */
  watchPage(): void {
    const view = this.doc.defaultView;
    if (this.watching || !view || this.signal.aborted) return;
    this.watching = true;
    const whole = () => this.whenIdle(() => this.check(this.doc.body ?? this.doc.documentElement));
    if (this.doc.readyState !== 'complete') view.addEventListener('load', whole, { once: true, signal: this.signal });
    const first = new AbortController();
    this.signal.addEventListener('abort', () => first.abort(), { once: true, signal: first.signal });
    const onFirst = () => {
      first.abort();
      whole();
    };
    const options = { capture: true, passive: true, once: true, signal: first.signal };
    for (const type of INTERACTIONS) view.addEventListener(type, onFirst, options);
  }

  /** Subtrees just inserted and scanned: looked at again shortly after, twice. */
  afterInsert(roots: readonly Node[]): void {
    if (roots.length === 0 || this.signal.aborted) return;
    this.due.forEach((set, i) => {
      const idle = set.size === 0;
      for (const root of roots) set.add(root);
      if (!idle) return; // already scheduled
      // Not cleared on abort (a listener per timer would pile up on a live feed): whenIdle checks the signal.
      setTimeout(() => this.whenIdle(() => this.run(set)), AFTER_INSERT_MS[i]);
    });
  }

  private async run(set: Set<Node>): Promise<void> {
    const roots = [...set];
    set.clear();
    for (const root of roots) {
      if (this.signal.aborted) return;
      if (root.isConnected) await this.check(root);
    }
  }

  private whenIdle(task: () => Promise<void>): void {
    if (this.signal.aborted) return;
    const run = () => void (this.signal.aborted ? undefined : task());
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(run, 0);
  }
}
