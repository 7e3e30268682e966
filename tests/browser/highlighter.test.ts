/** The highlighter against the real CSS Custom Highlight API. */
import { afterEach, describe, expect, it } from 'vitest';
import { isHighlightSheet } from '../../src/content/highlight-sheet';
import { Highlighter } from '../../src/content/highlighter';
import highlightCss from '../../src/content/highlights.css?inline';
import { purgeLeftovers } from '../../src/content/leftovers';

const sheetOf = (css: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
};
const ours = (root: Document | ShadowRoot = document) => root.adoptedStyleSheets.filter(isHighlightSheet);
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

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
  document.adoptedStyleSheets = [];
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
    expect(registered()).toEqual(['ff-claim', 'ff-mention', 'ff-mention-link']);
    expect([...CSS.highlights.get('ff-mention')!]).toEqual([mention]);
    h.setStyle('background');
    expect(registered()).toEqual(['ff-claim-bg', 'ff-mention-bg', 'ff-mention-link-bg']);
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
    expect(registered()).toEqual(['ff-active', 'ff-claim', 'ff-mention', 'ff-mention-link']);
    expect(CSS.highlights.get('ff-active')!.priority).toBeGreaterThan(CSS.highlights.get('ff-claim')!.priority);
    h.setActive(null);
    expect(registered()).toEqual(['ff-claim', 'ff-mention', 'ff-mention-link']);
    h.delete('mention', a);
    expect(CSS.highlights.get('ff-mention')!.size).toBe(0);
    h.add('mention', a);
    h.clear();
    expect(registered()).toEqual([]);
  });

  it('keeps mentions that start inside a link in a highlight of their own, tinted where the others are underlined', () => {
    document.body.innerHTML =
      '<p>Project Glasswing, <a href="/x">Claude Mythos</a> and <a href="/y"><b>the AI executive order</b></a>; <a>AI EO</a>.</p>';
    const h = new Highlighter(undefined, true);
    h.setStyle('underline');
    const [plain, link, nested, anchorOnly] = ['Project Glasswing', 'Claude Mythos', 'the AI executive order', 'AI EO'].map(rangeOver);
    for (const range of [plain, link, nested, anchorOnly]) h.add('mention', range!);
    h.add('claim', nested!); // claims are drawn alike everywhere
    expect([...CSS.highlights.get('ff-mention')!]).toEqual([plain, anchorOnly]); // an <a> without href is no link
    expect([...CSS.highlights.get('ff-mention-link')!]).toEqual([link, nested]);
    expect([...CSS.highlights.get('ff-claim')!]).toEqual([nested]);
    const style = (name: string) => getComputedStyle(document.querySelector('p')!, `::highlight(${name})`);
    expect(style('ff-mention-link').textDecorationStyle).toBe(style('ff-mention').textDecorationStyle);
    expect(style('ff-mention-link').backgroundColor).not.toBe(style('ff-mention').backgroundColor);
    h.delete('mention', link!);
    h.delete('mention', plain!);
    expect([...CSS.highlights.get('ff-mention-link')!]).toEqual([nested]);
    expect([...CSS.highlights.get('ff-mention')!]).toEqual([anchorOnly]);
    new Highlighter(undefined, false).setStyle('underline'); // where underlines are not painted: the tinted names
    expect(registered()).toContain('ff-mention-link-tint');
  });

  it('styles highlights by name only: a rule with an element selector would give every element its own highlight style', () => {
    const rules = [...sheetOf(highlightCss).cssRules].filter(
      (r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText.includes('::highlight'),
    );
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) expect(rule.selectorText).toMatch(/^::highlight\([\w-]+\)(?:, ::highlight\([\w-]+\))*$/);
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

  it('adds its sheet to a document only with the first mark, once, again after the page replaced its sheets, keeps it for a rescan and takes it out on removeSheet()', async () => {
    document.body.innerHTML = '<p>Claude Mythos and Project Glasswing.</p>';
    const page = sheetOf('p { color: rgb(1, 2, 3); }');
    document.adoptedStyleSheets = [page];
    const h = new Highlighter();
    h.setStyle('underline');
    expect(document.adoptedStyleSheets).toEqual([page]); // no mark, no sheet: no per-element highlight style
    const [a, b] = ['Claude Mythos', 'Project Glasswing'].map(rangeOver);
    h.add('mention', a!);
    h.add('mention', b!);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(page); // the page's own sheets keep their order, ours comes last
    expect(ours()).toHaveLength(1);
    const style = getComputedStyle(document.querySelector('p')!, '::highlight(ff-mention)');
    expect(style.textDecorationStyle).toBe('dotted');

    await nextTask();
    h.add('mention', a!); // a later task: checked again, still one
    expect(ours()).toHaveLength(1);

    document.adoptedStyleSheets = [page]; // the page replaces the list
    await nextTask();
    h.add('mention', b!); // the next mark restores it
    expect(ours()).toHaveLength(1);
    document.adoptedStyleSheets = [page];
    await nextTask();
    h.setActive(a!); // a card opening restores it
    expect(ours()).toHaveLength(1);

    h.clear(); // a rescan: the ranges go, the sheet stays for the marks that come back
    expect(ours()).toHaveLength(1);
    h.removeSheet(); // switched off
    expect(document.adoptedStyleSheets).toEqual([page]);
    h.setStyle('underline');
    h.add('mention', a!); // on again
    expect(ours()).toHaveLength(1);
  });

  it('purges a highlight sheet an unloaded instance left, and no sheet of the page’s own', () => {
    const page = sheetOf('p { color: red; }');
    const pageHighlights = sheetOf('::highlight(search) { background: yellow; } ::highlight(ff-mention) { color: blue; }');
    const mixed = sheetOf('::highlight(ff-mention) { color: blue; } p { color: red; }');
    const leftover = sheetOf(highlightCss);
    document.adoptedStyleSheets = [page, leftover, pageHighlights, mixed];
    expect([page, leftover, pageHighlights, mixed].map(isHighlightSheet)).toEqual([false, true, false, false]);
    purgeLeftovers(document);
    expect(document.adoptedStyleSheets).toEqual([page, pageHighlights, mixed]);
    expect(isHighlightSheet(sheetOf(''))).toBe(false);
  });

  it('holds only the rules of the names the chosen style registers (each rule costs every element), and keeps them while hidden', () => {
    document.body.innerHTML = '<p>Claude Mythos was signed on June 3.</p>';
    const h = new Highlighter(undefined, true);
    h.setStyle('underline');
    h.add('mention', rangeOver('Claude Mythos'));
    h.add('claim', rangeOver('signed on June 3'));
    const selectors = () => ours().flatMap((sheet) => [...sheet.cssRules].flatMap((r) => (r as CSSStyleRule).selectorText.split(/,\s*/)));
    const named = (...names: string[]) => names.map((n) => `::highlight(${n})`).sort();
    expect(selectors().sort()).toEqual(named('ff-active', 'ff-claim', 'ff-mention', 'ff-mention-link'));
    const p = document.querySelector('p')!;
    expect(getComputedStyle(p, '::highlight(ff-claim)').textDecorationStyle).toBe('wavy');
    expect(getComputedStyle(p, '::highlight(ff-claim-bg)').backgroundColor).toBe('rgba(0, 0, 0, 0)');

    h.setStyle('background');
    expect(selectors().sort()).toEqual(named('ff-active', 'ff-claim-bg', 'ff-mention-bg', 'ff-mention-link-bg'));
    expect(getComputedStyle(p, '::highlight(ff-claim-bg)').backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    h.setHidden(true);
    h.setStyle('off');
    expect(selectors().sort()).toEqual(named('ff-active', 'ff-claim-bg', 'ff-mention-bg', 'ff-mention-link-bg'));
    h.setHidden(false);
    h.setStyle('underline');
    expect(ours()).toHaveLength(1);

    // Where underlines are not painted, the tinted names (a selector list keeps the rule whole).
    h.clear();
    h.removeSheet();
    const tinted = new Highlighter(undefined, false);
    tinted.setStyle('underline');
    tinted.add('mention', rangeOver('Claude Mythos'));
    expect(ours()).toHaveLength(1);
    const tintRules = [...ours()[0]!.cssRules].map((r) => (r as CSSStyleRule).selectorText);
    expect(tintRules).toHaveLength(3);
    expect(tintRules.join(' ')).toContain('::highlight(ff-mention-link-tint)');
    expect(tintRules.join(' ')).toContain('::highlight(ff-claim-tint)');
    expect(tintRules.join(' ')).not.toMatch(/ff-mention\)|-bg\)/);
  });
});
