/**
 * Identifies a build's dataset: the background tags the matcher config it
 * publishes with it, and a content script uses a published config only from
 * its own build, so a dataset change that ships without a version bump can
 * never be matched with another build's patterns. Shared by vite.config.ts and
 * the benchmark's profiling build (which must accept the same published config).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function computeBuildId(root = '.'): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const data = join(root, 'src/data');
  const hash = createHash('sha256').update(pkg.version);
  const files = readdirSync(data, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(join(data, file)));
  return hash.digest('hex').slice(0, 16);
}
