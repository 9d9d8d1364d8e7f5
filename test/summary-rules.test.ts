import { describe, expect, it } from 'vitest';
import { SettingsError } from '../src/core/errors';
import type { CellValue, MergedArea, SheetGrid } from '../src/core/grid';
import { detectHotlineTables } from '../src/hotline/detect';
import {
  checkHotlineTotals,
  compareSummary,
  DEFAULT_SUMMARY_SETTINGS,
  fillTemplate,
  lastMonthFromColumns,
  readSummary,
  resolveSummarySettings,
  summaryTemplate,
  type SummaryReading,
  type SummarySection,
} from '../src/summary';
import { summaryParagraphs } from '../src/narrative/summary';
import { AUGUST_SUMMARY, JULY_SUMMARY } from '../scripts/sample-workbook';

const grid = (
  name: string,
  values: CellValue[][],
  merges?: MergedArea[],
  origin?: { row: number; col: number },
): SheetGrid => ({ name, values, ...(merges ? { merges } : {}), ...(origin ? { origin } : {}) });

const S = DEFAULT_SUMMARY_SETTINGS;

const paragraph = (sections: readonly SummarySection[], id: SummarySection['id'], i = 0) =>
  sections.find((s) => s.id === id)?.paragraphs.filter((p) => !p.editorial)[i]?.text ?? null;

/** A 12345 类别 table, columns layout, with an optional 合计 row. */
function categories(
  rows: [string, number][],
  total?: number,
  title = '12345诉求件分类',
): SheetGrid {
  return grid('分类', [
    [title],
    ['诉求类别', '受理量（件）'],
    ...rows,
    ...(total === undefined ? [] : [['合计', total] as [string, number]]),
  ]);
}

const AUG: [string, number][] = AUGUST_SUMMARY.categories.map(([n, v]) => [n, v]);
const JUL: [string, number][] = JULY_SUMMARY.categories.map(([n, v]) => [n, v]);

describe('the 分类 sentence: ties, fewer than three, a category new this month', () => {
  it('a category missing last month: no 环比 for it, the others keep theirs', () => {
    const aug = readSummary([categories(AUG)]);
    const jul = readSummary([categories(JUL.filter(([n]) => n !== '交通环保类'))]);
    const text = paragraph(summaryParagraphs(aug, jul, S), 'hotline-categories')!;
    // The seed's own clauses, the one for 交通环保类 gone.
    expect(text).toContain('城乡建设类诉求受理量与上月基本持平，环比下降0.07%');
    expect(text).toContain('；政法类受理量略有减少，环比下降2.97%。');
    expect(text).not.toContain('交通环保类和');
    expect(compareSummary(aug, jul, S).lists[0]!.newItems).toEqual(['交通环保类']);
  });

  it('a tie at the third place lists every tied category (前四位), or cuts in sheet order', () => {
    const rows: [string, number][] = [
      ['城乡建设类', 11939],
      ['政法类', 2707],
      ['交通环保类', 3761],
      ['劳动社保类', 2707],
      ['其他类', 100],
    ];
    const all = paragraph(
      summaryParagraphs(readSummary([categories(rows)]), null, S),
      'hotline-categories',
    );
    expect(all).toBe(
      '诉求件受理排名前四位的是：城乡建设类11939件，交通环保类3761件，政法类2707件，劳动社保类2707件，共占受理总数的99.53%。各类诉求件具体占比情况如下图所示：',
    );
    const cut = resolveSummarySettings({ tiesAtCutoff: 'cut' });
    const three = paragraph(
      summaryParagraphs(readSummary([categories(rows)]), null, cut),
      'hotline-categories',
    );
    expect(three).toContain(
      '排名前三位的是：城乡建设类11939件，交通环保类3761件，政法类2707件，共占',
    );
  });

  it('fewer than three categories: 前两位, or the one there is', () => {
    const two = paragraph(
      summaryParagraphs(readSummary([categories(AUG.slice(0, 2))]), null, S),
      'hotline-categories',
    );
    expect(two).toMatch(
      /^诉求件受理排名前两位的是：城乡建设类11939件，交通环保类3761件，共占受理总数的/,
    );
    const one = paragraph(
      summaryParagraphs(readSummary([categories(AUG.slice(0, 1))]), null, S),
      'hotline-categories',
    );
    expect(one).toMatch(/^诉求件受理量最多的是：城乡建设类11939件，占受理总数的100%。/);
  });

  it('“基本持平”, “略有”, “明显” come from settings', () => {
    const aug = readSummary([categories(AUG)]);
    const jul = readSummary([categories(JUL)]);
    const strict = resolveSummarySettings({ trend: { counts: { flatWithin: 0, markedFrom: 5 } } });
    const text = paragraph(summaryParagraphs(aug, jul, strict), 'hotline-categories')!;
    expect(text).toContain(
      '其中，城乡建设类和政法类诉求受理量略有减少，环比分别下降0.07%和2.97%；交通环保类受理量明显减少，环比下降6.42%。',
    );
  });
});

