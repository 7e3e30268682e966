import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { VERDICT_RATINGS, claimReviewDocument, firstAppearance, reviewDates } from '../../../src/shared/claimreview';
import { claimView, sourceView } from '../../../src/shared/views';

const data = Dataset.parse(rawDataset);
const sources = new Map(data.sources.map((s) => [s.id, sourceView(s)]));
const doc = claimReviewDocument(
  data.claims.map((c) => claimView(c, sources)),
  { datasetVersion: data.meta.version, datasetDate: data.meta.date, lang: 'en' },
);

describe('ClaimReview export', () => {
  it('has one ClaimReview per claim in a schema.org graph', () => {
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph']).toHaveLength(data.claims.length);
  });

  it('fills the fields schema.org (and fact-check indexes) read', () => {
    for (const review of doc['@graph']) {
      expect(review['@type']).toBe('ClaimReview');
      expect(review.claimReviewed.length).toBeGreaterThan(0);
      expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Frontier Facts' });
      expect(review.reviewRating).toMatchObject({ '@type': 'Rating', bestRating: 5, worstRating: 1 });
      expect(review.reviewRating.ratingValue).toBeGreaterThanOrEqual(1);
      expect(review.reviewRating.ratingValue).toBeLessThanOrEqual(3);
      expect(['False', 'Misleading', 'Outdated', 'Disputed', 'Unsupported']).toContain(review.reviewRating.alternateName);
      expect(review.itemReviewed['@type']).toBe('Claim');
      expect(review.citation.length).toBeGreaterThan(0);
      for (const work of [...review.citation, ...(review.itemReviewed.appearance ?? [])]) {
        expect(work['@type']).toBe('CreativeWork');
        if ('url' in work) expect(work.url).toMatch(/^https:\/\//);
      }
    }
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});

describe('ClaimReview ratings', () => {
  it('maps every verdict onto the 1 (false) … 5 (true) scale, worst verdict lowest', () => {
    expect(Object.fromEntries(Object.entries(VERDICT_RATINGS).map(([verdict, r]) => [verdict, r.value]))).toEqual({
      false: 1,
      misleading: 2,
      outdated: 2,
      unsupported: 2,
      disputed: 3,
    });
  });
});

describe('review dates', () => {
  const dated = new Map([
    ['old', { published: '2026-04-10' }],
    ['new', { published: '2026-06-30' }],
    ['undated', { published: null }],
    ['seen-early', { published: '2026-03-01' }],
    ['seen-late', { published: '2026-05-22' }],
  ]);
  const facts = new Map([
    ['fact-a', { asOf: '2026-06-03' }],
    ['fact-b', { asOf: '2026-07-02' }],
  ]);

  it('publishes when the claim had been seen and its first evidence existed; modified when the evidence was last confirmed', () => {
    const claim = { sources: ['old', 'undated', 'new'], facts: ['fact-a', 'fact-b'], seenIn: ['seen-late', 'seen-early'] };
    expect(reviewDates(claim, facts, dated, '2026-07-03')).toEqual({ published: '2026-04-10', modified: '2026-07-02' });
  });

  it('never publishes a review before its claim was first seen', () => {
    const claim = { sources: ['old'], facts: ['fact-a'], seenIn: ['seen-late'] };
    expect(reviewDates(claim, facts, dated, '2026-07-03')).toEqual({ published: '2026-05-22', modified: '2026-06-03' });
  });

  it('falls back to the dataset date when nothing is dated', () => {
    expect(reviewDates({ sources: ['undated'], facts: [], seenIn: [] }, facts, dated, '2026-07-03')).toEqual({
      published: '2026-07-03',
      modified: '2026-07-03',
    });
  });

  it("dates every claim of the dataset within the dataset's review", () => {
    const allFacts = new Map(data.facts.map((f) => [f.id, f]));
    for (const claim of data.claims) {
      const { published, modified } = reviewDates(claim, allFacts, sources, data.meta.date);
      expect(published <= modified, claim.id).toBe(true);
      expect(modified <= data.meta.date, claim.id).toBe(true);
    }
  });
});

describe('first appearance', () => {
  const page = (id: string, published: string | null) => ({
    id,
    outlet: id,
    title: null,
    url: null,
    published,
    tier: 'secondary' as const,
  });

  it('is the earliest dated page, or none when no page is dated', () => {
    expect(firstAppearance([page('a', null), page('b', '2026-06-03'), page('c', '2026-05-22')])?.id).toBe('c');
    expect(firstAppearance([page('a', null)])).toBeUndefined();
    expect(firstAppearance([])).toBeUndefined();
  });
});
