/**
 * When the claim batcher sends a slice's paragraphs, against Chromium's real task scheduling: once the page has
 * loaded, the walk pauses with `scheduler.yield`, whose continuations run ahead of plain tasks, so a flush posted
 * as a plain task waited for the whole walk (issue 16).
 */
import { describe, expect, it } from 'vitest';
import { ClaimBatcher, type ClaimRequest } from '../../src/content/remote-claims';
import { yieldToPage } from '../../src/content/yield-to-page';

const request = (i: number): ClaimRequest => ({ text: `Paragraph ${i} names Claude Mythos.`, carried: [], pageDate: null });

describe('ClaimBatcher', () => {
  it("sends a slice's paragraphs when the slice ends, before the walk's next slice", async () => {
    // The case that matters: the walk's pauses are scheduler.yield continuations (yield-to-page.ts).
    expect(document.readyState).toBe('complete');
    expect(typeof (globalThis as { scheduler?: { yield?: unknown } }).scheduler?.yield).toBe('function');
    const sent: number[][] = [];
    const batcher = new ClaimBatcher(async (paragraphs) => {
      sent.push(paragraphs.map((p) => Number(/\d+/.exec(p.text)![0])));
      return paragraphs.map(() => []);
    });
    // One slice defers two paragraphs, then pauses.
    const first = [batcher.add(request(1)), batcher.add(request(2))];
    await yieldToPage(document);
    expect(sent).toEqual([[1, 2]]);
    // The next slice's paragraphs go in a message of their own, when that slice ends.
    const second = batcher.add(request(3));
    expect(sent).toEqual([[1, 2]]);
    await yieldToPage(document);
    expect(sent).toEqual([[1, 2], [3]]);
    await expect(Promise.all([...first, second])).resolves.toEqual([[], [], []]);
  });
});
