/**
 * The card, the marks and the popup as a reader meets them (issue #14), in
 * both browsers: marks visible by pixels (each kind, inside a link, and the
 * tinted fallback for browsers that paint no underlines in highlights); the
 * card never over its mark near every viewport edge; a flagged sentence's
 * card; "since this was published"; Chinese; keyboard focus across
 * consecutive marked links and into the card; hiding the marks; looking up a
 * selection; Chinese search; sentences without trailing comment chrome.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawDataset } from '../../src/data/index';
import { BROWSERS, launch, type ExtensionBrowser, type TestPage } from '../../tooling/browsers';
import { markNames, readCard, waitFor } from '../../tooling/page-helpers';
import { compare, decodePng } from './png';
import { startServer, type TestServer } from '../../tooling/server';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Union box and line boxes of the first `text` inside `selector`, scrolled into view first unless fixed. */
function markBox(page: TestPage, selector: string, text: string, scroll = true) {
  return page.evaluate(
    ({ selector, text, scroll }: { selector: string; text: string; scroll: boolean }) => {
      const root = document.querySelector(selector)!;
      if (scroll) root.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf(text);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + text.length);
        const rects = [...range.getClientRects()].map((r) => ({ x: r.left, y: r.top, width: r.width, height: r.height }));
        const b = range.getBoundingClientRect();
        return { box: { x: b.left, y: b.top, width: b.width, height: b.height }, rects };
      }
      throw new Error(`text not found: ${text}`);
    },
    { selector, text, scroll },
  );
}

const nextFrames = (page: TestPage) =>
  page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** A screenshot of the box (a few pixels around it, for underlines), decoded. */
async function shot(page: TestPage, box: Box) {
  await nextFrames(page);
  const clip = { x: Math.floor(box.x) - 2, y: Math.floor(box.y) - 2, width: Math.ceil(box.width) + 4, height: Math.ceil(box.height) + 6 };
  return decodePng(await page.capture(clip));
}

