import { describe, expect, it } from 'vitest';
import { isRightBefore, parsePeriod, type Period } from '../src/core/period';
import { periodZhCN } from '../src/i18n/period';

const month = (year: number | null, index: number): Period => ({ kind: 'month', year, index });

describe('[issue 16] periods in sheet names and titles', () => {
  it.each<[string, Period]>([
    ['2017年8月', month(2017, 8)],
    ['8月份', month(null, 8)],
    ['8月', month(null, 8)],
    ['2017-08', month(2017, 8)],
    ['201708', month(2017, 8)],
    ['2017.8', month(2017, 8)],
    ['2017/08/31', month(2017, 8)],
    ['八月', month(null, 8)],
    ['十二月份', month(null, 12)],
    ['二〇一七年十一月', month(2017, 11)],
    ['２０１７年 ８ 月', month(2017, 8)],
    ['8月数字城管', month(null, 8)],
    ['数字城管（8月）', month(null, 8)],
    ['8月 (2)', month(null, 8)],
    ['2017年8月份数字城管系统运行情况综合评价表', month(2017, 8)],
    // The first period named: July, though August is mentioned after it.
    ['2017年7月份各区政府综合评价表（演示用构造数据：8月数据改动个别单位）', month(2017, 7)],
    ['2010年8月1日-8月31日', month(2010, 8)],
    ['第35周', { kind: 'week', year: null, index: 35 }],
    ['2021年第7周', { kind: 'week', year: 2021, index: 7 }],
    ['第三十五周', { kind: 'week', year: null, index: 35 }],
    ['2021-W07', { kind: 'week', year: 2021, index: 7 }],
    ['2020年第35期（11.28—12.04，周）', { kind: 'issue', year: 2020, index: 35 }],
    ['一季度', { kind: 'quarter', year: null, index: 1 }],
    ['2025年第一季度', { kind: 'quarter', year: 2025, index: 1 }],
    ['2025年一季度（网址202504）', { kind: 'quarter', year: 2025, index: 1 }],
    ['2024年第2季度', { kind: 'quarter', year: 2024, index: 2 }],
    ['2025Q3', { kind: 'quarter', year: 2025, index: 3 }],
    ['上半年', { kind: 'half', year: null, index: 1 }],
    ['2025年下半年', { kind: 'half', year: 2025, index: 2 }],
    ['2017年度', { kind: 'year', year: 2017, index: 0 }],
    ['2017年度第一季度', { kind: 'quarter', year: 2017, index: 1 }],
    // A span of months is not the month it ends with.
    ['1-8月累计', { kind: 'span', year: null, index: 8, from: 1 }],
    ['2017年1—8月', { kind: 'span', year: 2017, index: 8, from: 1 }],
    ['1月至8月', { kind: 'span', year: null, index: 8, from: 1 }],
  ])('%s', (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  it.each([
    'Sheet1',
    '数字城管综合评价表',
    '12345平台运行情况表',
    '统一月报', // 一月 inside a word
    '四季青街道', // 四季 in a place name
    '本月',
    '上月',
    '2017年',
    '13月',
    '第60周',
    '',
  ])('%s names no period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  it('says a period in the sheets’ own words', () => {
    expect(
      [
        month(2017, 8),
        month(null, 8),
        { kind: 'week', year: 2021, index: 7 },
        { kind: 'quarter', year: 2025, index: 1 },
        { kind: 'half', year: 2025, index: 1 },
        { kind: 'span', year: 2017, index: 8, from: 1 },
        null,
      ].map((p) => periodZhCN(p as Period | null)),
    ).toEqual([
      '2017年8月',
      '8月',
      '2021年第7周',
      '2025年第一季度',
      '2025年上半年',
      '2017年1—8月',
      '未注明期间',
    ]);
  });

  it('knows the period right before another', () => {
    expect(isRightBefore(month(2017, 7), month(2017, 8))).toBe(true);
    expect(isRightBefore(month(2017, 6), month(2017, 8))).toBe(false);
    expect(isRightBefore(month(2016, 12), month(2017, 1))).toBe(true);
    expect(isRightBefore(month(2016, 8), month(2017, 8))).toBe(false);
    expect(isRightBefore(month(null, 7), month(null, 8))).toBe(true);
    expect(isRightBefore(month(null, 12), month(null, 1))).toBeNull();
    const week = (index: number): Period => ({ kind: 'week', year: 2021, index });
    expect(isRightBefore(week(34), week(35))).toBe(true);
    expect(
      isRightBefore(
        { kind: 'quarter', year: 2024, index: 4 },
        { kind: 'quarter', year: 2025, index: 1 },
      ),
    ).toBe(true);
    expect(isRightBefore(week(52), { kind: 'week', year: 2022, index: 1 })).toBeNull();
  });
});
