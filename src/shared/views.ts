/**
 * Shapes the background sends to the UIs: derived from the dataset records,
 * resolved (sources inlined) so a card or a search result renders without
 * further lookups.
 */
import type { Stance } from './claims/types';
import type { Claim, EntityId, Fact, FactStatus, LocalizedText, Source, SourceTier, Verdict } from '../data/schema';

export interface SourceView {
  id: string;
  outlet: string;
  /** Null when the headline is not known. */
  title: string | null;
  /** Null only for a captured page with no public address (shown, never linked). */
  url: string | null;
  published: string | null;
  tier: SourceTier;
  /** The publisher whose article this page reproduces ("AFP, via Tech Xplore"). */
  originalPublisher?: string;
}

export interface FactView {
  id: string;
  entity: EntityId;
  statement: LocalizedText;
  status: FactStatus;
  asOf: string;
  rank: number;
  sources: SourceView[];
  sides?: Array<{ statement: LocalizedText; sources: SourceView[] }>;
  /** When the development the fact reports took place (ISO date). */
  happened?: string;
  /** The day it stopped being true (ISO date): shown as history. */
  until?: string;
}

/** A dated development of a subject (a signing, a directive), for "since this was published". */
export interface DevelopmentView {
  factId: string;
  /** ISO date. */
  happened: string;
  statement: LocalizedText;
  status: FactStatus;
}

/**
 * How a sentence relates to a misclaim it contains (set by the claim checker; absent means
 * `asserts`): it states it, reports that someone said it, or refutes it (then it is no flag).
 */
/** Whether a sentence states a claim, repeats it without endorsing it, or refutes it (the checker's stance). */
export type ClaimStance = Stance;

export interface ClaimView {
  id: string;
  entity: EntityId;
  claim: LocalizedText;
  verdict: Verdict;
  correction: LocalizedText;
  sources: SourceView[];
  /** Pages where the claim was seen. */
  seenIn: SourceView[];
}

export interface CardData {
  entityId: EntityId;
  name: LocalizedText;
  description: LocalizedText;
  facts: FactView[];
  claims: ClaimView[];
  /** The subject's dated developments, newest first (unconfirmed ones left out). */
  developments: DevelopmentView[];
  datasetVersion: string;
  datasetDate: string;
  /** The last day the research searched for news (meta.searched); absent from older stores. */
  datasetSearched?: string;
}

/** What "Look up in Frontier Facts" found in a selected text, checked by the page scan's matcher. */
export interface LookupResult {
  text: string;
  /** Misclaims the text states or reports (refuted ones left out), in text order. */
  claims: Array<{ claim: ClaimView; sentence: string; stance?: ClaimStance; trueUntil?: string }>;
  /** The subjects it mentions (or whose misclaims it states), with their key facts. */
  subjects: CardData[];
}

export type SearchResult = { kind: 'fact'; score: number; fact: FactView } | { kind: 'claim'; score: number; claim: ClaimView };

export interface DatasetInfo {
  version: string;
  date: string;
  /** The last day the research searched for news (meta.searched). */
  searched?: string;
  counts: { entities: number; facts: number; claims: number; sources: number };
  byStatus: Record<FactStatus, number>;
}

export function sourceView(s: Source): SourceView {
  return {
    id: s.id,
    outlet: s.outlet,
    title: s.title,
    url: s.url,
    published: s.published,
    tier: s.tier,
    ...(s.originalPublisher ? { originalPublisher: s.originalPublisher } : {}),
  };
}

const TIER_ORDER: Record<SourceTier, number> = { official: 0, wire: 1, outlet: 2, analysis: 3, secondary: 4 };

/** Strongest first: by tier, dated before undated. A stable sort keeps the author's order otherwise. */
export function strongestFirst(sources: readonly SourceView[]): SourceView[] {
  const weight = (s: SourceView) => TIER_ORDER[s.tier] * 2 + (s.published ? 0 : 1);
  return [...sources].sort((a, b) => weight(a) - weight(b));
}

/** Resolves a fact's source ids (unknown ids are dropped; the build rejects them anyway). */
export function factView(f: Fact, sources: ReadonlyMap<string, SourceView>): FactView {
  const pick = (ids: readonly string[]) => strongestFirst(ids.flatMap((id) => sources.get(id) ?? []));
  return {
    id: f.id,
    entity: f.entity,
    statement: f.statement,
    status: f.status,
    asOf: f.asOf,
    rank: f.rank,
    sources: pick(f.sources),
    ...(f.sides ? { sides: f.sides.map((side) => ({ statement: side.statement, sources: pick(side.sources) })) } : {}),
    ...(f.happened ? { happened: f.happened } : {}),
    ...(f.until ? { until: f.until } : {}),
  };
}

/** The subject's dated developments, newest first; unconfirmed reports are not presented as news. */
export function developmentsOf(facts: readonly Fact[]): DevelopmentView[] {
  return facts
    .flatMap((f) =>
      f.happened && f.status !== 'unconfirmed' ? [{ factId: f.id, happened: f.happened, statement: f.statement, status: f.status }] : [],
    )
    .sort((a, b) => b.happened.localeCompare(a.happened) || a.factId.localeCompare(b.factId));
}

export function claimView(c: Claim, sources: ReadonlyMap<string, SourceView>): ClaimView {
  const pick = (ids: readonly string[]) => strongestFirst(ids.flatMap((id) => sources.get(id) ?? []));
  return {
    id: c.id,
    entity: c.entity,
    claim: c.claim,
    verdict: c.verdict,
    correction: c.correction,
    sources: pick(c.sources),
    seenIn: pick(c.seenIn),
  };
}
