// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isoDate, pagePublishedDate } from '../../../src/content/page-date';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
}
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('pagePublishedDate', () => {
  it('reads the Open Graph article:published_time, as the publisher wrote the day', () => {
    expect(pagePublishedDate(page('<meta property="article:published_time" content="2026-05-20T23:30:00-04:00">'))).toBe('2026-05-20');
  });

  it('prefers the Open Graph property to a generic date meta, wherever they stand', () => {
    const doc = page('<meta name="date" content="2026-01-01"><meta property="article:published_time" content="2026-05-20T10:00:00Z">');
    expect(pagePublishedDate(doc)).toBe('2026-05-20');
  });

  it.each([
    ['date', '2026-05-19'],
    ['pubdate', '20260519'],
    ['publishdate', '2026/05/19'],
    ['DC.date.issued', '2026-05-19'],
    ['parsely-pub-date', '2026-05-19T08:00:00Z'],
    ['sailthru.date', '2026-05-19 08:00:00'],
  ])('reads <meta name="%s">', (name, content) => {
    expect(pagePublishedDate(page(`<meta name="${name}" content="${content}">`))).toBe('2026-05-19');
  });

  it('ranks publish-specific names above a bare "date"', () => {
    expect(pagePublishedDate(page('<meta name="dc.date" content="2026-01-02"><meta name="pubdate" content="2026-05-19">'))).toBe(
      '2026-05-19',
    );
  });

  it('reads JSON-LD datePublished at the top level, in arrays and in @graph, preferring the article', () => {
    expect(pagePublishedDate(page(ld({ '@type': 'NewsArticle', datePublished: '2026-05-18T09:00:00+08:00' })))).toBe('2026-05-18');
    expect(
      pagePublishedDate(
        page(
          ld({
            '@context': 'https://schema.org',
            '@graph': [
              { '@type': 'WebSite', name: 'Example' },
              { '@type': 'ImageObject', datePublished: '2020-01-01' },
              { '@type': ['NewsArticle'], datePublished: '2026-05-17' },
            ],
          }),
        ),
      ),
    ).toBe('2026-05-17');
    expect(pagePublishedDate(page(ld([{ '@type': 'BreadcrumbList' }, { '@type': 'BlogPosting', datePublished: '2026-05-16' }])))).toBe(
      '2026-05-16',
    );
  });

  it('skips broken or irrelevant JSON-LD blocks and uses a later good one', () => {
    const doc = page(
      `<script type="application/ld+json">{ not json, datePublished</script>${ld({ '@type': 'Organization' })}${ld({ '@type': 'Article', datePublished: '2026-05-15' })}`,
    );
    expect(pagePublishedDate(doc)).toBe('2026-05-15');
  });

  it('falls back to the <time datetime> of the article header, not a comment’s', () => {
    const body = `<article><header><h1>Headline</h1><p class="byline">By A. Writer <time datetime="2026-05-14T06:00:00Z">May 14</time></p></header>
      <p>Text.</p><section class="comments"><p>Nice. <time datetime="2026-06-30T12:00:00Z">2h</time></p></section></article>`;
    expect(pagePublishedDate(page('', body))).toBe('2026-05-14');
  });

  it('reads microdata itemprop=datePublished', () => {
    expect(pagePublishedDate(page('', '<span itemprop="datePublished" content="2026-05-13">May 13</span>'))).toBe('2026-05-13');
  });

  it('answers null when the page does not say, or says nonsense', () => {
    expect(pagePublishedDate(page('<title>x</title>', '<p>No date here. <time datetime="2026-05-01">elsewhere</time></p>'))).toBeNull();
    expect(pagePublishedDate(page('<meta property="article:published_time" content="yesterday">'))).toBeNull();
    expect(pagePublishedDate(page('<meta name="date" content="2026-02-30">'))).toBeNull();
  });
});

describe('isoDate', () => {
  it.each([
    ['2026-06-02', '2026-06-02'],
    ['2026-06-02T23:59:59-07:00', '2026-06-02'],
    ['20260602', '2026-06-02'],
    ['2026/06/02 10:00', '2026-06-02'],
    ['2026-06-02Z', '2026-06-02'],
  ])('%s → %s', (input, output) => expect(isoDate(input)).toBe(output));

  it.each(['', 'June 2, 2026', '2026-13-01', '2026-06-31', '1970-01-01', '2026-06-021'])('rejects %j', (input) =>
    expect(isoDate(input)).toBeNull(),
  );
});
