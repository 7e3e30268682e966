import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DexieFactStore, FactDatabase } from '../../../src/background/dexie-fact-store';
import { createSettingsStorage } from '../../../src/background/settings-storage';
import { rawDataset } from '../../../src/data/index';
import { Dataset, type DatasetInput } from '../../../src/data/schema';

const data = Dataset.parse(rawDataset);
let indexedDB: IDBFactory;
beforeEach(() => {
  indexedDB = new IDBFactory();
});
const openDb = () => new FactDatabase('test', { indexedDB, IDBKeyRange });
/** The build id the extension would pass for the bundled dataset. */
const CURRENT_BUILD = 'build-1';

/** The bundled dataset with a different version and one fact reworded. */
function nextVersion(version = '1.1.0'): DatasetInput {
  const facts = data.facts.map((f, i) => (i === 0 ? { ...f, statement: { en: 'Reworded for 1.1.0.', zh: '为1.1.0改写。' } } : f));
  return { ...data, meta: { ...data.meta, version }, facts };
}

/** An in-memory storage.local, as the background's settings module sees it. */
function memoryArea() {
  const store = new Map<string, unknown>();
  return {
    get: async (key: string) => (store.has(key) ? { [key]: structuredClone(store.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
    },
  } as never;
}

describe('DexieFactStore seeding', () => {
  it('seeds on first use and writes nothing when the same version is seeded again', async () => {
    const db = openDb();
    await new DexieFactStore({ dataset: rawDataset, buildId: CURRENT_BUILD, db }).ready();
    const first = await db.meta.get('dataset');
    expect(await db.facts.count()).toBe(data.facts.length);
    let writes = 0;
    for (const table of db.tables) table.hook('creating', () => void writes++);
    await new DexieFactStore({ dataset: rawDataset, buildId: CURRENT_BUILD, db }).ready();
    expect(writes).toBe(0);
    expect((await db.meta.get('dataset'))?.seededAt).toBe(first?.seededAt);
  });

  it('does not even parse the dataset when the stored data is this build’s (every worker wake)', async () => {
    const db = openDb();
    await new DexieFactStore({ dataset: rawDataset, buildId: CURRENT_BUILD, db }).ready();
    // Were it parsed, this would fail the schema; the stored build id says it is the same data.
    const unparsed = new DexieFactStore({ dataset: { meta: 'not a dataset' }, buildId: CURRENT_BUILD, db });
    await expect(unparsed.ready()).resolves.toBeUndefined();
    expect((await unparsed.info()).version).toBe(data.meta.version);
  });

  it('replaces the data when the version changes, leaving settings alone', async () => {
    const db = openDb();
    const settings = createSettingsStorage(memoryArea());
    await new DexieFactStore({ dataset: rawDataset, buildId: CURRENT_BUILD, db }).ready();
    await settings.update({ disabledSites: ['example.com'], highlightStyle: 'background' });
    const upgraded = new DexieFactStore({ dataset: nextVersion(), buildId: 'build-1.1.0', db });
    expect((await upgraded.info()).version).toBe('1.1.0');
    expect((await db.facts.get(data.facts[0]!.id))?.statement.en).toBe('Reworded for 1.1.0.');
    expect(await db.facts.count()).toBe(data.facts.length);
    expect(await settings.get()).toMatchObject({ disabledSites: ['example.com'], highlightStyle: 'background' });
  });

  it('keeps the previous data when a seed fails midway, and retries on the next query', async () => {
    const db = openDb();
    await new DexieFactStore({ dataset: rawDataset, buildId: CURRENT_BUILD, db }).ready();
    // A duplicate id makes bulkAdd fail after the tables were cleared and other rows written.
    const broken = nextVersion('2.0.0');
    broken.facts = [...broken.facts, broken.facts[5]!];
    const store = new DexieFactStore({ dataset: broken, buildId: 'build-2.0.0', db });
    await expect(store.ready()).rejects.toThrow();
    expect((await db.meta.get('dataset'))?.version).toBe(data.meta.version);
    expect(await db.facts.count()).toBe(data.facts.length);
    expect((await db.facts.get(data.facts[0]!.id))?.statement.en).toBe(data.facts[0]!.statement.en);
    // Not cached as failed: the next call seeds again (and fails again for this broken data).
    await expect(store.ready()).rejects.toThrow();
    await new DexieFactStore({ dataset: nextVersion('2.0.1'), buildId: 'build-2.0.1', db }).ready();
    expect((await db.meta.get('dataset'))?.version).toBe('2.0.1');
  });

  it('reseeds when the build changed but the version did not', async () => {
    const db = openDb();
    await new DexieFactStore({ dataset: rawDataset, buildId: CURRENT_BUILD, db }).ready();
    await new DexieFactStore({ dataset: nextVersion(data.meta.version), buildId: 'build-reworded', db }).ready();
    expect((await db.facts.get(data.facts[0]!.id))?.statement.en).toBe('Reworded for 1.1.0.');
  });

  it('refuses a dataset that fails the schema, keeping what is stored', async () => {
    const db = openDb();
    await new DexieFactStore({ dataset: rawDataset, buildId: CURRENT_BUILD, db }).ready();
    const invalid = { ...data, meta: { version: 'two', date: 'soon' } };
    await expect(new DexieFactStore({ dataset: invalid, buildId: 'build-invalid', db }).ready()).rejects.toThrow();
    expect(await db.facts.count()).toBe(data.facts.length);
  });
});

describe('DexieFactStore queries', () => {
  const store = () => new DexieFactStore({ dataset: rawDataset, buildId: CURRENT_BUILD, db: openDb() });

  it('returns an entity’s facts ranked, with sources resolved', async () => {
    const facts = await store().factsFor('project-glasswing', 5);
    expect(facts).toHaveLength(5);
    expect(facts.map((f) => f.rank)).toEqual([...facts.map((f) => f.rank)].sort((a, b) => a - b));
    for (const f of facts) {
      expect(f.entity).toBe('project-glasswing');
      expect(f.sources.length).toBeGreaterThan(0);
      for (const s of f.sources) expect(s.url).toMatch(/^https:\/\//);
    }
  });

  it('gets claims by id in the order asked, skipping unknown ids', async () => {
    const ids = [data.claims[2]!.id, 'claim-does-not-exist', data.claims[0]!.id];
    expect((await store().claimsById(ids)).map((c) => c.id)).toEqual([data.claims[2]!.id, data.claims[0]!.id]);
  });

  it('builds a card with the entity, its top facts and the asked claims', async () => {
    const claim = data.claims.find((c) => c.entity === 'eo-14409')!;
    const card = await store().card('eo-14409', [claim.id]);
    expect(card.name.en).toMatch(/executive order/i);
    expect(card.facts.length).toBeGreaterThanOrEqual(3);
    expect(card.claims.map((c) => c.id)).toEqual([claim.id]);
    expect(card.datasetVersion).toBe(data.meta.version);
  });

  it.each([
    ['glasswing', 'project-glasswing'],
    ['GLASSW', 'project-glasswing'],
    ['Mythos preview', 'claude-mythos'],
    ['clearinghouse', 'eo-14409'],
    ['玻璃翼', 'project-glasswing'],
    ['行政令', 'eo-14409'],
    ['玻璃翼計畫', 'project-glasswing'],
    ['玻璃翼計劃', 'project-glasswing'],
    ['該行政令', 'eo-14409'],
  ])('finds %s (prefix, case-insensitive, English and Chinese)', async (query, entity) => {
    const results = await store().search(query);
    expect(results.length).toBeGreaterThan(0);
    const entities = results.map((r) => (r.kind === 'fact' ? r.fact.entity : r.claim.entity));
    expect(entities).toContain(entity);
  });

  it('folds accents and finds claims too', async () => {
    const s = store();
    expect((await s.search('Bessánt')).some((r) => r.kind === 'claim')).toBe(true);
    expect(await s.search('zzzzqqq')).toEqual([]);
    expect(await s.search('   ')).toEqual([]);
  });

  it('gives a card the subject’s dated developments, newest first, without unconfirmed ones', async () => {
    for (const entity of ['eo-14409', 'claude-mythos', 'project-glasswing'] as const) {
      const { developments } = await store().card(entity, []);
      const dated = data.facts.filter((f) => f.entity === entity && f.happened && f.status !== 'unconfirmed');
      expect(developments.map((d) => d.factId).sort()).toEqual(dated.map((f) => f.id).sort());
      expect(developments.map((d) => d.happened)).toEqual([...developments.map((d) => d.happened)].sort().reverse());
    }
  });

  it('hands the selection lookup every alias and claim pattern', async () => {
    const config = await store().matcherConfig();
    expect(config.entities.map((e) => e.id).sort()).toEqual(['claude-mythos', 'eo-14409', 'project-glasswing']);
    expect(config.claims).toHaveLength(data.claims.length);
    expect(config.claims[0]!.patterns.length).toBeGreaterThan(0);
  });
});
