/**
 * How the scan sees an element: a skipped subtree (not prose, or ours), an inline element (its
 * text joins the surrounding paragraph) or a block (anything else, custom elements included).
 */
import { isOwn, isOwnElement } from '../own-elements';

/** Elements whose text is not prose a reader sees (or that we must never touch). */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'audio',
  'video',
  'head',
  'title',
]);

/** Inline elements: their text belongs to the surrounding paragraph. Anything else is a block boundary. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

const INLINE_KIND = 0;
const SKIP_KIND = 2;
/** One lookup per element in the hot loop; names not listed (custom elements included) are blocks (undefined). */
const KIND = new Map<string, number>([
  ...[...INLINE].map((n) => [n, INLINE_KIND] as const),
  ...[...SKIPPED].map((n) => [n, SKIP_KIND] as const),
]);

export type ElementKind = 'inline' | 'skip' | 'block';

/** One map lookup per element in the hot loops; our own elements are skipped too. */
export function kindOf(el: Element): ElementKind {
  const kind = KIND.get(el.localName);
  if (kind === INLINE_KIND) return 'inline';
  if (kind === SKIP_KIND || isOwnElement(el)) return 'skip';
  return 'block';
}

/** Whether the element's name marks text that is no prose (script, code...): the name alone, not ownership. */
export function hasSkippedName(el: Element): boolean {
  return KIND.get(el.localName) === SKIP_KIND;
}

/** Whether a mutation root (or an ancestor) is off limits: skipped names, hidden or editable subtrees. */
export function isSkipped(el: Element): boolean {
  const name = el.localName;
  if (SKIPPED.has(name) || isOwn(el)) return true;
  if ((el as HTMLElement).hidden === true) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether a node ends the paragraph runs around it (an element that is not inline). */
export function isBlock(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && !INLINE.has((node as Element).localName);
}

/** Whether any ancestor of the node (up to its root) is skipped, e.g. a text node inside <code>. */
export function insideSkipped(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (isSkipped(el)) return true;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? insideSkipped(root.host) : false;
}

/** The element whose subtree holds the paragraph containing this node. */
export function paragraphRoot(node: Node): Node {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current && current.nodeType === Node.ELEMENT_NODE && !isBlock(current)) current = current.parentNode;
  return current ?? node;
}
