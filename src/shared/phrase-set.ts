/**
 * A list of literal phrases matched by a character trie in plain code, in place of the case-insensitive regex
 * alternation the matcher used to build from it (issue 16). On a cold page V8 compiled that regex on the first
 * paragraph with a candidate mention: the alias scanner's 5 KB of Latin aliases alone took 15–45 ms in a fresh
 * Chromium tab, whatever the flags (bytecode only: 6–13 ms), and each context-cue list a few ms more. A trie
 * compiles nothing: its nodes grow as the text walks them, and it runs in script (slower than a compiled regex
 * over much text: a long page switches to the regex, scan-matcher.ts).
 *
 * It matches exactly what `new RegExp(phraseSetSource(phrases), 'i')` matches, at the same offsets (a unit test
 * holds it to that on every labelled text, seed and example):
 * - a phrase is trimmed; a run of whitespace in it matches any run of `\s`, either apostrophe (' ’) matches
 *   either, and the dashes - ‐ ‑ – match one another;
 * - letters match as the `i` flag matches them without the `u` flag (ECMAScript's Canonicalize: upper case,
 *   except that a non-ASCII character never matches an ASCII one);
 * - a phrase whose first character is an ASCII letter or digit does not start after one, and one whose last
 *   character is does not end before one, unless it ends in `*` (a prefix: "frontier model*");
 * - at each position the first phrase in list order that matches wins, and the leftmost position wins.
 */

/** Keys for the character classes a phrase's characters stand for (other keys are canonical code units). */
const SPACE = -1;
const APOSTROPHE = -2;
const DASH = -3;

interface PhraseEnd {
  /** The phrase's place in the list: the lowest matching one wins at a position. */
  readonly index: number;
  /** Needs a word start (its first character is an ASCII letter or digit). */
  readonly left: boolean;
  /** Needs a word end (its last character is one, and it is not a prefix). */
  readonly right: boolean;
}

/**
 * A node of the trie, whose children are built the first time a walk goes past it: a page reaches few of a
 * list's nodes, and building them all (several hundred phrases for the cues) was a few ms of a cold tab.
 */
interface TrieNode {
  next: Map<number, TrieNode> | undefined;
  /** The phrases that go through this node (their indices, in order), for building `next`. */
  readonly through: readonly number[];
  readonly depth: number;
  /** The phrases that end here, in order. */
  readonly ends: readonly PhraseEnd[] | undefined;
}

export interface PhraseMatch {
  start: number;
  end: number;
  /** Which phrase matched (its index in the list). */
  index: number;
}

/** What `\s` matches in a JavaScript regex. */
export function isRegexSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x80 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

const WORD = 1;
const OPENS = 2;

const isAsciiWord = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);

const canonical = new Map<number, number>();

/** A code unit as the non-Unicode `i` flag compares it (ECMAScript Canonicalize). */
function canonicalize(c: number): number {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a ? c - 32 : c;
  // CJK ideographs have no case: the common non-ASCII text of a Chinese page skips the lookup.
  if (c >= 0x3400 && c <= 0x9fff) return c;
  let v = canonical.get(c);
  if (v === undefined) {
    const upper = String.fromCharCode(c).toUpperCase();
    v = upper.length === 1 && upper.charCodeAt(0) >= 0x80 ? upper.charCodeAt(0) : c;
    canonical.set(c, v);
  }
  return v;
}

/** The ASCII code units a trie key stands for (none for a non-ASCII key: such text goes to the trie unfiltered). */
function asciiOf(key: number): number[] {
  if (key === SPACE) return [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20];
  if (key === APOSTROPHE) return [0x27];
  if (key === DASH) return [0x2d];
  if (key >= 0x41 && key <= 0x5a) return [key, key + 32];
  return key < 0x80 ? [key] : [];
}

/** The trie key of a character that is not whitespace. */
function keyOf(c: number): number {
  if (c === 0x27 || c === 0x2019) return APOSTROPHE;
  if (c === 0x2d || c === 0x2010 || c === 0x2011 || c === 0x2013) return DASH;
  return canonicalize(c);
}

/**
 * A phrase in the trie's own spelling, one character per key: trimmed, letters as the `i` flag compares them
 * (upper case, ECMAScript Canonicalize), a whitespace run as one space, either apostrophe as ', each dash as -,
 * and a prefix's trailing `*` kept. It matches what the phrase matches (phraseSetSource of either is the same
 * regex, up to case). The build spells the matcher's lists this way, so a page reads each key with one
 * `charCodeAt` when the trie grows, instead of spelling every phrase on its first paragraph.
 */
export function normalizePhrase(phrase: string): string {
  const prefix = phrase.endsWith('*');
  const text = (prefix ? phrase.slice(0, -1) : phrase).trim();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isRegexSpace(c)) {
      if (!out.endsWith(' ')) out += ' ';
      continue;
    }
    const key = keyOf(c);
    out += key === APOSTROPHE ? "'" : key === DASH ? '-' : String.fromCharCode(key);
  }
  return prefix ? `${out}*` : out;
}

