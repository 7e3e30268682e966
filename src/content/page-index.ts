/**
 * What the page mentions and which misclaims it states, each tied to a live
 * Range. Paragraph results come in from the scanner; the index keeps them in
 * step with the DOM (drops what was removed, replaces what was rescanned),
 * owns the page's highlights (so clearing it clears them) and answers the page report.
 */
import type { EntityId, Verdict } from '../data/schema';
import type { PageReport } from '../shared/messages';
import { mentionedEntities, type Matcher, type ParagraphMatches, type ScanContext } from '../shared/matcher';
import { NEEDS_CLAIM_TABLES } from '../shared/steps';
import type { Stance } from '../shared/claims/types';
import { Highlighter } from './highlighter';
import { paragraphRange, type Paragraph } from './scan';
import { PARAGRAPH_BUDGET_MS, type SliceClock } from './yield-to-page';

export interface MentionRecord {
  kind: 'mention';
  entityId: EntityId;
  text: string;
  sentence: string;
  range: Range;
  /** Claims flagged in the same sentence: the mention's card shows their corrections. */
  claims: ClaimRecord[];
}

export interface ClaimRecord {
  kind: 'claim';
  claimId: string;
  entityId: EntityId;
  verdict: Verdict;
  /** Whether the sentence states the claim, repeats it, or refutes it (a refutation is reported, never marked). */
  stance: Stance;
  /** Set when the sentence was true when written: the claim stopped being true on this day. */
  trueUntil?: string;
  sentence: string;
  range: Range;
  /** Counts only once the page mentions the claim's subject somewhere. */
  needsPageMention: boolean;
}

/** A claim the sentence states or repeats: what a reader is warned about. A refutation is not. */
export const isFlag = (claim: ClaimRecord): boolean => claim.stance !== 'refutes';

export type MarkRecord = MentionRecord | ClaimRecord;

const NO_SUBJECTS: ReadonlySet<EntityId> = new Set();
const NON_SPACE = /\S/;

/** Whitespace as the page renders it: runs collapsed, ends trimmed. */
const rendered = (text: string) => text.replace(/\s+/g, ' ').trim();

export class PageIndex {
  private mentions: MentionRecord[] = [];
  private claims: ClaimRecord[] = [];
  private readonly shown = new Set<ClaimRecord>();
  /** How many marks each subject has: page-scoped claims count while it has any. */
  private readonly mentionsOf = new Map<EntityId, number>();
  /** Marks not yet checked for visibility (see verifyVisibility). */
  private unverified: MarkRecord[] = [];
  /** Subjects of the paragraph scanned last: context for vague references in the next one. */
  private carried: ReadonlySet<EntityId> = NO_SUBJECTS;
  /** Text node → marks starting or ending in it: the hover hit-test looks here first. */
  private readonly byNode = new Map<Node, MarkRecord[]>();
  private readonly nodesOf = new Map<MarkRecord, readonly Node[]>();

  constructor(
    private readonly matcher: Matcher,
    /** What the page says about itself (its publication date), for claims that were true when written. */
    private readonly context: ScanContext = {},
    /** Draws the marks; a test may pass one with no registry. */
    readonly highlighter: Highlighter = new Highlighter(),
  ) {}

  /** Text the scan skipped (it holds no subject) separates the paragraphs around it. */
  breakContext(): void {
    this.carried = NO_SUBJECTS;
  }

  /** Runs the matcher on a paragraph and records what it finds. Returns whether it found anything. */
  addParagraph(p: Paragraph): boolean {
    return this.record(p, this.matcher.scanParagraph(p.text, this.carried, this.context));
  }

  /**
   * As addParagraph, in the scan's slices: when the clock runs out in the middle of the paragraph's claim
   * checks (on a cold page the first sentence with a mention compiles the checker's regexes), the rest runs
   * after `pause` has given the page its thread back, and the returned promise settles when it is recorded.
   * `wanted` is asked again after each pause: a rescan or a switch-off in between drops the result.
   */
  addParagraphInSlices(p: Paragraph, clock: SliceClock, pause: () => Promise<void>, wanted: () => boolean): void | Promise<void> {
    const steps = this.matcher.paragraphSteps(p.text, this.carried, this.context);
    if (!steps) {
      this.record(p, null);
      return;
    }
    // Steps until the paragraph is done (recorded), the slice is spent, or the claim tables must be loaded first.
    const advance = (): 'done' | 'spent' | 'load' => {
      for (let next = steps.next(); ; next = steps.next()) {
        if (next.done) {
          this.record(p, next.value);
          return 'done';
        }
        if (next.value === NEEDS_CLAIM_TABLES) return 'load';
        if (clock.expired(PARAGRAPH_BUDGET_MS)) return 'spent';
      }
    };
    let state = advance();
    if (state === 'done') return;
    return (async () => {
      do {
        // Loading the claim tables is a pause of its own: the module is fetched and compiled off this task.
        if (state === 'load') await this.matcher.loadClaims();
        else await pause();
        if (!wanted()) return;
        clock.restart();
        state = advance();
      } while (state !== 'done');
    })();
  }

