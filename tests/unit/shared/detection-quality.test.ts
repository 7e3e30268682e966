/**
 * Detection quality on the labelled pages (tests/fixtures/labelled): per-subject
 * precision and recall of mentions, and of flagged misclaims, with the matcher
 * applied the way the content script applies it. Prints the table on every run
 * and every false positive/negative when a bar is missed.
 */
import { describe, expect, it } from 'vitest';
import { rawDataset } from '../../../src/data/index';
import { Dataset, ENTITY_IDS } from '../../../src/data/schema';
import { matcherFromConfig } from '../../../src/shared/derive-matcher-tables';
import {
  combined,
  formatErrors,
  formatTable,
  labelledHtml,
  loadLabelledPages,
  parseLabelledPage,
  precision,
  predictPage,
  recall,
  scorePage,
  sumTallies,
} from '../../support/labelled';

const BAR = 0.9;

const data = Dataset.parse(rawDataset);
const matcher = matcherFromConfig({ datasetVersion: data.meta.version, entities: data.entities, claims: data.claims });
const pages = loadLabelledPages();
const scores = pages.map((page) => scorePage(page, predictPage(matcher, page)));
const mentions = sumTallies(scores.map((s) => s.mentions));
const claims = sumTallies(scores.map((s) => s.claims));
const errors = scores.flatMap((s) => s.errors);
const lookalikePages = pages.filter((p) => p.name.includes('lookalikes'));

const table = formatTable([
  ...ENTITY_IDS.map((id) => [id, mentions.get(id) ?? { tp: 0, fp: 0, fn: 0, expected: 0 }] as const),
  ['claims (all)', combined(claims)] as const,
]);
const details = (kind: 'mention' | 'claim') => formatErrors(errors.filter((e) => e.kind === kind)) || '(none)';

describe('labelled test pages', () => {
  it('cover both languages, look-alike-only pages, and label only known subjects and claims', () => {
    const claimIds = new Set(data.claims.map((c) => c.id));
    const langs = pages.map((p) => p.lang.slice(0, 2));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(langs.filter((l) => l === 'en').length).toBeGreaterThanOrEqual(4);
    expect(langs.filter((l) => l === 'zh').length).toBeGreaterThanOrEqual(3);
    expect(lookalikePages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const body = page.paragraphs.length - 1;
      expect(body, `${page.name}: paragraphs`).toBeGreaterThanOrEqual(10);
      expect(body, `${page.name}: paragraphs`).toBeLessThanOrEqual(30);
      for (const p of page.paragraphs) {
        for (const m of p.mentions) expect(ENTITY_IDS, `${page.name}: «${m.text}»`).toContain(m.id);
        for (const c of p.claims) expect(claimIds.has(c.id), `${page.name}: unknown claim ${c.id}`).toBe(true);
        expect(p.text, `${page.name}: stray marker`).not.toMatch(/\[\[|\]\]|\{\{|\}\}/);
      }
      if (page.name.includes('lookalikes')) {
        expect(
          page.paragraphs.flatMap((p) => [...p.mentions, ...p.claims]),
          `${page.name} is look-alikes only`,
        ).toEqual([]);
      }
    }
  });

  it(`finds each subject with precision and recall ≥ ${BAR}`, () => {
    console.info(`Detection quality on ${pages.length} labelled pages\n${table}`);
    const below = ENTITY_IDS.filter((id) => {
      const t = mentions.get(id);
      return !t || precision(t) < BAR || recall(t) < BAR;
    });
    expect(below, `${table}\n\nMention errors:\n${details('mention')}`).toEqual([]);
  });

  it(`never flags an accurate statement and finds ≥ ${BAR} of the misclaims`, () => {
    console.info(`Claims by id\n${formatTable([...claims].sort(([a], [b]) => a.localeCompare(b)))}`);
    const all = combined(claims);
    expect(all.fp, `False positives flag accurate text:\n${details('claim')}`).toBe(0);
    expect(recall(all), `${table}\n\nClaim errors:\n${details('claim')}`).toBeGreaterThanOrEqual(BAR);
  });

  it('finds nothing at all on the pages made only of look-alikes', () => {
    const found = lookalikePages.flatMap((page) => {
      const { mentions: m, claims: c } = predictPage(matcher, page);
      return [...m, ...c].map((s) => `${page.name} ¶${s.paragraph} ${s.id}: «${s.text}»`);
    });
    expect(found).toEqual([]);
  });
});

describe('labelled page format', () => {
  const page = parseLabelledPage(
    '# lang: zh-CN\n特朗普签署[[eo-14409|人工智能行政令]]\n\n{{claim-former-president-trump|前总统特朗普}}签署了[[eo-14409|AI行政令]] & <更多>\n',
    'sample',
  );

  it('strips markers, keeps offsets into the plain text and reads the lang directive', () => {
    expect(page.lang).toBe('zh-CN');
    expect(page.paragraphs.map((p) => p.text)).toEqual(['特朗普签署人工智能行政令', '前总统特朗普签署了AI行政令 & <更多>']);
    const [, body] = page.paragraphs;
    expect(body!.claims).toEqual([{ id: 'claim-former-president-trump', start: 0, end: 6, text: '前总统特朗普' }]);
    expect(body!.mentions).toEqual([{ id: 'eo-14409', start: 9, end: 14, text: 'AI行政令' }]);
    expect(body!.text.slice(9, 14)).toBe('AI行政令');
  });

  it('nests a mention inside a claim and rejects unbalanced markers', () => {
    const [p] = parseLabelledPage('{{claim-mythos-2-preview-name|[[claude-mythos|Claude Mythos]] 2 Preview}} found it').paragraphs;
    expect(p!.text).toBe('Claude Mythos 2 Preview found it');
    expect(p!.mentions[0]).toMatchObject({ id: 'claude-mythos', start: 0, end: 13 });
    expect(p!.claims[0]).toMatchObject({ id: 'claim-mythos-2-preview-name', start: 0, end: 23 });
    expect(() => parseLabelledPage('[[eo-14409|the order}} x')).toThrow(/unbalanced/);
    expect(() => parseLabelledPage('[[eo-14409|the order')).toThrow(/unclosed/);
  });

  it('renders as HTML: lang, headline as <h1>, escaped paragraphs, no markers', () => {
    const html = labelledHtml(page);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>特朗普签署人工智能行政令</h1>');
    expect(html).toContain('<p>前总统特朗普签署了AI行政令 &amp; &lt;更多&gt;</p>');
    expect(html).not.toMatch(/\[\[|\{\{/);
  });
});
