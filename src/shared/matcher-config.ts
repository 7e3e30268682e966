/**
 * The dataset's part that a matcher is built from (entities with their aliases and cues, claims
 * with their patterns): the shape only, so the code that derives regexes (matcher-sources.ts) and
 * the tables (matcher-tables.ts) both use it without importing each other.
 */
import type { Alias, Entity, EntityId } from '../data/schema';
import type { ClaimRule } from './claim-patterns';

/** Everything the content script needs to find mentions and misclaims. */
export interface MatcherConfig {
  datasetVersion: string;
  entities: Array<{ id: EntityId; aliases: Alias[]; cues: Entity['cues'] }>;
  claims: ClaimRule[];
  /** Regex sources derived ahead of time (see prepareMatcher); derived when absent. */
  prepared?: PreparedMatcher;
}

/**
 * What a Matcher's scan is built from, derived from the config. Its phrase lists (the aliases, the checks'
 * triggers, the cues) are spelled as the page's trie reads them (phrase-set.ts: normalizePhrase). Deriving it (the alias order, the greedy key
 * cover, the cue lists) costs ~10 ms of cold code, so the build computes it once for the content script
 * (matcher-tables.ts).
 */
export interface PreparedMatcher {
  /**
   * The mention scan, in priority order (at one position the first that matches wins): the aliases, longest
   * first, then the page-scoped claims' triggers (one regex source, matched case-insensitively),
   * then the claim checks' page triggers (phrases).
   */
  scanner: { aliases: string[]; triggers: string | null; checks: string[] };
  prefilter: string | null;
  /** Each subject's context cues as phrase lists (phrase-set.ts; a trailing `*` marks a prefix), null when empty. */
  cues: Array<{ entity: EntityId; topic: string[] | null; specific: string[] | null; veto: string[] | null }>;
}
