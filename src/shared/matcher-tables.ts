/**
 * Everything a Matcher needs, derived from the dataset in one place: the alias
 * lookup (Traditional spellings added, keys normalised), the one scanner regex
 * and its key prefilter, the context-cue sources, the claim patterns with their
 * literal requirements, and the claim checker's checks, concept regex sources
 * and fold table. The build derives them once (scripts/matcher-tables-plugin.ts)
 * and compiles them into the content script, so a page pays for no derivation,
 * no storage read and no message; tests and the dataset checks derive them from
 * the same code at run time.
 */
import type { AliasContext, EntityId, PatternScope, Verdict } from '../data/schema';
import { patternRequires } from './claim-patterns';
import type { CheckerConfig } from './claims/checker';
import { checkerConfig, withTraditionalSpellings } from './claims/config';
import type { MatcherConfig } from './matcher-config';
import { prepareMatcher, type PreparedMatcher } from './matcher-sources';

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
  /** The claim checker's configuration, or how to get it (only paragraphs with a mention or a page trigger need it). */
  checker: CheckerConfig | (() => CheckerConfig);
}

/** Case-insensitive lookup key for matched alias text. */
export function aliasKey(text: string, caseSensitive = false): string {
  const normal = text
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/’/g, "'")
    .replace(/[‐‑–]/g, '-');
  return caseSensitive ? normal : normal.toLowerCase();
}

/** Derives the tables from the matcher's part of the dataset. `checks`: the checker's configuration (the shipped one by default). */
export function matcherTables(config: MatcherConfig, checks: CheckerConfig = checkerConfig()): MatcherTables {
  const aliases = new Map<string, AliasEntry[]>();
  for (const entity of withTraditionalSpellings(config.entities)) {
    for (const alias of entity.aliases) {
      const key = aliasKey(alias.text);
      const entries = aliases.get(key) ?? [];
      entries.push({ entityId: entity.id, context: alias.context, exact: alias.caseSensitive ? aliasKey(alias.text, true) : undefined });
      aliases.set(key, entries);
    }
  }
  return {
    datasetVersion: config.datasetVersion,
    ...(config.prepared ?? prepareMatcher(config)),
    aliases: [...aliases],
    verdicts: config.claims.map((c) => [c.id, c.verdict]),
    patterns: config.claims.flatMap((rule) =>
      rule.patterns.map((p) => ({
        claimId: rule.id,
        entity: rule.entity,
        verdict: rule.verdict,
        scope: p.scope ?? 'paragraph',
        match: p.match,
        ...(p.near === undefined ? {} : { near: p.near }),
        ...(p.unless === undefined ? {} : { unless: p.unless }),
        requires: p.requires ?? patternRequires(p),
      })),
    ),
    checker: checks,
  };
}
