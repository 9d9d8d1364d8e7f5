import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { toEvaluationJson } from '../src/report/json';
import { COUNT_HEADER, FULL_HEADER, countRow, fullRow, indent } from './helpers/grid';

const run = (sheets: SheetGrid[]) => toEvaluationJson(analyzeWorkbook(sheets));
const summary = (sheets: SheetGrid[]) =>
  run(sheets).units.map((u) => [
    u.parent ? `${u.parent}/${u.name}` : u.name,
    u.evaluated ? u.figures['综合指标值'] : u.reason,
  ]);

describe('header variants', () => {
  it.each([
    ['返工率 (%)', '结案率 (%)', '区政府'],
    ['返工率(%)', '结案率(%)', '县(市)政府'],
    ['返工率（%）', '结案率（％）', '县（市）政府'],
    [' 返 工 率（ % ） ', '结案率', '处置责任单位'],
    ['返工率%', '结案率(%)', '主管（责任）单位'],
  ])('%s / %s / %s are recognised, and printed figures audited', (rework, closed, nameHeader) => {
    const header = [
      nameHeader,
      ...FULL_HEADER.map((h) => (h === '返工率(%)' ? rework : h === '结案率(%)' ? closed : h)),
    ];
    const bad = fullRow('马尾区政府');
    bad[6] = 3.2; // printed 返工率 wrong: 187/5896 = 3.17 %
    const out = run([
      { name: 'S', values: [['(一) 各区政府综合评价表'], header, fullRow('台江区政府'), bad] },
    ]);
    expect(out.units.map((u) => [u.name, u.figures['综合指标值'], u.figures['评价等级']])).toEqual([
      ['台江区政府', 98.88, 'A'],
      ['马尾区政府', 93.81, 'A'],
    ]);
    expect(
      out.discrepancies.map((d) => [d.cell, d.unit, d.field, d.printed, d.recomputed]),
    ).toEqual([['G4', '马尾区政府', '返工率', 3.2, 3.17]]);
  });

  it('reads a header split over two rows', () => {
    const top = ['区政府', '应处置数', '处置数', '返工', '', '应结案数', '结案数', '按期结案', ''];
    const sub = ['', '', '', '返工数', '返工率(%)', '', '', '按期结案数', '按期结案率(%)'];
    const out = run([
      {
        name: '各区政府',
        values: [top, sub, ['台江区政府', 6949, 6901, 61, 0.88, 6913, 6901, 6764, 97.84]],
      },
    ]);
    expect(out.units.map((u) => [u.name, u.figures['综合指标值'], u.row])).toEqual([
      ['台江区政府', 98.88, 3],
    ]);
    expect(out.discrepancies).toEqual([]);
  });
});

