/**
 * [issue 16] The structure reader (src/tables/structure.ts) and the printed-number parser
 * (src/core/printed.ts) on layouts written here: every expectation below is read off the
 * layout by hand, never produced by the code under test.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../src/core/grid';
import { fractionAsPercent, numberText, parsePrinted, structCell } from '../src/core/printed';
import { parseRange, readWorkbookGrids } from '../src/io/xlsx-read';
import { structureEnUS } from '../src/i18n/structure';
import { readStructures } from '../src/tables/structure';
import type { StructCell, StructTable } from '../src/tables/structure-types';

/** A sheet from rows and A1 merge ranges (“A1:D1”); covered cells are read as null. */
function sheet(
  rows: CellValue[][],
  merges: string[] = [],
  origin?: { row: number; col: number },
): SheetGrid {
  const areas = merges.map((m) => parseRange(m)!);
  const values = rows.map((r) => [...r]);
  for (const m of areas)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && values[r]) values[r]![c] = null;
  return {
    name: '表',
    values,
    ...(areas.length ? { merges: areas } : {}),
    ...(origin ? { origin } : {}),
  };
}

function one(grid: SheetGrid): StructTable {
  const { tables } = readStructures(grid);
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

const units = (t: StructTable) =>
  t.rows.filter((r) => r.kind === 'unit').map((r) => [...r.parents, r.name].join('/'));
const totals = (t: StructTable) =>
  t.rows
    .filter((r) => r.kind === 'total')
    .map((r) => ({
      total: [...r.parents, r.name].join('/'),
      closes: r.closes.map((i) => t.rows[i]!.name),
    }));
/** A number cell as “scaled/decimals” with “%” for a percentage; text as itself; “_” empty. */
const show = (c: StructCell | undefined) =>
  c === undefined
    ? '?'
    : c.kind === 'number'
      ? `${c.value.scaled}/${c.value.decimals}${c.value.percent ? '%' : ''}`
      : c.kind === 'text'
        ? c.text
        : '_';
const column = (t: StructTable, label: string) => {
  const j = t.columns.findIndex((c) => c.label === label);
  expect(j, label).toBeGreaterThanOrEqual(0);
  return { col: t.columns[j]!, cells: t.rows.map((r) => show(r.cells[j])) };
};

describe('printed numbers', () => {
  it('reads counts, percentages, changes and separators exactly', () => {
    const p = (v: CellValue) => {
      const n = parsePrinted(v);
      return n && `${n.scaled}/${n.decimals}${n.percent ? '%' : ''}`;
    };
    expect(p('1378')).toBe('1378/0');
    expect(p(1378)).toBe('1378/0');
    expect(p('99%')).toBe('99/0%');
    expect(p('99.35%')).toBe('9935/2%');
    expect(p('100.00%')).toBe('10000/2%');
    expect(p('98.5')).toBe('985/1');
    expect(p(' 98.50 ')).toBe('9850/2');
    expect(p('↓22.21%')).toBe('-2221/2%');
    expect(p('↑3.1%')).toBe('31/1%');
    expect(p('-0.78%')).toBe('-78/2%');
    expect(p('１３７８')).toBe('1378/0');
    expect(p('９９．３５％')).toBe('9935/2%');
    expect(p('12,184')).toBe('12184/0');
    expect(p('1,234,567.5')).toBe('12345675/1');
    expect(p('12，184')).toBe('12184/0');
    // not numbers
    for (const t of [
      '1,2',
      '1234,567',
      '—',
      '-',
      '/',
      '无',
      '12345转办',
      '1378件',
      '#DIV/0!',
      '',
      '.',
      '1e5',
    ])
      expect(p(t), t).toBeNull();
  });

  it('takes a stored number by the text Excel shows, never by float arithmetic', () => {
    // Excel stores a typed “99.35%” as 99.35 / 100: 0.9934999999999999 in a double.
    expect(numberText(99.35 / 100)).toBe('0.9935');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(-0)).toBe('0');
    expect(parsePrinted(99.35 / 100)).toMatchObject({ scaled: 9935, decimals: 4, percent: false });
    expect(parsePrinted(97.665)).toMatchObject({ scaled: 97665, decimals: 3 });
    // a fraction read as the percentage it stands for
    const pct = (v: number) => {
      const f = fractionAsPercent(parsePrinted(v)!);
      return `${f.scaled}/${f.decimals}${f.percent ? '%' : ''}`;
    };
    expect(pct(99.35 / 100)).toBe('9935/2%');
    expect(pct(0.99)).toBe('99/0%');
    expect(pct(0.898)).toBe('898/1%');
    expect(pct(1)).toBe('100/0%');
    expect(pct(0)).toBe('0/0%');
    expect(pct(1.0288)).toBe('10288/2%');
    expect(pct(-0.0015)).toBe('-15/2%');
  });

  it('gives a cell as a number, empty, or the text that is no number', () => {
    expect(structCell(null)).toEqual({ kind: 'empty' });
    expect(structCell('  ')).toEqual({ kind: 'empty' });
    expect(structCell(' — ')).toEqual({ kind: 'text', text: '—' });
    expect(structCell('无')).toEqual({ kind: 'text', text: '无' });
    expect(structCell('#DIV/0!')).toEqual({ kind: 'text', text: '#DIV/0!' });
    expect(structCell(1e21)).toEqual({ kind: 'text', text: '1e+21' });
    // 324 decimals: no printed figure either
    expect(structCell(5e-324)).toEqual({ kind: 'text', text: '5e-324' });
    expect(structCell('↓22.21%')).toEqual({
      kind: 'number',
      value: { scaled: -2221, decimals: 2, percent: true, text: '↓22.21%' },
    });
  });
});

