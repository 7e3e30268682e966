/**
 * Lifecycle and data safety in both browsers:
 *
 * - 20 tabs opened at once all report ready, with the same counts as any one of them;
 * - the background stopped mid-session (Chromium: the service worker, over CDP; Firefox: the
 *   event page, suspended when idle, with the idle timeout cut to 1 s by a pref) answers the next
 *   card, "On this page" and search lookups from a fresh instance;
 * - an extension reload with a card open: the old script takes its card, active mark and
 *   highlights with it and stops reacting, and the new one works (Firefox injects it into the
 *   open page; Chromium on the next load). card.e2e.test.ts covers a reload with no card open;
 * - upgrading from the previous dataset version (a variant build with version 0.9.0 and one
 *   marked fact, replaced in place by the current build) keeps settings and per-site choices and
 *   replaces the data; that variant's strings also carry markup and a javascript: URL, which its
 *   card shows as text;
 * - a seed interrupted in the middle of its write transaction leaves the stored data exactly as it
 *   was, and the next start completes it.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDataset } from '../../src/data/index';
import { BROWSERS, distDir, launchWith, type BrowserName, type ExtensionBrowser, type TestPage } from '../../tooling/browsers';
import {
  backgroundInstance,
  firefoxBackgroundRunning,
  reportsByUrl,
  sendFromExtensionPage,
  stopServiceWorkers,
  storedSettings,
  tabIdFor,
} from './extension-probes';
import { centerOf, highlights, markNames, mentionCount, readCard, waitFor } from '../../tooling/page-helpers';
import { SEED_IDS } from '../../tooling/seed-pages';
import { startServer, type TestServer } from '../../tooling/server';
import { buildVariant, editJson } from './variant-build';

const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
/** Firefox suspends an idle event page after this long (default 30 s); the tests wait it out. */
const FIREFOX_IDLE = { 'extensions.background.idle.timeout': 1000 };
const CURRENT = rawDataset as unknown as { meta: { version: string }; facts: unknown[]; claims: unknown[] };
const PREVIOUS_VERSION = '0.9.0';
const MARKED_FACT = 'glasswing-launched-april-7';
const OLD_WORDING = 'ffoldwording';
const DATASET_MARKUP = `<img src=x onerror="window.ffInjected='dataset'"> javascript:window.ffInjected='url'`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

async function hoverCard(page: TestPage, text: string) {
  await page.bringToFront();
  const at = await centerOf(page, text);
  await page.mouseMove(at.x, at.y);
  return waitFor(
    async () => {
      const card = await readCard(page);
      return card && card.facts > 0 ? card : null;
    },
    15_000,
    `card for "${text}"`,
  );
}

async function openPage(browser: ExtensionBrowser, url: string): Promise<TestPage> {
  const page = await browser.newPage();
  await page.goto(url);
  await browser.waitForReady(url);
  return page;
}

/** A typed send from an extension page that unwraps `{ ok: true, value }`. */
async function ask<T>(page: TestPage, message: object): Promise<T> {
  const [reply] = (await sendFromExtensionPage(page, [message], 15_000)) as Array<{ ok?: boolean; value?: T; error?: string }>;
  if (!reply?.ok) throw new Error(`${JSON.stringify(message)} failed: ${JSON.stringify(reply)}`);
  return reply.value as T;
}

