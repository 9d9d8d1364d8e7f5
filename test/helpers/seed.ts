import { loadSeed, type SeedEvaluationRow } from '../../scripts/sample-workbook';

export const seed = loadSeed();

/** The published value of a seed column, as printed in the bulletin. */
export function published(row: SeedEvaluationRow, column: string): number | string {
  const v = row[column];
  if (v === null || v === undefined) throw new Error(`seed row ${row.name} lacks ${column}`);
  return v;
}

export const COLUMN_OF_FIELD = {
  返工率: '返工率(%)',
  结案率: '结案率(%)',
  按期结案率: '按期结案率(%)',
} as const;
