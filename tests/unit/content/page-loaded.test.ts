/**
 * The scan waits for the page's own load event (at most a cap), so its slices never run ahead of it.
 */
import { describe, expect, it } from 'vitest';
import { LOAD_WAIT_CAP_MS, pageLoaded } from '../../../src/content/page-loaded';

function page(readyState: DocumentReadyState) {
  const win = new EventTarget();
  const doc = { readyState, defaultView: win } as unknown as Document;
  return { win, doc };
}

/** Whether `promise` has settled after the tasks already queued have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 5));
  return done;
}

describe('pageLoaded', () => {
  it('does not wait on a page that has loaded', async () => {
    const { doc } = page('complete');
    expect(await settled(pageLoaded(doc, new AbortController().signal))).toBe(true);
  });

  it('waits for the load event, then resumes in a task of its own', async () => {
    const { win, doc } = page('interactive');
    const waiting = pageLoaded(doc, new AbortController().signal);
    expect(await settled(waiting)).toBe(false);
    let resumed = false;
    void waiting.then(() => (resumed = true));
    win.dispatchEvent(new Event('load'));
    // Not inside the load event's task (its microtasks included): the page's load handlers finish first.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(resumed).toBe(false);
    expect(await settled(waiting)).toBe(true);
  });

  it('stops waiting at the cap when load does not come (a slow image, an ad)', async () => {
    const { doc } = page('interactive');
    const t0 = performance.now();
    await pageLoaded(doc, new AbortController().signal, 30);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
    expect(LOAD_WAIT_CAP_MS).toBeLessThanOrEqual(500);
  });

  it('stops waiting when the content script is torn down', async () => {
    const { doc } = page('loading');
    const controller = new AbortController();
    const waiting = pageLoaded(doc, controller.signal, 60_000);
    expect(await settled(waiting)).toBe(false);
    controller.abort();
    expect(await settled(waiting)).toBe(true);
  });
});
