import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset } from '../../../src/data/schema';
import { claimReviewDocument } from '../../../src/shared/claimreview';
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
