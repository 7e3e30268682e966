/**
 * Keyboard order around the card. The card's host sits at the end of the
 * document, so the browser's own Tab order would skip from the mark's link to
 * the page's next link; these helpers let the controller treat the card as if
 * it followed the link (the disclosure pattern): Tab from the link enters the
 * card, Shift+Tab from its first control returns to the link, and Tab past its
 * last control continues with whatever follows the link on the page.
 */

const TABBABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, iframe, [contenteditable=""], [contenteditable="true"], [tabindex]';

/** The elements under `root` that Tab visits, in tree order (tabindex > 0 is rare enough to ignore). */
export function tabbablesIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && isRendered(el));
}

/** The first element after `from` in the page's Tab order (light DOM), or null when it is the last. */
export function nextTabbableAfter(doc: Document, from: Element, exclude: Element): HTMLElement | null {
  for (const el of tabbablesIn(doc)) {
    if (exclude.contains(el) || from.contains(el)) continue;
    if (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) return el;
  }
  return null;
}

/** The focused element, inside open shadow roots too (the document's activeElement is their host). */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function isRendered(el: HTMLElement): boolean {
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  return el.getClientRects().length > 0;
}
