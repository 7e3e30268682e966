import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DexieFactStore, FactDatabase } from '../../../src/background/dexie-fact-store';
import { createLookupStore, lookUp, LOOKUP_TTL_MS } from '../../../src/background/lookup';
import { rawDataset } from '../../../src/data/index';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';

const store = () => new DexieFactStore({ dataset: rawDataset, buildId: 'build-1', db: new FactDatabase(`lookup-${Math.random()}`) });

describe('lookUp', () => {
  it('finds the misclaims and subjects of a selected text with the page scan’s matcher', async () => {
    const s = store();
    const result = await lookUp(
      'Anthropic released Claude Mythos to the public in April.\n\nProject Glasswing has partners.',
      s,
      matcherFromConfig(await s.matcherConfig()),
    );
    expect(result.claims.map((c) => [c.claim.id, c.sentence])).toEqual([
      ['claim-mythos-publicly-available', 'Anthropic released Claude Mythos to the public in April.'],
    ]);
    expect(result.subjects.map((c) => c.entityId).sort()).toEqual(['claude-mythos', 'project-glasswing']);
    expect(result.subjects[0]!.facts.length).toBeLessThanOrEqual(3);
  });

  it('finds nothing in text about something else', async () => {
    const s = store();
    expect(await lookUp('The weather in Lisbon is fine today.', s, matcherFromConfig(await s.matcherConfig()))).toMatchObject({
      claims: [],
      subjects: [],
    });
  });
});

describe('createLookupStore', () => {
  it('hands out the last text while it is recent', () => {
    let now = 0;
    const lookups = createLookupStore(() => now);
    lookups.put('one');
    lookups.put('two');
    expect(lookups.take()).toBe('two');
    expect(lookups.take()).toBe('two');
    lookups.put('three');
    now = LOOKUP_TTL_MS + 1;
    expect(lookups.take()).toBeNull();
  });
});
