/** The selection's context-menu item, "Look up in Frontier Facts" (contextMenus permission, Chromium and Firefox). */
import type { Browser } from 'webextension-polyfill';

export const LOOKUP_MENU_ID = 'ff-lookup';

/** Creates the item (menus persist, so on install/update only) and routes its clicks to `onLookup`. */
export function listenForLookups(browser: Browser, onLookup: (text: string, tabId: number | undefined) => void): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  browser.runtime.onInstalled.addListener(() => {
    // removeAll first: an update re-runs this, and a second create with the same id fails.
    void menus
      .removeAll()
      .then(() => menus.create({ id: LOOKUP_MENU_ID, title: browser.i18n.getMessage('menuLookup'), contexts: ['selection'] }));
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText?.trim()) return;
    // Synchronously, no await before it: Firefox opens the popup only while the click is being handled.
    onLookup(info.selectionText, tab?.id);
  });
}