describe('layouts', () => {
  // 一、基本情况 as label/value pairs with 上月 and 环比 columns, a merged system label, numbers
  // typed as text (separators, full-width digits), a 备注 row; August's and July's figures.
  const a = AUGUST_SUMMARY;
  const j = JULY_SUMMARY;
  const pairs = grid(
    '基本情况',
    [
      ['2017年8月份通报数据'],
      [null, '指标', '数值', '上月', '环比'],
      [null, '12345政府公共服务系统受理诉求件（案件）', '109,169', j.system, '-1.61%'],
      ['12345平台', '受理诉求', '３５２７５', '34199', '3.15%'],
      [null, '群众基本满意度', '99.74%', 99.83, '-0.09'],
      ['数字城管系统', '受理有效案件', a.city, j.city, null],
      [null, '应结案数', a.toClose, j.toClose, null],
      [null, '结案数', a.closed, j.closed, null],
      [null, '按期结案数', a.closedOnTime, j.closedOnTime, null],
      [null, '处置数', a.disposed, j.disposed, null],
      [null, '返工数', a.rework, j.rework, null],
      ['备注：数据来源于系统月报。', null, null, null, null],
    ],
    [
      { top: 3, left: 0, bottom: 4, right: 0 },
      { top: 5, left: 0, bottom: 10, right: 0 },
    ],
    { row: 4, col: 2 },
  );

  it('label/value pairs with a 上月 column give the seed’s 基本情况 by themselves', () => {
    const reading = readSummary([pairs]);
    expect(reading.diagnostics).toEqual([]);
    expect(reading.figures.find((f) => f.id === 'hotline.accepted')).toMatchObject({
      value: 35275,
      previous: 34199,
      sheet: '基本情况',
      cell: 'E8',
    });
    const previous = lastMonthFromColumns(reading);
    expect(previous?.period).toEqual({ year: 2017, month: 7 });
    const text = paragraph(summaryParagraphs(reading, previous, S), 'basic');
    expect(text).toBe(
      // 一、基本情况 of samples/seed/bulletin-2017-08.txt
      '8月份，我市12345政府公共服务系统受理诉求件（案件）109169件，环比下降1.61%。12345平台的群众基本满意度较上月略有下降，数字城管系统的结案率和按期结案率略有提升。其中：12345平台受理诉求35275件，环比上升3.15%；群众基本满意度99.74%，环比下降0.09%。数字城管系统本月共受理有效案件73894件，环比下降3.72%；应结案数73373件，结案数72835件，结案率99.27%，环比上升0.27%；按期结案率94.39%，环比上升0.08%；返工数1018件，返工率1.4%。',
    );
  });

  it('columns layout with one row per system, a 合计 row and a 上月 row', () => {
    const sheet = grid('汇总', [
      ['2017年8月 基本情况'],
      ['系统', '受理量', '满意度', '应结案数', '结案数', '按期结案数'],
      ['12345平台', 35275, '99.74%', null, null, null],
      ['数字城管', 73894, null, 73373, 72835, 69256],
      ['合计', 109169, null, 73373, 72835, 69256],
    ]);
    const r = readSummary([sheet]);
    const v = (id: string) => r.figures.find((f) => f.id === id)?.value;
    expect([v('hotline.accepted'), v('city.accepted'), v('system.accepted')]).toEqual([
      35275, 73894, 109169,
    ]);
    expect(v('hotline.satisfaction')).toBe(9974);
    expect(v('city.toClose')).toBe(73373);
    expect(r.discrepancies).toEqual([]);
    const months = grid('月度', [
      ['12345平台'],
      ['月份', '受理诉求件', '群众满意度'],
      ['本月', 35275, 0.9974],
      ['上月', 34199, 0.9983],
    ]);
    const m = readSummary([months]);
    expect(m.figures.find((f) => f.id === 'hotline.satisfaction')).toMatchObject({
      value: 9974,
      previous: 9983,
    });
  });

  it('columns layout: one row per month (the earlier month is last month), a wrong 合计 row', () => {
    const months = grid('月报', [
      ['12345平台运行情况'],
      ['月份', '受理诉求件', '群众基本满意度'],
      ['2017年8月', 35275, '99.74%'],
      ['2017年7月', 34199, '99.83%'],
    ]);
    const r = readSummary([months]);
    expect(r.period).toEqual({ year: 2017, month: 8 });
    expect(r.figures.map((f) => [f.id, f.value, f.previous, f.cell])).toEqual([
      ['hotline.accepted', 35275, 34199, 'B3'],
      ['hotline.satisfaction', 9974, 9983, 'C3'],
    ]);
    const systems = grid('汇总', [
      ['系统', '受理量', '应结案数'],
      ['12345平台', 35275, null],
      ['数字城管', 73894, 73373],
      ['合计', 109196, 73373],
    ]);
    const d = readSummary([systems]).discrepancies;
    expect(d.map((x) => [x.cell, x.printed, x.recomputed])).toEqual([['B4', 109196, 109169]]);
  });

  it('category tables side by side, one value column per area, merged 大类 label', () => {
    const sheet = grid('分类', [
      ['数字城管事件小类'],
      ['小类', '全市', '五城区', '七县（市）', null, '部件小类', '立案数', '上月'],
      ['乱堆物堆料', 12563, 9870, 1950, null, '车行道', 1402, 1500],
      ['无证经营游商', 9645, 7032, 2160, null, '路灯', 958, 900],
      ['暴露垃圾', 8266, 5012, 2830, null, null, null, null],
      ['备注：五城区、七县（市）为前几位', null, null, null, null, null, null, null],
    ]);
    const r = readSummary([sheet]);
    const list = (dimension: string, area: string | null = null) =>
      r.lists.find((l) => l.dimension === dimension && l.area === area);
    expect(list('city.event.minor')?.items.map((x) => x.value)).toEqual([12563, 9645, 8266]);
    expect(
      list('city.event.minor', '七县（市）')?.items.map((x) => [x.name, x.value, x.cell]),
    ).toEqual([
      ['乱堆物堆料', 1950, 'D3'],
      ['无证经营游商', 2160, 'D4'],
      ['暴露垃圾', 2830, 'D5'],
    ]);
    expect(list('city.part.minor')?.items.map((x) => [x.name, x.value, x.previous])).toEqual([
      ['车行道', 1402, 1500],
      ['路灯', 958, 900],
    ]);
  });
});

