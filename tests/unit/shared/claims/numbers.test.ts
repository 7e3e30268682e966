import { describe, expect, it } from 'vitest';
import { findQuantities, parseChinese, parseWords } from '../../../../src/shared/claims/numbers';

const one = (text: string) => findQuantities(text).map(({ value, max, unit }) => ({ value, max, unit }));

describe('quantities', () => {
  it('reads digits, words and Chinese numerals with their units', () => {
    expect(one('a 90-day review')).toEqual([{ value: 90, max: undefined, unit: 'day' }]);
    expect(one('ninety days of access')).toEqual([{ value: 90, max: undefined, unit: 'day' }]);
    expect(one('three months')).toEqual([{ value: 90, max: undefined, unit: 'day' }]);
    expect(one('eighty-two percent')).toEqual([{ value: 82, max: undefined, unit: 'percent' }]);
    expect(one('82% of voters')).toEqual([{ value: 82, max: undefined, unit: 'percent' }]);
    expect(one('twenty-three thousand flaws')).toEqual([{ value: 23000, max: undefined, unit: 'count' }]);
    expect(one('23,019 candidates')).toEqual([{ value: 23019, max: undefined, unit: 'count' }]);
    expect(one('九十天')).toEqual([{ value: 90, max: undefined, unit: 'day' }]);
    expect(one('百分之八十二')).toEqual([{ value: 82, max: undefined, unit: 'percent' }]);
    expect(one('两万三千个漏洞')).toEqual([{ value: 23000, max: undefined, unit: 'count' }]);
    expect(one('2.3万个漏洞')).toEqual([{ value: 23000, max: undefined, unit: 'count' }]);
  });

  it('merges ranges, scaling weeks and months to days', () => {
    expect(one('two weeks to three months')).toEqual([{ value: 14, max: 90, unit: 'day' }]);
    expect(one('between 14 and 90 days')).toEqual([{ value: 14, max: 90, unit: 'day' }]);
    expect(one('14 to 90 days before launch')).toEqual([{ value: 14, max: 90, unit: 'day' }]);
    expect(one('十四到九十天')).toEqual([{ value: 14, max: 90, unit: 'day' }]);
    expect(one('2 to 3 weeks')).toEqual([{ value: 14, max: 21, unit: 'day' }]);
  });

  it('keeps separate values apart and ignores numerals used as words', () => {
    expect(one('14 days, not 90 days').map((q) => q.value)).toEqual([14, 90]);
    expect(one('一些公司十分担心')).toEqual([]);
    expect(one('no one knows')).toEqual([]);
  });

  it('parses number words and Chinese numerals', () => {
    expect(parseWords('one hundred and fifty')).toBe(150);
    expect(parseWords('a dozen')).toBe(12);
    expect(parseChinese('一百五十')).toBe(150);
    expect(parseChinese('十二')).toBe(12);
    expect(parseChinese('2万3千')).toBe(23000);
  });

  it('reads ranges written as one word or between two named spans, and joins "and" only after a scale', () => {
    const q = (t: string) => findQuantities(t).map(({ value, max, unit }) => ({ value, max, unit }));
    expect(q('a 14-to-90-day head start')).toEqual([{ value: 14, max: 90, unit: 'day' }]);
    expect(q('between fourteen and ninety days')).toEqual([{ value: 14, max: 90, unit: 'day' }]);
    expect(q('between a fortnight and roughly three months')).toEqual([{ value: 14, max: 90, unit: 'day' }]);
    expect(q('a quarter of a year')).toEqual([{ value: 90, max: undefined, unit: 'day' }]);
    expect(q('one hundred and fifty')).toEqual([{ value: 150, max: undefined, unit: 'count' }]);
  });
});
