/**
 * Where each page of the site lives: English at the root, Chinese under zh/, one page per claim
 * under claims/. Pages link to each other relatively (the site works from any folder, or opened
 * from disk); the JSON-LD and canonical links use the absolute URL under the base URL.
 */
import type { Lang } from '../../src/shared/i18n';

/** The base URL as given, checked (https, no query or fragment) and ending in "/" so pages resolve under it. */
export function siteBase(input: string): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new Error(`--base-url must be an absolute URL, got ${JSON.stringify(input)}`);
  }
  if (url.protocol !== 'https:') throw new Error(`--base-url must be https, got ${url.protocol}`);
  if (url.search || url.hash) throw new Error('--base-url takes no query or fragment');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

const prefix = (lang: Lang) => (lang === 'en' ? '' : `${lang}/`);

/** "claims/<id>.html", "zh/claims/<id>.html". Claim ids are kebab-case (schema.ts), safe as file names. */
export const claimPath = (lang: Lang, claimId: string) => `${prefix(lang)}claims/${claimId}.html`;

/** "index.html", "zh/index.html". */
export const indexPath = (lang: Lang) => `${prefix(lang)}index.html`;

/** A page's public address; an index is addressed by its folder. */
export function absoluteUrl(base: URL, path: string): string {
  return new URL(path.replace(/(^|\/)index\.html$/, '$1'), base).href;
}

/** The link from one page of the site to another. */
export function relativeLink(from: string, to: string): string {
  return '../'.repeat(from.split('/').length - 1) + to;
}
