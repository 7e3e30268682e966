/** Settings and the matcher config as the content script sees them: read straight from extension storage. */
import browser from 'webextension-polyfill';
import { usableConfig } from '../shared/config-cache';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import type { MatcherConfig } from '../shared/views';
import { settingsArea, takeEarlyReads } from './early-reads';

export interface StartupData {
  /** The config the background published for this very build, or null (then ask it: `config.get`). */
  config: MatcherConfig | null;
  settings: Settings;
}

/**
 * The config and settings, from the reads the bundle started first thing (early-reads.ts).
 * Register `onSettingsChanged` before calling this: a change that lands while the reads are in
 * flight then reaches the listener.
 */
export async function readStartupData(): Promise<StartupData> {
  // None only without extension storage at all: then defaults, and the config from the background.
  const reads = takeEarlyReads();
  const [config, settings] = reads ? await Promise.all([reads.config, reads.settings]) : [undefined, undefined];
  return { config: usableConfig(config), settings: parseSettings(settings) };
}

export function onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, browser.Storage.StorageChange>) => {
    if (SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  const target = settingsArea(browser.storage).onChanged;
  target.addListener(handler);
  signal.addEventListener('abort', () => target.removeListener(handler), { once: true });
}
