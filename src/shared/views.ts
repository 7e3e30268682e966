/**
 * Shapes the background sends to the UIs: derived from the dataset records,
 * resolved (sources inlined) so a card or a search result renders without
 * further lookups.
 */
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
}

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
  datasetVersion: string;
  datasetDate: string;
}

export type SearchResult = { kind: 'fact'; score: number; fact: FactView } | { kind: 'claim'; score: number; claim: ClaimView };

export interface DatasetInfo {
  version: string;
  date: string;
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
  };
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
