/**
 * Which mark is under the pointer. A pointer move already carries the
 * browser's hit test, its target: the marks in that element's own text are
 * the candidates (markInTarget). Where that is not at hand (a tap, an element
 * with too many children to look through), one caret lookup at the point
 * (caretPositionFromPoint: a second hit test, with the caret's own work; it was
 * most of a pointer move's cost). Either way a rectangle check on the few
 * candidates follows, so a pointer beyond the end of a line does not count as
 * on the mark.
 */
import type { MarkRecord, PageIndex } from './page-index';

type CaretDocument = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): { node: Node; offset: number } | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots.length > 0 ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Whether (x, y) lies on one of the range's line boxes (with a pixel of slack). */
export function pointOnRange(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** Of the marks touching one text node, the one whose boxes hold the point, preferring a mention (its card also carries the sentence's corrections). */
function markOnNode(index: PageIndex, node: Node, x: number, y: number): MarkRecord | null {
  let found: MarkRecord | null = null;
  for (const mark of index.marksAt(node)) {
    if (!pointOnRange(mark.range, x, y)) continue;
    if (mark.kind === 'mention') return mark;
    found ??= mark;
  }
  return found;
}

/** The mark under the point, from a caret lookup. */
export function markAtPoint(doc: Document, index: PageIndex, x: number, y: number, shadowRoots: ShadowRoot[] = []): MarkRecord | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  return markOnNode(index, caret.node, x, y);
}

/** How many children of the pointer's element are looked through before the caret lookup decides instead. */
export const TARGET_CHILD_LIMIT = 64;

/**
 * The mark under the point, from the element a pointer event hit: text is hit through its parent element, so the
 * candidates are the marks in that element's own text nodes. `undefined` when the element has more than
 * TARGET_CHILD_LIMIT children (a page's body, a long list), or when the event hit no element: the caller asks
 * markAtPoint then.
 */
export function markInTarget(index: PageIndex, target: Node | null, x: number, y: number): MarkRecord | null | undefined {
  if (target?.nodeType === Node.TEXT_NODE) return markOnNode(index, target, x, y);
  // An event sent to the document or the window (not by a pointer over the page): no hit test to go by.
  if (target?.nodeType !== Node.ELEMENT_NODE) return undefined;
  let seen = 0;
  let found: MarkRecord | null = null;
  for (let child = target.firstChild; child; child = child.nextSibling) {
    if (++seen > TARGET_CHILD_LIMIT) return undefined;
    if (child.nodeType !== Node.TEXT_NODE) continue;
    const mark = markOnNode(index, child, x, y);
    if (mark?.kind === 'mention') return mark;
    found ??= mark;
  }
  return found;
}

/** What a pointer event hit: inside an open shadow root the document sees its host, the path's first node is the element. */
export function pointerTarget(event: Event): Node | null {
  const target = event.target as Node | null;
  return (target as Element | null)?.shadowRoot ? ((event.composedPath()[0] as Node | undefined) ?? target) : target;
}
