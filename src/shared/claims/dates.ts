/**
 * Dates in folded text (see fold.ts), in the forms news copy uses: June 3,
 * June 3rd, 3 June, the third of June, June 3, 2026, 6/3 (US order),
 * 2026-06-03, 6月3日, 六月三日, month-year ("April 2026"), a bare year, and
 * weekdays (Tuesday, 周二, 星期二), which tie to dates in the checks.
 */
import { parseChinese } from './numbers';

export interface DateMention {
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday?: number;
}

const MONTHS: Array<[string, number]> = [
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sept', 9],
  ['sep', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
];
const MONTH_NUMBER = new Map(MONTHS);
const MONTH = `(${MONTHS.map(([m]) => m).join('|')})\\.?`;
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
const ORDINAL_WORD = `((?:twenty|thirty)[\\s-](?:${ORDINALS.slice(0, 9).join('|')})|${ORDINALS.join('|')}|thirtieth)`;
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = `(?:,?\\s+(\\d{4}))?`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CJK_WEEKDAY = '日一二三四五六';
const CN = '[〇零一二两三四五六七八九十]';

interface Form {
  re: RegExp;
  read(m: RegExpExecArray): Omit<DateMention, 'start' | 'end'> | null;
}

const month = (s: string | undefined) => (s ? MONTH_NUMBER.get(s.replace('.', '')) : undefined);
const num = (s: string | undefined) => (s === undefined ? undefined : /^\d+$/.test(s) ? Number(s) : (parseChinese(s) ?? undefined));
const ordinal = (s: string): number => {
  const parts = s.split(/[\s-]/);
  if (parts.length === 2) return (parts[0] === 'twenty' ? 20 : 30) + ORDINALS.indexOf(parts[1]!) + 1;
  return s === 'thirtieth' ? 30 : ORDINALS.indexOf(s) + 1;
};
const year = (s: string | undefined) => (s ? Number(s) : undefined);
const cjkYear = (s: string | undefined) => {
  if (!s) return undefined;
  if (/^\d{4}$/.test(s)) return Number(s);
  const digits = [...s].map((c) => ({ 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 })[c]);
  return digits.every((d) => d !== undefined) ? Number(digits.join('')) : undefined;
};

// Order matters only for readability: overlaps are resolved longest-first below.
const FORMS: Form[] = [
  // June 3 / June 3rd / June the 3rd / Wednesday, June 3, 2026
  {
    // "April 10: Treasury convenes…" is a date; "April 10:30" is not.
    re: new RegExp(`(?<![a-z])${MONTH}\\s+(?:the\\s+)?${DAY}(?!\\d|:\\d)${YEAR}`, 'g'),
    read: (m) => ({ month: month(m[1]), day: num(m[2]), year: year(m[3]) }),
  },
  // 3 June / 3rd of June
  {
    re: new RegExp(`(?<![\\d.,])${DAY}\\s+(?:of\\s+)?${MONTH}(?![a-z])${YEAR}`, 'g'),
    read: (m) => ({ day: num(m[1]), month: month(m[2]), year: year(m[3]) }),
  },
  // the third of June / June the third
  {
    re: new RegExp(`(?<![a-z])(?:the\\s+)?${ORDINAL_WORD}\\s+(?:day\\s+)?of\\s+${MONTH}(?![a-z])${YEAR}`, 'g'),
    read: (m) => ({ day: ordinal(m[1]!), month: month(m[2]), year: year(m[3]) }),
  },
  {
    re: new RegExp(`(?<![a-z])${MONTH}\\s+(?:the\\s+)?${ORDINAL_WORD}(?![a-z])${YEAR}`, 'g'),
    read: (m) => ({ month: month(m[1]), day: ordinal(m[2]!), year: year(m[3]) }),
  },
  // April 2026 (month and year, no day)
  { re: new RegExp(`(?<![a-z])${MONTH},?\\s+(\\d{4})(?!\\d)`, 'g'), read: (m) => ({ month: month(m[1]), year: year(m[2]) }) },
  // 2026-06-03
  { re: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, read: (m) => ({ year: year(m[1]), month: num(m[2]), day: num(m[3]) }) },
  // 6/3 and 6/3/2026: US order (month first), as on the US pages this is about.
  {
    re: /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/g,
    read: (m) => ({ month: num(m[1]), day: num(m[2]), year: m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : undefined }),
  },
  // 2026年6月3日, 6月3日, 六月三日, 6月3号
  {
    re: new RegExp(
      `(?:(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*)?(\\d{1,2}|${CN}{1,3})\\s*月\\s*(\\d{1,2}|${CN}{1,3})\\s*[日号]`,
      'g',
    ),
    read: (m) => ({ year: cjkYear(m[1]), month: num(m[2]), day: num(m[3]) }),
  },
  // 2026年6月 / 2026年
  {
    re: new RegExp(`(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年(?:\\s*(\\d{1,2}|${CN}{1,3})\\s*月(?!\\s*(?:\\d|${CN})))?`, 'g'),
    read: (m) => ({ year: cjkYear(m[1]), month: num(m[2]) }),
  },
  // 六月 / 6月 on its own (a month)
  {
    re: new RegExp(`(?<![\\d个])(\\d{1,2}|${CN}{1,2})\\s*月(?![\\s\\d份]*[日号])(?!\\s*(?:\\d|${CN}))`, 'g'),
    read: (m) => ({ month: num(m[1]) }),
  },
  // in April / since May: a month on its own (capital May only, read from the raw text by the caller's check)
  {
    re: new RegExp(
      `(?:(?<=\\b(?:in|since|by|during|early|late|mid|mid-|until|before|after|last|this|next|of)\\s)|(?<=['’]s\\s)|(?=\\S+\\s+(?:launch|launches|release|debut|unveiling|announcement|rollout|meeting)\\b))${MONTH}(?![a-z])(?!\\s+\\d)`,
      'g',
    ),
    read: (m) => ({ month: month(m[1]) }),
  },
  // Tuesday, Monday night
  // A day without its month: "当地时间3日签署", "于2日", "signed on the 3rd". A check's date matches it on the day alone
  // (dateMatches): signing "on the 3rd" is wrong whatever the month, and "2日签署" states the truth.
  {
    re: new RegExp(`(?<=(?:时间|于|在)\\s*)(\\d{1,2}|${CN}{1,3})\\s*日(?!\\s*(?:内|起|前|后|之前|之后))`, 'g'),
    read: (m) => ({ day: num(m[1]) }),
  },
  {
    re: /(?<=\bon\s+)the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of|day|anniversary|time|floor|amendment))/g,
    read: (m) => ({ day: num(m[1]) }),
  },
  { re: new RegExp(`(?<![a-z])(${WEEKDAYS.join('|')})(?![a-z])`, 'g'), read: (m) => ({ weekday: WEEKDAYS.indexOf(m[1]!) }) },
  {
    re: new RegExp(`(?:周|星期|礼拜)([${CJK_WEEKDAY}天])`, 'g'),
    read: (m) => ({ weekday: m[1] === '天' ? 0 : CJK_WEEKDAY.indexOf(m[1]!) }),
  },
  // A bare year
  { re: /(?<![\d$.,-])(20[0-3]\d)(?!\d|[,.]\d|%|\s*(?:年|-\d))/g, read: (m) => ({ year: year(m[1]) }) },
];

