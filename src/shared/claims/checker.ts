/**
 * The claim checker: for each sentence that mentions a subject, what it asserts
 * about the subject's typed values (a date bound to an event, a quantity near a
 * noun, a modality, a role, a title) compared with the dataset's checks, plus the
 * hand-written patterns of claims that have no typed form; then the sentence's
 * stance (asserts / reports / refutes) and time (true when it was written?).
 */
import type { EntityId } from '../../data/vocabulary';
import type { CompiledClaimPattern } from '../claim-patterns';
import { mayMatch, matchInSentence } from '../claim-patterns';
import type { Span } from '../sentences';
import { drain, type Steps } from '../steps';
import type { ConceptGroup, PackedGroup } from './concept-gate';
import type { Occurrence } from './concepts';
import { findDates } from './dates';
import { createFolder } from './fold';
import { ConceptIndex, HARD_BREAK, SentenceFacts } from './sentence-facts';
import { findSlot, type EventVocabulary } from './slots';
import { correctedAfter, opensWithContrast, refutesPrevious, stanceOf } from './stance';
import type { CheckRule, ConceptTable, Slot, Stance } from './types';

export interface CheckerConfig {
  checks: CheckRule[];
  /** Each concept's phrase lists, regional Chinese spellings included (compiled on first use). */
  concepts: ConceptTable;
  /**
   * Each concept's phrases grouped by the literal they contain (concept-gate.ts), derived when the extension is
   * built (the shipped table then leaves those concepts' lists empty); derived on first use when absent.
   */
  groups?: Record<string, Array<ConceptGroup | PackedGroup> | null>;
  /** Traditional→Simplified pairs, concatenated (src/data/generated/zh-variants.json). */
  foldPairs: string;
}

export interface Finding {
  claimId: string;
  entity: EntityId;
  /** Paragraph offsets of the words that state the claim. */
  start: number;
  end: number;
  sentence: Span;
  stance: Stance;
  /** Set when the sentence was true when written: the claim stopped being true on this day. */
  trueUntil?: string;
  /** True when the subject is not mentioned in the paragraph (page-scoped): counts only if the page mentions it. */
  needsPageMention: boolean;
}

export interface ParagraphInput {
  text: string;
  sentences: readonly Span[];
  /** Subjects mentioned in each sentence (same order as `sentences`). */
  inSentence: ReadonlyArray<ReadonlySet<EntityId>>;
  inParagraph: ReadonlySet<EntityId>;
  /** Regex patterns pre-filtered for this paragraph (claims without a typed form). */
  patterns: readonly CompiledClaimPattern[];
  /** The page's publication date (ISO), when known. */
  pageDate?: string | null;
}

interface RawHit {
  claimId: string;
  entity: EntityId;
  sentenceIndex: number;
  anchor: Occurrence;
  parts: Occurrence[];
  truthStated: boolean;
  check: CheckRule | null;
  needsPageMention: boolean;
}

export class ClaimChecker {
  private readonly fold: (text: string) => string;
  private readonly index: ConceptIndex;
  private readonly vocab: EventVocabulary;
  private readonly checks: readonly CheckRule[];
  private readonly typed: ReadonlySet<string>;

  constructor(config: CheckerConfig) {
    this.fold = createFolder(config.foldPairs);
    this.index = new ConceptIndex(config.concepts, config.groups);
    this.checks = config.checks;
    this.typed = new Set(config.checks.map((c) => c.claim));
    const events = new Set<string>(['events-other']);
    for (const check of config.checks)
      for (const slot of [...check.all, ...(check.truth ?? []).flat()]) if ('event' in slot) events.add(slot.event);
    this.vocab = { events: [...events] };
  }

  /** Entities that have typed checks of a scope wider than the sentence (page-scoped triggers). */
  get pageChecks(): readonly CheckRule[] {
    return this.checks.filter((c) => c.scope === 'page');
  }

