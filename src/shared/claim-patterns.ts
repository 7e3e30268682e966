/**
 * Compiles the dataset's claim patterns and tests them against a sentence.
 * The same code runs in the content script, the dataset checks and the tests,
 * so "the build says this pattern flags that sentence" means the page will too.
 */
import type { ClaimPattern, EntityId, PatternScope, Verdict } from '../data/schema';

/** The part of a claim the content script needs to recognise it. */
export interface ClaimRule {
  id: string;
  entity: EntityId;
  verdict: Verdict;
  patterns: ClaimPattern[];
}

export interface CompiledClaimPattern {
  claimId: string;
  entity: EntityId;
  verdict: Verdict;
  scope: PatternScope;
  match: RegExp;
  near: RegExp | undefined;
  unless: RegExp | undefined;
}

/** Compiles a pattern source; throws a readable error naming the claim when it is not a valid regex. */
export function compileRegex(source: string, claimId: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch (error) {
    throw new Error(`claim ${claimId}: pattern /${source}/ does not compile: ${(error as Error).message}`);
  }
}

export function compileClaimRules(rules: readonly ClaimRule[]): CompiledClaimPattern[] {
  return rules.flatMap((rule) =>
    rule.patterns.map((p) => ({
      claimId: rule.id,
      entity: rule.entity,
      verdict: rule.verdict,
      scope: p.scope ?? 'paragraph',
      match: compileRegex(p.match, rule.id),
      near: p.near === undefined ? undefined : compileRegex(p.near, rule.id),
      unless: p.unless === undefined ? undefined : compileRegex(p.unless, rule.id),
    })),
  );
}

/**
 * Where the pattern matches in the sentence ([start, end) of the `match` part),
 * or null. `near` must also match and `unless` must not, anywhere in the sentence.
 */
export function matchInSentence(pattern: CompiledClaimPattern, sentence: string): [number, number] | null {
  const m = pattern.match.exec(sentence);
  if (!m || m[0].length === 0) return null;
  if (pattern.near && !pattern.near.test(sentence)) return null;
  if (pattern.unless?.test(sentence)) return null;
  return [m.index, m.index + m[0].length];
}
