import { describe, expect, it } from 'vitest';
import { displayOrder, groupBySubject, nextFocus, resultKey } from '../../../src/popup/result-navigation';
import { isSearchable } from '../../../src/popup/search-query';
import { findTargetTab, tabFromQuery } from '../../../src/popup/target-tab';
import type { SearchResult } from '../../../src/shared/views';
import { formatDate, httpsUrl, pageHostname } from '../../../src/ui/kit/format';
import { claims, facts } from './mock-api';

describe('tab to describe', () => {
  it('uses ?tab=<id> only when it is a plain number', () => {
    expect(tabFromQuery('?tab=42')).toBe(42);
    expect(tabFromQuery('?x=1&tab=7')).toBe(7);
    for (const bad of ['', '?tab=', '?tab=-1', '?tab=1.5', '?tab=abc', '?tab=99999999999']) expect(tabFromQuery(bad), bad).toBeNull();
  });

  it('falls back to the active tab', async () => {
    expect(await findTargetTab('?tab=5', () => Promise.resolve(9))).toBe(5);
    expect(await findTargetTab('', () => Promise.resolve(9))).toBe(9);
  });
});

describe('results', () => {
  const results: SearchResult[] = [
    { kind: 'fact', score: 99, fact: facts[0]! },
    { kind: 'claim', score: 60, claim: claims[0]! },
    { kind: 'fact', score: 98, fact: facts[1]! },
  ];

  it('groups by subject in the order of each group’s best result, and navigates in screen order', () => {
    const groups = groupBySubject(results);
    expect(groups.map((g) => g.entityId)).toEqual(['project-glasswing', 'eo-14409']);
    expect(displayOrder(groups).map(resultKey)).toEqual(['fact:glasswing-partners', 'fact:glasswing-size', 'claim:claim-signed-june-3']);
  });

  it('moves focus with the arrow keys, from the search box (-1) and back to it', () => {
    expect(nextFocus(-1, 3, 'ArrowDown')).toBe(0);
    expect(nextFocus(0, 3, 'ArrowDown')).toBe(1);
    expect(nextFocus(2, 3, 'ArrowDown')).toBe(2);
    expect(nextFocus(1, 3, 'ArrowUp')).toBe(0);
    expect(nextFocus(0, 3, 'ArrowUp')).toBe(-1);
    expect(nextFocus(1, 3, 'End')).toBe(2);
    expect(nextFocus(2, 3, 'Home')).toBe(0);
    // Home/End in the box move the caret, as usual; no results, no movement.
    expect(nextFocus(-1, 3, 'Home')).toBeUndefined();
    expect(nextFocus(-1, 0, 'ArrowDown')).toBeUndefined();
    expect(nextFocus(0, 3, 'a')).toBeUndefined();
  });

  it('sends two Latin letters or any Chinese character, not one letter', () => {
    expect(isSearchable('g')).toBe(false);
    expect(isSearchable(' g ')).toBe(false);
    expect(isSearchable('gl')).toBe(true);
    expect(isSearchable('翼')).toBe(true);
    expect(isSearchable('')).toBe(false);
  });
});

describe('format', () => {
  it('renders only absolute https URLs as links', () => {
    expect(httpsUrl('https://www.reuters.com/x')).toBe('https://www.reuters.com/x');
    for (const bad of [
      'http://example.com',
      'javascript:alert(1)',
      'data:text/html,x',
      '//example.com',
      '/relative',
      '',
      null,
      undefined,
    ]) {
      expect(httpsUrl(bad), String(bad)).toBeNull();
    }
  });

  it('formats ISO dates as calendar days in either language', () => {
    expect(formatDate('2026-06-02', 'en')).toBe('Jun 2, 2026');
    expect(formatDate('2026-06-02', 'zh')).toBe('2026年6月2日');
    expect(formatDate('June 2', 'en')).toBe('June 2');
  });

  it('takes the hostname of http(s) pages only', () => {
    expect(pageHostname('https://WWW.Example.com/a?b')).toBe('www.example.com');
    expect(pageHostname('chrome://extensions')).toBeNull();
    expect(pageHostname('not a url')).toBeNull();
  });
});
