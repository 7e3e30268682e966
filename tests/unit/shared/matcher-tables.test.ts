/**
 * The matcher tables the build compiles into the content script (scripts/matcher-tables-source.ts,
 * emitted as JSON by the build plugin) give a Matcher that finds exactly what one built from the
 * dataset at run time finds, and they hold every alias and claim pattern of the dataset.
 */
import { describe, expect, it } from 'vitest';
import { buildMatcherTables } from '../../../scripts/matcher-tables-source';
import { rawDataset } from '../../../src/data/index';
import { Dataset, type EntityId } from '../../../src/data/schema';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { Matcher, mentionedEntities } from '../../../src/shared/matcher';
import { aliasKey, type MatcherTables } from '../../../src/shared/matcher-tables';
import { loadSplit } from '../../support/claims-labelled';
import { loadLabelledPages } from '../../support/labelled';

const data = Dataset.parse(rawDataset);
const fromConfig = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
/** As the content script sees them: through JSON, the checker's part parsed on first use. */
const { checker, ...scan } = buildMatcherTables();
type CheckerPart = Exclude<MatcherTables['checker'], () => unknown>;
const checkerText = JSON.stringify(checker);
const compiled: MatcherTables = {
  ...(JSON.parse(JSON.stringify(scan)) as Omit<MatcherTables, 'checker'>),
  checker: () => JSON.parse(checkerText) as CheckerPart,
};
const fromTables = new Matcher(compiled);

describe('the matcher tables compiled into the content script', () => {
  it('hold every alias of every subject and every claim pattern', () => {
    const keys = new Set(compiled.aliases.map(([key]) => key));
    for (const entity of data.entities) for (const alias of entity.aliases) expect(keys.has(aliasKey(alias.text)), alias.text).toBe(true);
    expect(new Set(compiled.patterns.map((p) => p.claimId))).toEqual(
      new Set(data.claims.filter((c) => c.patterns.length).map((c) => c.id)),
    );
    expect(compiled.datasetVersion).toBe(data.meta.version);
  });

  it('leave the claim checker unparsed until a paragraph needs it, then parse it once', () => {
    let parses = 0;
    const fresh = new Matcher({ ...compiled, checker: () => (parses++, JSON.parse(checkerText) as CheckerPart) });
    expect(fresh.scanParagraph('The city council announced a new bus timetable on Tuesday.')).toBeNull();
    expect(parses).toBe(0);
    expect(fresh.scanParagraph('Anthropic said Claude Mythos found thousands of previously unknown flaws.')).not.toBeNull();
    expect(fresh.scanParagraph('Partners in Project Glasswing patched critical software.')).not.toBeNull();
    expect(parses).toBe(1);
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
