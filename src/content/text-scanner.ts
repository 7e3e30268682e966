/**
 * Walks a DOM subtree and hands its text over paragraph by paragraph, in
 * slices that yield to the page.
 *
 * A paragraph is the run of text between block boundaries, joined across
 * inline markup, so "Project <b>Glasswing</b>" reads as one phrase. See
 * scanTree for how the walk finds each text node's block cheaply.
 */
import { isOwn, isOwnElement } from './own-elements';
import { sliceClock, yieldToPage } from './yield-to-page';

/** Elements whose text is not prose a reader sees (or that we must never touch). */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'audio',
  'video',
  'head',
  'title',
]);

/** Inline elements: their text belongs to the surrounding paragraph. Anything else is a block boundary. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

const INLINE_KIND = 0;
export const SKIP_KIND = 2;
/** One lookup per element in the hot loop; names not listed (custom elements included) are blocks (undefined). */
export const KIND = new Map<string, number>([
  ...[...INLINE].map((n) => [n, INLINE_KIND] as const),
  ...[...SKIPPED].map((n) => [n, SKIP_KIND] as const),
]);

/** Longest paragraph handed to the matcher at once; a page of unbroken inline text is cut at node boundaries. */
const MAX_PARAGRAPH = 20_000;

export interface Paragraph {
  text: string;
  nodes: Text[];
  /** starts[i]: offset of nodes[i] in text. */
  starts: number[];
}

/** Whether a mutation root (or an ancestor) is off limits: skipped names, hidden or editable subtrees. */
export function isSkipped(el: Element): boolean {
  const name = el.localName;
  if (SKIPPED.has(name) || isOwn(el)) return true;
  if ((el as HTMLElement).hidden === true) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

export function isBlock(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && !INLINE.has((node as Element).localName);
}

/** Whether any ancestor of the node (up to its root) is skipped, e.g. a text node inside <code>. */
export function insideSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isSkipped(el)) return true;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? insideSkipped(root.host) : false;
}

/** The element whose subtree holds the paragraph containing this node. */
export function paragraphRoot(node: Node): Node {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current && current.nodeType === Node.ELEMENT_NODE && !isBlock(current)) current = current.parentNode;
  return current ?? node;
}

/** A Range over [start, end) of the paragraph's text. */
export function paragraphRange(p: Paragraph, start: number, end: number): Range {
  const range = new Range();
  const [startNode, startOffset] = locate(p, start, false);
  const [endNode, endOffset] = locate(p, end, true);
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

function locate(p: Paragraph, offset: number, isEnd: boolean): [Text, number] {
  // Binary search for the last node starting at or before the offset.
  let lo = 0;
  let hi = p.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.starts[mid]! < offset || (!isEnd && p.starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = p.nodes[lo]!;
  return [node, Math.min(Math.max(offset - p.starts[lo]!, 0), node.data.length)];
}

export interface ScanOptions {
  signal: AbortSignal;
  onParagraph: (paragraph: Paragraph) => void;
  /** Open shadow roots met on the way; the caller scans (and observes) them separately. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** A subtree already scanned (the part in view): not entered again. */
  skip?: Node;
  clock?: ReturnType<typeof sliceClock>;
  /** The root's ancestors are known not to be skipped (a chunked scan checked them on the way down). */
  ancestorsChecked?: boolean;
}

/** Part of one element's children, walked as if they were all there is (see chunked-scan.ts). */
export interface ScanRun {
  /** The first child to walk. */
  from: Node;
  /** The child after the last one to walk (null: to the end). */
  until: Node | null;
}

export type ScanOutcome = 'done' | 'aborted' | 'lost';

/**
 * Scans root's subtree. Resolves 'lost' if the walk's position was removed from
 * the document while it yielded (the caller then rescans), 'aborted' on signal.
 *
 * A native TreeWalker over elements and text does the traversal (the DOM reads
 * of a hand-written walk cost 3× a bare TreeWalker pass on large pages). Each
 * element is looked at once, for its name only: skipped subtrees are jumped
 * over, and every element's paragraph ("block") is recorded from its parent's,
 * so a text node's paragraph is one map lookup. Hidden and editable text is
 * rejected later, per match, where it costs nothing on text without mentions.
 */
export async function scanTree(root: Node, options: ScanOptions, run?: ScanRun): Promise<ScanOutcome> {
  if (root.nodeType === Node.ELEMENT_NODE && isSkipped(root as Element)) return 'done';
  if (!options.ancestorsChecked && insideSkipped(root)) return 'done';
  if (root.nodeType === Node.TEXT_NODE) {
    options.onParagraph({ text: (root as Text).data, nodes: [root as Text], starts: [0] });
    return 'done';
  }
  const doc = root.ownerDocument ?? (root as Document);
  const clock = options.clock ?? sliceClock();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const blockOf = new Map<Node, Node>([[root, root]]);
  let block: Node = root;
  let lastParent: Node | null = null;
  let parentBlock: Node = root;
  let text = '';
  let nodes: Text[] = [];
  let starts: number[] = [];
  // Set when a paragraph went to the matcher: on a page's first paragraphs, with the regexes still to be
  // compiled, one can take milliseconds, so the clock is read after each of them, not only every 32 nodes.
  let matched = false;
  const flush = () => {
    // No whitespace-only test here: it would flatten every paragraph string twice; the matcher's scan is as cheap.
    if (nodes.length > 0) {
      options.onParagraph({ text, nodes, starts });
      matched = true;
    }
    text = '';
    nodes = [];
    starts = [];
  };

  let steps = 0;
  let node: Node | null;
  if (run) node = walker.currentNode = run.from;
  else node = walker.nextNode();
  const until = run?.until ?? null;
  while (node && node !== until) {
    let skipChildren = false;
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentNode!;
      if (parent !== lastParent) {
        lastParent = parent;
        parentBlock = blockOf.get(parent) ?? root;
      }
      if (parentBlock !== block) {
        flush();
        block = parentBlock;
      }
      const data = (node as Text).data;
      if (text.length + data.length > MAX_PARAGRAPH) flush();
      starts.push(text.length);
      nodes.push(node as Text);
      text += data;
    } else {
      const el = node as Element;
      const name = el.localName;
      const kind = KIND.get(name);
      if (kind === SKIP_KIND || el === options.skip) {
        skipChildren = true;
      } else if (kind === INLINE_KIND) {
        blockOf.set(el, blockOf.get(el.parentNode!) ?? root);
        if (name === 'br') text += '\n';
      } else if (kind === undefined && isOwnElement(el)) {
        skipChildren = true;
      } else {
        blockOf.set(el, el);
        // Shadow hosts are custom elements in practice; asking every element for its shadowRoot costs.
        if (kind === undefined && options.onShadowRoot && name.includes('-')) {
          const shadow = (el as HTMLElement).shadowRoot;
          if (shadow) options.onShadowRoot(shadow);
        }
      }
    }
    node = skipChildren ? nextOutside(walker) : walker.nextNode();
    if (((++steps & 31) === 0 || matched) && clock.expired()) {
      // The open paragraph is kept across the pause: its nodes stay valid references.
      await yieldToPage();
      if (options.signal.aborted) return 'aborted';
      clock.restart();
      if (node && !node.isConnected) return 'lost';
    }
    matched = false;
  }
  flush();
  return 'done';
}

/** Moves the walker past the current node's subtree; the next node in document order, or null. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
