/**
 * One live instance per page. A second copy in the same world stops at once; a
 * copy from a reloaded or updated extension announces itself over a DOM event,
 * and an orphan (its extension gone) that hears it tears itself down.
 * Nothing is written to the page's DOM for this.
 *
 * The announcement is a plain DOM event, so the page sees it and can cancel it.
 * An earlier version let a cancelled announcement stop the new copy, which gave
 * any page a one-line way to switch fact-checking off on itself (and to answer
 * no page report): `addEventListener('frontier-facts:hello', e => e.preventDefault())`.
 * Found by the hostile page in tests/e2e/security.e2e.test.ts. Only the
 * world-private marker, which a page cannot reach, decides now; a live copy in
 * another world of the same extension does not occur (Chromium does not inject
 * into open pages on reload, Firefox unloads the old copy before injecting).
 */

const HELLO = 'frontier-facts:hello';
const LOADED = Symbol.for('frontier-facts.loaded');

/** Claims the page for this instance; false when another live instance in this world already has it. */
export function claimPage(doc: Document, isAlive: () => boolean, teardown: () => void, signal: AbortSignal): boolean {
  const world = globalThis as { [LOADED]?: boolean };
  if (world[LOADED]) return false;
  // Whether anyone cancels this decides nothing (see above): it only wakes orphans.
  doc.dispatchEvent(new CustomEvent(HELLO));
  world[LOADED] = true;
  signal.addEventListener('abort', () => delete world[LOADED], { once: true });
  doc.addEventListener(
    HELLO,
    () => {
      // A page may send this too; a live instance ignores it rather than answer (no fingerprint).
      if (!isAlive()) teardown();
    },
    { signal },
  );
  return true;
}

/**
 * Calls `onOrphaned` once the extension that injected us is reloaded, updated
 * or removed (Chrome leaves such scripts running with a dead runtime). A cheap
 * property read once a second; no message, so the worker is never woken.
 */
export function watchForOrphaning(isAlive: () => boolean, onOrphaned: () => void, signal: AbortSignal): void {
  const timer = setInterval(() => {
    if (!isAlive()) onOrphaned();
  }, 1000);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
