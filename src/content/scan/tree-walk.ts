/**
 * The full walk: every text node of a subtree, handed over paragraph by paragraph, in slices that
 * yield to the page. The chunked scan (chunked.ts) calls it for the blocks it decided to walk.
 *
 * A native TreeWalker over elements and text does the traversal (the DOM reads of a hand-written
 * walk cost 3× a bare TreeWalker pass on large pages). Each element is looked at once, for its
 * name only: skipped subtrees are jumped over, and every element's paragraph ("block") is recorded
 * from its parent's, so a text node's paragraph is one map lookup. Hidden and editable text is
 * rejected later, per match, where it costs nothing on text without mentions.
 */
import { sliceClock, yieldToPage } from '../yield-to-page';
import { insideSkipped, isSkipped, kindOf } from './elements';
import { ParagraphBuilder } from './paragraph';
import type { ScanOptions, ScanOutcome, ScanRun } from './types';

/**
 * Scans root's subtree (or, with `run`, part of root's children). Resolves 'lost' if the walk's
 * position was removed from the document while it yielded (the caller then rescans), 'aborted' on signal.
 */
export async function scanTree(root: Node, options: ScanOptions, run?: ScanRun): Promise<ScanOutcome> {
  if (root.nodeType === Node.ELEMENT_NODE && isSkipped(root as Element)) return 'done';
  if (!options.ancestorsChecked && insideSkipped(root)) return 'done';
  if (root.nodeType === Node.TEXT_NODE) {
    await options.onParagraph({ text: (root as Text).data, nodes: [root as Text], starts: [0] });
    return options.signal.aborted ? 'aborted' : 'done';
  }
  // The root itself may be a host (an element just inserted, then given a shadow root).
  const rootShadow = root.nodeType === Node.ELEMENT_NODE && !run ? (root as Element).shadowRoot : null;
  if (rootShadow) options.onShadowRoot?.(rootShadow);
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const clock = options.clock ?? sliceClock();
  const walk = new Walk(root, options);
  let node: Node | null = run ? (walker.currentNode = run.from) : walker.nextNode();
  const until = run?.until ?? null;
  let steps = 0;
  while (node && node !== until) {
    const enter = node.nodeType === Node.TEXT_NODE ? walk.text(node as Text) : walk.element(node as Element);
    node = enter ? walker.nextNode() : nextOutside(walker);
    // After a paragraph went to the matcher the clock is read at once: on a page's first paragraphs,
    // with the regexes still to be compiled, one can take milliseconds; otherwise every 32 nodes.
    const matched = walk.takeMatched();
    const pending = walk.takePending();
    if (pending) {
      // The paragraph's claim checks paused (they yield to the page themselves): the walk goes on when they are done.
      await pending;
      if (options.signal.aborted) return 'aborted';
      if (node && !node.isConnected) return 'lost';
    }
    if (((++steps & 31) === 0 || matched) && clock.expired()) {
      // The open paragraph is kept across the pause: its nodes stay valid references.
      await yieldToPage();
      if (options.signal.aborted) return 'aborted';
      clock.restart();
      if (node && !node.isConnected) return 'lost';
    }
  }
  walk.finish();
  await walk.takePending();
  return options.signal.aborted ? 'aborted' : 'done';
}

/** The walk's state: which block each element belongs to, and the paragraph being built. */
class Walk {
  private readonly blockOf: Map<Node, Node>;
  private readonly paragraph: ParagraphBuilder;
  private block: Node;
  private lastParent: Node | null = null;
  private parentBlock: Node;
  private matched = false;

  constructor(
    private readonly root: Node,
    private readonly options: ScanOptions,
  ) {
    this.blockOf = new Map([[root, root]]);
    this.block = this.parentBlock = root;
    this.paragraph = new ParagraphBuilder(options.onParagraph);
  }

  /** A text node joins its block's paragraph, closing the previous paragraph when the block changed. */
  text(node: Text): true {
    const parent = node.parentNode!;
    if (parent !== this.lastParent) {
      this.lastParent = parent;
      this.parentBlock = this.blockOf.get(parent) ?? this.root;
    }
    if (this.parentBlock !== this.block) {
      this.flush();
      this.block = this.parentBlock;
    }
    this.paragraph.add(node);
    return true;
  }

  /** Records the element's block; returns whether to walk into it (false: skip its subtree). */
  element(el: Element): boolean {
    const kind = kindOf(el);
    if (kind === 'skip' || el === this.options.skip) return false;
    // Any element the walk meets may be a host (a plain <div> or <span> as well as a custom element).
    // Only a walk of its own reports them: a chunked scan finds them in one pass of its own after.
    const onShadowRoot = this.options.onShadowRoot;
    if (onShadowRoot) {
      const shadow = el.shadowRoot;
      if (shadow) onShadowRoot(shadow); // ours were skipped above (kindOf)
    }
    if (kind === 'inline') {
      this.blockOf.set(el, this.blockOf.get(el.parentNode!) ?? this.root);
      if (el.localName === 'br') this.paragraph.addBreak();
      return true;
    }
    this.blockOf.set(el, el);
    return true;
  }

  /** What the last paragraph handed over left running, if anything (see ParagraphBuilder). */
  takePending(): Promise<void> | undefined {
    return this.paragraph.takePending();
  }

  /** Whether a paragraph went to the matcher since the last call. */
  takeMatched(): boolean {
    const matched = this.matched;
    this.matched = false;
    return matched;
  }

  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.paragraph.flush()) this.matched = true;
  }
}

/** Moves the walker past the current node's subtree; the next node in document order, or null. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
