/**
 * The regex sources behind a Matcher: the one alias scanner, the key-literal
 * prefilter and the context-cue lists, derived from the config. The build
 * derives them once for the content script (matcher-tables.ts); a Matcher given
 * a config derives them itself.
 */
import { compileClaimRules, wordStartLiterals, type CompiledClaimPattern } from './claim-patterns';
import { pageTriggers, withTraditionalSpellings } from './claims/config';
import type { MatcherConfig, PreparedMatcher } from './matcher-config';

export type { PreparedMatcher };

const LATIN_EDGE = /[A-Za-z0-9]/;

/** A literal phrase as regex atoms: flexible whitespace, both apostrophes, any dash, the rest escaped. */
function phraseAtoms(phrase: string): string[] {
  const atoms: string[] = [];
  for (const ch of phrase.trim()) {
    if (/\s/.test(ch)) {
      if (atoms[atoms.length - 1] !== WHITESPACE) atoms.push(WHITESPACE);
    } else if (ch === "'" || ch === '’') atoms.push("['’]");
    else if (ch === '-' || ch === '‐' || ch === '‑' || ch === '–') atoms.push('[-‐‑–]');
    else atoms.push(ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  }
  return atoms;
}

/** A phrase as regex atoms (one per character, or per class), and what may follow its last one. */
export interface PhraseAtoms {
  atoms: readonly string[];
  /** The regex fragment asserting its right edge (a lookahead), or '' when it may run on into a word. */
  end: string;
}

/** Any run of whitespace (`\s` takes in the no-break space U+00A0 and the other Unicode spaces). */
const WHITESPACE = '\\s+';

/** Regex source for a literal phrase: flexible whitespace, both apostrophes, any dash. */
export function phraseSource(phrase: string): string {
  return phraseAtoms(phrase).join('');
}

/** A phrase with word boundaries on its Latin edges (none on CJK edges: Chinese has no spaces). */
const LEFT_BOUNDARY = '(?<![A-Za-z0-9])';
const RIGHT_BOUNDARY = '(?![A-Za-z0-9])';

/** A phrase's atoms and right edge, and whether it needs a left one (a Latin first character). */
export function boundedAtoms(phrase: string, prefix = false): PhraseAtoms & { left: boolean } {
  const text = phrase.trim();
  return {
    atoms: phraseAtoms(text),
    end: !prefix && LATIN_EDGE.test(text[text.length - 1] ?? '') ? RIGHT_BOUNDARY : '',
    left: LATIN_EDGE.test(text[0] ?? ''),
  };
}

function boundedSource(phrase: string, prefix = false): string {
  const { atoms, end, left } = boundedAtoms(phrase, prefix);
  return `${left ? LEFT_BOUNDARY : ''}${atoms.join('')}${end}`;
}

/**
 * Phrases as regex alternatives, longest first (the first alternative that matches at a position wins): those with
 * a Latin first character in one group behind one left-edge lookbehind, then the others. Only the tests compile
 * these: the scan finds the phrases in script (phrase-scanner.ts) and is held to them.
 */
function phrasesSource(phrases: ReadonlyArray<PhraseAtoms & { left: boolean }>): string[] {
  const latin = phrases.filter((p) => p.left).map((p) => p.atoms.join('') + p.end);
  return [...(latin.length > 0 ? [`${LEFT_BOUNDARY}(?:${latin.join('|')})`] : []), ...otherSources(phrases)];
}

/** The phrases without a Latin first character, each as it is. */
const otherSources = (phrases: ReadonlyArray<PhraseAtoms & { left: boolean }>): string[] =>
  phrases.filter((p) => !p.left).map((p) => p.atoms.join('') + p.end);

/** A context-cue list as phrase-scanner.ts takes it (`*` ends a prefix), or null for none. */
const cueList = (cues: readonly string[]): string[] | null => (cues.length === 0 ? null : [...new Set(cues)]);

/** A context-cue list as one regex: what its phrase scanner (PreparedMatcher.cues) is held to (tests). */
export function cueSource(cues: readonly string[]): string | null {
  if (cues.length === 0) return null;
  // Cues are only tested for: their order does not matter.
  return phrasesSource(
    [...new Set(cues)].map((cue) => (cue.endsWith('*') ? boundedAtoms(cue.slice(0, -1), true) : boundedAtoms(cue))),
  ).join('|');
}

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
  'measure',
]);

/**
 * A regex of literal keys such that every alias, and every page-scoped claim trigger, contains
 * at least one of them (case-insensitively): a text without any key cannot match the scanner.
 * Keys are picked greedily to cover the most aliases each ("order" covers a dozen). Null when
 * some alias or trigger has no usable literal, so nothing is ever filtered out wrongly.
 *
 * A key taken from an alias's words must start a word, as it does in the alias: the scanner finds an alias only
 * after a character that is no ASCII letter or digit (LEFT_BOUNDARY), and a word inside it follows a space, a
 * dash, an apostrophe or a mark the scanner matches as itself. So "nist" no longer lets through every paragraph
 * that says "administration" or "minister", nor "order" one that says "border" (issue 16: on the bench's 10k page
 * a third of the blocks had a key, most of them in such words, and every one was walked and matched).
 * An alias holds the key as a word of its own, not merely inside a longer one, to count as covered by it.
 * A page-scoped claim's literal, from a regex, is bounded the same way only where the regex has it at a word start
 * (after `\b`: "former", not "transformer"; claim-patterns.ts wordStartLiterals).
 */
