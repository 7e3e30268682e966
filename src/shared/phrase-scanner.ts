/**
 * Lists of literal phrases (the aliases, the checks' literal triggers, each context-cue list) found in script, where
 * they used to be regex alternations.
 *
 * Why (issue 16): V8 compiles a regex to machine code for each string encoding it meets, and those alternations
 * became ~250 KB of machine code in every tab that read a paragraph with a key (one-byte and two-byte versions):
 * ~13 ms of compiling on a cold page's first paragraphs, and a fifth of the JS heap the extension kept on a page.
 * A one-character class regex finds where a phrase can start, natively; the phrases are then tried in script.
 *
 * It finds exactly what the alternation (matcher-sources.ts: phrasesSource, cueSource; case-insensitive without
 * `u`) finds: whitespace runs, either apostrophe and the four dashes are one atom each (phraseAtoms), letters
 * compare as the `i` flag folds them (ECMAScript's Canonicalize: see fold), a phrase whose first character is an
 * ASCII letter or digit starts only after a character that is not one, and one whose last character is one ends
 * only before such a character (unless it is a cue's prefix, `butterfl*`). At one position the first phrase in
 * the list that matches wins, as in an alternation (the aliases come longest first). tests/unit/shared/
 * phrase-scanner.test.ts holds it to the regex on every text we have.
 */

/** Atom keys of the three classes; a character's key is its folded code (≥ 0). */
const WHITESPACE = -1;
const APOSTROPHE = -2;
const DASH = -3;

