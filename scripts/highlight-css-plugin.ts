import type { Plugin } from 'vite';

/**
 * highlights.css is written for browsers that inherit highlight styles (CSS Pseudo 4, highlight
 * cascade): `:root::highlight(name)` styles a range anywhere in the document, shadow trees
 * included, and costs the page's style one element. Gecko (ESR 140) does not inherit them, so the
 * Firefox build rewrites each rule to a bare `::highlight(name)`, which it matches on every element.
 * Applies to the manifest's stylesheet and to the `?inline` copy a Firefox shadow root adopts.
 */
export function highlightCssPlugin(target: 'chrome' | 'firefox'): Plugin {
  return {
    name: 'frontier-facts:highlight-css',
    enforce: 'pre',
    transform(code, id) {
      if (target !== 'firefox' || !/[\\/]highlights\.css(?:\?|$)/.test(id)) return undefined;
      return { code: code.replaceAll(':root::highlight(', '::highlight('), map: null };
    },
  };
}
