// @vitest-environment jsdom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { FactCard } from '../../../src/content/card/FactCard';
import type { CardData } from '../../../src/shared/views';

const source = (id: string, url: string | null) => ({
  id,
  outlet: `Outlet ${id}`,
  title: `Title ${id}`,
  url,
  published: '2026-06-03',
  tier: 'outlet' as const,
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
      sources: [source('a', 'https://a.example/x'), source('b', 'javascript:alert(1)')],
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
      correction: { en: 'It was June 2.', zh: '是6月2日。' },
      sources: [],
      seenIn: [],
    },
  ],
  datasetVersion: '1.0.0',
  datasetDate: '2026-11-23',
};

function show(lang: 'en' | 'zh' = 'en') {
  const root = document.createElement('div');
  const onClose = vi.fn();
  render(
    <FactCard state={{ kind: 'ready', data }} fallbackName="x" lang={lang} titleId="t" onClose={onClose} onMore={() => undefined} />,
    root,
  );
  return { root, onClose };
}

describe('FactCard', () => {
  it('is a labelled non-modal dialog naming the subject', () => {
    const { root } = show();
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!.textContent).toContain('AI executive order (EO 14409)');
  });

  it('renders dataset text as text, never markup', () => {
    const { root } = show();
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('links only https sources and shows both sides of a dispute', () => {
    const { root } = show();
    expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://a.example/x', 'https://c.example/']);
    expect(root.textContent).toContain('Treasury, War and DHS.');
    expect(root.textContent).toContain('The NSA, consulting others.');
    expect([...root.querySelectorAll('.fact > .badge')].map((b) => b.textContent)).toEqual(['Verified', 'Disputed']);
  });

  it('shows the correction with its verdict, and how current the facts are', () => {
    const { root } = show();
    expect(root.querySelector('.correction')!.textContent).toMatch(/False.*Signed June 3\..*It was June 2\./s);
    expect(root.textContent).toContain('Facts as of 2026-11-23 · dataset 1.0.0');
  });

  it('speaks Chinese when asked', () => {
    const { root } = show('zh');
    expect(root.textContent).toContain('此句包含不实说法');
    expect(root.textContent).toContain('6月2日签署。');
  });

  it('closes from its button', () => {
    const { root, onClose } = show();
    (root.querySelector('button.close') as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalled();
  });
});
