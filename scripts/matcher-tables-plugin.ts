/**
 * `virtual:frontier-facts/matcher-tables`: the matcher's tables (src/shared/matcher-tables.ts)
 * derived from the dataset when the extension is built and compiled into the content script,
 * so a page pays for no derivation, no storage read and no message before it can scan. The
 * dataset ships inside the extension and changes only with it: the build stays the one source.
 *
 * Emitted as JSON text (JSON.parse of a string literal is cheaper to compile and run than the
 * same object as code); the claim checker's part, which only paragraphs with a mention need,
 * is parsed on first use.
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
      const text = (value: unknown) => JSON.stringify(JSON.stringify(value));
      return `const checker = ${text(checker)};\nexport default { ...JSON.parse(${text(scan)}), checker: () => JSON.parse(checker) };\n`;
    },
  };
}
