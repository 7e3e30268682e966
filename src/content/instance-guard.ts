/**
 * One live instance per page. A second copy in the same world stops at once; a
 * copy from a reloaded or updated extension asks over a DOM event whether the
 * old one is still alive (its runtime still valid): a live one answers by
 * cancelling the event; an orphan (its extension gone) tears itself down.
 * Nothing is written to the page's DOM for this.
 */

const HELLO = 'frontier-facts:hello';
const LOADED = Symbol.for('frontier-facts.loaded');

/** Claims the page for this instance; false when another live instance already has it. */
export function claimPage(doc: Document, isAlive: () => boolean, teardown: () => void, signal: AbortSignal): boolean {
  const world = globalThis as { [LOADED]?: boolean };
  if (world[LOADED]) return false;
  const hello = new CustomEvent(HELLO, { cancelable: true });
  if (!doc.dispatchEvent(hello)) return false;
  world[LOADED] = true;
  signal.addEventListener('abort', () => delete world[LOADED], { once: true });
  doc.addEventListener(
    HELLO,
    (event) => {
      if (isAlive()) event.preventDefault();
      else teardown();
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
