/**
 * The popup and the options page in both browsers, as extension pages in a
 * tab: search in English and Chinese, keystroke by keystroke, the keyboard
 * path through the results, "On this page" for a seed article (told which tab
 * to describe with ?tab=), switching the site off and on (highlights and badge
 * follow live), ClaimReview export and an axe-core check of both pages. How
 * fast the popup opens and searches is for a benchmark, not for a test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser, type TestPage } from '../../tooling/browsers';
import { tabIdFor } from './extension-probes';
import { startServer, type TestServer } from '../../tooling/server';

const SEED = '/seeds/004_579796ff76f06133.html';
const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

/** Polls `fn` in the page until it returns something truthy. */
async function waitFor<T, A = undefined>(
  page: TestPage,
  fn: (arg: A) => T | Promise<T>,
  arg?: A,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await page.evaluate(fn, arg as A).catch(() => undefined);
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${fn.toString().slice(0, 120)} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits for the popup-ready mark: the first results are in the DOM. */
const popupReady = (page: TestPage) => waitFor(page, () => performance.getEntriesByName('frontier-facts:popup-ready').length > 0);

/** Runs axe-core in the page; returns the serious and critical violations. */
async function axeViolations(page: TestPage): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  // Extension pages forbid eval, so axe arrives as a function body, which the drivers evaluate
  // through the debugging protocol rather than through the page's CSP.
  await page.evaluate(new Function(AXE_SOURCE) as () => void);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

function badgeText(helper: TestPage, tabId: number): Promise<string> {
  return helper.evaluate(async (id: number) => {
    type Api = { action: { getBadgeText(d: { tabId: number }): Promise<string> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (g.browser ?? g.chrome).action.getBadgeText({ tabId: id });
  }, tabId);
}

/** Visible text of the popup's result buttons. */
const resultTexts = (page: TestPage) =>
  page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-ff-result]')].map((b) => b.textContent ?? ''));

describe.each(BROWSERS)('%s', (name) => {
  let browser: ExtensionBrowser;
  let helper: TestPage;
  beforeAll(async () => {
    browser = await launch(name);
    helper = await browser.extensionPage(OPTIONS);
  });
  afterAll(() => browser?.close());

  it('opens with the search box focused and the three subjects as cards, every time', async () => {
    // Opened a few times: the first open follows the browser's start (worker starting, dataset
    // seeding) without a first-paint cache; later opens paint from the cache. How fast is `npm run bench`'s.
    for (let i = 0; i < 3; i++) {
      const popup = await browser.extensionPage(POPUP);
      await popupReady(popup);
      expect(await popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
      const headings = await waitFor(popup, () => {
        const list = [...document.querySelectorAll('.ff-subject h2')].map((h) => h.textContent);
        return list.length === 3 ? list : null;
      });
      expect(headings.join(' ')).toMatch(/Glasswing/);
      expect((await resultTexts(popup)).length).toBeGreaterThanOrEqual(6);
      await popup.close();
    }
  });

  it('searches "glasswing" and "玻璃翼" as you type, one result set per keystroke', async () => {
    const popup = await browser.extensionPage(POPUP);
    await popupReady(popup);
    // One key at a time, each waited for: every keystroke gets its own results (and measure).
    for (const [i, key] of [...'glasswing'].entries()) {
      await popup.press(key);
      const typed = 'glasswing'.slice(0, i + 1);
      await waitFor(
        popup,
        (q: string) => performance.getEntriesByName('frontier-facts:search').some((e) => (e as PerformanceMeasure).detail?.query === q),
        typed,
      );
    }
    const latin = await resultTexts(popup);
    expect(latin.length).toBeGreaterThan(0);
    expect(latin.some((text) => /Glasswing/i.test(text))).toBe(true);
    const groups = await popup.evaluate(() => [...document.querySelectorAll('.ff-group h2')].map((h) => h.textContent));
    expect(groups).toContain('Project Glasswing');

    // Keyboard: Enter opens the first result, arrows move through the results and back to the box.
    await popup.press('Enter');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('true');
    expect(await popup.evaluate(() => document.querySelector('.ff-open a[href^="https://"]') !== null)).toBe(true);
    await popup.press('ArrowDown');
    expect(await popup.evaluate(() => [...document.querySelectorAll('[data-ff-result]')].indexOf(document.activeElement!))).toBe(1);
    await popup.press('ArrowUp');
    await popup.press('ArrowUp');
    expect(await popup.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('glasswing');

    // Chinese arrives through an IME, which drivers cannot type: set the value as the IME would commit it.
    await popup.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
      input.value = '玻璃翼';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: '玻璃翼', inputType: 'insertCompositionText' }));
    });
    await waitFor(popup, () =>
      performance.getEntriesByName('frontier-facts:search').some((e) => (e as PerformanceMeasure).detail?.query === '玻璃翼'),
    );
    const chinese = await resultTexts(popup);
    expect(chinese.length).toBeGreaterThan(0);
    // The UI is English here; the Chinese query still finds the records whose Chinese text has it.
    expect(chinese.some((text) => /Glasswing/i.test(text))).toBe(true);

    // Every query sent to the background (a lone Latin letter is not: it asks for one more) put its
    // results on screen once, in the order typed. Their timings are for `npm run bench` to judge.
    const sent = await popup.evaluate(() =>
      performance
        .getEntriesByName('frontier-facts:search')
        .map((e) => (e as PerformanceMeasure).detail as { query: string; results: number })
        .filter((d) => d.results >= 0)
        .map((d) => d.query),
    );
    expect(sent).toEqual(['gl', 'gla', 'glas', 'glass', 'glassw', 'glasswi', 'glasswin', 'glasswing', '玻璃翼']);
    await popup.close();
  });

  it('lists the seed page under "On this page", reveals a sentence, and switches the site off and on live', async () => {
    const url = server.url(SEED);
    const article = await browser.newPage();
    await article.goto(url);
    const report = await browser.waitForReady(url);
    const tabId = await tabIdFor(helper, url);
    const popup = await browser.extensionPage(`${POPUP}?tab=${tabId}`);

    const subjects = await waitFor(popup, () => {
      const items = [...document.querySelectorAll('.ff-page .ff-page-item .ff-subject-name')].map((e) => e.textContent);
      return items.length > 0 ? items : null;
    });
    expect(subjects.sort()).toEqual(['AI executive order (EO 14409)', 'Claude Mythos', 'Project Glasswing']);
    const counts = await popup.evaluate(() => [...document.querySelectorAll('.ff-page .ff-count')].map((e) => e.textContent));
    expect(counts.some((c) => /\d+ mentions?/.test(c ?? ''))).toBe(true);
    const flagged = await waitFor(popup, () => {
      const items = [...document.querySelectorAll('.ff-flagged')];
      return items.length > 0 && items.every((li) => li.querySelector('.ff-correction')) ? items.map((li) => li.textContent) : null;
    });
    // A sentence that refutes a claim is reported (stance "refutes") but is not something the page gets wrong.
    expect(flagged).toHaveLength(report.claims.filter((c) => c.stance !== 'refutes').length);

    // Clicking a flagged sentence asks the tab to reveal it; the tab answers true.
    await popup.evaluate(() => document.querySelector<HTMLButtonElement>('.ff-flagged button')!.click());
    await waitFor(popup, () => document.querySelector('.ff-page [role=status]')?.textContent === 'Shown on the page.');

    const mentions = report.mentions.length;
    await waitFor(
      helper,
      async (id: number) => {
        type Api = { action: { getBadgeText(d: { tabId: number }): Promise<string> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (await (g.browser ?? g.chrome).action.getBadgeText({ tabId: id })) !== '';
      },
      tabId,
    );
    expect(await badgeText(helper, tabId)).toBe(String(mentions));
    expect(await article.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);

    // Off for this site: the open tab drops its highlights and its badge without a reload.
    const host = new URL(url).hostname;
    await popup.evaluate(() => document.querySelector<HTMLInputElement>('.ff-controls input[role=switch]')!.click());
    await waitFor(
      popup,
      (h: string) => document.querySelector('.ff-page .ff-message')?.textContent === `Frontier Facts is off for ${h}.`,
      host,
    );
    await waitFor(article, () => CSS.highlights.size === 0);
    expect((await browser.pageReport(url))?.mentions).toEqual([]);
    await waitFor(
      helper,
      async (id: number) => {
        type Api = { action: { getBadgeText(d: { tabId: number }): Promise<string> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (await (g.browser ?? g.chrome).action.getBadgeText({ tabId: id })) === '';
      },
      tabId,
    );

    // And back on: highlights, report and badge return.
    await popup.evaluate(() => document.querySelector<HTMLInputElement>('.ff-controls input[role=switch]')!.click());
    await waitFor(article, () => CSS.highlights.size > 0);
    await waitFor(popup, () => document.querySelectorAll('.ff-page .ff-subject-name').length === 3);
    const again = await browser.waitForReady(url);
    expect(again.mentions.length).toBe(mentions);
    await waitFor(
      helper,
      async ({ id, text }: { id: number; text: string }) => {
        type Api = { action: { getBadgeText(d: { tabId: number }): Promise<string> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        return (await (g.browser ?? g.chrome).action.getBadgeText({ tabId: id })) === text;
      },
      { id: tabId, text: String(mentions) },
    );

    const violations = await axeViolations(popup);
    console.log(`[${name}] axe (serious + critical): popup ${violations.length}`);
    expect(violations).toEqual([]);
    await popup.close();
    await article.close();
  });

  it('says when a page cannot be scanned', async () => {
    // A tab id no content script answers for: the popup must say so rather than spin.
    const popup = await browser.extensionPage(`${POPUP}?tab=999999`);
    await waitFor(popup, () => document.querySelector('.ff-page .ff-message')?.textContent?.startsWith('This page is not scanned'));
    // No site to switch: only "pause everywhere" is left.
    expect(await popup.evaluate(() => document.querySelectorAll('.ff-controls input[role=switch]').length)).toBe(1);
    await popup.close();
  });

  it('options: no serious axe violations, dataset counts, every source linked, and a ClaimReview export', async () => {
    const options = await browser.extensionPage(OPTIONS);
    await waitFor(
      options,
      () => document.querySelectorAll('.ff-counts dd').length > 0 && document.querySelectorAll('.ff-sources li').length > 0,
    );
    const violations = await axeViolations(options);
    console.log(`[${name}] axe (serious + critical): options ${violations.length}`);
    expect(violations).toEqual([]);

    const counts = await options.evaluate(() => [...document.querySelectorAll('.ff-counts dd')].map((d) => Number(d.textContent)));
    expect(counts.slice(0, 4)).toEqual([3, expect.any(Number), expect.any(Number), expect.any(Number)]);
    const sourceCount = counts[3]!;
    const links = await options.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('.ff-sources a')].map((a) => a.href));
    expect(await options.evaluate(() => document.querySelectorAll('.ff-sources li').length)).toBe(sourceCount);
    expect(links.every((href) => href.startsWith('https://'))).toBe(true);

    // Capture the download link rather than letting the browser save a file into the profile's downloads.
    await options.evaluate(() => {
      const seen: Array<{ href: string; download: string }> = [];
      (globalThis as unknown as { ffDownloads: typeof seen }).ffDownloads = seen;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        seen.push({ href: this.href, download: this.download });
      };
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Download ClaimReview JSON-LD')!.click();
    });
    const download = await waitFor(
      options,
      () => (globalThis as unknown as { ffDownloads: Array<{ href: string; download: string }> }).ffDownloads[0],
    );
    expect(download.href).toMatch(/^blob:/);
    expect(download.download).toMatch(/^frontier-facts-claimreview-\d+\.\d+\.\d+-en\.json$/);
    const doc = await options.evaluate(async (href: string) => (await fetch(href)).json(), download.href);
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph'].length).toBe(counts[2]);
    expect(doc['@graph'].every((review: { '@type': string }) => review['@type'] === 'ClaimReview')).toBe(true);
    await waitFor(options, () => [...document.querySelectorAll('[role=status]')].some((e) => e.textContent?.startsWith('Downloaded ')));
    await options.close();
  });
});
