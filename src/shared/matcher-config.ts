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
 * The regex sources a Matcher needs, derived from the config. Deriving them (escaping ~100
 * aliases, the greedy key cover, cue lists) costs ~10 ms of cold code, so the build computes
 * them once for the content script (matcher-tables.ts).
 */
export interface PreparedMatcher {
  /**
   * The alias scanner as one alternation: what its three parts below, matched leftmost and at one position in
   * their order (scan-matcher.ts: scannerMatches), are held to (tests); not compiled by a page.
   */
  scanner: string;
  /** The aliases, longest first: the alternation's first part, matched in script (phrase-scanner.ts). */
  scanPhrases: string[];
  /** The page-scoped claims' own patterns, the alternation's next part, as one regex (null: none). */
  triggerPatterns: string | null;
  /** The checks' literal triggers, in order: its last part, matched in script with the aliases. */
  triggerPhrases: string[];
  prefilter: string | null;
  /** Each subject's context-cue lists for phrase-scanner.ts (`*` ends a prefix), null for none. */
  cues: Array<{ entity: EntityId; topic: string[] | null; specific: string[] | null; veto: string[] | null }>;
}