describe('the structure reader', () => {
  it('reads a parent column merged over its sub-units, a 合计 per parent and a 总计', () => {
    const t = one(
      sheet(
        [
          ['(二)各部门处置情况', null, null, null, null],
          ['部门', null, '应处置数', '处置数', '处置率'],
          ['一大队', '一中队', 10, 9, 0.9],
          [null, '二中队', 20, 20, 1],
          [null, '合计', 30, 29, 0.9667],
          ['二大队', null, 5, 5, 1],
          ['工程处', '维修所', 4, 3, 0.75],
          [null, '路灯所', 6, 6, 1],
          [null, '合  计', 10, 9, 0.9],
          ['总计', null, 45, 43, 0.9556],
        ],
        ['A1:E1', 'A2:B2', 'A3:A5', 'A6:B6', 'A7:A9', 'A10:B10'],
      ),
    );
    expect(t.title).toBe('(二)各部门处置情况');
    expect(t.anchor).toBe('A1');
    expect(t.columns.map((c) => c.role)).toEqual(['parent', 'name', 'figure', 'figure', 'figure']);
    expect(units(t)).toEqual([
      '一大队/一中队',
      '一大队/二中队',
      '二大队',
      '工程处/维修所',
      '工程处/路灯所',
    ]);
    expect(totals(t)).toEqual([
      { total: '一大队/合计', closes: ['一中队', '二中队'] },
      { total: '工程处/合计', closes: ['维修所', '路灯所'] },
      // the whole table: each group by its 合计, the parent with no sub-units by itself
      { total: '总计', closes: ['合计', '二大队', '合计'] },
    ]);
    expect(column(t, '处置率').col.percent).toBe(true);
    expect(column(t, '处置率').cells).toEqual([
      '90/0%',
      '100/0%',
      '9667/2%',
      '100/0%',
      '75/0%',
      '100/0%',
      '90/0%',
      '9556/2%',
    ]);
  });

  it('reads three levels: 大队 and 中队 merged down, a 小计 per 中队 and a 合计 per 大队', () => {
    const t = one(
      sheet(
        [
          ['部门', null, '来源', '应处置数', '处置数'],
          ['一大队', '一中队', '巡查', 5, 5],
          [null, null, '举报', 3, 2],
          [null, null, '小计', 8, 7],
          [null, '二中队', '巡查', 4, 4],
          [null, null, '小计', 4, 4],
          [null, '合计', null, 12, 11],
        ],
        ['A1:B1', 'A2:A7', 'B2:B4', 'B5:B6', 'B7:C7'],
      ),
    );
    expect(t.title).toBeNull();
    expect(t.anchor).toBe('A1');
    expect(units(t)).toEqual(['一大队/一中队/巡查', '一大队/一中队/举报', '一大队/二中队/巡查']);
    expect(totals(t)).toEqual([
      { total: '一大队/一中队/小计', closes: ['巡查', '举报'] },
      { total: '一大队/二中队/小计', closes: ['巡查'] },
      // the 大队's 合计 closes its 中队 by their 小计s, not their rows again
      { total: '一大队/合计', closes: ['小计', '小计'] },
    ]);
  });

  it('finds the unit column right of the figures', () => {
    const t = one(
      sheet(
        [
          ['井盖维护情况', null, null],
          ['应处置数', '处置数', '责任单位'],
          [12, 11, '鼓楼区'],
          [8, 8, '台江区'],
          [20, 19, '合计'],
        ],
        ['A1:C1'],
      ),
    );
    expect(t.columns.map((c) => c.role)).toEqual(['figure', 'figure', 'name']);
    expect(units(t)).toEqual(['鼓楼区', '台江区']);
    expect(totals(t)).toEqual([{ total: '合计', closes: ['鼓楼区', '台江区'] }]);
  });

  it('reads a title, two header rows with merged group labels, and the notes under the table', () => {
    const t = one(
      sheet(
        [
          ['2024年7月采集员上报情况表', null, null, null, null],
          [null, null, null, null, null],
          ['单位', '7月完成情况', null, null, '6月完成数'],
          [null, '任务数', '完成数', '完成率', null],
          ['蓬江区', 2600, 2675, 1.0288, 2696],
          ['江海区', 1400, 1468, 1.0486, 1457],
          ['注：完成率=完成数/任务数。', null, null, null, null],
          ['数据来源：数字城管平台', null, null, null, null],
        ],
        ['A1:E1', 'A3:A4', 'B3:D3', 'E3:E4'],
      ),
    );
    expect(t.title).toBe('2024年7月采集员上报情况表');
    expect([t.headerTop, t.headerRows, t.endRow]).toEqual([2, 2, 6]);
    expect(t.columns.map((c) => c.path)).toEqual([
      ['单位'],
      ['7月完成情况', '任务数'],
      ['7月完成情况', '完成数'],
      ['7月完成情况', '完成率'],
      ['6月完成数'],
    ]);
    expect(t.columns.map((c) => c.label)).toEqual([
      '单位',
      '7月完成情况/任务数',
      '7月完成情况/完成数',
      '7月完成情况/完成率',
      '6月完成数',
    ]);
    expect(t.columns.map((c) => c.time)).toEqual([
      'current',
      'current',
      'current',
      'current',
      'previous',
    ]);
    expect(units(t)).toEqual(['蓬江区', '江海区']);
    expect(t.notes).toEqual(['注：完成率=完成数/任务数。', '数据来源：数字城管平台']);
    // 102.88% was stored as 1.0288: a percentage above 100 is still one
    expect(column(t, '7月完成情况/完成率').cells).toEqual(['10288/2%', '10486/2%']);
  });

  it('takes a title merged across with a date beside it, and 单位：件, as no header row', () => {
    const t = one(
      sheet(
        [
          ['各区政府综合评价表', null, null, null, '2024年7月'],
          ['填报单位：市数字城管中心', null, null, null, '单位：件'],
          ['单位', '应处置数', '处置数', '结案数', '备注'],
          ['鼓楼区', 10, 9, 9, null],
          ['台江区', 12, 12, 11, '含转办'],
        ],
        ['A1:D1'],
      ),
    );
    expect([t.title, t.headerTop, t.headerRows]).toEqual(['各区政府综合评价表', 2, 1]);
    expect(t.columns.map((c) => c.label)).toEqual(['单位', '应处置数', '处置数', '结案数', '备注']);
    expect(t.columns.map((c) => c.role)).toEqual(['name', 'figure', 'figure', 'figure', 'text']);
    expect(units(t)).toEqual(['鼓楼区', '台江区']);
  });

  it('starts a new table where the header repeats below (with or without a title)', () => {
    const header = ['小类', '上报数', '立案数'];
    const { tables } = readStructures(
      sheet([
        ['(二)高发类别（事件）', null, null],
        header,
        ['店外经营', 220, 219],
        ['暴露垃圾', 25, 25],
        ['(二)高发类别（部件）', null, null],
        header,
        ['雨水箅子', 8, 8],
        header,
        ['路灯', 3, 3],
      ]),
    );
    expect(tables.map((t) => [t.title, t.headerTop, units(t)])).toEqual([
      ['(二)高发类别（事件）', 1, ['店外经营', '暴露垃圾']],
      ['(二)高发类别（部件）', 5, ['雨水箅子']],
      [null, 7, ['路灯']],
    ]);
  });

  it('reads blocks side by side as separate tables, an empty half row as no unit', () => {
    const { tables } = readStructures(
      sheet(
        [
          ['各区承办工单数量及得分', null, null, null, null, null],
          ['单位', '工单数', '得分', '单位', '工单数', '得分'],
          ['徐圩新区', 716, 100, '海州区', 8500, 94.16],
          ['连云区', 2133, 94.65, null, null, null],
          ['注：满分100分', null, null, null, null, null],
        ],
        ['A1:F1'],
      ),
    );
    expect(tables.map((t) => [t.firstCol, t.lastCol, t.title, units(t), t.notes])).toEqual([
      [0, 2, '各区承办工单数量及得分', ['徐圩新区', '连云区'], ['注：满分100分']],
      [3, 5, '各区承办工单数量及得分', ['海州区'], ['注：满分100分']],
    ]);
    expect(column(tables[1]!, '得分').cells).toEqual(['9416/2']);
  });

  it('reads blocks with a merged label column each (事件 | 部件) and blocks apart', () => {
    const { tables } = readStructures(
      sheet(
        [
          ['事 件', '类别', '数量', '部 件', '类别', '数量', null, '来源', '件数'],
          [null, '暴露垃圾', 1372, null, '垃圾房', 522, null, '巡查', 30],
          [null, '游商', 925, null, '消防设施', 258, null, '举报', 7],
        ],
        ['A1:A3', 'D1:D3'],
      ),
    );
    expect(tables.map((t) => [t.firstCol, t.lastCol, units(t)])).toEqual([
      [0, 2, ['事件/暴露垃圾', '事件/游商']],
      [3, 5, ['部件/垃圾房', '部件/消防设施']],
      [7, 8, ['巡查', '举报']],
    ]);
  });

  it('tells 上期, 去年同期 and change columns from this period’s, and 6月 left of 7月', () => {
    const t = one(
      sheet([
        [
          '来源',
          '6月受理数',
          '7月受理数',
          '上期结案率',
          '结案率',
          '去年同期受理数',
          '环比',
          '增减',
        ],
        ['信息采集', 12120, 12102, 0.9937, 0.9935, 11000, -0.0015, -18],
        ['公众举报', 7, 9, 1, 0.5, '—', 0.2857, 2],
        ['微信', 3, 4, '—', 1, '—', 0.3333, 1],
      ]),
    );
    expect(t.columns.map((c) => c.time)).toEqual([
      'current',
      'previous',
      'current',
      'previous',
      'current',
      'lastYear',
      'change',
      'change',
    ]);
    expect(t.columns.map((c) => c.percent)).toEqual([
      false,
      false,
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
    expect(column(t, '环比').cells).toEqual(['-15/2%', '2857/2%', '3333/2%']);
    expect(column(t, '增减').cells).toEqual(['-18/0', '2/0', '1/0']);
    // a column of dashes but one is still a column of figures
    expect(column(t, '去年同期受理数').cells).toEqual(['11000/0', '—', '—']);
    expect(t.columns.map((c) => c.role)).toEqual(['name', ...Array<string>(7).fill('figure')]);
  });

  it('reads 2021年8月 beside 8月 as last year, and arrows as changes', () => {
    const t = one(
      sheet([
        ['类型', '8月(件)', '7月(件)', '对比', '2021年8月(件)'],
        ['事件', 16917, 22489, '↓24.78%', 14865],
        ['部件', 2200, 2086, '↑5.47%', 1923],
      ]),
    );
    expect(t.columns.map((c) => c.time)).toEqual([
      'current',
      'current',
      'previous',
      'change',
      'lastYear',
    ]);
    expect(column(t, '对比').cells).toEqual(['-2478/2%', '547/2%']);
  });

  it('reads 序号 as a serial, never as names, typed or as text', () => {
    for (const serial of [
      [1, 2, 3],
      ['1', '2', '3'],
    ]) {
      const t = one(
        sheet([
          ['序号', '单位', '派遣数', '结案率'],
          [serial[0]!, '住建局', 99, '100%'],
          [serial[1]!, '公安局', 77, '98.7%'],
          [serial[2]!, '城管局', 68, '99%'],
        ]),
      );
      expect(t.columns.map((c) => c.role)).toEqual(['serial', 'name', 'figure', 'figure']);
      expect(units(t)).toEqual(['住建局', '公安局', '城管局']);
      expect(column(t, '结案率').cells).toEqual(['100/0%', '987/1%', '99/0%']);
    }
  });

  it('keeps every unit row, with empty cells where it has none, in the middle or at the end', () => {
    const { tables } = readStructures(
      sheet(
        [
          ['市直单位评价表', null, null],
          ['单位', '应处置数', '处置数'],
          ['市公安局', 221, 214],
          ['市红星农场', null, null],
          ['本局', 7, null],
          ['市交警支队', '—', 214],
          ['市园林局', null, null],
          [null, null, null],
          ['说明：空白为本月无案件。', null, null],
        ],
        ['A1:C1'],
      ),
    );
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(units(t)).toEqual(['市公安局', '市红星农场', '本局', '市交警支队', '市园林局']);
    expect(t.rows.map((r) => r.cells.map(show))).toEqual([
      ['市公安局', '221/0', '214/0'],
      ['市红星农场', '_', '_'],
      ['本局', '7/0', '_'],
      ['市交警支队', '—', '214/0'],
      ['市园林局', '_', '_'],
    ]);
    expect(t.notes).toEqual(['说明：空白为本月无案件。']);
    expect(t.endRow).toBe(7);
    // the bare name at the end is a decision: said
    expect(t.uncertain.map((u) => u.cell)).toEqual(['A7']);
  });

  it('reads nothing from an empty sheet or a sheet of text', () => {
    expect(readStructures({ name: '空', values: [] })).toEqual({ tables: [], diagnostics: [] });
    expect(readStructures({ name: '空', values: [[null, ''], ['  ']] })).toEqual({
      tables: [],
      diagnostics: [],
    });
    expect(
      readStructures(
        sheet([
          ['关于2024年7月数字城管工作的通报'],
          ['各区政府、市直各单位：'],
          ['现将有关情况通报如下。', '附件：1份'],
        ]),
      ),
    ).toEqual({ tables: [], diagnostics: [] });
  });

  it('reads 合 计 with spaces, a 全市 row above its units, and a sum above its parts', () => {
    const spaced = one(
      sheet([
        ['部门', '派遣数', '完成数'],
        ['一支队', 4, 4],
        ['环卫处', 1, 0],
        ['合  计', 5, 4],
      ]),
    );
    expect(totals(spaced)).toEqual([{ total: '合计', closes: ['一支队', '环卫处'] }]);
    const first = one(
      sheet([
        ['区域', '受理数', '办结数'],
        ['全市', 30, 28],
        ['鼓楼区', 10, 9],
        ['台江区', 20, 19],
      ]),
    );
    expect(totals(first)).toEqual([{ total: '全市', closes: ['鼓楼区', '台江区'] }]);
    // 发现问题数 has no total word: its figures equal the two rows under it at its level
    const above = one(
      sheet(
        [
          ['类型', null, '8月', '7月'],
          ['发现问题数', null, 19117, 24575],
          ['事件总数', null, 16917, 22489],
          ['部件总数', null, 2200, 2086],
          ['事件前五', '暴露垃圾', 4654, 7800],
          [null, '乱停放', 4000, 4084],
        ],
        ['A1:B1', 'A2:B2', 'A3:B3', 'A4:B4', 'A5:A6'],
      ),
    );
    expect(totals(above)).toEqual([{ total: '发现问题数', closes: ['事件总数', '部件总数'] }]);
    expect(units(above)).toEqual(['事件总数', '部件总数', '事件前五/暴露垃圾', '事件前五/乱停放']);
    expect(above.uncertain.map((u) => u.cell)).toEqual(['A2']);
    // one count off: not a total, a unit like the others
    const notSum = one(
      sheet([
        ['类型', '8月', '7月'],
        ['发现问题数', 19118, 24575],
        ['事件总数', 16917, 22489],
        ['部件总数', 2200, 2086],
      ]),
    );
    expect(totals(notSum)).toEqual([]);
    expect(units(notSum)).toEqual(['发现问题数', '事件总数', '部件总数']);
  });

  it('reads a label alone on a row inside the table as the group of the rows under it', () => {
    const t = one(
      sheet(
        [
          ['单位', '应处置数', '处置数'],
          ['一、城区', null, null],
          ['鼓楼区', 10, 9],
          ['台江区', 20, 19],
          ['城区合计', 30, 28],
          ['二、县（市）', null, null],
          ['闽侯县', 5, 5],
          ['小计', 5, 5],
          ['全市合计', 35, 33],
        ],
        ['A6:C6'],
      ),
    );
    expect(units(t)).toEqual(['一、城区/鼓楼区', '一、城区/台江区', '二、县（市）/闽侯县']);
    expect(totals(t)).toEqual([
      { total: '城区合计', closes: ['鼓楼区', '台江区'] },
      { total: '二、县（市）/小计', closes: ['闽侯县'] },
      // the whole: each section by its own total, never its rows again
      { total: '全市合计', closes: ['城区合计', '小计'] },
    ]);
    expect(t.uncertain.map((u) => u.cell)).toEqual(['A2']);
  });

  it('carries a parent down an unmerged column, says so, and never into a 总计', () => {
    const t = one(
      sheet([
        ['部门', '下属单位', '应处置数'],
        ['一大队', '一中队', 10],
        [null, '二中队', 20],
        [null, '合计', 30],
        ['二大队', null, 5],
        [null, '总计', 35],
      ]),
    );
    expect(units(t)).toEqual(['一大队/一中队', '一大队/二中队', '二大队']);
    expect(totals(t)).toEqual([
      { total: '一大队/合计', closes: ['一中队', '二中队'] },
      { total: '总计', closes: ['合计', '二大队'] },
    ]);
    expect(t.uncertain.map((u) => u.cell)).toEqual(['A3']);
  });

  it('reads fractions under a 率 header as percentages, numbers under “(%)” as printed (said)', () => {
    const t = one(
      sheet([
        ['单位', '结案率', '返工率(%)', '得分'],
        ['鼓楼区', 0.9935, 0.88, 98.5],
        ['台江区', 1, 0.5, 97],
      ]),
    );
    expect(column(t, '结案率').cells).toEqual(['9935/2%', '100/0%']);
    expect(column(t, '返工率(%)').cells).toEqual(['88/2%', '5/1%']);
    expect(column(t, '得分').cells).toEqual(['985/1', '97/0']);
    expect(t.uncertain).toEqual([
      { cell: 'C1', what: expect.stringContaining('返工率(%)') as string },
    ]);
  });

  it('gives cells in sheet coordinates when the grid does not start at A1', () => {
    const t = one(
      sheet(
        [
          ['表一', null],
          ['单位', '件数'],
          ['甲', 1],
          [null, 2],
        ],
        ['A1:B1'],
        { row: 4, col: 2 },
      ),
    );
    expect(t.anchor).toBe('C5');
    expect(units(t)).toEqual(['甲']);
    expect(t.uncertain).toEqual([{ cell: 'D8', what: expect.any(String) as string }]);
  });

  it('reads a header row of years typed as numbers as a header', () => {
    const t = one(
      sheet([
        ['投诉数', null, null],
        ['单位', 2023, 2024],
        ['鼓楼区', 120, 98],
        ['台江区', 80, 91],
      ]),
    );
    expect(t.headerTop).toBe(1);
    expect(t.columns.map((c) => c.label)).toEqual(['单位', '2023', '2024']);
    expect(units(t)).toEqual(['鼓楼区', '台江区']);
  });

  it('reads a header label typed as a number (12345) as a header, a unit row of dashes as a unit', () => {
    const t = one(
      sheet([
        ['各渠道受理情况', null, null, null],
        ['单位', 12345, 110, '市长信箱'],
        ['鼓楼区', '—', '—', '—'],
        ['台江区', 80, 91, 3],
      ]),
    );
    expect([t.title, t.headerTop, t.headerRows]).toEqual(['各渠道受理情况', 1, 1]);
    expect(t.columns.map((c) => c.label)).toEqual(['单位', '12345', '110', '市长信箱']);
    expect(units(t)).toEqual(['鼓楼区', '台江区']);
  });

  it('says why figures were not read: no header, no name column, label | value pairs', () => {
    const noHeader = readStructures(
      sheet([
        [null, 12, 13],
        [null, 14, 15],
        ['表二', null, null],
        ['单位', '件数', '办结数'],
        ['甲', 1, 1],
      ]),
    );
    expect(noHeader.tables.map((t) => [t.title, units(t)])).toEqual([['表二', ['甲']]]);
    expect(noHeader.diagnostics.map((d) => [d.code, d.cell])).toEqual([['noHeader', 'B1']]);
    const noNames = readStructures(
      sheet([
        ['受理数', '办结数'],
        [120, 118],
        [130, 129],
      ]),
    );
    expect(noNames.tables).toEqual([]);
    expect(noNames.diagnostics.map((d) => [d.code, d.cell])).toEqual([['noNameColumn', 'A1']]);
    const pairs = readStructures(
      sheet([
        ['指标', '数值'],
        ['受理数', 51571],
        ['立案数', 51229],
        ['立案率', '99.34%'],
      ]),
    );
    expect(pairs.tables).toEqual([]);
    expect(pairs.diagnostics.map((d) => [d.code, d.cell])).toEqual([['labelValue', 'A1']]);
  });

  it('reads rows by month as summary figures, not units', () => {
    const r = readStructures(
      sheet([
        ['一、基本情况', null, null],
        ['月份', '全系统受理诉求件（案件）', '12345平台受理诉求件'],
        ['2017年8月', 109169, 35275],
      ]),
    );
    expect(r.tables).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.cell])).toEqual([['periodRows', 'A2']]);
  });

  it('reads the sample workbook’s 市直单位 table: 下属单位 under the unit above, units with no cases kept', async () => {
    const grids = await readWorkbookGrids(new Uint8Array(readFileSync('samples/2017-08.xlsx')));
    const { tables } = readStructures(grids.find((g) => g.name === '数字城管综合评价表')!);
    expect(tables.map((t) => t.title)).toEqual([
      '(一) 各区政府综合评价表',
      '(二) 各县(市)政府综合评价表',
      '(三) 市直单位综合评价表',
      '（四） 在榕中央及省属企业综合评价表',
      '(五) 市属企业综合评价表',
    ]);
    const t = tables[2]!;
    expect(units(t)).toEqual([
      '市建委',
      '市建委/本委',
      '市建委/市灯管办',
      '软件园',
      '市园林局',
      '市城管委',
      '市城管委/本委',
      '市城管委/市环卫处',
      '市城管委/市渣土办',
      '市城管委/市市政工程管理处',
      '市交通委',
      '市交通委/市公路局',
      '市交通委/市交通综合执法支队',
      '市公安局',
      '市公安局/本局',
      '市公安局/市交警支队',
      '市人防办',
      '市水利局',
      '市水利局/本局',
      '市水利局/市闽江下游管理处',
    ]);
    // 市渣土办: 本月无应处置案件 merged over the figures, a text in its first figure cell
    const zhatu = t.rows.find((r) => r.name === '市渣土办')!;
    expect(zhatu.cells.slice(2, 4).map(show)).toEqual(['本月无应处置案件', '_']);
    expect(t.notes).toHaveLength(1);
    expect(t.notes[0]).toMatch(/^备注：市卫计委/);
    expect(t.uncertain).toEqual([]);
    // 返工率 (%) printed as 0.65 (percent, as printed): under “(%)”, not a fraction
    expect(column(t, '返工率(%)').cells.slice(4, 6)).toEqual(['65/2%', '28/1%']);
  });

  it('says what it was unsure of in the language asked for', () => {
    const rows: CellValue[][] = [
      ['单位', '件数'],
      ['甲', 1],
      ['甲', 2],
    ];
    expect(readStructures(sheet(rows)).tables[0]!.uncertain).toEqual([
      { cell: 'A3', what: '单位“甲”在表中出现不止一次' },
    ]);
    expect(readStructures(sheet(rows), structureEnUS).tables[0]!.uncertain).toEqual([
      { cell: 'A3', what: 'The unit “甲” appears more than once in the table' },
    ]);
  });
});
