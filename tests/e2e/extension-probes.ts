/**
 * Probes into the extension's own contexts for the reliability and security suite: messages from
 * an extension page, from a tab's content-script world (Chromium, over CDP), which background
 * instance is running, and stopping it (Chromium's service worker; Firefox has no such control,
 * see lifecycle.e2e.test.ts).
 */
import type { CDPSession, Page as PwPage, Worker as PwWorker } from 'playwright-core';
import { internalsOf, type ExtensionBrowser, type TestPage } from '../../tooling/browsers';

type Api = {
  runtime: { sendMessage(m: unknown): Promise<unknown>; getBackgroundPage?: () => Promise<Window | null> };
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown, o: object): Promise<unknown> };
  storage: { sync?: { get(k: string): Promise<Record<string, unknown>> }; local: { get(k: string): Promise<Record<string, unknown>> } };
};

/**
 * Sends each message with runtime.sendMessage from an extension page. Messages travel as JSON text
 * (the drivers refuse some shapes, such as an own `__proto__` key); a rejection becomes
 * `{ thrown }`, and no reply within `timeoutMs` becomes `{ timeout: true }`.
 */
export function sendFromExtensionPage(page: TestPage, messages: unknown[], timeoutMs = 15_000): Promise<unknown[]> {
  return page.evaluate(
    async ({ json, ms }: { json: string; ms: number }) => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const replies: unknown[] = [];
      for (const message of JSON.parse(json) as unknown[]) {
        const timeout = new Promise((resolve) => setTimeout(() => resolve({ timeout: true }), ms));
        replies.push(
          await Promise.race([api.runtime.sendMessage(message).catch((error: unknown) => ({ thrown: String(error) })), timeout]),
        );
      }
      return replies;
    },
    { json: JSON.stringify(messages), ms: timeoutMs },
  );
}

/** Sends each message to a tab's top frame with tabs.sendMessage from an extension page (as above). */
export function sendToTabFrom(page: TestPage, tabId: number, messages: unknown[], timeoutMs = 15_000): Promise<unknown[]> {
  return page.evaluate(
    async ({ id, json, ms }: { id: number; json: string; ms: number }) => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const replies: unknown[] = [];
      for (const message of JSON.parse(json) as unknown[]) {
        const timeout = new Promise((resolve) => setTimeout(() => resolve({ timeout: true }), ms));
        replies.push(
          await Promise.race([
            api.tabs.sendMessage(id, message, { frameId: 0 }).catch((error: unknown) => ({ thrown: String(error) })),
            timeout,
          ]),
        );
      }
      return replies;
    },
    { id: tabId, json: JSON.stringify(messages), ms: timeoutMs },
  );
}

