// @vitest-environment jsdom
/** "On this page" and the switches, through the whole Popup against the mock API. */
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../../src/popup/Popup';
import { parseSettings } from '../../../src/shared/settings';
import { mockApi, seedReport, type MockOptions } from './mock-api';
import { click, mount, type Mounted } from './render-helpers';

let mounted: Mounted | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

async function open(options: MockOptions = {}) {
  const api = mockApi(options);
  // Ready once "On this page" shows its items or says why it has none.
  mounted = await mount(
    <Popup api={api} findTab={() => api.activeTabId()} />,
    (m) => m.$$('.ff-page .ff-page-item').length > 0 || (m.$('.ff-page .ff-message')?.textContent ?? '') !== '',
  );
  return { api, ...mounted, message: () => mounted!.$('.ff-page .ff-message')?.textContent };
}

const siteSwitch = (m: Mounted) =>
  m.$$<HTMLInputElement>('.ff-controls input[role=switch]').find((i) => i.parentElement?.textContent?.startsWith('On for'));
const pauseSwitch = (m: Mounted) =>
  m.$$<HTMLInputElement>('.ff-controls input[role=switch]').find((i) => i.parentElement?.textContent === 'Pause everywhere');

describe('Popup: on this page', () => {
  it('lists each subject with its count and each flagged sentence with verdict and correction', async () => {
    const p = await open({ report: seedReport });
    await expect
      .poll(() => p.$$('.ff-page .ff-page-item').map((b) => b.textContent))
      .toEqual(['Project Glasswing2 mentions', 'AI executive order (EO 14409)1 mention', 'The order was signed on June 3.']);
    await expect
      .poll(() => p.$('.ff-flagged .ff-sentence-claims li')?.textContent)
      .toBe('False What the sources say: It was signed on June 2 (US time).');
    expect(p.api.calls.find((c) => c.method === 'claims')?.args[0]).toEqual(['claim-signed-june-3']);
    // The popup describes the tab findTab gave it.
    expect(p.api.calls.find((c) => c.method === 'pageReport')?.args).toEqual([7]);
  });

  it('reveals on the page: a subject steps through its mentions, a sentence goes to its claim', async () => {
    const p = await open({ report: seedReport });
    const [glasswing, , sentence] = p.$$('.ff-page .ff-page-item');
    await click(glasswing!);
    await click(glasswing!);
    await click(glasswing!);
    await click(sentence!);
    await expect.poll(() => p.$('.ff-page [role=status]')?.textContent).toBe('Shown on the page.');
    expect(p.api.calls.filter((c) => c.method === 'reveal').map((c) => c.args)).toEqual([
      [7, 'mention', 0],
      [7, 'mention', 2],
      [7, 'mention', 0],
      [7, 'claim', 0],
    ]);
  });

  it('says why the list is empty: not scanned, nothing here, still scanning', async () => {
    const unscanned = await open({ report: null });
    await expect.poll(() => unscanned.message()).toMatch(/^This page is not scanned/);
    // No hostname, no site switch; pausing everywhere stays possible.
    expect(siteSwitch(unscanned)).toBeUndefined();
    expect(pauseSwitch(unscanned)).toBeDefined();
    unscanned.unmount();

    const nothing = await open({ report: { ...seedReport, mentions: [], claims: [] } });
    await expect.poll(() => nothing.message()).toMatch(/^Nothing here about/);
    nothing.unmount();

    const scanning = await open({ report: { ...seedReport, ready: false, mentions: [], claims: [] } });
    await expect.poll(() => scanning.message()).toBe('Still scanning this page…');
  });

  it('switches the site off and on through settings.update, and shows "off for this site"', async () => {
    const p = await open({ report: seedReport });
    await expect.poll(() => siteSwitch(p)).toBeDefined();
    const toggle = siteSwitch(p)!;
    expect(toggle.checked).toBe(true);
    expect(toggle.parentElement?.textContent).toBe('On for news.example.com');
    // The content script answers an empty report once the site is off; the popup still knows why.
    p.api.setReport({ ...seedReport, mentions: [], claims: [] });
    await click(toggle);
    expect(p.api.calls.filter((c) => c.method === 'updateSettings').at(-1)?.args[0]).toEqual({ disabledSites: ['news.example.com'] });
    await expect.poll(() => p.message()).toBe('Frontier Facts is off for news.example.com.');
    expect(siteSwitch(p)!.checked).toBe(false);
    await click(siteSwitch(p)!);
    expect(p.api.calls.filter((c) => c.method === 'updateSettings').at(-1)?.args[0]).toEqual({ disabledSites: [] });
    await expect.poll(() => siteSwitch(p)!.checked).toBe(true);
  });

  it('keeps other sites when switching one, pauses everywhere, and opens the options', async () => {
    const p = await open({ report: seedReport, settings: { disabledSites: ['a.example'] } });
    await expect.poll(() => siteSwitch(p)).toBeDefined();
    await click(siteSwitch(p)!);
    expect(p.api.calls.filter((c) => c.method === 'updateSettings').at(-1)?.args[0]).toEqual({
      disabledSites: ['a.example', 'news.example.com'],
    });
    await expect.poll(() => siteSwitch(p)!.checked).toBe(false);
    await click(pauseSwitch(p)!);
    expect(p.api.calls.filter((c) => c.method === 'updateSettings').at(-1)?.args[0]).toEqual({ enabled: false });
    await expect.poll(() => p.message()).toBe('Frontier Facts is paused everywhere.');
    await click(p.$$('.ff-controls button').find((b) => b.textContent === 'Settings')!);
    expect(p.api.calls.some((c) => c.method === 'openOptions')).toBe(true);
  });

  it('follows settings changed elsewhere while open', async () => {
    const p = await open({ report: seedReport });
    p.api.emitSettings(parseSettings({ disabledSites: ['news.example.com'] }));
    await expect.poll(() => p.message()).toBe('Frontier Facts is off for news.example.com.');
  });

  it('reports a failed save', async () => {
    const p = await open({ report: seedReport, offline: true });
    expect(p.$('.ff-controls [role=alert]')).toBeNull();
    await expect.poll(() => siteSwitch(p)).toBeDefined();
    await click(siteSwitch(p)!);
    await expect.poll(() => p.$('.ff-controls [role=alert]')?.textContent).toBe('The setting could not be saved. Try again.');
  });
});
