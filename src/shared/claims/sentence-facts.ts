/**
 * What one sentence contains, computed lazily and at most once: its folded
 * text, dates, quantities and concept occurrences. The checks and the stance
 * rules read it; nothing here knows about claims.
 */
import { conceptGroups, groupAnchors, unpackGroup, type ConceptGroup, type PackedGroup } from './concept-gate';
import { conceptSource, occurrences, phraseOrder, type Occurrence } from './concepts';
import { findDates, type DateMention } from './dates';
import { findQuantities, type Quantity } from './numbers';
import type { ConceptTable } from './types';

/**
 * Compiled concepts, shared by every sentence. Each concept is split into groups of phrases by the literal
 * they contain (concept-gate.ts); a text compiles and runs only the groups whose literal it holds, each at most
 * once per page.
 */
/** Per concept, the indices of its groups whose anchors a text holds. */
export type ActiveGroups = Map<string, Set<number>>;

/** A node of the anchors' character tree: where each UTF-16 unit leads, and the groups whose anchor ends here. */
interface AnchorNode {
  next: Map<number, AnchorNode>;
  groups: Array<[string, number]> | null;
}

export class ConceptIndex {
  private readonly compiled = new Map<string, RegExp>();
  private readonly derived = new Map<string, ConceptGroup[] | null>();
  /** Every anchor of every concept's groups, as a character tree (built on first use). */
  private anchors: AnchorNode | null = null;
  constructor(
    private readonly table: ConceptTable,
    /** Groups derived at build time (the content script's tables carry them instead of the phrase lists). */
    private readonly prebuilt: Record<string, Array<ConceptGroup | PackedGroup> | null> = {},
  ) {}

  has(name: string): boolean {
    return Object.hasOwn(this.table, name) || Object.hasOwn(this.prebuilt, name);
  }

  /** Non-overlapping occurrences of the concept in folded text, exactly as one regex of all its phrases finds them. */
  occurrences(name: string, text: string, present: () => ActiveGroups = () => this.activeGroups(text)): Occurrence[] {
    const groups = this.groups(name);
    if (groups === null)
      return occurrences(
        this.regex(`${name}#`, () => this.allPhrases(name)),
        text,
      );
    const indices = present().get(name);
    if (!indices) return [];
    const active: Array<{ re: RegExp; phrases: readonly string[] }> = [];
    for (const i of indices) {
      const phrases = groups[i]![1];
      active.push({ re: this.regex(`${name}#${i}`, () => phrases), phrases });
    }
    if (active.length === 1) return occurrences(active[0]!.re, text);
    // The whole regex, emulated: at each position the leftmost match of any group; at a tie, the group whose
    // first phrase matching there comes first in phrase order (as the alternation would try them).
    const next: Array<RegExpExecArray | null | undefined> = [];
    const out: Occurrence[] = [];
    for (let pos = 0; ;) {
      let best = -1;
      active.forEach(({ re }, i) => {
        let m = next[i];
        if (m === undefined || (m !== null && m.index < pos)) next[i] = m = nonEmptyMatch(re, text, pos);
        if (!m) return;
        const b = best < 0 ? null : next[best]!;
        if (!b || m.index < b.index || (m.index === b.index && this.firstPhrase(active[i]!.phrases, text, m.index, active[best]!.phrases)))
          best = i;
      });
      if (best < 0) return out;
      const m = next[best]!;
      out.push({ start: m.index, end: m.index + m[0].length });
      pos = m.index + m[0].length;
    }
  }

  /** Whether, at `at`, the first phrase of `a` that matches there comes before the first of `b` in phrase order. */
  private firstPhrase(a: readonly string[], text: string, at: number, b: readonly string[]): boolean {
    const first = (phrases: readonly string[]) =>
      [...phrases].sort(phraseOrder).find((p) => {
        const re = this.regex(`=${p}`, () => [p], 'y');
        re.lastIndex = at;
        return re.test(text);
      });
    const pa = first(a);
    const pb = first(b);
    return pa !== undefined && (pb === undefined || phraseOrder(pa, pb) < 0);
  }

  /**
   * The groups of every concept whose anchors occur in a text, found in one pass: from each position the text is
   * followed down the anchors' character tree for as long as some anchor goes on, so a position costs one map
   * lookup per character shared with an anchor, and nothing is allocated. A sentence computes it once for all the
   * concepts its checks ask about (SentenceFacts). It was a substring per length per position, looked up in sets
   * of the anchors and their prefixes: a third of a warm claim check's time in profiles, and still the largest
   * part after the runs were cut at the first character no anchor continues with (issue 16).
   */
  activeGroups(text: string): ActiveGroups {
    const root = (this.anchors ??= this.buildAnchors());
    const active: ActiveGroups = new Map();
    const seen = new Set<AnchorNode>();
    for (let i = 0; i < text.length; i++) {
      let node = root;
      for (let k = i; k < text.length; k++) {
        const next = node.next.get(text.charCodeAt(k));
        if (!next) break;
        node = next;
        if (!node.groups || seen.has(node)) continue;
        seen.add(node);
        for (const [name, group] of node.groups) {
          const set = active.get(name);
          if (set) set.add(group);
          else active.set(name, new Set([group]));
        }
      }
    }
    return active;
  }

  /** The anchors' character tree, each anchor's end listing the concepts' groups that carry it. */
  private buildAnchors(): AnchorNode {
    const root: AnchorNode = { next: new Map(), groups: null };
    const names = new Set([...Object.keys(this.prebuilt), ...Object.keys(this.table)]);
    for (const name of names) {
      const list = Object.hasOwn(this.prebuilt, name) ? this.prebuilt[name] : this.groups(name);
      list?.forEach((group, i) => {
        for (const anchor of groupAnchors(group)) {
          let node = root;
          for (let k = 0; k < anchor.length; k++) {
            const unit = anchor.charCodeAt(k);
            let next = node.next.get(unit);
            if (!next) node.next.set(unit, (next = { next: new Map(), groups: null }));
            node = next;
          }
          (node.groups ??= []).push([name, i]);
        }
      });
    }
    return root;
  }

