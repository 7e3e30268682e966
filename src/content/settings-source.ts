/** The settings as the content script sees them: read straight from extension storage. */
import type { Storage } from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';
import { settingsArea, takeEarlyReads } from './early-reads';
import { extensionApi } from './ext';

/**
 * The settings, from the read the bundle started first thing (early-reads.ts). Register
 * `onSettingsChanged` before calling this: a change that lands while the read is in flight then
 * reaches the listener.
 */
export async function readSettings(): Promise<Settings> {
  // None only without extension storage at all: then the defaults.
  const reads = takeEarlyReads();
  return parseSettings(reads ? await reads.settings : undefined);
}

export function onSettingsChanged(listener: (settings: Settings) => void, signal: AbortSignal): void {
  const storage = extensionApi()?.storage;
  if (!storage) return;
  const handler = (changes: Record<string, Storage.StorageChange>) => {
    if (SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  const target = settingsArea(storage).onChanged;
  target.addListener(handler);
  signal.addEventListener('abort', () => target.removeListener(handler), { once: true });
}
