/**
 * The captured seed articles (tests/fixtures/seeds/*.txt) as HTML pages: the
 * first line is the headline, every other non-empty line a paragraph. The
 * text is HTML-escaped, so the page shows exactly what was captured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEED_DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'seeds');

/** Seed ids: file names without ".txt" (e.g. "000_b8665fd297a0726c"). */
export const SEED_IDS = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

export function seedText(id: string): string {
  return readFileSync(join(SEED_DIR, `${id}.txt`), 'utf8');
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function seedHtml(id: string): string {
  const [headline = '', ...rest] = seedText(id).split('\n');
  const paragraphs = rest.filter((l) => l.trim()).map((l) => `    <p>${escapeHtml(l.trim())}</p>`);
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${escapeHtml(headline.trim())}</title></head>
  <body>
    <article>
    <h1>${escapeHtml(headline.trim())}</h1>
${paragraphs.join('\n')}
    </article>
  </body>
</html>
`;
}
