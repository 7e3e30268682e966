/** Settings and the matcher config as the content script sees them: read straight from extension storage. */
import browser from 'webextension-polyfill';
import { CONFIG_CACHE_KEY, usableConfig } from '../shared/config-cache';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import type { MatcherConfig } from '../shared/views';

const area = () => browser.storage.sync ?? browser.storage.local;

export async function readSettings(): Promise<Settings> {
  try {
    return parseSettings((await area().get(SETTINGS_KEY))[SETTINGS_KEY]);
  } catch {
    return parseSettings(undefined);
  }
}

export function onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>) => {
    if (SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  const target = area().onChanged;
  target.addListener(handler);
  signal.addEventListener('abort', () => target.removeListener(handler), { once: true });
}

/** The config the background published for this extension version, or null (then ask it). */
export async function readCachedConfig(): Promise<MatcherConfig | null> {
  try {
    const stored = (await browser.storage.local.get(CONFIG_CACHE_KEY))[CONFIG_CACHE_KEY];
    return usableConfig(stored);
  } catch {
    return null;
  }
}
