import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { annotateWorkbook } from '../src/io/xlsx-write';
import { planWrites } from '../src/plan/write-plan';

const SHEET = '数字城管综合评价表';
const original = await readFile('samples/2017-08.xlsx');

async function annotate(bytes: Uint8Array): Promise<Uint8Array> {
  const analysis = analyzeWorkbook(await readWorkbookGrids(bytes));
  return annotateWorkbook(bytes, planWrites(analysis));
}

const once = await annotate(original);
const twice = await annotate(once);

async function sheet(bytes: Uint8Array, name = SHEET): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet(name)!;
}

/** Cells of a grid outside the given columns (0-based), keyed by address. */
function userCells(grid: SheetGrid, own: Set<number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!own.has(c) && v !== null && v !== '') out[`${r},${c}`] = v;
    }),
  );
  return out;
}

describe('the annotated workbook (--out)', () => {
  it('has the recomputed columns with values and number formats', async () => {
    const ws = await sheet(once);
    expect(['O5', 'P5', 'Q5', 'R5', 'S5'].map((a) => ws.getCell(a).value)).toEqual([
      '返工率（复核）',
      '结案率（复核）',
      '按期结案率（复核）',
      '综合指标值（复核）',
      '评价等级（复核）',
    ]);
    expect(['O6', 'P6', 'Q6', 'R6', 'S6'].map((a) => ws.getCell(a).value)).toEqual([
      0.88,
      99.83,
      97.84,
      98.88,
      'A',
    ]);
    expect(ws.getCell('Q62').value).toBe(98.51);
    expect(ws.getCell('Q62').numFmt).toBe('0.00');
    expect(ws.getCell('O5').font?.bold).toBe(true);
  });

  it('carries the conditional formats: grade colours, a colour scale, the mismatch formula', async () => {
    const ws = await sheet(once);
    const cfs = (
      ws as unknown as {
        conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[];
      }
    ).conditionalFormattings;
    expect(cfs).toHaveLength(55);
    const q = cfs.find((cf) => cf.ref === 'Q59:Q72')!;
    expect(q.rules[0]).toMatchObject({
      type: 'expression',
      formulae: [
        'AND(ISNUMBER(Q59),TRIM($L59)<>"",IFERROR(ROUND(--SUBSTITUTE(TRIM($L59),"%",""),2)<>Q59,FALSE()))',
      ],
    });
    expect(cfs.filter((cf) => cf.ref === 'R59:R72').map((cf) => cf.rules[0]!.type)).toEqual([
      'colorScale',
      'expression',
    ]);
  });

  it('leaves every cell of the user’s as it was', async () => {
    const own = new Set([14, 15, 16, 17, 18, 19]);
    const before = await readWorkbookGrids(original);
    const after = await readWorkbookGrids(once);
    expect(after.map((g) => g.name)).toEqual(before.map((g) => g.name));
    before.forEach((g, i) => expect(userCells(after[i]!, own)).toEqual(userCells(g, own)));
    expect(after[1]!.merges).toEqual(before[1]!.merges);
  });

  it('keeps the user’s own conditional formats, whole-column ones included, across runs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(once as unknown as ArrayBuffer);
    wb.getWorksheet(SHEET)!.addConditionalFormatting({
      ref: 'B:B',
      rules: [
        { type: 'cellIs', operator: 'greaterThan', formulae: ['1000'], priority: 1, style: {} },
      ],
    });
    const withUserRule = new Uint8Array(await wb.xlsx.writeBuffer());
    const again = await sheet(await annotate(withUserRule));
    const refs = (
      again as unknown as { conditionalFormattings: { ref: string }[] }
    ).conditionalFormattings.map((cf) => cf.ref);
    expect(refs).toContain('B:B');
    expect(refs).toHaveLength(56);
  });

  it('run again on its own output, replaces its columns and changes nothing else', async () => {
    expect(await readWorkbookGrids(twice)).toEqual(await readWorkbookGrids(once));
    const cfs = (ws: ExcelJS.Worksheet) =>
      (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(cfs(await sheet(twice))).toEqual(cfs(await sheet(once)));
  });
});
