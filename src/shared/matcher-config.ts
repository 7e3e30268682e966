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
  /** The alias scanner as one alternation: the reference the parts are held to (tests), not compiled by a page. */
  scanner: string;
  /**
   * The same alternation as a few regexes, in its order (matcher-sources.ts): matched leftmost, and at one
   * position the earliest part, they find exactly what `scanner` finds. Matchers run these, each in a step of
   * its own, as on a cold page each first run is a compile (issue 16).
   */
  scannerParts: string[];
  prefilter: string | null;
  cues: Array<{ entity: EntityId; topic: string | null; specific: string | null; veto: string | null }>;
}