  /** Folds text the way the checks see it (exposed for tests and the lookup of selected text). */
  foldText(text: string): string {
    return this.fold(text);
  }

  findings(input: ParagraphInput): Finding[] {
    return drain(this.findingSteps(input));
  }

  /** The findings, one pause after each check run on a sentence and each pattern tried (steps.ts). */
  *findingSteps(input: ParagraphInput): Steps<Finding[]> {
    const folded = unquote(this.fold(input.text));
    // Run-on "sentences" (a table flattened into one line, a wall of text) are read in windows: a claim is a
    // clause, and the checks' distances are quadratic in a sentence's length.
    const units = input.sentences.flatMap((span, index) => windows(folded, span).map((w) => ({ window: w, index })));
    const facts = units.map(
      ({ window: [a, b] }) => new SentenceFacts(folded.slice(a, b), input.text.slice(a, b), this.index, input.pageDate ?? null),
    );
    const raw: RawHit[] = [];
    for (const [i, unit] of units.entries()) {
      const sentenceFacts = facts[i]!;
      const inSentence = input.inSentence[unit.index]!;
      for (const check of this.checks) {
        const mentioned = check.scope === 'sentence' ? inSentence.has(check.entity) : input.inParagraph.has(check.entity);
        if (!mentioned && check.scope !== 'page') continue;
        const hit = this.runCheck(check, sentenceFacts);
        yield;
        if (!hit || raw.some((h) => h.sentenceIndex === i && h.claimId === check.claim)) continue;
        // "Biden's EO 14110 required developers to report safety tests; EO 14409 relies on sharing": a clause
        // about a look-alike (another order), in a sentence that does not name the subject, is about it.
        if (!inSentence.has(check.entity) && this.aboutLookalike(check.entity, sentenceFacts, hit.anchor)) continue;
        // Within a group the first (most specific) check owns the words it matched: "a mandatory 90-day review"
        // is that claim, not also "requires review"; a separate clause can still state another of the group.
        const owner =
          check.group && raw.find((h) => h.sentenceIndex === i && h.check?.group === check.group && overlaps(h.anchor, hit.anchor));
        if (owner) continue;
        raw.push({ ...hit, claimId: check.claim, entity: check.entity, sentenceIndex: i, check, needsPageMention: !mentioned });
      }
      for (const pattern of input.patterns) {
        // Hand-written patterns stand in only for claims without a typed check.
        if (this.typed.has(pattern.claimId)) continue;
        const mentioned = pattern.scope === 'sentence' ? inSentence.has(pattern.entity) : input.inParagraph.has(pattern.entity);
        if (!mentioned && pattern.scope !== 'page') continue;
        if (raw.some((h) => h.sentenceIndex === i && h.claimId === pattern.claimId)) continue;
        if (!mayMatch(pattern, sentenceFacts.text)) continue;
        // Folded text: a Traditional-character page matches the Simplified patterns too.
        const span = matchInSentence(pattern, sentenceFacts.text);
        yield;
        if (!span) continue;
        const anchor = { start: span[0], end: span[1] };
        raw.push({
          claimId: pattern.claimId,
          entity: pattern.entity,
          sentenceIndex: i,
          anchor,
          parts: [anchor],
          truthStated: false,
          check: null,
          needsPageMention: !mentioned,
        });
      }
    }
    if (raw.length === 0) return [];
    return this.resolve(raw, facts, units, input);
  }

  private aboutLookalike(entity: string, facts: SentenceFacts, anchor: Occurrence): boolean {
    const concept = `lookalike-${entity}`;
    return this.index.has(concept) && facts.find(concept).some((o) => sameClause(facts.text, o, anchor));
  }

