/**
 * The matcher's tables (src/shared/matcher-tables.ts), derived from the dataset when the extension is built, as
 * two virtual modules:
 * - `virtual:frontier-facts/matcher-tables`, the scan's part, compiled into the content script, so a page pays for
 *   no derivation, no storage read and no message before it can scan. The dataset ships inside the extension and
 *   changes only with it: the build stays the one source. Emitted as one string for JSON.parse, and without the
 *   scanner's joined alternation (the page runs its parts): a cold tab parses every byte of the content script,
 *   and V8 reads a string literal far quicker than the same tables as an object literal (issue 16: the script's
 *   compile was ~20 ms of a seed article's ~75 ms on the main thread; the string is 8 % longer, its backslashes
 *   escaped twice).
 * - `virtual:frontier-facts/claim-tables`, the claim part (the checker's configuration and the hand-written
 *   patterns, half the tables), compiled into the claim module (src/content/claim-module.ts) that a page imports
 *   only when the background cannot check its claims (src/content/remote-claims.ts): a cold tab rarely compiles
 *   it (issue 16: compiling the content script was most of the task that injects it).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';

export const MATCHER_TABLES_ID = 'virtual:frontier-facts/matcher-tables';
export const CLAIM_TABLES_ID = 'virtual:frontier-facts/claim-tables';
const RESOLVED = new Map([
  [MATCHER_TABLES_ID, `\0${MATCHER_TABLES_ID}`],
  [CLAIM_TABLES_ID, `\0${CLAIM_TABLES_ID}`],
]);

export function matcherTablesPlugin(root = process.cwd()): Plugin {
  return {
    name: 'frontier-facts:matcher-tables',
    resolveId: (id) => RESOLVED.get(id),
    async load(id) {
      if (id !== RESOLVED.get(MATCHER_TABLES_ID) && id !== RESOLVED.get(CLAIM_TABLES_ID)) return undefined;
      const data = resolve(root, 'src/data');
      for (const file of readdirSync(data, { recursive: true, encoding: 'utf8' }))
        if (file.endsWith('.json')) this.addWatchFile(join(data, file));
      const { module } = await runnerImport<typeof import('./matcher-tables-source')>(resolve(root, 'scripts/matcher-tables-source.ts'), {
        configFile: false,
        root,
        logLevel: 'error',
      });
      const { checker, patterns, scanner: _joined, ...scan } = module.buildMatcherTables();
      // One JSON string: JSON.parse reads it faster than V8 parses the same object as code.
      const tables = id === RESOLVED.get(CLAIM_TABLES_ID) ? { checker, patterns } : scan;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(tables))});\n`;
    },
  };
}
