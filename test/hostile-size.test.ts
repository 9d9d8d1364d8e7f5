import { describe, expect, it } from 'vitest';
import { readWorkbookGrids, WorkbookReadError } from '../src/io/xlsx-read';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { bombXlsx, manyMerges } from './helpers/bomb-xlsx';

// Issue “Nothing lost, nothing crashes”, item 3: small files that used to exhaust memory.
describe('small hostile files are answered quickly', () => {
  it('refuses a value in XFD1048576 with the sheet and the range', async () => {
    const bytes = await bombXlsx({ farCell: 'XFD1048576' });
    expect(bytes.length).toBeLessThan(20_000);
    const e = await readWorkbookGrids(bytes).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).kind).toBe('tooBig');
    expect((e as WorkbookReadError).subjects).toEqual(['区', 'A1:XFD1048576']);
  });

  it('keeps a merge over J1:XFD1048576 as a range clipped to the grid', async () => {
    const [grid] = await readWorkbookGrids(await bombXlsx({ merges: ['J1:XFD1048576'] }));
    expect(grid!.values.length).toBe(5);
    expect(grid!.values.every((r) => r.length === 14)).toBe(true);
    expect(grid!.merges).toEqual([{ top: 0, left: 9, bottom: 4, right: 13 }]);
    expect(grid!.values[2]![9]).toBeNull();
  });

  it('reads 20,000 merged areas in a few seconds', async () => {
    const bytes = await bombXlsx({ merges: manyMerges(20_000) });
    const t0 = performance.now();
    const [grid] = await readWorkbookGrids(bytes);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(grid!.merges).toHaveLength(20_000);
    expect(grid!.values.length).toBe(20_000);
    expect(analyzeWorkbook([grid!]).units.filter((u) => u.evaluated)).toHaveLength(3);
  });

  it('keeps the merges of an ordinary table as before', async () => {
    const [grid] = await readWorkbookGrids(await bombXlsx({ merges: ['A1:N1', 'P8:Q9'] }));
    expect(grid!.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 13 },
      { top: 7, left: 15, bottom: 8, right: 16 },
    ]);
    expect(grid!.values.length).toBe(9);
    expect(grid!.values[0]!.length).toBe(17);
  });
});
