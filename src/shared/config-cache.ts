/**
 * The matcher config, as the background publishes it in `storage.local` for
 * content scripts: a page then gets aliases and patterns with one storage
 * read instead of a message that may have to wake the service worker and
 * open IndexedDB. The background writes it on install, update and start-up;
 * a content script that finds it missing or from another extension version
 * asks the background directly (`config.get`).
 */
import type { MatcherConfig } from './views';

export const CONFIG_CACHE_KEY = 'matcherConfig';

export interface ConfigCache {
  /** The extension version that wrote it (runtime.getManifest().version). */
  extensionVersion: string;
  config: MatcherConfig;
}

/** The cached config if it was written by this very extension version, else null. */
export function usableConfig(stored: unknown, extensionVersion: string): MatcherConfig | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const cache = stored as Partial<ConfigCache>;
  if (cache.extensionVersion !== extensionVersion) return null;
  const config = cache.config;
  if (!config || !Array.isArray(config.entities) || !Array.isArray(config.claims) || typeof config.datasetVersion !== 'string') return null;
  return config;
}
