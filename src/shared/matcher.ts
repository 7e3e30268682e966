/**
 * Finds mentions of the three subjects, and the misclaims stated about them,
 * in one paragraph of text. Pure: the content script feeds it paragraphs built
 * from the page's text nodes; tests feed it fixtures and the seed pages.
 *
 * One compiled regex holds every alias (longest first, so "Claude Mythos
 * Preview" wins over "Mythos") plus the triggers of page-scoped claim patterns,
 * so a paragraph with nothing of interest costs a single regex scan. Only
 * paragraphs with a hit pay for context checks and sentence splitting.
 */
import type { AliasContext, EntityId } from '../data/schema';
import { compileClaimRules, matchInSentence, mayMatch, type CompiledClaimPattern } from './claim-patterns';
import { splitSentences, type Span } from './sentences';
import { prepareMatcher } from './matcher-sources';
import type { MatcherConfig } from './views';

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
  verdict: CompiledClaimPattern['verdict'];
  /** The part of the sentence the pattern matched (paragraph offsets). */
  start: number;
  end: number;
  sentence: Span;
  /** True when the claim counts only if its subject is mentioned elsewhere on the page. */
  needsPageMention: boolean;
}

export interface ParagraphMatches {
  mentions: MentionHit[];
  claims: ClaimHit[];
}

interface AliasEntry {
  entityId: EntityId;
  context: AliasContext;
  /** Set for case-sensitive aliases: the exact (whitespace-normalised) text required. */
  exact: string | undefined;
}

interface EntityCues {
  topic: RegExp | null;
  specific: RegExp | null;
  veto: RegExp | null;
}

const NONE: ReadonlySet<EntityId> = new Set();

/** The subjects a paragraph's matches mention: what it carries over to the next paragraph. */
export function mentionedEntities(matches: ParagraphMatches | null): ReadonlySet<EntityId> {
  return matches ? new Set(matches.mentions.map((m) => m.entityId)) : NONE;
}

/** Case-insensitive lookup key for matched alias text. */
function aliasKey(text: string, caseSensitive = false): string {
  const normal = text
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/’/g, "'")
    .replace(/[‐‑–]/g, '-');
  return caseSensitive ? normal : normal.toLowerCase();
}

export class Matcher {
  readonly datasetVersion: string;
  private readonly scanner: RegExp;
  private readonly aliases = new Map<string, AliasEntry[]>();
  private readonly cues = new Map<EntityId, EntityCues>();
  private readonly patterns: CompiledClaimPattern[];
  /** A few literal keys that every alias and page-claim trigger contains (see keyRegex), or null. */
  private readonly prefilter: RegExp | null;
  /** The prefilter's source: a content script finds the parts of a page worth walking with it. */
  readonly keySource: string | null;

  constructor(config: MatcherConfig) {
    this.datasetVersion = config.datasetVersion;
    for (const entity of config.entities) {
      for (const alias of entity.aliases) {
        const key = aliasKey(alias.text);
        const entries = this.aliases.get(key) ?? [];
        entries.push({ entityId: entity.id, context: alias.context, exact: alias.caseSensitive ? aliasKey(alias.text, true) : undefined });
        this.aliases.set(key, entries);
      }
    }
    const prepared = config.prepared ?? prepareMatcher(config);
    const regex = (source: string | null) => (source === null ? null : new RegExp(source, 'i'));
    for (const c of prepared.cues) this.cues.set(c.entity, { topic: regex(c.topic), specific: regex(c.specific), veto: regex(c.veto) });
    this.patterns = compileClaimRules(config.claims);
    this.scanner = new RegExp(prepared.scanner, 'gi');
    this.prefilter = regex(prepared.prefilter);
    this.keySource = prepared.prefilter;
  }

  /**
   * Mentions and claims in one paragraph, or null when it has none (the common, cheap case).
   * `carried`: subjects mentioned in the paragraph just before, which vouch for vague references
   * here ("…delayed the AI executive order. ¶ He said the order would have…").
   */
  scanParagraph(text: string, carried: ReadonlySet<EntityId> = NONE): ParagraphMatches | null {
    // Most paragraphs contain none of the keys: a scan for a handful of literals rules them out
    // at half the cost of the full alias regex.
    if (this.prefilter && !this.prefilter.test(text)) return null;
    const candidates: Array<{ start: number; end: number; text: string; entry: AliasEntry }> = [];
    let triggered = false;
    const scanner = this.scanner;
    scanner.lastIndex = 0;
    for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
      if (m[0].length === 0) {
        scanner.lastIndex++;
        continue;
      }
      const entries = this.aliases.get(aliasKey(m[0]));
      if (!entries) {
        triggered = true;
        continue;
      }
      for (const entry of entries) {
        if (entry.exact === undefined || entry.exact === aliasKey(m[0], true)) {
          candidates.push({ start: m.index, end: m.index + m[0].length, text: m[0], entry });
        }
      }
    }
    if (candidates.length === 0 && !triggered) return null;

