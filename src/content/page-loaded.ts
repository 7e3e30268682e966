/**
 * Waits for the page's own `load` before the scan starts, so that our slices never run ahead of
 * it. Chromium injects `document_idle` scripts shortly before `load` on a page whose resources are
 * in (the null script's start mark came 3–31 ms before `load` in every bench load), so a scan
 * started at injection ran its first slices first: `load` came 24–55 ms after our start mark in
 * fresh tabs on the bench pages, and 8–25 ms with this wait, for the same start→ready. The wait
 * is capped: a page whose `load` waits on a slow image or an ad does not hold its marks back for
 * longer than `capMs`. (Firefox injects after `load`: nothing to wait for there.)
 */
import { nextTask } from './yield-to-page';

export const LOAD_WAIT_CAP_MS = 300;

export function pageLoaded(doc: Document, signal: AbortSignal, capMs = LOAD_WAIT_CAP_MS): Promise<void> {
  const win = doc.defaultView;
  if (!win || doc.readyState === 'complete' || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      win.removeEventListener('load', onLoad);
      signal.removeEventListener('abort', finish);
      resolve();
    };
    // Resume in a task of our own: the page's load handlers and what they queue come first.
    const onLoad = () => void nextTask().then(finish);
    const timer = setTimeout(finish, capMs);
    win.addEventListener('load', onLoad, { once: true });
    signal.addEventListener('abort', finish, { once: true });
  });
}
