/**
 * The one storage read the content script needs before it can scan (the
 * settings: is it on here, and in which style), started first thing in the
 * task after the one that injects the script (index.ts). It is an IPC round
 * trip of 8–20 ms; started there, it overlaps claiming the page and the set-up
 * instead of following them. It is not started in the injecting task itself:
 * the first touch of the storage API builds its bindings (3.4 ms on a seed
 * article), and that task, which also compiles the script, was our longest.
 * (The matcher's tables are compiled into the bundle: see
 * scripts/matcher-tables-plugin.ts.)
 *
 * It uses the browser's own `browser`/`chrome` storage API, not the polyfill,
 * and imports only the storage keys: it must be cheap to evaluate first.
 */
import type { Storage } from 'webextension-polyfill';
import { SETTINGS_KEY } from '../shared/storage-keys';

/** The stored value, unparsed: undefined when absent or when the read failed. */
export interface EarlyReads {
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

/** Starts the read (once). */
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
    settings: readKey(area, SETTINGS_KEY),
    stop: () => area.onChanged.removeListener(onChanged),
  };
  area.onChanged.addListener(onChanged);
}

/**
 * Takes the read, once; null when there was none (no extension storage, or already taken).
 * The caller must already listen for settings changes: from here on they are its own.
 */
export function takeEarlyReads(): EarlyReads | null {
  const taken = pending;
  if (!taken) return null;
  pending = null;
  taken.stop();
  return { settings: taken.settings };
}
