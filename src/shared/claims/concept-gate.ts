/**
 * A concept's gate: literal strings at least one of which every occurrence of the
 * concept contains. A sentence that holds none of them cannot contain the concept,
 * so its regex is neither compiled nor run. On a cold page the first sentence that
 * mentions a subject used to compile a hundred concept regexes in one task (issue
 * 16); most of them cannot match that sentence, and `includes` says so without
 * compiling anything.
 *
 * Derived from the phrase lists, not written by hand: a literal phrase contributes
 * its longest run of plain characters (the compiled form lets spaces, hyphens and
 * apostrophes vary); a `re:` phrase is read by a small parser that knows the shapes
 * the lists use and gives up (no gate) on anything else.
 */

/** At most this many characters of an anchor are kept: a short prefix is shared by more phrases. */
const ANCHOR_CHARS = 5;

/**
 * A group of a concept's phrases and the anchors one of which each of its occurrences contains. A sentence
 * compiles and runs only the groups whose anchors it holds: the first sentence that mentions a subject used to
 * compile every concept whole, about a hundred large regexes in one task.
 */
export type ConceptGroup = [anchors: string[], phrases: string[]];

/** The phrases' required literals (null: some phrase has none). */
function anchorsOf(phrase: string): string[] | null {
  const set = phrase.startsWith('re:') ? regexAnchors(phrase.slice(3)) : [literalAnchor(phrase)];
  if (!set || set.some((a) => a.length === 0)) return null;
  return [...new Set(set.map((a) => a.slice(0, ANCHOR_CHARS)))];
}

/**
 * A concept's phrases grouped by anchor, or null when some phrase has no required literal (the concept is then
 * one regex, always run). An anchor that contains a shorter one is folded into it ("signed" into "sign").
 */
