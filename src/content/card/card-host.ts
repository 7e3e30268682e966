/**
 * The card's container on the page: one prefixed element with an open shadow
 * root holding the card's CSS and a Preact tree (hypothesis's preact-container
 * pattern). The host's own styles are inline and !important, the only way to
 * win against a page rule like `* { all: unset !important }`.
 *
 * If the page has defined a custom element with our tag name and it grabbed
 * the shadow root, a randomised tag is used instead.
 */
import { render, type ComponentChild } from 'preact';
import css from './card.css?inline';
import { CARD_TAG } from './card-tag';

export { CARD_TAG };

const HOST_STYLE: Record<string, string> = {
  // First, every other property back to its initial value: a page rule that merely exists on
  // most sites (`* { transition: all .3s }`, `* { min-width: ... }`) would otherwise reach the host
  // through `*`, beat `:host { all: initial }` (outer rules win over the shadow tree's) and slide
  // the card in from the corner or leave an invisible box over the page. Found by the hostile page
  // in tests/e2e/security.e2e.test.ts. The longhands below then win within this one declaration.
  all: 'initial',
  position: 'fixed',
  top: '0px',
  left: '0px',
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
  width: 'auto',
  height: 'auto',
  'z-index': '2147483647',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  contain: 'layout style',
};

export class CardHost {
  readonly element: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly mount: HTMLElement;

  /** registerOwn: the scan bundle's registry of our elements (this module is built apart and has no copy of its own that the scanner reads). */
  constructor(doc: Document, registerOwn: (node: Node) => void) {
    const { element, root } = createHost(doc);
    this.element = element;
    this.root = root;
    applyStyles(root, doc);
    this.mount = doc.createElement('div');
    root.append(this.mount);
    for (const [name, value] of Object.entries(HOST_STYLE)) element.style.setProperty(name, value, 'important');
    // Text spacing stays adjustable by the reader's own stylesheet (axe: avoid-inline-spacing). The host holds
    // no text, and the card inside sets its own spacing, so a page rule reaching the host changes nothing.
    for (const name of ['letter-spacing', 'word-spacing', 'line-height']) element.style.removeProperty(name);
    registerOwn(element);
    (doc.documentElement ?? doc).append(element);
  }

  render(tree: ComponentChild): void {
    render(tree, this.mount);
  }

  /** The rendered card element (first child of the mount). */
  get card(): HTMLElement | null {
    return this.mount.firstElementChild as HTMLElement | null;
  }

  /** The shadow root (the card's controls live there). */
  get shadowRoot(): ShadowRoot {
    return this.root;
  }

  /** The focused element inside the card, if any. */
  get activeElement(): Element | null {
    return this.root.activeElement;
  }

  contains(node: Node | null): boolean {
    return node !== null && (node === this.element || this.root.contains(node));
  }

  moveTo(top: number, left: number): void {
    this.element.style.setProperty('top', `${top}px`, 'important');
    this.element.style.setProperty('left', `${left}px`, 'important');
  }

  destroy(): void {
    render(null, this.mount);
    this.element.remove();
  }
}

function createHost(doc: Document): { element: HTMLElement; root: ShadowRoot } {
  try {
    const element = doc.createElement(CARD_TAG);
    return { element, root: element.attachShadow({ mode: 'open' }) };
  } catch {
    // The page's own element of that name took the shadow root: pick a name it cannot know.
    const element = doc.createElement(`${CARD_TAG}-${Math.random().toString(36).slice(2, 10)}`);
    return { element, root: element.attachShadow({ mode: 'open' }) };
  }
}

/**
 * A constructed stylesheet where the browser allows it from a content script (no <style> element
 * for a strict page CSP to block); a <style> element inside the shadow root otherwise.
 */
function applyStyles(root: ShadowRoot, doc: Document): void {
  try {
    const View = doc.defaultView as (Window & typeof globalThis) | null;
    const sheet = new (View?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // fall through to a <style> element
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}
