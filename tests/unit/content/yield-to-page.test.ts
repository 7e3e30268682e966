/**
 * Until the page has loaded, scan slices yield first in, first out (the page's own tasks, its load
 * event among them, go first); after, through scheduler.yield() where the browser has it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { yieldToPage } from '../../../src/content/yield-to-page';

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
