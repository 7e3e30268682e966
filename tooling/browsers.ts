/**
 * Launches real browsers with the built extension loaded and gives the tests
 * one small interface over both drivers: Chromium through playwright-core
 * (Debian's `chromium` binary), Firefox ESR through puppeteer-core over
 * WebDriver BiDi (`installExtension`). Browser downloads are never used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import type { PageReport } from '../src/shared/messages';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Where `npm run build` wrote a browser's extension: FF_OUT_DIR (as for the build), else dist/.
 * Read at each call, not when this module loads, so a caller may set FF_OUT_DIR after importing it.
 */
export function distDir(name: BrowserName): string {
  return join(resolve(ROOT, process.env.FF_OUT_DIR ?? 'dist'), name === 'chromium' ? 'chrome' : 'firefox');
}
const GECKO_ID = 'frontier-facts@frontier-facts.org';
/** Fixed so tests can open moz-extension:// pages (Firefox otherwise picks a random UUID per profile). */
const FIREFOX_UUID = '6d0f4c7e-3b1a-4f0e-9c55-2f7d6c1a8b90';

/** Debian's binaries as `which` finds them; a readable error when one is missing. */
export function findBinary(name: BrowserName): string {
  const candidates = name === 'chromium' ? ['chromium', 'chromium-browser'] : ['firefox-esr', 'firefox'];
  for (const candidate of candidates) {
    try {
      const path = execFileSync('which', [candidate], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // try the next name
    }
  }
  throw new Error(`${name} is not installed: run \`apt-get install -y ${name === 'chromium' ? 'chromium' : 'firefox-esr'}\``);
}

/**
 * Flags every Chromium we start with the extension needs: headless Chromium as root needs
 * --no-sandbox; without the network-quieting flags it dials Google services the sandbox refuses;
 * and Debian's build loads command-line extensions only with the feature switch below.
 */
export function chromiumExtensionFlags(extensionDir: string): string[] {
  return [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

export function assertBuilt(name: BrowserName): void {
  if (!existsSync(join(distDir(name), 'manifest.json'))) {
    throw new Error(`${distDir(name)} is missing: run \`npm run build\` before the end-to-end tests`);
  }
}

/** The bits of a page the tests use, the same for both drivers. */
export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  mouseMove(x: number, y: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** A finger tap (touch pointer events) at viewport coordinates. */
  tap(x: number, y: number): Promise<void>;
  /** Makes this the active tab: background tabs get no animation frames and throttled timers. */
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Sets the viewport's size in CSS pixels. */
  resize(width: number, height: number): Promise<void>;
  /** A PNG of part of the viewport (CSS pixels). */
  capture(clip: { x: number; y: number; width: number; height: number }): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** "chrome-extension://<id>/" or "moz-extension://<uuid>/". */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Opens one of the extension's own pages (popup, options) in a tab. */
  extensionPage(path: string): Promise<TestPage>;
  /** Sends `{type:'page.report'}` with tabs.sendMessage to the tab showing `url`, as other tools do. */
  pageReport(url: string): Promise<PageReport | null>;
  /** Sends a content-script message (page.reveal, page.next) to the tab showing `url`. */
  sendToTab(url: string, message: { type: string } & Record<string, unknown>): Promise<unknown>;
  /** Reloads the extension as an update would (Chromium: runtime.reload; Firefox: reinstall). */
  reloadExtension(): Promise<void>;
  /** Waits until the page at `url` reports ready. */
  waitForReady(url: string, timeoutMs?: number): Promise<PageReport>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Show a window (npm start); tests run headless. */
  headless?: boolean;
}

export function launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  assertBuilt(name);
  const headless = options.headless ?? true;
  return name === 'chromium' ? launchChromium(headless) : launchFirefox(headless);
}

/** More control over a launch, for the reliability and security suite. Every field is optional. */
export interface LaunchExtras extends LaunchOptions {
  /** Load the extension from this directory instead of the build (a variant build, a copy to update in place). */
  extensionDir?: string;
  /** Firefox prefs on top of the defaults (a recording proxy, a short background idle timeout). */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Extra environment variables for the browser process. */
  env?: Record<string, string>;
}

/** The drivers' own objects behind an ExtensionBrowser: network events, CDP sessions, the worker. */
export interface BrowserInternals {
  /** Where the extension was loaded from (reloadExtension loads it from there again). */
  extensionDir: string;
  /** Chromium: the persistent context (requests, service workers, CDP sessions). */
  context?: BrowserContext;
  /** Firefox: the puppeteer browser. */
  puppeteer?: PpBrowser;
  /** The driver's page behind a TestPage made by this browser. */
  rawPage(page: TestPage): PwPage | PpPage | undefined;
}

const internalsByBrowser = new WeakMap<ExtensionBrowser, BrowserInternals>();

/** Like `launch`, with extras; `internalsOf` then gives the driver's objects. */
export function launchWith(name: BrowserName, extras: LaunchExtras = {}): Promise<ExtensionBrowser> {
  if (extras.extensionDir) {
    if (!existsSync(join(extras.extensionDir, 'manifest.json'))) throw new Error(`${extras.extensionDir} holds no manifest.json`);
  } else {
    assertBuilt(name);
  }
  const headless = extras.headless ?? true;
  return name === 'chromium' ? launchChromium(headless, extras) : launchFirefox(headless, extras);
}

/** The driver's objects behind a browser started by `launch` or `launchWith`. */
export function internalsOf(browser: ExtensionBrowser): BrowserInternals {
  const found = internalsByBrowser.get(browser);
  if (!found) throw new Error('not a browser started by launch()');
  return found;
}

async function launchChromium(headless: boolean, extras: LaunchExtras = {}): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'ff-chromium-'));
  const ext = extras.extensionDir ?? distDir('chromium');
  const rawPages = new WeakMap<TestPage, PwPage>();
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: findBinary('chromium'),
    headless,
    ...(extras.env ? { env: { ...process.env, ...extras.env } as Record<string, string> } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...chromiumExtensionFlags(ext),
      // Lets the harness reload the extension over CDP (runtime.reload() unloads a command-line extension for good).
      '--enable-unsafe-extension-debugging',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // Node's URL gives chrome-extension:// URLs a "null" origin, so cut the prefix by hand.
  const extensionOrigin = `${worker.url().split('/').slice(0, 3).join('/')}/`;
  const wrap = (page: PwPage): TestPage => {
    const wrapped: TestPage = {
      goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      mouseMove: (x, y) => page.mouse.move(x, y),
      mouseClick: (x, y) => page.mouse.click(x, y),
      press: (key) => page.keyboard.press(key),
      tap: async (x, y) => {
        // The persistent context has no touch screen; CDP dispatches real touch input (pointerType "touch").
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
        await cdp.detach();
      },
      bringToFront: () => page.bringToFront(),
      screenshot: async (path) => void (await page.screenshot({ path })),
      capture: async (clip) => new Uint8Array(await page.screenshot({ clip, animations: 'disabled', caret: 'hide' })),
      resize: (width, height) => page.setViewportSize({ width, height }),
      close: () => page.close(),
    };
    rawPages.set(wrapped, page);
    return wrapped;
  };
  const browser: ExtensionBrowser = {
    name: 'chromium',
    extensionOrigin,
    newPage: async () => wrap(await context.newPage()),
    extensionPage: async (path) => {
      const raw = await context.newPage();
      // Right after a reload the extension's pages are briefly unavailable (ERR_BLOCKED_BY_CLIENT).
      for (let attempt = 0; ; attempt++) {
        try {
          await raw.goto(extensionOrigin + path, { waitUntil: 'load' });
          break;
        } catch (error) {
          if (attempt >= 40) throw error;
          await new Promise((r) => setTimeout(r, 250));
        }
      }
      return wrap(raw);
    },
    pageReport: (url) => messageTab(browser, url, { type: 'page.report' }) as Promise<PageReport | null>,
    sendToTab: (url, message) => messageTab(browser, url, message),
    reloadExtension: async () => {
      if (reporter?.browser === browser) {
        await reporter.page.close().catch(() => undefined);
        reporter = undefined;
      }
      // Loading the same unpacked directory again is what an update does: same id, new instance.
      const cdp = await context.browser()!.newBrowserCDPSession();
      await cdp.send('Extensions.loadUnpacked' as never, { path: ext } as never);
      await cdp.detach();
    },
    waitForReady: (url, timeoutMs) => waitForReady(browser, url, timeoutMs),
    close: async () => {
      if (reporter?.browser === browser) reporter = undefined;
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  internalsByBrowser.set(browser, { extensionDir: ext, context, rawPage: (page) => rawPages.get(page) });
  return browser;
}

async function launchFirefox(headless: boolean, extras: LaunchExtras = {}): Promise<ExtensionBrowser> {
  const ext = extras.extensionDir ?? distDir('firefox');
  const rawPages = new WeakMap<TestPage, PpPage>();
  const pp: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBinary('firefox'),
    headless,
    // WebDriver BiDi refuses to open moz-extension:// pages (popup, options) without this.
    args: ['--remote-allow-system-access'],
    ...(extras.env ? { env: { ...process.env, ...extras.env } } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // No telemetry, updates or remote settings: the test run stays offline.
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      ...extras.firefoxPrefs,
    },
  });
  await pp.installExtension(ext);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}/`;
  const wrap = (page: PpPage): TestPage => {
    const wrapped: TestPage = {
      goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
      evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
      mouseMove: (x, y) => page.mouse.move(x, y),
      mouseClick: (x, y) => page.mouse.click(x, y),
      press: (key) => pressCombo(page, key),
      tap: (x, y) => page.touchscreen.tap(x, y),
      bringToFront: () => page.bringToFront(),
      screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
      resize: (width, height) => page.setViewport({ width, height }),
      capture: async (clip) => {
        // Puppeteer's clip is in document coordinates; the tests measure in the viewport's.
        const scroll = await page.evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
        return new Uint8Array(await page.screenshot({ clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y }, type: 'png' }));
      },
      close: () => page.close(),
    };
    rawPages.set(wrapped, page);
    return wrapped;
  };
  const browser: ExtensionBrowser = {
    name: 'firefox',
    extensionOrigin,
    newPage: async () => wrap(await pp.newPage()),
    extensionPage: async (path) => {
      const raw = await pp.newPage();
      // The load of a moz-extension:// page switches process and BiDi never reports it finished,
      // so start the navigation and wait for the document instead.
      raw.goto(extensionOrigin + path, { timeout: 0 }).catch(() => undefined);
      const deadline = Date.now() + 15_000;
      for (;;) {
        const state = await raw
          .evaluate(() => (location.protocol === 'moz-extension:' ? document.readyState : 'other'))
          .catch(() => 'navigating');
        if (state === 'complete') break;
        if (Date.now() > deadline) throw new Error(`firefox: ${path} did not load`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return wrap(raw);
    },
    pageReport: (url) => messageTab(browser, url, { type: 'page.report' }) as Promise<PageReport | null>,
    sendToTab: (url, message) => messageTab(browser, url, message),
    reloadExtension: async () => {
      if (reporter?.browser === browser) {
        await reporter.page.close().catch(() => undefined);
        reporter = undefined;
      }
      // Installing over the running copy is Firefox's reload; it keeps the add-on's UUID (an
      // uninstall would drop it and break moz-extension:// URLs in the tests).
      await pp.installExtension(ext);
    },
    waitForReady: (url, timeoutMs) => waitForReady(browser, url, timeoutMs),
    close: async () => {
      if (reporter?.browser === browser) reporter = undefined;
      await pp.close();
    },
  };
  internalsByBrowser.set(browser, { extensionDir: ext, puppeteer: pp, rawPage: (page) => rawPages.get(page) });
  return browser;
}

/** Puppeteer presses one key at a time; "Alt+Shift+F" becomes down/press/up. */
async function pressCombo(page: PpPage, combo: string): Promise<void> {
  const keys = combo.split('+');
  const key = keys.pop()!;
  for (const k of keys) await page.keyboard.down(k as never);
  await page.keyboard.press(key as never);
  for (const k of keys.reverse()) await page.keyboard.up(k as never);
}

let reporter: { browser: ExtensionBrowser; page: TestPage } | undefined;

/**
 * From an extension page, finds the tab whose page report has `url` (tabs.sendMessage to each
 * tab's top frame, as other tools do) and sends it `message`; resolves with the tab's reply.
 */
async function messageTab(browser: ExtensionBrowser, url: string, message: { type: string }): Promise<unknown> {
  if (reporter?.browser !== browser) reporter = { browser, page: await browser.extensionPage('src/popup/index.html') };
  return reporter.page.evaluate(
    async ({ target, message }: { target: string; message: { type: string } }) => {
      type TabsApi = {
        tabs: {
          query(q: object): Promise<Array<{ id?: number }>>;
          sendMessage(id: number, m: unknown, o: object): Promise<unknown>;
        };
      };
      const g = globalThis as unknown as { browser?: TabsApi; chrome: TabsApi };
      const api = g.browser ?? g.chrome;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const report = (await api.tabs.sendMessage(tab.id, { type: 'page.report' }, { frameId: 0 })) as { url?: string } | undefined;
          if (report?.url !== target) continue;
          return message.type === 'page.report' ? report : await api.tabs.sendMessage(tab.id, message, { frameId: 0 });
        } catch {
          // no content script in that tab
        }
      }
      return null;
    },
    { target: url, message },
  );
}

async function waitForReady(browser: ExtensionBrowser, url: string, timeoutMs = 15_000): Promise<PageReport> {
  const deadline = Date.now() + timeoutMs;
  let last: PageReport | null = null;
  while (Date.now() < deadline) {
    last = await browser.pageReport(url);
    if (last?.ready) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${browser.name}: ${url} did not report ready within ${timeoutMs} ms (last: ${JSON.stringify(last)})`);
}
