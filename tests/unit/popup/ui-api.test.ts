/** src/ui/api.ts: the typed door over a fake Platform (the transports the browser would provide). */
import { describe, expect, it, vi } from 'vitest';
import { createUiApi, type Platform } from '../../../src/ui/api';
import { seedReport } from './mock-api';

function fakePlatform(overrides: Partial<Platform> = {}) {
  const toBackground = vi.fn(async (m: unknown) => ({ ok: true, value: m }));
  const toTab = vi.fn(async (_tabId: number, m: unknown) =>
    (m as { type: string }).type === 'page.report' ? seedReport : { ok: true, value: true },
  );
  const toTabFrames = vi.fn(async (_tabId: number, _m: unknown) => ({ ok: true, value: false }));
  const platform: Platform = {
    toBackground,
    toTab,
    toTabFrames,
    activeTabId: async () => 3,
    onStoredSettings: () => () => undefined,
    openOptionsPage: async () => undefined,
    uiLanguage: () => 'zh-CN',
    ...overrides,
  };
  return { platform, toBackground, toTab, toTabFrames };
}

describe('createUiApi', () => {
  it('asks the top frame whether the marks are shown, and tells every frame to hide or show them', async () => {
    const { platform, toTab, toTabFrames } = fakePlatform();
    const api = createUiApi(platform);
    expect(await api.marks(7)).toEqual({ ok: true, value: true });
    expect(toTab).toHaveBeenLastCalledWith(7, { type: 'page.marks' });
    expect(await api.marks(7, 'hide')).toEqual({ ok: true, value: false });
    expect(toTabFrames).toHaveBeenLastCalledWith(7, { type: 'page.marks', action: 'hide' });
  });

  it('asks the background for the pending lookup', async () => {
    const { platform, toBackground } = fakePlatform();
    await createUiApi(platform).lookup();
    expect(toBackground).toHaveBeenLastCalledWith({ type: 'lookup.get' });
  });

  it('sends the contract’s messages to the background', async () => {
    const { platform, toBackground } = fakePlatform();
    const api = createUiApi(platform);
    await api.search('x'.repeat(300));
    await api.card('claude-mythos');
    await api.updateSettings({ enabled: false });
    await api.exportClaimReview('zh');
    expect(toBackground.mock.calls.map(([m]) => m)).toEqual([
      { type: 'facts.search', query: 'x'.repeat(200), limit: 40 },
      { type: 'card.get', entityId: 'claude-mythos', claimIds: [] },
      { type: 'settings.update', patch: { enabled: false } },
      { type: 'export.claimreview', lang: 'zh' },
    ]);
  });

  it('asks for claims only when there are some, once per id', async () => {
    const { platform, toBackground } = fakePlatform();
    const api = createUiApi(platform);
    expect(await api.claims([])).toEqual({ ok: true, value: [] });
    expect(toBackground).not.toHaveBeenCalled();
    await api.claims(['a', 'b', 'a']);
    expect(toBackground).toHaveBeenCalledWith({ type: 'claims.get', ids: ['a', 'b'] });
  });

  it('reads the bare page report and sends page.reveal to the chosen tab', async () => {
    const { platform, toTab } = fakePlatform();
    const api = createUiApi(platform);
    expect(await api.pageReport(12)).toEqual({ ok: true, value: seedReport });
    expect(await api.reveal(12, 'claim', 0)).toEqual({ ok: true, value: true });
    expect(toTab.mock.calls).toEqual([
      [12, { type: 'page.report' }],
      [12, { type: 'page.reveal', kind: 'claim', index: 0 }],
    ]);
  });

  it('turns "no content script" and junk replies into ok:false instead of throwing', async () => {
    const api = createUiApi(
      fakePlatform({
        toTab: async (_id, m) => {
          if ((m as { type: string }).type === 'page.report')
            throw new Error('Could not establish connection. Receiving end does not exist.');
          return { nonsense: true };
        },
        activeTabId: async () => {
          throw new Error('no window');
        },
      }).platform,
    );
    expect((await api.pageReport(1)).ok).toBe(false);
    expect((await api.reveal(1, 'mention', 0)).ok).toBe(false);
    expect(await api.activeTabId()).toBeNull();
  });

  it('parses stored settings changes, falling back field by field', () => {
    let emit: (stored: unknown) => void = () => undefined;
    const api = createUiApi(
      fakePlatform({
        onStoredSettings: (listener) => {
          emit = listener;
          return () => undefined;
        },
      }).platform,
    );
    const seen = vi.fn();
    api.watchSettings(seen);
    emit({ version: 1, enabled: false, highlightStyle: 'sparkles' });
    expect(seen).toHaveBeenCalledWith(expect.objectContaining({ enabled: false, highlightStyle: 'underline', disabledSites: [] }));
    expect(api.uiLanguage()).toBe('zh-CN');
  });
});
