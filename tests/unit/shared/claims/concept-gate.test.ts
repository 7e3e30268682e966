/**
 * The concept gate (concept-gate.ts) may skip a concept's regex only where the regex
 * would find nothing: checked on every labelled paragraph, seed article and claim
 * example against every concept, and on the parser's shapes one by one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkerConfig, shippedCheckerConfig } from '../../../../src/shared/claims/config';
import { ConceptIndex } from '../../../../src/shared/claims/sentence-facts';
import { conceptGate, passesGate, regexAnchors } from '../../../../src/shared/claims/concept-gate';
import { compileConcept, occurrences } from '../../../../src/shared/claims/concepts';
import { createFolder } from '../../../../src/shared/claims/fold';
import { rawDataset } from '../../../../src/data/index';
import { Dataset } from '../../../../src/data/schema';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');
const config = checkerConfig();
const fold = createFolder(config.foldPairs);

function corpus(): string[] {
  const texts: string[] = [];
  const labelled = join(FIXTURES, 'claims-labelled');
  for (const file of readdirSync(labelled).filter((f) => f.endsWith('.jsonl')))
    for (const line of readFileSync(join(labelled, file), 'utf8').split('\n'))
      if (line.trim()) texts.push((JSON.parse(line) as { paragraph: string }).paragraph);
  for (const dir of ['seeds', 'labelled'])
    for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.txt')))
      texts.push(...readFileSync(join(FIXTURES, dir, file), 'utf8').split(/\n\s*\n/));
  for (const claim of Dataset.parse(rawDataset).claims) texts.push(...claim.examples.flagged, ...claim.examples.accurate);
  return texts.map(fold);
}

describe('concept gate', () => {
  it('finds, group by group, exactly what one regex of the whole concept finds', { timeout: 180_000 }, () => {
    const texts = corpus();
    expect(texts.length).toBeGreaterThan(3000);
    const grouped = new ConceptIndex(config.concepts, config.groups);
    const concepts = Object.entries(config.concepts).map(([name, lists]) => ({
      name,
      whole: compileConcept(lists),
      gate: conceptGate([...lists.en, ...lists.zh]),
    }));
    let skipped = 0;
    const differ: string[] = [];
    for (const text of texts) {
      const active = grouped.activeGroups(text);
      for (const { name, whole, gate } of concepts) {
        const found = occurrences(whole, text);
        if (!passesGate(gate, text)) {
          skipped++;
          if (found.length > 0) differ.push(`${name}: gate hides ${JSON.stringify(found)} in “${text}”`);
          continue;
        }
        const a = JSON.stringify(found);
        const b = JSON.stringify(grouped.occurrences(name, text, () => active));
        if (a !== b) differ.push(`${name}: ${a} ≠ ${b} in “${text}”`);
      }
    }
    expect(differ).toEqual([]);
    // Not vacuous: most concept/text pairs are decided without any regex.
    expect(skipped).toBeGreaterThan((texts.length * concepts.length) / 2);
  });

  it('ships groups instead of phrase lists, and checks the same with them', { timeout: 60_000 }, () => {
    const shipped = shippedCheckerConfig(config);
    const index = new ConceptIndex(shipped.concepts, shipped.groups);
    expect(Object.keys(shipped.concepts)).toEqual([]);
    expect(Object.keys(config.concepts).every((name) => index.has(name))).toBe(true);
    expect(Object.values(shipped.groups ?? {}).every((list) => list?.every((g) => typeof g === 'string'))).toBe(true);
    const wholes = Object.entries(config.concepts).map(([name, lists]) => [name, compileConcept(lists)] as const);
    for (const text of corpus().slice(0, 400)) {
      const active = index.activeGroups(text);
      for (const [name, whole] of wholes)
        expect(
          index.occurrences(name, text, () => active),
          name,
        ).toEqual(occurrences(whole, text));
    }
  });

  it('lets through each literal phrase of its own concept', () => {
    for (const [name, lists] of Object.entries(config.concepts)) {
      const phrases = [...lists.en, ...lists.zh];
      const gate = conceptGate(phrases);
      for (const phrase of phrases.filter((p) => !p.startsWith('re:')))
        expect(passesGate(gate, phrase.toLowerCase().replace(/\*$/, '')), `${name}: ${phrase}`).toBe(true);
    }
  });

  it('reads the regex shapes the lists use', () => {
    expect(regexAnchors('no longer(?!\\s+(?:optional|voluntary))')).toEqual(['no longer']);
    expect(regexAnchors('(?:former|ex)[\\s-]+commander')).toEqual(['commander']);
    expect(regexAnchors('(?:former|ex)[\\s-]+(?:president|potus)')).toEqual(['president', 'potus']);
    expect(regexAnchors('mythos\\s*第二代')).toEqual(['mythos']);
    expect(regexAnchors('three[\\s-]*months?')).toEqual(['three']);
    expect(regexAnchors('原(?!本|因)')).toEqual(['原']);
    expect(regexAnchors('(?:a|bb)?cc')).toEqual(['cc']);
    expect(regexAnchors('x{2}y')).toEqual(['x']);
  });

  it('gives up rather than guess: an optional-only pattern or an unknown shape has no gate', () => {
    expect(conceptGate(['re:(?:a|b)?\\d+'])).toBeNull();
    expect(conceptGate(['re:\\d+', 'signed'])).toBeNull();
    expect(regexAnchors('(?<name>x)')).toBeNull();
    expect(regexAnchors('a\\1')).toBeNull();
    expect(passesGate(null, 'anything')).toBe(true);
  });

  it('keeps a short prefix and drops anchors that contain another', () => {
    expect(conceptGate(['signed', 'signing', 'sign*', 'inked'])).toEqual(['sign', 'inked']);
    expect(passesGate(['sign'], 'the order was signed')).toBe(true);
    expect(passesGate(['sign'], 'the order was inked')).toBe(false);
  });
});