describe('where tables sit', () => {
  it('finds a table that starts anywhere, with addresses in sheet terms', () => {
    const rows = [
      ['福州市数字城管'],
      [],
      [],
      ...indent([['各区政府综合评价表'], ['区政府', ...FULL_HEADER], fullRow('台江区政府')], 3),
    ];
    rows[5]![3 + 13] = 'B'; // wrong grade for 台江区政府 (98.88 → A)
    const out = run([{ name: 'S', values: rows }]);
    expect(out.units[0]).toMatchObject({
      name: '台江区政府',
      row: 6,
      figures: { 综合指标值: 98.88, 评价等级: 'A' },
      group: '五城区',
    });
    expect(out.discrepancies.map((d) => [d.cell, d.field, d.printed, d.recomputed])).toEqual([
      ['Q6', '评价等级', 'B', 'A'],
    ]);
  });

  it('reports cells in sheet terms when the grid is a used range that starts at C3', () => {
    const values = [
      ['区政府', ...COUNT_HEADER],
      countRow('台江区政府'),
      ['马尾区政府', 'x', 5896, 87, 773, 187, 5983, 5896, 5123],
    ];
    const out = run([{ name: '各区', values, origin: { row: 2, col: 2 } }]);
    expect(out.units.map((u) => u.row)).toEqual([4, 5]);
    expect(out.diagnostics.map((d) => [d.cell, d.code])).toEqual([['D5', 'notNumber']]);
  });

  it('finds two tables side by side on the same rows', () => {
    const values = [
      ['各区政府综合评价表', ...Array<string>(8).fill(''), '', '各县(市)政府综合评价表'],
      ['区政府', ...COUNT_HEADER, '', '县(市)政府', ...COUNT_HEADER],
      [...countRow('台江区政府'), '', ...countRow('连江县政府')],
      [...countRow('马尾区政府'), '', '', ...Array<string>(8).fill('')],
    ];
    const out = run([{ name: 'S', values }]);
    expect(out.units.map((u) => [u.group, u.name, u.figures['综合指标值']])).toEqual([
      ['五城区', '台江区政府', 98.88],
      ['五城区', '马尾区政府', 93.81],
      ['七县(市)', '连江县政府', 99.96],
    ]);
  });

  it('takes each stacked table’s title and group from the rows above it', () => {
    const values = [
      ['2017年8月份数字城管系统运行情况综合评价表'],
      ['(一) 各区政府综合评价表'],
      ['区政府', ...COUNT_HEADER],
      countRow('台江区政府'),
      [],
      ['(二) 各县(市)政府综合评价表'],
      ['区政府', ...COUNT_HEADER],
      countRow('连江县政府'),
      ['（五）市属企业综合评价表'],
      ['处置责任单位', ...COUNT_HEADER],
      countRow('市红星农场'),
    ];
    const out = run([{ name: 'Sheet1', values }]);
    expect(out.tables.map((t) => [t.title, t.group, t.headerCell])).toEqual([
      ['各区政府综合评价表', '五城区', 'A3'],
      ['各县(市)政府综合评价表', '七县(市)', 'A7'],
      ['市属企业综合评价表', '市直单位', 'A10'],
    ]);
    expect(out.period).toEqual({ year: 2017, month: 8 });
    expect(out.diagnostics).toEqual([]);
  });

  it('takes the title from the sheet name when a table stands alone on its sheet', () => {
    const out = run([
      { name: '各县(市)政府', values: [['县(市)政府', ...COUNT_HEADER], countRow('连江县政府')] },
      { name: '市属企业', values: [['单位名称', ...COUNT_HEADER], countRow('市红星农场')] },
    ]);
    expect(
      out.units.map((u) => [
        u.table,
        u.group,
        u.name,
        u.figures['综合指标值'],
        u.figures['评价等级'],
      ]),
    ).toEqual([
      ['各县(市)政府', '七县(市)', '连江县政府', 99.96, 'A'],
      ['市属企业', '市直单位', '市红星农场', 35, 'E'],
    ]);
  });

  it('never guesses the group from unit names: without a title rule the table is ungrouped, silently', () => {
    // Issue #12: groups come only from the scheme's title rules (区政府 in a unit name is not one).
    const out = run([
      {
        name: 'Sheet1',
        values: [['单位', ...COUNT_HEADER], countRow('台江区政府'), countRow('马尾区政府')],
      },
    ]);
    expect(out.units.map((u) => [u.group, u.evaluated])).toEqual([
      [null, true],
      [null, true],
    ]);
    expect(out.tables.map((t) => t.group)).toEqual([null]);
    expect(out.diagnostics).toEqual([]);
  });

  it('evaluates a table that has no computed columns at all', () => {
    const out = run([
      {
        name: '各区',
        values: [['区政府', ...COUNT_HEADER], countRow('台江区政府'), countRow('马尾区政府')],
      },
    ]);
    expect(out.units.map((u) => [u.name, u.figures])).toEqual([
      [
        '台江区政府',
        { 返工率: 0.88, 结案率: 99.83, 按期结案率: 97.84, 综合指标值: 98.88, 评价等级: 'A' },
      ],
      [
        '马尾区政府',
        { 返工率: 3.17, 结案率: 98.55, 按期结案率: 85.63, 综合指标值: 93.81, 评价等级: 'A' },
      ],
    ]);
    expect(out.discrepancies).toEqual([]);
  });
});

