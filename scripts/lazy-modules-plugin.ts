/**
 * Builds the modules the content script imports on first need, each as its own self-contained ES module next to
 * it: the card's UI (on a page's first hover or focus) and the claim module (the claim tables with the checker's
 * code, only when the background does not check a page's claims). They are not content scripts and have no page
 * of their own, so vite-plugin-web-extension does not build them: this plugin runs one build per module
 * when the content script's build closes, with the same JSX, target, defines and minification. Both files are
 * listed in the manifest's web_accessible_resources.
 */
import { resolve } from 'node:path';
import { build, type InlineConfig, type Plugin, type PluginOption } from 'vite';

const CONTENT_ENTRY = 'src/content/index.ts';
/** Must match CARD_UI_PATH in src/content/card/card-ui-loader.ts (a unit test checks). */
export const CARD_UI_FILE = 'src/content/card-ui.js';
/** Must match CLAIM_TABLES_PATH in src/content/claim-tables-loader.ts (a unit test checks). */
export const CLAIM_TABLES_FILE = 'src/content/claim-tables.js';

export const LAZY_MODULES = [
  { entry: 'src/content/card/card-ui.tsx', fileName: CARD_UI_FILE },
  { entry: 'src/content/claim-module.ts', fileName: CLAIM_TABLES_FILE },
] as const;

export function lazyModulesPlugin(options: {
  outDir: string;
  define: Record<string, string>;
  minify: boolean;
  target: string[];
  /** Plugins the modules' builds need too (the matcher tables' virtual modules). */
  plugins?: () => PluginOption[];
  root?: string;
}): Plugin {
  const root = options.root ?? process.cwd();
  let isContentBuild = false;
  return {
    name: 'frontier-facts:lazy-modules',
    apply: 'build',
    buildStart(input) {
      const entries = Object.values(
        typeof input.input === 'string' ? { main: input.input } : Array.isArray(input.input) ? input.input : (input.input ?? {}),
      );
      isContentBuild = entries.some((entry) => resolve(root, entry) === resolve(root, CONTENT_ENTRY));
      // In watch mode, a change to a module rebuilds it with the content script.
      if (isContentBuild) for (const { entry } of LAZY_MODULES) this.addWatchFile(resolve(root, entry));
    },
    async closeBundle() {
      if (!isContentBuild) return;
      for (const { entry, fileName } of LAZY_MODULES) {
        const config: InlineConfig = {
          configFile: false,
          root,
          logLevel: 'warn',
          oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
          define: options.define,
          plugins: options.plugins?.() ?? [],
          build: {
            outDir: options.outDir,
            emptyOutDir: false,
            target: options.target,
            minify: options.minify,
            assetsInlineLimit: 0,
            copyPublicDir: false,
            // Not library mode: that leaves an ES module's whitespace unminified (the card's UI was 58 KB, now 47).
            rollupOptions: {
              input: resolve(root, entry),
              preserveEntrySignatures: 'strict',
              output: { format: 'es', entryFileNames: fileName, inlineDynamicImports: true },
            },
          },
        };
        await build(config);
      }
    },
  };
}
