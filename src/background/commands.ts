/** The keyboard command (manifest `commands`): step to the next mention in the active tab. */
import type { Browser } from 'webextension-polyfill';

export function listenForCommands(browser: Browser): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'next-mention') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // Top frame only: it owns the page's mention list. No content script (a browser page) → nothing to do.
    await browser.tabs.sendMessage(tabId, { type: 'page.next' }, { frameId: 0 }).catch(() => undefined);
  });
}
