/**
 * [issue 16] Periods as sheet names and table titles write them: 2017年8月, 8月份, 2017-08,
 * 201708, 2017.8, 八月; 第35周, 2021年第7周, 2021-W07; 第35期; 一季度, 2025年第一季度, Q1;
 * 上半年; 2017年度; 1—8月 (a span of months, kept apart from the month it ends with).
 * Host-agnostic and pure: the splitting of a workbook by period is in
 * `src/evaluation/periods.ts`.
 */
import { foldText } from './cells';

export type PeriodKind = 'month' | 'week' | 'issue' | 'quarter' | 'half' | 'year' | 'span';

export interface Period {
  readonly kind: PeriodKind;
  /** The calendar year when the text gives one (or the workbook does: see `withYear`). */
  readonly year: number | null;
  /**
   * month 1–12, week 1–53, issue (第N期) ≥ 1, quarter 1–4, half 1–2 (上/下半年), 0 for a
   * year; for a span, its last month (1—8月: 8).
   */
  readonly index: number;
  /** A span's first month (1—8月: 1); absent for every other kind. */
  readonly from?: number;
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 1–99 written in Chinese numerals (八, 十, 十二, 三十五) or digits; null for anything else. */
export function smallNumber(s: string): number | null {
  if (/^\d{1,3}$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === '') return null;
  const [, tens, ten, ones] = m;
  // Without 十 a single numeral (八), which the pattern may have taken as tens or ones.
  if (ten === '') return (tens === '') !== (ones === '') ? CN_DIGITS[tens! || ones!]! : null;
  return (tens === '' ? 1 : CN_DIGITS[tens!]!) * 10 + (ones === '' ? 0 : CN_DIGITS[ones!]!);
}

/** A year written 2017 or 二〇一七; null outside 1900–2099. */
function yearOf(s: string): number | null {
  const digits = /^\d{4}$/.test(s)
    ? s
    : [...s].map((c) => (c in CN_DIGITS ? String(CN_DIGITS[c]) : 'x')).join('');
  if (!/^(19|20)\d\d$/.test(digits)) return null;
  return Number(digits);
}

const CN = '[一二三四五六七八九十]';
const YEAR = '((?:19|20)\\d\\d|[一二][〇零一二三四五六七八九]{3})';
const HAN = /[\u3400-\u9fff]/;

interface Found {
  readonly start: number;
  readonly end: number;
  readonly period: Period;
}

/** The patterns, each giving the period a match names (null: not one after all). */
const PATTERNS: readonly {
  readonly re: RegExp;
  readonly read: (m: RegExpExecArray, text: string) => Period | null;
}[] = [
  // 2017-08, 2017.8, 2017/08, 2017_8 (a date's month: 2017-08-15)
  {
    re: /((?:19|20)\d\d)[-./_](\d{1,2})(?!\d)/g,
    read: (m) => month(Number(m[1]), Number(m[2])),
  },
  // 201708
  {
    re: /((?:19|20)\d\d)(0[1-9]|1[0-2])(?!\d)/g,
    read: (m, t) => (digitBefore(t, m.index) ? null : month(Number(m[1]), Number(m[2]))),
  },
  // 2021-W07, 2021W7
  {
    re: /((?:19|20)\d\d)-?[Ww](\d{1,2})(?!\d)/g,
    read: (m) => numbered('week', Number(m[1]), Number(m[2]), 53),
  },
  // 1—8月, 1至8月, 1月-8月, 一至八月 (a span; 8月1日-8月31日 is no span: 日 stands between)
  {
    re: new RegExp(`(\\d{1,2}|${CN}{1,2})月?[-–—~～至到](\\d{1,2}|${CN}{1,3})月(?!\\d)`, 'g'),
    read: (m, t) => {
      if (/\d/.test(m[1]!) && digitBefore(t, m.index)) return null;
      if (!/\d/.test(m[1]!) && !cnMayStart(t, m.index)) return null;
      const from = smallNumber(m[1]!);
      const to = smallNumber(m[2]!);
      if (from === null || to === null || from < 1 || to > 12 || from >= to) return null;
      return { kind: 'span', year: null, index: to, from };
    },
  },
  // 8月, 08月份, 八月, 十二月 (not 统一月报: a Chinese numeral month starts the text, follows
  // 年 or a non-Han character)
  {
    re: new RegExp(`(\\d{1,2}|${CN}{1,2})月`, 'g'),
    read: (m, t) => {
      if (/\d/.test(m[1]!)) return digitBefore(t, m.index) ? null : month(null, Number(m[1]));
      if (!cnMayStart(t, m.index)) return null;
      const n = smallNumber(m[1]!);
      return n === null ? null : month(null, n);
    },
  },
  // 第35周, 第七周
  {
    re: new RegExp(`第(\\d{1,2}|${CN}{1,3})周`, 'g'),
    read: (m) => numbered('week', null, smallNumber(m[1]!), 53),
  },
  // 第35期
  {
    re: new RegExp(`第(\\d{1,3}|${CN}{1,3})期`, 'g'),
    read: (m) => numbered('issue', null, smallNumber(m[1]!), 999),
  },
  // 一季度, 第一季度, 第1季度, 1季度, 第一季 (not 四季青: 季 alone needs 第)
  {
    re: /(第)?([1-4一二三四])季(度)?/g,
    read: (m, t) =>
      (m[1] !== undefined || m[3] !== undefined) &&
      (m[1] !== undefined || (/\d/.test(m[2]!) ? !digitBefore(t, m.index) : cnMayStart(t, m.index)))
        ? numbered('quarter', null, smallNumber(m[2]!), 4)
        : null,
  },
  // Q1, 2025Q1, 2025-Q1
  {
    re: /((?:19|20)\d\d)?-?[Qq]([1-4])(?!\d)/g,
    read: (m, t) =>
      /[A-Za-z\d]/.test(t[m.index - 1] ?? '')
        ? null
        : numbered('quarter', m[1] === undefined ? null : Number(m[1]), Number(m[2]), 4),
  },
  // 上半年, 下半年
  {
    re: /([上下])半年/g,
    read: (m) => ({ kind: 'half', year: null, index: m[1] === '上' ? 1 : 2 }),
  },
  // 2017年度, 2017全年: a year only where nothing finer is named (2017年度第一季度 is a quarter)
  {
    re: new RegExp(`${YEAR}年?(?:度|全年)`, 'g'),
    read: (m) => {
      const y = yearOf(m[1]!);
      return y === null ? null : { kind: 'year', year: y, index: 0 };
    },
  },
];

function digitBefore(t: string, i: number): boolean {
  return i > 0 && /[\d.]/.test(t[i - 1]!);
}

/** A Chinese numeral may start a number here: at the start, after 年/第, or after a non-Han character. */
function cnMayStart(t: string, i: number): boolean {
  const c = t[i - 1];
  return c === undefined || c === '年' || c === '第' || !HAN.test(c);
}

function month(year: number | null, m: number): Period | null {
  return m >= 1 && m <= 12 ? { kind: 'month', year, index: m } : null;
}

function numbered(
  kind: PeriodKind,
  year: number | null,
  n: number | null,
  max: number,
): Period | null {
  return n !== null && n >= 1 && n <= max ? { kind, year, index: n } : null;
}

/** “2017年” (or 二〇一七年) ending right before `i`, in `t`. */
const YEAR_BEFORE = new RegExp(`${YEAR}\\s*年(?:度)?\\s*$`);
const ANY_YEAR = new RegExp(`${YEAR}\\s*年`);

/**
 * The period a sheet name or a title names: the first one in the text (2017年7月份… 8月数据 is
 * July), with its year when the text gives one (directly before it, else anywhere in the text).
 * Full-width digits and spaces are allowed. Null when the text names none.
 */
export function parsePeriod(text: string): Period | null {
  const t = foldText(text);
  if (t === '') return null;
  let best: Found | null = null;
  let yearOnly: Found | null = null;
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(t); m !== null; m = re.exec(t)) {
      if (best !== null && m.index > best.start) break;
      const period = read(m, t);
      if (period === null) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const found = { start: m.index, end: m.index + m[0].length, period };
      if (period.kind === 'year') {
        yearOnly ??= found;
        break;
      }
      if (
        best === null ||
        found.start < best.start ||
        (found.start === best.start && found.end > best.end)
      )
        best = found;
      break;
    }
  }
  best ??= yearOnly;
  if (best === null) return null;
  if (best.period.year !== null) return best.period;
  const before = YEAR_BEFORE.exec(t.slice(0, best.start));
  const anywhere = before ?? ANY_YEAR.exec(t);
  const year = anywhere ? yearOf(anywhere[1]!) : null;
  return year === null ? best.period : { ...best.period, year };
}