  private record(p: Paragraph, result: ParagraphMatches | null): boolean {
    if (!result) {
      // Whitespace between two blocks is a paragraph of its own to the scanner, not one to the reader.
      if (NON_SPACE.test(p.text)) this.carried = NO_SUBJECTS;
      return false;
    }
    this.carried = mentionedEntities(result);
    let added = false;
    const claimsBySentence = new Map<number, ClaimRecord[]>();
    for (const c of result.claims) {
      const range = paragraphRange(p, c.start, c.end);
      const record: ClaimRecord = {
        kind: 'claim',
        claimId: c.claimId,
        entityId: c.entity,
        verdict: c.verdict,
        stance: c.stance,
        ...(c.trueUntil ? { trueUntil: c.trueUntil } : {}),
        sentence: rendered(p.text.slice(...c.sentence)),
        range,
        needsPageMention: c.needsPageMention,
      };
      this.add(record, nodesBetween(p, c.start, c.end));
      if (isFlag(record)) claimsBySentence.set(c.sentence[0], [...(claimsBySentence.get(c.sentence[0]) ?? []), record]);
      added = true;
    }
    for (const m of result.mentions) {
      const range = paragraphRange(p, m.start, m.end);
      const sentence = rendered(p.text.slice(...m.sentence));
      this.add(
        {
          kind: 'mention',
          entityId: m.entityId,
          text: rendered(m.text),
          sentence,
          range,
          claims: claimsBySentence.get(m.sentence[0]) ?? [],
        },
        nodesBetween(p, m.start, m.end),
      );
      added = true;
    }
    return added;
  }

  /**
   * Drops the marks added since the last call whose text is hidden or editable. Kept apart from
   * adding because checking visibility forces style (and layout) on the whole page: called after
   * the browser has rendered, it costs next to nothing; called mid-scan, it would be the scan's
   * longest task. Hidden text paints no highlight meanwhile, so nothing shows in between.
   */
  verifyVisibility(): void {
    if (this.unverified.length === 0) return;
    const hidden = new Set(this.unverified.filter((r) => r.range.startContainer.isConnected && !isVisible(r.range)));
    this.unverified = [];
    if (hidden.size > 0) this.removeWhere((r) => hidden.has(r));
  }

  /** Forgets marks inside a subtree about to be rescanned. */
  removeWithin(root: Node): void {
    this.removeWhere((r) => root.contains(r.range.startContainer));
  }

  /** Forgets marks whose text left the document. */
  dropDisconnected(): void {
    this.removeWhere((r) => !r.range.startContainer.isConnected || !r.range.endContainer.isConnected || r.range.collapsed);
  }

  /** Forgets every mark and removes every highlight (and its registration): the page is as we found it. */
  clear(): void {
    this.highlighter.clear();
    this.unverified = [];
    this.mentions = [];
    this.claims = [];
    this.shown.clear();
    this.mentionsOf.clear();
    this.byNode.clear();
    this.nodesOf.clear();
  }

  /** Marks touching a text node (for hit-testing). */
  marksAt(node: Node): readonly MarkRecord[] {
    return this.byNode.get(node) ?? [];
  }

  /** A mark whose text lies inside the element (a mention if there is one), without sorting: focus events are frequent. */
  markInside(el: Element): MarkRecord | undefined {
    return (
      this.mentions.find((m) => el.contains(m.range.startContainer)) ??
      [...this.shown].find((c) => isFlag(c) && el.contains(c.range.startContainer))
    );
  }

  /** Mentions and the counted claims a reader is warned about, in document order. */
  marks(): MarkRecord[] {
    return [...this.mentions, ...this.countedClaims().filter(isFlag)].sort((a, b) => compareRanges(a.range, b.range));
  }

