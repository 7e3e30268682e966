/**
 * Everything a Matcher needs, derived from the dataset in one place: the alias
 * lookup (Traditional spellings added, keys normalised), the one scanner regex
 * and its key prefilter, the context-cue sources, the claim patterns with their
 * literal requirements, and the claim checker's checks, concept regex sources
 * and fold table. The build derives them once (derive-matcher-tables.ts, run by
 * scripts/matcher-tables-plugin.ts) and compiles them into the content script, so
 * a page pays for no derivation, no storage read and no message; tests, the
 * dataset checks and the selection lookup derive them from the same code at run
 * time. This module holds only the shape: the content script imports it, and
 * the derivation's imports (the raw concept lists, the fold table) stay out of
 * its bundle.
 */
import type { AliasContext, EntityId, PatternScope, Verdict } from '../data/schema';
import type { CheckerConfig, ClaimChecker } from './claims/checker';
import type { PreparedMatcher } from './matcher-config';

export interface AliasEntry {
  entityId: EntityId;
  context: AliasContext;
  /** Set for case-sensitive aliases: the exact (whitespace-normalised) text required. */
  exact: string | undefined;
}

/** A claim pattern as regex sources, compiled only when a paragraph needs it. */
export interface PatternSource {
  claimId: string;
  entity: EntityId;
  verdict: Verdict;
  scope: PatternScope;
  match: string;
  near?: string;
  unless?: string;
  /** See CompiledClaimPattern.requires. */
  requires: string[][][];
}

export interface MatcherTables extends PreparedMatcher {
  datasetVersion: string;
  /** Normalised alias text (aliasKey) → what it may name. */
  aliases: Array<[string, AliasEntry[]]>;
  verdicts: Array<[string, Verdict]>;
  patterns: PatternSource[];
  /** The claim checker's configuration (the content script loads it with the patterns on first need: LazyMatcherTables). */
  checker: CheckerConfig;
}

/** What claim checking needs beyond the scan: the checker's configuration and the hand-written patterns. */
export interface ClaimTables {
  checker: CheckerConfig;
  patterns: PatternSource[];
}

/**
 * Claim tables as the content script loads them: with the checker's code, which it does not carry itself
 * (scan-matcher.ts).
 */
export interface LoadedClaims extends ClaimTables {
  createChecker?: (config: CheckerConfig) => ClaimChecker;
}

/**
 * Tables whose claim part is loaded on first need (the content script: the scan's part is compiled into it, the
 * claim part is a module of its own that a page without a mention never loads; see claim-tables-loader.ts). Without
 * the scanner's joined alternation: a matcher runs its parts, and every byte of the content script is parsed by
 * every cold tab.
 */
export type LazyMatcherTables = Omit<MatcherTables, 'checker' | 'patterns' | 'scanner'> & {
  loadClaims: () => Promise<LoadedClaims>;
  /**
   * Whether a page's first candidate mention starts loading the claim part (default): off when claims are
   * checked elsewhere first (the background, remote-claims.ts), so the page loads them only if that fails.
   */
  prefetchClaims?: boolean;
};

/** Case-insensitive lookup key for matched alias text. */
export function aliasKey(text: string, caseSensitive = false): string {
  const normal = text
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/’/g, "'")
    .replace(/[‐‑–]/g, '-');
  return caseSensitive ? normal : normal.toLowerCase();
}
