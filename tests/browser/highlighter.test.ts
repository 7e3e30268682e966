/** The highlighter against the real CSS Custom Highlight API. */
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../src/content/highlighter';

function rangeOver(text: string): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const i = node.data.indexOf(text);
    if (i < 0) continue;
    const range = new Range();
    range.setStart(node, i);
    range.setEnd(node, i + text.length);
    return range;
  }
  throw new Error(`not found: ${text}`);
}

const registered = () => [...(CSS.highlights as unknown as Map<string, Highlight>).keys()].sort();

afterEach(() => {
  CSS.highlights.clear();
  document.body.replaceChildren();
});

describe('Highlighter', () => {
  it('registers its ranges under the chosen style’s names, and switches names with the style', () => {
    document.body.innerHTML = '<p>Anthropic said Project Glasswing grew; the order was signed on June 3.</p>';
    const h = new Highlighter();
    expect(h.supported).toBe(true);
    const mention = rangeOver('Project Glasswing');
    const claim = rangeOver('signed on June 3');
    h.add('mention', mention);
    h.add('claim', claim);
    expect(registered()).toEqual([]); // nothing shows before a style is set
    h.setStyle('underline');
    expect(registered()).toEqual(['ff-claim', 'ff-mention']);
    expect([...CSS.highlights.get('ff-mention')!]).toEqual([mention]);
    h.setStyle('background');
    expect(registered()).toEqual(['ff-claim-bg', 'ff-mention-bg']);
    h.setStyle('off');
    expect(registered()).toEqual([]);
  });

  it('keeps one active mark above the others, and clear() leaves the page as it was', () => {
    document.body.innerHTML = '<p>Claude Mythos and Project Glasswing.</p>';
    const h = new Highlighter();
    h.setStyle('underline');
    const a = rangeOver('Claude Mythos');
    h.add('mention', a);
    h.setActive(a);
    expect(registered()).toEqual(['ff-active', 'ff-claim', 'ff-mention']);
    expect(CSS.highlights.get('ff-active')!.priority).toBeGreaterThan(CSS.highlights.get('ff-claim')!.priority);
    h.setActive(null);
    expect(registered()).toEqual(['ff-claim', 'ff-mention']);
    h.delete('mention', a);
    expect(CSS.highlights.get('ff-mention')!.size).toBe(0);
    h.add('mention', a);
    h.clear();
    expect(registered()).toEqual([]);
  });

  it('styles a shadow root that holds a mark (highlight rules do not cross shadow boundaries)', () => {
    const host = document.createElement('x-story');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside: Project Glasswing.</p><p>Nothing here.</p>';
    const other = document.createElement('x-other');
    document.body.append(other);
    other.attachShadow({ mode: 'open' }).innerHTML = '<p>Plain.</p>';
    const text = shadow.querySelector('p')!.firstChild as Text;
    const range = new Range();
    range.setStart(text, 8);
    range.setEnd(text, 25);
    const h = new Highlighter();
    h.setStyle('underline');
    h.add('mention', range);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect([...shadow.adoptedStyleSheets[0]!.cssRules].some((r) => r.cssText.includes('::highlight(ff-mention)'))).toBe(true);
    expect(other.shadowRoot!.adoptedStyleSheets).toHaveLength(0);
    h.add('mention', range); // a second mark there adds no second sheet
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
  });
});