/** The trie key at `depth` of a normalized phrase (its length without the prefix mark: keyCount). */
function keyAt(phrase: string, depth: number): number {
  const c = phrase.charCodeAt(depth);
  return c === 0x20 ? SPACE : c === 0x27 ? APOSTROPHE : c === 0x2d ? DASH : c;
}

const keyCount = (phrase: string) => (phrase.endsWith('*') ? phrase.length - 1 : phrase.length);

export class PhraseSet {
  private root: TrieNode | undefined;
  /** The phrases, normalized (normalizePhrase). */
  private normalized: readonly string[] | undefined;
  /**
   * Which pairs of ASCII code units can open a phrase (index first × 128 + second; whitespace as a space): most
   * positions of English text are ruled out by two array reads, before any lookup in the trie. The scan runs
   * cold on a fresh page, in V8's interpreter, where every call and lookup in the per-character loop counts.
   */
  private asciiPairs: Uint8Array | undefined;
  /** Per ASCII code unit: WORD (a letter or digit), and OPENS when a phrase can open with it alone. */
  private asciiFlags: Uint8Array | undefined;

  /** Characters `test` has run the trie over: past `regexAfter`, it compiles the regex and uses that. */
  private tested = 0;
  private regex: RegExp | undefined;

  /**
   * `phrases`: in priority order; a trailing `*` makes a phrase a prefix. Empty phrases are refused.
   * `regexAfter`: how many characters `test` reads with the trie before it switches to the regex of the phrases
   * (phraseSetSource): the trie costs nothing to build but runs in script, the regex costs a compile and then runs
   * natively, so a page that keeps testing (a long page with many ambiguous names) pays the compile once.
   * `normalized`: the phrases are spelled as normalizePhrase spells them already (the build's lists).
   */
  constructor(
    private readonly phrases: readonly string[],
    private readonly regexAfter = Infinity,
    normalized = false,
  ) {
    if (normalized) this.normalized = phrases;
  }

  private get trie(): TrieNode {
    if (this.root) return this.root;
    const phrases = (this.normalized ??= this.phrases.map(normalizePhrase));
    const flags = new Uint8Array(0x80);
    for (let c = 0; c < 0x80; c++) if (isAsciiWord(c)) flags[c] = WORD;
    // Which ASCII pairs open a phrase, from each phrase's first two keys.
    const pairs = new Uint8Array(0x80 * 0x80);
    for (let index = 0; index < phrases.length; index++) {
      const phrase = phrases[index]!;
      const count = keyCount(phrase);
      if (count === 0) throw new Error(`empty phrase at ${index}`);
      for (const c of asciiOf(keyAt(phrase, 0))) {
        if (count === 1) flags[c] = flags[c]! | OPENS;
        else for (const d of asciiOf(keyAt(phrase, 1))) pairs[c * 0x80 + d] = 1;
      }
    }
    this.asciiFlags = flags;
    this.asciiPairs = pairs;
    return (this.root = { next: undefined, through: phrases.map((_, i) => i), depth: 0, ends: undefined });
  }

  /** The node's child for a key (its children built on first need). */
  private child(node: TrieNode, key: number): TrieNode | undefined {
    if (node.next) return node.next.get(key);
    const phrases = this.normalized!;
    const buckets = new Map<number, number[]>();
    for (const index of node.through) {
      const phrase = phrases[index]!;
      if (keyCount(phrase) <= node.depth) continue;
      const k = keyAt(phrase, node.depth);
      const bucket = buckets.get(k);
      if (bucket) bucket.push(index);
      else buckets.set(k, [index]);
    }
    const next = new Map<number, TrieNode>();
    const depth = node.depth + 1;
    for (const [k, through] of buckets) {
      const ends: PhraseEnd[] = [];
      for (const index of through) {
        const phrase = phrases[index]!;
        const count = keyCount(phrase);
        if (count !== depth) continue;
        // Normalizing keeps what counts here: whether the first and last characters are ASCII letters or digits.
        ends.push({
          index,
          left: isAsciiWord(phrase.charCodeAt(0)),
          right: count === phrase.length && isAsciiWord(phrase.charCodeAt(count - 1)),
        });
      }
      next.set(k, { next: undefined, through, depth, ends: ends.length > 0 ? ends : undefined });
    }
    node.next = next;
    return next.get(key);
  }

  /**
   * The first match starting at or after `from` and ending by `to`, as the regex would find it in
   * `text.slice(from, to)` (the text outside is not seen: a phrase may start at `from` after a letter), with
   * offsets into `text`.
   */
  find(text: string, from = 0, to = text.length): PhraseMatch | null {
    return this.search(text, from, to, from);
  }

