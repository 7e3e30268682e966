/** The mutation batcher against a real MutationObserver and idle callbacks: conditions, no fixed waits. */
import { afterEach, describe, expect, it } from 'vitest';
import { FULL_RESCAN_THRESHOLD, MutationBatcher } from '../../src/content/mutation-batcher';
import { registerOwn } from '../../src/content/own-elements';

type Batch = { roots: Node[]; removed: boolean; full: boolean };

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

function watch(root: Node = document.body) {
  const batches: Batch[] = [];
  const controller = new AbortController();
  controllers.push(controller);
  const batcher = new MutationBatcher((b) => batches.push(b), controller.signal);
  batcher.observe(root);
  batcher.resume();
  return { batches, batcher, controller };
}

describe('MutationBatcher', () => {
  it('hands over an added block alone, and added inline text as its paragraph', async () => {
    document.body.innerHTML = '<main><p id="p">Start</p></main>';
    const { batches } = watch();
    const article = document.createElement('article');
    article.innerHTML = '<p>New story</p>';
    document.querySelector('main')!.append(article);
    await expect.poll(() => batches.length).toBeGreaterThan(0);
    expect(batches.flatMap((b) => b.roots)).toEqual([article]);

    batches.length = 0;
    const span = document.createElement('span');
    span.textContent = ' and more';
    document.getElementById('p')!.append(span);
    await expect.poll(() => batches.length).toBeGreaterThan(0);
    expect(batches.flatMap((b) => b.roots)).toEqual([document.getElementById('p')]);
  });

  it('drops roots nested in other roots of the same batch, and our own nodes', async () => {
    document.body.innerHTML = '<main></main>';
    const { batches } = watch();
    const outer = document.createElement('section');
    const inner = document.createElement('div');
    outer.append(inner);
    const ours = document.createElement('ff-card-host');
    registerOwn(ours);
    document.querySelector('main')!.append(outer);
    inner.append(document.createElement('p')); // inside outer: covered by its scan
    document.body.append(ours);
    ours.append(document.createElement('p'));
    await expect.poll(() => batches.length).toBeGreaterThan(0);
    expect(batches.flatMap((b) => b.roots)).toEqual([outer]);
  });

  it('reports text edits and removals, holds batches while paused and delivers them on resume', async () => {
    document.body.innerHTML = '<p id="p">Old text</p><p id="q">Gone soon</p>';
    const { batches, batcher } = watch();
    batcher.pause();
    (document.getElementById('p')!.firstChild as Text).data = 'Project Glasswing';
    document.getElementById('q')!.remove();
    // While paused nothing is delivered, however long it stays paused: resume is what releases it.
    await new Promise((resolve) => requestIdleCallback(resolve));
    expect(batches).toEqual([]);
    batcher.resume();
    await expect.poll(() => batches.length).toBe(1);
    expect(batches[0]).toEqual({ roots: [document.getElementById('p')], removed: true, full: false });
  });

  it('asks for a full rescan when a batch has too many roots to diff', async () => {
    document.body.innerHTML = '<main></main>';
    const { batches } = watch();
    const main = document.querySelector('main')!;
    for (let i = 0; i <= FULL_RESCAN_THRESHOLD; i++) main.append(document.createElement('p'));
    await expect.poll(() => batches.length).toBeGreaterThan(0);
    expect(batches[0]).toMatchObject({ roots: [], full: true });
  });

  it('stops observing when its signal aborts', async () => {
    document.body.innerHTML = '<main></main>';
    const { batches, controller } = watch();
    controller.abort();
    document.querySelector('main')!.append(document.createElement('p'));
    // A second observer on the same change proves the change was delivered to observers.
    const seen = new Promise((resolve) => new MutationObserver(resolve).observe(document.body, { childList: true, subtree: true }));
    document.querySelector('main')!.append(document.createElement('p'));
    await seen;
    await new Promise((resolve) => requestIdleCallback(resolve));
    expect(batches).toEqual([]);
  });
});
