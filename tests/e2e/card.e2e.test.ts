/**
 * Reading a page in both browsers: hover and focus open the card with the
 * subject's facts, Escape closes it, the keyboard command visits every mark,
 * a flagged sentence shows its correction, new content is marked,
 * look-alikes get nothing, and a reloaded extension leaves the page clean.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type ExtensionBrowser, type TestPage } from '../../tooling/browsers';
import { centerOf, highlights, markNames, readCard, waitFor } from '../../tooling/page-helpers';
import { startServer, type TestServer } from '../../tooling/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe.each(BROWSERS)('%s', (name) => {
  let browser: ExtensionBrowser;
  let page: TestPage;
  let url: string;
  beforeAll(async () => {
    browser = await launch(name);
    page = await browser.newPage();
    url = server.url('/pages/card.html');
    await page.goto(url);
    await browser.waitForReady(url);
  });
  afterAll(() => browser?.close());
  // Messaging the tab runs in an extension page, which may take the foreground.
  beforeEach(() => page.bringToFront());

  const closeCard = async () => {
    await page.press('Escape');
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close');
  };

  it('opens the card after a dwell on a mention, with the subject’s top facts and sources', async () => {
    const at = await centerOf(page, 'Project Glasswing, its programme');
    await page.mouseMove(at.x, at.y);
    // That it waits for the dwell first is checked against a controlled clock (tests/browser/card-controller).
    const card = await waitFor(() => readCard(page), 15_000, 'card');
    expect(card.title).toContain('Project Glasswing');
    expect(card.name).toBe('Project Glasswing');
    expect(card.facts).toBeGreaterThanOrEqual(3);
    expect(card.facts).toBeLessThanOrEqual(5);
    expect(card.badges.length).toBe(card.facts);
    expect(card.asOf).toMatch(/^Facts as of [A-Z][a-z]{2} \d{1,2}, \d{4}(?: · news checked to [A-Z][a-z]{2} \d{1,2}, \d{4})?$/);
    expect(card.links.length).toBeGreaterThan(0);
    for (const href of card.links) expect(href).toMatch(/^https:\/\//);
    // Never over the mention.
    expect(at.y < card.rect.top || at.y > card.rect.bottom).toBe(true);
    // Leaving closes it after a short grace period.
    await page.mouseMove(2, 2);
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close');
  });

  it('shows the correction when the hovered sentence states a misclaim', async () => {
    const at = await centerOf(page, 'former President Donald Trump');
    await page.mouseMove(at.x, at.y);
    await waitFor(async () => (await readCard(page))?.correction, 15_000, 'correction');
    const card = (await readCard(page))!;
    // The sentence attributes the claim ("Some reports said…"): the card says it repeats a false claim.
    expect(card.title).toMatch(/^Repeats a false claim: Donald Trump is the sitting US president/);
    expect(card.kicker).toContain('AI executive order');
    expect(card.text.match(/\bfalse\b/gi)?.length ?? 0).toBeLessThanOrEqual(1);
    await page.mouseMove(2, 2);
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close');
  });

  it('opens on a tap and closes on a tap elsewhere (touch)', async () => {
    const at = await centerOf(page, 'Project Glasswing, its programme');
    await page.tap(at.x, at.y);
    const card = await waitFor(() => readCard(page), 15_000, 'card on tap');
    expect(card.title).toContain('Project Glasswing');
    await page.tap(5, 5);
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close on tap elsewhere');
  });

  it('reports the misclaims but not the accurate sentence beside them', async () => {
    const report = (await browser.pageReport(url))!;
    const sentences = report.claims.map((c) => c.sentence);
    expect(sentences.some((s) => s.startsWith('Some reports said former President'))).toBe(true);
    expect(sentences.some((s) => s.startsWith('President Trump signed the AI executive order on June 2'))).toBe(false);
  });

  it('steps through every mark with the keyboard command; Escape closes and returns focus', async () => {
    const report = (await browser.pageReport(url))!;
    const expected = [...report.mentions.map((m) => m.text)];
    const visited: string[] = [];
    const total = report.mentions.length + report.claims.filter((c) => c.stance !== 'refutes').length;
    for (let i = 0; i < total; i++) {
      await browser.sendToTab(url, { type: 'page.next' });
      await page.bringToFront();
      const active = await waitFor(async () => (await highlights(page))['ff-active']?.[0], 15_000, 'active mark');
      visited.push(active);
      const card = await waitFor(() => readCard(page), 15_000, 'card');
      expect(card.focused).toBe(true);
    }
    for (const text of expected) expect(visited).toContain(text);
    await closeCard();
    expect((await highlights(page))['ff-active']).toBeUndefined();
  });

  it('opens the card when keyboard focus reaches a link holding a mention', async () => {
    // Tab from the top of the page: the link is the page's first focusable element.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouseClick(2, 2);
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== 'mythos-link'; i++) await page.press('Tab');
    const card = await waitFor(() => readCard(page), 15_000, 'card on focus');
    expect(card.title).toContain('Claude Mythos');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mythos-link'); // focus stays on the page
    await closeCard();
  });

  it('speaks Chinese on Chinese text', async () => {
    const at = await centerOf(page, '玻璃翼计划');
    await page.mouseMove(at.x, at.y);
    const card = await waitFor(() => readCard(page), 15_000, 'card');
    expect(card.text).toContain('要点');
    expect(card.title).toContain('玻璃翼计划');
    expect(card.asOf).toMatch(/^事实截至 \d{4}年\d{1,2}月\d{1,2}日(?: · 新闻核查至 \d{4}年\d{1,2}月\d{1,2}日)?$/);
    await page.mouseMove(2, 2);
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close');
  });

  it('marks content added later, story by story', async () => {
    const feed = await browser.newPage();
    const feedUrl = server.url('/pages/dynamic.html');
    await feed.goto(feedUrl);
    await browser.waitForReady(feedUrl);
    await feed.bringToFront();
    const { mention } = await markNames(feed);
    // How soon is the benchmark's question (infinite scroll); here each story must get its mark.
    for (let i = 0; i < 5; i++) {
      const before = await feed.evaluate((n: string) => CSS.highlights.get(n)?.size ?? 0, mention);
      await feed.evaluate((n: number) => {
        const w = window as unknown as { appendStory(t: string): number };
        w.appendStory(`Update ${n}: Anthropic added partners to Project Glasswing this week.`);
      }, i);
      await waitFor(
        () => feed.evaluate(([b, n]: [number, string]) => (CSS.highlights.get(n)?.size ?? 0) > b, [before, mention] as [number, string]),
        15_000,
        `story ${i} to be marked`,
      );
    }
    const report = (await browser.pageReport(feedUrl))!;
    expect(report.mentions.filter((m) => m.entityId === 'project-glasswing')).toHaveLength(5);
    // Text inserted inside an existing paragraph is found too.
    await feed.evaluate(() =>
      (window as unknown as { appendInline(t: string): void }).appendInline(' Claude Mythos Preview is restricted.'),
    );
    await waitFor(
      async () => (await browser.pageReport(feedUrl))?.mentions.some((m) => m.entityId === 'claude-mythos'),
      15_000,
      'inline mention',
    );
    await feed.close();
  });

  it('marks text in open shadow roots and in same-origin frames', async () => {
    const other = await browser.newPage();
    const otherUrl = server.url('/pages/shadow-iframe.html');
    await other.goto(otherUrl);
    const report = await browser.waitForReady(otherUrl);
    expect(report.mentions.map((m) => m.text)).toEqual(['Project Glasswing']);
    expect(report.mentions[0]!.sentence).toMatch(/^Inside a web component/);
    const { mention } = await markNames(other);
    const frameMarks = await waitFor(
      () =>
        other.evaluate((n: string) => {
          const frame = document.getElementById('frame') as HTMLIFrameElement;
          const registry = (frame.contentWindow as unknown as typeof globalThis | null)?.CSS.highlights as unknown as
            Map<string, Set<Range>> | undefined;
          return [...(registry?.get(n) ?? [])].map((r) => r.toString()).join();
        }, mention),
      15_000,
      'marks in the frame',
    );
    expect(frameMarks).toBe('Claude Mythos Preview');
    await other.close();
  });

  it('leaves pages of look-alikes, editable fields, code and hidden text alone', async () => {
    const other = await browser.newPage();
    const otherUrl = server.url('/pages/lookalikes.html');
    await other.goto(otherUrl);
    const report = await browser.waitForReady(otherUrl);
    expect(report.mentions).toEqual([]);
    expect(report.claims).toEqual([]);
    const sizes = await other.evaluate(() => [...(CSS.highlights as unknown as Map<string, Set<Range>>).values()].map((h) => h.size));
    expect(sizes.every((n) => n === 0)).toBe(true);
    await other.close();
  });

  it('cleans up when the extension is reloaded, and works again on the next load', async () => {
    const { mention } = await markNames(page);
    const before = await highlights(page);
    expect(before[mention]?.length).toBeGreaterThan(0);
    await browser.reloadExtension();
    await page.bringToFront();
    // Chromium orphans the old script (it notices and removes its marks); Firefox unloads it and
    // injects the new version, which must start from a clean page rather than add duplicates.
    await waitFor(
      async () => {
        const now = await highlights(page);
        const mentions = now[mention]?.length ?? 0;
        return name === 'chromium' ? mentions === 0 : mentions === 0 || mentions === before[mention]!.length;
      },
      15_000,
      'old marks to go',
    );
    await waitFor(
      async () => (await page.evaluate(() => document.querySelectorAll('ff-card-host').length)) === 0,
      15_000,
      'card host to go',
    );
    await page.goto(url);
    const report = await browser.waitForReady(url);
    expect(report.mentions.length).toBeGreaterThan(0);
    const after = await highlights(page);
    expect(after[mention]).toHaveLength(before[mention]!.length);
  });
});
