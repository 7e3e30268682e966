/**
 * Imports the claim module (the claim part of the matcher's tables with the checker's code, src/content/claim-module.ts,
 * built by scripts/lazy-modules-plugin.ts) from the extension's own files, when a page must check claims
 * itself: the background checks them (remote-claims.ts) unless it does not answer. Web-accessible like the card's UI, and in Chromium only through the session's
 * dynamic URL, so a page cannot probe a fixed address to detect the extension.
 */
import type { LoadedClaims } from '../shared/matcher-tables';
import { extensionApi } from './ext';

/**
 * Marked on the page's timeline when the page starts checking claims itself (public, like `frontier-facts:start`):
 * the benchmark counts the loads that fell back, and other tools can tell why a page's ready came late.
 */
export const MARK_CLAIMS_LOCAL = 'frontier-facts:claims-local';

/** Where the build puts the claim module, relative to the extension's root (listed in web_accessible_resources). */
export const CLAIM_TABLES_PATH = 'src/content/claim-tables.js';

export async function loadClaimTables(): Promise<LoadedClaims> {
  const api = extensionApi();
  if (!api) throw new Error('no extension API');
  performance.mark(MARK_CLAIMS_LOCAL);
  const module = (await import(/* @vite-ignore */ api.runtime.getURL(CLAIM_TABLES_PATH))) as { default?: LoadedClaims };
  const tables = module.default;
  if (!tables || !Array.isArray(tables.patterns) || !Array.isArray(tables.checker?.checks) || typeof tables.createChecker !== 'function')
    throw new Error('claim module malformed');
  return tables;
}
