/**
 * Words for the full-text index and for queries, in one place so that what is
 * indexed and what is looked up can never disagree.
 *
 * Latin text: lower-cased, accents folded ("Café" → "cafe"), split on anything
 * that is not a letter or digit; queries match word prefixes. Chinese has no
 * spaces, so CJK runs are indexed as single characters and character pairs; a
 * query of two or more characters must contain all of its pairs. Traditional
 * characters fold to the Simplified ones the dataset uses (han-fold.ts).
 */
import { foldHan } from './han-fold';

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case, strip diacritics and fold Traditional Chinese, so "Mythos", "MYTHOS" and "Mýthos" meet, and 計畫 and 计划. */
export function foldText(text: string): string {
  return foldHan(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Every distinct index word of a text (Latin words, CJK characters and pairs). */
export function indexWords(text: string): string[] {
  const folded = foldText(text);
  const words = new Set<string>();
  for (const [run] of folded.matchAll(CJK_RUN)) {
    for (let i = 0; i < run.length; i++) {
      words.add(run[i]!);
      if (i + 1 < run.length) words.add(run.slice(i, i + 2));
    }
  }
  for (const [word] of folded.replace(CJK_RUN, ' ').matchAll(LATIN_WORD)) words.add(word);
  return [...words];
}

export interface QueryTerm {
  /** The folded term. */
  text: string;
  /** Latin terms match index words that start with them; CJK terms match exactly. */
  prefix: boolean;
}

/** Query terms; all of them must match a record for it to be a result. */
export function queryTerms(query: string): QueryTerm[] {
  const folded = foldText(query.slice(0, 200));
  const terms = new Map<string, QueryTerm>();
  for (const [run] of folded.matchAll(CJK_RUN)) {
    if (run.length === 1) terms.set(run, { text: run, prefix: false });
    for (let i = 0; i + 1 < run.length; i++) terms.set(run.slice(i, i + 2), { text: run.slice(i, i + 2), prefix: false });
  }
  for (const [word] of folded.replace(CJK_RUN, ' ').matchAll(LATIN_WORD)) terms.set(word, { text: word, prefix: true });
  return [...terms.values()].slice(0, 12);
}