/**
 * Every date mention in the folded text, longest first where they overlap, in order.
 * `raw` is the unfolded text: "May" counts as a month only when capitalised there.
 */
export function findDates(text: string, raw: string = text, today?: string | null): DateMention[] {
  const found: DateMention[] = [];
  if (today) found.push(...relativeDates(text, today));
  for (const form of FORMS) {
    form.re.lastIndex = 0;
    for (let m = form.re.exec(text); m; m = form.re.exec(text)) {
      const value = form.read(m);
      if (!value) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (value.month !== undefined && (value.month < 1 || value.month > 12)) continue;
      if (value.day !== undefined && (value.day < 1 || value.day > 31)) continue;
      if (/^may\b/.test(text.slice(start, end)) && !/^May/.test(raw.slice(start, end))) continue;
      found.push(stripUndefined({ start, end, ...value }));
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DateMention[] = [];
  for (const d of found) if (!kept.some((k) => d.start < k.end && k.start < d.end)) kept.push(d);
  kept.sort((a, b) => a.start - b.start);
  return joinWeekdays(text, kept);
}

const RELATIVE =
  /(?<![a-z])(yesterday|today|last night|tonight|earlier today|this (?:morning|afternoon|evening))(?![a-z])|(昨天|昨日|昨晚|今天|今日|今晨)/g;
/** "released last month", 上月: the month before the page's. */
const LAST_MONTH = /(?<![a-z])last\s+month(?![a-z])|上(?:个)?月(?!\d)/g;
/** "set up last year", 去年: the year before the page's. */
const LAST_YEAR = /(?<![a-z])last\s+year(?![a-z])|去年/g;
/** "last Thursday", 上周四: the latest such day before the page's date (within the week before it). */
const LAST_WEEKDAY = new RegExp(`(?<![a-z])last\\s+(${WEEKDAYS.join('|')})(?![a-z])|上(?:个)?(?:周|星期|礼拜)([${CJK_WEEKDAY}天])`, 'g');

/** "Signed yesterday" on a June 4 page: June 3. */
function relativeDates(text: string, today: string): DateMention[] {
  const out: DateMention[] = [];
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(text); m; m = RELATIVE.exec(text)) {
    const word = m[1] ?? m[2]!;
    const back = /yesterday|last night|昨/.test(word) ? 1 : 0;
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - back);
    out.push({ start: m.index, end: m.index + m[0].length, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  for (const m of text.matchAll(LAST_MONTH)) {
    const d = new Date(`${today}T12:00:00Z`);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - 1);
    out.push({ start: m.index, end: m.index + m[0].length, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 });
  }
  for (const m of text.matchAll(LAST_YEAR)) out.push({ start: m.index, end: m.index + m[0].length, year: Number(today.slice(0, 4)) - 1 });
  for (const m of text.matchAll(LAST_WEEKDAY)) {
    const weekday = m[1] ? WEEKDAYS.indexOf(m[1]) : m[2] === '天' ? 0 : CJK_WEEKDAY.indexOf(m[2]!);
    const d = new Date(`${today}T12:00:00Z`);
    // English "last Thursday": the most recent one before today; 上周四: Thursday of the week before this one.
    const back = m[1]
      ? (d.getUTCDay() - weekday + 7) % 7 || 7
      : d.getUTCDay() === 0
        ? 7 + ((7 - weekday) % 7)
        : d.getUTCDay() + 7 - (weekday === 0 ? 7 : weekday);
    d.setUTCDate(d.getUTCDate() - back);
    out.push({ start: m.index, end: m.index + m[0].length, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return out;
}

/** "Wednesday, June 3": one mention carrying both. */
function joinWeekdays(text: string, dates: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1];
    if (b && a.weekday !== undefined && b.weekday === undefined && b.day !== undefined && /^[\s,(]*$/.test(text.slice(a.end, b.start))) {
      out.push({ ...b, start: a.start, weekday: a.weekday });
      i++;
    } else out.push(a);
  }
  return out;
}

function stripUndefined(d: DateMention): DateMention {
  for (const key of Object.keys(d) as Array<keyof DateMention>) if (d[key] === undefined) delete d[key];
  return d;
}

/** The weekday of an ISO date (0 = Sunday). */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T12:00:00Z`).getUTCDay();
}

/**
 * Whether a mention denotes a day matching the spec: "2026-06-03" (that day, or its weekday when the
 * mention is only a weekday, within a week of `today`, the page's date, when known), "2026-06" (any day of that
 * month, or the month itself), "2024" (that year), "weekday:1" (Monday).
 */
export function dateMatches(d: DateMention, spec: string, today: string | null = null): boolean {
  if (spec.startsWith('weekday:')) return d.day === undefined && d.weekday === Number(spec.slice(8));
  const [y, m, day] = spec.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (d.year !== undefined && d.year !== y) return false;
  if (m === undefined) return d.year === y;
  if (d.month === undefined && d.day !== undefined && d.weekday === undefined) return d.day === day;
  // A bare weekday names a day of the week the page was written in: "on Wednesday" on a June 25 page is not
  // April 8, though that was a Wednesday too. (Without the page's date, any day of that weekday may be meant.)
  if (d.month === undefined)
    return (
      day !== undefined &&
      d.weekday !== undefined &&
      d.year === undefined &&
      d.weekday === weekdayOf(spec) &&
      (!today || Math.abs(Date.parse(`${today}T12:00:00Z`) - Date.parse(`${spec}T12:00:00Z`)) <= 7 * 86_400_000)
    );
  if (d.month !== m) return false;
  if (day === undefined) return true;
  return d.day === day;
}
