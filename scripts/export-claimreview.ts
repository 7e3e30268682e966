/** `npm run export:claimreview [-- zh]`: every claim as schema.org ClaimReview JSON-LD in dist/claimreview.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { rawDataset } from '../src/data/index';
import { Dataset } from '../src/data/schema';
import { claimReviewDocument } from '../src/shared/claimreview';
import { claimView, sourceView } from '../src/shared/views';

const data = Dataset.parse(rawDataset);
const sources = new Map(data.sources.map((s) => [s.id, sourceView(s)]));
const lang = process.argv.includes('zh') ? 'zh' : 'en';
const doc = claimReviewDocument(
  data.claims.map((c) => claimView(c, sources)),
  { datasetVersion: data.meta.version, datasetDate: data.meta.date, lang },
);
mkdirSync('dist', { recursive: true });
const out = lang === 'zh' ? 'dist/claimreview.zh.json' : 'dist/claimreview.json';
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`wrote ${doc['@graph'].length} ClaimReviews to ${out}`);
