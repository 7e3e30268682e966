/**
 * Builds the card's UI (src/content/card/card-ui.tsx) as its own ES module next to the content
 * script, which imports it on first use (src/content/card/card-ui-loader.ts). It is not a content
 * script and has no page of its own, so vite-plugin-web-extension does not build it: this plugin
 * runs one more library build when the content script's build closes, with the same JSX, target,
 * defines and minification. The file is listed in the manifest's web_accessible_resources.
 */
import { resolve } from 'node:path';
import { build, type InlineConfig, type Plugin } from 'vite';

const ENTRY = 'src/content/card/card-ui.tsx';
const CONTENT_ENTRY = 'src/content/index.ts';
/** Must match CARD_UI_PATH in src/content/card/card-ui-loader.ts (a unit test checks). */
export const CARD_UI_FILE = 'src/content/card-ui.js';

export function cardUiPlugin(options: {
  outDir: string;
  define: Record<string, string>;
  minify: boolean;
  target: string[];
  root?: string;
}): Plugin {
  const root = options.root ?? process.cwd();
  let isContentBuild = false;
  return {
    name: 'frontier-facts:card-ui',
    apply: 'build',
    buildStart(input) {
      const entries = Object.values(
        typeof input.input === 'string' ? { main: input.input } : Array.isArray(input.input) ? input.input : (input.input ?? {}),
      );
      isContentBuild = entries.some((entry) => resolve(root, entry) === resolve(root, CONTENT_ENTRY));
      // In watch mode, a change to the card rebuilds it with the content script.
      if (isContentBuild) this.addWatchFile(resolve(root, ENTRY));
    },
    async closeBundle() {
      if (!isContentBuild) return;
      const config: InlineConfig = {
        configFile: false,
        root,
        logLevel: 'warn',
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        define: options.define,
        build: {
          outDir: options.outDir,
          emptyOutDir: false,
          target: options.target,
          minify: options.minify,
          assetsInlineLimit: 0,
          copyPublicDir: false,
          lib: { entry: resolve(root, ENTRY), formats: ['es'], fileName: () => CARD_UI_FILE },
        },
      };
      await build(config);
    },
  };
}
