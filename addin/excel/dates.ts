/**
 * [issue 18] A date typed into a count (2017-08-01 reads as 42948): office.js gives the serial
 * number in `values`, and the read loads no number formats. Once the tables are found, the
 * number formats of their count columns (data rows only) are loaded — with the first write
 * request when they are few, else in read requests of their own — and each count cell holding a
 * number in a date or time format is noted `dateFormatted`, as the .xlsx reader notes it, by the
 * same rule (`isDateFormat`) and with the same date text (`excelDate`): the engine then says
 * what the command line says.
 *
 * Guess: the workbook is taken to use the 1900 date system (the office.js typings this project
 * builds with have no property telling the 1904 one); a 1904 workbook's note would show its
 * date four years and a day early. The figures do not depend on it.
 */
import { excelDate, isDateFormat } from '../../src/core/excel-date';
import { noteKey, rangeAddress, type CellNote, type SheetGrid } from '../../src/core/grid';
import type { Analysis } from '../../src/evaluation/analyze';
import { CELLS_PER_READ } from './read';

/** Count cells whose formats go with the first write request (a few KB of response). */
export const FORMAT_CELLS_WITH_WRITE = 20_000;

/** One count column of one table, its data rows (grid coordinates), at most one read's cells. */
export interface CountColumn {
  readonly grid: SheetGrid;
  readonly col: number;
  readonly top: number;
  readonly rows: number;
}

/** A count column whose number formats were queued for loading. */
export interface FormatLoad {
  readonly column: CountColumn;
  readonly range: Excel.Range;
}

/**
 * The count columns of every table read (this month's, and last month's where the workbook
 * holds it): one per table and count column, from its first data row to its last.
 */
export function countColumns(analysis: Analysis): CountColumn[] {
  const tables = [...analysis.tables, ...(analysis.periods?.previous?.tables ?? [])];
  const out: CountColumn[] = [];
  for (const t of tables) {
    if (t.rows.length === 0) continue;
    let first = Infinity;
    let last = -Infinity;
    for (const r of t.rows) {
      first = Math.min(first, r.gridRow);
      last = Math.max(last, r.gridRow);
    }
    const cols = [...new Set(Object.values(t.columns.counts))].sort((a, b) => a - b);
    for (const col of cols)
      for (let top = first; top <= last; top += CELLS_PER_READ)
        out.push({ grid: t.grid, col, top, rows: Math.min(CELLS_PER_READ, last - top + 1) });
  }
  return out;
}

export const cellsIn = (columns: readonly CountColumn[]): number =>
  columns.reduce((n, c) => n + c.rows, 0);

/** Queue the loads of the columns' number formats: they arrive with the next sync. */
export function queueFormats(
  context: Excel.RequestContext,
  columns: readonly CountColumn[],
): FormatLoad[] {
  return columns.map((column) => {
    const origin = column.grid.origin ?? { row: 0, col: 0 };
    const range = context.workbook.worksheets.getItem(column.grid.name).getRange(
      rangeAddress({
        row: origin.row + column.top,
        col: origin.col + column.col,
        rows: column.rows,
        cols: 1,
      }),
    );
    range.load('numberFormat');
    return { column, range };
  });
}

/**
 * The columns in read requests of their own, at most `CELLS_PER_READ` cells each. A request
 * that fails leaves the rest unread: the date notes are a warning, the figures stand without.
 */
export async function readFormats(
  context: Excel.RequestContext,
  columns: readonly CountColumn[],
  sync: () => Promise<void>,
): Promise<FormatLoad[]> {
  const loaded: FormatLoad[] = [];
  let batch: CountColumn[] = [];
  const send = async () => {
    const loads = queueFormats(context, batch);
    batch = [];
    await sync();
    loaded.push(...loads);
  };
  try {
    for (const column of columns) {
      if (batch.length > 0 && cellsIn(batch) + column.rows > CELLS_PER_READ) await send();
      batch.push(column);
    }
    if (batch.length > 0) await send();
  } catch {
    // Unread: no date notes for those columns (see above).
  }
  return loaded;
}

/**
 * The grids with a `dateFormatted` note on each count cell that holds a number in a date or time
 * format (a note already there is kept); null when there is none, the grids unchanged.
 */
export function withDateNotes(
  grids: readonly SheetGrid[],
  loads: readonly FormatLoad[],
): SheetGrid[] | null {
  // By sheet name: the tables' grids are the grids read (a sheet name is unique).
  const added = new Map<string, Map<string, CellNote>>();
  for (const { column, range } of loads) {
    const formats = range.numberFormat as unknown[][];
    for (let i = 0; i < column.rows; i++) {
      const format = formats[i]?.[0];
      if (typeof format !== 'string' || !isDateFormat(format)) continue;
      const row = column.top + i;
      const value = column.grid.values[row]?.[column.col];
      const key = noteKey(row, column.col);
      if (typeof value !== 'number' || column.grid.notes?.has(key)) continue;
      const date = excelDate(value, false);
      if (date === null) continue;
      let notes = added.get(column.grid.name);
      if (!notes) added.set(column.grid.name, (notes = new Map<string, CellNote>()));
      notes.set(key, { kind: 'dateFormatted', date });
    }
  }
  if (added.size === 0) return null;
  return grids.map((g) => {
    const notes = added.get(g.name);
    return notes ? { ...g, notes: new Map([...(g.notes ?? []), ...notes]) } : g;
  });
}
