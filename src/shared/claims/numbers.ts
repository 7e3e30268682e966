/**
 * Quantities in folded text (see fold.ts): digits, English number words and
 * Chinese numerals, with the unit that follows them (days, weeks and months as
 * days; percentages; plain counts), and ranges ("two weeks to three months" =
 * 14–90 days, "between 14 and 90 days", "14至90天").
 */

export type QuantityUnit = 'day' | 'percent' | 'count';

export interface Quantity {
  start: number;
  end: number;
  /** The value, or the low end of a range. */
  value: number;
  /** The high end of a range (absent for a single value). */
  max?: number;
  unit: QuantityUnit;
}

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  trio: 3,
  quartet: 4,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000 };
const WORD = `(?:${[...Object.keys(SMALL), ...Object.keys(SCALE)].sort((a, b) => b.length - a.length).join('|')})`;
const CJK_DIGITS = '零〇一二两三四五六七八九十百千万亿';

const NUMBER =
  `(?<![a-z0-9.,])(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s*(?:k\\b|thousand\\b|million\\b|万|千|亿))?` +
  // "and" joins number words only after a scale ("one hundred and fifty"), not "between fourteen and ninety".
  `|(?<![a-z])(?:a\\s+)?${WORD}(?:(?:\\s+|-)${WORD}|(?<=(?:hundred|thousand|million))\\s+and\\s+${WORD})*(?![a-z])` +
  // Spans with a name of their own: a fortnight (14 days), a quarter of a year (90 days).
  `|(?<![a-z])(?:a\\s+)?fortnight(?![a-z])|(?<![a-z])(?:a\\s+)?quarter[\\s-]of[\\s-]a[\\s-]year(?![a-z])` +
  `|百分之[${CJK_DIGITS}\\d.]+|[${CJK_DIGITS}]+`;

// Units right after a number: "90 days", "90-day", "three months", "82%", "82 percent", "90天", "三个月".
const UNIT = /^\s*-?\s*(?:(days?|天|日)|(weeks?|周|星期|个星期)|(months?|个月|月)|(%|percent\b|per\s+cent\b|个百分点))/;
// "14 to 90", "14-to-90-day", "two weeks and roughly three months".
const RANGE_JOIN = /^\s*-?\s*(?:to|through|or|and|-|至|到|~|～|或)\s*-?\s*(?:(?:roughly|about|around|nearly|almost|some|up\s+to)\s+)?$/;

/** Every quantity in the folded text, ranges merged, in order. */
export function findQuantities(text: string): Quantity[] {
  const raw: Array<Quantity & { unitless: boolean }> = [];
  const re = new RegExp(NUMBER, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = m[0];
    const start = m.index;
    let end = start + token.length;
    let value: number | null;
    let unit: QuantityUnit = 'count';
    if (/fortnight|quarter/.test(token)) {
      value = /fortnight/.test(token) ? 14 : 90;
      unit = 'day';
    } else if (token.startsWith('百分之')) {
      value = parseChinese(token.slice(3));
      unit = 'percent';
    } else if (/^[\d]/.test(token)) value = parseDigits(token);
    else if (/^[a-z]/.test(token)) value = parseWords(token);
    else {
      // A lone CJK numeral is a word (一些, 十分), not a number, unless a unit follows.
      value = parseChinese(token);
    }
    if (value === null) continue;
    // A list's numbering ("\n4. Inside the Oval Office…") counts items, not anything the item says.
    if (
      /^\d{1,2}$/.test(token) &&
      /(?:^|\n)\s*$/.test(text.slice(Math.max(0, start - 8), start)) &&
      /^[.)]\s/.test(text.slice(end, end + 2))
    )
      continue;
    let unitless = unit === 'count';
    if (unit === 'count') {
      const u = UNIT.exec(text.slice(end, end + 12));
      if (u) {
        const [whole, day, week, month, percent] = u;
        if (day) unit = 'day';
        else if (week) {
          unit = 'day';
          value *= 7;
        } else if (month) {
          unit = 'day';
          value *= 30;
        } else if (percent) unit = 'percent';
        end += whole.length;
        unitless = false;
      }
    }
    // A lone CJK numeral is kept only before a classifier or as the low end of a range (十四到九十天).
    if (
      unitless &&
      !/^[\d]|^[a-z]/.test(token) &&
      !/^\s*(?:多|余)?\s*(?:家|个|名|项|处|份|位|款|次|个国家|国)|^\s*(?:到|至|~|～|-|或)/.test(text.slice(end, end + 6))
    )
      continue;
    if (unitless && /^(?:a\s+)?one$/.test(token)) continue; // "one of", "no one": not a count worth comparing
    raw.push({ start, end, value, unit, unitless });
  }
  return mergeRanges(text, raw);
}

