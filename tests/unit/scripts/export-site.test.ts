/**
 * `npm run export:site`: the site is written to a temporary folder, every page is read back and
 * parsed, and each claim page's ClaimReview JSON-LD is checked for what publishers and fact-check
 * indexes read. A dataset salted with markup checks that no dataset text can become markup.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset, type SourceTier } from '../../../src/data/schema';
import { VERDICT_RATINGS } from '../../../src/shared/claimreview';
import { claimView, sourceView } from '../../../src/shared/views';
import { buildSite, writeSite } from '../../../scripts/site/build-site';
import { siteStrings } from '../../../scripts/site/strings';

const tierLabel = (lang: 'en' | 'zh', tier: SourceTier) => siteStrings(lang).tier(tier);

const BASE = 'https://factcheck.example/frontier/';
const data = Dataset.parse(rawDataset);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Page {
  path: string;
  url: string;
  markup: string;
  document: Document;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Builds the site for `dataset` into a fresh folder and parses every page written there. */
function buildAndRead(dataset: Dataset, dir: string): Map<string, Page> {
  writeSite(buildSite(dataset, BASE), dir);
  const pages = new Map<string, Page>();
  for (const file of listFiles(dir)) {
    const path = relative(dir, file).split('\\').join('/');
    const markup = readFileSync(file, 'utf8');
    const url = new URL(path.replace(/(^|\/)index\.html$/, '$1'), BASE).href;
    pages.set(path, { path, url, markup, document: new JSDOM(markup, { url: new URL(path, BASE).href }).window.document });
  }
  return pages;
}

/** The page's ClaimReview: the one JSON-LD script, parsed. */
function claimReviewOf(page: Page) {
  const scripts = [...page.document.querySelectorAll('script')];
  expect(scripts, page.path).toHaveLength(1);
  const [script] = scripts;
  expect(script?.type).toBe('application/ld+json');
  // No "<" at all: a string can neither close the element nor open a comment in it.
  expect(script?.textContent).not.toContain('<');
  return JSON.parse(script?.textContent ?? '');
}

const claimPages = (pages: Map<string, Page>) => [...pages.values()].filter((p) => p.path.includes('claims/'));
const langOf = (path: string) => (path.startsWith('zh/') ? 'zh' : 'en');

