/**
 * Walks a DOM subtree and hands its text over paragraph by paragraph, in
 * slices that yield to the page.
 *
 * A paragraph is the run of text between block boundaries, joined across
 * inline markup, so "Project <b>Glasswing</b>" reads as one phrase. The walk
 * is a manual firstChild/nextSibling traversal rather than a filtered
 * TreeWalker: it knows when it enters and leaves a block without asking for
 * every text node's ancestors, and rejects skipped subtrees without calling
 * back into JS for each of their nodes.
 */
import { sliceClock, yieldToPage } from './yield-to-page';

/** Elements whose text is not prose a reader sees (or that we must never touch). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'pre',
  'kbd', 'samp', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math', 'audio', 'video', 'head', 'title',
]);

/** Inline elements: their text belongs to the surrounding paragraph. Anything else is a block boundary. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'br', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'label', 'mark', 'nobr', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/** Our own elements (the card host) carry this prefix. */
export const OWN_PREFIX = 'ff-';

/** Longest paragraph handed to the matcher at once; a page of unbroken inline text is cut at node boundaries. */
const MAX_PARAGRAPH = 20_000;

export interface Paragraph {
  text: string;
  nodes: Text[];
  /** starts[i]: offset of nodes[i] in text. */
  starts: number[];
}

/** Whether the walk must not look inside this element. */
export function isSkipped(el: Element): boolean {
  const name = el.localName;
  if (SKIPPED.has(name) || name.startsWith(OWN_PREFIX)) return true;
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
}

export type ScanOutcome = 'done' | 'aborted' | 'lost';

/**
 * Scans root's subtree. Resolves 'lost' if the walk's position was removed from
 * the document while it yielded (the caller then rescans), 'aborted' on signal.
 */
export async function scanTree(root: Node, options: ScanOptions): Promise<ScanOutcome> {
  const clock = options.clock ?? sliceClock();
  let text = '';
  let nodes: Text[] = [];
  let starts: number[] = [];
  const flush = () => {
    if (nodes.length > 0 && /\S/.test(text)) options.onParagraph({ text, nodes, starts });
    text = '';
    nodes = [];
    starts = [];
  };

  if (root.nodeType === Node.ELEMENT_NODE && isSkipped(root as Element)) return 'done';
  if (root.nodeType === Node.TEXT_NODE) {
    options.onParagraph({ text: (root as Text).data, nodes: [root as Text], starts: [0] });
    return 'done';
  }
  let node: Node | null = root.firstChild;
  let steps = 0;
  while (node) {
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (text.length + data.length > MAX_PARAGRAPH) flush();
      starts.push(text.length);
      nodes.push(node as Text);
      text += data;
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (el !== options.skip && !isSkipped(el)) {
        if (isBlock(el)) flush();
        else if (el.localName === 'br') text += '\n';
        const shadow = (el as HTMLElement).shadowRoot;
        if (shadow && options.onShadowRoot) options.onShadowRoot(shadow);
        descend = el.firstChild !== null;
      }
    }
    // Next node in document order, flushing at the end of each block we leave.
    if (descend) {
      node = node.firstChild;
    } else {
      while (node && node !== root) {
        if (isBlock(node)) flush();
        if (node.nextSibling) break;
        node = node.parentNode;
      }
      node = node && node !== root ? node.nextSibling : null;
    }
    if ((++steps & 127) === 0 && clock.expired()) {
      // The open paragraph is kept across the pause: its nodes stay valid references.
      await yieldToPage();
      if (options.signal.aborted) return 'aborted';
      clock.restart();
      if (node && !node.isConnected) return 'lost';
    }
  }
  flush();
  return 'done';
}
