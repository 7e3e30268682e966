/**
 * Concepts: named lists of phrases ("sign": signed, inked, 签署…) compiled into
 * one regex each and searched in folded text (fold.ts). A phrase is literal text
 * with flexible whitespace, word boundaries on Latin edges and none on CJK
 * edges; a trailing `*` makes a prefix ("mandat*"); a phrase starting with
 * `re:` is a regex source for the few shapes a list cannot say.
 */

import type { ConceptTable } from './types';

export interface Occurrence {
  start: number;
  end: number;
  /** Spans an event word, a date and the words between them: a negation inside it still governs ("June 9, not April"). */
  composite?: boolean;
}

const LATIN = /[a-z0-9]/;

export function phraseSource(phrase: string): string {
  if (phrase.startsWith('re:')) return `(?:${phrase.slice(3)})`;
  let text = phrase.trim().toLowerCase();
  const prefix = text.endsWith('*');
  if (prefix) text = text.slice(0, -1);
  let body = '';
  for (const ch of text) {
    if (/\s/.test(ch)) body += body.endsWith('\\s+') ? '' : '\\s+';
    else if (ch === "'") body += "['’]?";
    else if (ch === '-') body += '[-\\s]?';
    else body += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const left = LATIN.test(text[0] ?? '') ? '(?<![a-z0-9])' : '';
  const right = LATIN.test(text[text.length - 1] ?? '') ? (prefix ? '[a-z]*' : '') + '(?![a-z0-9])' : '';
  return left + body + right;
}

/** The order in which a concept tries its phrases: longest first so the most specific wins, then by spelling. */
export function phraseOrder(a: string, b: string): number {
  return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The regex source of a list of phrases, in phrase order. */
export function conceptSource(phrases: readonly string[]): string {
  const sorted = [...new Set(phrases)].sort(phraseOrder);
  return sorted.map(phraseSource).join('|') || '(?!)';
}

/**
 * One concept's regex, compiled from its phrase lists. Shipped as lists, not regex sources: the
 * sources are twice the size (153 KB against 80 KB of the content script), and a page compiles
 * only the concepts that a sentence with a mention asks for.
 */
export function compileConcept(lists: ConceptTable[string] | undefined): RegExp {
  return new RegExp(lists ? conceptSource([...lists.en, ...lists.zh]) : '(?!)', 'g');
}

/** Non-overlapping occurrences of a compiled concept in folded text. */
export function occurrences(re: RegExp, text: string): Occurrence[] {
  const out: Occurrence[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