describe('下属单位 under a parent', () => {
  const header = ['主管(责任)单位', '', ...COUNT_HEADER];
  const parent = ['市公安局', '', ...countRow('市公安局').slice(1)];
  const child1 = ['下属单位', '本局', ...countRow('本局').slice(1)];
  const child2 = ['', '市交警支队', ...countRow('市交警支队').slice(1)];
  const next = ['市红星农场', '', ...countRow('市红星农场').slice(1)];
  const expected = [
    ['市公安局', 96.3],
    ['市公安局/本局', 0],
    ['市公安局/市交警支队', 97.67],
    ['市红星农场', 35],
  ];

  it('with the label merged down the children (cells under it read empty)', () => {
    const values = [['市直单位综合评价表'], header, parent, child1, child2, next];
    const merges = [
      { top: 1, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 0, bottom: 2, right: 1 },
      { top: 3, left: 0, bottom: 4, right: 0 },
      { top: 5, left: 0, bottom: 5, right: 1 },
    ];
    expect(summary([{ name: 'S', values, merges }])).toEqual(expected);
  });

  it('without merge information (the host could not tell)', () => {
    expect(
      summary([
        { name: 'S', values: [['市直单位综合评价表'], header, parent, child1, child2, next] },
      ]),
    ).toEqual(expected);
  });

  it('with the label repeated on every child row', () => {
    const repeated = ['下属单位', ...child2.slice(1)];
    expect(
      summary([
        { name: 'S', values: [['市直单位综合评价表'], header, parent, child1, repeated, next] },
      ]),
    ).toEqual(expected);
  });

  it('in a single name column as “下属单位：本局” or “其中：市交警支队”', () => {
    const values = [
      ['市直单位综合评价表'],
      ['主管单位', ...COUNT_HEADER],
      countRow('市公安局'),
      ['下属单位：本局', ...countRow('本局').slice(1)],
      ['其中：市交警支队', ...countRow('市交警支队').slice(1)],
      countRow('市红星农场'),
    ];
    expect(summary([{ name: 'S', values }])).toEqual(expected);
  });

  it('reports a parent whose counts differ from the sum of its children', () => {
    const wrong = [...parent];
    wrong[2] = 222; // 应处置数: 7 + 214 = 221
    const out = run([
      { name: 'S', values: [['市直单位综合评价表'], header, wrong, child1, child2] },
    ]);
    expect(out.discrepancies).toEqual([
      {
        kind: 'childSum',
        sheet: 'S',
        cell: 'C3',
        unit: '市公安局',
        parent: null,
        field: '应处置数',
        printed: 222,
        recomputed: 221,
      },
    ]);
  });

  it('lists 本月无应处置案件 children as not evaluated, with or without a merge over the figures', () => {
    const values = [
      ['市直单位综合评价表'],
      header,
      parent,
      child1,
      child2,
      ['', '市交通综合执法支队', '本月无应处置案件'],
      ['', '市渣土办', '', '', '本月无应处置案件'],
      next,
    ];
    const out = run([{ name: 'S', values, merges: [{ top: 5, left: 2, bottom: 5, right: 9 }] }]);
    expect(
      out.units.filter((u) => !u.evaluated).map((u) => [u.parent, u.name, u.reason, u.row]),
    ).toEqual([
      ['市公安局', '市交通综合执法支队', 'noCases', 6],
      ['市公安局', '市渣土办', 'noCases', 7],
    ]);
    expect(out.diagnostics.filter((d) => d.code === 'noCases').map((d) => d.cell)).toEqual([
      'B6',
      'B7',
    ]);
    expect(out.discrepancies).toEqual([]);
  });
});

