// @vitest-environment jsdom
/**
 * The prefilter (matcher-sources.ts: keyRegex) decides which blocks of a page are walked and which paragraphs are
 * matched at all: a text it turns away is never looked at. It must let through every text in which the scanner
 * finds an alias or a check trigger, however the phrase is written and whatever stands at its edges.
 */
import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { pageTriggers as checkTriggers } from '../../../src/shared/claims/config';
import { foldFullWidth } from '../../../src/shared/claims/fold';
import { prepareMatcher } from '../../../src/shared/matcher-sources';
import { scanCorpus } from '../../support/scan-corpus';

const data = Dataset.parse(rawDataset);

describe('the prefilter never hides what the scanner finds', () => {
  const config = { datasetVersion: data.meta.version, entities: data.entities, claims: data.claims };
  const prepared = prepareMatcher(config);
  const keys = new RegExp(prepared.prefilter!, 'i');
  const scanner = new RegExp(prepared.scanner, 'gi');
  const finds = (text: string) => [...text.matchAll(scanner)].some((m) => m[0].length > 0);
  const phrases = [...data.entities.flatMap((e) => e.aliases.map((a) => a.text)), ...checkTriggers()];
  // Each phrase at a word's edge of every kind, with its spaces, apostrophes and dashes written every way the scanner takes.
  const before = ['', ' ', '_', '-', '(', '“', '中', 'é', '1', 'x', '\n', '\u00a0'];
  const variants = (phrase: string) => [
    phrase,
    phrase.toUpperCase(),
    phrase.replace(/\s+/g, '\u00a0'),
    phrase.replace(/\s+/g, ' \n '),
    phrase.replace(/'/g, '’').replace(/-/g, '–'),
  ];

  it('on every alias and check trigger, at every kind of edge', () => {
    let found = 0;
    for (const phrase of phrases)
      for (const variant of variants(phrase))
        for (const b of before)
          for (const after of ['', 's', ' ', '.', 'x']) {
            const text = `${b}${variant}${after}`;
            if (!finds(text)) continue;
            found++;
            expect(keys.test(text), JSON.stringify(text)).toBe(true);
          }
    expect(found).toBeGreaterThan(phrases.length * 20);
  });

  it('on every labelled text, seed, example and alias (folded, as the scan reads them)', () => {
    let found = 0;
    for (const raw of scanCorpus()) {
      const text = foldFullWidth(raw);
      for (const paragraph of text.split(/\n+/)) {
        if (!finds(paragraph)) continue;
        found++;
        expect(keys.test(paragraph), paragraph.slice(0, 120)).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(1000);
  });
});
