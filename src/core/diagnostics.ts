import type { CountField } from '../tables/columns';

export type Severity = 'error' | 'warning' | 'info';

/** Every kind of data problem the engine reports, with the facts its message needs. */
export interface DiagnosticParams {
  emptySheet: Record<string, never>;
  noTableOnSheet: Record<string, never>;
  missingColumns: { readonly table: string; readonly columns: readonly CountField[] };
  groupGuessed: { readonly table: string; readonly group: string };
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
}

export type DiagnosticCode = keyof DiagnosticParams;

export const SEVERITY: { readonly [K in DiagnosticCode]: Severity } = {
  emptySheet: 'info',
  noTableOnSheet: 'info',
  missingColumns: 'error',
  groupGuessed: 'warning',
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
