import { describe, expect, it } from 'vitest';
import { MARGIN, MAX_CARD_HEIGHT, placeCard, unionBox, type Box } from '../../../src/content/card/card-position';
import { mulberry32 } from '../../../tooling/prng';

const viewport = { width: 1000, height: 800 };
const card = { width: 380, height: 300 };

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
const box = (p: { top: number; left: number; height: number }, width: number): Box => ({
  top: p.top,
  left: p.left,
  width,
  height: p.height,
});

describe('placeCard', () => {
  it('goes below the mark when there is room, at its natural height', () => {
    const p = placeCard({ top: 100, left: 50, width: 120, height: 20 }, card, viewport);
    expect(p).toMatchObject({ side: 'below', height: 300 });
    expect(p.top).toBeGreaterThanOrEqual(120);
  });

  it('flips above near the bottom edge; its bottom stays above the mark', () => {
    const anchor = { top: 700, left: 50, width: 120, height: 20 };
    const p = placeCard(anchor, card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + p.height).toBeLessThanOrEqual(anchor.top);
  });

  it('caps a tall card near 400 px, measured at that height above the mark (it scrolls inside)', () => {
    const anchor = { top: 700, left: 50, width: 120, height: 20 };
    const p = placeCard(anchor, { width: 380, height: 1400 }, viewport);
    expect(p.height).toBe(MAX_CARD_HEIGHT);
    expect(p.top + p.height).toBeLessThanOrEqual(anchor.top);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeCard({ top: 100, left: 900, width: 80, height: 20 }, card, viewport).left).toBe(1000 - 380 - MARGIN);
    expect(placeCard({ top: 100, left: -40, width: 80, height: 20 }, card, viewport).left).toBe(MARGIN);
  });

  it('goes beside the mark in a short window where neither side has a useful height', () => {
    const anchor = { top: 140, left: 40, width: 80, height: 20 };
    const p = placeCard(anchor, card, { width: 1000, height: 300 });
    expect(p.side).toBe('right');
    expect(overlaps(box(p, 380), anchor)).toBe(false);
  });

  it('never covers the mark and stays in the viewport, wherever the mark is (random layouts)', () => {
    const random = mulberry32(14);
    for (let i = 0; i < 5000; i++) {
      const vw = 320 + Math.floor(random() * 1400);
      const vh = 240 + Math.floor(random() * 1000);
      const height = 14 + Math.floor(random() * 40);
      const anchor = { top: random() * (vh - height), left: random() * (vw - 60), width: 20 + random() * 300, height };
      const size = { width: Math.min(380, vw - 16), height: 40 + random() * 900 };
      const p = placeCard(anchor, size, { width: vw, height: vh });
      const placed = box(p, size.width);
      expect(overlaps(placed, anchor), JSON.stringify({ anchor, vw, vh, p })).toBe(false);
      expect(p.top).toBeGreaterThanOrEqual(0);
      expect(p.left).toBeGreaterThanOrEqual(0);
      expect(p.top + p.height).toBeLessThanOrEqual(vh);
      expect(p.left + size.width).toBeLessThanOrEqual(vw);
      expect(p.height).toBeLessThanOrEqual(MAX_CARD_HEIGHT);
    }
  });
});

describe('unionBox', () => {
  it('spans every line of a wrapped mark and ignores empty rects', () => {
    expect(
      unionBox([
        { top: 100, left: 500, width: 200, height: 20 },
        { top: 0, left: 0, width: 0, height: 0 },
        { top: 124, left: 20, width: 90, height: 20 },
      ]),
    ).toEqual({ top: 100, left: 20, width: 680, height: 44 });
    expect(unionBox([])).toBeNull();
  });
});
