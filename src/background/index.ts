/** Service worker (Chrome) / background script (Firefox): wires the store, settings, badge and messages. */
import browser from 'webextension-polyfill';
import { rawDataset } from '../data/index';
import { handleMessages, type MessageType, type Sender } from '../shared/messages';
import { createBadge } from './badge';
import { DexieFactStore } from './dexie-fact-store';
import { createBackgroundHandlers } from './handlers';
import { createSettingsStorage } from './settings-storage';
import { listenForCommands } from './commands';
import { listenForLookups } from './context-menu';
import { createLookupStore } from './lookup';
import { BUILD_ID } from '../shared/build-id';

const store = new DexieFactStore({ dataset: rawDataset, buildId: BUILD_ID });
const settings = createSettingsStorage(browser.storage.sync ?? browser.storage.local);
const setBadge = createBadge(browser.action);
const extensionOrigin = browser.runtime.getURL('');

/** Settings changes, exports and lookups come only from our own pages; page counts only from content scripts. */
const PAGES_ONLY: ReadonlySet<MessageType> = new Set(['settings.update', 'export.claimreview', 'lookup.show']);
function accept(type: MessageType, sender: Sender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (PAGES_ONLY.has(type)) return sender.url?.startsWith(extensionOrigin) === true;
  if (type === 'page.status') return sender.tab?.id !== undefined;
  return true;
}

/**
 * action.openPopup() needs a user gesture in Firefox and a focused window in Chrome; when it is
 * refused, the popup page opens in a tab next to the page, told which tab it describes.
 */
async function openPopup(tabId: number | undefined): Promise<boolean> {
  try {
    await browser.action.openPopup();
    return true;
  } catch {
    const query = tabId === undefined ? '' : `?tab=${tabId}`;
    await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html${query}`) });
    return true;
  }
}

const lookups = createLookupStore();
/** Remembers the text, then opens the popup at once (no await before it: see lookup.ts); the popup asks for the result. */
function showLookup(text: string, tabId: number | undefined): Promise<boolean> {
  lookups.put(text);
  return openPopup(tabId);
}

const handlers = createBackgroundHandlers({ store, settings, setBadge, openPopup, lookups, showLookup });
browser.runtime.onMessage.addListener(
  handleMessages(handlers, { accept, log: (problem) => console.warn(`[frontier-facts] rejected message: ${problem}`) }) as never,
);
listenForCommands(browser);
listenForLookups(browser, (text, tabId) => void showLookup(text, tabId));

browser.runtime.onInstalled.addListener(() => {
  // Seeded on install and update, so the first card a reader asks for does not wait for it.
  store.info().catch((error: unknown) => console.error('[frontier-facts] seeding failed; the next request retries', error));
  // Builds before the matcher's tables were compiled into the content script published its config here.
  browser.storage.local.remove('matcherConfig').catch(() => undefined);
});
