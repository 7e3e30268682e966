/**
 * `npm run build`: checks the dataset (the build fails, listing every problem,
 * when it is invalid), then builds dist/chrome and dist/firefox from the one
 * manifest. `npm run build -- chrome` builds one browser.
 */
import { build } from 'vite';
import { rawDataset } from '../src/data/index';
import { validateDataset } from '../src/shared/dataset-checks';

const report = validateDataset(rawDataset);
if (report.errors.length > 0) {
  console.error(`The dataset is invalid (${report.errors.length} problem(s)); nothing was built:`);
  for (const e of report.errors) console.error(`  - ${e}`);
  process.exit(1);
}

const requested = process.argv.slice(2).filter((a) => a === 'chrome' || a === 'firefox');
const targets = requested.length > 0 ? requested : ['chrome', 'firefox'];
for (const target of targets) {
  process.env.TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log(`built ${process.env.FF_OUT_DIR ?? 'dist'}/${target}`);
}
