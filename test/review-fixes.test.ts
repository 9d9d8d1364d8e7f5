import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import { planWrites } from '../src/plan/write-plan';
import { buildReport, type ReportTable } from '../src/report/model';
import { toEvaluationJson } from '../src/report/json';
import { COUNT_HEADER, countRow } from './helpers/grid';

const header = ['区政府', ...COUNT_HEADER, '按期结案率(%)', '评价等级'];

describe('the mismatch highlight formula, evaluated as Excel would (HyperFormula)', () => {
  // Column J holds the printed 按期结案率, L the recomputed one written by the add-in.
  function highlighted(printed: CellValue): boolean {
    const values = [header, [...countRow('台江区政府'), printed, 'A']];
    const plan = planWrites(analyzeWorkbook([{ name: '各区', values }]));
    const table = plan.sheets[0]!.tables[0]!;
    const rule = table.rules.find(
      (r) => r.type === 'formula' && r.range.col === table.columns.col + 2,
    )!;
    if (rule.type !== 'formula') throw new Error('no formula rule');
    const sheet: (CellValue | string)[][] = values.map((r) => [...r]);
    table.block.values.forEach((row, dr) =>
      row.forEach(
        (v, dc) => v !== null && ((sheet[table.block.row + dr] ??= [])[table.block.col + dc] = v),
      ),
    );
    const hf = HyperFormula.buildFromArray(sheet, {
      licenseKey: 'gpl-v3',
    });
    // The rule's formula is written for the range's top-left cell (row 2 here); evaluate it as is.
    expect(rule.range.row).toBe(1);
    hf.setCellContents({ sheet: 0, row: 5, col: 0 }, [[rule.formula]]);
    const result = hf.getCellValue({ sheet: 0, row: 5, col: 0 });
    expect(
      typeof result,
      `${String(printed)} → ${JSON.stringify(result)} for ${rule.formula}`,
    ).toBe('boolean');
    return result === true;
  }

  it('lights a printed number that differs (97.8 vs 97.84), not one that agrees', () => {
    expect(highlighted(97.8)).toBe(true);
    expect(highlighted(97.84)).toBe(false);
  });

  // A leading ' keeps a cell as text, in Excel and in HyperFormula alike.
  it('reads numbers typed as text, with or without %', () => {
    expect(highlighted("'97.8")).toBe(true);
    expect(highlighted("'97.84%")).toBe(false);
    expect(highlighted("' 97.84 ")).toBe(false);
  });

  it('stays dark for a blank or a word', () => {
    expect(highlighted('')).toBe(false);
    expect(highlighted('—')).toBe(false);
  });
});

describe('tables side by side', () => {
  const left = (grade: string) => [...countRow('台江区政府'), grade];
  const values: CellValue[][] = [
    ['各区政府综合评价表', ...Array<string>(9).fill(''), '', '各县(市)政府综合评价表'],
    ['区政府', ...COUNT_HEADER, '评价等级', '', '县(市)政府', ...COUNT_HEADER, '评价等级'],
    [...left('B'), '', ...countRow('连江县政府'), 'A'],
  ];
  const analysis = analyzeWorkbook([{ name: 'S', values }]);

  it('a wrong figure in one is marked in that table only (report and CLI)', () => {
    const report = buildReport(analysis, buildNarrative(analysis));
    const tables = report.sections
      .at(-1)!
      .blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    const marked = (t: ReportTable) =>
      t.rows
        .flat()
        .filter((c) => c.mismatch)
        .map((c) => c.text);
    expect(tables.map(marked)).toEqual([['A*'], []]);
    expect(toEvaluationJson(analysis).discrepancies.map((d) => [d.cell, d.unit])).toEqual([
      ['J3', '台江区政府'],
    ]);
  });
});

describe('rows that are not units', () => {
  it('合计 rows are skipped, with a note, in evaluation and 12345 tables', () => {
    const total = ['合 计', ...countRow('台江区政府').slice(1)];
    const hotline: CellValue[][] = [
      ['(一) 12345平台市直部门（单位）诉求件受理情况表'],
      ['责任单位', '受理', '群众满意度'],
      ['福州市公安局交通警察支队', 100, '100%'],
      ['福州市教育局', '—', '100%'],
      ['福州市园林局', 50, '99%'],
      ['合计', 150, '99.5%'],
    ];
    const a = analyzeWorkbook([
      { name: '各区', values: [['区政府', ...COUNT_HEADER], countRow('台江区政府'), total] },
      { name: '12345', values: hotline },
    ]);
    expect(a.units.map((u) => u.name)).toEqual(['台江区政府']);
    expect(a.hotline[0]!.rows.map((r) => r.name)).toEqual([
      '福州市公安局交通警察支队',
      '福州市园林局',
    ]);
    expect(a.diagnostics.map((d) => [d.sheet, d.cell, d.code])).toEqual([
      ['各区', 'A3', 'totalRowSkipped'],
      ['12345', 'A4', 'hotlineCountUnreadable'],
      ['12345', 'A6', 'totalRowSkipped'],
    ]);
    const text = narrativeText(buildNarrative(a));
    expect(text).toContain(
      '办理数量较多的市直单位为：福州市公安局交通警察支队100件次，福州市园林局50件次，占诉求件总数的100%',
    );
  });
});

describe('a re-run below the table', () => {
  it('clears its own leftovers but never a note the user typed under its columns', () => {
    const own = [
      '返工率（复核）',
      '结案率（复核）',
      '按期结案率（复核）',
      '综合指标值（复核）',
      '评价等级（复核）',
    ];
    const values: CellValue[][] = [
      ['区政府', ...COUNT_HEADER, ...own],
      [...countRow('台江区政府'), 0.88, 99.83, 97.84, 98.88, 'A'],
      ['', '', '', '', '', '', '', '', '', 3.17, 98.55, 85.63, 93.81, 'A'], // a unit removed since
      ['', '', '', '', '', '', '', '', '', '', '', '制表人：张三', '', ''],
    ];
    const plan = planWrites(analyzeWorkbook([{ name: '各区', values }]));
    const block = plan.sheets[0]!.tables[0]!.block;
    expect(plan.conflicts).toEqual([]);
    expect(block.rows).toBe(3); // header, 台江区, the leftover row — not the note
    expect(block.values[2]).toEqual(['', '', '', '', '']);
  });
});