describe('the 通报数据 template', () => {
  it('is empty labelled rows with value cells to fill, and reads back as nothing', () => {
    const t = summaryTemplate();
    expect(t.name).toBe('通报数据');
    expect(t.values[t.headerRow]).toEqual(['指标', '本月', '上月']);
    for (const row of Object.values(t.figureRows)) {
      expect(typeof t.values[row]![0]).toBe('string');
      expect(t.values[row]!.slice(1)).toEqual([null, null]);
    }
    const r = readSummary([t]);
    expect([r.figures, r.lists, r.diagnostics, r.discrepancies]).toEqual([[], [], [], []]);
  });

  it('round trip: what is written in is what is read back, with the cells it was written to', () => {
    const a = AUGUST_SUMMARY;
    const filled = fillTemplate(summaryTemplate(), {
      period: '2017年8月',
      figures: {
        'system.accepted': a.system,
        'hotline.accepted': String(a.hotline),
        'hotline.satisfaction': a.satisfaction,
        'city.accepted': a.city,
        'city.events': a.events,
        'city.parts': a.parts,
        'city.toClose': a.toClose,
        'city.closed': a.closed,
        'city.closedOnTime': a.closedOnTime,
        'city.disposed': a.disposed,
        'city.rework': a.rework,
      },
      previousFigures: { 'hotline.accepted': 34199 },
      lists: [
        { dimension: 'hotline.category', area: null, items: a.categories, total: a.hotline },
        { dimension: 'hotline.type', area: null, items: a.types },
        { dimension: 'city.event.major', area: null, items: a.eventMajors, total: a.events },
        { dimension: 'city.event.minor', area: null, items: a.eventMinors },
        {
          dimension: 'city.event.minor',
          area: '七县（市）',
          items: a.areaEventMinors['七县（市）'],
        },
      ],
    });
    const r = readSummary([filled]);
    expect(r.period).toEqual({ year: 2017, month: 8 });
    expect(r.diagnostics).toEqual([]);
    expect(r.discrepancies).toEqual([]);
    const value = (id: string) => r.figures.find((f) => f.id === id);
    expect(value('hotline.accepted')).toMatchObject({ value: 35275, previous: 34199 });
    expect(value('hotline.satisfaction')?.value).toBe(9974);
    expect(value('city.rework')?.value).toBe(1018);
    expect(r.figures).toHaveLength(11);
    const items = (dimension: string, area: string | null = null) =>
      r.lists
        .find((l) => l.dimension === dimension && l.area === area)
        ?.items.map((x) => [x.name, x.value])
        .sort();
    const sorted = (xs: readonly (readonly [string, number])[]) => xs.map((x) => [...x]).sort();
    expect(items('hotline.category')).toEqual(sorted(a.categories));
    expect(items('hotline.type')).toEqual(sorted(a.types));
    expect(items('city.event.major')).toEqual(sorted(a.eventMajors));
    expect(items('city.event.minor')).toEqual(sorted(a.eventMinors));
    expect(items('city.event.minor', '七县（市）')).toEqual(
      sorted(a.areaEventMinors['七县（市）']),
    );
    // The 突发事件 row's name, printed in the template, is no heading.
    expect(r.lists.filter((l) => l.dimension === 'city.event.major')).toHaveLength(1);
    expect(r.figures.find((f) => f.id === 'city.events')?.cell).toBe(
      `B${filled.figureRows['city.events']! + 1}`,
    );
  });
});

