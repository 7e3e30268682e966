/**
 * The two storage reads the content script needs before it can scan (the
 * matcher config and the settings), started at document_start by
 * `prefetch.ts`, so they run while the page is still loading rather than after
 * document_idle, when the page is waiting for its marks. Reading both takes
 * 8–20 ms of IPC, more than the whole scan of a typical article.
 *
 * Both scripts run in the extension's isolated world of the frame and share
 * its global; the hand-off is a `Symbol.for` property there, which the page
 * cannot reach and which no element id can shadow (named properties on
 * `window` are strings). No imports beyond the storage keys: this module is
 * most of the document_start bundle.
 */
import type { Storage } from 'webextension-polyfill';
import { CONFIG_CACHE_KEY, SETTINGS_KEY } from '../shared/storage-keys';

const EARLY = Symbol.for('frontier-facts.early-reads');

/** Stored values, unparsed: undefined when absent or when the read failed. */
export interface EarlyReads {
  config: Promise<unknown>;
  settings: Promise<unknown>;
}

interface Pending extends EarlyReads {
  stop(): void;
}

type World = { [EARLY]?: Pending; browser?: { storage?: Storage.Static }; chrome?: { storage?: Storage.Static } };

/** Settings live in sync storage where the browser has it. */
export const settingsArea = (storage: Storage.Static): Storage.StorageArea =>
  storage.sync ?? storage.local;

const readKey = (area: Storage.StorageArea, key: string): Promise<unknown> =>
  area.get(key).then(
    (items) => items[key],
    () => undefined,
  );

/** Starts both reads; runs once per frame at document_start. */
export function startEarlyReads(): void {
  const world = globalThis as World;
  // Firefox has `browser`; Chromium's `chrome` returns promises from storage calls under MV3.
  const storage = world.browser?.storage ?? world.chrome?.storage;
  if (!storage || world[EARLY]) return;
  const area = settingsArea(storage);
  const onChanged = (changes: Record<string, Storage.StorageChange>) => {
    // A change before the content script takes over supersedes what was read.
    if (SETTINGS_KEY in changes) pending.settings = Promise.resolve(changes[SETTINGS_KEY]?.newValue);
  };
  const pending: Pending = {
    config: readKey(storage.local, CONFIG_CACHE_KEY),
    settings: readKey(area, SETTINGS_KEY),
    stop: () => area.onChanged.removeListener(onChanged),
  };
  area.onChanged.addListener(onChanged);
  world[EARLY] = pending;
}

/**
 * Takes the reads started at document_start, once; null when there were none
 * (the script was injected into an already open page, or this is a unit test).
 * The caller must already listen for settings changes: from here on they are its own.
 */
export function takeEarlyReads(): EarlyReads | null {
  const world = globalThis as World;
  const pending = world[EARLY];
  if (!pending) return null;
  delete world[EARLY];
  pending.stop();
  return { config: pending.config, settings: pending.settings };
}

/** Reads both now (no early reads to take). */
export function readNow(storage: Storage.Static): EarlyReads {
  return { config: readKey(storage.local, CONFIG_CACHE_KEY), settings: readKey(settingsArea(storage), SETTINGS_KEY) };
}
