/**
 * The matcher's tables for the content script, from the dataset as it is on disk: loaded by the
 * build (matcher-tables-plugin.ts) through Vite's module runner, so every build and every watch
 * rebuild reads the current dataset.
 */
import { rawDataset } from '../src/data/index';
import { Dataset } from '../src/data/schema';
import { checkerConfig, shippedCheckerConfig } from '../src/shared/claims/config';
import { deriveMatcherTables } from '../src/shared/derive-matcher-tables';
import type { MatcherTables } from '../src/shared/matcher-tables';

export function buildMatcherTables(): MatcherTables {
  const data = Dataset.parse(rawDataset);
  return deriveMatcherTables(
    {
      datasetVersion: data.meta.version,
      entities: data.entities.map(({ id, aliases, cues }) => ({ id, aliases, cues })),
      claims: data.claims.map(({ id, entity, verdict, patterns }) => ({ id, entity, verdict, patterns })),
    },
    shippedCheckerConfig(checkerConfig()),
  );
}