describe('totals checked', () => {
  it('a wrong 合计 is a discrepancy at its cell; a correct one is not', () => {
    const right = readSummary([categories(AUG, 35275)]);
    expect(right.discrepancies).toEqual([]);
    const wrong = readSummary([categories(AUG, 35257)]);
    expect(wrong.discrepancies).toHaveLength(1);
    expect(wrong.discrepancies[0]).toMatchObject({
      kind: 'total',
      sheet: '分类',
      cell: `B${AUG.length + 3}`,
      printed: 35257,
      recomputed: 35275,
    });
  });

  it('受理 total vs its parts (109169 = 35275 + 73894; 73894 = 68234 + 5660)', () => {
    const sheet = (system: number, events: number) =>
      grid('基本情况', [
        ['指标', '数值'],
        ['全系统受理诉求件（案件）', system],
        ['12345平台受理诉求件', 35275],
        ['数字城管受理有效案件', 73894],
        ['数字城管事件立案', events],
        ['数字城管部件立案', 5660],
      ]);
    expect(readSummary([sheet(109169, 68234)]).discrepancies).toEqual([]);
    const d = readSummary([sheet(109196, 68243)]).discrepancies;
    expect(d.map((x) => [x.cell, x.printed, x.recomputed])).toEqual([
      ['B2', 109196, 109169],
      ['B4', 73894, 73903],
    ]);
  });

  it('a category list against its total figure (the list is complete by settings)', () => {
    const sheet = grid('x', [
      ['12345平台受理诉求件', 35275],
      [],
      ['诉求类型', '件数'],
      ['投诉', 25884],
      ['咨询', 7224],
      ['求助', 1000],
    ]);
    const d = readSummary([sheet]).discrepancies;
    expect(d.map((x) => [x.cell, x.printed, x.recomputed])).toEqual([['B1', 35275, 34108]]);
    expect(readSummary([sheet], { completeLists: [] }).discrepancies).toEqual([]);
  });

  it('a total whose parts are not in the workbook is left alone', () => {
    const sheet = grid('x', [
      ['全系统受理诉求件（案件）', 109169],
      ['12345平台受理诉求件', 35275],
      ['数字城管事件立案', 68234],
    ]);
    const r: SummaryReading = readSummary([sheet]);
    expect(r.discrepancies).toEqual([]);
    expect(r.figures).toHaveLength(3);
  });

  it('a printed rate that is not its counts’ rate', () => {
    const sheet = grid('x', [
      ['数字城管系统'],
      ['应结案数', 73373],
      ['结案数', 72835],
      ['结案率', '99.72%'],
    ]);
    const [d] = readSummary([sheet]).discrepancies;
    expect(d).toMatchObject({ kind: 'rate', cell: 'B4', printed: 9972, recomputed: 9927 });
  });

  it('the 合计 rows of the 12345 tables, which the hotline reader skips', () => {
    const sheet = (total: number) =>
      grid('12345', [
        ['(二) 12345平台县（市）区诉求件受理情况表'],
        ['责任单位', '受理', '群众满意度'],
        ['仓山区', 7751, '99.77%'],
        ['晋安区', 5056, '99.70%'],
        ['合计', total, '99.74%'],
      ]);
    for (const [total, flagged] of [
      [12807, false],
      [12870, true],
    ] as const) {
      const sheets = [sheet(total)];
      const { tables } = detectHotlineTables(sheets);
      const d = checkHotlineTotals(tables, sheets);
      expect(d.length > 0).toBe(flagged);
      if (flagged) expect(d[0]).toMatchObject({ cell: 'B5', printed: 12870, recomputed: 12807 });
    }
  });

  it('data problems are diagnostics, never exceptions', () => {
    const r = readSummary([
      grid('x', [
        ['12345平台受理诉求件', '约3万'],
        ['数字城管受理有效案件', 73894.5],
        ['数字城管结案数', 72835],
        ['数字城管结案数', 72836],
      ]),
      { name: 'bad', values: null as unknown as CellValue[][] },
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.cell])).toEqual([
      ['summaryUnreadable', 'B1'],
      ['summaryBadCount', 'B2'],
      ['summaryDuplicate', 'B4'],
    ]);
  });
});

