/**
 * Until the page has loaded, scan slices yield first in, first out (the page's own tasks, its load
 * event among them, go first); after, through scheduler.yield() where the browser has it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PARAGRAPH_BUDGET_MS, SLICE_BUDGET_MS, sliceClock, yieldToPage } from '../../../src/content/yield-to-page';

const world = globalThis as { scheduler?: unknown };
const original = world.scheduler;
afterEach(() => {
  world.scheduler = original;
});

function fakeScheduler() {
  const calls = { yields: 0 };
  world.scheduler = { yield: () => (calls.yields++, Promise.resolve()) };
  return calls;
}
const docIn = (readyState: DocumentReadyState) => ({ readyState }) as Document;

describe('yieldToPage', () => {
  it('queues behind the page’s tasks while the page is still loading', async () => {
    const calls = fakeScheduler();
    await yieldToPage(docIn('loading'));
    await yieldToPage(docIn('interactive'));
    expect(calls.yields).toBe(0);
  });

  it('uses scheduler.yield() once the page has loaded', async () => {
    const calls = fakeScheduler();
    await yieldToPage(docIn('complete'));
    expect(calls.yields).toBe(1);
  });

  it('yields without a scheduler', async () => {
    world.scheduler = undefined;
    await expect(yieldToPage(docIn('complete'))).resolves.toBeUndefined();
  });
});

describe('sliceClock', () => {
  it('says a slice is spent at its budget, or at a longer one a paragraph asks for', () => {
    let now = 1000;
    const spy = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const clock = sliceClock();
      now += SLICE_BUDGET_MS + 1;
      expect(clock.expired()).toBe(true);
      // Inside a paragraph's claim checks the slice runs on to a frame (page-index.ts).
      expect(PARAGRAPH_BUDGET_MS).toBeGreaterThan(SLICE_BUDGET_MS);
      expect(PARAGRAPH_BUDGET_MS).toBeLessThanOrEqual(16);
      expect(clock.expired(PARAGRAPH_BUDGET_MS)).toBe(false);
      now += PARAGRAPH_BUDGET_MS;
      expect(clock.expired(PARAGRAPH_BUDGET_MS)).toBe(true);
      clock.restart();
      expect(clock.expired()).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
