/**
 * The content script's app on a real page: scan, highlight, visibility with real style and
 * layout, dynamic content through a real MutationObserver, and settings applied live.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ContentApp } from '../../src/content/content-app';
import { FULL_RESCAN_THRESHOLD } from '../../src/content/mutation-batcher';
import { parseSettings } from '../../src/shared/settings';
import { highlighted, contentTables } from './fixtures';

const running: AbortController[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.abort();
  document.body.replaceChildren();
  CSS.highlights.clear();
  document.adoptedStyleSheets = [];
});

/** Starts the app on `html` (null: on the page as it is). */
async function start(html: string | null, settings = parseSettings(undefined)) {
  if (html !== null) document.body.innerHTML = html;
  const controller = new AbortController();
  running.push(controller);
  const app = new ContentApp({ doc: document, signal: controller.signal, tables: contentTables, settings });
  await app.start();
  return { app, controller, report: () => app.index.report(location.href, app.isReady) };
}

describe('ContentApp in a real page', () => {
  it('marks what a reader sees, and leaves hidden, collapsed, editable and code text alone', async () => {
    const { app, report } = await start(`
      <article>
        <p>Anthropic widened Project Glasswing this week.</p>
        <p style="display:none">Hidden: Project Glasswing.</p>
        <p style="visibility:hidden">Invisible: Project Glasswing.</p>
        <details><summary>More</summary><p>Collapsed: Project Glasswing.</p></details>
        <div contenteditable="true">Draft: Project Glasswing.</div>
        <pre>code: Project Glasswing</pre>
        <p>Some reports said former President Donald Trump signed the AI executive order.</p>
      </article>`);
    expect(app.isReady).toBe(true);
    expect(report().mentions.map((m) => m.sentence)).toEqual([
      'Anthropic widened Project Glasswing this week.',
      'Some reports said former President Donald Trump signed the AI executive order.',
    ]);
    expect(report().claims.map((c) => c.claimId)).toEqual(['claim-former-president-trump']);
    expect(highlighted('ff-mention')).toEqual(['Project Glasswing', 'AI executive order']);
    expect(highlighted('ff-claim')).toHaveLength(1);
  });

  it('marks content added later, and drops the marks of content removed', async () => {
    const { report } = await start('<main id="feed"><p>Nothing yet.</p></main>');
    expect(report().mentions).toEqual([]);
    const story = document.createElement('article');
    story.innerHTML = '<p>Update: Anthropic added partners to <b>Project Glasswing</b>.</p>';
    document.getElementById('feed')!.append(story);
    await expect.poll(() => report().mentions.map((m) => m.text)).toEqual(['Project Glasswing']);
    expect(highlighted('ff-mention')).toEqual(['Project Glasswing']);
    // Text typed into an existing paragraph is found too.
    const span = document.createElement('span');
    span.textContent = ' Claude Mythos Preview is restricted.';
    story.querySelector('p')!.append(span);
    await expect.poll(() => report().mentions.map((m) => m.entityId)).toEqual(['project-glasswing', 'claude-mythos']);
    story.remove();
    await expect.poll(() => report().mentions).toEqual([]);
    expect(highlighted('ff-mention')).toEqual([]);
  });

  it('on a live feed (paragraphs in and out, several changes per frame) ends with exactly the live ranges', async () => {
    const { report } = await start('<section id="feed"></section>');
    const feed = document.getElementById('feed')!;
    let n = 0;
    const paragraph = () => {
      const p = document.createElement('p');
      p.textContent = n % 3 === 0 ? `Update ${n}: partners joined Project Glasswing.` : `Update ${n}: the council met.`;
      if (n % 3 === 0) p.dataset.mention = '';
      n++;
      return p;
    };
    for (let tick = 0; tick < 12; tick++) {
      // Two changes in one task (append, then remove the oldest), and a frame's worth of them in a row.
      feed.append(paragraph(), paragraph(), paragraph());
      while (feed.children.length > 6) feed.firstElementChild!.remove();
      if (tick % 4 === 3) await new Promise((r) => requestAnimationFrame(r));
    }
    const expected = () => [...feed.querySelectorAll('p[data-mention]')].map((p) => p.textContent!.split(':')[0]);
    const marked = () =>
      [...(CSS.highlights.get('ff-mention') ?? [])].map((r) => {
        const range = r as Range;
        return range.startContainer.isConnected ? range.startContainer.parentElement!.textContent!.split(':')[0] : 'removed';
      });
    await expect.poll(marked).toEqual(expected());
    expect(expected()).toHaveLength(2);
    expect(report().mentions).toHaveLength(2);
  });

  it('scans open shadow roots and watches them', async () => {
    document.body.innerHTML = '<x-card></x-card>';
    const shadow = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside a web component: Project Glasswing.</p>';
    const controller = new AbortController();
    running.push(controller);
    const app = new ContentApp({ doc: document, signal: controller.signal, tables: contentTables, settings: parseSettings(undefined) });
    await app.start();
    expect(app.index.mentionList().map((m) => m.text)).toEqual(['Project Glasswing']);
    expect(app.openShadowRoots).toEqual([shadow]);
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'Also: Claude Mythos Preview.' }));
    await expect.poll(() => app.index.mentionList().length).toBe(2);
  });

  it('scans open shadow roots on plain elements, nested ones too, and leaves closed roots and editable text alone', async () => {
    document.body.innerHTML =
      '<main><p>Weather only.</p><div id="plain"></div><section id="outer"></section><div id="closed"></div></main>';
    const plain = document.getElementById('plain')!.attachShadow({ mode: 'open' });
    plain.innerHTML = `<article><p>Anthropic widened Project Glasswing this week.</p>
      <div contenteditable="true">Draft: Claude Mythos Preview.</div><textarea>Claude Mythos Preview</textarea>
      <input value="Project Glasswing"></article>`;
    const outer = document.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>Weather.</p><div id="inner"></div>';
    const inner = outer.getElementById('inner')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>Deeper: Claude Mythos Preview found bugs.</p>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Closed: Project Glasswing.</p>';
    const { app, report } = await start(null);
    expect(report().mentions.map((m) => m.sentence)).toEqual([
      'Anthropic widened Project Glasswing this week.',
      'Deeper: Claude Mythos Preview found bugs.',
    ]);
    expect(highlighted('ff-mention')).toEqual(['Project Glasswing', 'Claude Mythos Preview']);
    expect(new Set(app.openShadowRoots)).toEqual(new Set([plain, outer, inner]));
    // A full rescan (switched off and on) scans the roots again rather than counting them as done.
    await app.updateSettings(parseSettings({ disabledSites: [location.hostname] }));
    expect(report().mentions).toEqual([]);
    await app.updateSettings(parseSettings(undefined));
    await expect.poll(() => report().mentions.length).toBe(2);
  });

  it('finds a root attached to an element just inserted, then filled, and text added to it later', async () => {
    const { report } = await start('<main id="feed"><p>Nothing yet.</p></main>');
    const host = document.createElement('div');
    document.getElementById('feed')!.append(host);
    // The page gives the host its root once the insertion was handled, and fills it later still: no mutation tells of either.
    // (The observer's callback, which schedules the batch, runs at the first await: idle callbacks run in order.)
    await new Promise((resolve) => setTimeout(resolve, 0));
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const shadow = host.attachShadow({ mode: 'open' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    shadow.innerHTML = '<article><p>Late: Anthropic widened Project Glasswing.</p></article>';
    await expect.poll(() => report().mentions.map((m) => m.text), { timeout: 15_000 }).toEqual(['Project Glasswing']);
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'Also: Claude Mythos Preview.' }));
    await expect.poll(() => report().mentions.map((m) => m.text)).toEqual(['Project Glasswing', 'Claude Mythos Preview']);
    // Removing the host drops its marks and forgets the root.
    host.remove();
    await expect.poll(() => report().mentions).toEqual([]);
  });

  it('finds a root attached late to an element that was already there, at the reader’s first interaction', async () => {
    const { app, report } = await start('<main><p>Weather only.</p><div id="slot"></div></main>');
    const shadow = document.getElementById('slot')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Anthropic widened Project Glasswing.</p>';
    // No mutation record for either step: nothing is found until the page is looked at again.
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
    expect(report().mentions).toEqual([]);
    window.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5 }));
    await expect.poll(() => report().mentions.map((m) => m.text)).toEqual(['Project Glasswing']);
    expect(app.openShadowRoots).toEqual([shadow]);
  });

  it('applies settings live: off for this site removes every mark, on again brings them back', async () => {
    const { app, report } = await start('<p>Anthropic widened Project Glasswing.</p>');
    expect(highlighted('ff-mention')).toEqual(['Project Glasswing']);
    await app.updateSettings(parseSettings({ disabledSites: [location.hostname] }));
    expect(app.isActive).toBe(false);
    expect([...(CSS.highlights as unknown as Map<string, unknown>).keys()]).toEqual([]); // the page as we found it
    await app.updateSettings(parseSettings({ highlightStyle: 'background' }));
    expect(report().mentions).toHaveLength(1);
    expect(highlighted('ff-mention-bg')).toEqual(['Project Glasswing']);
    expect(CSS.highlights.has('ff-mention')).toBe(false);
  });

  it('takes every mark with it when its signal aborts', async () => {
    const { controller } = await start('<p>Anthropic widened Project Glasswing.</p>');
    expect(CSS.highlights.size).toBeGreaterThan(0);
    controller.abort();
    expect(CSS.highlights.size).toBe(0);
    // And it no longer reacts to the page.
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Claude Mythos Preview.' }));
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
    expect(CSS.highlights.size).toBe(0);
  });

  it('never touches the page’s style sheets, through marks, a full rescan and switching off (the manifest’s rules style every mark)', async () => {
    const styleElements = document.querySelectorAll('style, link').length;
    // Every assignment to the document's list, counted from before the start.
    const own = Object.getOwnPropertyDescriptor(Document.prototype, 'adoptedStyleSheets')!;
    let assignments = 0;
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => own.get!.call(document),
      set: (list: CSSStyleSheet[]) => {
        assignments++;
        own.set!.call(document, list);
      },
    });
    try {
      const { app } = await start('<p>Anthropic widened Project Glasswing.</p>');
      expect(highlighted('ff-mention')).toEqual(['Project Glasswing']);
      // More inserted roots in one batch than are worth diffing: the batcher asks for a full rescan.
      const many = Array.from({ length: FULL_RESCAN_THRESHOLD + 1 }, (_, i) =>
        Object.assign(document.createElement('p'), { textContent: `Item ${i}.` }),
      );
      document.body.append(...many, Object.assign(document.createElement('p'), { textContent: 'Claude Mythos Preview.' }));
      await expect.poll(() => app.index.report(location.href, app.isReady).mentions.length, { timeout: 5000 }).toBe(2);
      await app.updateSettings(parseSettings({ disabledSites: [location.hostname] }));
      expect(CSS.highlights.size).toBe(0);
    } finally {
      delete (document as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
    expect(assignments).toBe(0);
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(document.querySelectorAll('style, link')).toHaveLength(styleElements);
  });
});
