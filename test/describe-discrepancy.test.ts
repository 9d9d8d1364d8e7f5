import { describe, expect, it } from 'vitest';
import type { CellValue } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import { describeDiscrepancy } from '../src/report/describe';
import { FULL_HEADER, fullRow } from './helpers/grid';

/**
 * A sheet that keeps its rates as Excel percentages (0.9784, shown 97.84%, under headers without “(%)”): a wrong one is said
 * as the reader sees it in Excel, never as the binary fraction underneath (a corpus table's
 * 0.8945 was printed “表中为 0.8945000000000001，复核为 89.65”). Seed figures (samples/seed):
 * 台江区政府 按期结案率 97.84, 马尾区政府 85.63.
 */
function asFractions(row: CellValue[]): CellValue[] {
  return row.map((v, i) => ([9, 11].includes(i) && typeof v === 'number' ? v / 100 : v));
}

describe('a discrepancy in a column of Excel percentages', () => {
  it('prints both sides as percents', () => {
    const taijiang = asFractions(fullRow('台江区政府'));
    taijiang[11] = 0.8945 + 0.0001; // printed 89.46%, as floating point stores it
    const a = analyzeWorkbook([
      {
        name: 'S',
        values: [
          ['五城区综合评价表'],
          ['单位', ...FULL_HEADER.map((h) => h.replace(/[(（][%％][)）]/, ''))],
          taijiang,
          asFractions(fullRow('马尾区政府')),
        ],
      },
    ]);
    expect(a.discrepancies).toHaveLength(1);
    const line = describeDiscrepancy(a.discrepancies[0]!, zhCN, '—', a.printedScale);
    expect(line).toMatchObject({ cell: 'L3', printed: '89.46%', recomputed: '97.84%' });
    // Without the scales (a caller that has none), the cell as it is.
    expect(describeDiscrepancy(a.discrepancies[0]!, zhCN, '—').printed).toBe(String(taijiang[11]));
  });
});
