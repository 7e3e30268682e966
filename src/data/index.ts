/**
 * The bundled dataset, assembled from one JSON file per table and subject so
 * that reviews and merges stay small. Checked whole by `npm run build`
 * (scripts/build.ts, with shared/dataset-checks.ts) and parsed again with zod
 * where it is loaded into the store.
 */
import type { DatasetInput } from './schema';
import meta from './meta.json';
import entities from './entities.json';
import seedSources from './sources/seeds.json';
import eoSources from './sources/eo-14409.json';
import mythosSources from './sources/claude-mythos.json';
import glasswingSources from './sources/project-glasswing.json';
import eoFacts from './facts/eo-14409.json';
import mythosFacts from './facts/claude-mythos.json';
import glasswingFacts from './facts/project-glasswing.json';
import eoClaims from './claims/eo-14409.json';
import mythosClaims from './claims/claude-mythos.json';
import glasswingClaims from './claims/project-glasswing.json';

/** The raw dataset as written; parse it with `Dataset` before trusting its types. */
export const rawDataset = {
  meta,
  entities,
  sources: [...seedSources, ...eoSources, ...mythosSources, ...glasswingSources],
  facts: [...eoFacts, ...mythosFacts, ...glasswingFacts],
  claims: [...eoClaims, ...mythosClaims, ...glasswingClaims],
} as unknown as DatasetInput;
