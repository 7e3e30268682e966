/**
 * The extension's HTML pages, which ESLint does not read: they load only the extension's own
 * scripts. (Everything src/ must not do in code is a lint rule: tooling/lint/config.js.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const pages = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .map((f) => join(SRC, f));

describe('extension pages', () => {
  it('load only the extension’s own scripts: no remote and no inline ones', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      // Inline scripts would be refused by the extension CSP anyway; remote ones must never appear.
      for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) expect(src).not.toMatch(/^(?:https?:)?\/\//);
      expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i);
      expect(html).not.toMatch(/<(?:link|img|iframe)\b[^>]*\b(?:href|src)\s*=\s*["'](?:https?:)?\/\//i);
    }
  });
});