    const sentences = splitSentences(text);
    const sentenceOf = (offset: number): Span => sentences.find((s) => offset >= s[0] && offset < s[1]) ?? [0, text.length];
    const mentions = this.resolveContext(text, candidates, sentenceOf, carried);
    const claims = this.findClaims(text, sentences, mentions);
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
    const hasConfirmed = (entity: EntityId, except: number) =>
      carried.has(entity) || confirmed.some((m) => m.entityId === entity && m.start !== except);
    // Unambiguous aliases first; they then vouch for contextual ones in the same paragraph.
    for (const level of ['none', 'topic', 'specific'] as const) {
      for (const c of candidates) {
        if (c.entry.context !== level) continue;
        const cues = this.cues.get(c.entry.entityId);
        const sentence = sentenceOf(c.start);
        if (level !== 'none' && cues) {
          // A look-alike word vetoes within the sentence; for the vaguest aliases ("the order") within the paragraph.
          const vetoScope = level === 'specific' ? text : text.slice(sentence[0], sentence[1]);
          if (cues.veto?.test(vetoScope)) continue;
          // A look-alike elsewhere in the paragraph ("…revoked Biden's order. The executive order had…") leaves a
          // generic name ambiguous: a detail of this subject in its own sentence, or its unambiguous name in
          // the paragraph, must settle it. The previous paragraph's subjects do not: the look-alike is closer.
          if (level === 'topic' && cues.veto?.test(text)) {
            const rest = text.slice(sentence[0], c.start) + ' ' + text.slice(c.end, sentence[1]);
            const named = confirmed.some((m) => m.entityId === c.entry.entityId && m.context === 'none');
            if (!named && !cues.specific?.test(rest)) continue;
          }
          const cue = level === 'topic' ? cues.topic : cues.specific;
          if (!cue?.test(text) && !hasConfirmed(c.entry.entityId, c.start)) continue;
        }
        confirmed.push({ entityId: c.entry.entityId, start: c.start, end: c.end, text: c.text, context: level, sentence });
      }
    }
    confirmed.sort((a, b) => a.start - b.start);
    // Two aliases can match the same text (the same phrase listed for two subjects): keep the first.
    return confirmed.filter((m, i) => i === 0 || m.start >= confirmed[i - 1]!.end);
  }

  private findClaims(text: string, sentences: readonly Span[], mentions: readonly MentionHit[]): ClaimHit[] {
    const inParagraph = new Set(mentions.map((m) => m.entityId));
    // Patterns whose required words are absent cannot match: most paragraphs never run (or compile) them.
    const lower = text.toLowerCase();
    const candidates = this.patterns.filter((p) => (inParagraph.has(p.entity) || p.scope === 'page') && mayMatch(p, lower));
    if (candidates.length === 0) return [];
    const hits: ClaimHit[] = [];
    for (const sentence of sentences) {
      const sentenceText = text.slice(sentence[0], sentence[1]);
      // Lower-cased on its own: lower-casing can change a text's length, so `lower` cannot be sliced.
      const lowerSentence = sentences.length === 1 ? lower : sentenceText.toLowerCase();
      const inSentence = new Set(mentions.filter((m) => m.start >= sentence[0] && m.start < sentence[1]).map((m) => m.entityId));
      for (const pattern of candidates) {
        const mentioned = pattern.scope === 'sentence' ? inSentence.has(pattern.entity) : inParagraph.has(pattern.entity);
        if (!mentioned && pattern.scope !== 'page') continue;
        // The same literal test per sentence: a regex never run is never compiled either.
        if (!mayMatch(pattern, lowerSentence)) continue;
        if (hits.some((h) => h.claimId === pattern.claimId && h.sentence === sentence)) continue;
        const span = matchInSentence(pattern, sentenceText);
        if (!span) continue;
        hits.push({
          claimId: pattern.claimId,
          entity: pattern.entity,
          verdict: pattern.verdict,
          start: sentence[0] + span[0],
          end: sentence[0] + span[1],
          sentence,
          needsPageMention: !mentioned,
        });
      }
    }
    return hits;
  }
}
