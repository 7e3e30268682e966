/**
 * `virtual:frontier-facts/matcher-tables`: the matcher's tables (src/shared/matcher-tables.ts)
 * derived from the dataset when the extension is built and compiled into the content script,
 * so a page pays for no derivation, no storage read and no message before it can scan. The
 * dataset ships inside the extension and changes only with it: the build stays the one source.
 *
 * The scan's part is emitted as a plain object literal (JSON is valid JS; a string for JSON.parse
 * would escape every backslash of the regex sources twice). The claim checker's part, which only
 * paragraphs with a mention need, is a string parsed on first use: a page without a mention never
 * builds its objects.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';

export const MATCHER_TABLES_ID = 'virtual:frontier-facts/matcher-tables';
const RESOLVED = `\0${MATCHER_TABLES_ID}`;

export function matcherTablesPlugin(root = process.cwd()): Plugin {
  return {
    name: 'frontier-facts:matcher-tables',
    resolveId: (id) => (id === MATCHER_TABLES_ID ? RESOLVED : undefined),
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
      const { checker, ...scan } = module.buildMatcherTables();
      const checkerText = JSON.stringify(JSON.stringify(checker));
      return `const checker = ${checkerText};\nexport default { ...${JSON.stringify(scan)}, checker: () => JSON.parse(checker) };\n`;
    },
  };
}