  private groups(name: string): ConceptGroup[] | null {
    let groups = this.derived.get(name);
    if (groups === undefined) {
      if (Object.hasOwn(this.prebuilt, name)) groups = this.prebuilt[name]?.map(unpackGroup) ?? null;
      else groups = this.has(name) ? conceptGroups(this.allPhrases(name)) : [];
      this.derived.set(name, groups);
    }
    return groups;
  }

  private allPhrases(name: string): string[] {
    const lists = Object.hasOwn(this.table, name) ? this.table[name] : undefined;
    return lists ? [...lists.en, ...lists.zh] : [];
  }

  private regex(key: string, phrases: () => readonly string[], flags = 'g'): RegExp {
    let re = this.compiled.get(key);
    if (!re) {
      re = new RegExp(conceptSource(phrases()), flags);
      this.compiled.set(key, re);
    }
    return re;
  }
}

/** The next non-empty match of a global regex at or after `from` (an empty one is no occurrence). */
function nonEmptyMatch(re: RegExp, text: string, from: number): RegExpExecArray | null {
  for (re.lastIndex = from; ;) {
    const m = re.exec(text);
    if (!m || m[0].length > 0) return m;
    re.lastIndex = m.index + 1;
  }
}

export class SentenceFacts {
  private dateList: DateMention[] | undefined;
  private quantityList: Quantity[] | undefined;
  private readonly concepts = new Map<string, Occurrence[]>();
  private active: ActiveGroups | undefined;

  /** `text` is folded; `raw` is the page's own text of the same span (same length). */
  constructor(
    readonly text: string,
    readonly raw: string,
    private readonly index: ConceptIndex,
    /** The page's date, for "yesterday" and "today". */
    readonly today: string | null = null,
  ) {}

  get dates(): DateMention[] {
    return (this.dateList ??= findDates(this.text, this.raw, this.today));
  }

  /** Quantities outside dates ("6月" is a month, not six months). */
  get quantities(): Quantity[] {
    if (!this.quantityList) {
      const dates = this.dates;
      this.quantityList = findQuantities(this.text).filter((q) => !dates.some((d) => q.start < d.end && d.start < q.end));
    }
    return this.quantityList;
  }

  find(concept: string): Occurrence[] {
    let list = this.concepts.get(concept);
    if (!list) {
      list = this.index.occurrences(concept, this.text, () => (this.active ??= this.index.activeGroups(this.text)));
      this.concepts.set(concept, list);
    }
    return list;
  }

  has(concept: string): boolean {
    return this.find(concept).length > 0;
  }
}

/** A span of a sentence's (folded) text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Concessive phrases: "despite rumours of a 90-day review,", "…, in spite of the delay.", 尽管有传言称…，
 * From the word to the comma, semicolon or full stop that closes the phrase (or the sentence's end).
 */
const CONCESSION = /(?<![a-z])(?:despite|in spite of|notwithstanding)(?![a-z])[^,;.!?]*|尽管[^，,；;。！？]*/g;

export function concessions(text: string): Span[] {
  return [...text.matchAll(CONCESSION)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Fronted adverbial phrases that set a scene ("After a two-week delay, …", "Despite a last-minute delay, …"). */
const FRONTED = /^\s*(?:(?:despite|in spite of|notwithstanding|after|following|amid)(?![a-z])[^,;.!?]*|(?:尽管|经过)[^，,；;。！？]*)[,，]/;

export function frontedPhrase(text: string): Span | null {
  const m = FRONTED.exec(text);
  return m ? { start: 0, end: m[0].length } : null;
}

export const within = (span: Span, inner: Span): boolean => span.start <= inner.start && inner.end <= span.end;

/** A break between clauses that attribution and refutation markers do not cross ("Contrary to reports, X; Y"). */
export const HARD_BREAK = /[;；]|\s-\s|[。！？]/;

/** Text between two spans crosses a clause boundary ("; ", ", but", "，而", a dash aside). */
const CLAUSE_BREAK =
  /[;；:：]|[,，]\s*(?:but|while|whereas|although|though|after|before|when|and then|not|但|而|却|并非)|\s(?:but|while|whereas|although|however)\s|\s-\s|\([^)]{24,}\)/;

/** Distance between two spans, with a penalty for crossing a clause boundary. */
export function distance(text: string, a: Occurrence, b: Occurrence): number {
  if (a.start < b.end && b.start < a.end) return 0;
  const [left, right] = a.end <= b.start ? [a, b] : [b, a];
  const gap = text.slice(left.end, right.start);
  // A pair of dashes is an aside ("The government — via an NSA-run process — decides…"), not a clause break.
  // Not across lines: "April 8 - A unveils X\nApril 10 - B meets" holds two dashes but no aside.
  const aside = (gap.match(/\s-\s/g)?.length ?? 0) === 2 && !/[;；:：\n]/.test(gap);
  // "ONCD: builds the procedures" (a label and what it does, in a list or table) is one statement.
  // So is "Participants (total): ~150", the colon right before the value.
  const label = /^\s*[:：]|[:：]\s*[~≈约]?\s*$/.test(gap) && !CLAUSE_BREAK.test(gap.replace(/^\s*[:：]|[:：]\s*[~≈约]?\s*$/, ''));
  return gap.length + (!aside && !label && CLAUSE_BREAK.test(gap) ? 80 : 0);
}
