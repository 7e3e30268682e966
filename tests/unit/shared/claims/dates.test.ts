import { describe, expect, it } from 'vitest';
import { dateMatches, findDates, weekdayOf } from '../../../../src/shared/claims/dates';

const parse = (text: string, raw = text, today?: string) =>
  findDates(text.toLowerCase(), raw, today).map(({ start: _start, end: _end, ...d }) => d);

describe('dates', () => {
  it('reads the forms news copy uses', () => {
    for (const text of [
      'June 3',
      'June 3rd',
      '3 June',
      'the third of June',
      'June the third',
      '6/3',
      '6月3日',
      '六月三日',
      '6月3号',
      '2026年6月3日',
    ]) {
      const [d] = parse(text);
      expect(d, text).toMatchObject({ month: 6, day: 3 });
    }
    expect(parse('June 3, 2026')).toEqual([{ month: 6, day: 3, year: 2026 }]);
    expect(parse('2026-06-03')).toEqual([{ year: 2026, month: 6, day: 3 }]);
    expect(parse('Wednesday, June 3')).toEqual([{ month: 6, day: 3, weekday: 3 }]);
    expect(parse('April 2026')).toEqual([{ month: 4, year: 2026 }]);
    expect(parse('launched in 2025, it')).toEqual([{ year: 2025 }]);
    expect(parse('二〇二四年')).toEqual([{ year: 2024 }]);
    expect(parse('周二')).toEqual([{ weekday: 2 }]);
  });

  it('tells the month May from the verb may', () => {
    expect(parse('it may 3 times', 'it may 3 times')).toEqual([]);
    expect(parse('in May 2026', 'in May 2026')).toEqual([{ month: 5, year: 2026 }]);
  });

  it('resolves yesterday and today against the page date', () => {
    expect(parse('signed yesterday', 'signed yesterday', '2026-06-04')).toEqual([{ year: 2026, month: 6, day: 3 }]);
    expect(parse('昨天签署', '昨天签署', '2026-06-03')).toEqual([{ year: 2026, month: 6, day: 2 }]);
    expect(parse('signed last Thursday', 'signed last Thursday', '2026-05-28')).toEqual([{ year: 2026, month: 5, day: 21 }]);
    expect(parse('上周三签署', '上周三签署', '2026-06-07')).toEqual([{ year: 2026, month: 5, day: 27 }]);
    expect(parse('released last month', 'released last month', '2026-05-15')).toEqual([{ year: 2026, month: 4 }]);
    expect(parse('set up last year', 'set up last year', '2026-06-20')).toEqual([{ year: 2025 }]);
  });

  it('matches specs: a day (or its weekday), a month, a year, a weekday', () => {
    const [june3] = findDates('june 3');
    const [wednesday] = findDates('wednesday');
    const [april] = findDates('april 2026');
    expect(dateMatches(june3!, '2026-06-03')).toBe(true);
    expect(dateMatches(june3!, '2026-06-02')).toBe(false);
    expect(dateMatches(wednesday!, '2026-06-03')).toBe(true);
    expect(dateMatches(april!, '2026-04')).toBe(true);
    expect(dateMatches(april!, '2026-04-07')).toBe(false);
    expect(weekdayOf('2026-06-02')).toBe(2);
  });

  it('reads a day without its month where news copy leaves the month out, and matches it on the day', () => {
    expect(parse('当地时间3日签署')).toEqual([{ day: 3 }]);
    expect(parse('特朗普于2日签署')).toEqual([{ day: 2 }]);
    expect(parse('signed it on the 3rd')).toEqual([{ day: 3 }]);
    expect(parse('3日内完成')).toEqual([]);
    expect(parse('on the 3rd of June')).toEqual([{ month: 6, day: 3 }]);
    expect(parse('on the 3rd floor')).toEqual([]);
    const [third] = findDates('时间3日');
    expect(dateMatches(third!, '2026-06-03')).toBe(true);
    expect(dateMatches(third!, '2026-06-02')).toBe(false);
    expect(dateMatches(third!, '2026-06')).toBe(false);
  });
});
