/**
 * One headless Chromium process holding two browser contexts: the default
 * profile with the built extension loaded, and a fresh off-the-record context
 * (Target.createBrowserContext) in which extensions do not run. Every page is
 * thus measured in the same browser, with and without the extension.
 *
 * Launched by hand with a DevTools port (playwright's persistent contexts do
 * not offer a second context) and driven through playwright's connectOverCDP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumExtensionFlags, distDir, findBinary } from '../tooling/browsers';
import { initScript, type InitOptions } from './in-page';

export const VIEWPORT = { width: 1280, height: 800 };

export interface BenchChromium {
  version: string;
  browser: Browser;
  withExtension: BrowserContext;
  without: BrowserContext;
  /** A new page in one of the contexts, with the init script registered. */
  open(extension: boolean, init: InitOptions): Promise<Page>;
  close(): Promise<void>;
}

/** Launches Chromium with the extension at `extensionDir` (default: the build FF_OUT_DIR points at). */
export async function launchBenchChromium(extensionDir = distDir('chromium')): Promise<BenchChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'ff-bench-chromium-'));
  const child = spawn(
    findBinary('chromium'),
    [
      '--headless',
      ...chromiumExtensionFlags(extensionDir),
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
  const withExtension = browser.contexts()[0]!;
  if (withExtension.serviceWorkers().length === 0) await withExtension.waitForEvent('serviceworker', { timeout: 15_000 });
  const without = await browser.newContext({ viewport: VIEWPORT });
  for (const p of withExtension.pages()) await p.close();
  return {
    version: browser.version(),
    browser,
    withExtension,
    without,
    open: async (extension, init) => {
      const context = extension ? withExtension : without;
      const page = await context.newPage();
      await page.setViewportSize(VIEWPORT);
      await page.addInitScript(initScript(init));
      return page;
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
      // Chromium's helper processes may still be writing the profile for a moment; a leftover temp dir is harmless.
      await new Promise((r) => setTimeout(r, 500));
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {
        // left for the OS to clean up with the rest of the temp dir
      }
    },
  };
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
