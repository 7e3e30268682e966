/**
 * Open shadow roots under a root, on any element that can carry one (custom elements, and the
 * plain div, span, p, article, section… that `attachShadow` accepts). Light-DOM `textContent`
 * says nothing about shadow content, so the chunked scan cannot tell which blocks hide a root:
 * finding them takes one pass over the elements, and this is the cheapest one measured.
 *
 * `getElementsByTagName('*')` read by index (the collection is built natively and read in
 * order from its cache) with one `shadowRoot` read per element: on the 200k-text-node page
 * (126k elements), in a Chromium isolated world on the shared 2-core machine, 11–90 ms against
 * 170–950 ms for the null script's text walk in the same runs (about a tenth of it); a
 * TreeWalker over elements took twice as long, `querySelectorAll('*')` 1.5–2×, an XPath snapshot
 * cannot be sliced. The pass runs in the scan's slices, reading the clock every 256 elements.
 *
 * The collection is live: if the page removes elements before the read position while the pass
 * yields, a few elements after it are not looked at. Those hosts are found by the later checks
 * (late-shadow-roots.ts), which are there for roots attached after the scan anyway.
 */
import { isOwnElement } from '../own-elements';
import { sliceClock, yieldToPage, type SliceClock } from '../yield-to-page';

/** Elements read between two looks at the slice clock (reading it costs about as much as one element). */
const CLOCK_EVERY = 256;

export interface ShadowSearch {
  signal: AbortSignal;
  clock?: SliceClock;
  /** An open root found (never ours); returns whether to look for roots inside it too (a known root, checked again). */
  onRoot: (shadow: ShadowRoot) => boolean;
}

/** Finds the open shadow roots under root (root itself included when it is a host), in slices. */
export async function findOpenShadowRoots(root: Node, search: ShadowSearch): Promise<'done' | 'aborted'> {
  const clock = search.clock ?? sliceClock();
  const queue: Node[] = [root];
  const visit = (el: Element) => {
    const shadow = el.shadowRoot;
    // Our card's host is skipped by identity: a page cannot make the scan read its own text by naming.
    if (shadow && !isOwnElement(el) && search.onRoot(shadow)) queue.push(shadow);
  };
  if (root.nodeType === Node.ELEMENT_NODE) visit(root as Element);
  for (let current = queue.pop(); current; current = queue.pop()) {
    const all = elementsUnder(current);
    for (let i = 0, el = all[0]; el; el = all[++i]) {
      visit(el);
      if ((i & (CLOCK_EVERY - 1)) === CLOCK_EVERY - 1 && clock.expired()) {
        await yieldToPage();
        if (search.signal.aborted) return 'aborted';
        clock.restart();
      }
    }
  }
  return 'done';
}

function elementsUnder(node: Node): ArrayLike<Element> {
  if (node.nodeType === Node.ELEMENT_NODE) return (node as Element).getElementsByTagName('*');
  if (node.nodeType === Node.DOCUMENT_NODE) return (node as Document).getElementsByTagName('*');
  // A shadow root (a fragment) has no getElementsByTagName; roots are small.
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (node as DocumentFragment).querySelectorAll('*') : [];
}
