/**
 * The dataset in IndexedDB, through Dexie, in the extension's own origin.
 *
 * The database opens lazily on the first query: the MV3 worker is killed and
 * restarted at will, so nothing here assumes it stays up. Seeding is versioned
 * and idempotent by build: the stored data carries the id of the build that
 * wrote it (package version + a hash of the dataset files, computed when the
 * extension is built), so a wake of the same build reads one row and parses,
 * hashes and writes nothing. Another build replaces every dataset table in ONE
 * transaction, so a failure (or a worker killed midway) leaves the previous
 * data in place and the next query retries.
 */
import Dexie, { type Table } from 'dexie';
import { Dataset, type Claim, type Entity, type EntityId, type Fact, type Source } from '../data/schema';
import { indexWords, queryTerms } from '../shared/search-words';
import type { MatcherConfig } from '../shared/matcher-config';
import {
  claimView,
  developmentsOf,
  factView,
  sourceView,
  type ClaimView,
  type DatasetInfo,
  type FactView,
  type SearchResult,
  type SourceView,
} from '../shared/views';
import type { FactStore } from './fact-store';

type Indexed<T> = T & { words: string[] };
interface MetaRow {
  key: 'dataset';
  version: string;
  date: string;
  /** The build whose dataset this is (see DexieFactStoreOptions.buildId). */
  buildId: string;
  /** The last day the research searched for news (absent in stores seeded by older builds). */
  searched?: string;
  seededAt: number;
}

export class FactDatabase extends Dexie {
  meta!: Table<MetaRow, string>;
  entities!: Table<Entity, string>;
  sources!: Table<Source, string>;
  facts!: Table<Indexed<Fact>, string>;
  claims!: Table<Indexed<Claim>, string>;

  constructor(name = 'frontier-facts', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      meta: 'key',
      entities: 'id',
      sources: 'id',
      facts: 'id, entity, *words',
      claims: 'id, entity, *words',
    });
  }
}

export interface DexieFactStoreOptions {
  /** The bundled dataset (unparsed: it is validated here before it is written, and only then). */
  dataset: unknown;
  /**
   * Identifies the bundled dataset: the build id (__FF_BUILD_ID__, from the package version and
   * the dataset files' hash), so a data change without a version bump still reseeds.
   */
  buildId: string;
  db?: FactDatabase;
}

export class DexieFactStore implements FactStore {
  private readonly db: FactDatabase;
  private readonly dataset: unknown;
  private readonly buildId: string;
  private seeding: Promise<void> | undefined;

  constructor(options: DexieFactStoreOptions) {
    this.dataset = options.dataset;
    this.buildId = options.buildId;
    this.db = options.db ?? new FactDatabase();
  }

  /** Seeds if the stored dataset is missing or from another build. Safe to call often. */
  ready(): Promise<void> {
    // A failed seed is not cached: the next call tries again.
    this.seeding ??= this.seed().catch((error: unknown) => {
      this.seeding = undefined;
      throw error;
    });
    return this.seeding;
  }

  private async seed(): Promise<void> {
    const stored = await this.db.meta.get('dataset');
    if (stored?.buildId === this.buildId) return;
    const data = Dataset.parse(this.dataset);
    const { meta, entities, sources, facts, claims } = this.db;
    await this.db.transaction('rw', [meta, entities, sources, facts, claims], async () => {
      await Promise.all([entities.clear(), sources.clear(), facts.clear(), claims.clear()]);
      await entities.bulkAdd(data.entities);
      await sources.bulkAdd(data.sources);
      await facts.bulkAdd(data.facts.map((f) => ({ ...f, words: factWords(f) })));
      await claims.bulkAdd(data.claims.map((c) => ({ ...c, words: claimWords(c) })));
      await meta.put({
        key: 'dataset',
        version: data.meta.version,
        date: data.meta.date,
        searched: data.meta.searched,
        buildId: this.buildId,
        seededAt: Date.now(),
      });
    });
  }

  async info(): Promise<DatasetInfo> {
    await this.ready();
    const [meta, entities, facts, claims, sources] = await Promise.all([
      this.db.meta.get('dataset'),
      this.db.entities.count(),
      this.db.facts.toArray(),
      this.db.claims.count(),
      this.db.sources.count(),
    ]);
    const byStatus = { verified: 0, 'single-source': 0, disputed: 0, unconfirmed: 0 };
    for (const f of facts) byStatus[f.status]++;
    return {
      version: meta?.version ?? '0.0.0',
      date: meta?.date ?? '',
      ...(meta?.searched ? { searched: meta.searched } : {}),
      counts: { entities, facts: facts.length, claims, sources },
      byStatus,
    };
  }

  async matcherConfig(): Promise<MatcherConfig> {
    await this.ready();
    const [meta, entities, claims] = await Promise.all([this.db.meta.get('dataset'), this.db.entities.toArray(), this.db.claims.toArray()]);
    return {
      datasetVersion: meta?.version ?? '0.0.0',
      entities: entities.map(({ id, aliases, cues }) => ({ id, aliases, cues })),
      claims: claims.map(({ id, entity, verdict, patterns }) => ({ id, entity, verdict, patterns })),
    };
  }