  mentionList(): MentionRecord[] {
    return [...this.mentions].sort((a, b) => compareRanges(a.range, b.range));
  }

  countedClaims(): ClaimRecord[] {
    return this.claims.filter((c) => this.shown.has(c)).sort((a, b) => compareRanges(a.range, b.range));
  }

  report(url: string, ready: boolean): PageReport {
    return {
      url,
      ready,
      mentions: this.mentionList().map(({ entityId, text, sentence }) => ({ entityId, text, sentence })),
      claims: this.countedClaims().map(({ claimId, verdict, sentence, stance, trueUntil }) => ({
        claimId,
        verdict,
        sentence,
        stance,
        ...(trueUntil ? { trueUntil } : {}),
      })),
    };
  }

  counts(): { mentions: number; flagged: number } {
    return { mentions: this.mentions.length, flagged: [...this.shown].filter(isFlag).length };
  }

  /** Whether a claim is currently counted (its subject is on the page). */
  isCounted(claim: ClaimRecord): boolean {
    return this.shown.has(claim);
  }

  private add(record: MarkRecord, nodes: readonly Node[]): void {
    if (record.kind === 'mention') {
      this.mentions.push(record);
      this.highlighter.add('mention', record.range);
      const before = this.mentionsOf.get(record.entityId) ?? 0;
      this.mentionsOf.set(record.entityId, before + 1);
      // The first mention of a subject brings its page-scoped claims in.
      if (before === 0) this.syncClaims();
    } else {
      this.claims.push(record);
      if (!record.needsPageMention || this.mentionsOf.has(record.entityId)) this.show(record);
    }
    this.nodesOf.set(record, nodes);
    this.unverified.push(record);
    for (const node of nodes) {
      const list = this.byNode.get(node) ?? [];
      list.push(record);
      this.byNode.set(node, list);
    }
  }

  private removeWhere(predicate: (r: MarkRecord) => boolean): void {
    const drop = (r: MarkRecord) => {
      if (!predicate(r)) return false;
      if (r.kind === 'mention') this.highlighter.delete('mention', r.range);
      else if (this.shown.delete(r) && isFlag(r)) this.highlighter.delete('claim', r.range);
      for (const node of this.nodesOf.get(r) ?? []) {
        const list = this.byNode.get(node)?.filter((x) => x !== r);
        if (list?.length) this.byNode.set(node, list);
        else this.byNode.delete(node);
      }
      this.nodesOf.delete(r);
      return true;
    };
    const before = this.mentions.length + this.claims.length;
    this.mentions = this.mentions.filter((r) => !drop(r));
    this.claims = this.claims.filter((r) => !drop(r));
    if (this.mentions.length + this.claims.length !== before) {
      this.mentionsOf.clear();
      for (const m of this.mentions) this.mentionsOf.set(m.entityId, (this.mentionsOf.get(m.entityId) ?? 0) + 1);
      this.syncClaims();
    }
  }

  private show(claim: ClaimRecord): void {
    if (this.shown.has(claim)) return;
    this.shown.add(claim);
    if (isFlag(claim)) this.highlighter.add('claim', claim.range);
  }

  /** Shows exactly the claims that count: page-scoped ones only while their subject is on the page. */
  private syncClaims(): void {
    for (const c of this.claims) {
      const counts = !c.needsPageMention || this.mentionsOf.has(c.entityId);
      if (counts) this.show(c);
      else if (this.shown.delete(c) && isFlag(c)) this.highlighter.delete('claim', c.range);
    }
  }
}

/** The paragraph's text nodes that [start, end) touches. */
function nodesBetween(p: Paragraph, start: number, end: number): Text[] {
  const nodes: Text[] = [];
  for (let i = 0; i < p.nodes.length; i++) {
    const from = p.starts[i]!;
    const to = from + p.nodes[i]!.data.length;
    if (to > start && from < end) nodes.push(p.nodes[i]!);
  }
  return nodes;
}

function compareRanges(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b);
  } catch {
    return 0; // Ranges in different roots (a shadow tree): keep insertion order.
  }
}

/**
 * Hidden text (display:none, [hidden], visibility:hidden, closed <details>) and text the
 * reader is editing are not reported or marked. Checked per match, not per node: the scan
 * stays cheap on the text that has no mentions, which is nearly all of it.
 */
function isVisible(range: Range): boolean {
  const el = range.startContainer.parentElement;
  if (!el || (el as HTMLElement).isContentEditable) return false;
  return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0;
}
