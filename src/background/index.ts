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
import { BUILD_ID, CONFIG_CACHE_KEY, type ConfigCache } from '../shared/config-cache';

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

/**
 * Seeds and publishes the matcher config where content scripts read it without waking this
 * worker (see shared/config-cache.ts). Runs at every wake, not only on install and browser
 * start: a worker stopped midway (Firefox suspends an idle event page even while it works)
 * would otherwise leave the published config stale until the next update, and every page
 * would take the slow path of asking for it. When the published config is this build's,
 * a wake costs one storage read.
 */
let publishing: Promise<void> | undefined;
function publishConfig(): Promise<void> {
  publishing ??= (async () => {
    try {
      const stored = (await browser.storage.local.get(CONFIG_CACHE_KEY))[CONFIG_CACHE_KEY] as Partial<ConfigCache> | undefined;
      if (stored?.buildId === BUILD_ID) return;
      const config = await store.matcherConfig();
      const cache: ConfigCache = { buildId: BUILD_ID, config };
      await browser.storage.local.set({ [CONFIG_CACHE_KEY]: cache });
    } catch (error) {
      publishing = undefined;
      console.error('[frontier-facts] seeding failed; content scripts will ask again', error);
    }
  })();
  return publishing;
}
void publishConfig();
// Listening wakes the worker for these events; the wake itself publishes.
browser.runtime.onInstalled.addListener(() => void publishConfig());
browser.runtime.onStartup.addListener(() => void publishConfig());