describe.each(BROWSERS)('%s', (name) => {
  let browser: ExtensionBrowser;
  let helper: TestPage;
  beforeAll(async () => {
    browser = await launchWith(name, name === 'firefox' ? { firefoxPrefs: FIREFOX_IDLE } : {});
    helper = await browser.extensionPage(OPTIONS);
  });
  afterAll(() => browser?.close());

  it('opens 20 tabs at once and every one reports ready, with the same counts as a single tab', async () => {
    const paths = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0 ? `/seeds/${SEED_IDS[(i / 2) % SEED_IDS.length]}.html` : '/pages/card.html',
    );
    const urls = paths.map((path, i) => server.url(`${path}?tab=${i}`));
    const pages: TestPage[] = [];
    for (let i = 0; i < urls.length; i++) pages.push(await browser.newPage());
    const started = Date.now();
    await Promise.all(pages.map((page, i) => page.goto(urls[i]!)));
    const reports = await waitFor(
      async () => {
        const all = await reportsByUrl(helper);
        return urls.every((u) => all[u]?.ready) ? all : null;
      },
      45_000,
      'all 20 tabs to report ready',
    );
    console.log(`[${name}] 20 tabs at once: all ready ${Date.now() - started} ms after the loads started`);
    for (const [i, url] of urls.entries()) {
      expect(reports[url]!.mentions).toBeGreaterThan(0);
      // Same page, same counts: nothing was lost or doubled under load.
      const twin = urls.findIndex((_u, j) => paths[j] === paths[i]);
      expect(reports[url]).toEqual(reports[urls[twin]!]);
    }
    const single = await openPage(browser, server.url('/pages/card.html?single'));
    expect((await browser.pageReport(server.url('/pages/card.html?single')))?.mentions.length).toBe(reports[urls[1]!]!.mentions);
    await single.close();
    for (const page of pages) await page.close();
  });

  it('answers the next card, page and search lookups after the background was stopped mid-session', async () => {
    const url = server.url('/pages/card.html?stopped');
    const page = await openPage(browser, url);
    const tabId = await tabIdFor(helper, url);
    const first = await backgroundInstance(browser, helper);

    /** Stops (Chromium) or waits out (Firefox) the background, and checks it is really gone. */
    const stopBackground = async () => {
      if (name === 'chromium') await stopServiceWorkers(browser, helper);
      else await waitFor(async () => !(await firefoxBackgroundRunning(helper)), 15_000, 'the event page to be suspended');
    };

    await stopBackground();
    const card = await hoverCard(page, 'Project Glasswing, its programme'); // card.get from a cold start
    expect(card.title).toContain('Project Glasswing');
    const second = await backgroundInstance(browser, helper);
    expect(second).not.toBe(first);
    await page.mouseMove(1, 1);
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'card to close');

    await stopBackground();
    const popup = await browser.extensionPage(`${POPUP}?tab=${tabId}`);
    const subjects = await waitFor(
      () =>
        popup
          .evaluate(() => [...document.querySelectorAll('.ff-page .ff-subject-name')].map((e) => e.textContent ?? ''))
          .then((l) => (l.length ? l : null)),
      15_000,
      '"On this page"',
    );
    expect(subjects).toContain('Project Glasswing');
    await stopBackground();
    for (const key of 'mythos') await popup.press(key);
    await waitFor(() => popup.evaluate(() => document.querySelectorAll('[data-ff-result]').length > 0), 15_000, 'search results');
    expect(await backgroundInstance(browser, helper)).not.toBe(second);
    await popup.close();
    await page.close();
  });

  it('a page loaded while the background sleeps gets its marks: the matcher is compiled in, nothing is read from the worker', async () => {
    if (name === 'chromium') await stopServiceWorkers(browser, helper);
    else await waitFor(async () => !(await firefoxBackgroundRunning(helper)), 15_000, 'the event page to be suspended');
    const url = server.url('/pages/card.html?asleep');
    const page = await openPage(browser, url);
    expect((await browser.pageReport(url))?.mentions.length).toBeGreaterThan(0);
    // Builds that published the matcher config in storage.local left it there; nothing reads or writes it now.
    const published = await helper.evaluate(async () => {
      type Local = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
      const g = globalThis as unknown as { browser?: Local; chrome: Local };
      return 'matcherConfig' in (await (g.browser ?? g.chrome).storage.local.get('matcherConfig'));
    });
    expect(published).toBe(false);
    await page.close();
  });

  // Last in this browser: a reload closes the extension's pages (the helper included).
  it('reloaded with a card open: the old script takes its card and marks with it, the new one works', async () => {
    const url = server.url('/pages/card.html?reload');
    const page = await openPage(browser, url);
    const card = await hoverCard(page, 'Project Glasswing, its programme');
    expect(card.title).toContain('Project Glasswing');
    const before = await highlights(page);
    expect(before['ff-active']).toHaveLength(1);
    const names = await markNames(page);
    const mentions = mentionCount(before, names);
    expect(mentions).toBeGreaterThan(0);

    await browser.reloadExtension();
    await page.bringToFront();
    await waitFor(async () => (await readCard(page)) === null, 15_000, 'the open card to go');
    await waitFor(
      () => page.evaluate(() => [...document.documentElement.children].every((el) => !el.localName.startsWith('ff-card-host'))),
      15_000,
      'the card host to go',
    );
    await waitFor(async () => ((await highlights(page))['ff-active']?.length ?? 0) === 0, 15_000, 'the active mark to go');

    if (name === 'chromium') {
      // The orphan removed every mark (its listeners go with the same abort: a hover after it opens
      // nothing, tests/browser/card-controller checks that on a controlled clock). Chromium injects
      // no new copy into an open page, so the page works again once it loads again.
      await waitFor(async () => mentionCount(await highlights(page), names) === 0, 15_000, 'the old marks to go');
      await page.goto(url);
      await browser.waitForReady(url);
    } else {
      // Firefox unloads the old copy and injects the new one into the open page: one set of marks.
      await waitFor(async () => (await browser.pageReport(url))?.ready, 15_000, 'the new copy to report ready');
    }
    const report = (await browser.pageReport(url))!;
    expect(report.mentions).toHaveLength(mentions);
    expect(mentionCount(await highlights(page), names)).toBe(mentions);
    const again = await hoverCard(page, 'Claude Mythos Preview');
    expect(again.title).toContain('Claude Mythos');
    expect(
      await page.evaluate(() => [...document.documentElement.children].filter((el) => el.localName.startsWith('ff-card-host')).length),
    ).toBe(1);
    await page.close();
  });
});

