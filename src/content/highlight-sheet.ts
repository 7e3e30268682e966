/**
 * Our highlight styles come from the manifest's stylesheet (highlights.css), as `:root::highlight()`
 * rules. Highlight styles inherit (CSS Pseudo 4, highlight cascade), so in Chromium those rules
 * style a range anywhere in the document, shadow trees included, and the page's style pays for one
 * element: a 50k-element page without a mention recalculates in the same time as with no sheet
 * (165 vs 167 ms; bare `::highlight()` rules, which every element matches, made it 269 ms). Nothing
 * is adopted and nothing is recalculated when marks appear.
 *
 * Firefox (ESR 140) does not inherit highlight styles: its build rewrites the rules to bare
 * `::highlight()` ones (scripts/highlight-css-plugin.ts), and the manifest's sheet does not cross
 * shadow boundaries. So there a shadow root that holds a mark adopts a copy, built by the page's own
 * constructor through `wrappedJSObject`: a content script cannot set adoptedStyleSheets through its
 * Xray view of the page. The page may replace the root's list: the sheet is checked again when a
 * mark is next added to that root (once per task) or a card opens on one. Whenever ours goes in, a
 * copy that an unloaded instance left in the root is taken out.
 */
import highlightCss from './highlights.css?inline';

/** Firefox's `wrappedJSObject`: the page's own view of an object, without the content script's Xray. */
type Waivable<T> = { wrappedJSObject?: T };

export class ShadowRootSheet {
  private sheet: CSSStyleSheet | undefined;
  /** Roots checked in the current task: a scan slice adds many marks to one root. */
  private readonly checked = new Set<ShadowRoot>();
  /** No page view here (Chromium, which needs none), or adopting through it failed: a property of our world. */
  private refused = false;

  /** Makes sure a shadow root that holds a mark has our rules, where the browser needs them there. */
  adoptInto(root: ShadowRoot): void {
    if (this.refused || this.checked.has(root)) return;
    if (this.checked.size === 0) queueMicrotask(() => this.checked.clear());
    this.checked.add(root);
    try {
      const view = (root as unknown as Waivable<ShadowRoot>).wrappedJSObject;
      const PageSheet = (globalThis as unknown as Waivable<{ CSSStyleSheet: typeof CSSStyleSheet }>).wrappedJSObject?.CSSStyleSheet;
      if (!view || !PageSheet) return void (this.refused = true);
      if (!this.sheet) {
        this.sheet = new PageSheet();
        this.sheet.replaceSync(highlightCss);
      }
      // The page's list, seen without Xray: an array of the page's, with its methods.
      const sheets = view.adoptedStyleSheets;
      for (let i = 0; i < sheets.length; i++) if (sheets[i] === this.sheet) return;
      // Ours goes in: an unloaded instance's copy goes out (Firefox unloads a content script without running it).
      for (let i = sheets.length - 1; i >= 0; i--) if (isHighlightCopy(sheets[i]!)) sheets.splice(i, 1);
      sheets.push(this.sheet);
    } catch {
      // The root keeps its marks unstyled; cards still open on them.
      this.refused = true;
    }
  }
}

/** Every rule of ours styles one of our highlight names and nothing else (highlights.css, either build). */
const OUR_RULE = /^(?::root)?::highlight\(ff-[\w-]+\)(?:, (?::root)?::highlight\(ff-[\w-]+\))*$/;

/** Whether a sheet holds nothing but our rules: a copy an earlier instance adopted. */
function isHighlightCopy(sheet: CSSStyleSheet): boolean {
  try {
    const rules = sheet.cssRules;
    if (rules.length === 0) return false;
    for (let i = 0; i < rules.length; i++) {
      const selector = (rules[i] as Partial<CSSStyleRule>).selectorText;
      if (typeof selector !== 'string' || !OUR_RULE.test(selector)) return false;
    }
    return true;
  } catch {
    return false;
  }
}
