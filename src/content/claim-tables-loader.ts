/**
 * Imports the claim part of the matcher's tables (the checker's configuration and the hand-written patterns,
 * emitted by scripts/matcher-tables-plugin.ts) from the extension's own files, when a page must check claims
 * itself: the background checks them (remote-claims.ts) unless it does not answer. Web-accessible like the card's UI, and in Chromium only through the session's
 * dynamic URL, so a page cannot probe a fixed address to detect the extension.
 */
import type { ClaimTables } from '../shared/matcher-tables';
import { extensionApi } from './ext';

/** Where the build puts the claim tables, relative to the extension's root (listed in web_accessible_resources). */
export const CLAIM_TABLES_PATH = 'src/content/claim-tables.js';

export async function loadClaimTables(): Promise<ClaimTables> {
  const api = extensionApi();
  if (!api) throw new Error('no extension API');
  const module = (await import(/* @vite-ignore */ api.runtime.getURL(CLAIM_TABLES_PATH))) as { default?: ClaimTables };
  const tables = module.default;
  if (!tables || !Array.isArray(tables.patterns) || !Array.isArray(tables.checker?.checks)) throw new Error('claim tables malformed');
  return tables;
}