describe('data safety', () => {
  const previous = mkdtempSync(join(tmpdir(), 'ff-previous-dist-'));
  beforeAll(() => {
    // The previous release's dataset: an older version number and one fact worded differently.
    // Its wording and the subject's description also carry markup and a javascript: URL, to show
    // that dataset strings reach the card as text (the schema already refuses non-https links).
    buildVariant(previous, (root) => {
      editJson<{ version: string }>(root, 'src/data/meta.json', (meta) => {
        meta.version = PREVIOUS_VERSION;
      });
      editJson<Array<{ id: string; statement: { en: string } }>>(root, 'src/data/facts/project-glasswing.json', (facts) => {
        const fact = facts.find((f) => f.id === MARKED_FACT)!;
        fact.statement.en = `${fact.statement.en} (${OLD_WORDING}) ${DATASET_MARKUP}`;
      });
      editJson<Array<{ id: string; description: { en: string } }>>(root, 'src/data/entities.json', (entities) => {
        const entity = entities.find((e) => e.id === 'project-glasswing')!;
        entity.description.en = `${entity.description.en} <a href="javascript:window.ffInjected='description'">more</a>`;
      });
    });
  }, 180_000);
  afterAll(() => rmSync(previous, { recursive: true, force: true }));

  describe.each(BROWSERS)('%s', (name: BrowserName) => {
    const target = name === 'chromium' ? 'chrome' : 'firefox';
    let dir: string;
    let browser: ExtensionBrowser;
    let helper: TestPage;
    /** Replaces the loaded extension's files with another build, as an update does, and reloads it. */
    const installOver = async (from: string) => {
      for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
      cpSync(from, dir, { recursive: true });
      await browser.reloadExtension();
      helper = await browser.extensionPage(OPTIONS);
    };
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), `ff-installed-${name}-`));
      cpSync(join(previous, target), dir, { recursive: true });
      browser = await launchWith(name, { extensionDir: dir, ...(name === 'firefox' ? { firefoxPrefs: FIREFOX_IDLE } : {}) });
      helper = await browser.extensionPage(OPTIONS);
    });
    afterAll(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('upgrading from the previous dataset version replaces the data and keeps settings and per-site choices', async () => {
      expect((await ask<{ version: string }>(helper, { type: 'dataset.info' })).version).toBe(PREVIOUS_VERSION);
      expect((await ask<unknown[]>(helper, { type: 'facts.search', query: OLD_WORDING })).length).toBe(1);

      // The user's choices: a style, a delay, a language, and the extension off on one site.
      const onUrl = server.url('/pages/card.html?site=on');
      const offUrl = onUrl.replace('127.0.0.1', 'localhost').replace('site=on', 'site=off');
      await ask(helper, {
        type: 'settings.update',
        patch: { highlightStyle: 'background', cardDelayMs: 250, language: 'en', disabledSites: ['localhost'] },
      });
      const chosen = await storedSettings(helper);
      const pages = [await openPage(browser, onUrl), await openPage(browser, offUrl)];
      expect((await browser.pageReport(offUrl))?.mentions).toEqual([]);
      const mentions = (await browser.pageReport(onUrl))!.mentions.length;
      expect(mentions).toBeGreaterThan(0);

      // This dataset's markup arrives in the card as text: no element, no handler, no link.
      const card = await hoverCard(pages[0]!, 'Project Glasswing, its programme');
      expect(card.text).toContain(DATASET_MARKUP);
      expect(card.text).toContain(`<a href="javascript:window.ffInjected='description'">more</a>`);
      expect(card.links.every((href) => href?.startsWith('https://'))).toBe(true);
      expect(
        await pages[0]!.evaluate(() => {
          const host = [...document.documentElement.children].find((el) => el.localName.startsWith('ff-card-host'))!;
          return {
            injected: (window as unknown as { ffInjected?: string }).ffInjected ?? null,
            elements: host.shadowRoot!.querySelectorAll('img, script, [onerror], [onmouseover], a[href^="javascript:"]').length,
          };
        }),
      ).toEqual({ injected: null, elements: 0 });

      await installOver(distDir(name));
      const info = await ask<{ version: string; counts: { facts: number; claims: number } }>(helper, { type: 'dataset.info' });
      expect(info.version).toBe(CURRENT.meta.version);
      expect(info.counts).toMatchObject({ facts: CURRENT.facts.length, claims: CURRENT.claims.length });
      expect(await ask<unknown[]>(helper, { type: 'facts.search', query: OLD_WORDING })).toEqual([]);
      // Settings survive as stored, and they still act: off on one site, background marks on the other.
      expect(await storedSettings(helper)).toEqual(chosen);
      expect(await ask(helper, { type: 'settings.get' })).toEqual(chosen);
      for (const page of pages) await page.close();
      const on = await openPage(browser, onUrl);
      const off = await openPage(browser, offUrl);
      expect((await browser.pageReport(offUrl))?.mentions).toEqual([]);
      expect((await browser.pageReport(onUrl))?.mentions).toHaveLength(mentions);
      expect(mentionCount(await highlights(on), { mention: 'ff-mention-bg', mentionInLink: 'ff-mention-link-bg' })).toBe(mentions);
      await on.close();
      await off.close();
    });

    it('a seed interrupted in the middle of its write leaves the stored data as it was, and the next start completes it', async () => {
      // The stored data is made to look like the previous release's (its version and build id, one fact's
      // wording), so the next start of the background must replace it.
      await helper.evaluate(plantPreviousData, { factId: MARKED_FACT, version: PREVIOUS_VERSION });
      if (name === 'chromium') await stopServiceWorkers(browser, helper);
      else await waitFor(async () => !(await firefoxBackgroundRunning(helper)), 15_000, 'the event page to be suspended');

      // A read of the dataset tables that stays blocked means the seed's write transaction holds them.
      await helper.bringToFront();
      await helper.evaluate(startBlockedReadProbe);
      void helper.evaluate(() => {
        const g = globalThis as unknown as {
          browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        };
        void (g.browser ?? g.chrome).runtime.sendMessage({ type: 'dataset.info' }).catch(() => undefined);
      });
      await waitFor(
        () => helper.evaluate(() => (globalThis as unknown as { ffProbe: Probe }).ffProbe.blockedMs() > 30),
        20_000,
        'the seed to start writing',
      ).catch(async (error: Error) => {
        const stats = await helper.evaluate(() => (globalThis as unknown as { ffProbe: Probe }).ffProbe.stats());
        throw new Error(`${error.message} (probe: ${JSON.stringify(stats)})`);
      });

      if (name === 'chromium') {
        await stopServiceWorkers(browser, helper); // killed mid-write
        // The blocked read now completes: it sees the data exactly as before, so the write was rolled back.
        const probe = await waitFor(
          () => helper.evaluate(() => (globalThis as unknown as { ffProbe: Probe }).ffProbe.lastBlocked()),
          15_000,
          'the blocked read',
        );
        expect(probe).toEqual({ version: PREVIOUS_VERSION, buildId: 'planted', marked: true, facts: CURRENT.facts.length });
        await helper.evaluate(() => (globalThis as unknown as { ffProbe: Probe }).ffProbe.stop());
      } else {
        // Firefox has no way to stop an event page on demand; an update landing mid-write tears
        // the background down just the same (its extension pages with it, so the rollback itself
        // cannot be read back here: IndexedDB's transactions guarantee it, unit tests cover it).
        await browser.reloadExtension();
        helper = await browser.extensionPage(OPTIONS);
      }

      const info = await ask<{ version: string; counts: { facts: number } }>(helper, { type: 'dataset.info' });
      expect(info.version).toBe(CURRENT.meta.version);
      expect(info.counts.facts).toBe(CURRENT.facts.length);
      const stored = await helper.evaluate(readStoredDataset, MARKED_FACT);
      expect(stored).toMatchObject({ version: CURRENT.meta.version, marked: false, facts: CURRENT.facts.length });
      expect(stored.buildId).not.toBe('planted');
      const card = await ask<{ facts: unknown[] }>(helper, { type: 'card.get', entityId: 'project-glasswing', claimIds: [] });
      expect(card.facts.length).toBeGreaterThan(0);
    });
  });
});

