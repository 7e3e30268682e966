/**
 * Extension-storage keys that more than one context reads. No imports: the
 * document_start prefetch script includes this module and must stay tiny.
 */

/** User settings (storage.sync where available, else storage.local). */
export const SETTINGS_KEY = 'settings';

/** The matcher config the background publishes for content scripts (storage.local). */
export const CONFIG_CACHE_KEY = 'matcherConfig';
