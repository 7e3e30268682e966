/** `npm run export:claimreview [-- zh]`: every claim as schema.org ClaimReview JSON-LD in dist/claimreview.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { claimReviewDocument } from '../src/shared/claimreview';
import { claimReviewData } from './claimreview-data';

const { data, claims, dates } = claimReviewData();
const lang = process.argv.includes('zh') ? 'zh' : 'en';
const doc = claimReviewDocument(claims, { datasetVersion: data.meta.version, datasetDate: data.meta.date, lang, dates });
mkdirSync('dist', { recursive: true });
const out = lang === 'zh' ? 'dist/claimreview.zh.json' : 'dist/claimreview.json';
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.log(`wrote ${doc['@graph'].length} ClaimReviews to ${out}`);
