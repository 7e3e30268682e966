/**
 * Settings in extension storage: `storage.sync` where the browser offers it
 * (so per-site choices follow the user), `storage.local` otherwise. The
 * content script reads the same key directly and listens for changes.
 */
import type { Storage } from 'webextension-polyfill';
import { applyPatch, parseSettings, SETTINGS_KEY, type Settings, type SettingsPatch } from '../shared/settings';

export interface SettingsStorage {
  get(): Promise<Settings>;
  update(patch: SettingsPatch): Promise<Settings>;
}

export function createSettingsStorage(area: Storage.StorageArea): SettingsStorage {
  // Serialises read-modify-write so two quick toggles cannot lose one another.
  let queue: Promise<unknown> = Promise.resolve();
  const get = async () => parseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
  return {
    get,
    update(patch) {
      const next = queue.then(async () => {
        const updated = applyPatch(await get(), patch);
        await area.set({ [SETTINGS_KEY]: updated });
        return updated;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
