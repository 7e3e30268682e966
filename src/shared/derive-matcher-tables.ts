/**
 * Derives the matcher's tables (matcher-tables.ts) from the dataset's matcher
 * config. The build runs this for the content script; everything else that
 * needs a matcher (tests, the dataset checks, the selection lookup) runs it at
 * run time through matcherFromConfig.
 */
import { patternRequires } from './claim-patterns';
import type { CheckerConfig } from './claims/checker';
import { checkerConfig, withTraditionalSpellings } from './claims/config';
import { Matcher } from './matcher';
import type { MatcherConfig } from './matcher-config';
import { prepareMatcher } from './matcher-sources';
import { aliasKey, type AliasEntry, type MatcherTables } from './matcher-tables';

/** Derives the tables from the matcher's part of the dataset. `checks`: the checker's configuration (the shipped one by default). */
export function deriveMatcherTables(config: MatcherConfig, checks: CheckerConfig = checkerConfig()): MatcherTables {
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

/** A Matcher built from the dataset's config at run time. `checks`: as for deriveMatcherTables. */
export function matcherFromConfig(config: MatcherConfig, checks?: CheckerConfig): Matcher {
  return new Matcher(deriveMatcherTables(config, checks));
}
