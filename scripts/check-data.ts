/** `npm run check:data`: validates the dataset and prints every problem. Exit 1 on errors. */
import { rawDataset } from '../src/data/index';
import { validateDataset } from '../src/shared/dataset-checks';
import { Dataset } from '../src/data/schema';

const report = validateDataset(rawDataset);
for (const w of report.warnings) console.warn(`warning: ${w}`);
for (const e of report.errors) console.error(`error: ${e}`);
if (report.errors.length > 0) {
  console.error(`\nThe dataset has ${report.errors.length} error(s); fix them before building.`);
  process.exit(1);
}
const data = Dataset.parse(rawDataset);
const count = (status: string) => data.facts.filter((f) => f.status === status).length;
console.log(
  `dataset ${data.meta.version} (${data.meta.date}): ${data.facts.length} facts ` +
    `(${count('verified')} verified, ${count('single-source')} single-source, ${count('disputed')} disputed, ${count('unconfirmed')} unconfirmed), ` +
    `${data.claims.length} claims, ${data.sources.length} sources, ${report.warnings.length} warning(s)`,
);
