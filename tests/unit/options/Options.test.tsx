// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../../src/options/Options';
import { downloadText, exportFileName } from '../../../src/options/download';
import { mockApi, type MockOptions } from '../popup/mock-api';
import { click, mount, type Mounted } from '../popup/render-helpers';
import { act } from 'preact/test-utils';

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  vi.restoreAllMocks();
});

async function open(options: MockOptions = {}) {
  const api = mockApi(options);
  // Ready once the settings (the controls) and the dataset facts (the source list) are in.
  mounted = await mount(<Options api={api} />, (m) => m.$$('input').length > 0 && m.$$('.ff-sources li').length > 0);
  return { api, ...mounted, updates: () => api.calls.filter((c) => c.method === 'updateSettings').map((c) => c.args[0]) };
}

const section = (m: Mounted, heading: string) => m.$$('section').find((s) => s.querySelector('h2')?.textContent === heading)!;

describe('Options', () => {
  it('labels every control and saves the highlight style and language as they change', async () => {
    const p = await open();
    for (const control of p.$$<HTMLInputElement | HTMLSelectElement>('input, select')) {
      expect(control.labels?.length ?? 0, control.outerHTML).toBeGreaterThan(0);
    }
    const radios = p.$$<HTMLInputElement>('input[name=highlight-style]');
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual([
      'Underline',
      'Background colour',
      'Off (cards still open with the keyboard shortcut)',
    ]);
    expect(radios[0]!.checked).toBe(true);
    await click(radios[1]!);
    await expect.poll(() => p.updates()).toEqual([{ highlightStyle: 'background' }]);
    const language = p.$<HTMLSelectElement>('#ff-language')!;
    await act(() => {
      language.value = 'zh';
      language.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(p.updates()).toEqual([{ highlightStyle: 'background' }, { language: 'zh' }]);
    // The page follows its own language setting at once.
    await expect.poll(() => p.$('h1')?.textContent).toBe('Frontier Facts 设置');
    await expect.poll(() => document.documentElement.lang).toBe('zh-CN');
  });

  it('saves the card delay only when it is a whole number in range', async () => {
    const p = await open();
    const delay = p.$<HTMLInputElement>('#ff-card-delay')!;
    expect(delay.value).toBe('500');
    const commit = async (value: string) => {
      await act(() => {
        delay.value = value;
        delay.dispatchEvent(new Event('input', { bubbles: true }));
        delay.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    await commit('9000');
    await expect.poll(() => delay.getAttribute('aria-invalid')).toBe('true');
    await commit('-5');
    await expect.poll(() => delay.getAttribute('aria-invalid')).toBe('true');
    await commit('250');
    await expect.poll(() => delay.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => delay.value).toBe('250');
    expect(p.updates()).toEqual([{ cardDelayMs: 250 }]);
  });

  it('lists the sites where it is off and turns one back on', async () => {
    const p = await open({ settings: { disabledSites: ['b.example', 'a.example'] } });
    const sites = section(p, 'Sites where it is off');
    expect([...sites.querySelectorAll('.ff-host')].map((h) => h.textContent)).toEqual(['a.example', 'b.example']);
    const remove = sites.querySelector<HTMLButtonElement>('button[aria-label="Turn back on for b.example"]')!;
    expect(remove.textContent).toBe('Turn back on');
    await click(remove);
    expect(p.updates()).toEqual([{ disabledSites: ['a.example'] }]);
    await expect.poll(() => sites.querySelector('[role=status]')?.textContent).toBe('On again for b.example.');
    p.unmount();
    const none = await open();
    await expect.poll(() => section(none, 'Sites where it is off').textContent).toContain('None: Frontier Facts runs on every site.');
  });

  it('shows the dataset version and counts', async () => {
    const p = await open();
    const dataset = section(p, 'Dataset');
    await expect.poll(() => dataset.querySelector('p')?.textContent).toBe('Version 1.0.0, reviewed on Nov 23, 2026');
    expect([...dataset.querySelectorAll('.ff-counts div')].map((d) => d.textContent)).toEqual([
      'Subjects3',
      'Facts4',
      'Misclaims2',
      'Sources4',
      'Verified2',
      'Single source1',
      'Disputed1',
      'Unconfirmed0',
    ]);
  });

  it('explains the statuses and verdicts and lists every source, linking only https ones', async () => {
    const p = await open();
    const verify = section(p, 'How we verify');
    expect(verify.textContent).toContain('Verified');
    expect(verify.textContent).toContain('at least two independent sources');
    expect(verify.textContent).toContain('we show each side with its own sources');
    expect([...verify.querySelectorAll('.ff-scale .ff-badge')].map((b) => b.textContent)).toEqual([
      'Verified',
      'Single source',
      'Disputed',
      'Unconfirmed',
      'False',
      'Misleading',
      'Outdated',
      'Disputed',
      'Unsupported',
    ]);
    expect(verify.querySelector('h3')?.textContent).toBe('All sources (4)');
    expect(verify.querySelectorAll('.ff-sources li')).toHaveLength(4);
    const links = [...verify.querySelectorAll<HTMLAnchorElement>('.ff-sources a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.anthropic.com/glasswing', 'https://www.reuters.com/glasswing']);
    expect(links.every((a) => a.rel === 'noopener noreferrer' && a.target === '_blank')).toBe(true);
    expect(verify.textContent).toContain('An http page (no public address)');
  });

  it('exports ClaimReview JSON-LD in the page language as a downloaded file', async () => {
    const created: Blob[] = [];
    const clicked: Array<{ href: string; download: string }> = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:test/1'), revokeObjectURL: () => undefined });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const p = await open();
    await click(p.$$('button').find((b) => b.textContent === 'Download ClaimReview JSON-LD')!);
    expect(p.api.calls.find((c) => c.method === 'exportClaimReview')?.args).toEqual(['en']);
    await expect.poll(() => clicked).toEqual([{ href: 'blob:test/1', download: 'frontier-facts-claimreview-1.0.0-en.json' }]);
    expect(JSON.parse(await created[0]!.text())).toMatchObject({ '@context': 'https://schema.org' });
    expect(created[0]!.type).toBe('application/ld+json');
    await expect
      .poll(() => section(p, 'Export').querySelector('[role=status]')?.textContent)
      .toBe('Downloaded frontier-facts-claimreview-1.0.0-en.json.');
    // The temporary link does not stay in the page.
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
  });
});

describe('downloadText', () => {
  it('revokes the Blob URL later, not at once', () => {
    vi.useFakeTimers();
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: revoke });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    downloadText(document, '{}', exportFileName('1.2.3', 'zh'));
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(revoke).toHaveBeenCalledWith('blob:x');
    vi.useRealTimers();
  });
});
