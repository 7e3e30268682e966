/** Which mark is under the pointer, with real layout and the browser's own caret hit test. */
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../src/content/highlighter';
import { caretAt, markAtPoint, pointOnRange } from '../../src/content/hit-test';
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
    const host = document.createElement('x-story');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p style="font: 16px/1.5 sans-serif">Inside a component: Project Glasswing.</p>';
    const index = await indexPage(shadow);
    const { x, y } = centerOf(rangeOver('Project Glasswing', shadow));
    expect(markAtPoint(document, index, x, y, [shadow])?.kind).toBe('mention');
  });
});
