import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import { planWrites } from '../src/plan/write-plan';
import { describeDiagnostic } from '../src/report/describe';
import { COUNT_HEADER, countRow } from './helpers/grid';

/** 台江区政府 (seed): 综合指标值 98.88 → A; 按期结案率 97.84. */
const header = ['区政府', ...COUNT_HEADER, '按期结案率(%)', '评价等级'];

/**
 * The red fill the add-in (and `--out`) puts on a recomputed grade whose printed twin
 * disagrees, evaluated as Excel would (HyperFormula): it must agree with the engine, which
 * reads ａ, Ａ and a as A.
 */
function gradeHighlighted(printed: CellValue): { lit: boolean; engineFlags: boolean } {
  const values = [header, [...countRow('台江区政府'), 97.84, printed]];
  const analysis = analyzeWorkbook([{ name: '各区', values }]);
  const table = planWrites(analysis).sheets[0]!.tables[0]!;
  const gradeCol = table.columns.col + 4; // 返工率 结案率 按期结案率 综合指标值 评价等级
  const rule = table.rules.find((r) => r.type === 'formula' && r.range.col === gradeCol);
  if (rule?.type !== 'formula') throw new Error('no formula rule on the grade column');
  const sheet: CellValue[][] = values.map((r) => [...r]);
  table.block.values.forEach((row, dr) =>
    row.forEach(
      (v, dc) => v !== null && ((sheet[table.block.row + dr] ??= [])[table.block.col + dc] = v),
    ),
  );
  const hf = HyperFormula.buildFromArray(sheet, { licenseKey: 'gpl-v3' });
  hf.setCellContents({ sheet: 0, row: 5, col: 0 }, [[rule.formula]]);
  const result = hf.getCellValue({ sheet: 0, row: 5, col: 0 });
  expect(typeof result, `${String(printed)} → ${JSON.stringify(result)}`).toBe('boolean');
  return { lit: result === true, engineFlags: analysis.discrepancies.length > 0 };
}

describe('the grade highlight agrees with the engine on how a grade may be typed', () => {
  it.each(['A', 'a', 'Ａ', 'ａ', ' A '])('%j for an A stays dark, as the engine says', (typed) => {
    expect(gradeHighlighted(typed)).toEqual({ lit: false, engineFlags: false });
  });
  it.each(['B', 'ｂ', 'Ｂ', 'A+'])('%j for an A is lit, as the engine flags it', (typed) => {
    expect(gradeHighlighted(typed)).toEqual({ lit: true, engineFlags: true });
  });
});

describe('printed figures that are error values', () => {
  it('get a note of their own naming the cell and are counted as not checked', () => {
    const values = [header, [...countRow('台江区政府'), '#DIV/0!', 'A']];
    const a = analyzeWorkbook([{ name: '各区', values }]);
    const note = a.diagnostics.find((d) => d.code === 'printedErrorValue');
    expect(note).toMatchObject({ sheet: '各区', cell: 'J2' });
    expect(describeDiagnostic(note!, zhCN)).toContain('#DIV/0!');
    expect(a.discrepancies).toEqual([]);
    expect(a.checked[0]).toMatchObject({ figures: 1, matched: 1, notChecked: 1 });
  });
});

describe('a table title with characters a document cannot hold', () => {
  it('is named in a note with its cell', () => {
    const values = [
      ['各区政府\u0001综合评价表\uFFFF'],
      header,
      [...countRow('台江区政府'), 97.84, 'A'],
    ];
    const a = analyzeWorkbook([{ name: '各区', values }]);
    const note = a.diagnostics.find((d) => d.code === 'invalidCharacters');
    expect(note).toMatchObject({ sheet: '各区', cell: 'A1' });
    expect(note?.params).toMatchObject({ characters: ['U+0001', 'U+FFFF'] });
  });
});
