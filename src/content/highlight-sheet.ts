/**
 * Our highlight styles reach a document only once it holds a mark. Any ::highlight() rule in a
 * document's sheets makes the browser give every element its own highlight style (Chromium, 50k
 * page: 7.4 MB of native memory for one bare rule), so a manifest stylesheet cost every page and
 * frame the reader opened, marks or not. Instead one constructed sheet is adopted by the document,
 * and by each shadow root, that a mark goes into: no element is added, and a page's CSP does not
 * apply to it.
 *
 * The sheet holds only the rules of the names the chosen style registers: every rule costs each
 * element's style a little more (50k page: the recalculation after adoption 206 ms with all eight
 * rules, 167 ms with the four a style uses).
 *
 * The page can see the sheet in `adoptedStyleSheets`, and may replace that list: the sheet is
 * adopted again whenever a mark is added to that root (checked once per task) or a card opens.
 * Firefox's content scripts cannot set adoptedStyleSheets through their Xray view of the page, so
 * the Firefox manifest still injects the sheet into documents, and a shadow root there adopts a
 * sheet built in the page's own view (the manifest's sheet does not cross shadow boundaries).
 */
import highlightCss from './highlights.css?inline';

/** Every rule of ours is a bare ::highlight() rule on one of our names (highlight-names.ts). */
const OUR_SELECTOR = /^::highlight\(ff-/;

type StyledRoot = Document | ShadowRoot;
/** Firefox's `wrappedJSObject`: the page's own view of an object, without the content script's Xray. */
type Waivable<T> = { wrappedJSObject?: T };

export class HighlightSheet {
  private sheet: CSSStyleSheet | undefined;
  /** Roots checked in the current task: a scan slice adds many marks to one root. */
  private readonly checked = new Set<StyledRoot>();
  private styledDocument: Document | null = null;
  /** Set once no way of adopting works here; like the two below, a property of our world, not of one root. */
  private refused = false;
  /** Firefox: our world's (Xray) view of the page cannot adopt sheets (adoptThroughPageView). */
  private xray = false;
  private pageSheet: CSSStyleSheet | undefined;
  /** The highlight names to style; null: every rule (no style chosen yet). */
  private names: readonly string[] | null = null;

  /** Keeps only the rules that style these names (the style changed: one recalculation, as for any change). */
  useNames(names: readonly string[]): void {
    if (this.names?.join() === names.join()) return;
    this.names = [...names];
    if (this.sheet) this.fill(this.sheet);
    if (this.pageSheet) this.fill(this.pageSheet);
  }

  /** Makes sure the root has our sheet. */
  adoptInto(root: StyledRoot): void {
    if (this.refused || this.checked.has(root)) return;
    if (this.checked.size === 0) queueMicrotask(() => this.checked.clear());
    this.checked.add(root);
    if (this.xray) return this.adoptThroughPageView(root);
    try {
      const sheet = (this.sheet ??= this.fill(new CSSStyleSheet()));
      const sheets = root.adoptedStyleSheets;
      if (sheets.includes(sheet)) return;
      root.adoptedStyleSheets = [...sheets, sheet];
      if (root instanceof Document) this.styledDocument = root;
    } catch {
      // Firefox: "Accessing from Xray wrapper is not supported" (its view of the list has no
      // Array methods either).
      this.xray = true;
      this.adoptThroughPageView(root);
    }
  }

  /**
   * Firefox: the root's own (waived) view takes a sheet built by the page's constructor. Documents
   * are left to the manifest's stylesheet; a root where even this fails keeps its marks unstyled
   * (cards still open on them).
   */
  private adoptThroughPageView(root: StyledRoot): void {
    if (root instanceof Document) return;
    try {
      const view = (root as unknown as Waivable<ShadowRoot>).wrappedJSObject;
      const PageSheet = (globalThis as unknown as Waivable<{ CSSStyleSheet: typeof CSSStyleSheet }>).wrappedJSObject?.CSSStyleSheet;
      if (!view || !PageSheet) return void (this.refused = true);
      this.pageSheet ??= this.fill(new PageSheet());
      const sheets = view.adoptedStyleSheets;
      for (let i = 0; i < sheets.length; i++) if (sheets[i] === this.pageSheet) return;
      sheets.push(this.pageSheet);
    } catch {
      this.refused = true;
    }
  }

  /**
   * Takes the sheet out of the document again, when the marks go for good (switched off, unloaded);
   * a rescan keeps it. Shadow roots are not tracked: without our highlights their copy styles nothing.
   */
  remove(): void {
    const doc = this.styledDocument;
    this.styledDocument = null;
    this.checked.clear();
    if (!doc || !this.sheet) return;
    const sheet = this.sheet;
    const sheets = doc.adoptedStyleSheets;
    if (sheets.includes(sheet)) doc.adoptedStyleSheets = sheets.filter((s) => s !== sheet);
  }

  private fill(sheet: CSSStyleSheet): CSSStyleSheet {
    sheet.replaceSync(highlightCss);
    const names = this.names;
    if (!names) return sheet;
    const rules = sheet.cssRules;
    for (let i = rules.length - 1; i >= 0; i--) {
      const selector = (rules[i] as Partial<CSSStyleRule>).selectorText ?? '';
      if (!names.some((name) => selector.includes(`(${name})`))) sheet.deleteRule(i);
    }
    return sheet;
  }
}

/** Whether an adopted sheet is one of ours (an earlier instance's, left behind when it was unloaded). */
export function isHighlightSheet(sheet: CSSStyleSheet): boolean {
  try {
    const rules = sheet.cssRules;
    if (rules.length === 0) return false;
    for (const rule of rules) {
      const selector = (rule as Partial<CSSStyleRule>).selectorText;
      if (typeof selector !== 'string' || !OUR_SELECTOR.test(selector)) return false;
    }
    return true;
  } catch {
    return false;
  }
}