let dir: string;
let pages: Map<string, Page>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ff-site-'));
  pages = buildAndRead(data, dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export:site', () => {
  it('writes an index and one page per claim in each language', () => {
    expect(pages.has('index.html')).toBe(true);
    expect(pages.has('zh/index.html')).toBe(true);
    for (const claim of data.claims) {
      expect(pages.has(`claims/${claim.id}.html`)).toBe(true);
      expect(pages.has(`zh/claims/${claim.id}.html`)).toBe(true);
    }
    expect(pages.size).toBe(2 + 2 * data.claims.length);
  });

  it("gives every claim page a ClaimReview with the fields publishers and indexes read, at the page's own URL", () => {
    for (const page of claimPages(pages)) {
      const lang = langOf(page.path);
      const claim = data.claims.find((c) => page.path.endsWith(`/${c.id}.html`));
      if (!claim) throw new Error(`no claim for ${page.path}`);
      const review = claimReviewOf(page);
      expect(review['@context']).toBe('https://schema.org');
      expect(review['@type']).toBe('ClaimReview');
      expect(review.url).toBe(page.url);
      expect(page.document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(page.url);
      expect(review.claimReviewed).toBe(claim.claim[lang]);
      expect(review.claimReviewed.trim().length).toBeGreaterThan(0);
      expect(page.document.querySelector('h1')?.textContent).toBe(review.claimReviewed);
      expect(review.inLanguage).toBe(page.document.documentElement.lang);

      const rating = review.reviewRating;
      expect(rating['@type']).toBe('Rating');
      expect(rating.worstRating).toBe(1);
      expect(rating.bestRating).toBe(5);
      expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating);
      expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating);
      expect(rating).toMatchObject({
        ratingValue: VERDICT_RATINGS[claim.verdict].value,
        alternateName: VERDICT_RATINGS[claim.verdict].name,
      });

      expect(review.author).toEqual({ '@type': 'Organization', name: 'Frontier Facts', url: BASE });
      expect(review.datePublished).toMatch(ISO_DATE);
      expect(review.dateModified).toMatch(ISO_DATE);
      expect(review.datePublished <= review.dateModified).toBe(true);
      expect(review.dateModified <= data.meta.date).toBe(true);

      const item = review.itemReviewed;
      expect(item['@type']).toBe('Claim');
      const appearances: Array<{ datePublished?: string; url?: string }> = item.appearance ?? [];
      expect(appearances).toHaveLength(claim.seenIn.length);
      const [earliest] = appearances.flatMap((a) => a.datePublished ?? []).sort();
      if (earliest) {
        expect(item.firstAppearance.datePublished).toBe(earliest);
        expect(item.datePublished).toBe(earliest);
        expect(item.author['@type']).toBe('Organization');
        // A review is never published before the claim it reviews was seen.
        expect(review.datePublished >= earliest).toBe(true);
      } else {
        expect(item.firstAppearance).toBeUndefined();
      }
      for (const work of [...appearances, ...review.citation]) if (work.url) expect(new URL(work.url).protocol).toBe('https:');
    }
  });

  it('shows the verdict, the correction and every source with its tier, title or outlet, and date', () => {
    const views = new Map(data.sources.map((s) => [s.id, sourceView(s)]));
    for (const page of claimPages(pages)) {
      const lang = langOf(page.path);
      const claim = claimView(
        data.claims.find((c) => page.path.endsWith(`/${c.id}.html`))!,
        views,
      );
      expect(page.document.body.textContent).toContain(claim.correction[lang]);
      expect(page.document.querySelector(`.verdict.v-${claim.verdict}`)).not.toBeNull();
      const lists = [...page.document.querySelectorAll('ul.sources')].map((ul) => [...ul.querySelectorAll('li')]);
      expect(lists).toHaveLength(claim.seenIn.length > 0 ? 2 : 1);
      const expected = [claim.sources, claim.seenIn];
      lists.forEach((items, i) => {
        const sources = expected[i] ?? [];
        expect(items).toHaveLength(sources.length);
        items.forEach((item, j) => {
          const source = sources[j]!;
          const where = `${page.path}: ${source.id}`;
          expect(item.querySelector('.tier')?.textContent, where).toBe(tierLabel(lang, source.tier));
          const link = item.querySelector('a');
          expect((link ?? item).textContent, where).toContain(source.title ?? source.outlet);
          if (source.url) expect(link?.getAttribute('href'), where).toBe(source.url);
          else expect(link, where).toBeNull();
          if (source.published) expect(item.querySelector('time')?.getAttribute('datetime'), where).toBe(source.published);
          else expect(item.textContent, where).toContain(lang === 'en' ? 'undated' : '无日期');
          if (source.originalPublisher) expect(item.textContent, where).toContain(source.originalPublisher);
        });
      });
    }
  });

  it('links only to https addresses and to pages that exist', () => {
    for (const page of pages.values()) {
      for (const element of page.document.querySelectorAll('a[href], link[href]')) {
        const href = element.getAttribute('href')!;
        const target = new URL(href, new URL(page.path, BASE));
        expect(target.protocol, `${page.path}: ${href}`).toBe('https:');
        if (target.href.startsWith(BASE) && element.localName === 'a') {
          expect(pages.has(target.pathname.slice(new URL(BASE).pathname.length)), `${page.path}: ${href}`).toBe(true);
        }
      }
    }
  });

  it('links the index to every claim page, and each page to its translation', () => {
    for (const lang of ['en', 'zh'] as const) {
      const index = pages.get(lang === 'en' ? 'index.html' : 'zh/index.html')!;
      expect(index.document.documentElement.lang).toBe(lang === 'en' ? 'en' : 'zh-CN');
      const linked = new Set([...index.document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
      for (const claim of data.claims) {
        expect(linked).toContain(new URL(`${lang === 'en' ? '' : 'zh/'}claims/${claim.id}.html`, BASE).href);
      }
      expect(index.document.querySelectorAll('.claims li')).toHaveLength(data.claims.length);
    }
    for (const page of claimPages(pages)) {
      const other = langOf(page.path) === 'en' ? `zh/${page.path}` : page.path.slice(3);
      const links = [...page.document.querySelectorAll('header a[hreflang]')].map((a) => (a as HTMLAnchorElement).href);
      expect(links).toContain(new URL(other, BASE).href);
    }
  });

  it('makes pages readable without scripts: no script but the JSON-LD data block, a policy that runs none', () => {
    for (const page of pages.values()) {
      for (const script of page.document.querySelectorAll('script')) expect(script.type).toBe('application/ld+json');
      const csp = page.document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
      expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'$/);
      expect(page.document.querySelector('style')?.textContent).toContain('prefers-color-scheme: dark');
    }
  });
});

