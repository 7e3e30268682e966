// @vitest-environment jsdom
/**
 * The alias scanner runs case-sensitively over lower-cased text (a fraction of the `i` flag's compile on a cold
 * page): it must find exactly what the case-insensitive scanner finds on the original text, at the same offsets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMatcherTables } from '../../../scripts/matcher-tables-source';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import { lowerCaseRegexSource } from '../../../src/shared/lower-case-regex';
import { SEED_IDS, seedHtml } from '../../../tooling/seed-pages';
import { loadLabelledPages } from '../../support/labelled';

const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0].length]);

describe('lowerCaseRegexSource', () => {
  it('lower-cases literals, classes and group names, and keeps what escapes mean', () => {
    expect(lowerCaseRegexSource('Project[\\s\\u00a0]+GLASSWING')).toBe('project[\\s\\u00a0]+glasswing');
    expect(lowerCaseRegexSource('(?<![A-Za-z0-9])\\S\\W\\D\\B\\P{Lu}\\p{L}')).toBe('(?<![a-za-z0-9])\\S\\W\\D\\B\\P{Lu}\\p{L}');
    expect(lowerCaseRegexSource('\\u00C9t\\xC9\\u0041\\x41')).toBe('\\u00e9t\\u00e9\\u0061\\u0061');
    expect(lowerCaseRegexSource('(?<Name>A)\\k<Name>\\cJ\\xZ')).toBe('(?<name>a)\\k<name>\\cJ\\xz');
    for (const [source, text] of [
      ['Project[\\s\\u00a0]+GLASSWING', 'PROJECT GLASSWING and project\u00a0Glasswing'],
      ['\\u00C9lys\\u00E9e', 'ÉLYSÉE, élysée, Élysée'],
      ['(?<![A-Za-z0-9])Mythos(?![A-Za-z0-9])', 'Mythos, MYTHOS, xMythos, mythos5, MYTHOS.'],
      ['\\bEO[\\s-]?14409\\b', 'eo 14409, EO-14409, Eo14409'],
    ] as const) {
      expect(matches(new RegExp(lowerCaseRegexSource(source), 'g'), text.toLowerCase()), source).toEqual(
        matches(new RegExp(source, 'gi'), text),
      );
    }
  });

  it("finds what the matcher's case-insensitive scanner and cues find, at the same offsets, on every labelled text, seed and example", () => {
    const { scanner, cues: cueTables } = buildMatcherTables();
    const insensitive = new RegExp(scanner, 'gi');
    const lowered = new RegExp(lowerCaseRegexSource(scanner), 'g');
    const texts: string[] = [];
    const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'claims-labelled');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')))
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n'))
        if (line.trim()) texts.push((JSON.parse(line) as { paragraph: string }).paragraph);
    for (const page of loadLabelledPages()) for (const p of page.paragraphs) texts.push(p.text);
    for (const id of SEED_IDS) texts.push(new DOMParser().parseFromString(seedHtml(id), 'text/html').body.textContent ?? '');
    const data = Dataset.parse(rawDataset);
    for (const claim of data.claims) texts.push(...claim.examples.flagged, ...claim.examples.accurate);
    for (const entity of data.entities)
      for (const alias of entity.aliases) texts.push(alias.text, alias.text.toUpperCase(), alias.text.toLowerCase());
    let hits = 0;
    let cueHits = 0;
    // The context cues too, read the same way (scan-matcher.ts: cuesOf).
    const cues = cueTables
      .flatMap((c) => [c.topic, c.specific, c.veto])
      .filter((source): source is string => source !== null)
      .map((source) => [new RegExp(source, 'gi'), new RegExp(lowerCaseRegexSource(source), 'g')] as const);
    for (const text of texts) {
      if (text.toLowerCase().length !== text.length) continue;
      const expected = matches(insensitive, text);
      expect(matches(lowered, text.toLowerCase()), text.slice(0, 80)).toEqual(expected);
      hits += expected.length;
      for (const [cueInsensitive, cueLowered] of cues) {
        const cueExpected = matches(cueInsensitive, text);
        expect(matches(cueLowered, text.toLowerCase()), `${cueInsensitive.source.slice(0, 40)} on ${text.slice(0, 60)}`).toEqual(
          cueExpected,
        );
        cueHits += cueExpected.length;
      }
    }
    expect(texts.length).toBeGreaterThan(8000);
    expect(hits).toBeGreaterThan(10000);
    expect(cueHits).toBeGreaterThan(10000);
  });

  it('leaves text whose lower case is longer (U+0130) to the case-insensitive scanner, offsets intact', () => {
    const data = Dataset.parse(rawDataset);
    const matcher = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
    const text = 'İSTANBUL — Anthropic widened PROJECT GLASSWING this week.';
    expect(text.toLowerCase().length).not.toBe(text.length);
    const mention = matcher.scanParagraph(text)?.mentions[0];
    expect(mention?.entityId).toBe('project-glasswing');
    expect(text.slice(mention!.start, mention!.end)).toBe('PROJECT GLASSWING');
    expect(mention?.text).toBe('PROJECT GLASSWING');
  });
});
