import { describe, expect, it } from 'vitest';
import type { CellValue } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { buildNarrative } from '../src/narrative/build';
import { buildReport } from '../src/report/model';
import { FULL_HEADER, fullRow } from './helpers/grid';

/**
 * A grade typed by hand: a clerk with a Chinese IME on often types ａ or Ａ (full width), or
 * a lower-case a. Whoever typed ａ means A, so the engine compares the grade as the user means
 * it (NFKC, trimmed, case folded) and does not call it a discrepancy; a different letter is.
 *
 * 台江区政府 (seed, samples/seed/tables-2017-08.json): 综合指标值 98.88 → A.
 * 马尾区政府 (seed): 93.81 → A.  市红星农场 (seed): 35 → E.
 */
function analyzeWithGrade(grade: CellValue, unit: '台江区政府' | '市红星农场' = '台江区政府') {
  const row = fullRow(unit);
  row[13] = grade;
  return analyzeWorkbook([
    { name: 'S', values: [['市直单位综合评价表'], ['单位', ...FULL_HEADER], row] },
  ]);
}

describe('a printed grade typed in another form', () => {
  it.each([
    ['a', 'lower case'],
    ['Ａ', 'full width'],
    ['ａ', 'full width, lower case'],
    [' A ', 'spaces'],
    ['A\u3000', 'an ideographic space'],
  ])('%j (%s) is A: no discrepancy, no star in the Word table', (typed) => {
    const a = analyzeWithGrade(typed);
    expect(a.units[0]!.figures.评价等级).toBe('A');
    expect(a.discrepancies).toEqual([]);
    const model = buildReport(a, buildNarrative(a));
    const text = JSON.stringify(model);
    expect(text).not.toContain('*');
  });

  it.each([['ｅ'], ['e'], ['Ｅ']])('%j for 市红星农场 (35 → E) is E', (typed) => {
    const a = analyzeWithGrade(typed, '市红星农场');
    expect(a.units[0]!.figures.评价等级).toBe('E');
    expect(a.discrepancies).toEqual([]);
  });

  it.each([['B'], ['ｂ'], ['Ｂ'], ['A+'], ['优']])(
    '%j where the grade is A is a discrepancy, with what the sheet had',
    (typed) => {
      const a = analyzeWithGrade(typed);
      expect(a.discrepancies).toHaveLength(1);
      expect(a.discrepancies[0]).toMatchObject({
        field: '评价等级',
        cell: 'N3',
        printed: typed,
        recomputed: 'A',
      });
    },
  );

  it('a band named in lower case matches the same letters as printed', () => {
    const row = fullRow('台江区政府');
    row[13] = 'good';
    const a = analyzeWorkbook(
      [{ name: 'S', values: [['市直单位综合评价表'], ['单位', ...FULL_HEADER], row] }],
      {
        evaluation: {
          bands: [
            { grade: 'good', min: 90 },
            { grade: 'poor', min: 0 },
          ],
        },
      },
    );
    expect(a.units[0]!.figures.评价等级).toBe('good');
    expect(a.discrepancies).toEqual([]);
  });
});