interface Probe {
  /** How long the read in flight has waited (0 when none is). */
  blockedMs(): number;
  stats(): unknown;
  lastBlocked(): { version: string; buildId: string; marked: boolean; facts: number } | null;
  stop(): void;
}

/*
 * The functions below run in an extension page (the options page) on the extension's own
 * database, so each is self-contained (the drivers send their source text).
 */

async function plantPreviousData({ factId, version }: { factId: string; version: string }): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('frontier-facts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['meta', 'facts'], 'readwrite');
    const meta = tx.objectStore('meta');
    const facts = tx.objectStore('facts');
    const m = meta.get('dataset');
    m.onsuccess = () => meta.put({ ...m.result, version, buildId: 'planted' });
    const f = facts.get(factId);
    f.onsuccess = () => facts.put({ ...f.result, statement: { ...f.result.statement, en: `${f.result.statement.en} [planted]` } });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function readStoredDataset(factId: string): Promise<{ version: string; buildId: string; marked: boolean; facts: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('frontier-facts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const out = await new Promise<{ version: string; buildId: string; marked: boolean; facts: number }>((resolve, reject) => {
    const tx = db.transaction(['meta', 'facts'], 'readonly');
    const m = tx.objectStore('meta').get('dataset');
    const f = tx.objectStore('facts').get(factId);
    const n = tx.objectStore('facts').count();
    tx.oncomplete = () =>
      resolve({
        version: m.result?.version,
        buildId: m.result?.buildId,
        marked: String(f.result?.statement?.en ?? '').endsWith('[planted]'),
        facts: n.result,
      });
    tx.onerror = () => reject(tx.error);
  });
  db.close();
  return out;
}

