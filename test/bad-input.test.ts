import { describe, expect, it } from 'vitest';
import { GridShapeError, SettingsError } from '../src/core/errors';
import type { CellValue, SheetGrid } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { toEvaluationJson } from '../src/report/json';
import { COUNT_HEADER, countRow } from './helpers/grid';

// Columns: A 区政府, B 应处置数, C 处置数, D 超期未处置数, E 超期处置数, F 返工数, G 应结案数, H 结案数, I 按期结案数
function withCell(col: number, value: CellValue): CellValue[] {
  const row = countRow('马尾区政府');
  row[col] = value;
  return row;
}

function sheetWith(bad: CellValue[]): SheetGrid {
  return {
    name: '区',
    values: [['各区政府综合评价表'], ['区政府', ...COUNT_HEADER], countRow('台江区政府'), bad],
  };
}

describe('bad input is reported per cell and the rest is still evaluated', () => {
  it.each([
    [
      'text in a count',
      withCell(2, '未统计'),
      'C4',
      'notNumber',
      '“马尾区政府”的“处置数”不是数字（未统计），未参加评价',
    ],
    [
      'a negative count',
      withCell(6, -5),
      'G4',
      'negative',
      '“马尾区政府”的“应结案数”为负数（-5），未参加评价',
    ],
    [
      'a fractional count',
      withCell(5, 18.5),
      'F4',
      'notInteger',
      '“马尾区政府”的“返工数”不是整数（18.5），未参加评价',
    ],
    [
      'an empty count',
      withCell(8, ''),
      'I4',
      'emptyCount',
      '“马尾区政府”的“按期结案数”为空，未参加评价',
    ],
    [
      '结案数 > 应结案数',
      withCell(7, 6000),
      'H4',
      'exceeds',
      '“马尾区政府”的“结案数”（6000）大于“应结案数”（5983），未参加评价',
    ],
    [
      '按期结案数 > 结案数',
      withCell(8, 5900),
      'I4',
      'exceeds',
      '“马尾区政府”的“按期结案数”（5900）大于“结案数”（5896），未参加评价',
    ],
    [
      '处置数 > 应处置数',
      withCell(2, 7000),
      'C4',
      'exceeds',
      '“马尾区政府”的“处置数”（7000）大于“应处置数”（6006），未参加评价',
    ],
    [
      'a boolean',
      withCell(1, true),
      'B4',
      'notNumber',
      '“马尾区政府”的“应处置数”不是数字（true），未参加评价',
    ],
  ])('%s', (_what, bad, cell, code, message) => {
    const out = toEvaluationJson(analyzeWorkbook([sheetWith(bad)]));
    expect(out.units.map((u) => [u.name, u.evaluated, u.reason, u.figures['综合指标值']])).toEqual([
      ['台江区政府', true, null, 98.88],
      ['马尾区政府', false, 'invalidData', null],
    ]);
    expect(out.diagnostics).toEqual([{ sheet: '区', cell, severity: 'error', code, message }]);
  });

  it('a missing column names the table and the header cell; other sheets are still evaluated', () => {
    const header = COUNT_HEADER.filter((h) => h !== '按期结案数');
    const out = toEvaluationJson(
      analyzeWorkbook([
        { name: '空表', values: [] },
        {
          name: '县',
          values: [
            ['各县(市)政府综合评价表'],
            [],
            ['县(市)政府', ...header],
            ['连江县政府', 1053, 1053, 0, 0, 0, 1053, 1052],
          ],
        },
        { name: '各区', values: [['区政府', ...COUNT_HEADER], countRow('台江区政府')] },
      ]),
    );
    expect(
      out.units.map((u) => [u.sheet, u.name, u.evaluated, u.reason, u.figures['综合指标值']]),
    ).toEqual([
      ['县', '连江县政府', false, 'missingColumns', null],
      ['各区', '台江区政府', true, null, 98.88],
    ]);
    expect(out.diagnostics.map((d) => [d.sheet, d.cell, d.code, d.message])).toEqual([
      ['空表', 'A1', 'emptySheet', '工作表为空，已跳过'],
      [
        '县',
        'A3',
        'figuresUnavailable',
        '“各县(市)政府综合评价表”缺少列：按期结案数，无法计算按期结案率、综合指标值、评价等级；其余数值照常复核',
      ],
    ]);
  });

  it('a unit with 应结案数 = 0 is not evaluated, and a grade printed for it is flagged', () => {
    const header = ['区政府', ...COUNT_HEADER, '综合指标值', '评价等级'];
    const out = toEvaluationJson(
      analyzeWorkbook([
        { name: '各区', values: [header, ['鼓楼区政府', 0, 0, 0, 0, 0, 0, 0, 0, 0, 'E']] },
      ]),
    );
    expect(out.units[0]).toMatchObject({
      evaluated: false,
      reason: 'nothingToEvaluate',
      figures: { 综合指标值: null, 评价等级: null },
    });
    expect(out.diagnostics.map((d) => [d.cell, d.code])).toEqual([['B2', 'nothingToEvaluate']]);
    expect(out.discrepancies.map((d) => [d.cell, d.field, d.printed, d.recomputed])).toEqual([
      ['J2', '综合指标值', 0, null],
      ['K2', '评价等级', 'E', null],
    ]);
  });

  it('the zero rule: 处置数 = 0 prints 返工率 0 and the rework term adds nothing (市公安局 本局: 0 分, E)', () => {
    const out = toEvaluationJson(
      analyzeWorkbook([
        { name: '市直单位', values: [['单位', ...COUNT_HEADER], countRow('本局')] },
      ]),
    );
    expect(out.units[0]).toMatchObject({
      figures: { 返工率: 0, 结案率: 0, 按期结案率: 0, 综合指标值: 0, 评价等级: 'E' },
    });
  });

  it('返工数 > 处置数 is flagged but still evaluated', () => {
    const out = toEvaluationJson(analyzeWorkbook([sheetWith(withCell(5, 6000))]));
    expect(out.units[1]).toMatchObject({ evaluated: true, figures: { 返工率: 101.76 } });
    expect(out.diagnostics.map((d) => [d.cell, d.code, d.severity])).toEqual([
      ['F4', 'reworkExceedsDisposed', 'warning'],
    ]);
  });

  it('a row of figures without a unit name is reported', () => {
    const out = toEvaluationJson(analyzeWorkbook([sheetWith(withCell(0, ''))]));
    expect(out.units[1]).toMatchObject({ name: '', evaluated: false, reason: 'missingName' });
    expect(out.diagnostics.map((d) => [d.cell, d.code])).toEqual([['A4', 'missingName']]);
  });

  it('the same unit twice in a table is reported', () => {
    const out = toEvaluationJson(analyzeWorkbook([sheetWith(countRow('台江区政府'))]));
    expect(out.diagnostics.map((d) => [d.cell, d.code, d.message])).toEqual([
      ['A4', 'duplicateUnit', '单位“台江区政府”在本表中重复出现（首次见第3行）'],
    ]);
  });
});

describe('misuse of the API throws typed errors', () => {
  it('rejects what is not a list of grids', () => {
    expect(() => analyzeWorkbook(null as unknown as SheetGrid[])).toThrow(GridShapeError);
    expect(() => analyzeWorkbook([{ name: 'S' } as unknown as SheetGrid])).toThrow(GridShapeError);
    expect(() =>
      analyzeWorkbook([{ name: 'S', values: ['abc'] as unknown as CellValue[][] }]),
    ).toThrow(GridShapeError);
  });

  it('rejects a malformed merged area', () => {
    const merges = [{ top: 3, left: 0, bottom: 1, right: 0 }];
    expect(() => analyzeWorkbook([{ ...sheetWith(countRow('马尾区政府')), merges }])).toThrow(
      GridShapeError,
    );
  });

  it('rejects invalid settings', () => {
    expect(() => analyzeWorkbook([], { evaluation: { decimals: -1 } })).toThrow(SettingsError);
  });
});
