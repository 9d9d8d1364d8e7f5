/**
 * A target cell that only looks empty is still the user's: spaces, a formula whose result is
 * "", any cell of a merged area, a header cell. Both writers — the annotated copy (--out) and
 * the add-in — refuse such targets as any other occupied cell and write nothing.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { recompute } from '../addin/excel/adapter';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { annotateWorkbook } from '../src/io/xlsx-write';
import { planWrites, type WritePlan } from '../src/plan/write-plan';
import type { FakeWorkbook } from './fake/excel-fake';
import { fakeFromXlsx, installFake } from './helpers/fake-host';

const SHEET = '数字城管综合评价表';
const original = await readFile('samples/2017-08.xlsx');

/** Table (一): header in row 5, data in rows 6..11, its five own columns O..S; (三) rows 23..46. */
interface Case {
  readonly name: string;
  readonly cell: string;
  /** The change, in the .xlsx (ExcelJS) and in the fake. */
  readonly xlsx: (ws: ExcelJS.Worksheet) => void;
  readonly fake: (f: FakeWorkbook) => void;
}

const at = (a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return `${Number(m[2]) - 1},${col}`;
};

const cases: Case[] = [
  {
    name: 'a number',
    cell: 'P10',
    xlsx: (ws) => (ws.getCell('P10').value = 42),
    fake: (f) => f.sheet(SHEET).cells.set(at('P10'), { value: 42 }),
  },
  {
    name: 'a formula whose result is ""',
    cell: 'Q9',
    xlsx: (ws) => (ws.getCell('Q9').value = { formula: 'IF(1>2,"x","")', result: '' }),
    fake: (f) => f.setFormula(SHEET, 'Q9', '=IF(1>2,"x","")', ''),
  },
  {
    name: 'a cell of spaces',
    cell: 'R8',
    xlsx: (ws) => (ws.getCell('R8').value = '   '),
    fake: (f) => f.sheet(SHEET).cells.set(at('R8'), { value: '   ' }),
  },
  {
    name: 'a cell inside a merged area',
    cell: 'S26',
    xlsx: (ws) => ws.mergeCells('S25:T26'),
    fake: (f) => f.sheet(SHEET).merges.push({ top: 24, left: 18, bottom: 25, right: 19 }),
  },
  {
    name: 'a header cell',
    cell: 'P5',
    xlsx: (ws) => (ws.getCell('P5').value = '备注'),
    fake: (f) => f.sheet(SHEET).cells.set(at('P5'), { value: '备注' }),
  },
];

async function changed(edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(original as unknown as ArrayBuffer);
  edit(wb.getWorksheet(SHEET)!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function planFor(bytes: Uint8Array): Promise<WritePlan> {
  return planWrites(analyzeWorkbook(await readWorkbookGrids(bytes)));
}

const conflictCells = (plan: WritePlan) => plan.conflicts.map((c) => `${c.sheet}!${c.cell}`);

describe('the annotated copy (--out) refuses a target that only looks empty', () => {
  it.each(cases)('$name ($cell)', async ({ cell, xlsx }) => {
    const plan = await planFor(await changed(xlsx));
    // The CLI writes nothing when the plan has conflicts (src/cli/run.ts).
    expect(conflictCells(plan)).toContain(`${SHEET}!${cell}`);
  });

  it('a clean workbook has no conflict and is written', async () => {
    const plan = await planFor(original);
    expect(plan.conflicts).toEqual([]);
    expect(plan.sheets.length).toBeGreaterThan(0);
  });
});

describe('the add-in refuses a target that only looks empty', () => {
  let fake: FakeWorkbook;
  beforeEach(async () => {
    fake = await fakeFromXlsx('samples/2017-08.xlsx');
    installFake(fake);
  });

  it.each(cases)('$name ($cell): nothing written', async ({ cell, fake: edit }) => {
    edit(fake);
    const before = fake.snapshot();
    const result = await recompute();
    expect(result.wrote).toBe(false);
    expect(conflictCells(result.plan)).toContain(`${SHEET}!${cell}`);
    expect(fake.snapshot()).toEqual(before);
  });

  it('a clean target is written', async () => {
    const result = await recompute();
    expect(result.wrote).toBe(true);
    expect(fake.sheet(SHEET).cells.get(at('O5'))?.value).toBe('返工率（复核）');
  });

  it('a formula elsewhere (not a target) does not stop the write', async () => {
    fake.setFormula(SHEET, 'Z3', '=IF(1>2,"x","")', '');
    expect((await recompute()).wrote).toBe(true);
    expect(fake.sheet(SHEET).cells.get(at('Z3'))).toMatchObject({ formula: '=IF(1>2,"x","")' });
  });
});

describe('the user’s cells are untouched in the annotated copy', () => {
  it('formulas, number formats, fonts, fills, borders and values of every pre-existing cell', async () => {
    // A formula, a styled cell and a number format beside the table, outside the new columns.
    const input = await changed((ws) => {
      ws.getCell('Z3').value = { formula: 'SUM(1,2)', result: 3 };
      ws.getCell('Z4').value = 0.5;
      ws.getCell('Z4').numFmt = '0.0%';
      ws.getCell('Z4').font = { bold: true, color: { argb: 'FFFF0000' } };
      ws.getCell('Z4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      ws.getCell('Z4').border = { top: { style: 'thin' } };
    });
    const plan = await planFor(input);
    expect(plan.conflicts).toEqual([]);
    const output = await annotateWorkbook(input, plan);
    const load = async (b: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(b as unknown as ArrayBuffer);
      return wb;
    };
    const [a, b] = [await load(input), await load(output)];
    const written = (sheet: string, row: number, col: number) =>
      plan.sheets
        .filter((s) => s.sheet === sheet)
        .some((s) =>
          s.tables.some(
            ({ block: k }) =>
              row >= k.row && row < k.row + k.rows && col >= k.col && col < k.col + k.cols,
          ),
        );
    const facts = (c: ExcelJS.Cell) =>
      JSON.stringify({
        value: c.value,
        formula: c.formula,
        numFmt: c.numFmt,
        font: c.font,
        fill: c.fill,
        border: c.border,
      });
    let compared = 0;
    for (const ws of a.worksheets) {
      const out = b.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (c, col) => {
          if (written(ws.name, r - 1, col - 1)) return;
          expect(facts(out.getCell(r, col)), `${ws.name}!${c.address}`).toBe(facts(c));
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThan(100);
    expect(b.getWorksheet(SHEET)!.getCell('Z3').formula).toBe('SUM(1,2)');
  });
});
