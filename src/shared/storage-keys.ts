/**
 * Extension-storage keys that more than one context reads. No imports: the
 * content script starts its storage reads before any other module of its
 * bundle is set up (see src/content/early-reads.ts).
 */

/** User settings (storage.sync where available, else storage.local). */
export const SETTINGS_KEY = 'settings';
