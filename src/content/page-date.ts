/**
 * The page's publication date, from what publishers put in their markup:
 * `article:published_time` and kin, JSON-LD `datePublished` (also inside
 * `@graph`), a `<time>` marked as the publication date. Cheap (a handful of
 * selector lookups, JSON parsed as data only) and read once per page.
 */

const META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="date"]',
].join(',');

/** The publication day as an ISO date (yyyy-mm-dd), or null when the page does not say. */
export function pagePublishedDate(doc: Document): string | null {
  const meta = doc.querySelector<HTMLMetaElement>(META);
  const fromMeta = isoDay(meta?.content);
  if (fromMeta) return fromMeta;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const found = isoDay(datePublished(parseJson(script.textContent ?? '')));
    if (found) return found;
  }
  const time = doc.querySelector<HTMLTimeElement>(
    'time[itemprop="datePublished"], time[pubdate], article header time[datetime], header time[datetime]',
  );
  return isoDay(time?.dateTime || time?.getAttribute('datetime'));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** `datePublished` of the first node that has one: the object itself, an array, or an `@graph`. */
function datePublished(node: unknown, depth = 0): string | undefined {
  if (depth > 3 || !node || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = datePublished(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.datePublished === 'string') return record.datePublished;
  return datePublished(record['@graph'], depth + 1);
}

function isoDay(value: string | null | undefined): string | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
