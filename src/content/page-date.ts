/**
 * When the page was published, as an ISO date ("2026-05-20"), from what news
 * sites put in their markup, most reliable first:
 *
 * 1. `<meta property="article:published_time">` (Open Graph) and its kin;
 * 2. `<meta name="date|pubdate|publishdate|…">` and `itemprop="datePublished"`;
 * 3. JSON-LD `datePublished` (top level, arrays and `@graph`), preferring an
 *    article type;
 * 4. `<time datetime>` in the article's header or dateline (not any <time>: a
 *    comment's "2h" or a related-article rail has them too).
 *
 * The date is taken as written (the publisher's own calendar day), not shifted
 * to the reader's time zone. Pure and cheap: a few selector queries, and JSON
 * parsing only of ld+json blocks that mention datePublished. The card calls it
 * when it opens, not the scan.
 */

const META_PROPERTIES = ['article:published_time', 'og:published_time', 'og:article:published_time', 'article:published'];
const META_NAMES = [
  'article:published_time',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'publication_date',
  'published-date',
  'article.published',
  'article_date_original',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'citation_publication_date',
  'citation_date',
  'originalpublicationdate',
];
const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|ReportageNews|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|WebPage)$/i;
/** ld+json blocks larger than this are someone's data dump, not article metadata. */
const MAX_JSON_LD = 200_000;
const HEADER_TIMES = [
  'time[itemprop~="datePublished" i]',
  'time[pubdate]',
  'article header time[datetime]',
  '[class~="dateline"] time[datetime]',
  '[class~="byline"] time[datetime]',
  'header time[datetime]',
  'article time[datetime]',
];

/** The page's publication date as YYYY-MM-DD, or null when the page does not say. */
export function pagePublishedDate(doc: Document): string | null {
  return fromMeta(doc) ?? fromItemprop(doc) ?? fromJsonLd(doc) ?? fromHeaderTime(doc);
}

function fromMeta(doc: Document): string | null {
  const metas = doc.head?.getElementsByTagName('meta') ?? doc.getElementsByTagName('meta');
  let byProperty: string | null = null;
  let byName: string | null = null;
  let nameRank = Infinity;
  for (const meta of metas) {
    const content = meta.getAttribute('content');
    if (!content) continue;
    const property = meta.getAttribute('property')?.toLowerCase();
    if (property && META_PROPERTIES.includes(property)) {
      byProperty ??= isoDate(content);
      continue;
    }
    const name = meta.getAttribute('name')?.toLowerCase();
    const rank = name ? META_NAMES.indexOf(name) : -1;
    if (rank >= 0 && rank < nameRank) {
      const date = isoDate(content);
      if (date) {
        byName = date;
        nameRank = rank;
      }
    }
  }
  return byProperty ?? byName;
}

function fromItemprop(doc: Document): string | null {
  for (const el of doc.querySelectorAll('[itemprop~="datePublished" i]')) {
    const date = isoDate(el.getAttribute('content') ?? el.getAttribute('datetime') ?? '');
    if (date) return date;
  }
  return null;
}

function fromJsonLd(doc: Document): string | null {
  let fallback: string | null = null;
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD || !text.includes('datePublished')) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // a broken block on the page is the page's business
    }
    const found = datePublishedIn(data, 0);
    if (found?.article) return found.date;
    fallback ??= found?.date ?? null;
  }
  return fallback;
}

/** The first datePublished in a JSON-LD value: an article's if any, else any item's. */
function datePublishedIn(value: unknown, depth: number): { date: string; article: boolean } | null {
  if (depth > 6 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    let any: { date: string; article: boolean } | null = null;
    for (const item of value.slice(0, 50)) {
      const found = datePublishedIn(item, depth + 1);
      if (found?.article) return found;
      any ??= found;
    }
    return any;
  }
  const item = value as Record<string, unknown>;
  const own = typeof item.datePublished === 'string' ? isoDate(item.datePublished) : null;
  if (own) {
    const types = ([] as unknown[]).concat(item['@type'] ?? []);
    return { date: own, article: types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)) };
  }
  return datePublishedIn(item['@graph'] ?? item.mainEntity ?? null, depth + 1);
}

function fromHeaderTime(doc: Document): string | null {
  for (const selector of HEADER_TIMES) {
    const el = doc.querySelector(selector);
    const date = el ? isoDate(el.getAttribute('datetime') ?? '') : null;
    if (date) return date;
  }
  return null;
}

const ISO_LIKE = /^\s*(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T\s]|[+-]\d{2}:?\d{2}$|Z$)/;

/**
 * The calendar date at the start of an ISO 8601-like value ("2026-05-20T23:30:00-04:00",
 * "2026-05-20", "20260520", "2026/05/20 10:00"), as written; null for anything else or an
 * impossible date.
 */
export function isoDate(value: string): string | null {
  const match = ISO_LIKE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? `${y}-${m}-${d}` : null;
}
