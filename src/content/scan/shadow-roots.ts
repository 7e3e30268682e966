/**
 * Open shadow roots under a root, on any element that can carry one (custom elements, and the
 * plain div, span, p, article, section… that `attachShadow` accepts). Light-DOM `textContent`
 * says nothing about shadow content, so the chunked scan cannot tell which blocks hide a root:
 * finding them takes one pass over the elements that may be hosts (shadow-hosts.ts).
 *
 * The candidates come from one `querySelectorAll` (matched natively; no wrapper is made until an
 * element is read) and are read by index with one `shadowRoot` read each, in the scan's slices,
 * the clock read every 256 elements. Reading every element (`getElementsByTagName('*')`, the
 * cheapest full pass measured before: a TreeWalker took twice as long) took twice the time and
 * gave each element a wrapper in our world for as long as the page lives (shadow-hosts.ts).
 *
 * The list is a snapshot: an element the page removes while the pass yields is still looked at
 * (a root on a disconnected host is ignored), and a host inserted meanwhile is found by the scan
 * of that insertion, or by the later checks (late-shadow-roots.ts) when its root comes after.
 */
import { isOwnElement } from '../own-elements';
import { sliceClock, yieldToPage, type SliceClock } from '../yield-to-page';
import { POSSIBLE_HOSTS } from './shadow-hosts';

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
  // In a page's document, a host removed while the pass yielded is passed over: its text is gone.
  const connected = root.isConnected;
  const visit = (el: Element) => {
    const shadow = el.shadowRoot;
    // Our card's host is skipped by identity: a page cannot make the scan read its own text by naming.
    if (shadow && (!connected || el.isConnected) && !isOwnElement(el) && search.onRoot(shadow)) queue.push(shadow);
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
  const type = node.nodeType;
  return type === Node.ELEMENT_NODE || type === Node.DOCUMENT_NODE || type === Node.DOCUMENT_FRAGMENT_NODE
    ? (node as ParentNode).querySelectorAll(POSSIBLE_HOSTS)
    : [];
}
