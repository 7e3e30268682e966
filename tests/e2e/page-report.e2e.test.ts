/**
 * The page report contract in both browsers: a seed article reports ready with
 * its mentions (entity ids from the dataset, sentences as shown) and flagged
 * claims; pages with nothing of interest, or hostile to scripts, report ready
 * and empty; a paragraph too long for the background is checked in the page with
 * the claim module; the User Timing marks are on the page's timeline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageReportSchema } from '../../src/shared/messages';
import { BROWSERS, launch, type ExtensionBrowser } from '../../tooling/browsers';
import { startServer, type TestServer } from '../../tooling/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer([
    (path) =>
      path === '/plain.html' ? { body: '<!doctype html><title>x</title><p>Nothing to see: weather, sport and recipes.</p>' } : undefined,
    (path) =>
      path === '/throws.html'
        ? { body: '<!doctype html><script>throw new Error("page bug")</script><p>Project Glasswing partners</p><script>null.x</script>' }
        : undefined,
    (path) => (path === '/nobody.html' ? { body: '<!doctype html><title>no body</title>' } : undefined),
    // A paragraph too long for the background's claim check: the page loads the claim module and checks it itself.
    (path) =>
      path === '/long.html'
        ? {
            body: `<!doctype html><title>long</title><p>${'The weather was mild and the markets were calm that week. '.repeat(200)}President Trump signed the AI executive order on June 3. ${'Traffic was light and the trains ran on time. '.repeat(250)}</p><p>Claude Mythos finds software vulnerabilities.</p>`,
          }
        : undefined,
  ]);
});
afterAll(() => server.close());

describe.each(BROWSERS)('%s', (name) => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launch(name);
  });
  afterAll(() => browser?.close());

  it('reports the mentions and flagged claims of a seed article', async () => {
    const url = server.url('/seeds/004_579796ff76f06133.html');
    const page = await browser.newPage();
    await page.goto(url);
    const report = pageReportSchema().parse(await browser.waitForReady(url));
    expect(report.url).toBe(url);
    const entities = new Set(report.mentions.map((m) => m.entityId));
    expect(entities).toEqual(new Set(['eo-14409', 'claude-mythos', 'project-glasswing']));
    const glasswing = report.mentions.find((m) => m.entityId === 'project-glasswing')!;
    expect(glasswing.text).toBe('Project Glasswing');
    expect(glasswing.sentence).toMatch(/^Additional information:Anthropic also announced on the same day that it is expanding/);
    // The crypto sidebar's other executive orders are look-alikes, not the AI order.
    expect(report.mentions.some((m) => /Wyoming|immigration/.test(m.sentence))).toBe(false);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toEqual(expect.arrayContaining(['frontier-facts:start', 'frontier-facts:ready']));
    await page.close();
  });

  it('checks a paragraph too long for the background with the claim module it loads itself', async () => {
    const url = server.url('/long.html');
    const page = await browser.newPage();
    await page.goto(url);
    const report = pageReportSchema().parse(await browser.waitForReady(url));
    expect(report.mentions.map((m) => m.entityId)).toEqual(['eo-14409', 'claude-mythos']);
    expect(report.claims.map((c) => [c.claimId, c.stance])).toEqual([['claim-signed-june-3', 'asserts']]);
    expect(report.claims[0]!.sentence).toBe('President Trump signed the AI executive order on June 3.');
    // The page says so on its timeline (a public mark, like start and ready).
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toEqual(expect.arrayContaining(['frontier-facts:start', 'frontier-facts:claims-local', 'frontier-facts:ready']));
    await page.close();
  });

  it.each(['/plain.html', '/throws.html', '/nobody.html'])('reports ready on %s without harm', async (path) => {
    const url = server.url(path);
    const page = await browser.newPage();
    await page.goto(url);
    const report = await browser.waitForReady(url);
    if (path === '/throws.html') expect(report.mentions.map((m) => m.entityId)).toEqual(['project-glasswing']);
    else expect(report.mentions).toEqual([]);
    await page.close();
  });
});
