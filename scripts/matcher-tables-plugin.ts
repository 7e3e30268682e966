/**
 * `virtual:frontier-facts/matcher-tables`: the matcher's tables (src/shared/matcher-tables.ts)
 * derived from the dataset when the extension is built and compiled into the content script,
 * so a page pays for no derivation, no storage read and no message before it can scan. The
 * dataset ships inside the extension and changes only with it: the build stays the one source.
 *
 * The scan's part is emitted as a plain object literal (JSON is valid JS; a string for JSON.parse
 * would escape every backslash of the regex sources twice). The claim part (the checker's
 * configuration and the hand-written patterns, half the tables), which only paragraphs with a
 * mention need, is a module of its own (CLAIM_TABLES_FILE) that the content script imports only when
 * the background cannot check a page's claims (src/content/remote-claims.ts): a cold tab rarely compiles it (issue 16: compiling the content
 * script was most of the task that injects it, 18–66 ms against the null script's 0.5–2 ms).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';

export const MATCHER_TABLES_ID = 'virtual:frontier-facts/matcher-tables';
const RESOLVED = `\0${MATCHER_TABLES_ID}`;
/** Must match CLAIM_TABLES_PATH in src/content/claim-tables-loader.ts (a unit test checks). */
export const CLAIM_TABLES_FILE = 'src/content/claim-tables.js';

export function matcherTablesPlugin(root = process.cwd()): Plugin {
  let claimTables: string | undefined;
  return {
    name: 'frontier-facts:matcher-tables',
    resolveId: (id) => (id === MATCHER_TABLES_ID ? RESOLVED : undefined),
    generateBundle() {
      // The claim part, next to the content script that imports it on a page's first mention.
      if (claimTables !== undefined) this.emitFile({ type: 'asset', fileName: CLAIM_TABLES_FILE, source: claimTables });
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const data = resolve(root, 'src/data');
      for (const file of readdirSync(data, { recursive: true, encoding: 'utf8' }))
        if (file.endsWith('.json')) this.addWatchFile(join(data, file));
      const { module } = await runnerImport<typeof import('./matcher-tables-source')>(resolve(root, 'scripts/matcher-tables-source.ts'), {
        configFile: false,
        root,
        logLevel: 'error',
      });
      const { checker, patterns, ...scan } = module.buildMatcherTables();
      // An ES module of one JSON string: JSON.parse reads it faster than V8 parses the same object as code.
      claimTables = `export default JSON.parse(${JSON.stringify(JSON.stringify({ checker, patterns }))});\n`;
      return `export default ${JSON.stringify(scan)};\n`;
    },
  };
}
