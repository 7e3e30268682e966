/**
 * Which mark is under the pointer. One caret lookup at the point
 * (caretPositionFromPoint: the browser's own hit test, no layout of every
 * range), then a rectangle check on the few marks in that text node, so a
 * pointer beyond the end of a line does not count as on the mark.
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

/** The mark under the point, preferring a mention (its card also carries the sentence's corrections). */
export function markAtPoint(doc: Document, index: PageIndex, x: number, y: number, shadowRoots: ShadowRoot[] = []): MarkRecord | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const candidates = index.marksAt(caret.node);
  if (candidates.length === 0) return null;
  let found: MarkRecord | null = null;
  for (const mark of candidates) {
    if (!pointOnRange(mark.range, x, y)) continue;
    if (mark.kind === 'mention') return mark;
    found ??= mark;
  }
  return found;
}
