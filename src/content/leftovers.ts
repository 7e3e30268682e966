/**
 * Removes what an earlier instance of the extension may have left behind when
 * it could not clean up (Firefox unloads an old content script without running
 * its code): our highlight registrations and any card host element.
 */
import { OWN_PREFIX } from './text-scanner';

const HIGHLIGHT_NAMES = ['ff-mention', 'ff-claim', 'ff-mention-bg', 'ff-claim-bg', 'ff-active'];

export function purgeLeftovers(doc: Document): void {
  const registry = globalThis.CSS?.highlights;
  if (registry) for (const name of HIGHLIGHT_NAMES) registry.delete(name);
  for (const el of doc.querySelectorAll(`${OWN_PREFIX}card-host`)) el.remove();
}
