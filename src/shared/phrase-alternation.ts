/**
 * An alternation of literal phrases written as a prefix tree: `Claude(?:[\s]+Mythos(?:[\s]+Preview|)|)`
 * instead of `Claude Mythos Preview|Claude Mythos|Claude`.
 *
 * Why: V8 compiles a regex on its first use, and a flat alternation of ~100 phrases took 15–45 ms to compile
 * in a fresh Chromium tab (issue 16: the alias scanner, compiled on a cold page's first paragraph with a
 * candidate; the context cues likewise). Sharing prefixes halves the work the compiler does, and the regex
 * is still V8's own at run time (a trie matched in script was measured slower on long pages).
 *
 * Matches are exactly the flat alternation's, case-insensitively (`i` without `u`), when the phrases come
 * longest first (as the scanner sorts them):
 * - siblings' first atoms never match the same character (atoms are compared case-folded the way the `i`
 *   flag folds them, and whitespace, apostrophes and dashes are each one class), so at most one branch can
 *   go on at a node, and their order does not matter;
 * - where a phrase ends at a node others go on from, they are longer, so the flat alternation tries them
 *   first; the tree tries its branches before the phrase's end, as it does.
 * tests/unit/shared/phrase-alternation.test.ts holds both to the flat regex on every text we have.
 */

/** A phrase as regex atoms (one per character, or per class), and what may follow its last one. */
export interface PhraseAtoms {
  atoms: readonly string[];
  /** The regex fragment asserting its right edge (a lookahead), or '' when it may run on into a word. */
  end: string;
}

interface TrieNode {
  children: Map<string, { atom: string; node: TrieNode }>;
  /** Edge assertions of the phrases that end here ('' = none). */
  ends: Set<string>;
}

const newNode = (): TrieNode => ({ children: new Map(), ends: new Set() });

/**
 * The key under which the `i` flag (without `u`) treats a one-character atom as equal: ECMAScript's
 * Canonicalize (upper case, unless that takes a non-ASCII character to ASCII, as for ſ or K). Other atoms
 * (classes, escapes of two characters, astral characters) are their own key.
 */
export function foldKey(atom: string): string {
  if (atom.length !== 1) return atom;
  const upper = atom.toUpperCase();
  if (upper.length !== 1) return atom;
  if (atom.charCodeAt(0) >= 128 && upper.charCodeAt(0) < 128) return atom;
  return upper;
}

/** The phrases as one alternation sharing their prefixes; '(?!)' (matches nothing) for none. */
export function phraseAlternation(phrases: readonly PhraseAtoms[]): string {
  return phrases.length === 0 ? '(?!)' : group(phraseBranches(phrases));
}

/**
 * The tree's top-level branches, one per first atom: phraseAlternation is their alternation. No two of them match
 * at the same position (their first atoms differ, as the `i` flag folds them), so a scanner may split them between
 * regexes in any grouping without changing which phrase matches where.
 */
export function phraseBranches(phrases: readonly PhraseAtoms[]): string[] {
  const root = newNode();
  for (const phrase of phrases) {
    let node = root;
    for (const atom of phrase.atoms) {
      const key = foldKey(atom.startsWith('\\') && atom.length === 2 ? atom[1]! : atom);
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { atom, node: newNode() }));
      node = child.node;
    }
    node.ends.add(phrase.end);
  }
  return branches(root);
}

/** What may follow a node, as alternatives: its branches in insertion order, then the phrases ending there. */
function branches(node: TrieNode): string[] {
  const out: string[] = [];
  for (const { atom, node: next } of node.children.values()) {
    const rest = branches(next);
    out.push(rest.length === 1 ? atom + rest[0]! : atom + group(rest));
  }
  // A phrase that may run on into a word ('') accepts whatever an edge assertion would: it alone is enough.
  if (node.ends.has('')) out.push('');
  else for (const end of node.ends) out.push(end);
  return out;
}

const group = (alternatives: string[]): string => (alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`);
