/**
 * [issue 16] The corpus tables (test/corpus/*.json) as the grids a clerk's workbook gives:
 * built in memory exactly as test/corpus/to-xlsx.mjs lays the sheet out (title in row 1 merged
 * across, header rows, rows typed by its `typed()`, the JSON's merges one row down, notes below),
 * or written by to-xlsx's own `workbookFor` to a real .xlsx and read back by the .xlsx reader.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { CellValue, MergedArea, SheetGrid } from '../../src/core/grid';
import { readWorkbookGrids } from '../../src/io/xlsx-read';
// @ts-expect-error a plain .mjs script without types
import * as toXlsx from '../corpus/to-xlsx.mjs';

const script = toXlsx as {
  typed: (text: string | null | undefined, asText?: boolean) => { value: CellValue };
  workbookFor: (table: CorpusTable, asText?: boolean) => ExcelJS.Workbook;
  corpusFiles: () => string[];
};

export interface CorpusTable {
  readonly title: string;
  readonly period?: string;
  readonly header: readonly (readonly (string | null)[])[];
  readonly rows: readonly (readonly (string | null)[])[];
  readonly merges?: readonly { readonly from: [number, number]; readonly to: [number, number] }[];
  readonly notes?: readonly string[];
  readonly spec: { readonly layout?: 'rows' | 'side_by_side' | 'label_value' };
  readonly expected: {
    readonly units: readonly { row: string; name: string; parents: string[] }[];
    readonly totals: readonly { row: number; label: string; closes: number[] }[];
  };
}

export function loadCorpusTables(): { file: string; table: CorpusTable }[] {
  return script.corpusFiles().map((path) => ({
    file: basename(path),
    table: JSON.parse(readFileSync(path, 'utf8')) as CorpusTable,
  }));
}

/** Grid row of the corpus body row `i` (row 0: the title; then the header rows). */
export function gridRowOf(table: CorpusTable, i: number): number {
  return 1 + table.header.length + i;
}

/** The sheet to-xlsx writes, as a grid, without going through a file. */
export function corpusGrid(table: CorpusTable, asText: boolean): SheetGrid {
  const rows = [...table.header, ...table.rows];
  const width = Math.max(...rows.map((r) => r.length));
  const values: CellValue[][] = [];
  const title: CellValue[] = new Array<CellValue>(width).fill(null);
  title[0] = table.title;
  values.push(title);
  rows.forEach((row, r) => {
    const cells: CellValue[] = [];
    for (let c = 0; c < width; c++) {
      const text = row[c] ?? null;
      cells.push(r < table.header.length ? text : script.typed(text, asText).value);
    }
    values.push(cells);
  });
  for (const note of table.notes ?? []) {
    const cells: CellValue[] = new Array<CellValue>(width).fill(null);
    cells[0] = note;
    values.push(cells);
  }
  const merges: MergedArea[] = [];
  if (width > 1) merges.push({ top: 0, left: 0, bottom: 0, right: width - 1 });
  for (const m of table.merges ?? [])
    merges.push({ top: m.from[0] + 1, left: m.from[1], bottom: m.to[0] + 1, right: m.to[1] });
  // As a reader gives a merged area: only its top-left cell holds a value.
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if ((r !== m.top || c !== m.left) && values[r]) values[r]![c] = null;
  return { name: 'Sheet1', values, merges };
}

/** The same table written to a real .xlsx by to-xlsx's `workbookFor` and read back. */
export async function corpusGridFromXlsx(table: CorpusTable, asText: boolean): Promise<SheetGrid> {
  const dir = mkdtempSync(join(tmpdir(), 'tongbao-structure-'));
  try {
    const file = join(dir, 'table.xlsx');
    await script.workbookFor(table, asText).xlsx.writeFile(file);
    const grids = await readWorkbookGrids(new Uint8Array(readFileSync(file)));
    return grids[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
