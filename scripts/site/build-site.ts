/**
 * The static ClaimReview site (`npm run export:site`): for each language, an index and one page
 * per claim carrying its ClaimReview JSON-LD (shared/claimreview.ts, the builder every export uses).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Dataset } from '../../src/data/schema';
import { LANGS } from '../../src/data/vocabulary';
import { claimReviewJsonLd } from '../../src/shared/claimreview';
import type { Lang } from '../../src/shared/i18n';
import { claimReviewData } from '../claimreview-data';
import { jsonLd } from './html';
import { page } from './layout';
import { claimMain, indexMain } from './pages';
import { absoluteUrl, claimPath, indexPath, relativeLink, siteBase } from './paths';
import { siteStrings } from './strings';

/** A file of the site: its path under the output folder and its text. */
export interface SiteFile {
  path: string;
  html: string;
}

/** Every page of the site for `data` published at `baseUrl` (https; see paths.ts). */
export function buildSite(data: Dataset, baseUrl: string): SiteFile[] {
  const base = siteBase(baseUrl);
  const { claims, dates } = claimReviewData(data);
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const sourceLanguage = new Map(data.sources.map((s) => [s.id, s.language]));
  const datasetInfo = { datasetVersion: data.meta.version, datasetDate: data.meta.date };
  const alternates = (path: (lang: Lang) => string) =>
    Object.fromEntries(LANGS.map((lang) => [lang, { path: path(lang), url: absoluteUrl(base, path(lang)) }])) as Record<
      Lang,
      { path: string; url: string }
    >;

  return LANGS.flatMap((lang) => {
    const s = siteStrings(lang);
    const home = indexPath(lang);
    const options = {
      ...datasetInfo,
      lang,
      dates,
      site: { url: base.href, claimUrl: (id: string) => absoluteUrl(base, claimPath(lang, id)) },
    };
    const claimPages = claims.map((claim): SiteFile => {
      const path = claimPath(lang, claim.id);
      const when = dates.get(claim.id) ?? { published: data.meta.date, modified: data.meta.date };
      const main = claimMain(claim, {
        lang,
        entityName: entities.get(claim.entity)?.name[lang] ?? claim.entity,
        published: when.published,
        modified: when.modified,
        sourceLanguage,
      });
      const markup = page({
        ...datasetInfo,
        lang,
        title: `${s.verdict(claim.verdict)}: ${claim.claim[lang]} · Frontier Facts`,
        description: claim.correction[lang],
        path,
        url: absoluteUrl(base, path),
        alternates: alternates((l) => claimPath(l, claim.id)),
        indexLink: relativeLink(path, home),
        head: jsonLd(claimReviewJsonLd(claim, options)),
        main,
      });
      return { path, html: markup.toString() };
    });
    const index: SiteFile = {
      path: home,
      html: page({
        ...datasetInfo,
        lang,
        title: s.indexTitle,
        description: s.indexIntro,
        path: home,
        url: absoluteUrl(base, home),
        alternates: alternates(indexPath),
        indexLink: relativeLink(home, home),
        main: indexMain(lang, data.entities, claims, (id) => relativeLink(home, claimPath(lang, id))),
      }).toString(),
    };
    return [index, ...claimPages];
  });
}

/**
 * Writes the site under `outDir`. Claim pages of claims no longer in the dataset are removed (only
 * `*.html` files in the site's own claims/ folders), so a republished site carries no stale review.
 */
export function writeSite(files: readonly SiteFile[], outDir: string): void {
  const keep = new Set(files.map((f) => join(outDir, f.path)));
  for (const lang of LANGS) {
    const dir = join(outDir, dirname(claimPath(lang, 'x')));
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (/^[a-z0-9-]+\.html$/.test(name) && !keep.has(file)) rmSync(file);
    }
  }
  for (const file of files) {
    const target = join(outDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.html);
  }
}
