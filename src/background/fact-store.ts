/**
 * What the background's message handlers need from the dataset. The Dexie
 * implementation (dexie-fact-store.ts) is the only one that ships; tests can
 * hand the handlers anything that satisfies this.
 */
import type { EntityId } from '../data/schema';
import type { MatcherConfig } from '../shared/matcher-config';
import type { CardData, ClaimView, DatasetInfo, FactView, SearchResult, SourceView } from '../shared/views';

export interface FactStore {
  /** Dataset version, date and counts (seeds first if needed). */
  info(): Promise<DatasetInfo>;
  /** Aliases, cues and claim patterns, for the selection lookup's matcher (pages have theirs compiled in). */
  matcherConfig(): Promise<MatcherConfig>;
  /** An entity's facts, most important first. */
  factsFor(entity: EntityId, limit?: number): Promise<FactView[]>;
  /** Claims by id, in the order asked, unknown ids skipped. */
  claimsById(ids: readonly string[]): Promise<ClaimView[]>;
  /** Every source, sorted by outlet then date. */
  sources(): Promise<SourceView[]>;
  /** Every claim, for the ClaimReview export. */
  allClaims(): Promise<ClaimView[]>;
  /** A card: the entity, its top facts and the given claims. */
  card(entity: EntityId, claimIds: readonly string[], factLimit?: number): Promise<CardData>;
  /** Facts and claims containing every query term (prefix, case/accent-insensitive, en + zh). */
  search(query: string, limit?: number): Promise<SearchResult[]>;
}
