import { describe, expect, it } from 'vitest';
import { placeCard } from '../../../src/content/card/card-position';

const viewport = { width: 1000, height: 800 };
const card = { width: 380, height: 300 };

describe('placeCard', () => {
  it('goes below the mention when there is room', () => {
    const p = placeCard({ top: 100, left: 50, width: 120, height: 20 }, card, viewport);
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThanOrEqual(120);
  });

  it('flips above near the bottom edge, without covering the mention', () => {
    const anchor = { top: 700, left: 50, width: 120, height: 20 };
    const p = placeCard(anchor, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + Math.min(card.height, p.maxHeight)).toBeLessThanOrEqual(anchor.top);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeCard({ top: 100, left: 900, width: 80, height: 20 }, card, viewport).left).toBe(1000 - 380 - 8);
    expect(placeCard({ top: 100, left: -40, width: 80, height: 20 }, card, viewport).left).toBe(8);
  });

  it('takes the roomier side and limits its height when neither side fits', () => {
    const anchor = { top: 300, left: 10, width: 80, height: 20 };
    const p = placeCard(anchor, { width: 380, height: 700 }, viewport);
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThan(anchor.top + anchor.height);
    expect(p.top + p.maxHeight).toBeLessThanOrEqual(viewport.height);
  });
});
