/** The highlighter against the real CSS Custom Highlight API. */
import { afterEach, describe, expect, it } from 'vitest';
import { ShadowRootSheet } from '../../src/content/highlight-sheet';
import { Highlighter } from '../../src/content/highlighter';
import highlightCss from '../../src/content/highlights.css?inline';
import { CARD_TAG } from '../../src/content/card/card-tag';
import { ALL_HIGHLIGHT_NAMES } from '../../src/content/highlight-names';
import { purgeLeftovers } from '../../src/content/leftovers';

const sheetOf = (css: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return sheet;
};
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

/** What the manifest injects into every document, as an author sheet: here, a style element. */
function injectManifestSheet(): void {
  document.head.append(Object.assign(document.createElement('style'), { className: 'ff-manifest-css', textContent: highlightCss }));
}

afterEach(() => {
  for (const el of document.querySelectorAll('style.ff-manifest-css')) el.remove();
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
    injectManifestSheet();
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

  it('styles highlights on the root element only: any other originating element would give every element its own highlight style', () => {
    const rules = [...sheetOf(highlightCss).cssRules].filter(
      (r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText.includes('::highlight'),
    );
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) expect(rule.selectorText).toMatch(/^:root::highlight\([\w-]+\)(?:, :root::highlight\([\w-]+\))*$/);
  });

  it('draws every style on marks at any depth and inside shadow roots from the root’s rules (highlight inheritance), adopting no sheet', () => {
    injectManifestSheet();
    document.body.innerHTML =
      '<article><p>Deep <span><b><i>Claude Mythos</i></b></span> was <em>signed on June 3</em>.</p><p><a href="#x">Project Glasswing</a></p></article><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section><p>Inside: <strong>Project Glasswing</strong>.</p></section>';
    const inShadow = new Range();
    inShadow.selectNodeContents(shadow.querySelector('strong')!.firstChild!);
    const h = new Highlighter(undefined, true);
    h.setStyle('underline');
    h.add('mention', rangeOver('Claude Mythos'));
    h.add('claim', rangeOver('signed on June 3'));
    h.add('mention', rangeOver('Project Glasswing'));
    h.add('mention', inShadow);
    h.setActive(inShadow);
    const [deep, claimEl, link, shadowEl] = [
      document.querySelector('i')!,
      document.querySelector('em')!,
      document.querySelector('a')!,
      shadow.querySelector('strong')!,
    ];
    const pseudo = (el: Element, name: string) => getComputedStyle(el, `::highlight(${name})`);
    expect(pseudo(deep, 'ff-mention').textDecorationStyle).toBe('dotted');
    expect(pseudo(shadowEl, 'ff-mention').textDecorationStyle).toBe('dotted');
    expect(pseudo(claimEl, 'ff-claim').textDecorationStyle).toBe('wavy');
    expect(pseudo(link, 'ff-mention-link').backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    expect(pseudo(shadowEl, 'ff-active').backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    for (const name of ['ff-mention-bg', 'ff-claim-bg', 'ff-mention-tint', 'ff-claim-tint']) {
      expect(pseudo(deep, name).backgroundColor, name).not.toBe('rgba(0, 0, 0, 0)');
    }
    expect(pseudo(deep, 'ff-unstyled').backgroundColor).toBe('rgba(0, 0, 0, 0)');
    // Nothing adopted anywhere: a sheet added to a page that has marks restyles every element at once.
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(shadow.adoptedStyleSheets).toEqual([]);
  });

  it('gives a shadow root a copy of the rules through the page’s view where the browser needs one (Firefox), once per root and again after the page replaced the list', async () => {
    // Firefox's Xray: `wrappedJSObject` is the page's view; here, the objects themselves.
    const host = document.createElement('x-story');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside: Project Glasswing.</p>';
    const page = sheetOf('p { color: rgb(1, 2, 3); }');
    // An unloaded instance's copy goes; the page's own sheets stay, even one styling a name of ours among other rules.
    const leftover = sheetOf(highlightCss);
    const mixed = sheetOf('::highlight(ff-mention) { color: blue; } p { color: red; }');
    shadow.adoptedStyleSheets = [page, leftover, mixed];
    const waived = <T extends object>(o: T) => Object.defineProperty(o, 'wrappedJSObject', { value: o, configurable: true });
    waived(shadow);
    waived(globalThis);
    try {
      const sheets = new ShadowRootSheet();
      sheets.adoptInto(shadow);
      sheets.adoptInto(shadow); // the same task: not looked at again
      expect(shadow.adoptedStyleSheets).toHaveLength(3);
      expect(shadow.adoptedStyleSheets.slice(0, 2)).toEqual([page, mixed]);
      const ours = shadow.adoptedStyleSheets[2]!;
      expect([...ours.cssRules].some((r) => r.cssText.includes('::highlight(ff-mention)'))).toBe(true);
      await nextTask();
      sheets.adoptInto(shadow); // a later task: checked, still one
      expect(shadow.adoptedStyleSheets).toEqual([page, mixed, ours]);
      shadow.adoptedStyleSheets = [page]; // the page replaces the list
      await nextTask();
      sheets.adoptInto(shadow);
      expect(shadow.adoptedStyleSheets).toEqual([page, ours]);
    } finally {
      delete (shadow as { wrappedJSObject?: unknown }).wrappedJSObject;
      delete (globalThis as { wrappedJSObject?: unknown }).wrappedJSObject;
    }
    // Without a page view (Chromium) nothing is adopted: the document's rules reach the shadow tree.
    const plain = document.createElement('x-plain');
    document.body.append(plain);
    const other = plain.attachShadow({ mode: 'open' });
    new ShadowRootSheet().adoptInto(other);
    expect(other.adoptedStyleSheets).toEqual([]);
  });
  it('purges what an unloaded instance left (its highlight names, its card host) and nothing of the page’s own', () => {
    const page = new Highlight(new Range());
    CSS.highlights.set('search-result', page);
    for (const name of ALL_HIGHLIGHT_NAMES) CSS.highlights.set(name, new Highlight());
    const ours = document.createElement(CARD_TAG);
    ours.attachShadow({ mode: 'open' }).innerHTML = '<div class="card" role="dialog"></div>';
    const theirs = document.createElement(CARD_TAG); // the page's own element of that name, without our card
    theirs.attachShadow({ mode: 'open' }).innerHTML = '<p>Theirs</p>';
    document.body.append(ours, theirs);
    purgeLeftovers(document);
    expect(registered()).toEqual(['search-result']);
    expect(CSS.highlights.get('search-result')).toBe(page);
    expect([...document.querySelectorAll(CARD_TAG)]).toEqual([theirs]);
  });
});