export function conceptGroups(phrases: readonly string[]): ConceptGroup[] | null {
  const each = [...new Set(phrases)].map((p) => [p, anchorsOf(p)] as const);
  if (each.some(([, a]) => a === null)) return null;
  const all = [...new Set(each.flatMap(([, a]) => a!))].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const a of all) if (!kept.some((k) => a.includes(k))) kept.push(a);
  const reduce = (a: string) => kept.find((k) => a.includes(k))!;
  const groups = new Map<string, ConceptGroup>();
  for (const [phrase, anchors] of each) {
    const reduced = [...new Set(anchors!.map(reduce))].sort();
    const key = reduced.join('\u0000');
    const group = groups.get(key) ?? [reduced, []];
    group[1].push(phrase);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * A group as the content script ships it: one string, anchors and phrases joined by characters no phrase
 * uses. A group as JSON arrays inside the shipped JSON string costs ~40 % more bytes (every quote escaped).
 */
export type PackedGroup = string;
const ITEM = '¦';
const PART = '§';

export function packGroup([anchors, phrases]: ConceptGroup): PackedGroup {
  if ([...anchors, ...phrases].some((p) => p.includes(ITEM) || p.includes(PART))) throw new Error(`a phrase uses ${ITEM} or ${PART}`);
  return anchors.join(ITEM) + PART + phrases.join(ITEM);
}

export function unpackGroup(group: ConceptGroup | PackedGroup): ConceptGroup {
  if (typeof group !== 'string') return group;
  const at = group.indexOf(PART);
  return [group.slice(0, at).split(ITEM), group.slice(at + 1).split(ITEM)];
}

/** A group's anchors, without splitting its phrases. */
export function groupAnchors(group: ConceptGroup | PackedGroup): string[] {
  return typeof group === 'string' ? group.slice(0, group.indexOf(PART)).split(ITEM) : group[0];
}

/** The gate of a concept's phrases: every anchor of its groups, or null when some phrase has none. */
export function conceptGate(phrases: readonly string[]): string[] | null {
  const groups = conceptGroups(phrases);
  return groups && [...new Set(groups.flatMap(([anchors]) => anchors))];
}

/** Whether folded text may contain the concept (or the group). */
export function passesGate(gate: readonly string[] | null, text: string): boolean {
  if (gate === null) return true;
  for (const anchor of gate) if (text.includes(anchor)) return true;
  return false;
}

/** The longest run of a literal phrase that its compiled form matches verbatim (concepts.ts `phraseSource`). */
function literalAnchor(phrase: string): string {
  let text = phrase.trim().toLowerCase();
  if (text.endsWith('*')) text = text.slice(0, -1);
  return longest(text.split(/[\s'-]+/));
}

const longest = (runs: readonly string[]) => runs.reduce((best, r) => (r.length > best.length ? r : best), '');

/**
 * Literal strings one of which every match of `source` contains, or null when the parser cannot tell.
 * Handles literal characters, escapes, character classes, groups with alternatives, lookarounds and
 * quantifiers; a quantified atom that may be absent (`?`, `*`, `{0,…}`) requires nothing.
 */
export function regexAnchors(source: string): string[] | null {
  const parser = new Parser(source);
  const result = parser.alternation();
  return parser.pos === source.length && result ? result : null;
}

/** What a piece of pattern requires: a set of alternatives (one of which is in every match), or nothing. */
type Req = string[] | null;

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  /** alt ('|' alt)*: one anchor from each alternative's best set. */
  alternation(): Req {
    const branches: Req[] = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === null)) return null;
    return branches.flatMap((b) => b!);
  }

  /** A sequence of atoms: the best single requirement among its literal runs and required groups. */
  sequence(): Req {
    const options: string[][] = [];
    let run = '';
    const endRun = () => {
      if (run) options.push([run]);
      run = '';
    };
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      if (atom === undefined) return null;
      const optional = this.quantifier();
      if (optional === undefined) return null;
      if (atom.kind === 'char' && !optional.may0 && !optional.repeats) {
        run += atom.ch;
        continue;
      }
      // A repeated literal ("a+") still requires one copy; anything else ends the run.
      if (atom.kind === 'char' && !optional.may0) {
        run += atom.ch;
        endRun();
        continue;
      }
      endRun();
      if (atom.kind === 'group' && atom.req && !optional.may0) options.push(atom.req);
    }
    endRun();
    if (options.length === 0) return [''];
    // The option whose shortest anchor is longest is the most selective.
    return options.reduce((best, o) => (minLen(o) > minLen(best) ? o : best));
  }

  /** One atom: a literal character, a class or escape that is not one, a group, or a zero-width assertion. */
  atom(): { kind: 'char'; ch: string } | { kind: 'other' } | { kind: 'zero' } | { kind: 'group'; req: Req } | undefined {
    const c = this.src[this.pos]!;
    if (c === '(') {
      this.pos++;
      let zero = false;
      if (this.src.startsWith('?:', this.pos)) this.pos += 2;
      else if (/^\?<?[=!]/.test(this.src.slice(this.pos, this.pos + 3))) {
        this.pos += this.src[this.pos + 1] === '<' ? 3 : 2;
        zero = true;
      } else if (this.src[this.pos] === '?') return undefined; // named groups and flags: not used by the lists
      const req = this.alternation();
      if (req === null || this.src[this.pos] !== ')') return undefined;
      this.pos++;
      return zero ? { kind: 'zero' } : { kind: 'group', req };
    }
    if (c === '[') {
      const end = this.classEnd(this.pos);
      if (end < 0) return undefined;
      this.pos = end + 1;
      return { kind: 'other' };
    }
    if (c === '\\') {
      const e = this.src[this.pos + 1];
      if (e === undefined) return undefined;
      this.pos += 2;
      if (e === 'b' || e === 'B') return { kind: 'zero' };
      if (/[dDsSwW]/.test(e)) return { kind: 'other' };
      if (/[0-9kpPuxcnrtfv]/.test(e)) return undefined; // backreferences, properties, code escapes: give up
      return { kind: 'char', ch: e };
    }
    if (c === '^' || c === '$') {
      this.pos++;
      return { kind: 'zero' };
    }
    if (c === '.') {
      this.pos++;
      return { kind: 'other' };
    }
    if ('*+?{'.includes(c)) return undefined;
    this.pos++;
    return { kind: 'char', ch: c };
  }

  /** The quantifier after an atom: whether the atom may be absent and whether it may repeat. */
  quantifier(): { may0: boolean; repeats: boolean } | undefined {
    const c = this.src[this.pos];
    let q = { may0: false, repeats: false };
    if (c === '?') q = { may0: true, repeats: false };
    else if (c === '*') q = { may0: true, repeats: true };
    else if (c === '+') q = { may0: false, repeats: true };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return undefined;
      this.pos += m[0].length - 1;
      q = { may0: m[1] === '0', repeats: m[2] !== undefined || Number(m[1]) > 1 };
    } else return q;
    this.pos++;
    if (this.src[this.pos] === '?') this.pos++; // lazy
    return q;
  }

  private classEnd(from: number): number {
    let i = from + 1;
    if (this.src[i] === '^') i++;
    if (this.src[i] === ']') i++;
    for (; i < this.src.length; i++) {
      if (this.src[i] === '\\') i++;
      else if (this.src[i] === ']') return i;
    }
    return -1;
  }
}

const minLen = (set: readonly string[]) => Math.min(...set.map((s) => s.length));