/** The id of the tab whose page report has this URL (from an extension page, as the popup would). */
export async function tabIdFor(page: TestPage, url: string, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const id = await page.evaluate(async (target: string) => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        const report = (await api.tabs.sendMessage(tab.id, { type: 'page.report' }, { frameId: 0 }).catch(() => null)) as {
          url?: string;
        } | null;
        if (report?.url === target) return tab.id;
      }
      return 0;
    }, url);
    if (id) return id;
    if (Date.now() > deadline) throw new Error(`no tab reports ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How many tabs the browser has open. */
export function tabCount(page: TestPage): Promise<number> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (await (g.browser ?? g.chrome).tabs.query({})).length;
  });
}

/** The stored settings object as an extension page reads it (sync where offered, else local). */
export function storedSettings(page: TestPage): Promise<unknown> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    return ((await (api.storage.sync ?? api.storage.local).get('settings')) as Record<string, unknown>).settings ?? null;
  });
}

/** Chromium: our extension's service worker, if one is running. */
export function extensionWorker(browser: ExtensionBrowser): PwWorker | undefined {
  return internalsOf(browser)
    .context?.serviceWorkers()
    .find((w) => w.url().startsWith(browser.extensionOrigin));
}

/**
 * Identifies the running background instance by its global's time origin: a restarted worker or
 * event page has a new one. Chromium reads it in the worker; Firefox through runtime.getBackgroundPage()
 * from an extension page (which starts the event page if it is not running).
 */
export async function backgroundInstance(browser: ExtensionBrowser, extensionPage: TestPage): Promise<number> {
  if (browser.name === 'chromium') {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const worker = extensionWorker(browser);
      const origin = await worker?.evaluate(() => performance.timeOrigin).catch(() => undefined);
      if (origin !== undefined) return origin;
      if (Date.now() > deadline) throw new Error('no running service worker');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return extensionPage.evaluate(async () => {
    const g = globalThis as unknown as { browser: Api };
    const bg = await g.browser.runtime.getBackgroundPage!();
    return bg!.performance.timeOrigin;
  });
}

/**
 * Chromium: stops every service worker (ours included) over CDP, as the browser does to an idle
 * worker, and resolves once ours reports `stopped`. `anyPage` only hosts the CDP session.
 */
export async function stopServiceWorkers(browser: ExtensionBrowser, anyPage: TestPage, timeoutMs = 15_000): Promise<void> {
  const { context, rawPage } = internalsOf(browser);
  const cdp = await context!.newCDPSession(rawPage(anyPage) as PwPage);
  try {
    // Seen stopped after the call: it may start again at once (a pending event wakes it), which is fine.
    let stopped = false;
    let last = 'unknown';
    let asked = false;
    cdp.on(
      'ServiceWorker.workerVersionUpdated' as never,
      ((event: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
        for (const v of event.versions) {
          if (!v.scriptURL.startsWith(browser.extensionOrigin)) continue;
          last = v.runningStatus;
          if (asked && last === 'stopped') stopped = true;
        }
      }) as never,
    );
    await cdp.send('ServiceWorker.enable' as never);
    if (last === 'stopped') return;
    asked = true;
    const deadline = Date.now() + timeoutMs;
    let nextAsk = 0;
    while (!stopped) {
      if (Date.now() > deadline) throw new Error(`the service worker did not stop (last status: ${last})`);
      // Asked again now and then: a stop requested while the worker is still starting can be lost.
      if (Date.now() >= nextAsk) {
        await cdp.send('ServiceWorker.stopAllWorkers' as never);
        nextAsk = Date.now() + 1000;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Firefox: whether the background (event) page is running now, asked without waking it. */
export function firefoxBackgroundRunning(extensionPage: TestPage): Promise<boolean> {
  return extensionPage.evaluate(() => {
    const api = (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser;
    return api.extension.getViews().some((view) => view.location.pathname.includes('background'));
  });
}

/**
 * Chromium: evaluates an expression in the tab's content-script world (the extension's isolated
 * world of the top frame), found over CDP. This is the content script's own side of messaging:
 * `chrome.runtime.sendMessage` there carries the tab as its sender.
 */
export async function inContentScriptWorld<T>(browser: ExtensionBrowser, page: TestPage, expression: string): Promise<T> {
  const { context, rawPage } = internalsOf(browser);
  const raw = rawPage(page) as PwPage;
  const cdp: CDPSession = await context!.newCDPSession(raw);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { frameId?: string; isDefault?: boolean; type?: string } }> = [];
    cdp.on(
      'Runtime.executionContextCreated' as never,
      ((event: { context: (typeof contexts)[number] }) => contexts.push(event.context)) as never,
    );
    await cdp.send('Runtime.enable' as never);
    const tree = (await cdp.send('Page.getFrameTree' as never)) as { frameTree: { frame: { id: string } } };
    const origin = browser.extensionOrigin.replace(/\/$/, '');
    const world = contexts.find(
      (c) => c.origin === origin && c.auxData?.frameId === tree.frameTree.frame.id && c.auxData?.type === 'isolated',
    );
    if (!world) throw new Error('the content script world was not found');
    const result = (await cdp.send(
      'Runtime.evaluate' as never,
      { expression, contextId: world.id, awaitPromise: true, returnByValue: true } as never,
    )) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (result.exceptionDetails) throw new Error(`content-script world: ${result.exceptionDetails.text}`);
    return result.result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Every tab's page report (top frame), by URL, asked from an extension page in one go. */
export function reportsByUrl(page: TestPage): Promise<Record<string, { ready: boolean; mentions: number; claims: number }>> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = g.browser ?? g.chrome;
    const out: Record<string, { ready: boolean; mentions: number; claims: number }> = {};
    await Promise.all(
      (await api.tabs.query({})).map(async (tab) => {
        if (tab.id === undefined) return;
        const report = (await api.tabs.sendMessage(tab.id, { type: 'page.report' }, { frameId: 0 }).catch(() => null)) as {
          url: string;
          ready: boolean;
          mentions: unknown[];
          claims: unknown[];
        } | null;
        if (report) out[report.url] = { ready: report.ready, mentions: report.mentions.length, claims: report.claims.length };
      }),
    );
    return out;
  });
}