/** The box drawn with its highlight registered, then with that registry entry removed (and put back). */
async function withAndWithout(page: TestPage, name: string, box: Box) {
  const marked = await shot(page, box);
  await page.evaluate((n: string) => {
    (window as unknown as { held: unknown }).held = CSS.highlights.get(n);
    CSS.highlights.delete(n);
  }, name);
  const bare = await shot(page, box);
  await page.evaluate((n: string) => CSS.highlights.set(n, (window as unknown as { held: Highlight }).held), name);
  return compare(marked, bare);
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each(BROWSERS)('%s', (name) => {
  let browser: ExtensionBrowser;
  let page: TestPage;
  let url: string;
  /** The registry names this browser's marks use (underlines, or the tinted fallback). */
  let names: Awaited<ReturnType<typeof markNames>>;

  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    url = server.url('/pages/reader.html');
    await page.goto(url);
    await browser.waitForReady(url);
    names = await markNames(page);
  });
  afterAll(() => browser?.close());
  beforeEach(() => page.bringToFront());

  const closeAll = async () => {
    await page.mouseMove(1, 1);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.press('Escape');
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'no card');
  };

  /** Hovers the middle of `text` and waits for its loaded card, laid out (the same box twice). */
  const hoverCard = async (selector: string, text: string, scroll = true) => {
    const { box } = await markBox(page, selector, text, scroll);
    await page.mouseMove(box.x + Math.min(box.width / 2, 30), box.y + box.height / 2);
    let last = '';
    return waitFor(
      async () => {
        const card = await readCard(page);
        if (!card || card.text.includes('Loading')) return null;
        const key = JSON.stringify(card.rect);
        const stable = key === last;
        last = key;
        return stable ? card : null;
      },
      15_000,
      `card for ${text}`,
    );
  };

  /** Where focus is: a page element's id, or "card:<text>" inside the card. */
  const focusAt = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (el?.localName.startsWith('ff-card-host')) {
        const inner = el.shadowRoot?.activeElement;
        return `card:${inner?.localName}:${(inner?.textContent ?? '').slice(0, 40)}`;
      }
      return el?.id ?? '';
    });

  describe('marks', () => {
    beforeAll(() => closeAll());

    it('draws both kinds visibly, a misclaim differently from a mention (not by hue alone)', async () => {
      const mention = await withAndWithout(page, names.mention, (await markBox(page, '#mention', 'Project Glasswing')).box);
      const claim = await withAndWithout(page, names.claim, (await markBox(page, '#claim', 'must share')).box);
      console.log(
        `[${name}] mark pixels changed: mention ${(mention.changed * 100).toFixed(1)}%, misclaim ${(claim.changed * 100).toFixed(1)}%`,
      );
      expect(mention.changed).toBeGreaterThan(0.02);
      expect(claim.changed).toBeGreaterThan(0.3);
      if (names.mention === 'ff-mention-tint') {
        // Tints under both (no underlines painted here): they differ in lightness, not only in hue.
        expect(mention.luminanceDelta - claim.luminanceDelta).toBeGreaterThan(0.15);
      } else {
        // A dotted line under a mention, a tint under the whole misclaim: they differ in coverage.
        expect(claim.changed - mention.changed).toBeGreaterThan(0.2);
      }
    });

    it('tells a mark inside a link from the link’s own underline', async () => {
      // Mentions inside a link are a highlight of their own (src/content/highlight-names.ts).
      const linked = await withAndWithout(page, names.mentionInLink, (await markBox(page, '#link-mark', 'Project Glasswing')).box);
      // More than a line: the link's underline is there either way, the mark adds a tint over the text.
      expect(linked.changed).toBeGreaterThan(0.3);
      // The plain link beside it is untouched.
      const plain = await withAndWithout(page, names.mentionInLink, (await markBox(page, '#plain-link', 'a plain link')).box);
      expect(plain.changed).toBe(0);
    });

    it('keeps both kinds visible and apart in lightness with the fallback for browsers that paint no underlines', async () => {
      // The tinted styles a browser without decorations in ::highlight gets (Firefox before 146):
      // the same highlights, registered under the fallback names.
      const swap = (from: string, to: string) =>
        page.evaluate(
          ({ from, to }: { from: string; to: string }) => {
            const h = CSS.highlights.get(from)!;
            CSS.highlights.delete(from);
            CSS.highlights.set(to, h);
          },
          { from, to },
        );
      // In a browser that already uses them (Firefox ESR 140) there is nothing to swap.
      const tinted = names.mention === 'ff-mention-tint';
      if (!tinted) {
        await swap('ff-mention', 'ff-mention-tint');
        await swap('ff-claim', 'ff-claim-tint');
      }
      try {
        const mention = await withAndWithout(page, 'ff-mention-tint', (await markBox(page, '#mention', 'Project Glasswing')).box);
        const claim = await withAndWithout(page, 'ff-claim-tint', (await markBox(page, '#claim', 'must share')).box);
        expect(mention.changed).toBeGreaterThan(0.3);
        expect(claim.changed).toBeGreaterThan(0.3);
        expect(mention.luminanceDelta - claim.luminanceDelta).toBeGreaterThan(0.15);
      } finally {
        if (!tinted) {
          await swap('ff-mention-tint', 'ff-mention');
          await swap('ff-claim-tint', 'ff-claim');
        }
      }
    });

    it('hides and shows the page’s marks on request (popup switch, keyboard command)', async () => {
      const registered = () => page.evaluate(() => [...(CSS.highlights as unknown as Map<string, unknown>).keys()].sort());
      expect(await registered()).toEqual(expect.arrayContaining([names.claim, names.mention]));
      expect(await browser.sendToTab(url, { type: 'page.marks', action: 'hide' })).toEqual({ ok: true, value: false });
      await page.bringToFront();
      expect(await registered()).not.toContain(names.mention);
      // That a hidden mark opens no card on hover is checked against a controlled clock (tests/browser/card-controller).
      expect(await browser.sendToTab(url, { type: 'page.marks' })).toEqual({ ok: true, value: false });
      expect(await browser.sendToTab(url, { type: 'page.marks', action: 'toggle' })).toEqual({ ok: true, value: true });
      await page.bringToFront();
      expect(await registered()).toEqual(expect.arrayContaining([names.claim, names.mention]));
      await closeAll();
    });
  });

  describe('the card', () => {
    beforeEach(() => closeAll());

    it('never covers its mark and stays in the viewport, near every edge and corner', async () => {
      await page.evaluate(() => window.scrollTo(0, 900));
      const view = await page.evaluate(() => ({
        width: document.documentElement.clientWidth,
        height: document.documentElement.clientHeight,
      }));
      const spots: Array<[string, Record<string, string>]> = [
        ['top-left', { top: '4px', left: '4px' }],
        ['top', { top: '4px', left: `${view.width / 2 - 125}px` }],
        ['top-right', { top: '4px', left: `${view.width - 254}px` }],
        ['right', { top: `${view.height / 2 - 40}px`, left: `${view.width - 254}px` }],
        ['bottom-right', { top: `${view.height - 60}px`, left: `${view.width - 254}px` }],
        ['bottom', { top: `${view.height - 60}px`, left: `${view.width / 2 - 125}px` }],
        ['bottom-left', { top: `${view.height - 60}px`, left: '4px' }],
        ['left', { top: `${view.height / 2 - 40}px`, left: '4px' }],
      ];
      for (const [spot, style] of spots) {
        for (const probe of [
          'Project Glasswing grows.',
          'Under EO 14409, developers must share pre-release model weights with the government.',
        ]) {
          await page.evaluate(
            ({ style, probe }: { style: Record<string, string>; probe: string }) => {
              const el = document.getElementById('probe')!;
              if (el.textContent !== probe) el.textContent = probe;
              el.style.top = style.top!;
              el.style.left = style.left!;
            },
            { style, probe },
          );
          // The line boxes of the probe's mark, the misclaim when it has one (a rewritten probe is
          // rescanned: wait for it).
          const rects = await waitFor(
            () =>
              page.evaluate(
                (kind: string) => {
                  const el = document.getElementById('probe')!;
                  const range = [...((CSS.highlights as unknown as Map<string, Set<Range>>).get(kind) ?? [])].find((r) =>
                    el.contains(r.startContainer),
                  );
                  const rects = range
                    ? [...range.getClientRects()].map((b) => ({ x: b.left, y: b.top, width: b.width, height: b.height }))
                    : [];
                  return rects.length > 0 ? rects : null;
                },
                probe.startsWith('Under') ? names.claim : names.mention,
              ),
            15_000,
            `the mark in the probe (${spot})`,
          );
          const first = rects[0]!;
          await page.mouseMove(first.x + Math.min(first.width / 2, 30), first.y + first.height / 2);
          let last = '';
          const card = await waitFor(
            async () => {
              const c = await readCard(page);
              if (!c || c.text.includes('Loading')) return null;
              const key = JSON.stringify(c.rect);
              const stable = key === last;
              last = key;
              return stable ? c : null;
            },
            15_000,
            `card at ${spot}`,
          );
          const rect = { x: card.rect.left, y: card.rect.top, width: card.rect.width, height: card.rect.height };
          const where = `${spot}, ${probe.slice(0, 20)}: card ${JSON.stringify(rect)}, marks ${JSON.stringify(rects)}`;
          for (const r of rects) expect(overlaps(rect, r), where).toBe(false);
          expect(rect.x, where).toBeGreaterThanOrEqual(0);
          expect(rect.y, where).toBeGreaterThanOrEqual(0);
          expect(rect.x + rect.width, where).toBeLessThanOrEqual(view.width + 0.5);
          expect(rect.y + rect.height, where).toBeLessThanOrEqual(view.height + 0.5);
          expect(rect.height, where).toBeLessThanOrEqual(402);
          // Escape, not the pointer: the card may lie anywhere, the pointer could land on it.
          await page.press('Escape');
          await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close');
          await page.mouseMove(view.width / 2, view.height / 2);
        }
      }
      await page.evaluate(() => {
        const el = document.getElementById('probe')!;
        el.textContent = 'Project Glasswing grows.';
        el.style.top = '';
        el.style.left = '';
        window.scrollTo(0, 0);
      });
    });

    it('leads a flagged sentence with what is wrong, its strongest sources, and the subject folded below', async () => {
      const card = await hoverCard('#claim', 'must share');
      expect(card.name).toBe('AI executive order (EO 14409)');
      expect(card.kicker).toBe('AI executive order (EO 14409)');
      expect(card.title).toMatch(/^False: sharing is voluntary$/);
      expect(card.text.match(/\bFalse\b/g)).toHaveLength(1);
      expect(card.asOf).toMatch(/^Facts as of [A-Z][a-z]{2} \d{1,2}, \d{4}(?: · news checked to [A-Z][a-z]{2} \d{1,2}, \d{4})?$/);
      const parts = await page.evaluate(() => {
        const root = document.querySelector('ff-card-host')!.shadowRoot!;
        const flag = root.querySelector('.flag')!;
        return {
          sources: [...flag.querySelectorAll(':scope > .ff-sources > ul > li')].map((li) => ({
            tier: li.querySelector('.ff-tier')?.textContent,
            date: li.querySelector('.ff-source-meta')?.textContent,
          })),
          moreAbout: root.querySelector('details.more-about > summary')?.textContent,
          moreAboutOpen: root.querySelector('details.more-about')?.hasAttribute('open'),
          headerOrder: [...root.querySelectorAll('header *')].map((e) => e.className).join(' '),
        };
      });
      expect(parts.sources.length).toBeGreaterThanOrEqual(1);
      expect(parts.sources.length).toBeLessThanOrEqual(2);
      for (const s of parts.sources) {
        expect(s.tier).toMatch(/^(Official|Wire service|News outlet|Analysis|Secondary)$/);
        expect(s.date).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}|undated/);
      }
      expect(parts.moreAbout).toBe('More about AI executive order (EO 14409)');
      expect(parts.moreAboutOpen).toBe(false);
    });

    it('passes axe (serious and critical rules) with a flagged card open, sources and "More about" unfolded', async () => {
      await hoverCard('#claim', 'must share');
      await page.evaluate(() => {
        for (const d of document.querySelector('ff-card-host')!.shadowRoot!.querySelectorAll('details')) d.open = true;
      });
      await page.evaluate(new Function(AXE_SOURCE) as () => void);
      const violations = await page.evaluate(async () => {
        type Axe = { run: (ctx: object, o: object) => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> };
        const axe = (globalThis as unknown as { axe: Axe }).axe;
        const { violations } = await axe.run({ include: [['ff-card-host']] }, { resultTypes: ['violations'] });
        return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
    });

    it('says what happened since the article was published', async () => {
      // The page says 2026-05-20; the newest confirmed development of the order after that, from the dataset.
      const newest = rawDataset.facts
        .filter((f) => f.entity === 'eo-14409' && f.happened && f.happened > '2026-05-20' && f.status !== 'unconfirmed')
        .map((f) => f.happened!)
        .sort()
        .at(-1)!;
      const [y, m, d] = newest.split('-').map(Number) as [number, number, number];
      const date = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
        Date.UTC(y, m - 1, d),
      );
      const card = await hoverCard('#order', 'EO 14409');
      expect(card.since).toContain(`Since this was published: ${date} — `);
    });

    it('speaks Chinese with full-width punctuation and CJK text of at least 14 px', async () => {
      await hoverCard('#zh', '玻璃翼计划');
      const zh = await page.evaluate(() => {
        const root = document.querySelector('ff-card-host')!.shadowRoot!;
        const dialog = root.querySelector('[role=dialog]') as HTMLElement;
        return {
          lang: dialog.getAttribute('lang'),
          name: dialog.getAttribute('aria-label'),
          text: dialog.innerText,
          size: parseFloat(getComputedStyle(root.querySelector('.description')!).fontSize),
          statement: parseFloat(getComputedStyle(root.querySelector('.statement')!).fontSize),
        };
      });
      expect(zh.lang).toBe('zh-CN');
      expect(zh.name).toMatch(/^玻璃翼计划/);
      expect(zh.text).not.toMatch(/[\u4e00-\u9fff][:;,]|[:;,][\u4e00-\u9fff]/);
      expect(zh.size).toBeGreaterThanOrEqual(14);
      expect(zh.statement).toBeGreaterThanOrEqual(14);
    });
  });

  describe('keyboard', () => {
    beforeEach(() => closeAll());

    it('opens each card as focus moves across consecutive marked links, and Tab walks through each card', async () => {
      await page.evaluate(() => document.getElementById('l1')!.scrollIntoView({ block: 'center' }));
      const expected: Record<string, string> = {
        l1: 'Project Glasswing',
        l2: 'Claude Mythos',
        l3: 'AI executive order (EO 14409)',
        l4: 'Project Glasswing',
      };
      // Programmatic focus, one link after the other (a screen reader's link list does this).
      for (const id of ['l1', 'l2', 'l3', 'l4', 'l1']) {
        await page.evaluate((i: string) => document.getElementById(i)!.focus(), id);
        const card = await waitFor(
          async () => {
            const c = await readCard(page);
            return c && !c.text.includes('Loading') && c.name === expected[id] ? c : null;
          },
          15_000,
          `card for ${id}`,
        );
        expect(card.name).toBe(expected[id]);
      }
      await closeAll();
      // Tab: from each link into its card, through it, and on to the next link, whose card opens.
      await page.evaluate(() => document.getElementById('l1')!.focus());
      for (const id of ['l1', 'l2', 'l3', 'l4']) {
        expect(await focusAt()).toBe(id);
        await waitFor(
          async () => (await readCard(page))?.name === expected[id] && !(await readCard(page))!.text.includes('Loading'),
          15_000,
          `card for ${id}`,
        );
        const visited: string[] = [];
        for (let i = 0; i < 20; i++) {
          await page.press('Tab');
          const at = await focusAt();
          if (!at.startsWith('card:')) break;
          visited.push(at);
        }
        // Its sources and "More in Frontier Facts" were reachable.
        expect(
          visited.some((v) => v.startsWith('card:a:')),
          `${id}: ${visited.join(' | ')}`,
        ).toBe(true);
        expect(
          visited.some((v) => v.includes('More in Frontier Facts')),
          `${id}: ${visited.join(' | ')}`,
        ).toBe(true);
      }
      expect(await focusAt()).toBe('after');
    });

    it('returns to the mark with Shift+Tab and closes with Escape, focus back on the link', async () => {
      await page.evaluate(() => document.getElementById('l2')!.focus());
      await waitFor(async () => (await readCard(page))?.name === 'Claude Mythos', 15_000, 'card');
      await page.press('Tab');
      expect(await focusAt()).toMatch(/^card:/);
      await page.press('Shift+Tab');
      expect(await focusAt()).toBe('l2');
      expect((await readCard(page))?.name).toBe('Claude Mythos');
      await page.press('Tab');
      await page.press('Tab');
      expect(await focusAt()).toMatch(/^card:/);
      await page.press('Escape');
      await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close');
      expect(await focusAt()).toBe('l2');
    });
  });

  it('reports a sentence without the comment chrome after it', async () => {
    const report = (await browser.pageReport(url))!;
    expect(report.claims.map((c) => c.sentence)).toContain('Anthropic released Claude Mythos to the public in April.');
    expect(report.claims.some((c) => /Alice|2h/.test(c.sentence))).toBe(false);
  });

  it('looks up a selected text with the page’s checker and shows it in the popup', async () => {
    // The context menu's click handler calls the same code as this message (extension pages only);
    // no permission beyond contextMenus and no test hook ships.
    const sender = await browser.extensionPage('src/options/index.html');
    const shown = await sender.evaluate(async (text: string) => {
      type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'lookup.show', text });
    }, 'Anthropic released Claude Mythos to the public in April. Project Glasswing has partners.');
    expect(shown).toEqual({ ok: true, value: true });
    const popup = await browser.extensionPage('src/popup/index.html');
    const lookup = await waitFor(
      () =>
        popup.evaluate(() => {
          const panel = document.querySelector('.ff-lookup');
          if (!panel || !panel.querySelector('.ff-lookup-claim')) return null;
          return {
            quote: panel.querySelector('blockquote')?.textContent,
            verdicts: [...panel.querySelectorAll('.ff-lookup-claim .ff-badge')].map((b) => b.textContent),
            subjects: [...panel.querySelectorAll('.ff-subject h4')].map((h) => h.textContent),
          };
        }),
      15_000,
      'lookup in the popup',
    );
    expect(lookup.quote).toMatch(/^Anthropic released Claude Mythos/);
    const verdict = rawDataset.claims.find((c) => c.id === 'claim-mythos-publicly-available')!.verdict;
    expect(lookup.verdicts).toEqual([verdict[0]!.toUpperCase() + verdict.slice(1)]);
    expect(lookup.subjects).toEqual(expect.arrayContaining(['Claude Mythos', 'Project Glasswing']));
    await popup.close();
    await sender.close();
  });

  it('answers a Chinese query, Traditional too, in Chinese', async () => {
    const popup = await browser.extensionPage('src/popup/index.html');
    for (const query of ['玻璃翼', '行政令', '玻璃翼計畫']) {
      await popup.evaluate((q: string) => {
        const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
        input.value = q;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }, query);
      const results = await waitFor(
        () =>
          popup.evaluate((q: string) => {
            // This query's results, not the previous one's still on screen: the popup marks each search it renders.
            const last = performance.getEntriesByName('frontier-facts:search').at(-1) as PerformanceMeasure | undefined;
            if (last?.detail?.query !== q) return null;
            const buttons = [...document.querySelectorAll('.ff-results [data-ff-result]')].map((b) => b.textContent ?? '');
            const count = document.querySelector('.ff-result-count')?.textContent ?? '';
            return buttons.length > 0 && count
              ? { buttons, count, lang: document.querySelector('.ff-results [lang]')?.getAttribute('lang') }
              : null;
          }, query),
        15_000,
        `results for ${query}`,
      );
      expect(results.lang, query).toBe('zh-CN');
      expect(results.count, query).toMatch(/\d+ results?/);
      for (const text of results.buttons.slice(0, 3)) expect(text, query).toMatch(/[\u4e00-\u9fff]/);
    }
    await popup.close();
  });
});
