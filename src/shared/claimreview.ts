/**
 * The claims as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview),
 * so other fact-checking tools can import our verdicts. Pure: the background
 * (options page button), `npm run export:claimreview` and `npm run export:site`
 * (one page per claim, with its own URL) all call it.
 */
import type { Claim, Fact, Verdict } from '../data/schema';
import type { ClaimView, SourceView } from './views';

/**
 * ClaimReview's convention runs from 1 (worst: false) to 5 (best: true); none of our verdicts is
 * "true", so 4 and 5 go unused. The value says how far a reader may rely on the claim as worded
 * today (the README's "ClaimReview ratings" explains each step).
 */
export const VERDICT_RATINGS: Readonly<Record<Verdict, { value: number; name: string }>> = {
  false: { value: 1, name: 'False' },
  misleading: { value: 2, name: 'Misleading' },
  outdated: { value: 2, name: 'Outdated' },
  unsupported: { value: 2, name: 'Unsupported' },
  disputed: { value: 3, name: 'Disputed' },
};
export const BEST_RATING = 5;
export const WORST_RATING = 1;

const ORGANIZATION = 'Frontier Facts';

/** When a review was (at the earliest) published and when its evidence was last confirmed: ISO dates. */
export interface ReviewDates {
  published: string;
  modified: string;
}

export interface ClaimReviewOptions {
  datasetVersion: string;
  /** The dataset's review date: every ClaimReview's date when `dates` has none for it. */
  datasetDate: string;
  lang: 'en' | 'zh';
  /** Per-claim dates from `reviewDates`, by claim id. */
  dates?: ReadonlyMap<string, ReviewDates>;
  /** Where the reviews are published: the organisation's site and each review's page. */
  site?: { url: string; claimUrl: (claimId: string) => string };
}

export function claimReviewDocument(claims: readonly ClaimView[], options: ClaimReviewOptions) {
  return {
    '@context': 'https://schema.org',
    '@graph': claims.map((claim) => claimReview(claim, options)),
  };
}

/** One claim's ClaimReview as a standalone JSON-LD document (for the page that publishes it). */
export function claimReviewJsonLd(claim: ClaimView, options: ClaimReviewOptions) {
  return { '@context': 'https://schema.org', ...claimReview(claim, options) };
}

function claimReview(claim: ClaimView, { datasetVersion, datasetDate, lang, dates, site }: ClaimReviewOptions) {
  const rating = VERDICT_RATINGS[claim.verdict];
  const when = dates?.get(claim.id) ?? { published: datasetDate, modified: datasetDate };
  const url = site?.claimUrl(claim.id);
  const first = firstAppearance(claim.seenIn);
  return {
    '@type': 'ClaimReview',
    '@id': url ? `${url}#claimreview` : `urn:frontier-facts:${datasetVersion}:claim:${claim.id}`,
    ...(url ? { url } : {}),
    datePublished: when.published,
    dateModified: when.modified,
    inLanguage: lang === 'zh' ? 'zh-CN' : 'en',
    author: { '@type': 'Organization', name: ORGANIZATION, ...(site ? { url: site.url } : {}) },
    claimReviewed: claim.claim[lang],
    reviewBody: claim.correction[lang],
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      alternateName: rating.name,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.seenIn.length > 0 ? { appearance: claim.seenIn.map(creativeWork) } : {}),
      // Where the claim entered public discourse, as far as our records reach: its earliest dated page.
      ...(first?.published
        ? {
            firstAppearance: creativeWork(first),
            author: publisher(first),
            datePublished: first.published,
          }
        : {}),
    },
    citation: claim.sources.map(creativeWork),
  };
}

/** The earliest-dated page a claim was seen in (the first of equals, in the dataset's order); undefined when none is dated. */
export function firstAppearance(seenIn: readonly SourceView[]): SourceView | undefined {
  let first: SourceView | undefined;
  for (const page of seenIn) if (page.published && (!first?.published || page.published < first.published)) first = page;
  return first;
}

/**
 * A review's dates, derived from the dataset, which keeps no publication log per claim (so the same
 * dataset always gives the same dates):
 * - `published`: the first day the review could stand: the later of the claim's first dated
 *   appearance (a review never precedes its claim) and the oldest date of its evidence (its cited
 *   sources' dates and its linked facts' `asOf`);
 * - `modified`: the last day its evidence was confirmed: the newest of those dates (never before `published`).
 * With nothing dated, both are `fallback` (the dataset's date).
 */
export function reviewDates(
  claim: Pick<Claim, 'sources' | 'facts' | 'seenIn'>,
  facts: ReadonlyMap<string, Pick<Fact, 'asOf'>>,
  sources: ReadonlyMap<string, Pick<SourceView, 'published'>>,
  fallback: string,
): ReviewDates {
  const evidence = [...claim.sources.map((id) => sources.get(id)?.published), ...claim.facts.map((id) => facts.get(id)?.asOf)].filter(
    (d): d is string => typeof d === 'string',
  );
  const seen = claim.seenIn.flatMap((id) => sources.get(id)?.published ?? []);
  if (evidence.length === 0 && seen.length === 0) return { published: fallback, modified: fallback };
  const oldest = (dates: string[]) => dates.reduce((a, b) => (b < a ? b : a));
  const newest = (dates: string[]) => dates.reduce((a, b) => (b > a ? b : a));
  const published = newest([...(seen.length ? [oldest(seen)] : []), ...(evidence.length ? [oldest(evidence)] : [])]);
  return { published, modified: newest([published, ...evidence]) };
}

function publisher(source: SourceView) {
  return { '@type': 'Organization', name: source.originalPublisher ?? source.outlet };
}

function creativeWork(source: SourceView) {
  return {
    '@type': 'CreativeWork',
    ...(source.url ? { url: source.url } : {}),
    ...(source.title ? { headline: source.title } : {}),
    publisher: publisher(source),
    ...(source.published ? { datePublished: source.published } : {}),
  };
}
