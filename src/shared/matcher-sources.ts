/**
 * What a Matcher's scan is built from: the alias scanner's phrase lists, the key-literal
 * prefilter and the context-cue lists, derived from the config. The build
 * derives them once for the content script (matcher-tables.ts); a Matcher given
 * a config derives them itself.
 */
import { compileClaimRules, type CompiledClaimPattern } from './claim-patterns';
import { pageTriggers, withTraditionalSpellings } from './claims/config';
import type { MatcherConfig, PreparedMatcher } from './matcher-config';
import { normalizePhrase } from './phrase-set';

export type { PreparedMatcher };

const LATIN_EDGE = /[A-Za-z0-9]/;

const COMMON_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'that',
  'this',
  'its',
  'his',
  'new',
  'president',
  'trump',
  'artificial',
  'intelligence',
  'security',
  'executive',
  'advanced',
  'innovation',
  'model',
  'models',
  'project',
  'preview',
  'safety',
]);

/**
 * A regex of literal keys such that every alias, and every page-scoped claim trigger, contains
 * at least one of them (case-insensitively): a text without any key cannot match the scanner.
 * Keys are picked greedily to cover the most aliases each ("order" covers a dozen). Null when
 * some alias or trigger has no usable literal, so nothing is ever filtered out wrongly.
 */
export function keyRegex(aliases: readonly string[], pageTriggers: readonly CompiledClaimPattern[]): RegExp | null {
  const tokensOf = (text: string) => [...text.toLowerCase().matchAll(/[a-z0-9]{3,}|[\u3400-\u9fff]{2,}/g)].map((m) => m[0]);
  const uncovered = new Set(aliases.map((a) => a.toLowerCase()));
  const keys = new Set<string>();
  // An alias of short words only ("AI EO") is its own key: rare as a phrase, where "eo" alone is in most texts.
  for (const alias of [...uncovered]) {
    if (tokensOf(alias).length > 0) continue;
    if (alias.replace(/[\s.]/g, '').length < 4) return null;
    keys.add(alias);
    uncovered.delete(alias);
  }
  while (uncovered.size > 0) {
    const counts = new Map<string, number>();
    for (const alias of uncovered) for (const token of new Set(tokensOf(alias))) counts.set(token, (counts.get(token) ?? 0) + 1);
    // Words common in any news text would let most paragraphs through: they are the last resort.
    const score = ([token, n]: [string, number]) => (COMMON_WORDS.has(token) ? n / 100 : n) + token.length / 1000;
    const [best] = [...counts].sort((a, b) => score(b) - score(a))[0]!;
    keys.add(best);
    for (const alias of [...uncovered]) if (alias.includes(best)) uncovered.delete(alias);
  }
  for (const pattern of pageTriggers) {
    // Any requirement whose every alternative has a literal will do (the `match` one, else `near`).
    const usable = pattern.requires.find((alternatives) => alternatives.every((literals) => literals.length > 0));
    if (!usable) return null;
    const rank = (l: string) => (COMMON_WORDS.has(l) ? 0 : l.length);
    for (const literals of usable) keys.add([...literals].sort((a, b) => rank(b) - rank(a))[0]!);
  }
  return new RegExp([...keys].map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'i');
}

/**
 * A phrase list as the page's trie reads it (phrase-set.ts: normalizePhrase), in the same order; a phrase
 * spelled like an earlier one is dropped (it could never win at any position).
 */
function spelled(phrases: readonly string[]): string[] {
  return [...new Set(phrases.map(normalizePhrase))];
}

export function prepareMatcher(config: Omit<MatcherConfig, 'prepared'>): PreparedMatcher {
  const entities = withTraditionalSpellings(config.entities);
  const phrases = entities.flatMap((e) => e.aliases.map((a) => a.text.trim()));
  const pagePatterns = compileClaimRules(config.claims).filter((p) => p.scope === 'page');
  const checkTriggers = pageTriggers();
  for (const phrase of [...phrases, ...checkTriggers])
    if (phrase.trim().endsWith('*')) throw new Error(`an alias or trigger ends in "*", which marks a prefix in a phrase list: ${phrase}`);
  // Longest aliases first: at any position the most specific alias wins. Latin-initial aliases first (the order
  // the one regex had; a Latin- and a CJK-initial alias never start at the same character).
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  const latin = sorted.filter((p) => LATIN_EDGE.test(p[0] ?? ''));
  const other = sorted.filter((p) => !LATIN_EDGE.test(p[0] ?? ''));
  const list = (cues: readonly string[]) => (cues.length > 0 ? spelled(cues) : null);
  return {
    scanner: {
      aliases: spelled([...latin, ...other]),
      // Page-scoped claims can stand in paragraphs without a mention, so their triggers join the one scan.
      triggers: pagePatterns.length > 0 ? pagePatterns.map((p) => `(?:${p.match.source})`).join('|') : null,
      checks: spelled(checkTriggers),
    },
    prefilter: keyRegex([...sorted, ...checkTriggers], pagePatterns)?.source ?? null,
    cues: entities.map((e) => ({
      entity: e.id,
      topic: list([...e.cues.topic.en, ...e.cues.topic.zh]),
      specific: list([...e.cues.specific.en, ...e.cues.specific.zh]),
      veto: list([...e.cues.veto.en, ...e.cues.veto.zh]),
    })),
  };
}