describe('noise inside tables', () => {
  it('skips blank, 备注 and 说明 rows, reads numbers typed as text and names with stray spaces', () => {
    const values = [
      ['(一) 各区政府综合评价表'],
      ['区政府', ...FULL_HEADER],
      [
        ' 台江区 政府 ',
        '6,949',
        ' 6901 ',
        '12',
        '１３７',
        61,
        '0.88',
        6913,
        6901,
        '99.83%',
        6764,
        97.84,
        '98.88',
        ' A ',
      ],
      [],
      ['', '', ''],
      fullRow('马尾区政府'),
      ['备注：本月鼓楼区无应处置案件。'],
      ['说明：1) 本期综合评价表是对本期评价周期内已派遣至处置责任单位的案件处置情况进行评价。'],
      ['2) 结案率=结案数/应结案数×100%；'],
    ];
    const out = run([{ name: 'S', values }]);
    expect(out.units.map((u) => [u.name, u.row, u.figures['综合指标值']])).toEqual([
      ['台江区政府', 3, 98.88],
      ['马尾区政府', 6, 93.81],
    ]);
    expect(out.discrepancies).toEqual([]);
    expect(out.diagnostics).toEqual([]);
  });

  it('does not mistake its own “（复核）” columns for printed figures on a re-run', () => {
    const header = [
      '区政府',
      ...COUNT_HEADER,
      '综合指标值',
      '综合指标值（复核）',
      '评价等级（复核）',
    ];
    const values = [header, [...countRow('台江区政府'), 98.88, 12.34, 'E']];
    const a = analyzeWorkbook([{ name: '各区', values }]);
    expect(a.discrepancies).toEqual([]);
    expect(a.tables[0]!.columns.own).toEqual({ 综合指标值: 10, 评价等级: 11 });
    expect(a.tables[0]!.columns.lastUserCol).toBe(9);
  });
});

describe('rates kept as percentages in Excel', () => {
  it('reads 0.9851 in a 0.00% column as 98.51 %, and still flags a wrong one', () => {
    const header = [
      '处置责任单位',
      ...COUNT_HEADER,
      '返工率',
      '结案率',
      '按期结案率',
      '综合指标值',
    ];
    const values = [
      header,
      ['市自来水有限公司', 67, 67, 0, 1, 1, 67, 67, 66, 0.0149, 1, 0.985, 98.81],
      ['市水务管网维护有限公司', 166, 164, 0, 5, 6, 164, 164, 159, 0.0366, 1, 0.9695, 97.26],
    ];
    const out = run([{ name: '市属企业', values }]);
    expect(out.discrepancies.map((d) => [d.cell, d.field, d.printed, d.recomputed])).toEqual([
      ['L2', '按期结案率', 0.985, 98.51],
    ]);
  });

  it('does not take a column of small percentages for fractions', () => {
    const header = ['区政府', ...COUNT_HEADER, '返工率(%)'];
    const values = [header, [...countRow('台江区政府'), 0.88], [...countRow('马尾区政府'), 0.5]];
    const out = run([{ name: '各区', values }]);
    expect(out.discrepancies.map((d) => [d.cell, d.printed, d.recomputed])).toEqual([
      ['J3', 0.5, 3.17],
    ]);
  });
});

describe('percent columns without (%) in the header', () => {
  it('are read as percentages when the numbers agree that way', () => {
    const header = ['区政府', ...COUNT_HEADER, '返工率'];
    const values = [header, [...countRow('台江区政府'), 0.88], [...countRow('马尾区政府'), 0.5]];
    const out = run([{ name: '各区', values }]);
    expect(out.discrepancies.map((d) => [d.cell, d.printed, d.recomputed])).toEqual([
      ['J3', 0.5, 3.17],
    ]);
  });
});