  /** The check's slots in the sentence, or null when one is missing or an `unless` concept is present. */
  private runCheck(check: CheckRule, facts: SentenceFacts): Pick<RawHit, 'anchor' | 'parts' | 'truthStated'> | null {
    const parts = this.fill(check.all, facts);
    if (!parts) return null;
    const anchor = { start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)) };
    if (
      check.pastEvents &&
      check.until &&
      // On a page written before the title ended, it was the title then: the time rule says "true until".
      !(facts.today && facts.today < check.until) &&
      // "Fed Chair Powell, who met bank CEOs in April, faces questions this week": the title is used today.
      !facts.has('present-marker') &&
      facts.dates.some((d) => d.month !== undefined && isoOf(d.year ?? 2026, d.month, d.day ?? 1) < check.until!)
    )
      return null;
    // A negated exception is none: "killed it in May and it never came back" is still final.
    if (check.unless?.some((c) => facts.find(c).some((o) => sameClause(facts.text, o, anchor) && !negatedRightBefore(facts, o))))
      return null;
    return { anchor, parts, truthStated: this.statesTruth(check, facts, anchor) };
  }

  /** Whether the sentence states the check's true value: in the claim's own clause when `anchor` is given. */
  private statesTruth(check: CheckRule, facts: SentenceFacts, anchor?: Occurrence): boolean {
    return (check.truth ?? []).some((slots) => {
      const parts = this.fill(slots, facts);
      if (parts === null) return false;
      // "has not said when they will be restored", 尚未说明何时恢复: a negated true value is not stated.
      if (parts.some((p) => negatedJustBefore(facts, p))) return false;
      if (!anchor) return true;
      // In the claim's own clause; or in another clause of the sentence set against it ("…, but the text gives
      // it to Treasury"), never across a semicolon ("CISA issues guidance…; Treasury/NSA/CISA develop…").
      return parts.every(
        (p) => sameClause(facts.text, p, anchor) || (!HARD_BREAK.test(between(facts.text, p, anchor)) && facts.has('stance-contrast')),
      );
    });
  }

  /**
   * One span per slot such that each later slot's constraints (`within`, `after`) hold against the earlier
   * ones: tries each occurrence of the first slot ("the models … Fable 5 … suspended" anchors on Fable 5),
   * then the nearest occurrence of every later one.
   */
  private fill(slots: readonly Slot[], facts: SentenceFacts): Occurrence[] | null {
    const [first, ...rest] = slots;
    if (!first) return [];
    for (const start of findSlot(first, facts, this.vocab, []).slice(0, 8)) {
      const parts = [start];
      for (const slot of rest) {
        const found = findSlot(slot, facts, this.vocab, parts);
        if (found.length === 0) break;
        parts.push(closest(found, parts));
      }
      if (parts.length === slots.length) return parts;
    }
    return null;
  }

  /** Stance per hit, then what neighbouring sentences say about it, then time. */
  private resolve(
    raw: RawHit[],
    facts: SentenceFacts[],
    units: ReadonlyArray<{ window: Span; index: number }>,
    input: ParagraphInput,
  ): Finding[] {
    const stances = raw.map((h) => stanceOf(facts[h.sentenceIndex]!, h.anchor, h.parts, h.truthStated));
    raw.forEach((hit, i) => {
      if (stances[i] === null || stances[i] === 'refutes') return;
      // "Outlets reported it was signed June 3, but that date reflects their time zones; Trump signed it on June 2":
      // a report set beside the true value anywhere in its sentence is being corrected, even across a semicolon.
      const sentence = facts[hit.sentenceIndex]!;
      if (stances[i] === 'reports' && ((hit.check && this.statesTruth(hit.check, sentence)) || correctedAfter(sentence, hit.anchor))) {
        stances[i] = 'refutes';
        return;
      }
      const next = facts[hit.sentenceIndex + 1];
      // "A post said it was signed on June 3. That is false." / "…June 3. In fact, it was signed June 2."
      const contradicted =
        next &&
        (refutesPrevious(next) ||
          (opensWithContrast(next) &&
            ((hit.check && this.statesTruth(hit.check, next)) || next.has('stance-refute') || next.has('stance-negation'))));
      if (contradicted) stances[i] = 'refutes';
      // A paragraph that refutes the claim elsewhere, or sets out to correct ("To clarify: …"), only quotes it here.
      else if (
        stances[i] === 'reports' &&
        (raw.some((o, j) => j !== i && o.claimId === hit.claimId && stances[j] === 'refutes') ||
          facts.some((f, j) => j !== hit.sentenceIndex && refutesAbout(f, input.inSentence[units[j]!.index]!.has(hit.entity))))
      )
        stances[i] = 'refutes';
      // A paragraph that opens by refuting the claim goes on to explain it: "'CFT measures' had nothing to do with
      // it. The phrase … refers to countering the financing of terrorism." (A writer does not then assert it.)
      else if (
        stances[i] === 'asserts' &&
        raw.some((o, j) => j < i && o.claimId === hit.claimId && o.sentenceIndex < hit.sentenceIndex && stances[j] === 'refutes')
      )
        stances[i] = 'refutes';
    });
    const paragraphDate = writtenDate(folded(input.text, this.fold), input.text);
    const out: Finding[] = [];
    raw.forEach((hit, i) => {
      const stance = stances[i];
      if (!stance) return;
      const unit = units[hit.sentenceIndex]!;
      const [s0] = unit.window;
      const until = hit.check?.until;
      // A headline in a list carries its own date; else the paragraph's dateline; else the page's date.
      const sentence = facts[hit.sentenceIndex]!;
      const written = lineDate(sentence, hit.anchor) ?? writtenDate(sentence.text, sentence.raw) ?? paragraphDate ?? input.pageDate ?? null;
      out.push({
        claimId: hit.claimId,
        entity: hit.entity,
        start: s0 + hit.anchor.start,
        end: s0 + hit.anchor.end,
        sentence: input.sentences[unit.index]!,
        stance,
        ...(until && written && written < until ? { trueUntil: until } : {}),
        needsPageMention: hit.needsPageMention,
      });
    });
    return out;
  }
}

