/**
 * What the page mentions and which misclaims it states, each tied to a live
 * Range. Paragraph results come in from the scanner; the index keeps them in
 * step with the DOM (drops what was removed, replaces what was rescanned),
 * owns the page's highlights (so clearing it clears them) and answers the page report.
 */
import type { EntityId, Verdict } from '../data/schema';
import type { PageReport } from '../shared/messages';
import {
  mentionedEntities,
  type ClaimHit,
  type MentionHit,
  type ParagraphMatches,
  type ScanContext,
  type ScanMatcher,
} from '../shared/scan-matcher';
import { NEEDS_CLAIM_TABLES, needsClaimTables, type NeedsClaimTables, type Steps } from '../shared/steps';
import type { Stance } from '../shared/claims/types';
import { Highlighter } from './highlighter';
import { ClaimBatcher, type CheckClaims } from './remote-claims';
import { CLAIMS_CHECK_TEXT_MAX } from '../shared/claims-check-limits';
import { paragraphRange, type Paragraph } from './scan';
import { PARAGRAPH_BUDGET_MS, sliceClock, type SliceClock } from './yield-to-page';

export interface MentionRecord {
  kind: 'mention';
  entityId: EntityId;
  text: string;
  sentence: string;
  range: Range;
  /** Claims flagged in the same sentence: the mention's card shows their corrections (replaced, never changed). */
  claims: readonly ClaimRecord[];
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

/** A paragraph recorded with its mentions, its claims not checked yet; dropped when its text is rescanned or removed. */
interface DeferredClaims {
  readonly p: Paragraph;
  dropped: boolean;
}

/** A recorded paragraph's mentions by the start of their sentence, and its sentences' text (one string each). */
interface Sentences {
  readonly mentions: Map<number, MentionRecord[]>;
  readonly texts: Map<number, string>;
}

const newSentences = (): Sentences => ({ mentions: new Map(), texts: new Map() });

type Advanced = { kind: 'done'; result: ParagraphMatches | null } | { kind: 'spent' } | NeedsClaimTables;

/** Runs a paragraph's steps until they finish, the slice is spent, or they need the claim tables. */
function advance(steps: Steps<ParagraphMatches | null>, clock: SliceClock): Advanced {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return { kind: 'done', result: next.value };
    if (needsClaimTables(next.value)) return next.value;
    if (clock.expired(PARAGRAPH_BUDGET_MS)) return { kind: 'spent' };
  }
}

const NO_SUBJECTS: ReadonlySet<EntityId> = new Set();
const NON_SPACE = /\S/;

/** Whitespace as the page renders it: runs collapsed, ends trimmed. */
const rendered = (text: string) => ownCopy(text.replace(/\s+/g, ' ').trim());

/**
 * The string with characters of its own. A slice of a paragraph's text (what `replace` returns when nothing is
 * replaced, as in a Chinese sentence) shares the paragraph's characters in V8, and a record keeping it would keep
 * the whole paragraph alive; a short slice is a copy already.
 */
const ownCopy = (text: string) => (text.length < 13 ? text : (' ' + text).slice(1));

/** Mentions share no array until a claim is flagged in their sentence (a page has hundreds of mentions). */
const NO_CLAIMS: readonly ClaimRecord[] = Object.freeze([]);

