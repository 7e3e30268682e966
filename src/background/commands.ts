/** The keyboard commands (manifest `commands`): step to the next mention; hide or show the page's marks. */
import type { Browser } from 'webextension-polyfill';

export function listenForCommands(browser: Browser): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'next-mention' && command !== 'toggle-marks') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // No content script (a browser page) → nothing to do.
    const ignore = () => undefined;
    if (command === 'next-mention') {
      // Top frame only: it owns the page's mention list.
      await browser.tabs.sendMessage(tabId, { type: 'page.next' }, { frameId: 0 }).catch(ignore);
      return;
    }
    // The top frame's state decides, then every frame follows it (frames would drift apart on a plain toggle).
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'page.marks' }, { frameId: 0 }).catch(ignore)) as
      { ok?: boolean; value?: unknown } | undefined;
    if (reply?.ok !== true || typeof reply.value !== 'boolean') return;
    await browser.tabs.sendMessage(tabId, { type: 'page.marks', action: reply.value ? 'hide' : 'show' }).catch(ignore);
  });
}
