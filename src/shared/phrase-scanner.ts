/**
 * The aliases found by a character tree walked in script, where they used to be a regex alternation.
 *
 * Why (issue 16): V8 compiles a regex to machine code for each string encoding it meets, and the aliases'
 * alternation (~5 KB of source in four parts) became ~250 KB of machine code in every tab that read a paragraph
 * with a key, one-byte and two-byte versions: ~13 ms of compiling on a cold page's first paragraphs, and a quarter
 * of the JS heap the extension kept on a page. The tree is a few hundred small objects, built on first use.
 *
 * It finds exactly what the regex (matcher-sources.ts: `LEFT(?:tree of the Latin-initial aliases)|other aliases`,
 * case-insensitive without `u`) finds at a position: whitespace runs, either apostrophe and the four dashes are one
 * atom each (phraseAtoms), letters compare as the `i` flag folds them (ECMAScript's Canonicalize, as foldKey), an
 * alias whose first character is an ASCII letter or digit starts only after a character that is not one, and one
 * whose last character is one ends only before such a character. At one position the longest alias wins (the
 * alternation tries them longest first). tests/unit/shared/phrase-scanner.test.ts holds it to the regex on every
 * text we have.
 */

/** Atom keys of the three classes; a character's key is its folded code (≥ 0). */
const WHITESPACE = -1;
const APOSTROPHE = -2;
const DASH = -3;

/** A node while the tree is built; the scanner keeps it flattened (PhraseScanner.tree). */
interface BuildNode {
  readonly next: Map<number, BuildNode>;
  /** The first phrase that ends here (its index in the list, shifted left by two) and how it ends (ENDS_*); 0: none. */
  ends: number;
}

/** The phrase ends with nothing required after it (its last character is not an ASCII letter or digit). */
const ENDS_FREE = 1;
/** The phrase ends before a character that is not an ASCII letter or digit (or the text's end). */
const ENDS_AT_EDGE = 2;

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
  if (isSpace(c)) return WHITESPACE;
  if (c === 39 || c === 0x2019) return APOSTROPHE;
  if (c === 45 || c === 0x2010 || c === 0x2011 || c === 0x2013) return DASH;
  return fold(c);
}

export interface PhraseMatch {
  index: number;
  text: string;
}

/**
 * The tree, flattened into one Int32Array (a tree of Maps took ~200 KB for our few hundred aliases; this takes
 * ~20): a node at offset o holds its ends (ENDS_*) at o, its number of children n at o + 1, then n pairs of an atom
 * key and the child's offset. The root's children are looked up in a Map: every position of a text asks it.
 */
export class PhraseScanner {
  private readonly tree: Int32Array;
  private readonly firsts: Map<number, number>;

  /** `prefixes`: a phrase ending in `*` (a context cue's "butterfl*") may run on into a word. */
  constructor(
    readonly phrases: readonly string[],
    { prefixes = false }: { prefixes?: boolean } = {},
  ) {
    const root: BuildNode = { next: new Map(), ends: 0 };
    phrases.forEach((phrase, index) => {
      const prefix = prefixes && phrase.endsWith('*');
      add(root, (prefix ? phrase.slice(0, -1) : phrase).trim(), index, prefix);
    });
    const cells: number[] = [];
    const place = (node: BuildNode): number => {
      const at = cells.length;
      cells.push(node.ends, node.next.size);
      const slots = cells.length;
      for (const key of node.next.keys()) cells.push(key, 0);
      let i = 0;
      for (const child of node.next.values()) cells[slots + 2 * i++ + 1] = place(child);
      return at;
    };
    place(root);
    this.tree = Int32Array.from(cells);
    this.firsts = new Map();
    for (let i = 0; i < root.next.size; i++) this.firsts.set(this.tree[2 + 2 * i]!, this.tree[3 + 2 * i]!);
  }

  /** The child of the node at `node` for an atom key, or -1. */
  private child(node: number, key: number): number {
    const tree = this.tree;
    for (let i = node + 2, last = node + 2 + 2 * tree[node + 1]!; i < last; i += 2) if (tree[i] === key) return tree[i + 1]!;
    return -1;
  }

  /** Whether any phrase is in the text. */
  test(text: string): boolean {
    return this.find(text, 0, text.length) !== null;
  }

  /** The first phrase that starts at or after `from` and no later than `last`, or null. */
  find(text: string, from: number, last: number): PhraseMatch | null {
    const tree = this.tree;
    const end = Math.min(last, text.length - 1);
    for (let start = from; start <= end; start++) {
      const first = text.charCodeAt(start);
      let node = this.firsts.get(keyOf(first));
      if (node === undefined) continue;
      // An alias starting with an ASCII letter or digit starts a word.
      if (isLatinEdge(first) && start > 0 && isLatinEdge(text.charCodeAt(start - 1))) continue;
      let at = start + 1;
      let found = -1;
      let order = -1;
      for (;;) {
        const ends = tree[node]!;
        if (ends & ENDS_FREE || (ends & ENDS_AT_EDGE && !(at < text.length && isLatinEdge(text.charCodeAt(at))))) {
          // The alternation tries the phrases in their order: the first one that matches here wins.
          if (order < 0 || ends >> 2 < order) {
            order = ends >> 2;
            found = at;
          }
        }
        if (at >= text.length) break;
        const key = keyOf(text.charCodeAt(at));
        const next = this.child(node, key);
        if (next < 0) break;
        node = next;
        at++;
        if (key === WHITESPACE) while (at < text.length && isSpace(text.charCodeAt(at))) at++;
      }
      if (found > start) return { index: start, text: text.slice(start, found) };
    }
    return null;
  }
}

/** Adds a phrase to the tree being built: one atom per code unit, a whitespace run one atom (as phraseAtoms). */
function add(root: BuildNode, phrase: string, index: number, prefix: boolean): void {
  if (phrase.length === 0) return;
  let node = root;
  for (let i = 0; i < phrase.length; i++) {
    const key = keyOf(phrase.charCodeAt(i));
    if (key === WHITESPACE && i > 0 && isSpace(phrase.charCodeAt(i - 1))) continue;
    let child = node.next.get(key);
    if (!child) node.next.set(key, (child = { next: new Map(), ends: 0 }));
    node = child;
  }
  // Phrases with the same atoms end alike (folding keeps a character an ASCII letter or digit, or not one).
  const edge = !prefix && isLatinEdge(phrase.charCodeAt(phrase.length - 1));
  if (node.ends === 0) node.ends = (index << 2) | (edge ? ENDS_AT_EDGE : ENDS_FREE);
}
