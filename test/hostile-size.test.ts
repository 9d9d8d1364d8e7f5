import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { checkWorkbookSize, readWorkbookGrids, WorkbookReadError } from '../src/io/xlsx-read';
import { measureWorkbook } from '../src/io/xlsx-size';
import { annotateWorkbook } from '../src/io/xlsx-write';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { planWrites } from '../src/plan/write-plan';
import { bombXlsx, manyMerges } from './helpers/bomb-xlsx';

async function annotate(bytes: Uint8Array): Promise<Uint8Array> {
  return annotateWorkbook(bytes, planWrites(analyzeWorkbook(await readWorkbookGrids(bytes))));
}

async function sheetXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('xl/worksheets/sheet1.xml')!.async('string');
}

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

// Items 3 and 8: the size pre-check, before ExcelJS, and the annotated copy (--out).
describe('the size pre-check', () => {
  it('measures the box of the cells holding values, not of styled empty cells', async () => {
    const bytes = await bombXlsx({
      rows:
        '<row r="40"><c r="Z40" s="1"/><c r="C40"></c></row>' +
        '<row><c><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c><x:c r="AB41"><x:f>1+1</x:f></x:c></row>',
    });
    const size = await measureWorkbook(bytes);
    expect(size!.sheets).toHaveLength(1);
    const sheet = size!.sheets[0]!;
    expect([sheet.name, sheet.rows, sheet.cols]).toEqual(['区', 41, 28]);
    expect(sheet.cells).toBe(1 + 14 * 4 + 2 + 3); // the table, then rows 40 and 41
  });

  it('passes what is no zip, for ExcelJS to say why', async () => {
    await expect(checkWorkbookSize(new TextEncoder().encode('not a zip'))).resolves.toBe(undefined);
  });

  it('refuses more cells than ExcelJS loads within the budget, naming the sheet and count', async () => {
    // 2.5 million styled empty cells: no value anywhere, but each one an ExcelJS object.
    const row = '<row>' + '<c s="1"/>'.repeat(14) + '</row>';
    const bytes = await bombXlsx({ rows: row.repeat(180_000) });
    expect(bytes.length).toBeLessThan(1_000_000);
    const t0 = performance.now();
    const e = await readWorkbookGrids(bytes).catch((x: unknown) => x);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).kind).toBe('tooBig');
    expect((e as WorkbookReadError).subjects[0]).toBe('区');
    expect((e as WorkbookReadError).subjects[2]).toMatch(/^\d+\+?$/);
  });
});

describe('the annotated copy (--out) of hostile files', () => {
  it('keeps a merge over J1:XFD1048576 as its range, quickly', async () => {
    const bytes = await bombXlsx({ merges: ['J1:XFD1048576'] });
    const t0 = performance.now();
    const out = await annotate(bytes);
    expect(performance.now() - t0).toBeLessThan(5_000);
    const xml = await sheetXml(out);
    expect(xml.match(/<mergeCell ref="J1:XFD1048576"\/>/g)).toHaveLength(1);
    expect(xml).toMatch(/<\/sheetData><mergeCells count="1">/);
    const [grid] = await readWorkbookGrids(out);
    expect(grid!.merges?.[0]).toMatchObject({ top: 0, left: 9 });
  });

  it('keeps 20,000 merged areas, in a few seconds', async () => {
    const bytes = await bombXlsx({ merges: manyMerges(20_000) });
    const t0 = performance.now();
    const out = await annotate(bytes);
    expect(performance.now() - t0).toBeLessThan(8_000);
    expect((await sheetXml(out)).match(/<mergeCell /g)).toHaveLength(20_000);
  });

  it('refuses a value in XFD1048576 as the reader does', async () => {
    const bytes = await bombXlsx({ farCell: 'XFD1048576' });
    const e = await annotateWorkbook(bytes, { sheets: [] } as never).catch((x: unknown) => x);
    expect((e as WorkbookReadError).kind).toBe('tooBig');
  });
});
