/** Shared by the browser-tier tests: the real dataset's matcher config and a few DOM probes. */
import { rawDataset } from '../../src/data/index';
import { Dataset } from '../../src/data/schema';
import { deriveMatcherTables } from '../../src/shared/derive-matcher-tables';
import { ClaimChecker } from '../../src/shared/claims/checker';
import type { LazyMatcherTables, MatcherTables } from '../../src/shared/matcher-tables';

const data = Dataset.parse(rawDataset);

/** The matcher's tables, derived from the dataset as the build derives the content script's. */
export const matcherTables: MatcherTables = deriveMatcherTables({
  datasetVersion: data.meta.version,
  entities: data.entities,
  claims: data.claims,
});

/** The same tables as the content script has them: the claim part, with the checker's code, loaded on first need. */
export const contentTables: LazyMatcherTables = (() => {
  const { checker, patterns, ...scan } = matcherTables;
  return { ...scan, loadClaims: async () => ({ checker, patterns, createChecker: (config) => new ClaimChecker(config) }) };
})();

/** A Range over the first occurrence of `text` under `root`. */
export function rangeOver(text: string, root: Node = document.body): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const i = node.data.indexOf(text);
    if (i < 0) continue;
    const range = new Range();
    range.setStart(node, i);
    range.setEnd(node, i + text.length);
    return range;
  }
  throw new Error(`not found: ${text}`);
}

/** The centre of a range's first line box, in viewport coordinates. */
export function centerOf(range: Range): { x: number; y: number } {
  const rect = range.getClientRects()[0];
  if (!rect) throw new Error(`no layout for "${range.toString()}"`);
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** Text of every range of one of our highlights. */
export function highlighted(name: string): string[] {
  return [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString());
}
