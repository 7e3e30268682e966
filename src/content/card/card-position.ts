/**
 * Where the card goes, as a pure function of the mark's box, the card's
 * natural size and the viewport: below the mark, or above it when the card
 * fits there and not below; beside it when neither side has a useful height;
 * always inside the viewport and never over the mark. The height returned is
 * the one the card gets (its content height, capped at MAX_CARD_HEIGHT and by
 * the room on its side), so the caller sets exactly that and the card scrolls
 * inside it instead of growing over the mark afterwards.
 */

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The card's height: set it as its max-height (it scrolls beyond). */
  height: number;
  side: 'below' | 'above' | 'right' | 'left';
}

export const GAP = 6;
export const MARGIN = 8;
/** Tall enough for a correction and its sources; more scrolls inside the card. */
export const MAX_CARD_HEIGHT = 400;
/** Below this height a card above or below shows too little: beside the mark is better when there is room. */
const MIN_USEFUL_HEIGHT = 160;

/** The smallest box holding every line box of a (possibly wrapped) mark. */
export function unionBox(rects: Iterable<Box>): Box | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const r of rects) {
    if (r.width === 0 && r.height === 0) continue;
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
    bottom = Math.max(bottom, r.top + r.height);
    right = Math.max(right, r.left + r.width);
  }
  return top === Infinity ? null : { top, left, width: right - left, height: bottom - top };
}

export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  maxHeight = MAX_CARD_HEIGHT,
): Placement {
  const natural = Math.min(card.height, maxHeight);
  const width = Math.min(card.width, viewport.width - 2 * MARGIN);
  const anchorBottom = anchor.top + anchor.height;
  const spaceBelow = viewport.height - anchorBottom - GAP - MARGIN;
  const spaceAbove = anchor.top - GAP - MARGIN;
  const left = clamp(anchor.left, MARGIN, viewport.width - width - MARGIN);

  if (natural <= spaceBelow)
    return { top: Math.round(anchorBottom + GAP), left: Math.round(left), height: Math.floor(natural), side: 'below' };
  if (natural <= spaceAbove)
    return { top: Math.round(anchor.top - GAP - natural), left: Math.round(left), height: Math.floor(natural), side: 'above' };

  const vertical = Math.max(spaceBelow, spaceAbove);
  if (vertical < Math.min(natural, MIN_USEFUL_HEIGHT)) {
    // Neither side has a useful height (a mark mid-way down a short window): beside the mark.
    const spaceRight = viewport.width - (anchor.left + anchor.width) - GAP - MARGIN;
    const spaceLeft = anchor.left - GAP - MARGIN;
    const height = Math.min(natural, viewport.height - 2 * MARGIN);
    const top = clamp(anchor.top + anchor.height / 2 - height / 2, MARGIN, viewport.height - height - MARGIN);
    if (spaceRight >= width)
      return { top: Math.round(top), left: Math.round(anchor.left + anchor.width + GAP), height: Math.floor(height), side: 'right' };
    if (spaceLeft >= width)
      return { top: Math.round(top), left: Math.round(anchor.left - GAP - width), height: Math.floor(height), side: 'left' };
  }
  // The roomier side, scrolled to fit.
  const height = Math.max(0, Math.floor(Math.min(natural, vertical)));
  if (spaceBelow >= spaceAbove) return { top: Math.round(anchorBottom + GAP), left: Math.round(left), height, side: 'below' };
  return { top: Math.round(anchor.top - GAP - height), left: Math.round(left), height, side: 'above' };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
