/**
 * `npm run export:site -- --base-url https://example.org/facts/ [--out dir]`: the claims as a static
 * site a publisher can put online, one page per claim with its ClaimReview JSON-LD (scripts/site/).
 * Default folder: dist/site (FF_OUT_DIR/site when set). The dataset is checked first, as for a build.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rawDataset } from '../src/data/index';
import { Dataset } from '../src/data/schema';
import { validateDataset } from '../src/shared/dataset-checks';
import { buildSite, writeSite } from './site/build-site';

const { values } = parseArgs({
  options: { 'base-url': { type: 'string' }, out: { type: 'string' } },
  allowPositionals: false,
});
const baseUrl = values['base-url'];
if (!baseUrl) {
  console.error('usage: npm run export:site -- --base-url https://example.org/facts/ [--out dir]');
  process.exit(2);
}

const report = validateDataset(rawDataset);
if (report.errors.length > 0) {
  for (const e of report.errors) console.error(`error: ${e}`);
  console.error(`\nThe dataset has ${report.errors.length} error(s); fix them before publishing.`);
  process.exit(1);
}

const outDir = resolve(values.out ?? `${process.env.FF_OUT_DIR ?? 'dist'}/site`);
let files;
try {
  files = buildSite(Dataset.parse(rawDataset), baseUrl);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
writeSite(files, outDir);
console.log(`wrote ${files.length} pages (${files.filter((f) => f.path.includes('claims/')).length} claim pages) to ${outDir}`);
