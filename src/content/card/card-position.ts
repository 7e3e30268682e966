/**
 * Where the card goes: below the mention, flipped above when there is not
 * room below, clamped inside the viewport, and never over the mention itself
 * (when neither side fits, the card takes the roomier side and scrolls).
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
  /** Height the card may use on its side of the mention. */
  maxHeight: number;
  side: 'below' | 'above';
}

const GAP = 6;
const MARGIN = 8;

export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const spaceBelow = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const spaceAbove = anchor.top - GAP - MARGIN;
  const side = card.height <= spaceBelow || spaceBelow >= spaceAbove ? 'below' : 'above';
  const maxHeight = Math.max(0, side === 'below' ? spaceBelow : spaceAbove);
  const height = Math.min(card.height, maxHeight);
  const top = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - height;
  const maxLeft = viewport.width - card.width - MARGIN;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  return { top: Math.round(top), left: Math.round(left), maxHeight: Math.floor(maxHeight), side };
}