describe('export:site with hostile text in the dataset', () => {
  const EVIL = '</script><script>alert(1)</script>';
  let evilDir: string;
  let evilPages: Map<string, Page>;
  const salted = structuredClone(data);
  const target = salted.claims[0]!;
  const cited = salted.sources.find((s) => s.id === target.sources[0])!;

  beforeAll(() => {
    target.claim = { en: `Claim ${EVIL} & "quotes"`, zh: `说法 ${EVIL}` };
    target.correction = { en: '<img src=x onerror=alert(2)> <!-- comment', zh: '<b>粗体</b>' };
    cited.title = `"><script>alert(3)</script>`;
    cited.outlet = `Outlet <i>italic</i> ' & "`;
    cited.originalPublisher = '<svg onload=alert(4)>';
    salted.entities[0]!.name = { en: '<u>Entity</u>', zh: '<u>实体</u>' };
    evilDir = mkdtempSync(join(tmpdir(), 'ff-site-evil-'));
    evilPages = buildAndRead(salted, evilDir);
  });
  afterAll(() => rmSync(evilDir, { recursive: true, force: true }));

  it('keeps a claim holding </script><script> inside its JSON-LD, escaped, and shows it as text', () => {
    for (const lang of ['en', 'zh'] as const) {
      const page = evilPages.get(`${lang === 'en' ? '' : 'zh/'}claims/${target.id}.html`)!;
      const review = claimReviewOf(page); // exactly one script element: nothing broke out
      expect(review.claimReviewed).toBe(target.claim[lang]);
      expect(page.document.querySelector('h1')?.textContent).toBe(target.claim[lang]);
      const jsonText = page.document.querySelector('script')!.textContent!;
      expect(jsonText).not.toMatch(/<\/?script/i);
      expect(jsonText).not.toContain('<');
      expect(jsonText).toContain('\\u003c/script\\u003e');
      expect(page.markup).not.toContain('<script>alert');
      expect(page.document.querySelectorAll('img, svg, b, i, u')).toHaveLength(0);
      expect(page.document.body.textContent).toContain(target.correction[lang]);
      expect(page.document.body.textContent).toContain(cited.title!);
      expect(page.document.body.textContent).toContain(cited.originalPublisher!);
    }
    for (const index of [evilPages.get('index.html')!, evilPages.get('zh/index.html')!]) {
      expect(index.document.querySelectorAll('script, u')).toHaveLength(0);
      expect(index.document.body.textContent).toContain(EVIL);
    }
  });

  it('keeps every JSON-LD block free of "<", whatever the dataset holds', () => {
    for (const page of claimPages(evilPages)) expect(page.document.querySelector('script')!.textContent).not.toContain('<');
  });
});

describe('export:site options', () => {
  it('takes only an https base URL, and reads one without a trailing slash as a folder', () => {
    expect(() => buildSite(data, 'http://factcheck.example/')).toThrow(/https/);
    expect(() => buildSite(data, 'not a url')).toThrow(/absolute URL/);
    expect(() => buildSite(data, 'https://factcheck.example/?q=1')).toThrow(/query/);
    const id = data.claims[0]!.id;
    const page = buildSite(data, 'https://factcheck.example/frontier').find((f) => f.path === `claims/${id}.html`)!;
    expect(page.html).toContain(`"url": "https://factcheck.example/frontier/claims/${id}.html"`);
  });

  it('removes the pages of claims no longer in the dataset, and nothing else', () => {
    const out = mkdtempSync(join(tmpdir(), 'ff-site-stale-'));
    try {
      mkdirSync(join(out, 'claims'), { recursive: true });
      writeFileSync(join(out, 'claims', 'claim-gone.html'), 'stale');
      writeFileSync(join(out, 'claims', 'notes.txt'), 'mine');
      writeFileSync(join(out, 'about.html'), 'mine');
      writeSite(buildSite(data, BASE), out);
      expect(existsSync(join(out, 'claims', 'claim-gone.html'))).toBe(false);
      expect(existsSync(join(out, 'claims', 'notes.txt'))).toBe(true);
      expect(existsSync(join(out, 'about.html'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
