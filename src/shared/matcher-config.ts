/**
 * What the content script's matcher is built from, as the background ships it: the shape only,
 * so the message contract (views.ts) and the code that derives regexes (matcher-sources.ts) both
 * use it without importing each other.
 */
import type { Alias, Entity, EntityId } from '../data/schema';
import type { ClaimRule } from './claim-patterns';

/** Everything the content script needs to find mentions and misclaims. */
export interface MatcherConfig {
  datasetVersion: string;
  entities: Array<{ id: EntityId; aliases: Alias[]; cues: Entity['cues'] }>;
  claims: ClaimRule[];
  /** Regex sources derived once by the background (see prepareMatcher); derived locally when absent. */
  prepared?: PreparedMatcher;
}

/**
 * The regex sources a Matcher needs, derived from the config. Deriving them (escaping ~100
 * aliases, the greedy key cover, cue lists) costs a page ~10 ms of cold code, so the
 * background computes them once and ships them with the config (`MatcherConfig.prepared`).
 */
export interface PreparedMatcher {
  scanner: string;
  prefilter: string | null;
  cues: Array<{ entity: EntityId; topic: string | null; specific: string | null; veto: string | null }>;
}
