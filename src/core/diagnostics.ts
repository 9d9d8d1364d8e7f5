import type { Period } from './period';

/** A count column by the scheme's name for it (应结案数). */
type CountField = string;

/** [issue 16] Sheets read as one period (null: sheets that name none). */
export interface PeriodSheets {
  readonly period: Period | null;
  readonly sheets: readonly string[];
}

export type Severity = 'error' | 'warning' | 'info';

/** Every kind of data problem the engine reports, with the facts its message needs. */
export interface DiagnosticParams {
  emptySheet: Record<string, never>;
  noTableOnSheet: Record<string, never>;
  /** Count columns missing: no figure of the scheme can be computed for the table. */
  missingColumns: {
    readonly table: string;
    readonly columns: readonly CountField[];
    readonly figures: readonly string[];
  };
  /** Count columns missing: the table's other figures are computed, these are not. */
  figuresUnavailable: {
    readonly table: string;
    readonly columns: readonly CountField[];
    readonly figures: readonly string[];
  };
  /** A printed figure holding an error value (#DIV/0!): not a figure that can be checked. */
  printedErrorValue: { readonly unit: string; readonly field: string; readonly text: string };
  childWithoutParent: { readonly unit: string };
  missingName: Record<string, never>;
  duplicateUnit: { readonly unit: string; readonly firstRow: number };
  emptyCount: { readonly unit: string; readonly field: CountField };
  notNumber: { readonly unit: string; readonly field: CountField; readonly text: string };
  negative: { readonly unit: string; readonly field: CountField; readonly value: number };
  notInteger: { readonly unit: string; readonly field: CountField; readonly value: number };
  tooLarge: { readonly unit: string; readonly field: CountField; readonly value: number };
  exceeds: {
    readonly unit: string;
    readonly field: CountField;
    readonly value: number;
    readonly limitField: CountField;
    readonly limit: number;
  };
  reworkExceedsDisposed: {
    readonly unit: string;
    readonly rework: number;
    readonly disposed: number;
  };
  noCases: { readonly unit: string };
  totalRowSkipped: { readonly text: string };
  hotlineCountUnreadable: { readonly unit: string; readonly text: string };
  nothingToEvaluate: { readonly unit: string; readonly field: CountField };
  /** A formula saved without its result: the file was written by a program, not by Excel. */
  formulaNoValue: { readonly unit: string; readonly field: CountField; readonly formula: string };
  /** An error value (#DIV/0!, #N/A, …) where a count belongs. */
  errorValue: { readonly unit: string; readonly field: CountField; readonly text: string };
  /** A number too large to hold (a value of thousands of digits): its start and its length. */
  hugeNumber: {
    readonly unit: string;
    readonly field: CountField;
    readonly text: string;
    readonly digits: number;
  };
  /** A cell the file marks as a number but whose content is none, or that could not be read. */
  unreadableCell: { readonly unit: string; readonly field: CountField; readonly text: string };
  /**
   * Text with characters a Word document or a workbook cannot hold (control characters,
   * U+FFFE/U+FFFF, lone surrogates): left out of the exported documents.
   */
  invalidCharacters: { readonly text: string; readonly characters: readonly string[] };
  /**
   * A count formatted as a date (2017-08-01 typed into it): counted as the number it holds
   * (42948), as office.js reads it, and said, since a date is rarely a count.
   */
  dateFormatted: {
    readonly unit: string;
    readonly field: CountField;
    readonly date: string;
    readonly value: number;
  };
  /**
   * [issue 18] A few cells holding values far beyond the rest of the sheet (A1048576 under a
   * table): not read. Their addresses (at most a few) and how many there are.
   */
  cellsOutsideTables: { readonly cells: readonly string[]; readonly count: number };
  /**
   * [issue 18] Merged areas overlapping an earlier one: read as not merged, and left out of the
   * annotated copy so that it opens. The first few, each with the area it overlaps; how many.
   */
  overlappingMerges: {
    readonly merges: readonly { readonly ref: string; readonly overlaps: string }[];
    readonly count: number;
  };
  /**
   * [issue 16] A workbook of several periods: the sheets read as this month, as last month,
   * and those not read. `previousGiven`: last month came from another workbook.
   */
  periodsRead: {
    readonly current: PeriodSheets;
    readonly previous: PeriodSheets | null;
    readonly unread: readonly PeriodSheets[];
    readonly previousGiven: boolean;
  };
  /** [issue 16] The sheet's name names one period and its title another: the name's is taken. */
  periodConflict: { readonly name: Period; readonly title: Period; readonly text: string };
  /** [issue 16] A sheet naming no period, in a workbook of several: read as this month's. */
  periodAssumed: { readonly period: Period };
  /**
   * [issue 16] A sheet naming no period whose units (`count`, the first `unit`) are also on a
   * dated sheet (`other`, of `period`): not read.
   */
  periodUnknownRepeats: {
    readonly unit: string;
    readonly count: number;
    readonly other: string;
    readonly period: Period | null;
  };
  /** [issue 16] Units of one period on two sheets (this one and `other`): counted twice. */
  unitInTwoSheets: {
    readonly unit: string;
    readonly count: number;
    readonly other: string;
    readonly period: Period | null;
  };
  /** [issue 16] The workbook's period before this one is not the month before it. */
  previousNotAdjacent: { readonly current: Period; readonly previous: Period };
  /**
   * [issue 16] A printed column the scheme has no formula for, checked with the formula found
   * from the table itself (“延期率 = 延期数 / 应结案数…，5行中5行吻合”).
   */
  formulaFromTable: { readonly table: string; readonly column: string; readonly statement: string };
}

export type DiagnosticCode = keyof DiagnosticParams;

export const SEVERITY: { readonly [K in DiagnosticCode]: Severity } = {
  emptySheet: 'info',
  noTableOnSheet: 'info',
  missingColumns: 'error',
  figuresUnavailable: 'warning',
  printedErrorValue: 'warning',
  childWithoutParent: 'warning',
  missingName: 'error',
  duplicateUnit: 'warning',
  emptyCount: 'error',
  notNumber: 'error',
  negative: 'error',
  notInteger: 'error',
  tooLarge: 'error',
  exceeds: 'error',
  reworkExceedsDisposed: 'warning',
  noCases: 'info',
  totalRowSkipped: 'info',
  hotlineCountUnreadable: 'warning',
  nothingToEvaluate: 'info',
  formulaNoValue: 'error',
  errorValue: 'error',
  hugeNumber: 'error',
  unreadableCell: 'error',
  invalidCharacters: 'warning',
  dateFormatted: 'warning',
  cellsOutsideTables: 'warning',
  overlappingMerges: 'warning',
  periodsRead: 'info',
  periodConflict: 'warning',
  periodAssumed: 'warning',
  periodUnknownRepeats: 'warning',
  unitInTwoSheets: 'warning',
  previousNotAdjacent: 'warning',
  formulaFromTable: 'warning',
};

export type Diagnostic = {
  [K in DiagnosticCode]: {
    readonly code: K;
    readonly severity: Severity;
    readonly sheet: string;
    /** A1 address of the cell at fault (the header cell for table-level problems). */
    readonly cell: string;
    /** 1-based sheet row of `cell`. */
    readonly row: number;
    readonly params: DiagnosticParams[K];
  };
}[DiagnosticCode];

export function diagnostic<K extends DiagnosticCode>(
  code: K,
  sheet: string,
  cell: string,
  row: number,
  params: DiagnosticParams[K],
): Diagnostic {
  return { code, severity: SEVERITY[code], sheet, cell, row, params } as Diagnostic;
}
