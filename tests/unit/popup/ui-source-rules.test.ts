/**
 * Rules over the UI sources (popup, options, shared UI) that review alone
 * misses: no HTML or code from strings, no network, no hard-coded UI text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const files = ['src/popup', 'src/options', 'src/ui'].flatMap((dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => join(ROOT, dir, f)),
);
/** Source without comments, so a comment that explains a rule does not break it. */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('UI sources', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each([
    ['innerHTML / outerHTML / insertAdjacentHTML', /\b(innerHTML|outerHTML|insertAdjacentHTML)\b/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['eval / new Function', /\beval\s*\(|new\s+Function\b/],
    ['network (fetch, XHR, WebSocket, sendBeacon)', /\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon/],
    ['browser.runtime outside the platform module', /\bbrowser\.runtime\b|\bchrome\.runtime\b/],
  ])('never use %s', (_name, pattern) => {
    const offenders = files.filter((f) => !f.endsWith('browser-platform.ts') && pattern.test(code(f)));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('have no hard-coded UI text in components (it all comes from _locales)', () => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.tsx'))) {
      const source = code(file);
      // Text between tags, and text in the attributes people read.
      for (const m of source.matchAll(/(?<![=-])>\s*([A-Za-z\u4e00-\u9fff][^<>{}();=]*?)\s*<\/?[A-Za-z]/g))
        offenders.push(`${relative(ROOT, file)}: ${m[1]}`);
      for (const m of source.matchAll(/\b(aria-label|placeholder|title|alt)="([^"]+)"/g))
        offenders.push(`${relative(ROOT, file)}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
