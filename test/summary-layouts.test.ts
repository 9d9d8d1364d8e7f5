/**
 * Issue #16, scope 2: summary figures in any orientation — a header row over a value row,
 * label | value pairs twice a row, blocks side by side, 大类 blocks with their 小类 below or
 * beside — and labels read by their whole text, with a note naming both cells where two cells
 * could give the same figure. Layouts of our own, filled with the seed's published figures
 * (samples/seed/README.md); the expected sentences are cut from the published bulletin.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../src/core/grid';
import { summaryMessagesZhCN } from '../src/i18n/summary-messages';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import {
  DEFAULT_SUMMARY_SETTINGS,
  readSummary,
  type SummaryReading,
  type SummarySection,
} from '../src/summary';
import { summaryParagraphs } from '../src/narrative/summary';
import { AUGUST_SUMMARY, JULY_SUMMARY } from '../scripts/sample-workbook';
import { fold, published } from './helpers/seed-text';

const S = DEFAULT_SUMMARY_SETTINGS;
const grid = (name: string, values: CellValue[][]): SheetGrid => ({ name, values });
const a = AUGUST_SUMMARY;
const j = JULY_SUMMARY;
type Pairs = readonly (readonly [string, number])[];

const figure = (r: SummaryReading, id: string) => r.figures.find((f) => f.id === id);
const values = (r: SummaryReading) =>
  Object.fromEntries(r.figures.map((f) => [f.id, [f.value, f.cell]]));
const text = (sections: readonly SummarySection[], id: SummarySection['id']) =>
  sections
    .find((s) => s.id === id)
    ?.paragraphs.filter((p) => !p.editorial)
    .map((p) => fold(p.text)) ?? [];

const august = readSummary(await readWorkbookGrids(await readFile('samples/2017-08.xlsx')));

describe('a header row over one value row: label → value by column', () => {
  // July's totals as one header row over one value row (the layout that printed
  // “12345平台受理诉求35275件，环比下降68.21%”: 受理诉求件总数 was read as the platform's).
  const julyRow = grid('7月', [
    ['2017年7月运行情况'],
    [
      '受理诉求件总数',
      '12345受理量',
      '群众满意度(%)',
      '数字城管有效案件',
      '应结案数',
      '结案数',
      '按期结案数',
      '处置数',
      '返工数',
    ],
    [j.system, j.hotline, 99.83, j.city, j.toClose, j.closed, j.closedOnTime, j.disposed, j.rework],
  ]);

  it('each figure from its own column, 受理诉求件总数 the system total', () => {
    const july = readSummary([julyRow]);
    expect(july.diagnostics).toEqual([]);
    expect(values(july)).toEqual({
      'system.accepted': [110951, 'A3'],
      'hotline.accepted': [34199, 'B3'],
      'hotline.satisfaction': [9983, 'C3'],
      'city.accepted': [76752, 'D3'],
      'city.toClose': [76200, 'E3'],
      'city.closed': [75438, 'F3'],
      'city.closedOnTime': [71864, 'G3'],
      'city.disposed': [75510, 'H3'],
      'city.rework': [1107, 'I3'],
    });
    // 109169 / 110951: 环比下降1.61%; 35275 / 34199: 上升3.15% — the bulletin's own sentence.
    const [basic] = text(summaryParagraphs(august, july, S), 'basic');
    expect(basic).toBe(published('8月份，我市12345', '（一）12345平台运行情况'));
  });

  it('several blocks stacked, side by side, and label | value rows on one sheet', () => {
    const sheet = grid('汇总', [
      ['2017年8月基本情况'],
      ['受理诉求件总数', '12345受理量', '群众满意度（%）', null, '事件立案数', '部件立案数'],
      [a.system, a.hotline, '99.74%', null, a.events, a.parts],
      ['应结案数', '结案数', '按期结案数'],
      [a.toClose, a.closed, a.closedOnTime],
      [],
      ['数字城管处置数', a.disposed],
      ['数字城管返工数', a.rework, '↑3.2%', 987],
    ]);
    const r = readSummary([sheet]);
    expect(r.diagnostics).toEqual([]);
    expect(r.discrepancies).toEqual([]);
    expect(values(r)).toEqual({
      'system.accepted': [109169, 'A3'],
      'hotline.accepted': [35275, 'B3'],
      'hotline.satisfaction': [9974, 'C3'],
      'city.events': [68234, 'E3'],
      'city.parts': [5660, 'F3'],
      'city.toClose': [73373, 'A5'],
      'city.closed': [72835, 'B5'],
      'city.closedOnTime': [69256, 'C5'],
      'city.disposed': [72906, 'B7'],
      'city.rework': [1018, 'B8'],
    });
    // 受理有效案件 = 事件 + 部件, printed nowhere: the sum of the two.
    expect(r.values['city.accepted']).toMatchObject({ value: 73894, source: 'computed' });
  });

  it('a row of system names over the labels says whose each 受理量 is', () => {
    const sheet = grid('汇总', [
      [null, '12345平台', null, '数字城管', null],
      ['月份', '受理量', '满意度', '受理量', '结案数'],
      ['2017年8月', a.hotline, '99.74%', a.city, a.closed],
      ['2017年7月', j.hotline, '99.83%', j.city, j.closed],
    ]);
    const r = readSummary([sheet]);
    expect(r.diagnostics).toEqual([]);
    expect(figure(r, 'hotline.accepted')).toMatchObject({ value: 35275, previous: 34199 });
    expect(figure(r, 'city.accepted')).toMatchObject({ value: 73894, previous: 76752, cell: 'D3' });
    expect(figure(r, 'city.closed')).toMatchObject({ value: 72835, previous: 75438 });
  });

  it('a month row without its year is this month or the one before', () => {
    const sheet = grid('汇总', [
      ['2017年8月份通报数据'],
      ['月份', '12345平台受理诉求件', '数字城管受理有效案件'],
      ['8月', a.hotline, a.city],
      ['7月', j.hotline, j.city],
    ]);
    const r = readSummary([sheet]);
    expect(figure(r, 'hotline.accepted')).toMatchObject({ value: 35275, previous: 34199 });
    expect(figure(r, 'city.accepted')).toMatchObject({ value: 73894, previous: 76752 });
  });
});

describe('a label means what its whole text means', () => {
  it('the header names 12345 and 数字城管: its un-prefixed total is the system’s, whatever the heading', () => {
    const r = readSummary([
      grid('x', [
        ['12345平台运行情况'],
        ['受理诉求件总数', '12345受理量', '数字城管有效案件'],
        [a.system, a.hotline, a.city],
      ]),
    ]);
    expect(values(r)).toEqual({
      'system.accepted': [109169, 'A3'],
      'hotline.accepted': [35275, 'B3'],
      'city.accepted': [73894, 'C3'],
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('“受理量” that names no system is left out and said, never guessed', () => {
    const r = readSummary([
      grid('x', [
        ['受理量', a.hotline],
        ['群众满意度', '99.74%'],
      ]),
    ]);
    expect(r.figures.map((f) => f.id)).toEqual(['hotline.satisfaction']);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.cell])).toEqual([
      ['summaryNoSystem', 'warning', 'B1'],
    ]);
    expect(summaryMessagesZhCN.diagnostic(r.diagnostics[0]!)).toBe(
      '“受理量”（35275）未说明是12345平台、数字城管还是全系统的数字，未采用；请在标签或标题中写明系统（如“12345平台受理量”）',
    );
    const [basic] = text(summaryParagraphs(r, null, S), 'basic');
    expect(basic).not.toContain('35275');
    // Under a heading that says whose, the same label is the platform's.
    const under = readSummary([grid('x', [['12345平台'], ['受理量', a.hotline]])]);
    expect(figure(under, 'hotline.accepted')?.value).toBe(35275);
    expect(under.diagnostics).toEqual([]);
  });
});

describe('label | value pairs twice a row (郑州: 基础指标 | 案件数 | 比率指标 | 数值)', () => {
  it('reads both pairs; 立案数 (not 受理数) is the cases accepted, and the note names both cells', async () => {
    // test/corpus/zhengzhou-2019-04-w15-overall.json, as the page prints it; the page's own
    // text: “受理案件51571,立案51229件,立案率99.34%”.
    const page = JSON.parse(
      await readFile('test/corpus/zhengzhou-2019-04-w15-overall.json', 'utf8'),
    ) as { title: string; header: string[][]; rows: string[][] };
    const sheet = grid('郑州', [[page.title], ...page.header, ...page.rows]);
    const r = readSummary([sheet]);
    expect(values(r)).toEqual({
      'city.accepted': [51229, 'B4'],
      'city.toClose': [52434, 'B6'],
      'city.closed': [43523, 'B7'],
      'city.closedRate': [8301, 'D7'],
      'city.closedOnTime': [40394, 'B8'],
      'city.onTimeRate': [7704, 'D8'],
      'city.rework': [276, 'B9'],
      'city.reworkRate': [53, 'D9'],
    });
    // 43523 / 52434 = 83.005 % → 83.01 %; 40394 / 52434 = 77.038 % → 77.04 %: as printed.
    expect(r.discrepancies).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    const [d] = r.diagnostics;
    expect(d).toMatchObject({ code: 'summaryAmbiguous', severity: 'warning', cell: 'B4' });
    expect(summaryMessagesZhCN.diagnostic(d!)).toBe(
      '“立案数”（51229）与“受理数”（郑州!B3，51571）都可读作数字城管受理有效案件，采用名称更明确的“立案数”，请核对',
    );
    const [basic] = text(summaryParagraphs(r, null, S), 'basic');
    expect(basic).toContain('受理有效案件51229件');
    expect(basic).toContain('结案率83.01%');
  });

  it('a 指标 | 数值 header twice; a change noted “↓22.21%” between numbers is no label', () => {
    const sheet = grid('x', [
      ['数字城管系统'],
      ['指标', '数值', '上月', '指标', '数值', '上月'],
      ['应结案数', a.toClose, j.toClose, '结案率', '99.27%', '99.00%'],
      ['结案数', a.closed, j.closed, '按期结案率', '94.39%', '94.31%'],
    ]);
    const r = readSummary([sheet]);
    expect(r.diagnostics).toEqual([]);
    expect(figure(r, 'city.toClose')).toMatchObject({ value: 73373, previous: 76200 });
    expect(figure(r, 'city.closedRate')).toMatchObject({ value: 9927, previous: 9900, cell: 'E3' });
    expect(figure(r, 'city.onTimeRate')).toMatchObject({ value: 9439, previous: 9431 });
    const noted = readSummary([
      grid('x', [['12345平台受理诉求件', a.hotline, '↑3.15%', j.hotline]]),
    ]);
    expect(noted.diagnostics).toEqual([]);
    expect(values(noted)).toEqual({ 'hotline.accepted': [35275, 'B1'] });
  });
});

describe('two cells giving the same figure', () => {
  it('the label naming it by its own words is used, whichever comes first; the note names both', () => {
    for (const rows of [
      [
        ['受理数', 51571],
        ['立案数', 51229],
      ],
      [
        ['立案数', 51229],
        ['受理数', 51571],
      ],
    ] as [string, number][][]) {
      const r = readSummary([grid('x', [['数字城管系统'], ...rows])]);
      expect(figure(r, 'city.accepted')?.value).toBe(51229);
      expect(r.diagnostics).toHaveLength(1);
      const d = r.diagnostics[0]!;
      expect(d.code).toBe('summaryAmbiguous');
      const used = rows.findIndex(([l]) => l === '立案数') + 2;
      const other = rows.findIndex(([l]) => l === '受理数') + 2;
      expect(d.cell).toBe(`B${used}`);
      expect(d.code === 'summaryAmbiguous' && d.params.other).toBe(`x!B${other}`);
    }
  });

  it('the label that loses keeps what it says by itself: 受理诉求件总数 beside 12345受理量', () => {
    const r = readSummary([
      grid('x', [['12345平台运行情况'], ['受理诉求件总数', a.system], ['12345受理量', a.hotline]]),
    ]);
    expect(values(r)).toEqual({
      'hotline.accepted': [35275, 'B3'],
      'system.accepted': [109169, 'B2'],
    });
    expect(r.diagnostics.map((d) => [d.code, d.cell])).toEqual([['summaryAmbiguous', 'B3']]);
    expect(summaryMessagesZhCN.diagnostic(r.diagnostics[0]!)).toBe(
      '“12345受理量”（35275）与“受理诉求件总数”（x!B2，109169）都可读作12345平台受理诉求件，采用名称更明确的“12345受理量”，请核对',
    );
  });

  it('a label read through its heading, not by its own words, is said', () => {
    const r = readSummary([grid('x', [['12345平台运行情况'], ['受理诉求件总数', a.hotline]])]);
    expect(values(r)).toEqual({ 'hotline.accepted': [35275, 'B2'] });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.cell])).toEqual([
      ['summaryContextReading', 'warning', 'B2'],
    ]);
    expect(summaryMessagesZhCN.diagnostic(r.diagnostics[0]!)).toBe(
      '“受理诉求件总数”单看名称是12345政府公共服务系统受理诉求件（案件），按所在标题读作12345平台受理诉求件，请核对',
    );
  });

  it('two labels as explicit as each other: the first is used and the second cell is named', () => {
    const r = readSummary([
      grid('x', [
        ['12345平台受理诉求件', 35275],
        ['12345受理量', 35257],
      ]),
    ]);
    expect(figure(r, 'hotline.accepted')?.value).toBe(35275);
    expect(r.diagnostics.map((d) => [d.code, d.cell])).toEqual([['summaryDuplicate', 'B2']]);
  });
});

describe('tables side by side on one sheet', () => {
  const pairs = (xs: Pairs) => xs.map(([n, v]) => [n, v]);
  /** Two column blocks side by side, separated by `gap` empty columns, rows aligned at the top. */
  function beside(
    left: CellValue[][],
    right: CellValue[][],
    gap: number,
    width = 2,
  ): CellValue[][] {
    const rows = Math.max(left.length, right.length);
    return Array.from({ length: rows }, (_, i) => {
      const l = left[i] ?? [];
      const row: CellValue[] = [...l, ...Array<null>(width - l.length + gap).fill(null)];
      return [...row, ...(right[i] ?? [])];
    });
  }
  // 事件 in A–B, 部件 in F–G, each with its 小类 block below: titled over generic headers
  // (事件 | 部件 over 大类 | 立案数) or headers that say it (事件大类 | 立案数); the blank rows
  // between 大类 and 小类 on different rows in the two blocks, or on the same row.
  const block = (
    kind: '事件' | '部件',
    titled: boolean,
    majors: Pairs,
    minors: Pairs,
    total: number | null,
    gap: number,
  ): CellValue[][] => [
    ...(titled ? [[kind]] : []),
    [titled ? '大类' : `${kind}大类`, '立案数'],
    ...pairs(majors),
    ...(total === null ? [] : [['合计', total]]),
    ...Array.from({ length: gap }, () => []),
    [titled ? '小类' : `${kind}小类`, '立案数'],
    ...pairs(minors),
  ];
  const layouts = [
    ['titled, blank rows apart', true, 1, 3],
    ['headers that say it, blank rows apart', false, 1, 3],
    ['headers that say it, blank rows on the same row', false, 2, 1],
  ] as const;
  const sheetOf = (titled: boolean, eventGap: number, partGap: number) =>
    grid('案件分类', [
      ['2017年8月数字城管案件分类统计'],
      ...beside(
        block('事件', titled, a.eventMajors, a.eventMinors, a.events, eventGap),
        block('部件', titled, a.partMajors, a.partMinors, null, partGap + 1),
        3,
      ),
    ]);
  const totals = grid('基本情况', [
    ['数字城管事件立案', a.events],
    ['数字城管部件立案', a.parts],
  ]);

  it.each(layouts)(
    '%s: four lists, each with its own cells; every total agrees',
    (_, titled, e, p) => {
      const r = readSummary([totals, sheetOf(titled, e, p)]);
      const list = (dimension: string) => r.lists.filter((l) => l.dimension === dimension);
      const items = (dimension: string) => list(dimension).flatMap((l) => l.items);
      expect(list('city.event.major')).toHaveLength(1);
      expect(items('city.event.major').map((x) => [x.name, x.value])).toEqual(pairs(a.eventMajors));
      expect(items('city.part.major').map((x) => [x.name, x.value])).toEqual(pairs(a.partMajors));
      expect(items('city.event.minor').map((x) => [x.name, x.value])).toEqual(pairs(a.eventMinors));
      expect(items('city.part.minor').map((x) => [x.name, x.value])).toEqual(pairs(a.partMinors));
      const first = titled ? 4 : 3;
      expect(items('city.event.major')[0]?.cell).toBe(`B${first}`);
      expect(items('city.part.major')[0]?.cell).toBe(`G${first}`);
      expect(list('city.event.major')[0]?.total).toMatchObject({
        value: 68234,
        cell: `B${first + 6}`,
      });
      // No “事件立案数 68234 ≠ 各项之和 5660”.
      expect(r.discrepancies).toEqual([]);
      expect(r.diagnostics).toEqual([]);
      // The bulletin's 事件/部件 sentence, word for word.
      expect(text(summaryParagraphs(r, null, S), 'city-intro')).toEqual([
        published('8月份，数字城管系统事件立案', '1.案件分类情况'),
      ]);
    },
  );

  it('大类 with its 小类 beside it, under one heading', () => {
    const block = (kind: string, majors: Pairs, minors: Pairs) => [
      [kind],
      ...beside([['大类', '立案数'], ...pairs(majors)], [['小类', '立案数'], ...pairs(minors)], 1),
    ];
    const r = readSummary([
      grid('分类', [
        ...block('事件', a.eventMajors, a.eventMinors),
        [],
        ...block('部件', a.partMajors, a.partMinors),
      ]),
    ]);
    const names = (dimension: string) =>
      r.lists.filter((l) => l.dimension === dimension).flatMap((l) => l.items.map((x) => x.name));
    expect(names('city.event.major')).toEqual(a.eventMajors.map(([n]) => n));
    expect(names('city.event.minor')).toEqual(a.eventMinors.map(([n]) => n));
    expect(names('city.part.major')).toEqual(a.partMajors.map(([n]) => n));
    expect(names('city.part.minor')).toEqual(a.partMinors.map(([n]) => n));
    expect(r.diagnostics).toEqual([]);
  });

  it('label | value blocks side by side take the system of their own heading', () => {
    const r = readSummary([
      grid('x', [
        ['12345平台', null, null, '数字城管'],
        ['受理量', a.hotline, null, '受理量', a.city],
        ['满意度', '99.74%', null, '结案数', a.closed],
      ]),
    ]);
    expect(values(r)).toEqual({
      'hotline.accepted': [35275, 'B2'],
      'hotline.satisfaction': [9974, 'B3'],
      'city.accepted': [73894, 'E2'],
      'city.closed': [72835, 'E3'],
    });
    expect(r.diagnostics).toEqual([]);
  });

  it('a value column set apart by an empty column still belongs to its labels', () => {
    const r = readSummary([
      grid('x', [
        ['12345平台受理诉求件', null, a.hotline],
        ['数字城管受理有效案件', null, a.city],
      ]),
    ]);
    expect(values(r)).toEqual({
      'hotline.accepted': [35275, 'C1'],
      'city.accepted': [73894, 'C2'],
    });
  });
});
