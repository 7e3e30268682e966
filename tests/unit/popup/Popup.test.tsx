// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../../src/popup/Popup';
import { createFirstPaintCache } from '../../../src/popup/first-paint-cache';
import type { Result } from '../../../src/shared/messages';
import type { SearchResult } from '../../../src/shared/views';
import { card, claims, mockApi, seedReport, type MockApi, type MockOptions } from './mock-api';
import { afterResolvedReplies, click, mount, press, type, type Mounted } from './render-helpers';

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  document.documentElement.lang = '';
});

/** Mounts the popup and waits for its first paint (it paints once the settings are in). */
async function open(options: MockOptions = {}, api: MockApi = mockApi(options)) {
  mounted = await mount(<Popup api={api} findTab={() => api.activeTabId()} />, (m) => m.$('.ff-popup') !== null);
  return { api, ...mounted, input: mounted.$<HTMLInputElement>('input[type=search]')! };
}

const buttons = (m: Mounted) => m.$$<HTMLButtonElement>('[data-ff-result]');

describe('Popup: search', () => {
  it('shows the three subjects with their top facts and status badges before any query', async () => {
    const p = await open();
    expect(p.input.labels?.[0]?.textContent).toBe('Search the facts');
    await expect
      .poll(() => p.$$('.ff-subject h2').map((h) => h.textContent))
      .toEqual(['AI executive order (EO 14409)', 'Claude Mythos', 'Project Glasswing']);
    expect(p.$$('.ff-subject .ff-badge').map((b) => b.textContent)).toEqual(['Verified', 'Single source', 'Verified', 'Disputed']);
    expect(performance.getEntriesByName('frontier-facts:popup-ready')).toHaveLength(1);
    await expect.poll(() => document.documentElement.lang).toBe('en');
  });

  it('searches as you type, grouped by subject, with verdicts and sources at a glance', async () => {
    const p = await open();
    await type(p.input, 'glass');
    expect(p.api.calls.filter((c) => c.method === 'search').map((c) => c.args[0])).toEqual(['glass']);
    await expect.poll(() => p.$$('.ff-group h2').map((h) => h.textContent)).toEqual(['Project Glasswing']);
    expect(buttons(p).map((b) => b.textContent)).toEqual([
      'VerifiedGlasswing gives partners access to Mythos.',
      'DisputedGlasswing has about 40 partners.',
      'MisleadingClaim: Glasswing has 40 tech giants.',
    ]);
    expect(p.$('.ff-source-summary')?.textContent).toBe('Anthropic, Apr 7, 2026 · Reuters, undated');
    expect(p.$('[role=status]')?.textContent).toBe('3 results');
    const measure = performance.getEntriesByName('frontier-facts:search').at(-1) as PerformanceMeasure;
    expect(measure.detail).toMatchObject({ query: 'glass', results: 3 });
  });

  it('asks for one more letter instead of sending a lone Latin letter, but searches one Chinese character', async () => {
    const p = await open();
    await type(p.input, 'g');
    await expect.poll(() => p.text()).toContain('Keep typing');
    expect(p.api.calls.some((c) => c.method === 'search')).toBe(false);
    await type(p.input, '翼');
    expect(p.api.calls.filter((c) => c.method === 'search').map((c) => c.args[0])).toEqual(['翼']);
  });

  it('opens the first result with Enter and walks the results with the arrow keys', async () => {
    const p = await open();
    await type(p.input, 'glasswing');
    await expect.poll(() => buttons(p).length).toBe(3);
    p.input.focus();
    await press('Enter');
    const [first, second] = buttons(p);
    expect(document.activeElement).toBe(first);
    expect(first!.getAttribute('aria-expanded')).toBe('true');
    // Only https sources become links; the open detail lists them with their outlet and date.
    expect(p.$$<HTMLAnchorElement>('.ff-open a').map((a) => a.getAttribute('href'))).toEqual([
      'https://www.anthropic.com/glasswing',
      'https://www.reuters.com/glasswing',
    ]);
    await press('ArrowDown');
    expect(document.activeElement).toBe(second);
    await press('ArrowUp');
    await press('ArrowUp');
    expect(document.activeElement).toBe(p.input);
    // Enter on a result toggles it like any button.
    await click(first!);
    expect(first!.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows both sides of a disputed fact and the correction of a claim', async () => {
    const p = await open();
    await type(p.input, 'glasswing');
    await expect.poll(() => buttons(p).length).toBe(3);
    await click(buttons(p)[1]!);
    expect(p.$$('.ff-open .ff-side').map((s) => s.querySelector('p')?.textContent)).toEqual([
      'One side: About 40 partners.',
      'One side: About 11 partners.',
    ]);
    await type(p.input, 'june');
    await expect.poll(() => buttons(p).some((b) => b.textContent?.includes('Claim:'))).toBe(true);
    const claim = buttons(p).find((b) => b.textContent?.includes('Claim:'))!;
    await click(claim);
    expect(p.$('.ff-open')?.textContent).toContain('What the sources say: It was signed on June 2 (US time).');
    // A captured page with no public address is named, never linked.
    expect(p.$('.ff-open')?.textContent).toContain('A captured seed (no public address)');
  });

  it('never lets a slow reply overwrite a newer query’s results', async () => {
    const base = mockApi();
    const pending = new Map<string, (r: Result<SearchResult[]>) => void>();
    const api: MockApi = { ...base, search: (q) => new Promise((resolve) => pending.set(q, resolve)) };
    const p = await open({}, api);
    await type(p.input, 'gl');
    await type(p.input, 'june');
    pending.get('june')!(await base.search('june'));
    await expect.poll(() => buttons(p).some((b) => b.textContent?.includes('June'))).toBe(true);
    pending.get('gl')!({ ok: true, value: [] });
    await afterResolvedReplies();
    expect(buttons(p).some((b) => b.textContent?.includes('June'))).toBe(true);
    expect(p.text()).not.toContain('Nothing matches');
  });

  it('says so when nothing matches or the background cannot answer', async () => {
    const p = await open();
    await type(p.input, 'zzzz');
    await expect.poll(() => p.text()).toContain('Nothing matches “zzzz”.');
    p.unmount();
    const offline = await open({ offline: true });
    await type(offline.input, 'glass');
    await expect.poll(() => offline.text()).toContain('This could not be loaded.');
  });

  it('speaks Chinese when the browser does, and finds Chinese text', async () => {
    const p = await open({ uiLanguage: 'zh-CN', report: seedReport });
    await expect.poll(() => document.documentElement.lang).toBe('zh-CN');
    await expect.poll(() => p.$('#ff-page-heading')?.textContent).toBe('本页内容');
    await type(p.input, '玻璃翼');
    await expect.poll(() => p.$$('.ff-group h2').map((h) => h.textContent)).toEqual(['玻璃翼计划']);
    expect(buttons(p)[0]?.textContent).toBe('已核实玻璃翼计划让合作伙伴使用 Mythos。');
    // Chinese punctuation too: full-width colon after labels, full-width comma between outlet and date.
    expect(buttons(p).at(-1)?.textContent).toBe('误导说法：玻璃翼有 40 家科技巨头。');
    expect(p.$('.ff-source-summary')?.textContent).toBe('Anthropic，2026年4月7日 · Reuters，无日期');
  });

  it('shows a Chinese query’s results in Chinese in an English popup, an English query’s in English', async () => {
    const p = await open();
    await type(p.input, '玻璃翼');
    await expect.poll(() => buttons(p)[0]?.textContent).toBe('已核实玻璃翼计划让合作伙伴使用 Mythos。');
    expect(p.$('.ff-results [lang]')?.getAttribute('lang')).toBe('zh-CN');
    await type(p.input, 'partners');
    await expect.poll(() => buttons(p)[0]?.textContent).toBe('VerifiedGlasswing gives partners access to Mythos.');
  });

  it('makes the result count visible and expandable results look expandable', async () => {
    const p = await open();
    await type(p.input, 'glass');
    await expect.poll(() => p.$('.ff-result-count')?.textContent).toBe('3 results');
    expect(p.$('.ff-result-count')?.getAttribute('role')).toBe('status');
    const first = buttons(p)[0]!;
    expect(first.getAttribute('aria-expanded')).toBe('false');
    expect(first.querySelector('.ff-chevron')).not.toBeNull();
    await click(first);
    expect(buttons(p)[0]!.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows a context-menu lookup above the search, with its misclaims and subjects, until dismissed', async () => {
    const claim = claims.find((c) => c.id === 'claim-signed-june-3');
    const p = await open({
      lookup: {
        text: 'Trump signed the AI order on June 3.',
        claims: [{ claim: claim!, sentence: 'Trump signed the AI order on June 3.' }],
        subjects: [card('eo-14409')],
      },
    });
    await expect.poll(() => p.$('.ff-lookup')).not.toBeNull();
    const panel = p.$('.ff-lookup')!;
    expect(panel.querySelector('blockquote')?.textContent).toBe('Trump signed the AI order on June 3.');
    expect(panel.querySelector('.ff-lookup-claim')?.textContent).toContain('What the sources say: It was signed on June 2 (US time).');
    expect(panel.querySelector('.ff-lookup-claim .ff-badge')?.textContent).toBe('False');
    expect(panel.querySelector('.ff-subject h4')?.textContent).toBe('AI executive order (EO 14409)');
    await click([...panel.querySelectorAll('button')].find((b) => b.textContent === 'Back to search')!);
    expect(p.$('.ff-lookup')).toBeNull();
  });

  it('says when a looked-up text holds nothing it knows', async () => {
    const p = await open({ lookup: { text: 'The weather is fine.', claims: [], subjects: [] } });
    await expect.poll(() => p.$('.ff-lookup')?.textContent).toContain('Nothing in the selected text matches');
  });

  it('hides and shows the page’s marks with a switch, for a page where it runs', async () => {
    const p = await open({ report: seedReport });
    const marks = () =>
      p.$$<HTMLInputElement>('.ff-controls input[role=switch]').find((i) => i.parentElement?.textContent === 'Show marks on this page');
    await expect.poll(() => marks()?.checked).toBe(true);
    await click(marks()!);
    await expect
      .poll(() => p.api.calls.filter((c) => c.method === 'marks').map((c) => c.args))
      .toEqual([
        [7, undefined],
        [7, 'hide'],
      ]);
    await expect.poll(() => marks()?.checked).toBe(false);
    p.unmount();
    // No content script answers: once the popup says so, there is no switch to offer.
    const none = await open({ report: null });
    await expect.poll(() => none.text()).toContain('This page is not scanned');
    await afterResolvedReplies();
    expect(none.$$('.ff-controls label').some((l) => l.textContent === 'Show marks on this page')).toBe(false);
  });

  it('paints cached cards before the background answers', async () => {
    const cache = createFirstPaintCache({ getItem: () => null, setItem: () => undefined });
    cache.initial = { language: 'en', cards: [card('claude-mythos')] };
    const silent: MockApi = { ...mockApi(), settings: () => new Promise(() => undefined), card: () => new Promise(() => undefined) };
    mounted = await mount(
      <Popup api={silent} findTab={() => Promise.resolve(null)} cache={cache} />,
      (m) => m.$$('.ff-subject h2').length > 0,
    );
    expect(mounted.$$('.ff-subject h2').map((h) => h.textContent)).toEqual(['Claude Mythos']);
    // Without fresh settings the switches stay away: they could undo a change made elsewhere.
    expect(mounted.$('.ff-controls')).toBeNull();
  });
});