/**
 * Quotation marks as spaces (same length): "making NSA 'screen' every new model" and 让NSA「审查」所有模型 say
 * what they would say unquoted. Apostrophes inside words (Trump's, don't) stay.
 */
function unquote(text: string): string {
  return text
    .replace(/"/g, ' ')
    .replace(/(^|[^a-z0-9])'|'(?![a-z0-9])/g, (m, before: string | undefined) => (before === undefined ? ' ' : `${before} `));
}

const WINDOW = 600;

/** A sentence's span, or windows of it cut at commas or spaces when it runs past WINDOW characters. */
function windows(text: string, [start, end]: Span): Span[] {
  if (end - start <= WINDOW * 1.5) return [[start, end]];
  const out: Span[] = [];
  let from = start;
  while (end - from > WINDOW * 1.5) {
    const slice = text.slice(from, from + WINDOW);
    const cut = Math.max(slice.lastIndexOf(', '), slice.lastIndexOf('，'), slice.lastIndexOf(' '));
    const to = from + (cut > WINDOW / 2 ? cut + 1 : WINDOW);
    out.push([from, to]);
    from = to;
  }
  out.push([from, end]);
  return out;
}

/** A clause boundary between two spans: "…the May draft was voluntary, and the final order requires…". */
const CLAUSE_SPLIT = /[;；。]|\s-\s|[,，]\s*(?:and|but|while|whereas|although|though|yet)\s|[,，]\s*(?:而|但|但是|然而|不过|可是)/;

function between(text: string, a: Occurrence, b: Occurrence): string {
  return a.end <= b.start ? text.slice(a.end, b.start) : b.end <= a.start ? text.slice(b.end, a.start) : '';
}

function sameClause(text: string, a: Occurrence, b: Occurrence): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  const [left, right] = a.end <= b.start ? [a, b] : [b, a];
  return !CLAUSE_SPLIT.test(text.slice(left.end, right.start));
}