  /** Whether any phrase occurs in `text.slice(from, to)`. */
  test(text: string, from = 0, to = text.length): boolean {
    if (this.tested <= this.regexAfter) {
      this.tested += to - from;
      return this.search(text, from, to, from) !== null;
    }
    this.regex ??= new RegExp(phraseSetSource(this.phrases), 'i');
    return this.regex.test(from === 0 && to === text.length ? text : text.slice(from, to));
  }

  /**
   * The first match at or after `from` in the whole text, as a global regex finds it from `lastIndex = from`:
   * the text before `from` still decides whether a phrase starts a word.
   */
  next(text: string, from: number): PhraseMatch | null {
    return this.search(text, from, text.length, 0);
  }

  /** `visible`: where the text starts for the word-start test. */
  private search(text: string, from: number, to: number, visible: number): PhraseMatch | null {
    const root = this.trie;
    // The root's children, built once: looked up at most positions of the text.
    const starts = root.next ?? (this.child(root, SPACE), root.next!);
    const flags = this.asciiFlags!;
    const pairs = this.asciiPairs!;
    let afterWord = from > visible && isAsciiWord(text.charCodeAt(from - 1));
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c < 0x80) {
        const word = (flags[c]! & WORD) !== 0;
        // A phrase that opens with a letter or digit starts a word: inside one, nothing can start.
        const skip = word && afterWord;
        afterWord = word;
        if (skip) continue;
        // Two ASCII characters that open no phrase (a non-ASCII second one goes to the trie).
        if ((flags[c]! & OPENS) === 0) {
          if (p + 1 >= to) continue;
          const d = text.charCodeAt(p + 1);
          if (d < 0x80 && pairs[c * 0x80 + d] === 0) continue;
        }
      } else afterWord = false;
      // An ASCII character that got here opens a phrase, so it is no whitespace (phrases are trimmed).
      const key =
        c < 0x80 ? (c >= 0x61 && c <= 0x7a ? c - 32 : c === 0x27 ? APOSTROPHE : c === 0x2d ? DASH : c) : isRegexSpace(c) ? SPACE : keyOf(c);
      const first = starts.get(key);
      if (!first) continue;
      const hit = this.matchAt(first, text, p, to, p === visible || !isAsciiWord(text.charCodeAt(p - 1)));
      if (hit) return hit;
    }
    return null;
  }

  /** The highest-priority phrase matching at `start`, whose first character took the walk to `node`. */
  private matchAt(node: TrieNode, text: string, start: number, to: number, wordStart: boolean): PhraseMatch | null {
    let best: PhraseMatch | null = null;
    let i = start;
    for (;;) {
      // Past the character that led to `node` (a whitespace key stands for the whole run).
      if (isRegexSpace(text.charCodeAt(i))) while (i < to && isRegexSpace(text.charCodeAt(i))) i++;
      else i++;
      if (node.ends) {
        const wordEnd = i >= to || !isAsciiWord(text.charCodeAt(i));
        for (const e of node.ends) {
          if ((best && e.index >= best.index) || (e.left && !wordStart) || (e.right && !wordEnd)) continue;
          best = { start, end: i, index: e.index };
        }
      }
      if (i >= to || (node.ends && node.ends.length === node.through.length)) return best;
      const c = text.charCodeAt(i);
      const key =
        c < 0x80
          ? c >= 0x61 && c <= 0x7a
            ? c - 32
            : c === 0x20 || (c >= 0x09 && c <= 0x0d)
              ? SPACE
              : c === 0x27
                ? APOSTROPHE
                : c === 0x2d
                  ? DASH
                  : c
          : isRegexSpace(c)
            ? SPACE
            : keyOf(c);
      const child = this.child(node, key);
      if (!child) return best;
      node = child;
    }
  }
}

/** The regex the set stands for (with the `i` flag): what the tests hold it to. */
export function phraseSetSource(phrases: readonly string[]): string {
  return phrases
    .map((phrase) => {
      const prefix = phrase.endsWith('*');
      const text = (prefix ? phrase.slice(0, -1) : phrase).trim();
      let body = '';
      for (const ch of text) {
        if (/\s/.test(ch)) body += body.endsWith('[\\s\\u00a0]+') ? '' : '[\\s\\u00a0]+';
        else if (ch === "'" || ch === '’') body += "['’]";
        else if (ch === '-' || ch === '‐' || ch === '‑' || ch === '–') body += '[-‐‑–]';
        else body += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      }
      const left = isAsciiWord(text.charCodeAt(0)) ? '(?<![A-Za-z0-9])' : '';
      const right = !prefix && isAsciiWord(text.charCodeAt(text.length - 1)) ? '(?![A-Za-z0-9])' : '';
      return `${left}${body}${right}`;
    })
    .join('|');
}
