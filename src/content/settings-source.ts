/** Settings and the matcher config as the content script sees them: read straight from extension storage. */
import browser from 'webextension-polyfill';
import { CONFIG_CACHE_KEY, usableConfig } from '../shared/config-cache';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import type { MatcherConfig } from '../shared/views';

export interface StartupData {
  /** The config the background published for this very build, or null (then ask it: `config.get`). */
  config: MatcherConfig | null;
  settings: Settings;
}

const settingsArea = () => browser.storage.sync ?? browser.storage.local;

const readKey = (area: browser.Storage.StorageArea, key: string): Promise<unknown> =>
  area.get(key).then(
    (items) => items[key],
    () => undefined,
  );

/**
 * The config and settings, read together. Register `onSettingsChanged` before calling this: a
 * change that lands while the reads are in flight then reaches the listener.
 */
export async function readStartupData(): Promise<StartupData> {
  const [config, settings] = await Promise.all([readKey(browser.storage.local, CONFIG_CACHE_KEY), readKey(settingsArea(), SETTINGS_KEY)]);
  return { config: usableConfig(config), settings: parseSettings(settings) };
}

export function onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>) => {
    if (SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  const target = settingsArea().onChanged;
  target.addListener(handler);
  signal.addEventListener('abort', () => target.removeListener(handler), { once: true });
}
