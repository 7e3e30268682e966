/**
 * Compiles the dataset's claim patterns and tests them against a sentence.
 * The same code runs in the content script, the dataset checks and the tests,
 * so "the build says this pattern flags that sentence" means the page will too.
 */
import type { ClaimPattern, EntityId, PatternScope, Verdict } from '../data/schema';

/** A claim pattern, with `requires` when precomputed (the build does it for the content script). */
export type ShippedPattern = ClaimPattern & { requires?: string[][][] };

/** The part of a claim the content script needs to recognise it. */
export interface ClaimRule {
  id: string;
  entity: EntityId;
  verdict: Verdict;
  patterns: ShippedPattern[];
}

export interface CompiledClaimPattern {
  claimId: string;
  entity: EntityId;
  verdict: Verdict;
  scope: PatternScope;
  match: RegExp;
  near: RegExp | undefined;
  unless: RegExp | undefined;
  /**
   * What any match must contain, as a cheap `includes` test that spares most paragraphs from
   * running (and compiling) the regex: one entry each for `match` and `near`, each a list of
   * alternatives (top-level `|` branches), each alternative a list of lower-cased strings.
   */
  requires: string[][][];
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
      requires: p.requires ?? patternRequires(p),
    })),
  );
}

/**
 * The literal requirements of a pattern (`match`, and `near` when present). The build computes
 * them once for the content script (matcher-tables.ts), so a page does not pay for the parsing.
 */
export function patternRequires(p: ClaimPattern): string[][][] {
  return [requiredLiterals(p.match), ...(p.near === undefined ? [] : [requiredLiterals(p.near)])];
}

/** Whether a (lower-cased) text contains what the pattern needs: if not, it cannot match. */
export function mayMatch(pattern: CompiledClaimPattern, lowerText: string): boolean {
  return pattern.requires.every((alternatives) => alternatives.some((literals) => literals.every((l) => lowerText.includes(l))));
}

const CJK = /[\u3400-\u9fff]/;
const CLASS_ESCAPES = new Set(['b', 'B', 's', 'S', 'd', 'D', 'w', 'W', 'n', 'r', 't', 'f', 'v', '0', 'c', 'k']);

/**
 * For each top-level alternative of a regex source, the literal runs any match of it must
 * contain, found conservatively: only characters outside groups, classes and optional
 * quantifiers count. An alternative with no runs can match anything, so then the whole
 * pattern is unfiltered (`[[]]`). Runs are lower-cased: patterns always use the `i` flag.
 */
export function requiredLiterals(source: string): string[][] {
  const branches = splitTopLevel(source).map((b) => branchLiterals(b).literals);
  return branches.some((b) => b.length === 0) ? [[]] : branches;
}

/**
 * For each top-level alternative (as requiredLiterals splits them), the required literals that any match holds at
 * the start of a word: the run follows `\b`, a required `\s` or a space in the source, and begins with a letter or
 * digit. The matcher's prefilter can then look for them only where a word starts ("former", not "transformer").
 */
export function wordStartLiterals(source: string): Array<Set<string>> {
  return splitTopLevel(source).map((b) => branchLiterals(b).atWordStart);
}

/** The source's top-level alternatives (a `|` outside any group or class). */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') i = skipBracketed(source, i) - 1;
    else if (c === '|') {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

function branchLiterals(source: string): { literals: string[]; atWordStart: Set<string> } {
  const out: string[] = [];
  const atWordStart = new Set<string>();
  let run = '';
  // Whether the token just before the current run was `\b` or a required `\s` (a run that starts with a space
  // needs neither).
  let afterBoundary = false;
  let runAfterBoundary = false;
  const flush = () => {
    const trimmed = run.trim();
    if (trimmed.length >= 3 || (CJK.test(trimmed) && trimmed.length >= 2)) {
      const literal = trimmed.toLowerCase();
      out.push(literal);
      if ((runAfterBoundary || /^\s/.test(run)) && /^[a-z0-9]/.test(literal)) atWordStart.add(literal);
    }
    run = '';
  };
  /** Index after a quantifier at i (if any), and whether it makes the preceding atom optional. */
  const quantifier = (i: number): [number, boolean] => {
    const q = source[i];
    let end = i;
    if (q === '?' || q === '*' || q === '+') end = i + 1;
    else if (q === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) end = source.indexOf('}', i) + 1;
    else return [i, false];
    if (source[end] === '?') end++; // lazy
    return [end, q !== '+'];
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '(' || c === '[') {
      flush();
      i = skipBracketed(source, i);
      i = quantifier(i)[0];
      afterBoundary = false;
      continue;
    }
    let literal: string | null;
    // `\b`, or whitespace that must be there (`\s`, `\s+`): what follows starts a word.
    let boundary: 'b' | 's' | null = null;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (CLASS_ESCAPES.has(next) || /\d/.test(next)) {
        literal = null;
        boundary = next === 'b' || next === 's' ? next : null;
        i += 2;
      } else if (next === 'x' || next === 'u' || next === 'p' || next === 'P') {
        literal = null;
        i += next === 'x' ? 4 : source[i + 2] === '{' ? source.indexOf('}', i) + 1 - i : next === 'u' ? 6 : 2;
      } else {
        literal = next;
        i += 2;
      }
    } else if (c === '.' || c === '^' || c === '$') {
      literal = null;
      i++;
    } else {
      literal = c;
      i++;
    }
    const [after, optional] = quantifier(i);
    if (literal === null || optional) {
      flush();
    } else {
      if (run === '') runAfterBoundary = afterBoundary;
      run += literal;
      if (after !== i) flush(); // "a+": one a is required, but the run stops there
    }
    afterBoundary = boundary === 'b' ? after === i : boundary === 's' && !optional;
    i = after;
  }
  flush();
  return { literals: out, atWordStart };
}

/** Index just past the group or class starting at `start`. */
function skipBracketed(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') {
        inClass = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return source.length;
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