/** JavaScript's `\s`: WhiteSpace and LineTerminator. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `[A-Za-z0-9]`, the scanner's word edge. */
function isLatinEdge(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

const folded = new Map<number, number>();

/** A code unit as the `i` flag without `u` compares it: upper case, unless that is not one unit or takes it to ASCII. */
function fold(c: number): number {
  if (c < 128) return c >= 97 && c <= 122 ? c - 32 : c;
  // CJK, kana and Hangul have no case: a Chinese page would otherwise fill the cache with every character it uses.
  if ((c >= 0x3000 && c < 0xa000) || (c >= 0xac00 && c < 0xd800)) return c;
  let f = folded.get(c);
  if (f === undefined) {
    const upper = String.fromCharCode(c).toUpperCase();
    f = upper.length === 1 && upper.charCodeAt(0) >= 128 ? upper.charCodeAt(0) : c;
    folded.set(c, f);
  }
  return f;
}

/** The atom key of a text's code unit. */
function keyOf(c: number): number {
  if (c < LATIN_KEYS.length) return LATIN_KEYS[c]!;
  // General Punctuation (curly quotes, dashes, ellipses: every line of news has some) has no case.
  if (c >= 0x2000 && c < 0x2070)
    return isSpace(c) ? WHITESPACE : c === 0x2019 ? APOSTROPHE : c === 0x2010 || c === 0x2011 || c === 0x2013 ? DASH : c;
  return keyOfAny(c);
}

function keyOfAny(c: number): number {
  if (isSpace(c)) return WHITESPACE;
  if (c === 39 || c === 0x2019) return APOSTROPHE;
  if (c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013) return DASH;
  return fold(c);
}

/** The keys of ASCII and the Latin blocks after it, looked up: they are most of what a scan reads. */
const LATIN_KEYS = Int32Array.from({ length: 0x250 }, (_, c) => keyOfAny(c));

export interface PhraseMatch {
  index: number;
  text: string;
  /** The phrase's index in the scanner's list (-1 for a regex's match). */
  order: number;
}

/**
 * The phrases as atom keys, grouped by their first atom in list order: at a candidate position only the phrases
 * starting with that character are tried, in order, and the first that matches wins, as in the alternation. (A
 * tree shipped prebuilt made the content script half again as large; built on the page it took 10–20 ms of cold
 * code. These lists take a fraction of that, and a candidate usually fails on its second or third character.)
 */
export class PhraseScanner {
  /** Each phrase as matched: trimmed, without a prefix's `*`. */
  private readonly texts: string[] = [];
  /** Each phrase: 1 when it ends only before a character that is not an ASCII letter or digit. */
  private readonly atEdge: Uint8Array;
  /** The phrases starting with an ASCII character, by code unit; the others by first atom key. */
  private readonly asciiFirsts: Array<number[] | undefined> = new Array<number[] | undefined>(128);
  private readonly firsts = new Map<number, number[]>();
  /**
   * Where a phrase can start: a character that starts one (`i`), after a word edge when it is an ASCII letter or
   * digit. A class compiles to a few hundred bytes and finds candidates natively; the lists are tried only there
   * (each character looked at in script costs far more in a cold page's interpreter).
   */
  private readonly starts: RegExp;

  /**
   * `prefixes`: a phrase ending in `*` (a context cue's "butterfl*") may run on into a word. Every page that reads a
   * paragraph with a key builds these, in cold code: only the phrases' first characters are looked at here.
   */
  constructor(phrases: readonly string[], { prefixes = false }: { prefixes?: boolean } = {}) {
    this.atEdge = new Uint8Array(phrases.length);
    let latinStarts = '';
    let otherStarts = '';
    for (let index = 0; index < phrases.length; index++) {
      const phrase = phrases[index]!;
      const prefix = prefixes && phrase.endsWith('*');
      const text = (prefix ? phrase.slice(0, -1) : phrase).trim();
      this.texts.push(text);
      if (text.length === 0) continue;
      this.atEdge[index] = !prefix && isLatinEdge(text.charCodeAt(text.length - 1)) ? 1 : 0;
      const first = text.charCodeAt(0);
      const key = keyOf(first);
      const list = this.firsts.get(key);
      if (list) {
        list.push(index);
        continue;
      }
      this.firsts.set(key, [index]);
      const chars = key === APOSTROPHE ? "'’" : key === DASH ? '-‐‑–' : text[0]!;
      for (const ch of chars) {
        const escaped = ch === '\\' || ch === ']' || ch === '^' || ch === '-' ? `\\${ch}` : ch;
        if (isLatinEdge(ch.charCodeAt(0))) latinStarts += escaped;
        else otherStarts += escaped;
      }
    }
    for (let c = 0; c < 128; c++) this.asciiFirsts[c] = this.firsts.get(keyOf(c));
    const alternatives = [...(latinStarts ? [`(?<![A-Za-z0-9])[${latinStarts}]`] : []), ...(otherStarts ? [`[${otherStarts}]`] : [])];
    this.starts = new RegExp(alternatives.length > 0 ? alternatives.join('|') : '(?!)', 'gi');
  }

  /** Whether any phrase is in the text. */
  test(text: string): boolean {
    return this.find(text, 0) !== null;
  }

  /** The first phrase that starts at or after `from` (the first in the list there), or null. */
  find(text: string, from: number): PhraseMatch | null {
    const starts = this.starts;
    starts.lastIndex = from;
    // The candidates start words where the phrase's first character is an ASCII letter or digit (the regex's
    // lookbehind), so only their lists are left to try.
    while (starts.test(text)) {
      // Each candidate is one character: the next search goes on from the one after it.
      const start = starts.lastIndex - 1;
      const first = text.charCodeAt(start);
      const list = first < 128 ? this.asciiFirsts[first] : this.firsts.get(keyOf(first));
      if (!list) continue;
      for (const order of list) {
        const stop = matchAt(this.texts[order]!, this.atEdge[order] === 1, text, start);
        if (stop > start) return { index: start, text: text.slice(start, stop), order };
      }
    }
    return null;
  }
}

/**
 * Where a phrase that starts at `start` (its first atom matched) ends in the text, or -1: both are read as atoms
 * (a whitespace run is one).
 */
function matchAt(phrase: string, atEdge: boolean, text: string, start: number): number {
  let at = start + 1;
  for (let j = 1; j < phrase.length;) {
    const want = keyOf(phrase.charCodeAt(j++));
    if (want === WHITESPACE) while (j < phrase.length && isSpace(phrase.charCodeAt(j))) j++;
    if (at >= text.length) return -1;
    const key = keyOf(text.charCodeAt(at++));
    if (key !== want) return -1;
    if (key === WHITESPACE) while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  }
  return atEdge && at < text.length && isLatinEdge(text.charCodeAt(at)) ? -1 : at;
}