/** A negation a few words before a span, in the same clause ("not restored", "尚未…恢复"). */
function negatedJustBefore(facts: SentenceFacts, part: Occurrence): boolean {
  return facts.find('stance-negation').some((m) => {
    if (m.end > part.start) return false;
    const gap = facts.text.slice(m.end, part.start);
    return gap.length <= 24 && !CLAUSE_SPLIT.test(gap) && !/[,，]|\b(?:but|rather|instead)\b|而是|但|却/.test(gap);
  });
}

/** A negation right before a span, nothing but words between ("never came back", 从未恢复). */
function negatedRightBefore(facts: SentenceFacts, part: Occurrence): boolean {
  return facts.find('stance-negation').some((m) => m.end <= part.start && /^[\s\w'-]{0,12}$/.test(facts.text.slice(m.end, part.start)));
}

/**
 * A sentence that refutes something: a denial ("Musk denied pressuring the White House") is about what it names, so
 * it counts only when the sentence names the claim's subject; a verdict word ("false", "no basis") counts anywhere.
 */
function refutesAbout(facts: SentenceFacts, namesSubject: boolean): boolean {
  return facts.find('stance-refute').some((m) => namesSubject || !/^(?:denied|denies|deny)$/.test(facts.text.slice(m.start, m.end)));
}

const overlaps = (a: Occurrence, b: Occurrence) => a.start < b.end && b.start < a.end;
const folded = (text: string, fold: (t: string) => string) => fold(text);

/** Of the spans found for a slot, the one nearest the parts already chosen (the first if none). */
function closest(found: readonly Occurrence[], chosen: readonly Occurrence[]): Occurrence {
  if (chosen.length === 0) return found[0]!;
  const gap = (o: Occurrence) =>
    Math.min(...chosen.map((c) => (o.end <= c.start ? c.start - o.end : o.start >= c.end ? o.start - c.end : 0)));
  return found.reduce((best, o) => (gap(o) < gap(best) ? o : best));
}

/**
 * A paragraph's own date, when it carries one apart from its sentences' events: a dateline
 * ("WASHINGTON, May 21 (Reuters) -") or a date beside a headline in a list ("Trump halts AI order · May 21, 2026").
 */
export function writtenDate(folded: string, raw: string): string | null {
  for (const d of findDates(folded, raw)) {
    if (d.month === undefined || d.day === undefined) continue;
    const before = folded.slice(Math.max(0, d.start - 30), d.start);
    const after = folded.slice(d.end, d.end + 16);
    // "May 21 · Trump halts…", or a date in brackets before a headline: "・（5/21）川普喊停AI行政命令".
    const atStart =
      /^[^.。!?]*$/.test(before) &&
      d.start <= 30 &&
      (/^\s*(?:\(\w+\)\s*)?[-:|·•]/.test(after) || (/[(\[【]\s*$/.test(before) && /^\s*[)\]】]/.test(after)));
    const atEnd =
      folded
        .slice(d.end)
        .trim()
        .replace(/[)\].。|·•\s]/g, '') === '' && /[·•|,(-]\s*(?:updated\s*|published\s*|发布于\s*)?$/.test(before);
    if (atStart || atEnd) return isoOf(d.year ?? 2026, d.month, d.day);
  }
  return null;
}

/** The date of the line holding the claim, in a list of headlines each dated at its end ("· Trump halts AI order (May 21)"). */
function lineDate(sentence: SentenceFacts, anchor: Occurrence): string | null {
  const from = sentence.text.lastIndexOf('\n', anchor.start - 1) + 1;
  const found = sentence.text.indexOf('\n', anchor.end);
  const to = found === -1 ? sentence.text.length : found;
  if (from === 0 && to === sentence.text.length) return null;
  return writtenDate(sentence.text.slice(from, to), sentence.raw.slice(from, to));
}

const isoOf = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
