/**
 * `npm run gen:zh`: writes src/data/generated/zh-variants.json, the compact
 * Traditional→Simplified table the claim checker folds text with, and the
 * Traditional/Taiwan/Hong Kong spellings of the dataset's Chinese phrases.
 *
 * Built from the dataset's own vocabulary (entity aliases and cues, concept
 * lists) with OpenCC, at development time: the extension ships a few KB of
 * pairs, not a converter. A unit test fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { zhVariantsFor } from './zh-variants-lib';

const out = 'src/data/generated/zh-variants.json';
writeFileSync(out, JSON.stringify(zhVariantsFor(), null, 2) + '\n');
console.log(`wrote ${out}`);
