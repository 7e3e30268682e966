/**
 * The claims as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview),
 * so other fact-checking tools can import our verdicts. Pure: the background
 * (options page button) and `npm run export:claimreview` both call it.
 */
import type { Verdict } from '../data/schema';
import type { ClaimView, SourceView } from './views';

/** ClaimReview ratings run from 1 (worst) to 5 (best); none of our verdicts is "true". */
const RATING: Record<Verdict, { value: number; name: string }> = {
  false: { value: 1, name: 'False' },
  misleading: { value: 2, name: 'Misleading' },
  outdated: { value: 2, name: 'Outdated' },
  unsupported: { value: 3, name: 'Unsupported' },
  disputed: { value: 3, name: 'Disputed' },
};

const AUTHOR = { '@type': 'Organization', name: 'Frontier Facts' } as const;

export interface ClaimReviewOptions {
  datasetVersion: string;
  /** The dataset's review date; every ClaimReview is published as of it. */
  datasetDate: string;
  lang: 'en' | 'zh';
}

export function claimReviewDocument(claims: readonly ClaimView[], options: ClaimReviewOptions) {
  return {
    '@context': 'https://schema.org',
    '@graph': claims.map((claim) => claimReview(claim, options)),
  };
}

function claimReview(claim: ClaimView, { datasetVersion, datasetDate, lang }: ClaimReviewOptions) {
  const rating = RATING[claim.verdict];
  return {
    '@type': 'ClaimReview',
    '@id': `urn:frontier-facts:${datasetVersion}:claim:${claim.id}`,
    datePublished: datasetDate,
    inLanguage: lang === 'zh' ? 'zh-CN' : 'en',
    author: AUTHOR,
    claimReviewed: claim.claim[lang],
    reviewBody: claim.correction[lang],
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.name,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.seenIn.length > 0 ? { appearance: claim.seenIn.map(creativeWork) } : {}),
    },
    citation: claim.sources.map(creativeWork),
  };
}

function creativeWork(source: SourceView) {
  return {
    '@type': 'CreativeWork',
    ...(source.url ? { url: source.url } : {}),
    ...(source.title ? { headline: source.title } : {}),
    publisher: { '@type': 'Organization', name: source.originalPublisher ?? source.outlet },
    ...(source.published ? { datePublished: source.published } : {}),
  };
}
