/**
 * The matcher config, as the background publishes it in `storage.local` for
 * content scripts: a page then gets aliases and patterns with one storage
 * read instead of a message that may have to wake the service worker and
 * open IndexedDB. The background writes it on install, update and start-up;
 * a content script that finds it missing or from another build asks the
 * background directly (`config.get`).
 */
import { CONFIG_CACHE_KEY } from './storage-keys';
import type { MatcherConfig } from './views';

export { CONFIG_CACHE_KEY };

export interface ConfigCache {
  /** The build that wrote it (__FF_BUILD_ID__: package version + dataset hash). */
  buildId: string;
  config: MatcherConfig;
}

/** This bundle's build id; "dev" outside a vite build (unit tests). */
export const BUILD_ID = typeof __FF_BUILD_ID__ === 'string' ? __FF_BUILD_ID__ : 'dev';

/** The cached config if it was written by this very build, else null. */
export function usableConfig(stored: unknown, buildId = BUILD_ID): MatcherConfig | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const cache = stored as Partial<ConfigCache>;
  if (cache.buildId !== buildId) return null;
  const config = cache.config;
  if (!config || !Array.isArray(config.entities) || !Array.isArray(config.claims) || typeof config.datasetVersion !== 'string') return null;
  return config;
}
