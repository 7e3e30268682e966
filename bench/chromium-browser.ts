/**
 * One headless Chromium per arm (see arms.ts), each with its own profile and
 * the same flags, loading the arm's extension (or none). Launched by hand
 * with a DevTools port and driven through playwright's connectOverCDP.
 *
 * Every new tab gets a new renderer process: the tab starts on about:blank,
 * and the navigation to a benchmark page (served with COOP/COEP) swaps to a
 * fresh process, where the content script is compiled cold. Navigating the
 * same tab again stays in that process, where V8's caches are warm.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chromiumExtensionFlags, findBinary } from '../tooling/browsers';
import type { ArmBrowser, ArmSpec, BenchTab } from './arms';
import { initScript, type InitOptions } from './in-page';

export const VIEWPORT = { width: 1280, height: 800 };

export interface BenchChromium extends ArmBrowser {
  browser: Browser;
  context: BrowserContext;
  /** "chrome-extension://<id>/" of the arm's extension, or null. */
  extensionOrigin: string | null;
  /** A new page with the init script registered (for the hover, scroll, feed and trace runs). */
  open(init: InitOptions): Promise<Page>;
  cdp(page: Page): Promise<CDPSession>;
}

/** Launches the arm's Chromium; with an extension that has a background, waits for its worker. */
export async function launchBenchChromium(spec: ArmSpec): Promise<BenchChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'ff-bench-chromium-'));
  const flags = spec.dir
    ? chromiumExtensionFlags(spec.dir)
    : chromiumExtensionFlags('').filter((f) => !f.startsWith('--load-extension') && !f.startsWith('--disable-extensions-except'));
  const child = spawn(
    findBinary('chromium'),
    [
      '--headless',
      ...flags,
      '--no-default-browser-check',
      `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await devtoolsEndpoint(child);
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  let extensionOrigin: string | null = null;
  if (spec.dir && hasBackground(spec.dir)) {
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 15_000 });
    extensionOrigin = `${context.serviceWorkers()[0]!.url().split('/').slice(0, 3).join('/')}/`;
  }
  for (const p of context.pages()) await p.close();
  const open = async (init: InitOptions) => {
    const page = await context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.addInitScript(initScript(init));
    return page;
  };
  const cdp = (page: Page) => context.newCDPSession(page);
  return {
    spec,
    version: browser.version(),
    browser,
    context,
    extensionOrigin,
    open,
    cdp,
    newTab: async (init) => tabOf(await open(init), cdp),
    close: async () => {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      // Chromium's helper processes may still be writing the profile for a moment; a leftover temp dir is harmless.
      await new Promise((r) => setTimeout(r, 300));
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {
        // left for the OS to clean up with the rest of the temp dir
      }
    },
  };
}

function tabOf(page: Page, cdp: (page: Page) => Promise<CDPSession>): BenchTab {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load', timeout: 120_000 })),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    heapAfterGc: async () => {
      const session = await cdp(page);
      await session.send('HeapProfiler.collectGarbage');
      const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
      await session.detach();
      return usage.usedSize / 1024;
    },
    close: () => page.close(),
  };
}

function hasBackground(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  return existsSync(manifest) && 'background' in (JSON.parse(readFileSync(manifest, 'utf8')) as object);
}

function devtoolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start:\n${log}`)), 30_000);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      log += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        child.stderr!.removeAllListeners('data');
        child.stderr!.resume();
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`chromium exited (${code}):\n${log}`)));
  });
}
