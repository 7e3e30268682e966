import { describe, expect, it } from 'vitest';
import { pageState, reportHost } from '../../../src/popup/page-state';
import { parseSettings } from '../../../src/shared/settings';
import { seedReport } from './mock-api';

const settings = parseSettings({});
const ok = (report = seedReport) => ({ status: 'ok' as const, tabId: 7, report });

describe('pageState', () => {
  it('waits, then says "not scanned" when the tab does not answer', () => {
    expect(pageState({ status: 'loading' }, settings)).toEqual({ kind: 'loading' });
    expect(pageState({ status: 'none' }, settings)).toEqual({ kind: 'unscanned' });
    expect(pageState(ok({ ...seedReport, url: 'file:///tmp/x.html' }), settings)).toEqual({ kind: 'unscanned' });
  });

  it('groups mentions by subject with their report positions, and numbers the claims', () => {
    const state = pageState(ok(), settings);
    expect(state).toEqual({
      kind: 'found',
      host: 'news.example.com',
      tabId: 7,
      subjects: [
        { entityId: 'project-glasswing', indexes: [0, 2] },
        { entityId: 'eo-14409', indexes: [1] },
      ],
      sentences: [
        { sentence: 'The order was signed on June 3.', claims: [{ claimId: 'claim-signed-june-3', verdict: 'false', index: 0 }] },
      ],
    });
  });

  it('lists a sentence once with every claim it states, in page order, and no refutation', () => {
    const report = {
      ...seedReport,
      claims: [
        { claimId: 'a', verdict: 'false' as const, sentence: 'One sentence.', stance: 'asserts' as const },
        { claimId: 'b', verdict: 'misleading' as const, sentence: 'Another.', stance: 'asserts' as const },
        { claimId: 'c', verdict: 'outdated' as const, sentence: 'One sentence.', stance: 'asserts' as const },
        { claimId: 'a', verdict: 'false' as const, sentence: 'One sentence.', stance: 'asserts' as const },
        // A refutation is reported by the page, but it is not something the page gets wrong.
        { claimId: 'd', verdict: 'false' as const, sentence: 'Reports of June 3 are wrong.', stance: 'refutes' as const },
      ],
    };
    const state = pageState(ok(report), settings);
    expect(state.kind === 'found' && state.sentences).toEqual([
      {
        sentence: 'One sentence.',
        claims: [
          { claimId: 'a', verdict: 'false', index: 0 },
          { claimId: 'c', verdict: 'outdated', index: 2 },
        ],
      },
      { sentence: 'Another.', claims: [{ claimId: 'b', verdict: 'misleading', index: 1 }] },
    ]);
  });

  it('tells "off for this site" and "paused" apart from "nothing here", whatever the report says', () => {
    const empty = { ...seedReport, mentions: [], claims: [] };
    expect(pageState(ok(empty), parseSettings({ disabledSites: ['news.example.com'] }))).toEqual({
      kind: 'off-site',
      host: 'news.example.com',
    });
    expect(pageState(ok(empty), parseSettings({ enabled: false }))).toEqual({ kind: 'paused', host: 'news.example.com' });
    expect(pageState(ok(empty), settings)).toEqual({ kind: 'nothing', host: 'news.example.com' });
    expect(pageState(ok({ ...empty, ready: false }), settings)).toEqual({ kind: 'scanning', host: 'news.example.com' });
  });

  it('matches the site switch to the hostname, case-insensitively', () => {
    expect(
      pageState(ok({ ...seedReport, url: 'https://News.Example.com/x' }), parseSettings({ disabledSites: ['news.example.com'] })).kind,
    ).toBe('off-site');
    expect(reportHost(ok({ ...seedReport, url: 'https://News.Example.com:8443/x' }))).toBe('news.example.com');
    expect(reportHost({ status: 'none' })).toBeNull();
  });
});
