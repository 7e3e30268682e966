import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { compileClaimRules } from '../../../src/shared/claim-patterns';
import { keyRegex, prepareMatcher } from '../../../src/shared/matcher-sources';

const data = Dataset.parse(rawDataset);
const aliases = data.entities.flatMap((e) => e.aliases.map((a) => a.text));
const pageTriggers = compileClaimRules(data.claims).filter((p) => p.scope === 'page');

describe('keyRegex (the matcher’s prefilter)', () => {
  const keys = keyRegex(aliases, pageTriggers)!;

  it('exists for the bundled dataset and is far smaller than the alias list', () => {
    expect(keys).not.toBeNull();
    expect(keys.source.split('|').length).toBeLessThan(aliases.length / 2);
  });

  it('lets through every alias, in any case', () => {
    for (const alias of aliases) {
      expect(keys.test(alias), alias).toBe(true);
      expect(keys.test(alias.toUpperCase()), alias).toBe(true);
    }
  });

  it('lets through every flagged example of a page-scoped claim', () => {
    const ids = new Set(pageTriggers.map((p) => p.claimId));
    for (const claim of data.claims.filter((c) => ids.has(c.id))) {
      for (const example of claim.examples.flagged) expect(keys.test(example), example).toBe(true);
    }
  });

  it('gives up (null) rather than filter wrongly when an alias has no literal', () => {
    expect(keyRegex(['AI'], [])).toBeNull();
  });

  it('keys an alias of short words on the whole phrase, not on a fragment found in most text', () => {
    const re = keyRegex(['AI EO', 'Project Glasswing'], [])!;
    expect(re.test('Inside the AI EO fight')).toBe(true);
    expect(re.test('People said the video was good.')).toBe(false);
  });

  it('rules out ordinary text', () => {
    expect(keys.test('The weather will be sunny with light winds in the afternoon.')).toBe(false);
  });

  it('finds a key word only where a word starts, as the scanner finds an alias', () => {
    const config = { datasetVersion: data.meta.version, entities: data.entities, claims: data.claims };
    const keys = new RegExp(prepareMatcher(config).prefilter!, 'i');
    // "nist" and "order" inside other words let every paragraph about an administration or a border through.
    for (const text of ['The administration told the minister', 'at the border', 'a recorder', 'in disorder', 'the ministry'])
      expect(keys.test(text), text).toBe(false);
    for (const text of ['NIST said', 'the (order)', 'ex-NIST staff', '“Mythos”', '克劳德Mythos', 'Orders were', '_Mythos'])
      expect(keys.test(text), text).toBe(true);
  });

  it('counts an alias as covered by a key word only where a word of it starts with the key', () => {
    // "order" is a word of the first two, but only inside one in the third: it needs a key of its own.
    const re = keyRegex(['the order', 'AI order', 'Borderline Labs'], [])!;
    expect(re.test('Borderline Labs said')).toBe(true);
    expect(re.test('the orders')).toBe(true);
  });

  it('keys an alias of common words on the phrase, with any whitespace, either apostrophe, any dash', () => {
    const re = keyRegex(['AI measure', 'AI EO', "Trump's AI order"], [])!;
    for (const text of ['the AI measure', 'AI\u00a0EO', 'AI \n measure', 'an AI order']) expect(re.test(text), text).toBe(true);
    for (const text of ['measures were taken', 'the TAI measure', 'a security order'.replace('order', 'measure')])
      expect(re.test(text), text).toBe(false);
  });
});

describe('a Matcher from prepared sources', () => {
  it('finds exactly what one deriving them itself finds', async () => {
    const { matcherFromConfig } = await import('../../../src/shared/derive-matcher-tables');
    const { prepareMatcher } = await import('../../../src/shared/matcher-sources');
    const config = { datasetVersion: data.meta.version, entities: data.entities, claims: data.claims };
    const local = matcherFromConfig(config);
    const shipped = matcherFromConfig(JSON.parse(JSON.stringify({ ...config, prepared: prepareMatcher(config) })));
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../../fixtures/seeds/', import.meta.url);
    let compared = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      for (const line of readFileSync(new URL(file, dir), 'utf8')
        .split('\n')
        .filter((l) => l.trim())) {
        expect(shipped.scanParagraph(line)).toEqual(local.scanParagraph(line));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