/**
 * Reads meta and facts back to back; a read that has waited for long is blocked behind a write
 * transaction on those tables (the seed's). Keeps what the last blocked read finally saw.
 */
async function startBlockedReadProbe(): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('frontier-facts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  let pendingSince: number | null = null;
  let lastBlocked: { version: string; buildId: string; marked: boolean; facts: number } | null = null;
  let running = true;
  let reads = 0;
  let maxMs = 0;
  let last: unknown = null;
  const probe: Probe = {
    stats: () => ({ reads, maxMs, last, running }),
    blockedMs: () => (pendingSince === null ? 0 : performance.now() - pendingSince),
    lastBlocked: () => lastBlocked,
    stop: () => {
      running = false;
    },
  };
  (globalThis as unknown as { ffProbe: Probe }).ffProbe = probe;
  void (async () => {
    while (running) {
      const started = performance.now();
      pendingSince = started;
      const seen = await new Promise<{ version: string; buildId: string; marked: boolean; facts: number } | null>((resolve) => {
        try {
          const tx = db.transaction(['meta', 'facts'], 'readonly');
          const m = tx.objectStore('meta').get('dataset');
          const f = tx.objectStore('facts').get('glasswing-launched-april-7');
          const n = tx.objectStore('facts').count();
          tx.oncomplete = () =>
            resolve({
              version: m.result?.version,
              buildId: m.result?.buildId,
              marked: String(f.result?.statement?.en ?? '').endsWith('[planted]'),
              facts: n.result,
            });
          tx.onerror = () => resolve(null);
        } catch {
          resolve(null);
        }
      });
      pendingSince = null;
      reads++;
      maxMs = Math.max(maxMs, performance.now() - started);
      last = seen;
      if (seen && performance.now() - started > 30) lastBlocked = seen;
      if (!seen) break;
      // No timer between reads: a background tab's timers are throttled to a second or more.
      await Promise.resolve();
    }
  })();
}
