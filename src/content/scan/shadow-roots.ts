/**
 * Open shadow roots anywhere under root, found without walking it: an XPath query for
 * custom element names (a shadow host on the web is in practice a custom element) runs
 * natively, and only its few results cross into the content script.
 */
export function openShadowRootsUnder(root: Node): ShadowRoot[] {
  const doc = root.ownerDocument ?? (root as Document);
  const found: ShadowRoot[] = [];
  try {
    const result = doc.evaluate(".//*[contains(local-name(), '-')]", root, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < result.snapshotLength; i++) {
      const shadow = (result.snapshotItem(i) as Element | null)?.shadowRoot;
      if (shadow) found.push(shadow);
    }
  } catch {
    // No (or a partial) XPath implementation: look at every element instead, slower but the same answer.
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode() as Element | null; el; el = walker.nextNode() as Element | null) {
      if (el.localName.includes('-') && el.shadowRoot) found.push(el.shadowRoot);
    }
  }
  return found;
}
