/**
 * The two storage reads the content script needs before it can scan (the
 * matcher config the background publishes, and the settings), started by the
 * bundle's first module right after the `frontier-facts:start` mark. They are
 * IPC round trips of 8–20 ms; started there, they overlap the set-up of the
 * rest of the bundle (a few ms of module code and API bindings) instead of
 * following it. Nothing runs earlier than before, and nothing else moves: this
 * module only reorders work inside start→ready.
 *
 * It uses the browser's own `browser`/`chrome` storage API, not the polyfill,
 * and imports only the storage keys: it must be cheap to evaluate first.
 */
import type { Storage } from 'webextension-polyfill';
import { CONFIG_CACHE_KEY, SETTINGS_KEY } from '../shared/storage-keys';

/** Stored values, unparsed: undefined when absent or when the read failed. */
export interface EarlyReads {
  config: Promise<unknown>;
  settings: Promise<unknown>;
}

interface Pending extends EarlyReads {
  stop(): void;
}

type World = { browser?: { storage?: Storage.Static }; chrome?: { storage?: Storage.Static } };

let pending: Pending | null = null;

/** Settings live in sync storage where the browser has it. */
export const settingsArea = (storage: Storage.Static): Storage.StorageArea => storage.sync ?? storage.local;

const readKey = (area: Storage.StorageArea, key: string): Promise<unknown> =>
  area.get(key).then(
    (items) => items[key],
    () => undefined,
  );

/** Starts both reads (once). */
export function startEarlyReads(): void {
  const world = globalThis as World;
  // Firefox has `browser`; Chromium's `chrome` returns promises from storage calls under MV3.
  const storage = world.browser?.storage ?? world.chrome?.storage;
  if (!storage || pending) return;
  const area = settingsArea(storage);
  const onChanged = (changes: Record<string, Storage.StorageChange>) => {
    // A change before the content script listens itself supersedes what was read.
    if (SETTINGS_KEY in changes && pending) pending.settings = Promise.resolve(changes[SETTINGS_KEY]?.newValue);
  };
  pending = {
    config: readKey(storage.local, CONFIG_CACHE_KEY),
    settings: readKey(area, SETTINGS_KEY),
    stop: () => area.onChanged.removeListener(onChanged),
  };
  area.onChanged.addListener(onChanged);
}

/**
 * Takes the reads, once; null when there were none (no extension storage, or already taken).
 * The caller must already listen for settings changes: from here on they are its own.
 */
export function takeEarlyReads(): EarlyReads | null {
  const taken = pending;
  if (!taken) return null;
  pending = null;
  taken.stop();
  return { config: taken.config, settings: taken.settings };
}
