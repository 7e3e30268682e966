/**
 * Finds mentions of the three subjects, and the misclaims stated about them,
 * in one paragraph of text. Pure: the content script feeds it paragraphs built
 * from the page's text nodes; tests feed it fixtures and the seed pages.
 *
 * This is the matcher without the claim checker's code (a third of the content script's, issue 16): the content
 * script uses it as it is and gets the checker with the claim tables, from the module it loads only when it must
 * check claims itself (LoadedClaims.createChecker). Everything else uses `Matcher` (matcher.ts), which brings the
 * checker along.
 *
 * One compiled regex holds every alias (longest first, so "Claude Mythos
 * Preview" wins over "Mythos") plus the triggers of page-scoped claim patterns,
 * so a paragraph with nothing of interest costs a single regex scan. Only
 * paragraphs with a hit pay for context checks and sentence splitting.
 */
import type { AliasContext, EntityId } from '../data/schema';
import { compileRegex, mayMatch, type CompiledClaimPattern } from './claim-patterns';
import type { CheckerConfig, ClaimChecker } from './claims/checker';
import { foldFullWidth } from './claims/fold';
import type { Stance } from './claims/types';
import {
  aliasKey,
  type AliasEntry,
  type LazyMatcherTables,
  type LoadedClaims,
  type MatcherTables,
  type PatternSource,
} from './matcher-tables';
import { PhraseScanner, type PhraseMatch } from './phrase-scanner';
import { splitSentences, type Span } from './sentences';
import { drain, NEEDS_CLAIM_TABLES, type NeedsClaimTables, type Steps } from './steps';

export interface MentionHit {
  entityId: EntityId;
  /** Offsets into the paragraph text. */
  start: number;
  end: number;
  text: string;
  context: AliasContext;
  sentence: Span;
}

export interface ClaimHit {
  claimId: string;
  entity: EntityId;
  /** The claim's verdict, or `outdated` when the sentence was true when written (see `trueUntil`). */
  verdict: CompiledClaimPattern['verdict'];
  /** Whether the sentence states the claim, repeats it without endorsing it, or refutes it. */
  stance: Stance;
  /** Set when the sentence was true when it was written: the claim stopped being true on this day. */
  trueUntil?: string;
  /** The part of the sentence the pattern matched (paragraph offsets). */
  start: number;
  end: number;
  sentence: Span;
  /** True when the claim counts only if its subject is mentioned elsewhere on the page. */
  needsPageMention: boolean;
}

/** What the page tells the checker about itself. */
export interface ScanContext {
  /** The page's publication date (ISO), when known: a sentence written before a development was true then. */
  pageDate?: string | null;
  /**
   * Subjects to treat as mentioned in every sentence: a reader's selection, or a dataset example, is about the
   * subject even when it does not name it.
   */
  assumeSubjects?: readonly EntityId[];
}

export interface ParagraphMatches {
  mentions: MentionHit[];
  claims: ClaimHit[];
}

/** A subject's context cues, each list tested for as a whole (phrase-scanner.ts). */
interface EntityCues {
  topic: PhraseScanner | null;
  specific: PhraseScanner | null;
  veto: PhraseScanner | null;
}

const cueList = (phrases: string[] | null) => (phrases === null ? null : new PhraseScanner(phrases, { prefixes: true }));

const NONE: ReadonlySet<EntityId> = new Set();

/** The subjects a paragraph's matches mention: what it carries over to the next paragraph. */
export function mentionedEntities(matches: ParagraphMatches | null): ReadonlySet<EntityId> {
  return matches ? new Set(matches.mentions.map((m) => m.entityId)) : NONE;
}

/** A claim pattern whose regexes compile on first use: most pages never run most of them. */
function lazyPattern(source: PatternSource): CompiledClaimPattern {
  let match: RegExp | undefined;
  let near: RegExp | undefined;
  let unless: RegExp | undefined;
  return {
    claimId: source.claimId,
    entity: source.entity,
    verdict: source.verdict,
    scope: source.scope,
    requires: source.requires,
    get match() {
      return (match ??= compileRegex(source.match, source.claimId));
    },
    get near() {
      return source.near === undefined ? undefined : (near ??= compileRegex(source.near, source.claimId));
    },
    get unless() {
      return source.unless === undefined ? undefined : (unless ??= compileRegex(source.unless, source.claimId));
    },
  };
}

