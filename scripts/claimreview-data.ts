/** What both ClaimReview exports start from: the parsed dataset's claims as views, with each review's dates. */
import { rawDataset } from '../src/data/index';
import { Dataset } from '../src/data/schema';
import { reviewDates, type ReviewDates } from '../src/shared/claimreview';
import { claimView, sourceView, type ClaimView } from '../src/shared/views';

export interface ClaimReviewData {
  data: Dataset;
  claims: ClaimView[];
  dates: Map<string, ReviewDates>;
}

/** The claims of `data` (the bundled dataset unless given) with their review dates. */
export function claimReviewData(data: Dataset = Dataset.parse(rawDataset)): ClaimReviewData {
  const sources = new Map(data.sources.map((s) => [s.id, sourceView(s)]));
  const facts = new Map(data.facts.map((f) => [f.id, f]));
  return {
    data,
    claims: data.claims.map((c) => claimView(c, sources)),
    dates: new Map(data.claims.map((c) => [c.id, reviewDates(c, facts, sources, data.meta.date)])),
  };
}
