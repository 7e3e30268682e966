/**
 * The matcher tables the build compiles into the content script and the claim part it loads on first need
 * (scripts/matcher-tables-source.ts, emitted as JSON by the build plugin) give a Matcher that finds exactly what one built from the
 * dataset at run time finds, and they hold every alias and claim pattern of the dataset.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMatcherTables } from '../../../scripts/matcher-tables-source';
import { rawDataset } from '../../../src/data/index';
import { Dataset, type EntityId } from '../../../src/data/schema';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { ClaimChecker } from '../../../src/shared/claims/checker';
import { mentionedEntities } from '../../../src/shared/matcher';
import { aliasKey, type ClaimTables, type LazyMatcherTables, type LoadedClaims } from '../../../src/shared/matcher-tables';
import { ScanMatcher } from '../../../src/shared/scan-matcher';
import { needsClaimTables } from '../../../src/shared/steps';
import { loadSplit } from '../../support/claims-labelled';
import { loadLabelledPages } from '../../support/labelled';

const data = Dataset.parse(rawDataset);
const fromConfig = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
/**
 * As the content script sees them: the scan's part through JSON, compiled in, read by the matcher without the
 * checker's code (ScanMatcher); the claim part (checker configuration and hand-written patterns) through JSON too,
 * with the checker's code, from the module it imports on first need (src/content/claim-module.ts).
 */
const { checker, patterns, ...scan } = buildMatcherTables();
const claimText = JSON.stringify({ checker, patterns });
const scanPart = JSON.parse(JSON.stringify(scan)) as Omit<LazyMatcherTables, 'loadClaims'>;
const lazy = (loadClaims: LazyMatcherTables['loadClaims']) => new ScanMatcher({ ...scanPart, loadClaims });
const claimModule = (): LoadedClaims => ({
  ...(JSON.parse(claimText) as ClaimTables),
  createChecker: (config) => new ClaimChecker(config),
});
const fromTables = lazy(async () => claimModule());
beforeAll(() => fromTables.loadClaims());

describe('the matcher tables compiled into the content script', () => {
  it('hold every alias of every subject and every claim pattern', () => {
    const keys = new Set(scanPart.aliases.map(([key]) => key));
    for (const entity of data.entities) for (const alias of entity.aliases) expect(keys.has(aliasKey(alias.text)), alias.text).toBe(true);
    expect(new Set(patterns.map((p) => p.claimId))).toEqual(new Set(data.claims.filter((c) => c.patterns.length).map((c) => c.id)));
    expect(scanPart.datasetVersion).toBe(data.meta.version);
  });

  it('leave the claim part unloaded until a paragraph needs it, then load it once', async () => {
    let parses = 0;
    const fresh = lazy(async () => (parses++, claimModule()));
    expect(fresh.scanParagraph('The city council announced a new bus timetable on Tuesday.')).toBeNull();
    expect(parses).toBe(0);
    const paragraph = 'Trump signed the AI executive order on June 3. Claude Mythos is now available to the public.';
    // A paragraph that needs claims checked cannot be finished at once: its steps ask for the tables.
    expect(() => fresh.scanParagraph(paragraph)).toThrow(/claim tables not loaded/);
    const steps = fresh.paragraphSteps(paragraph)!;
    let next = steps.next();
    while (!next.done && !needsClaimTables(next.value)) next = steps.next();
    // The signal carries the mentions, found before any claim is checked.
    expect(!next.done && needsClaimTables(next.value) && next.value.mentions).toEqual(fromConfig.scanParagraph(paragraph)!.mentions);
    await Promise.all([fresh.loadClaims(), fresh.loadClaims()]);
    for (next = steps.next(); !next.done; next = steps.next());
    expect(next.value).toEqual(fromConfig.scanParagraph(paragraph));
    expect(next.value!.claims.length).toBeGreaterThan(0);
    expect(fresh.scanParagraph('Anthropic said Claude Mythos found thousands of previously unknown flaws.')).not.toBeNull();
    expect(fresh.scanParagraph('Partners in Project Glasswing patched critical software.')).not.toBeNull();
    expect(parses).toBe(1);
  });

  it('need the checker from the claim part: the scan alone carries none', async () => {
    const bare = lazy(async () => JSON.parse(claimText) as ClaimTables);
    await bare.loadClaims();
    expect(bare.scanParagraph('The city council announced a new bus timetable on Tuesday.')).toBeNull();
    expect(() => bare.scanParagraph('Trump signed the AI executive order on June 3.')).toThrow(/no claim checker/);
  });

  it('keep the mentions and check no claims when the claim part cannot be loaded', async () => {
    const broken = lazy(() => Promise.reject(new Error('extension reloaded')));
    await broken.loadClaims();
    const result = broken.scanParagraph('Trump signed the AI executive order on June 3. Claude Mythos is now available to the public.');
    expect(result?.mentions.length).toBeGreaterThan(0);
    expect(result?.claims).toEqual([]);
  });

  it('find exactly what a matcher built from the dataset finds, on the labelled pages and claim set', () => {
    let compared = 0;
    for (const page of loadLabelledPages()) {
      let carriedA: ReadonlySet<EntityId> = new Set();
      let carriedB: ReadonlySet<EntityId> = new Set();
      for (const p of page.paragraphs) {
        const a = fromConfig.scanParagraph(p.text, carriedA);
        const b = fromTables.scanParagraph(p.text, carriedB);
        expect(b, p.text).toEqual(a);
        carriedA = mentionedEntities(a);
        carriedB = mentionedEntities(b);
        compared++;
      }
    }
    for (const record of loadSplit('test')) {
      const context = { pageDate: record.pageDate ?? null };
      expect(fromTables.scanParagraph(record.paragraph, new Set(), context), record.id).toEqual(
        fromConfig.scanParagraph(record.paragraph, new Set(), context),
      );
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });
});