export function keyRegex(aliases: readonly string[], pageTriggers: readonly CompiledClaimPattern[]): RegExp | null {
  const tokensOf = (text: string) => [...text.toLowerCase().matchAll(/[a-z0-9]{3,}|[\u3400-\u9fff]{2,}/g)].map((m) => m[0]);
  const uncovered = new Set(aliases.map((a) => a.toLowerCase()));
  // Keys found only where a word starts, and keys found anywhere (Chinese ones, and claim literals inside words).
  const atStart = new Set<string>();
  const anywhere = new Set<string>();
  const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // An alias of short or common words only ("AI EO", "AI measure") is its own key: rare as a phrase, where "eo"
  // alone is in most texts, and "measure" in many. It is written as the scanner writes it (any whitespace, either
  // apostrophe, any dash), with the same left edge.
  for (const alias of [...uncovered]) {
    if (!tokensOf(alias).every((t) => COMMON_WORDS.has(t))) continue;
    if (alias.replace(/[\s.]/g, '').length < 4) return null;
    const { atoms, left } = boundedAtoms(alias);
    (left ? atStart : anywhere).add(atoms.join(''));
    uncovered.delete(alias);
  }
  while (uncovered.size > 0) {
    const counts = new Map<string, number>();
    for (const alias of uncovered) for (const token of new Set(tokensOf(alias))) counts.set(token, (counts.get(token) ?? 0) + 1);
    // Words common in any news text would let most paragraphs through: they are the last resort.
    const score = ([token, n]: [string, number]) => (COMMON_WORDS.has(token) ? n / 100 : n) + token.length / 1000;
    const [best] = [...counts].sort((a, b) => score(b) - score(a))[0]!;
    // A Latin word starts after a non-letter (the scanner's own edge, so both agree); Chinese has no word edges.
    const latin = LATIN_EDGE.test(best[0]!);
    (latin ? atStart : anywhere).add(escape(best));
    // A Latin key covers an alias with a word that starts with it; a Chinese one, any alias that holds it.
    const covers = (alias: string) => (latin ? tokensOf(alias).some((t) => t.startsWith(best)) : alias.includes(best));
    for (const alias of [...uncovered]) if (covers(alias)) uncovered.delete(alias);
  }
  for (const pattern of pageTriggers) {
    // Any requirement whose every alternative has a literal will do (the `match` one, else `near`).
    const which = pattern.requires.findIndex((alternatives) => alternatives.every((literals) => literals.length > 0));
    if (which < 0) return null;
    // requires holds `match`'s literals, then `near`'s (patternRequires).
    const atWordStart = wordStartLiterals((which === 0 ? pattern.match : pattern.near!).source);
    const rank = (l: string) => (COMMON_WORDS.has(l) ? 0 : l.length);
    for (const [branch, literals] of pattern.requires[which]!.entries()) {
      const key = [...literals].sort((a, b) => rank(b) - rank(a))[0]!;
      (atWordStart[branch]?.has(key) ? atStart : anywhere).add(escape(key));
    }
  }
  // One lookbehind in front of all the word-start keys: one per key made the scan over a page's text a third slower.
  const alternatives = [...(atStart.size > 0 ? [`${LEFT_BOUNDARY}(?:${[...atStart].join('|')})`] : []), ...anywhere];
  return new RegExp(alternatives.join('|'), 'i');
}

/** The aliases in the order the scanner tries them: longest first, each once. */
export function scanOrder(phrases: readonly string[]): string[] {
  return [...new Set(phrases)].sort((a, b) => b.length - a.length);
}

export function prepareMatcher(config: Omit<MatcherConfig, 'prepared'>): PreparedMatcher {
  const entities = withTraditionalSpellings(config.entities);
  const phrases = entities.flatMap((e) => e.aliases.map((a) => a.text.trim()));
  const pagePatterns = compileClaimRules(config.claims).filter((p) => p.scope === 'page');
  const checkTriggers = pageTriggers();
  // Longest aliases first: at any position the most specific alias wins. Latin- and CJK-initial aliases
  // never start at the same character, so the Latin ones can go first, as one tree (phrasesSource).
  const sorted = scanOrder(phrases);
  const aliasAtoms = sorted.map((p) => boundedAtoms(p));
  // Page-scoped claims can stand in paragraphs without a mention, so their triggers join the one scan.
  const patterns = pagePatterns.map((p) => `(?:${p.match.source})`);
  const triggers = [...patterns, ...checkTriggers.map((t) => boundedSource(t))];
  return {
    scanner: [...phrasesSource(aliasAtoms), ...triggers].join('|'),
    scanPhrases: sorted,
    triggerPatterns: patterns.length > 0 ? patterns.join('|') : null,
    triggerPhrases: checkTriggers,
    prefilter: keyRegex([...sorted, ...checkTriggers], pagePatterns)?.source ?? null,
    cues: entities.map((e) => ({
      entity: e.id,
      topic: cueList([...e.cues.topic.en, ...e.cues.topic.zh]),
      specific: cueList([...e.cues.specific.en, ...e.cues.specific.zh]),
      veto: cueList([...e.cues.veto.en, ...e.cues.veto.zh]),
    })),
  };
}