function mergeRanges(text: string, items: Array<Quantity & { unitless: boolean }>): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1];
    if (b && (a.unitless || a.unit === b.unit) && !b.unitless) {
      const gap = text.slice(a.end, b.start);
      const before = text.slice(Math.max(0, a.start - 12), a.start);
      if (RANGE_JOIN.test(gap) && (!/^\s*and\s*$/.test(gap) || /between\s+$/.test(before))) {
        // "14 to 90 days": the unitless low end takes the high end's unit (weeks/months scaled alike).
        const low = a.unitless ? scaleLike(a.value, text.slice(b.start, b.end), b.value) : a.value;
        out.push({
          start: /between\s+$/.test(before) ? a.start - before.match(/between\s+$/)![0].length : a.start,
          end: b.end,
          value: low,
          max: b.value,
          unit: b.unit,
        });
        i++;
        continue;
      }
    }
    out.push({
      start: a.start,
      end: a.end,
      value: a.value,
      unit: a.unitless ? 'count' : a.unit,
      ...(a.max !== undefined ? { max: a.max } : {}),
    });
  }
  return out;
}

/** "14 to 90 days": nothing to scale. "2 to 3 weeks": the low end is in weeks too. */
function scaleLike(low: number, highText: string, _high: number): number {
  if (/week|周|星期/.test(highText)) return low * 7;
  if (/month|月/.test(highText)) return low * 30;
  return low;
}

function parseDigits(token: string): number | null {
  const m = /^([\d,]+(?:\.\d+)?)\s*(k|thousand|million|万|千|亿)?/.exec(token);
  if (!m) return null;
  const base = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  const mult = { k: 1e3, thousand: 1e3, million: 1e6, 万: 1e4, 千: 1e3, 亿: 1e8 }[m[2] ?? ''] ?? 1;
  return Math.round(base * mult * 1000) / 1000;
}

/** "twenty-three thousand" → 23000, "a dozen" → 12, "one hundred and fifty" → 150. */
export function parseWords(token: string): number | null {
  const words = token
    .replace(/^a\s+/, '')
    .split(/[\s-]+/)
    .filter((w) => w && w !== 'and');
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w in SMALL) {
      current += SMALL[w]!;
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALE) {
      total += (current || 1) * SCALE[w]!;
      current = 0;
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

const CJK_VALUE: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numerals and mixed forms: 九十 → 90, 两万三千 → 23000, 一百五十 → 150, 2万3千 → 23000. */
export function parseChinese(token: string): number | null {
  let total = 0;
  let section = 0;
  let digit = -1;
  let any = false;
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!;
    if (/\d/.test(ch)) {
      const m = /^\d+(?:\.\d+)?/.exec(token.slice(i))!;
      digit = Number(m[0]);
      i += m[0].length - 1;
      any = true;
    } else if (ch in CJK_VALUE) {
      digit = CJK_VALUE[ch]!;
      any = true;
    } else if (ch in CJK_UNIT) {
      section += (digit < 0 ? 1 : digit) * CJK_UNIT[ch]!;
      digit = -1;
      any = true;
    } else if (ch === '万' || ch === '亿') {
      section += digit < 0 ? 0 : digit;
      total += (section || 1) * (ch === '万' ? 1e4 : 1e8);
      section = 0;
      digit = -1;
      any = true;
    } else if (ch === '.') {
      continue;
    } else return null;
  }
  if (!any) return null;
  return total + section + (digit < 0 ? 0 : digit);
}
