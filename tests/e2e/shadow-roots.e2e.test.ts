/**
 * Open shadow roots on plain elements, in both browsers: a <div>'s root is scanned and its marks
 * open the card on hover and on focus; roots attached after the scan (to an element already on
 * the page, to one inserted later) are found and marked; closed roots and editable text are left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser, type TestPage } from '../../tooling/browsers';
import { markNames, readCard, waitFor } from '../../tooling/page-helpers';
import { startServer, type TestServer } from '../../tooling/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Viewport centre of `text` inside the open shadow root of #hostId (probed from the page). */
function centerInRoot(page: TestPage, hostId: string, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ hostId, text }: { hostId: string; text: string }) => {
      const root = document.getElementById(hostId)!.shadowRoot!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf(text);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + text.length);
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
      throw new Error(`text not found: ${text}`);
    },
    { hostId, text },
  );
}

describe.each(BROWSERS)('%s', (name) => {
  let browser: ExtensionBrowser;
  let page: TestPage;
  let url: string;
  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    url = server.url('/pages/shadow-plain.html');
    await page.goto(url);
    await browser.waitForReady(url);
  });
  afterAll(() => browser?.close());

  it('marks a plain div’s open root, not a closed one nor editable text, and opens the card on hover and focus', async () => {
    const report = await browser.waitForReady(url);
    expect(report.mentions.map((m) => m.text)).toEqual(['Project Glasswing', 'Claude Mythos']);
    expect(report.claims).toEqual([]);
    const { mention, mentionInLink } = await markNames(page);
    const marked = await page.evaluate(
      (names: string[]) =>
        names.flatMap((n) => [...((CSS.highlights as unknown as Map<string, Set<Range>>).get(n) ?? [])].map((r) => r.toString())),
      [mention, mentionInLink],
    );
    expect(marked.sort()).toEqual(['Claude Mythos', 'Project Glasswing']);
    // The marks inside the root are styled: in Chromium the document's `:root::highlight()` rules reach
    // them by inheritance; Firefox, which does not inherit highlight styles, gives the root a copy of
    // its own through the page's view (highlight-sheet.ts).
    const styled = await page.evaluate(
      ({ mention, mentionInLink }: { mention: string; mentionInLink: string }) => {
        const root = document.getElementById('plain')!.shadowRoot!;
        const look = (el: Element, name: string) => {
          const s = getComputedStyle(el, `::highlight(${name})`);
          return `${s.backgroundColor} ${s.textDecorationLine} ${s.textDecorationStyle}`;
        };
        const [p, a] = [root.querySelector('p')!, root.getElementById('inner-link')!];
        return { mention: look(p, mention) !== look(p, 'ff-unstyled'), link: look(a, mentionInLink) !== look(a, 'ff-unstyled') };
      },
      { mention, mentionInLink },
    );
    expect(styled).toEqual({ mention: true, link: true });
    await page.bringToFront();
    const at = await centerInRoot(page, 'plain', 'Project Glasswing');
    await page.mouseMove(at.x, at.y);
    expect((await waitFor(() => readCard(page), 15_000, 'card on hover')).title).toContain('Project Glasswing');
    await page.mouseMove(2, 2);
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close');
    await page.evaluate(() => document.getElementById('plain')!.shadowRoot!.getElementById('inner-link')!.focus());
    expect((await waitFor(() => readCard(page), 15_000, 'card on focus')).title).toContain('Claude Mythos');
    await page.press('Escape');
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close');
  });

  it('marks a root attached to an element already on the page, then filled, by the reader’s first interaction', async () => {
    // A tab of its own: the first interaction with the one above was spent on its hover.
    const fresh = await browser.newPage();
    await fresh.goto(url);
    await browser.waitForReady(url);
    await fresh.evaluate(() => (window as unknown as { attachExisting(): void }).attachExisting());
    await waitFor(() => fresh.evaluate(() => !!document.getElementById('existing')!.shadowRoot?.textContent), 15_000, 'page filled it');
    // No mutation tells of the root: it is found by the look at the page on the reader's first interaction.
    const { mention } = await markNames(fresh);
    await fresh.mouseMove(3, 3);
    await waitFor(
      () =>
        fresh.evaluate(
          (n: string) =>
            [...((CSS.highlights as unknown as Map<string, Set<Range>>).get(n) ?? [])].some((r) => r.toString() === 'AI executive order'),
          mention,
        ),
      15_000,
      'late root marked',
    );
    await fresh.close();
  });

  it('marks a root attached to an element inserted later', async () => {
    await page.evaluate(() => (window as unknown as { insertHost(): void }).insertHost());
    await waitFor(
      async () => (await browser.pageReport(url))?.mentions.some((m) => m.sentence.startsWith('Inserted later')),
      15_000,
      'inserted root',
    );
  });
});
