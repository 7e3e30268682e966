/** Settings as the content script sees them: read straight from extension storage, live on change. */
import browser from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings';

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
