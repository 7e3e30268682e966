/**
 * What one sentence contains, computed lazily and at most once: its folded
 * text, dates, quantities and concept occurrences. The checks and the stance
 * rules read it; nothing here knows about claims.
 */
import { conceptGate, passesGate } from './concept-gate';
import { compileConcept, occurrences, type Occurrence } from './concepts';
import { findDates, type DateMention } from './dates';
import { findQuantities, type Quantity } from './numbers';
import type { ConceptTable } from './types';

/** Compiled concepts, shared by every sentence (compiled on first use, and only for text that passes the gate). */
export class ConceptIndex {
  private readonly compiled = new Map<string, RegExp>();
  private readonly gates = new Map<string, string[] | null>();
  constructor(
    private readonly table: ConceptTable,
    /** Gates derived at build time (the content script's tables carry them). */
    private readonly prebuilt: Record<string, string[] | null> = {},
  ) {}

  has(name: string): boolean {
    return Object.hasOwn(this.table, name);
  }

  /** Whether folded text may hold the concept: false means it certainly does not (concept-gate.ts). */
  mayOccur(name: string, text: string): boolean {
    let gate = Object.hasOwn(this.prebuilt, name) ? this.prebuilt[name] : this.gates.get(name);
    if (gate === undefined) {
      const lists = this.has(name) ? this.table[name] : undefined;
      gate = lists ? conceptGate([...lists.en, ...lists.zh]) : [];
      this.gates.set(name, gate);
    }
    return passesGate(gate, text);
  }

  regex(name: string): RegExp {
    let re = this.compiled.get(name);
    if (!re) {
      re = compileConcept(this.has(name) ? this.table[name] : undefined);
      this.compiled.set(name, re);
    }
    return re;
  }
}

export class SentenceFacts {
  private dateList: DateMention[] | undefined;
  private quantityList: Quantity[] | undefined;
  private readonly concepts = new Map<string, Occurrence[]>();

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
      list = this.index.mayOccur(concept, this.text) ? occurrences(this.index.regex(concept), this.text) : [];
      this.concepts.set(concept, list);
    }
    return list;
  }

  has(concept: string): boolean {
    return this.find(concept).length > 0;
  }
}

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
