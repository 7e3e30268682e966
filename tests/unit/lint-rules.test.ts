/**
 * The lint rules that guard src/ (tooling/lint/config.js) can fail: each forbidden construct and
 * each import across a room's wall, written into a file of the right folder, is reported by the
 * rule meant for it, and look-alikes that are fine are not. One ESLint process lints them all.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

const bad: Array<[file: string, code: string, rule: string]> = [
  ['src/content/a.ts', 'declare const el: Element, s: string;\nel.innerHTML = s;', 'no-restricted-syntax'],
  ['src/content/a.ts', "declare const el: Element, s: string;\nel['innerHTML'] += s;", 'no-restricted-syntax'],
  ['src/background/a.ts', 'declare const node: Element;\nnode.outerHTML = "<b>x</b>";', 'no-restricted-syntax'],
  ['src/content/a.ts', "declare const el: Element, s: string;\nel.insertAdjacentHTML('beforeend', s);", 'no-restricted-properties'],
  [
    'src/content/card/A.tsx',
    'declare const s: string;\nexport const A = () => <div dangerouslySetInnerHTML={{ __html: s }} />;',
    'no-restricted-syntax',
  ],
  ['src/options/a.ts', 'declare const s: string;\ndocument.write(s);', 'no-restricted-properties'],
  ['src/shared/a.ts', 'declare const code: string;\nexport const v = eval(code);', 'no-eval'],
  ['src/shared/a.ts', 'declare const body: string;\nexport const f = new Function("a", body);', 'no-new-func'],
  ['src/shared/a.ts', 'export const f = Function("return this")();', 'no-new-func'],
  ['src/content/a.ts', "setTimeout('alert(1)', 10);", 'no-implied-eval'],
  ['src/content/a.ts', "export const r = fetch('https://example.com/x');", 'no-restricted-globals'],
  ['src/background/a.ts', 'declare const url: string;\nexport const r = globalThis.fetch(url);', 'no-restricted-properties'],
  ['src/background/a.ts', "declare const url: string;\nexport const r = self['fetch'](url);", 'no-restricted-properties'],
  ['src/popup/a.ts', 'export const x = new XMLHttpRequest();', 'no-restricted-globals'],
  ['src/content/a.ts', "export const w = new WebSocket('wss://x');", 'no-restricted-globals'],
  ['src/content/a.ts', "export const e = new EventSource('/s');", 'no-restricted-globals'],
  ['src/content/a.ts', 'declare const url: string;\nnavigator.sendBeacon(url, "x");', 'no-restricted-properties'],
  ['src/background/a.ts', "importScripts('https://cdn.example/x.js');", 'no-restricted-globals'],
  ['src/content/a.ts', "export const m = import('https://cdn.example/x.js');", 'no-restricted-syntax'],
  ['src/ui/A.tsx', 'export const A = () => <img src="https://tracker.example/p.gif" alt="" />;', 'no-restricted-syntax'],
  // The rooms.
  ['src/content/a.ts', "export { createBackgroundHandlers } from '../background/handlers';", 'import-x/no-restricted-paths'],
  ['src/content/a.ts', "export { useApi } from '../ui/context';", 'import-x/no-restricted-paths'],
  ['src/content/card/a.ts', "export { createUiApi } from '../../ui/api';", 'import-x/no-restricted-paths'],
  ['src/ui/kit/a.ts', "export { useApi } from '../context';", 'import-x/no-restricted-paths'],
  ['src/shared/a.ts', "export { Highlighter } from '../content/highlighter';", 'import-x/no-restricted-paths'],
  ['src/shared/a.ts', "export { createUiApi } from '../ui/api';", 'import-x/no-restricted-paths'],
  ['src/data/a.ts', "export { Matcher } from '../shared/matcher';", 'import-x/no-restricted-paths'],
  ['src/content/a.ts', "export { Matcher } from '../shared/matcher';", '@typescript-eslint/no-restricted-imports'],
  ['src/content/a.ts', "export { ClaimChecker } from '../shared/claims/checker';", '@typescript-eslint/no-restricted-imports'],
  ['src/shared/scan-matcher.ts', "export { findDates } from './claims/dates';", '@typescript-eslint/no-restricted-imports'],
  ['src/content/a.ts', "export { mulberry32 } from '../../tooling/prng';", 'import-x/no-restricted-paths'],
  ['src/content/a.ts', "export { kindOf } from './scan/elements';", 'import-x/no-restricted-paths'],
  ['src/content/card/a.ts', "export { ParagraphBuilder } from '../scan/paragraph';", 'import-x/no-restricted-paths'],
  ['src/background/a.ts', "export { computeBuildId } from '../../scripts/build-id';", 'import-x/no-restricted-paths'],
  // UI pages: the browser only through UiApi, text only from _locales.
  ['src/popup/a.ts', "export const p = browser.runtime.sendMessage({ type: 'settings.get' });", 'no-restricted-syntax'],
  ['src/ui/a.ts', "export { default } from 'webextension-polyfill';", 'no-restricted-imports'],
  ['src/popup/A.tsx', 'export const A = () => <p>Nothing here</p>;', 'no-restricted-syntax'],
  ['src/options/A.tsx', 'export const A = () => <input placeholder="Search" />;', 'no-restricted-syntax'],
];

const good: Array<[file: string, code: string]> = [
  ['src/content/a.ts', '// innerHTML is never used: text only\n/* zod would use new Function; jitless is set */\nexport const a = 1;'],
  ['src/content/a.ts', 'declare const el: Element, s: string, x: string;\nel.textContent = s;\nexport const same = el.outerHTML === x;'],
  [
    'src/content/a.ts',
    'declare function refetch(): void;\ndeclare function evaluate(x: number): void;\nexport const prefetch = true;\nrefetch();\nevaluate(1);',
  ],
  ['src/ui/A.tsx', 'declare const url: string;\nexport const A = () => <a href={url} target="_blank" rel="noopener noreferrer" />;'],
  ['src/content/a.ts', "export { ScanMatcher } from '../shared/scan-matcher';\nexport { ENTITY_IDS } from '../data/vocabulary';"],
  [
    'src/content/a.ts',
    "export type { ClaimChecker } from '../shared/claims/checker';\nexport { foldFullWidth } from '../shared/claims/fold';",
  ],
  ['src/content/claim-module.ts', "export { ClaimChecker } from '../shared/claims/checker';"],
  ['src/content/a.ts', "export { scanChunked } from './scan';"],
  ['src/content/card/a.ts', "export { SourceList } from '../../ui/kit/SourceList';\nexport { useT } from '../../ui/kit/lang';"],
  ['src/ui/kit/a.ts', "export { t } from '../../shared/i18n';\nexport { useT } from './lang';"],
  ['src/content/scan/a.ts', "export { kindOf } from './elements';\nexport { ParagraphBuilder } from './paragraph';"],
  ['src/popup/a.ts', "export { createUiApi } from '../ui/api';\nexport { t } from '../shared/i18n';"],
];

function lint(snippets: Array<{ filePath: string; code: string }>): string[][] {
  const out = execFileSync(process.execPath, [join(ROOT, 'tooling/lint/lint-snippets.js')], {
    cwd: ROOT,
    input: JSON.stringify(snippets.map((s) => ({ ...s, filePath: join(ROOT, s.filePath) }))),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(out) as string[][];
}

describe('lint rules for src/', { timeout: 180_000 }, () => {
  const results = lint([...bad, ...good].map(([filePath, code]) => ({ filePath, code })));

  it.each(bad.map((b, i) => [...b, i] as const))('%s: `%s` is reported by %s', (_file, _code, rule, i) => {
    expect(results[i]).toContain(rule);
  });

  it.each(good.map((g, i) => [...g, bad.length + i] as const))('%s: `%s` passes', (_file, _code, i) => {
    expect(results[i]).toEqual([]);
  });
});