describe('summary settings', () => {
  it('rates: difference (default) or relative; points or percent in the text', () => {
    const reading = (satisfaction: string) =>
      readSummary([grid('x', [['12345平台群众基本满意度', satisfaction]])]);
    const cmp = (s = S) =>
      compareSummary(reading('99.74%'), reading('99.83%'), s).figures['hotline.satisfaction']!;
    expect(cmp().change).toMatchObject({ value: -9, basis: 'difference' });
    expect(cmp(resolveSummarySettings({ rateChange: 'relative' })).change).toMatchObject({
      value: -9, // −0.0902 %
      basis: 'relative',
    });
    const points = resolveSummarySettings({ rateChangeWording: 'percentagePoints' });
    const text = paragraph(
      summaryParagraphs(reading('99.74%'), reading('99.83%'), points),
      'basic',
    );
    expect(text).toContain('群众基本满意度99.74%，环比下降0.09个百分点');
  });

  it('refuses a bad value with its path and an existing rule kind', () => {
    const refuse = (input: object) => {
      try {
        resolveSummarySettings(input);
      } catch (e) {
        expect(e).toBeInstanceOf(SettingsError);
        return [(e as SettingsError).path, (e as SettingsError).rule.kind];
      }
      return null;
    };
    expect(refuse({ rateChange: 'ratio' })).toEqual(['summary.rateChange', 'oneOf']);
    expect(refuse({ trend: { counts: { flatWithin: 0.123 } } })).toEqual([
      'summary.trend.counts.flatWithin',
      'bandMin',
    ]);
    expect(refuse({ top: { categories: 0 } })).toEqual(['summary.top.categories', 'integer']);
    expect(refuse({ trend: { speed: 1 } })).toEqual(['summary.trend.speed', 'unknownKey']);
    expect(refuse({ completeLists: ['hotline.mood'] })).toEqual([
      'summary.completeLists[0]',
      'oneOf',
    ]);
    expect(refuse({})).toBeNull();
  });
});

describe('a 返工率 stored as an Excel percentage (1.4 % is the number 0.014)', () => {
  // 返工率 = 返工数 / 处置数 = 1018 / 72906 = 1.396…% → 1.4 % (the seed's figures).
  const sheet = (printed: number) =>
    grid('基本情况', [
      ['指标', '数值'],
      ['数字城管处置数', 72906],
      ['数字城管返工数', 1018],
      ['数字城管返工率', printed],
    ]);
  it('agrees with its counts: no discrepancy', () => {
    const reading = readSummary([sheet(0.014)]);
    expect(reading.discrepancies).toEqual([]);
    expect(reading.values['city.reworkRate']?.value).toBe(140);
  });
  it('typed as the percent number agrees as well', () => {
    expect(readSummary([sheet(1.4)]).discrepancies).toEqual([]);
  });
  it('a wrong one is still flagged', () => {
    const reading = readSummary([sheet(0.016)]);
    expect(reading.discrepancies).toHaveLength(1);
    expect(reading.discrepancies[0]).toMatchObject({ kind: 'rate', recomputed: 140 });
  });
});
