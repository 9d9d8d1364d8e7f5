/**
 * What Excel gives an add-in for a used range: a 2-D array of cell values. Office.js returns
 * `""` for empty cells; ExcelJS-based readers may also give `null`. Both mean empty.
 */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based and inclusive, in grid coordinates (not sheet coordinates). */
export interface MergedArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
  /** Sheet row/column (0-based) of `values[0][0]`: a used range need not start at A1. */
  readonly origin?: { readonly row: number; readonly col: number };
  /** Merged areas where the host can tell them (ExcelApi 1.13, ExcelJS). */
  readonly merges?: readonly MergedArea[];
  /**
   * What the .xlsx reader knows about a cell beyond its value, keyed by `noteKey(row, col)` in
   * grid coordinates: a formula saved without its result (the value is null, not “empty”), a
   * number the file holds but JavaScript cannot (Infinity, NaN), a number formatted as a date
   * (its value kept). Error values need no note: the value is their text (`#DIV/0!`), as
   * office.js gives it. Office.js recalculates and has none of these: the add-in's grids carry
   * only date notes, from its count columns' number formats ([issue 18] addin/excel/dates.ts).
   */
  readonly notes?: ReadonlyMap<string, CellNote>;
  /**
   * The cells holding a formula, keyed by `noteKey(row, col)` in grid coordinates, whatever
   * their result: a formula whose result is `""` reads as empty in `values` but is the user's
   * cell all the same (the write plan never writes over it). Both readers fill it: the .xlsx
   * reader from ExcelJS's `formula` / `sharedFormula`, the add-in from `Range.formulas` (a
   * string starting with `=`). Absent: no formula known (older readers, hand-made grids).
   */
  readonly formulas?: ReadonlySet<string>;
  /**
   * [issue 18] What the .xlsx reader left out of `values`, for the engine to say: the A1
   * addresses of a few cells holding values far beyond all the others (A1048576 under a table),
   * in sheet order. The add-in's grids have none.
   */
  readonly farCells?: readonly string[];
  /**
   * [issue 18] Merged areas the file gives that overlap an earlier one (Excel refuses such a
   * file, ExcelJS cannot load it): left out of `merges`, each with the earlier area it overlaps.
   */
  readonly overlappingMerges?: readonly { readonly ref: string; readonly overlaps: string }[];
}

/** Why a cell read as it did, where its value alone would mislead. */
export type CellNote =
  /** A formula saved without its cached result (a file written by a program, not Excel). */
  | { readonly kind: 'formulaNoValue'; readonly formula: string }
  /** A number too large for a double (“1e999”, a value of 100,000 digits): the start of it. */
  | { readonly kind: 'hugeNumber'; readonly text: string; readonly digits: number }
  /** A number cell whose text is no number (“abc”, empty). */
  | { readonly kind: 'notANumber'; readonly text: string }
  /** A cell the reader could not make sense of at all. */
  | { readonly kind: 'unreadable'; readonly text: string }
  /**
   * A number formatted as a date (2017-08-01 typed into a count): the value is the serial number
   * it holds (42948), as office.js gives it; `date` is the date shown (`2017-08-01`, with the
   * time when there is one). The only note whose value is still read: it is a warning.
   */
  | { readonly kind: 'dateFormatted'; readonly date: string };

/** The key of a grid cell (0-based, grid coordinates) in `SheetGrid.notes`. */
export function noteKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A1-style address of a 0-based sheet cell. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Letters → 0-based column index (A → 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function isEmptyCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');
}

/** A1 address of a rectangle of 0-based sheet cells: “P5:T30”, or “P5” for one cell. */
export function rangeAddress(r: {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}): string {
  const start = cellAddress(r.row, r.col);
  return r.rows === 1 && r.cols === 1
    ? start
    : `${start}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

/** `Array.isArray` that keeps the element type (the built-in narrows readonly arrays to any[]). */
export function isList<T>(v: readonly T[] | null | undefined): v is readonly T[] {
  return Array.isArray(v);
}
