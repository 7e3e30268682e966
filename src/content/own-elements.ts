/**
 * The elements this extension put into the page (the card host), known by
 * identity. Recognising them by name instead would let a page hide its own
 * text from the scanner just by naming its elements `ff-something`.
 */
const own = new WeakSet<Node>();

export function registerOwn(node: Node): void {
  own.add(node);
}

/** Whether the node is, or is inside, one of our elements. */
export function isOwn(node: Node | null): boolean {
  for (let n = node; n; n = n.parentNode) if (own.has(n)) return true;
  return false;
}

/** Whether the node itself is one of ours (the scanner's per-element check; it skips the subtree). */
export function isOwnElement(node: Node): boolean {
  return own.has(node);
}
