import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { independentCount, validateDataset } from '../../../src/shared/dataset-checks';
import shippedChecks from '../../../src/data/checks.json';
import { compileClaimRules, matchInSentence } from '../../../src/shared/claim-patterns';
import { splitSentences } from '../../../src/shared/sentences';

const data = Dataset.parse(rawDataset);
const clone = () => structuredClone(data) as ReturnType<typeof Dataset.parse>;
const errorsOf = (input: unknown) => validateDataset(input).errors;

describe('the bundled dataset', () => {
  it('passes every check', () => {
    expect(errorsOf(rawDataset)).toEqual([]);
  });

  it('meets the size the product promises', () => {
    expect(data.facts.length).toBeGreaterThanOrEqual(45);
    expect(data.claims.length).toBeGreaterThanOrEqual(20);
    for (const entity of ['eo-14409', 'claude-mythos', 'project-glasswing']) {
      expect(data.facts.filter((f) => f.entity === entity && f.status === 'verified').length, entity).toBeGreaterThanOrEqual(5);
    }
  });

  it('calls a fact verified only on an official source or two independent credible ones', () => {
    const sources = new Map(data.sources.map((s) => [s.id, s]));
    for (const fact of data.facts.filter((f) => f.status === 'verified')) {
      const official = fact.sources.some((id) => sources.get(id)?.tier === 'official');
      if (!official) expect(independentCount(fact.sources, sources), fact.id).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('validation catches', () => {
  it('an unknown source reference', () => {
    const d = clone();
    d.facts[0]!.sources = ['no-such-source'];
    expect(errorsOf(d).join('\n')).toMatch(/unknown source "no-such-source"/);
  });

  it('duplicate ids', () => {
    const d = clone();
    d.facts.push({ ...d.facts[0]! });
    d.sources.push({ ...d.sources[0]! });
    const errors = errorsOf(d).join('\n');
    expect(errors).toMatch(/duplicate fact\/claim id/);
    expect(errors).toMatch(/duplicate id/);
  });

  it('a verified fact resting on one outlet (two pages of it, or a repost)', () => {
    const d = clone();
    const [a, b] = d.sources;
    a!.tier = 'outlet';
    b!.tier = 'wire';
    d.sources.push({ ...a!, id: 'same-outlet-copy', outlet: 'Some Mirror', originalPublisher: a!.originalPublisher ?? a!.outlet });
    d.facts[0]!.status = 'verified';
    d.facts[0]!.sources = [a!.id, 'same-outlet-copy'];
    expect(errorsOf(d).join('\n')).toMatch(/marked "verified" but its sources earn "single-source"/);
    d.facts[0]!.sources = [a!.id, b!.id];
    if (independentCount([a!.id, b!.id], new Map(d.sources.map((s) => [s.id, s]))) === 2) {
      expect(errorsOf(d).join('\n')).not.toMatch(new RegExp(`fact ${d.facts[0]!.id}: marked`));
    }
  });

  it('secondary sources never count toward a status, and an official source verifies on its own', () => {
    const d = clone();
    const [a, b] = d.sources;
    a!.tier = 'secondary';
    a!.originalPublisher = undefined;
    b!.tier = 'secondary';
    b!.originalPublisher = undefined;
    d.facts[0]!.status = 'single-source';
    d.facts[0]!.sides = undefined;
    d.facts[0]!.sources = [a!.id, b!.id];
    expect(errorsOf(d).join('\n')).toMatch(/marked "single-source" but its sources earn "unconfirmed"/);
    d.facts[0]!.status = 'unconfirmed';
    expect(errorsOf(d).join('\n')).not.toMatch(new RegExp(`fact ${d.facts[0]!.id}: marked`));
    b!.tier = 'official';
    expect(errorsOf(d).join('\n')).toMatch(/marked "unconfirmed" but its sources earn "verified"/);
  });

  it('a placeholder headline, a non-https link, and a stale "facts as of" date', () => {
    const d = clone();
    d.sources[0]!.title = 'Report on the order (headline not captured)';
    d.sources[1]!.url = 'http://example.com/x';
    const errors = errorsOf(d).join('\n');
    expect(errors).toMatch(/a real headline, or null when unknown/);
    expect(errors).toMatch(/sources\[1\]/);
    const stale = clone();
    stale.meta.date = '2026-01-01';
    expect(errorsOf(stale).join('\n')).toMatch(/meta.date 2026-01-01 must be the newest fact confirmation/);
    const searchedEarly = clone();
    searchedEarly.meta.searched = '2026-01-01';
    expect(errorsOf(searchedEarly).join('\n')).toMatch(/meta.searched 2026-01-01 is before meta.date/);
  });

  it('a disputed fact without two sides', () => {
    const d = clone();
    d.facts[0]!.status = 'disputed';
    delete d.facts[0]!.sides;
    expect(errorsOf(d).join('\n')).toMatch(/"disputed" needs at least two sides/);
  });

  it('a claim pattern that does not compile', () => {
    const d = clone();
    d.claims[0]!.patterns = [{ lang: 'en', match: '(unclosed', scope: 'sentence' }];
    expect(errorsOf(d).join('\n')).toMatch(/does not compile/);
  });

  it('a claim whose own correction reads as the claim', () => {
    const d = clone();
    // Checked by a hand-written pattern alone (its typed checks left out), so the pattern is what the page runs.
    const claim = d.claims.find((c) => c.id === 'claim-glasswing-partners-still-cut-off')!;
    claim.patterns = [{ lang: 'en', match: claim.correction.en.split(' ').slice(0, 3).join('\\s+'), scope: 'page' }];
    claim.examples.flagged = [claim.correction.en];
    const checks = shippedChecks.filter((c) => c.claim !== claim.id);
    expect(validateDataset(d, checks).errors.join('\n')).toMatch(/its own correction reads as the claim/);
  });

  it('a claim with neither a typed check nor a pattern', () => {
    const d = clone();
    const claim = d.claims.find((c) => c.id === 'claim-glasswing-partners-still-cut-off')!;
    claim.patterns = [];
    const checks = shippedChecks.filter((c) => c.claim !== claim.id);
    expect(validateDataset(d, checks).errors.join('\n')).toMatch(/needs a typed check \(checks.json\) or a pattern/);
  });

  it('an accurate example that some claim flags', () => {
    const d = clone();
    d.claims[0]!.examples.accurate.push('Treasury Secretary Bessant spoke on Monday.');
    expect(errorsOf(d).join('\n')).toMatch(/is flagged as claim-bessant-misspelling/);
  });

  it('a fact without a Chinese statement', () => {
    const d = clone();
    d.facts[0]!.statement.zh = 'Copied English text only.';
    expect(errorsOf(d).join('\n')).toMatch(/Chinese statement has no Chinese text/);
    (d.facts[0]!.statement as { zh?: string }).zh = undefined;
    expect(errorsOf(d).join('\n')).toMatch(/statement\.zh/);
  });

  it('a source link that is not https', () => {
    const d = clone();
    d.sources[0]!.url = 'javascript:alert(1)';
    expect(errorsOf(d).join('\n')).toMatch(/url/);
  });
});

describe('the seed pages', () => {
  const SEEDS = join(import.meta.dirname, '..', '..', 'fixtures', 'seeds');
  const patterns = compileClaimRules(data.claims);
  const seeds = data.sources.filter((s) => s.seed);
  const sentencesOf = (seed: string) =>
    readFileSync(join(SEEDS, `${seed}.txt`), 'utf8')
      .split('\n')
      .flatMap((line) => splitSentences(line).map(([a, b]) => line.slice(a, b)));

  it('are all registered as sources', () => expect(seeds).toHaveLength(5));

  it.each(seeds.map((s) => [s.id, s.seed!] as const))('%s: each error it contains is recognised by its claim', (sourceId, seed) => {
    const sentences = sentencesOf(seed);
    const expected = data.claims.filter((c) => c.seenIn.includes(sourceId));
    expect(expected.length).toBeGreaterThan(0);
    for (const claim of expected) {
      const own = patterns.filter((p) => p.claimId === claim.id);
      expect(
        sentences.some((s) => own.some((p) => matchInSentence(p, s))),
        `${claim.id} in ${seed}`,
      ).toBe(true);
    }
  });

  it.each(seeds.map((s) => [s.id, s.seed!] as const))('%s: no claim fires on its accurate sentences', (sourceId, seed) => {
    for (const sentence of sentencesOf(seed)) {
      for (const p of patterns) {
        if (!matchInSentence(p, sentence)) continue;
        const claim = data.claims.find((c) => c.id === p.claimId)!;
        expect(claim.seenIn, `${p.claimId} fired on an accurate sentence of ${seed}: "${sentence}"`).toContain(sourceId);
      }
    }
  });
});