  async factsFor(entity: EntityId, limit = 100): Promise<FactView[]> {
    await this.ready();
    const facts = await this.db.facts.where('entity').equals(entity).toArray();
    facts.sort(byRank);
    return this.factViews(facts.slice(0, limit));
  }

  async claimsById(ids: readonly string[]): Promise<ClaimView[]> {
    await this.ready();
    const claims = await this.db.claims.bulkGet([...new Set(ids)]);
    return this.claimViews(claims.filter((c): c is Indexed<Claim> => c !== undefined));
  }

  async sources(): Promise<SourceView[]> {
    await this.ready();
    const rows = await this.db.sources.toArray();
    rows.sort((a, b) => a.outlet.localeCompare(b.outlet) || (a.published ?? '').localeCompare(b.published ?? ''));
    return rows.map(sourceView);
  }

  async allClaims(): Promise<ClaimView[]> {
    await this.ready();
    return this.claimViews(await this.db.claims.toArray());
  }

  async card(entity: EntityId, claimIds: readonly string[], factLimit = 5) {
    await this.ready();
    const [record, meta, all, claims] = await Promise.all([
      this.db.entities.get(entity),
      this.db.meta.get('dataset'),
      this.db.facts.where('entity').equals(entity).toArray(),
      this.claimsById(claimIds),
    ]);
    all.sort(byRank);
    const facts = await this.factViews(all.slice(0, factLimit));
    if (!record) throw new Error(`unknown entity ${entity}`);
    return {
      entityId: entity,
      name: record.name,
      description: record.description,
      facts,
      claims,
      developments: developmentsOf(all).slice(0, 20),
      datasetVersion: meta?.version ?? '0.0.0',
      datasetDate: meta?.date ?? '',
      ...(meta?.searched ? { datasetSearched: meta.searched } : {}),
    };
  }

  async search(query: string, limit = 30): Promise<SearchResult[]> {
    await this.ready();
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    const [facts, claims] = await Promise.all([this.matching(this.db.facts, terms), this.matching(this.db.claims, terms)]);
    // Rank and trim before resolving sources: a one-letter query can match nearly everything.
    const ranked = [...facts.map((fact) => ({ score: 100 - fact.rank, fact })), ...claims.map((claim) => ({ score: 60, claim }))]
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const factViews = await this.factViews(ranked.flatMap((r) => ('fact' in r ? [r.fact] : [])));
    const claimViews = await this.claimViews(ranked.flatMap((r) => ('claim' in r ? [r.claim] : [])));
    const byId = new Map<string, SearchResult>([
      ...factViews.map((fact) => [fact.id, { kind: 'fact' as const, score: 100 - fact.rank, fact }] as const),
      ...claimViews.map((claim) => [claim.id, { kind: 'claim' as const, score: 60, claim }] as const),
    ]);
    return ranked.map((r) => byId.get('fact' in r ? r.fact.id : r.claim.id)!);
  }

  /** Records whose words contain every term; the rarest-looking term is queried, the rest filtered in memory. */
  private async matching<T extends { words: string[] }>(table: Table<T, string>, terms: ReturnType<typeof queryTerms>): Promise<T[]> {
    const [first, ...rest] = [...terms].sort((a, b) => b.text.length - a.text.length);
    if (!first) return [];
    const where = table.where('words');
    const candidates = await (first.prefix ? where.startsWith(first.text) : where.equals(first.text)).distinct().toArray();
    return candidates.filter((record) =>
      rest.every((term) => record.words.some((w) => (term.prefix ? w.startsWith(term.text) : w === term.text))),
    );
  }

  private async sourceMap(ids: Iterable<string>): Promise<Map<string, SourceView>> {
    const rows = await this.db.sources.bulkGet([...new Set(ids)]);
    return new Map(rows.flatMap((s) => (s ? [[s.id, sourceView(s)] as const] : [])));
  }

  private async factViews(facts: Fact[]): Promise<FactView[]> {
    const sources = await this.sourceMap(facts.flatMap((f) => [...f.sources, ...(f.sides ?? []).flatMap((s) => s.sources)]));
    return facts.map((f) => factView(f, sources));
  }

  private async claimViews(claims: Claim[]): Promise<ClaimView[]> {
    const sources = await this.sourceMap(claims.flatMap((c) => [...c.sources, ...c.seenIn]));
    return claims.map((c) => claimView(c, sources));
  }
}

const byRank = (a: Fact, b: Fact) => a.rank - b.rank || a.id.localeCompare(b.id);

function factWords(f: Fact): string[] {
  const texts = [f.statement.en, f.statement.zh, ...(f.sides ?? []).flatMap((s) => [s.statement.en, s.statement.zh])];
  return indexWords(texts.join(' '));
}

function claimWords(c: Claim): string[] {
  return indexWords([c.claim.en, c.claim.zh, c.correction.en, c.correction.zh].join(' '));
}
