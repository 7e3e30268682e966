/** The real `Platform` for the UI API: webextension-polyfill in the popup and options pages. */
import browser from 'webextension-polyfill';
import { retryingTransport } from '../shared/messages';
import { SETTINGS_KEY } from '../shared/settings';
import type { Platform } from './api';

export function browserPlatform(): Platform {
  // The same area the background writes and the content script reads (sync where available).
  const area = browser.storage.sync ?? browser.storage.local;
  return {
    // The background may be suspending or restarting as a message leaves: it is sent again then.
    toBackground: retryingTransport((message) => browser.runtime.sendMessage(message)),
    toTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
    toTabFrames: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
    onStoredSettings: (listener) => {
      const handler = (changes: Record<string, browser.Storage.StorageChange>) => {
        if (SETTINGS_KEY in changes) listener(changes[SETTINGS_KEY]?.newValue);
      };
      area.onChanged.addListener(handler);
      return () => area.onChanged.removeListener(handler);
    },
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    uiLanguage: () => browser.i18n.getUILanguage(),
  };
}
