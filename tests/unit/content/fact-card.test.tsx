// @vitest-environment jsdom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { CardFlag } from '../../../src/content/card/card-text';
import { FactCard } from '../../../src/content/card/FactCard';
import type { CardData, SourceView } from '../../../src/shared/views';

const source = (id: string, url: string | null, tier: SourceView['tier'] = 'outlet', title: string | null = `Title ${id}`): SourceView => ({
  id,
  outlet: `Outlet ${id}`,
  title,
  url,
  published: '2026-06-03',
  tier,
});
const data: CardData = {
  entityId: 'eo-14409',
  name: { en: 'AI executive order (EO 14409)', zh: '人工智能行政令' },
  description: { en: 'The order <img src=x onerror=alert(1)>', zh: '行政令' },
  facts: [
    {
      id: 'f1',
      entity: 'eo-14409',
      statement: { en: 'Signed June 2.', zh: '6月2日签署。' },
      status: 'verified',
      asOf: '2026-06-03',
      rank: 1,
      sources: [source('a', 'https://a.example/x', 'wire'), source('b', 'javascript:alert(1)')],
    },
    {
      id: 'f2',
      entity: 'eo-14409',
      statement: { en: 'Who builds the benchmark is disputed.', zh: '有争议。' },
      status: 'disputed',
      asOf: '2026-06-03',
      rank: 2,
      sources: [],
      sides: [
        { statement: { en: 'Treasury, War and DHS.', zh: '财政部等。' }, sources: [source('c', 'https://c.example/')] },
        { statement: { en: 'The NSA, consulting others.', zh: '国家安全局。' }, sources: [source('d', null)] },
      ],
    },
  ],
  claims: [
    {
      id: 'c1',
      entity: 'eo-14409',
      claim: { en: 'Signed June 3.', zh: '6月3日签署。' },
      verdict: 'false',
      correction: {
        en: 'False: Trump signed it on June 2, 2026. June 3 datelines are Asian time.',
        zh: '错误：特朗普于6月2日签署。标注6月3日的多为亚洲时区。',
      },
      sources: [
        source('o', 'https://o.example/', 'official'),
        source('w', 'https://w.example/', 'wire', null),
        source('n', 'https://n.example/'),
        source('s', 'https://s.example/', 'secondary'),
      ],
      seenIn: [],
    },
  ],
  developments: [
    { factId: 'f1', happened: '2026-06-02', statement: { en: 'Trump signed the order.', zh: '特朗普签署了行政令。' }, status: 'verified' },
    { factId: 'f0', happened: '2026-05-21', statement: { en: 'The ceremony was postponed.', zh: '仪式推迟。' }, status: 'verified' },
  ],
  datasetVersion: '1.0.0',
  datasetDate: '2026-11-23',
};

function show(options: { lang?: 'en' | 'zh'; flags?: CardFlag[]; published?: string | null; card?: CardData } = {}) {
  const root = document.createElement('div');
  const onClose = vi.fn();
  render(
    <FactCard
      state={{ kind: 'ready', data: options.card ?? data }}
      fallbackName="x"
      lang={options.lang ?? 'en'}
      flags={options.flags ?? [{ claimId: 'c1' }]}
      published={options.published ?? null}
      titleId="t"
      onClose={onClose}
      onMore={() => undefined}
    />,
    root,
  );
  return { root, onClose, text: root.textContent ?? '' };
}

const mentionOnly = { ...data, claims: [] };

