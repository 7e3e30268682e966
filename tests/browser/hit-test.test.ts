/** Which mark is under the pointer, with real layout and the browser's own caret hit test. */
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../src/content/highlighter';
import { TARGET_CHILD_LIMIT, caretAt, markAtPoint, markInTarget, pointOnRange, pointerTarget } from '../../src/content/hit-test';
import { PageIndex } from '../../src/content/page-index';
import { scanTree } from '../../src/content/scan';
import { Matcher } from '../../src/shared/matcher';
import { centerOf, matcherTables, rangeOver } from './fixtures';

afterEach(() => document.body.replaceChildren());

async function indexPage(root: Node = document.body): Promise<PageIndex> {
  const index = new PageIndex(new Matcher(matcherTables), {}, new Highlighter(undefined));
  await scanTree(root, { signal: new AbortController().signal, onParagraph: (p) => void index.addParagraph(p) });
  return index;
}

/** A paragraph naming Project Glasswing in an open shadow root on a `tag` element, indexed, and the mention's centre. */
async function mentionInShadowRoot(tag: string, text: string) {
  const host = document.createElement(tag);
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const p = document.createElement('p');
  p.style.font = '16px/1.5 sans-serif';
  p.textContent = text;
  shadow.append(p);
  const index = await indexPage(shadow);
  return { shadow, index, ...centerOf(rangeOver('Project Glasswing', shadow)) };
}

describe('hit test', () => {
  it('finds the mention under the pointer, and nothing beside it on the same line', async () => {
    document.body.innerHTML =
      '<p style="width: 600px; font: 16px/1.5 sans-serif">Anthropic widened Project Glasswing to more partners.</p>';
    const index = await indexPage();
    const { x, y } = centerOf(rangeOver('Project Glasswing'));
    expect(caretAt(document, x, y)?.node.textContent).toContain('Project Glasswing');
    const mark = markAtPoint(document, index, x, y);
    expect(mark?.kind).toBe('mention');
    expect(mark?.kind === 'mention' && mark.entityId).toBe('project-glasswing');
    // Same text node, same line, but on "partners": no mark there.
    const other = centerOf(rangeOver('partners'));
    expect(markAtPoint(document, index, other.x, other.y)).toBeNull();
    // Past the end of the line: the caret snaps to the text, the mark's boxes do not reach.
    const line = rangeOver('Anthropic').getClientRects()[0]!;
    expect(markAtPoint(document, index, 990, line.top + line.height / 2)).toBeNull();
  });

  it('finds a mark that wraps onto a second line, on either line', async () => {
    document.body.innerHTML = '<p style="width: 140px; font: 16px/1.5 monospace">xxxxxxx Project Glasswing</p>';
    const index = await indexPage();
    const range = rangeOver('Project Glasswing');
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    expect(rects.length).toBeGreaterThanOrEqual(2);
    for (const rect of [rects[0]!, rects.at(-1)!]) {
      expect(pointOnRange(range, rect.left + rect.width / 2, rect.top + rect.height / 2)).toBe(true);
      expect(markAtPoint(document, index, rect.left + rect.width / 2, rect.top + rect.height / 2)?.kind).toBe('mention');
    }
  });

  it('prefers the mention when a flagged sentence overlaps it', async () => {
    document.body.innerHTML =
      '<p style="width: 800px; font: 16px/1.5 sans-serif">Some reports said former President Donald Trump signed the AI executive order.</p>';
    const index = await indexPage();
    expect(index.countedClaims().length).toBeGreaterThan(0);
    const { x, y } = centerOf(rangeOver('AI executive order'));
    expect(markAtPoint(document, index, x, y)?.kind).toBe('mention');
    const claimAt = centerOf(rangeOver('former President'));
    expect(markAtPoint(document, index, claimAt.x, claimAt.y)?.kind).toBe('claim');
  });

  it('reaches into an open shadow root when it is named', async () => {
    const { shadow, index, x, y } = await mentionInShadowRoot('x-story', 'Inside a component: Project Glasswing.');
    expect(markAtPoint(document, index, x, y, [shadow])?.kind).toBe('mention');
  });
});

describe('hit test from the pointer’s target', () => {
  /** Every point of a grid over the element's box, a few pixels apart. */
  function* grid(el: Element, step = 3): Generator<[number, number]> {
    const box = el.getBoundingClientRect();
    for (let y = Math.max(0, box.top - 2); y <= box.bottom + 2; y += step)
      for (let x = Math.max(0, box.left - 2); x <= box.right + 40; x += step) yield [x, y];
  }

  it('gives the caret lookup’s answer at every point, from the element the browser hit there', async () => {
    document.body.innerHTML =
      '<p style="width: 420px; font: 16px/1.5 sans-serif">Some reports said former President <a href="#x">Donald Trump</a> signed the AI executive order on June 3. ' +
      'Anthropic widened <b>Project</b> Glasswing to more partners, and Claude Mythos stayed restricted.</p>';
    const index = await indexPage();
    expect(index.countedClaims().length).toBeGreaterThan(0);
    const kinds = new Set<string>();
    let points = 0;
    let fromTargets = 0;
    for (const [x, y] of grid(document.querySelector('p')!)) {
      // elementFromPoint is the hit test a pointer event's target comes from; undefined leaves it to the caret (as the
      // card controller does).
      const fromTarget = markInTarget(index, document.elementFromPoint(x, y), x, y);
      const caret = markAtPoint(document, index, x, y);
      if (fromTarget !== undefined) fromTargets++;
      expect(fromTarget === undefined ? caret : fromTarget, `at ${x},${y}`).toBe(caret);
      if (caret) kinds.add(caret.kind);
      points++;
    }
    // Off the paragraph the body (few children here) is hit: nearly every point is decided without the caret.
    expect(fromTargets).toBeGreaterThan(points * 0.9);
    expect(points).toBeGreaterThan(1000);
    // The grid crossed mentions (one split over <b>) and the flagged sentence (inside and outside its link).
    expect([...kinds].sort()).toEqual(['claim', 'mention']);
  });

  it('leaves an element with too many children, or a hit on no element, to the caret lookup', async () => {
    const many = Array.from({ length: TARGET_CHILD_LIMIT + 1 }, (_, i) => `<span>item ${i}</span>`).join('');
    document.body.innerHTML = `<div style="font: 16px/1.5 sans-serif">${many}<br>Project Glasswing</div>`;
    const index = await indexPage();
    const { x, y } = centerOf(rangeOver('Project Glasswing'));
    expect(markInTarget(index, document.querySelector('div'), x, y)).toBeUndefined();
    expect(markInTarget(index, document, x, y)).toBeUndefined();
    expect(markAtPoint(document, index, x, y)?.kind).toBe('mention');
  });

  it('takes the element inside an open shadow root, not its host', async () => {
    const { shadow, index, x, y } = await mentionInShadowRoot('div', 'Inside a plain div: Project Glasswing.');
    let hit: Node | null = null;
    const listener = (e: Event) => (hit = pointerTarget(e));
    document.addEventListener('pointermove', listener);
    shadow.querySelector('p')!.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, composed: true }));
    document.removeEventListener('pointermove', listener);
    expect(hit).toBe(shadow.querySelector('p'));
    expect(markInTarget(index, hit, x, y)?.kind).toBe('mention');
  });
});
