// @vitest-environment jsdom
/**
 * The alias scanner is one alternation cut into a few regexes (matcher-sources.ts: scannerParts), so that on a
 * cold page each is compiled in a step of its own: matched leftmost, and at one position the earliest part's, they
 * must find exactly what the one regex finds, on every text we have.
 */
import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { SCANNER_PARTS, prepareMatcher } from '../../../src/shared/matcher-sources';
import { alternationMatches } from '../../../src/shared/scan-matcher';
import { scanCorpus } from '../../support/scan-corpus';

const data = Dataset.parse(rawDataset);
const config = { datasetVersion: data.meta.version, entities: data.entities, claims: data.claims };
const prepared = prepareMatcher(config);
const parts = prepared.scannerParts!;
const texts = scanCorpus();

/** The matches from the parts, with the number of steps it took. */
function fromParts(sources: readonly string[], text: string): { matches: Array<[number, string]>; steps: number } {
  const steps = alternationMatches(
    sources.map((s) => new RegExp(s, 'gi')),
    text,
  );
  let count = 0;
  let next = steps.next();
  for (; !next.done; next = steps.next()) count++;
  return { matches: next.value.map((m) => [m.index, m[0]]), steps: count };
}

/** What the one regex finds, as the scanner reads it (empty matches skipped). */
const fromWhole = (text: string): Array<[number, string]> =>
  [...text.matchAll(new RegExp(prepared.scanner, 'gi'))].filter((m) => m[0].length > 0).map((m) => [m.index, m[0]]);

describe('the scanner in parts', () => {
  it('is cut into parts of comparable size that together hold the whole alternation', () => {
    expect(parts).toHaveLength(SCANNER_PARTS);
    const sizes = parts.map((p) => p.length);
    expect(Math.max(...sizes)).toBeLessThan(prepared.scanner.length / 2);
    // Each alias and trigger is in exactly one part: the parts are no larger in sum than the whole, but for the
    // word-start lookbehind each part of the Latin aliases repeats.
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(prepared.scanner.length + 200);
  });

  it('finds what the one regex finds, at the same offsets, on every labelled text, seed, example and alias', () => {
    let found = 0;
    for (const text of texts) {
      const { matches, steps } = fromParts(parts, text);
      expect(matches, text.slice(0, 80)).toEqual(fromWhole(text));
      // One step per part: the slice clock can pause between two parts' first runs.
      expect(steps).toBe(parts.length - 1);
      found += matches.length;
    }
    expect(found).toBeGreaterThan(5000);
  });

  it('depends on the parts’ order where two of them match at one position', () => {
    // The claim triggers come after the aliases: put first, they take positions an alias holds.
    const reversed = [...parts].reverse();
    expect(texts.some((text) => JSON.stringify(fromParts(reversed, text).matches) !== JSON.stringify(fromWhole(text)))).toBe(true);
  });

  it('gives a paragraph the same mentions and claims as the one regex', () => {
    const split = matcherFromConfig(config);
    const whole = matcherFromConfig({ ...config, prepared: { ...prepared, scannerParts: [prepared.scanner] } });
    for (const text of texts) expect(split.scanParagraph(text), text.slice(0, 80)).toEqual(whole.scanParagraph(text));
  });
});