/** Sentence openings that refer back to the previous sentence's subject. */
const OPENS_WITH_PRONOUN =
  /^\s*(?:(?:it|its|it's|they|their|this|that|these|both)\b|the (?:model|models|pair|programme|program|project|initiative|order|directive|coalition)\b|(?:该|該|这款|這款|这个|這個|这项|這項|此|它|其)(?:模型|计划|計劃|計畫|项目|項目|行政令|命令|倡议|倡議)?)/i;

/**
 * A sentence that refers back without opening with the reference: after an opening phrase ("Unlike its
 * predecessor, the model…"), as the object of a verb ("Anthropic released it in April", "The president halted
 * it"), or with a demonstrative (叫停了这项命令).
 */
const REFERS_BACK =
  /^[^,，.。]{0,40}[,，]\s*(?:it|they|the (?:model|programme|program|project|initiative|order|directive|coalition))\b|^(?:[\w'-]+\s+){1,2}the (?:model|programme|program|project|initiative|order|directive|coalition|measure|policy)\b|\b(?:[a-z]+ed|brought|put|took|made|got|left|kept|set|held|let|sent|gave|shut|cut|brings|puts|takes|makes|keeps)\s+(?:it|them)\b|(?:这项|這項|这一|這一|这份|這份|该|該|此)(?:命令|行政令|行政命令|模型|计划|計劃|計畫|项目|項目)/i;

/**
 * The scanner's alternation in two parts: the aliases and the checks' literal triggers as one list of phrases (the
 * aliases first, then the triggers), and the page-scoped claims' patterns as a regex, which come between the two in
 * the alternation's order.
 */
export interface ScanParts {
  readonly phrases: PhraseScanner;
  /** How many of the phrases are aliases (they come before the patterns; the rest after them). */
  readonly aliases: number;
  readonly patterns: RegExp | null;
}

export const scanParts = (t: Pick<MatcherTables, 'scanPhrases' | 'triggerPatterns' | 'triggerPhrases'>): ScanParts => ({
  phrases: new PhraseScanner([...t.scanPhrases, ...t.triggerPhrases]),
  aliases: t.scanPhrases.length,
  patterns: t.triggerPatterns === null ? null : new RegExp(t.triggerPatterns, 'gi'),
});

/** The patterns' first match at or after `from`. */
function nextPattern(patterns: RegExp | null, text: string, from: number): PhraseMatch | null {
  if (!patterns) return null;
  patterns.lastIndex = from;
  const m = patterns.exec(text);
  return m && { index: m.index, text: m[0], order: -1 };
}

/**
 * The scanner's non-empty matches, as its one alternation (PreparedMatcher.scanner) finds them: the leftmost match
 * wins, and at one position an alias, else a pattern, else a literal trigger. The aliases and the literal triggers
 * are found in script (phrase-scanner.ts: as a regex alternation they cost every tab ~250 KB of machine code and
 * ~13 ms of compiling on a cold page), the patterns by a regex.
 */
export function scannerMatches({ phrases, aliases, patterns }: ScanParts, text: string): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  let phrase = phrases.find(text, 0);
  let pattern = nextPattern(patterns, text, 0);
  for (let pos = 0; pos < text.length;) {
    // A match found from an earlier position still stands if it starts at or after this one.
    if (phrase && phrase.index < pos) phrase = phrases.find(text, pos);
    if (pattern && pattern.index < pos) pattern = nextPattern(patterns, text, pos);
    const m =
      phrase && (!pattern || phrase.index < pattern.index || (phrase.index === pattern.index && phrase.order < aliases)) ? phrase : pattern;
    if (!m) break;
    // As a global regex goes on: after the match, or one character on after an empty one.
    pos = m.index + Math.max(1, m.text.length);
    if (m.text.length > 0) found.push(m);
  }
  return found;
}

export class ScanMatcher {
  readonly datasetVersion: string;
  private readonly tables: MatcherTables | LazyMatcherTables;
  /** The scanner's alternation in its parts (PreparedMatcher: aliases, patterns, literal triggers), built on first use. */
  private parts: ScanParts | undefined;
  private readonly aliases: Map<string, AliasEntry[]>;
  /** Context cues per subject, compiled the first time a paragraph needs them. */
  private readonly cues = new Map<EntityId, EntityCues>();
  private patterns: CompiledClaimPattern[];
  /** Where the claim tables come from when they are not in `tables` (LazyMatcherTables), and the load under way. */
  private readonly claimSource: (() => Promise<LoadedClaims>) | undefined;
  /** The checker's code, when the loaded claim tables bring it (else newChecker). */
  private createChecker: ((config: CheckerConfig) => ClaimChecker) | undefined;
  /** Whether the first candidate mention starts loading the claim tables (LazyMatcherTables.prefetchClaims). */
  private readonly prefetchClaims: boolean;
  private claimLoad: Promise<void> | undefined;
  private checkerConfig: CheckerConfig | undefined;
  /** The claim tables could not be loaded: paragraphs get their mentions and no claims. */
  private claimsUnavailable = false;
  private checkerInstance: ClaimChecker | undefined;
  private readonly verdicts: Map<string, CompiledClaimPattern['verdict']>;
  /**
   * A few literal keys that every alias and page-claim trigger contains (see keyRegex), or null: global and
   * case-insensitive, and the one copy of it (the content script's chunked scan finds the blocks worth walking
   * with it too), so a page compiles its ~20 KB of machine code once. Users reset `lastIndex`.
   */
  readonly keys: RegExp | null;
  /** The keys' source. */
  readonly keySource: string | null;

  /**
   * From tables derived ahead of time: the content script's are compiled in by the build; anything
   * else derives them at run time (derive-matcher-tables.ts: matcherFromConfig).
   */
  constructor(tables: MatcherTables | LazyMatcherTables) {
    this.tables = tables;
    this.datasetVersion = tables.datasetVersion;
    this.verdicts = new Map(tables.verdicts);
    this.aliases = new Map(tables.aliases);
    if ('loadClaims' in tables) {
      this.patterns = [];
      this.claimSource = tables.loadClaims;
      this.prefetchClaims = tables.prefetchClaims ?? true;
    } else {
      this.patterns = tables.patterns.map(lazyPattern);
      this.checkerConfig = tables.checker;
      this.prefetchClaims = false;
    }
    this.keys = tables.prefilter === null ? null : new RegExp(tables.prefilter, 'gi');
    this.keySource = tables.prefilter;
  }

  private cuesOf(entity: EntityId): EntityCues | undefined {
    let cues = this.cues.get(entity);
    if (!cues) {
      const c = this.tables.cues.find((x) => x.entity === entity);
      if (!c) return undefined;
      cues = { topic: cueList(c.topic), specific: cueList(c.specific), veto: cueList(c.veto) };
      this.cues.set(entity, cues);
    }
    return cues;
  }

  /** The claim checker, set up the first time a paragraph has something to check. */
  private get checker(): ClaimChecker {
    const config = this.checkerConfig;
    if (!config) throw new Error('claim tables not loaded');
    return (this.checkerInstance ??= this.createChecker ? this.createChecker(config) : this.newChecker(config));
  }

  /** The claim checker for claim tables that do not bring its code: `Matcher` has it; the scan alone does not. */
  protected newChecker(_config: CheckerConfig): ClaimChecker {
    throw new Error('no claim checker: the claim tables did not bring one (use Matcher)');
  }

  /** Whether claims can be checked now (else the steps yield NEEDS_CLAIM_TABLES first). */
  get hasClaimTables(): boolean {
    return this.checkerConfig !== undefined || this.claimsUnavailable;
  }

  /**
   * Loads the claim tables of lazily built tables, once. If they cannot be loaded (the extension was reloaded
   * meanwhile, say), paragraphs keep their mentions and get no claims: the scan goes on.
   */
  loadClaims(): Promise<void> {
    return (this.claimLoad ??= (async () => {
      try {
        const loaded = await this.claimSource!();
        this.patterns = loaded.patterns.map(lazyPattern);
        this.createChecker = loaded.createChecker;
        this.checkerConfig = loaded.checker;
      } catch (error) {
        this.claimsUnavailable = true;
        console.debug('[frontier-facts] claim tables not loaded', error);
      }
    })());
  }

  /**
   * Mentions and claims in one paragraph, or null when it has none (the common, cheap case).
   * `carried`: subjects mentioned in the paragraph just before, which vouch for vague references
   * here ("…delayed the AI executive order. ¶ He said the order would have…").
   */
  scanParagraph(page: string, carried: ReadonlySet<EntityId> = NONE, context: ScanContext = {}): ParagraphMatches | null {
    const steps = this.paragraphSteps(page, carried, context);
    return steps && drain(steps);
  }

  /**
   * The same scan as steps that pause between claim checks (steps.ts), for the page's main thread; null when
   * the paragraph holds none of the keys (decided at once, without a generator: the common case).
   */
  paragraphSteps(page: string, carried: ReadonlySet<EntityId> = NONE, context: ScanContext = {}): Steps<ParagraphMatches | null> | null {
    const text = foldFullWidth(page);
    // Most paragraphs contain none of the keys: a scan for a handful of literals rules them out
    // at half the cost of the full alias regex.
    if (this.keys && !context.assumeSubjects?.length) {
      this.keys.lastIndex = 0;
      if (!this.keys.test(text)) return null;
    }
    return this.scanSteps(text, carried, context);
  }

  private *scanSteps(text: string, carried: ReadonlySet<EntityId>, context: ScanContext): Steps<ParagraphMatches | null> {
    const candidates: Array<{ start: number; end: number; text: string; entry: AliasEntry }> = [];
    let triggered = false;
    this.parts ??= scanParts(this.tables);
    for (const m of scannerMatches(this.parts, text)) {
      const entries = this.aliases.get(aliasKey(m.text));
      if (!entries) {
        triggered = true;
        continue;
      }
      for (const entry of entries) {
        if (entry.exact === undefined || entry.exact === aliasKey(m.text, true)) {
          candidates.push({ start: m.index, end: m.index + m.text.length, text: m.text, entry });
        }
      }
    }
    const assumed = context.assumeSubjects ?? [];
    if (candidates.length === 0 && !triggered && assumed.length === 0) return null;
    // A page's first candidate starts loading lazily built claim tables: the module's latency overlaps the
    // context checks (a page without a candidate never loads them).
    if (this.claimSource && this.prefetchClaims && !this.claimLoad) void this.loadClaims();
    return yield* this.contextSteps(text, candidates, carried, context);
  }

  private *contextSteps(
    text: string,
    candidates: ReadonlyArray<{ start: number; end: number; text: string; entry: AliasEntry }>,
    carried: ReadonlySet<EntityId>,
    context: ScanContext,
  ): Steps<ParagraphMatches | null> {
    const sentences = splitSentences(text);
    const sentenceOf = (offset: number): Span => sentences.find((s) => offset >= s[0] && offset < s[1]) ?? [0, text.length];
    const mentions = this.resolveContext(text, candidates, sentenceOf, carried);
    yield;
    // A paragraph that needs claims checked before lazily loaded tables are in: the caller loads them, then resumes.
    if (!this.hasClaimTables) {
      const signal: NeedsClaimTables = { kind: NEEDS_CLAIM_TABLES, mentions };
      while (!this.hasClaimTables) yield signal;
    }
    const claims = this.claimsUnavailable ? [] : yield* this.findClaims(text, sentences, mentions, carried, context);
    if (mentions.length === 0 && claims.length === 0) return null;
    return { mentions, claims };
  }

  /** Keeps the candidates whose context shows they are the subject, not a look-alike. */
  private resolveContext(
    text: string,
    candidates: ReadonlyArray<{ start: number; end: number; text: string; entry: AliasEntry }>,
    sentenceOf: (offset: number) => Span,
    carried: ReadonlySet<EntityId>,
  ): MentionHit[] {
    const confirmed: MentionHit[] = [];
    // Cue regexes run once per paragraph or sentence, not once per candidate: a page can repeat a name thousands of times.
    const memo = new Map<string, boolean>();
    const tested = (key: string, re: PhraseScanner | null | undefined, from: number, to: number) => {
      let result = memo.get(key);
      if (result === undefined) memo.set(key, (result = re?.test(text.slice(from, to)) ?? false));
      return result;
    };
    const hasConfirmed = (entity: EntityId, except: number) =>
      carried.has(entity) || confirmed.some((m) => m.entityId === entity && m.start !== except);
    // Unambiguous aliases first; they then vouch for contextual ones in the same paragraph.
    for (const level of ['none', 'topic', 'specific'] as const) {
      for (const c of candidates) {
        if (c.entry.context !== level) continue;
        const cues = this.cuesOf(c.entry.entityId);
        const sentence = sentenceOf(c.start);
        if (level !== 'none' && cues) {
          // A look-alike word vetoes within the sentence; for the vaguest aliases ("the order") within the paragraph.
          const [from, to] = level === 'specific' ? [0, text.length] : sentence;
          // A named alias survives a look-alike in another clause when its own clause names a detail of this
          // subject: "Trump signed the AI order on May 21, the same day Newsom issued his own AI order".
          if (
            tested(`veto:${c.entry.entityId}:${from}:${to}`, cues.veto, from, to) &&
            (level === 'specific' || !settledInClause(text, c, sentence, cues))
          )
            continue;
          // A look-alike elsewhere in the paragraph ("…revoked Biden's order. The executive order had…") leaves a
          // generic name ambiguous: a detail of this subject in its own sentence, or its unambiguous name in
          // the paragraph, must settle it. The previous paragraph's subjects do not: the look-alike is closer.
          if (level === 'topic' && tested(`veto:${c.entry.entityId}:all`, cues.veto, 0, text.length)) {
            const rest = text.slice(sentence[0], c.start) + ' ' + text.slice(c.end, sentence[1]);
            const named = confirmed.some((m) => m.entityId === c.entry.entityId && m.context === 'none');
            if (!named && !cues.specific?.test(rest)) continue;
          }
          const cue = level === 'topic' ? cues.topic : cues.specific;
          // A vague alias that is itself a cue ("14409") needs another one: the rest of the paragraph is tested.
          const cued =
            level === 'specific' && cue?.test(c.text)
              ? cue.test(text.slice(0, c.start) + ' ' + text.slice(c.end))
              : tested(`${level}:${c.entry.entityId}`, cue, 0, text.length);
          if (!cued && !hasConfirmed(c.entry.entityId, c.start)) continue;
        }
        confirmed.push({ entityId: c.entry.entityId, start: c.start, end: c.end, text: c.text, context: level, sentence });
      }
    }
    confirmed.sort((a, b) => a.start - b.start);
    // Two aliases can match the same text (the same phrase listed for two subjects): keep the first.
    return confirmed.filter((m, i) => i === 0 || m.start >= confirmed[i - 1]!.end);
  }

  private *findClaims(
    text: string,
    paragraphSentences: readonly Span[],
    mentions: readonly MentionHit[],
    carried: ReadonlySet<EntityId>,
    context: ScanContext,
  ): Steps<ClaimHit[]> {
    // "Q: When did Trump sign the AI order? A: June 3." states its claim across the two: they are read as one.
    const { sentences, questionEnds } = withAnswers(text, paragraphSentences, mentions);
    // The subject of the paragraph before carries over ("…delayed the AI order. ¶ The draft would have…").
    const inParagraph = new Set([...mentions.map((m) => m.entityId), ...carried]);
    // Patterns whose required words are absent cannot match: most paragraphs never run (or compile) them.
    const lower = text.toLowerCase();
    const patterns = this.patterns.filter((p) => (inParagraph.has(p.entity) || p.scope === 'page') && mayMatch(p, lower));
    const assumed = context.assumeSubjects ?? [];
    for (const entity of assumed) inParagraph.add(entity);
    const inSentence = sentences.map(
      (s) => new Set([...assumed, ...mentions.filter((m) => m.start >= s[0] && m.start < s[1]).map((m) => m.entityId)]),
    );
    // A sentence that opens with a pronoun ("It is…", "The model…", 该模型…) is about the previous sentence's subject.
    // A chain of them ("Mythos 5 arrived on June 9. The model drew interest. It is now open…") stays on it.
    const inherited = sentences.map(() => new Set<EntityId>());
    for (let i = 1; i < sentences.length; i++) {
      const [start, end] = sentences[i]!;
      if (!OPENS_WITH_PRONOUN.test(text.slice(start, start + 24)) && !REFERS_BACK.test(text.slice(start, end))) continue;
      // Only what the previous sentence names outright: "Fable 5 is generally available. It…" is not about Mythos.
      const [from, to] = sentences[i - 1]!;
      for (const m of mentions) if (m.start >= from && m.start < to && !/fable/i.test(m.text)) inherited[i]!.add(m.entityId);
      for (const entity of inherited[i - 1]!) inherited[i]!.add(entity);
      for (const entity of inherited[i]!) inSentence[i]!.add(entity);
    }
    const findings = yield* this.checker.findingSteps({
      text,
      sentences,
      inSentence,
      inParagraph,
      patterns,
      pageDate: context.pageDate ?? null,
    });
    return findings.flatMap((f) => {
      const verdict = this.verdicts.get(f.claimId);
      // A typed check for a claim the dataset does not hold (yet) stays silent.
      if (!verdict) return [];
      // Words of the question alone ("Q: Was it signed on June 3? A: No.") are asked, not stated: the answer says.
      const questionEnd = questionEnds.get(f.sentence[0]);
      let stance = f.stance;
      if (questionEnd !== undefined && f.end <= questionEnd && stance !== 'refutes') {
        const answer = text.slice(questionEnd, f.sentence[1]);
        if (NEGATIVE_ANSWER.test(answer)) stance = 'refutes';
        else if (!AFFIRMATIVE_ANSWER.test(answer)) return [];
      }
      return [
        {
          claimId: f.claimId,
          entity: f.entity,
          verdict: f.trueUntil ? 'outdated' : verdict,
          stance,
          ...(f.trueUntil ? { trueUntil: f.trueUntil } : {}),
          start: f.start,
          end: f.end,
          sentence: f.sentence,
          needsPageMention: f.needsPageMention,
        },
      ];
    });
  }
}

/** An answer in a Q&A: "A: …", "Answer: …", "答：…". */
const ANSWER_START = /^(?:A|Answer|答|回答|答案)\s*[:：]/;
const QUESTION_END = /[?？]["'”’」』)）]*$/;
const AFFIRMATIVE_ANSWER =
  /^[^\p{L}\p{N}]*(?:A|Answer|答|回答|答案)?\s*[:：]?\s*(?:yes\b|yeah\b|correct\b|right\b|indeed\b|是的|是。|对|對|没错|沒錯)/iu;
const NEGATIVE_ANSWER =
  /^[^\p{L}\p{N}]*(?:A|Answer|答|回答|答案)?\s*[:：]?\s*(?:no\b|nope\b|not\b|wrong\b|false\b|incorrect\b|不|否|并非|並非|没有|沒有|错|錯)/iu;

/**
 * The paragraph's sentences with each question joined to the answer that follows it (unless the answer names the
 * question's subjects itself), for the claim checks; and,
 * for each joined span (by its start), where its question ends.
 */
function withAnswers(
  text: string,
  sentences: readonly Span[],
  mentions: readonly MentionHit[],
): { sentences: Span[]; questionEnds: Map<number, number> } {
  const out: Span[] = [];
  const questionEnds = new Map<number, number>();
  for (let i = 0; i < sentences.length; i++) {
    const q = sentences[i]!;
    const a = sentences[i + 1];
    if (a && QUESTION_END.test(text.slice(q[0], q[1])) && ANSWER_START.test(text.slice(a[0], a[1])) && !selfContained(q, a, mentions)) {
      out.push([q[0], a[1]]);
      questionEnds.set(q[0], q[1]);
      i++;
    } else out.push(q);
  }
  return { sentences: out, questionEnds };
}

/**
 * An answer that names the question's subjects itself ("Q: Is this a licensing system? A: … the AI order builds a
 * licensing regime") is read on its own.
 */
function selfContained(question: Span, answer: Span, mentions: readonly MentionHit[]): boolean {
  const named = ([from, to]: Span) => new Set(mentions.filter((m) => m.start >= from && m.start < to).map((m) => m.entityId));
  const inAnswer = named(answer);
  return inAnswer.size > 0 && [...named(question)].every((e) => inAnswer.has(e));
}

/** A clause boundary inside a sentence: a comma, semicolon, colon, dash or bracket. */
const CLAUSE_EDGE = /[,;:()，；：（）]|\s[-–—]\s|—/g;

/**
 * Whether a candidate whose sentence holds a look-alike word is settled by its own clause: the look-alike is
 * outside it, and the clause (the candidate's words aside) holds one of the subject's specific cues.
 */
function settledInClause(
  text: string,
  c: { start: number; end: number },
  [from, to]: Span,
  cues: { veto?: PhraseScanner | null; specific?: PhraseScanner | null },
): boolean {
  if (!cues.specific || !cues.veto) return false;
  let start = from;
  let end = to;
  CLAUSE_EDGE.lastIndex = from;
  for (let m = CLAUSE_EDGE.exec(text); m && m.index < to; m = CLAUSE_EDGE.exec(text)) {
    if (m.index + m[0].length <= c.start) start = m.index + m[0].length;
    else if (m.index >= c.end) {
      end = m.index;
      break;
    }
  }
  const clause = text.slice(start, c.start) + ' ' + text.slice(c.end, end);
  return !cues.veto.test(text.slice(start, end)) && cues.specific.test(clause);
}