describe('FactCard', () => {
  it('is a non-modal dialog named by its subject (not the brand)', () => {
    const { root } = show();
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(dialog.getAttribute('aria-label')).toBe('AI executive order (EO 14409)');
    expect(root.textContent).not.toMatch(/FRONTIER FACTS/);
  });

  it('leads a flagged sentence with what is wrong: the subject above, verdict and correction as the title, the verdict once', () => {
    const { root, text } = show();
    expect(root.querySelector('.kicker')!.textContent).toBe('AI executive order (EO 14409)');
    expect(root.querySelector('h2')!.textContent).toBe('False: Trump signed it on June 2, 2026');
    expect(text.match(/False/g)).toHaveLength(1);
    expect(root.querySelector('.correction')!.textContent).toBe('June 3 datelines are Asian time.');
    expect(root.querySelector('.claim-line')!.textContent).toBe('Claim: Signed June 3.');
  });

  it('words the heading by stance and by how long the sentence was true', () => {
    const outdated = { ...data, claims: [{ ...data.claims[0]!, verdict: 'outdated' as const }] };
    expect(show({ flags: [{ claimId: 'c1', stance: 'reports' }] }).root.querySelector('h2')!.textContent).toMatch(
      /^Repeats a false claim: /,
    );
    expect(show({ card: outdated, flags: [{ claimId: 'c1', trueUntil: '2026-06-02' }] }).root.querySelector('h2')!.textContent).toMatch(
      /^True until Jun 2, 2026: /,
    );
    expect(show({ card: outdated, flags: [{ claimId: 'c1', stance: 'asserts' }] }).root.querySelector('h2')!.textContent).toMatch(
      /^Outdated: /,
    );
  });

  it('shows no flag for a sentence that refutes the claim', () => {
    const { root } = show({ flags: [{ claimId: 'c1', stance: 'refutes' }] });
    expect(root.querySelector('.flag')).toBeNull();
    expect(root.querySelector('h2')!.textContent).toBe('AI executive order (EO 14409)');
  });

  it('gives the correction its two strongest sources with tier, headline (or outlet) and date; the rest behind "more"', () => {
    const { root } = show();
    const flag = root.querySelector('.flag')!;
    const shown = [...flag.querySelectorAll('.ff-sources > ul > li')].map((li) => li.textContent);
    expect(shown).toEqual([
      'Official Title o (opens in a new tab) Outlet o, Jun 3, 2026',
      'Wire service Outlet w (opens in a new tab) Jun 3, 2026',
    ]);
    const more = flag.querySelector('details.ff-more-sources')!;
    expect(more.querySelector('summary')!.textContent).toBe('2 more sources');
    expect([...more.querySelectorAll('li')].map((li) => li.querySelector('.ff-tier')!.textContent)).toEqual(['News outlet', 'Secondary']);
  });

  it('folds the subject’s summary and key facts under “More about …” on a flagged card', () => {
    const { root } = show();
    const details = root.querySelector('details.more-about')!;
    expect(details.querySelector('summary')!.textContent).toBe('More about AI executive order (EO 14409)');
    expect(details.querySelectorAll('.fact')).toHaveLength(2);
  });

  it('shows a mention’s subject, summary and key facts at once, with how current they are in the header', () => {
    const { root } = show({ card: mentionOnly, flags: [] });
    expect(root.querySelector('h2')!.textContent).toBe('AI executive order (EO 14409)');
    expect(root.querySelector('details.more-about')).toBeNull();
    expect(root.querySelector('header .as-of')!.textContent).toBe('Facts as of Nov 23, 2026');
    expect([...root.querySelectorAll('.fact > .ff-badge')].map((b) => b.textContent)).toEqual(['Verified', 'Disputed']);
  });

  it('says how far the news was searched when that is later than the newest fact', () => {
    const { root } = show({ flags: [], card: { ...mentionOnly, datasetSearched: '2026-12-05' } });
    expect(root.querySelector('header .as-of')!.textContent).toBe('Facts as of Nov 23, 2026 · news checked to Dec 5, 2026');
    const { root: same } = show({ flags: [], card: { ...mentionOnly, datasetSearched: '2026-11-23' } });
    expect(same.querySelector('header .as-of')!.textContent).toBe('Facts as of Nov 23, 2026');
  });

  it('renders dataset text as text, never markup', () => {
    const { root, text } = show({ card: mentionOnly, flags: [] });
    expect(root.querySelector('img')).toBeNull();
    expect(text).toContain('<img src=x onerror=alert(1)>');
  });

  it('links only https sources and shows both sides of a dispute', () => {
    const { root, text } = show({ card: mentionOnly, flags: [] });
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://a.example/x');
    expect(hrefs.every((h) => h!.startsWith('https://'))).toBe(true);
    expect(text).toContain('Treasury, War and DHS.');
    expect(text).toContain('The NSA, consulting others.');
  });

  it('says what happened since the page was published, newest first, in one line', () => {
    expect(show({ published: '2026-05-20' }).root.querySelector('.since')!.textContent).toBe(
      'Since this was published: Jun 2, 2026 — Trump signed the order.',
    );
    expect(show({ published: '2026-06-02' }).root.querySelector('.since')).toBeNull();
    expect(show({ published: null }).root.querySelector('.since')).toBeNull();
  });

  it('speaks Chinese with full-width punctuation', () => {
    const { root, text } = show({ lang: 'zh', published: '2026-05-20' });
    expect(root.querySelector('h2')!.textContent).toBe('错误：特朗普于6月2日签署');
    expect(root.querySelector('.claim-line')!.textContent).toBe('说法：6月3日签署。');
    expect(root.querySelector('.since')!.textContent).toMatch(/^本文发布后：/);
    expect(text).not.toMatch(/[\u4e00-\u9fff][:,;]|[:,;][\u4e00-\u9fff]/);
    expect(root.querySelector('[role="dialog"]')!.getAttribute('lang')).toBe('zh-CN');
  });

  it('announces a card that opened beside the reader’s focus, politely', () => {
    const root = document.createElement('div');
    render(
      <FactCard
        state={{ kind: 'ready', data }}
        fallbackName="x"
        lang="en"
        titleId="t"
        announce
        onClose={() => undefined}
        onMore={() => undefined}
      />,
      root,
    );
    const live = root.querySelector('[aria-live=polite]')!;
    expect(live.getAttribute('aria-atomic')).toBe('true');
    expect(live.textContent).toMatch(/^AI executive order \(EO 14409\)False: /);
    expect(root.textContent!.match(/False/g)).toHaveLength(1);
    expect(show().root.querySelector('[aria-live]')).toBeNull();
  });

  it('closes from its button', () => {
    const { root, onClose } = show();
    (root.querySelector('button.close') as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalled();
  });
});
