/**
 * Removes what an earlier instance of the extension may have left behind when
 * it could not clean up (Firefox unloads an old content script without running
 * its code): our highlight registrations and any card host element.
 */
import { CARD_TAG } from './card/card-tag';
import { ALL_HIGHLIGHT_NAMES } from './highlight-names';

export function purgeLeftovers(doc: Document): void {
  const registry = globalThis.CSS?.highlights;
  if (registry) for (const name of ALL_HIGHLIGHT_NAMES) registry.delete(name);
  // Only hosts that hold our card: a page may have elements of that name for reasons of its own.
  for (const el of doc.querySelectorAll(CARD_TAG)) if (el.shadowRoot?.querySelector('.card[role="dialog"]')) el.remove();
}