/** One key per period: equal periods, equal keys. */
export function periodKey(p: Period): string {
  return `${p.kind}|${p.year ?? ''}|${p.index}|${p.from ?? ''}`;
}

export function samePeriod(a: Period, b: Period): boolean {
  return periodKey(a) === periodKey(b);
}

/** The same kind and number, years not contradicting (one may lack it). */
export function compatiblePeriods(a: Period, b: Period): boolean {
  return (
    a.kind === b.kind &&
    a.index === b.index &&
    (a.from ?? 0) === (b.from ?? 0) &&
    (a.year === null || b.year === null || a.year === b.year)
  );
}

/**
 * Order of periods of one kind: earlier first. A period without a year is taken to be in
 * `defaultYear` (the workbook's latest year) for the comparison.
 */
export function comparePeriods(a: Period, b: Period, defaultYear = 0): number {
  return (
    (a.year ?? defaultYear) - (b.year ?? defaultYear) ||
    a.index - b.index ||
    (b.from ?? 0) - (a.from ?? 0)
  );
}

/**
 * Whether `earlier` is the period right before `later` (July before August, December 2016
 * before January 2017, week 34 before 35): null when it cannot be told (a week or an issue
 * across a year's end, years unknown across one).
 */
export function isRightBefore(earlier: Period, later: Period): boolean | null {
  if (earlier.kind !== later.kind || earlier.kind === 'span') return null;
  const last: Partial<Record<PeriodKind, number>> = { month: 12, quarter: 4, half: 2 };
  const max = last[later.kind];
  if (earlier.kind === 'year')
    return earlier.year !== null && later.year !== null ? later.year - earlier.year === 1 : null;
  const sameYear =
    earlier.year === null || later.year === null ? null : earlier.year === later.year;
  if (later.index > 1) return sameYear === false ? false : earlier.index === later.index - 1;
  // The first of a year: last year's last (a week's or an issue's count is not known).
  if (max === undefined) return null;
  if (earlier.index !== max) return false;
  return earlier.year !== null && later.year !== null ? later.year - earlier.year === 1 : null;
}
