import { BULLETIN_COLUMNS, COUNT_FIELDS, printedHeader } from '../../src/tables/columns';
import type { CellValue } from '../../src/core/grid';

export const FULL_HEADER = BULLETIN_COLUMNS.map((f) => printedHeader(f));

/** Counts of real units from the August 2017 bulletin, with their published figures. */
export const UNITS = {
  台江区政府: {
    counts: [6949, 6901, 12, 137, 61, 6913, 6901, 6764],
    printed: [0.88, 99.83, 97.84, 98.88, 'A'],
  },
  马尾区政府: {
    counts: [6006, 5896, 87, 773, 187, 5983, 5896, 5123],
    printed: [3.17, 98.55, 85.63, 93.81, 'A'],
  },
  连江县政府: {
    counts: [1053, 1053, 0, 0, 0, 1053, 1052, 1052],
    printed: [0, 99.91, 99.91, 99.96, 'A'],
  },
  市公安局: {
    counts: [221, 214, 6, 0, 10, 220, 214, 214],
    printed: [4.67, 97.27, 97.27, 96.3, 'A'],
  },
  本局: { counts: [7, 0, 6, 0, 0, 6, 0, 0], printed: [0, 0, 0, 0, 'E'] },
  市交警支队: {
    counts: [214, 214, 0, 0, 10, 214, 214, 214],
    printed: [4.67, 100, 100, 97.67, 'A'],
  },
  市红星农场: { counts: [4, 4, 0, 2, 4, 4, 4, 2], printed: [100, 100, 50, 35, 'E'] },
} as const;

export type UnitKey = keyof typeof UNITS;

/** A data row in FULL_HEADER order: counts and printed figures interleaved as sheets print them. */
export function fullRow(name: string, key: UnitKey = name as UnitKey): CellValue[] {
  const { counts: c, printed: p } = UNITS[key];
  return [name, c[0], c[1], c[2], c[3], c[4], p[0], c[5], c[6], p[1], c[7], p[2], p[3], p[4]];
}

/** A data row with counts only (a sheet that lacks the computed columns). */
export function countRow(name: string, key: UnitKey = name as UnitKey): CellValue[] {
  return [name, ...UNITS[key].counts];
}

export const COUNT_HEADER: string[] = [...COUNT_FIELDS];

/** Shift a block of rows right by `cols` empty cells. */
export function indent(rows: CellValue[][], cols: number): CellValue[][] {
  return rows.map((r) => [...Array<CellValue>(cols).fill(''), ...r]);
}