/** A sentence's text as the page renders it, one string for every mark in it. */
function sentenceText(p: Paragraph, [start, end]: readonly [number, number], sentences: Sentences): string {
  let text = sentences.texts.get(start);
  if (text === undefined) sentences.texts.set(start, (text = rendered(p.text.slice(start, end))));
  return text;
}

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
  /** Paragraphs whose claims wait for the claim tables, checked in order through this chain. */
  private claimQueue: Promise<void> = Promise.resolve();
  private readonly deferred = new Set<DeferredClaims>();
  /** The claim queue's own slice clock: it runs in tasks of its own, between the walk's. */
  private readonly claimClock = sliceClock();
  /** One string per distinct mention text: a page names the same subjects hundreds of times. */
  private readonly mentionTexts = new Map<string, string>();

  /** Sends the paragraphs waiting for claim checks to the background, a slice's worth at a time. */
  private readonly remote: ClaimBatcher | null;

  constructor(
    private readonly matcher: ScanMatcher,
    /** What the page says about itself (its publication date), for claims that were true when written. */
    private readonly context: ScanContext = {},
    /** Draws the marks; a test may pass one with no registry. */
    readonly highlighter: Highlighter = new Highlighter(),
    /** Where claims are checked when the claim tables are not loaded here (remote-claims.ts); without it, here. */
    checkClaims?: CheckClaims,
  ) {
    this.remote = checkClaims ? new ClaimBatcher(checkClaims) : null;
  }

  /** Text the scan skipped (it holds no subject) separates the paragraphs around it. */
  breakContext(): void {
    this.carried = NO_SUBJECTS;
  }

  /** Runs the matcher on a paragraph and records what it finds. Returns whether it found anything. */
  addParagraph(p: Paragraph): boolean {
    const result = this.matcher.scanParagraph(p.text, this.carried, this.context);
    this.record(p, result);
    return result !== null;
  }

  /**
   * As addParagraph, in the scan's slices: when the clock runs out in the middle of the paragraph's claim
   * checks (on a cold page the first sentence with a mention compiles the checker's regexes), the rest runs
   * after `pause` has given the page its thread back, and the returned promise settles when it is recorded.
   * `wanted` is asked again after each pause: a rescan or a switch-off in between drops the result.
   *
   * When the claim tables are not loaded here (the content script leaves claims to the background and loads
   * them only if it does not answer; without a background, a page's first candidate mention starts loading
   * them), the paragraph's mentions are recorded at once and the walk goes on: its claims come from the
   * background, or are checked here once the tables are in, one paragraph after another in document order
   * (claimsSettled resolves when none is left). Neither the round trip nor the module's latency stops the walk.
   */
  addParagraphInSlices(p: Paragraph, clock: SliceClock, pause: () => Promise<void>, wanted: () => boolean): void | Promise<void> {
    const carried = this.carried;
    const steps = this.matcher.paragraphSteps(p.text, carried, this.context);
    if (!steps) {
      this.record(p, null);
      return;
    }
    let state = advance(steps, clock);
    if (state.kind === 'done') {
      this.record(p, state.result);
      return;
    }
    if (state.kind === NEEDS_CLAIM_TABLES) return this.deferClaims(p, steps, state.mentions, carried, pause, wanted);
    return (async () => {
      do {
        await pause();
        if (!wanted()) return;
        clock.restart();
        state = advance(steps, clock);
        if (state.kind === NEEDS_CLAIM_TABLES) return this.deferClaims(p, steps, state.mentions, carried, pause, wanted);
      } while (state.kind !== 'done');
      this.record(p, state.result);
    })();
  }

  /** Resolves once every paragraph whose claims waited for the claim tables has been checked (or dropped). */
  async claimsSettled(): Promise<void> {
    // The walk that deferred them is over: nothing is gained by holding its last paragraphs back.
    this.remote?.flushNow();
    for (let queue = this.claimQueue; ; queue = this.claimQueue) {
      await queue;
      if (queue === this.claimQueue) return;
    }
  }

  /**
   * Records the paragraph's mentions now and queues its claim checks: in the background when it can check them
   * (the page's thread is spared compiling the checker), else here once the claim tables are in.
   */
  private deferClaims(
    p: Paragraph,
    steps: Steps<ParagraphMatches | null>,
    mentions: readonly MentionHit[],
    carried: ReadonlySet<EntityId>,
    pause: () => Promise<void>,
    wanted: () => boolean,
  ): void {
    const sentences = this.record(p, mentions.length > 0 ? { mentions: [...mentions], claims: [] } : null);
    const waiting: DeferredClaims = { p, dropped: false };
    this.deferred.add(waiting);
    const here = async () => {
      const clock = this.claimClock;
      // The clock restarts only after the thread was given back: paragraphs checked one after another in a task
      // share its budget.
      if (!this.matcher.hasClaimTables) {
        await this.matcher.loadClaims();
        clock.restart();
      }
      for (;;) {
        if (waiting.dropped || !wanted()) return;
        const state = advance(steps, clock);
        if (state.kind === 'done') {
          this.recordClaims(p, state.result?.claims ?? [], sentences);
          return;
        }
        await pause();
        clock.restart();
      }
    };
    let check = here;
    if (this.remote && p.text.length <= CLAIMS_CHECK_TEXT_MAX) {
      // Sent now, with the paragraphs of the same slice; recorded in document order. If the background cannot
      // answer, the paragraph is checked here after all.
      const remote = this.remote.add({ text: p.text, carried: [...carried], pageDate: this.context.pageDate ?? null });
      remote.catch(() => undefined);
      check = () =>
        remote.then((hits) => {
          if (!waiting.dropped && wanted()) this.recordClaims(p, hits, sentences);
        }, here);
    }
    // One paragraph at a time, so the queue's slices stay within budget; a failure drops that paragraph's claims only.
    this.claimQueue = this.claimQueue
      .then(check)
      .catch(() => undefined)
      .finally(() => this.deferred.delete(waiting));
  }

  /** Records a paragraph's matches; returns its sentences (for claims added later), or null. */
  private record(p: Paragraph, result: ParagraphMatches | null): Sentences | null {
    if (!result) {
      // Whitespace between two blocks is a paragraph of its own to the scanner, not one to the reader.
      if (NON_SPACE.test(p.text)) this.carried = NO_SUBJECTS;
      return null;
    }
    this.carried = mentionedEntities(result);
    const sentences = newSentences();
    for (const m of result.mentions) {
      const text = rendered(m.text);
      const record: MentionRecord = {
        kind: 'mention',
        entityId: m.entityId,
        text: this.mentionTexts.get(text) ?? (this.mentionTexts.set(text, text), text),
        sentence: sentenceText(p, m.sentence, sentences),
        range: paragraphRange(p, m.start, m.end),
        claims: NO_CLAIMS,
      };
      this.add(record, nodesBetween(p, m.start, m.end));
      sentences.mentions.set(m.sentence[0], [...(sentences.mentions.get(m.sentence[0]) ?? []), record]);
    }
    this.recordClaims(p, result.claims, sentences);
    return sentences;
  }

  /** Records a paragraph's claims; a mention's card carries the flags of its own sentence. */
  private recordClaims(p: Paragraph, claims: readonly ClaimHit[], recorded: Sentences | null): void {
    const sentences = recorded ?? newSentences();
    for (const c of claims) {
      const record: ClaimRecord = {
        kind: 'claim',
        claimId: c.claimId,
        entityId: c.entity,
        verdict: c.verdict,
        stance: c.stance,
        ...(c.trueUntil ? { trueUntil: c.trueUntil } : {}),
        sentence: sentenceText(p, c.sentence, sentences),
        range: paragraphRange(p, c.start, c.end),
        needsPageMention: c.needsPageMention,
      };
      this.add(record, nodesBetween(p, c.start, c.end));
      if (isFlag(record)) for (const mention of sentences.mentions.get(c.sentence[0]) ?? []) mention.claims = [...mention.claims, record];
    }
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
    this.dropDeferred((p) => p.nodes.some((node) => root.contains(node)));
    this.removeWhere((r) => root.contains(r.range.startContainer));
  }

  /** Forgets marks whose text left the document. */
  dropDisconnected(): void {
    this.dropDeferred((p) => p.nodes.some((node) => !node.isConnected));
    this.removeWhere((r) => !r.range.startContainer.isConnected || !r.range.endContainer.isConnected || r.range.collapsed);
  }

  /** Forgets every mark and removes every highlight (and its registration): the page is as we found it. */
  clear(): void {
    this.dropDeferred(() => true);
    this.highlighter.clear();
    this.unverified = [];
    this.mentions = [];
    this.claims = [];
    this.shown.clear();
    this.mentionsOf.clear();
    this.byNode.clear();
    this.nodesOf.clear();
    this.mentionTexts.clear();
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

  /** Whether the page has any mark a pointer could be on (cheap: asked on every pointer move). */
  get hasMarks(): boolean {
    return this.mentions.length > 0 || this.shown.size > 0;
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

  /** Paragraphs whose text is rescanned or gone get no claims from an earlier scan. */
  private dropDeferred(predicate: (p: Paragraph) => boolean): void {
    for (const waiting of this.deferred) {
      if (!predicate(waiting.p)) continue;
      waiting.dropped = true;
      this.deferred.delete(waiting);
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
