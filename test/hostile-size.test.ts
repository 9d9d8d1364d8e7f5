import { cliZhCN } from '../src/i18n/cli';
import JSZip from 'jszip';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/run';
import { zhCN } from '../src/i18n/catalog';
import {
  checkWorkbookSize,
  isSizeChecked,
  readWorkbookGrids,
  WorkbookReadError,
} from '../src/io/xlsx-read';
import { measureWorkbook, SheetScanner } from '../src/io/xlsx-size';
import type * as XlsxSize from '../src/io/xlsx-size';
import { annotateWorkbook } from '../src/io/xlsx-write';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { planWrites } from '../src/plan/write-plan';
import { bombXlsx, manyMerges } from './helpers/bomb-xlsx';
import { mediaBomb, stylesBomb, withParts } from './helpers/big-xlsx';

// Every measurement counted (the real one runs), to see that --out scans the workbook once.
const measured = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/io/xlsx-size', async (importOriginal) => {
  const real = await importOriginal<typeof XlsxSize>();
  return {
    ...real,
    measureWorkbook: (...args: Parameters<typeof real.measureWorkbook>) => {
      measured.count++;
      return real.measureWorkbook(...args);
    },
  };
});

async function annotate(bytes: Uint8Array): Promise<Uint8Array> {
  return annotateWorkbook(bytes, planWrites(analyzeWorkbook(await readWorkbookGrids(bytes))));
}

async function sheetXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('xl/worksheets/sheet1.xml')!.async('string');
}

/** [issue 18] More far-off values than are left out as stray ones: 21 down to XFD1048576. */
const FAR_BLOCK = Array.from(
  { length: 21 },
  (_, i) => `<row r="${1048556 + i}"><c r="XFD${1048556 + i}"><v>1</v></c></row>`,
).join('');

// Issue “Nothing lost, nothing crashes”, item 3: small files that used to exhaust memory.
describe('small hostile files are answered quickly', () => {
  it('reads past a lone value in XFD1048576, naming it (issue 18)', async () => {
    const bytes = await bombXlsx({ farCell: 'XFD1048576' });
    const t0 = performance.now();
    const [grid] = await readWorkbookGrids(bytes);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect([grid!.values.length, grid!.values[0]!.length]).toEqual([5, 14]);
    expect(grid!.farCells).toEqual(['XFD1048576']);
  });

  it('refuses a block of values in XFD1048576 with the sheet and the range', async () => {
    const bytes = await bombXlsx({ rows: FAR_BLOCK });
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

  it('scans the XML alike whatever its chunks', () => {
    const text =
      '<worksheet xmlns:x="x"><dimension ref="A1"/><cols><col min="1" max="3"/></cols><sheetData>' +
      `<row r="2" spans="1:3"><c r="B2" t="s"><v>0</v></c><c r='$C$2'><f>1+1</f></c></row>` +
      `<row><c><v>1</v></c><c/><c t="inlineStr"><is><t>${'长文本'.repeat(40)}</t></is></c></row>` +
      '<x:row r="9"><x:c r="AB9" s="1"></x:c><x:c\nr = "D9"><x:v>2</x:v></x:c></x:row>' +
      // No address that is one: the cell after the one before (row 10, column A).
      '<row r="10"><c r="ABCD10"><v>1</v></c></row><row r="11"><c r="E11" t="s"></c></row>' +
      '</sheetData><extLst><x14:dataValidation><xm:f>$Z$99</xm:f></x14:dataValidation></extLst>' +
      '</worksheet>';
    const xml = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 5, 7, 11, 13, 64, xml.length]) {
      const scanner = new SheetScanner();
      for (let i = 0; i < xml.length; i += size) scanner.push(xml.slice(i, i + size));
      scanner.end();
      expect([scanner.maxRow, scanner.maxCol, scanner.cells, scanner.rowElements]).toEqual([
        10, 4, 9, 5,
      ]);
      expect(scanner.bytes).toBe(xml.length);
    }
  });

  it('holds no more than the start of a long tag cut between chunks', () => {
    const scan = (text: string, size: number) => {
      const xml = new TextEncoder().encode(text);
      const scanner = new SheetScanner();
      for (let i = 0; i < xml.length; i += size) scanner.push(xml.subarray(i, i + size));
      scanner.end();
      return [scanner.maxRow, scanner.maxCol, scanner.cells, scanner.rowElements];
    };
    const long =
      `<row r="7"><c r="F7" data="${'x'.repeat(200_000)}"/>` +
      `<c r="D7" data="${'y'.repeat(100_000)}"><v>1</v></c></row>`;
    for (const size of [1000, 4097, 65_536, 1 << 20])
      expect(scan(long, size)).toEqual([7, 4, 2, 1]);
    // A tag that never ends, 20 MB of it in 16 KB chunks: no copying it over and over.
    const t0 = performance.now();
    expect(scan(`<row><c r="A1" data="${'z'.repeat(20 << 20)}`, 16_384)).toEqual([0, 0, 0, 1]);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('measures alike with Node’s zlib and with jszip, as in a browser', async () => {
    const row = (r: number) =>
      `<row r="${r}"><c r="B${r}" t="inlineStr"><is><t>${'x'.repeat(r % 50)}</t></is></c>` +
      `<x:c r="Q${r}"><x:v>${r}</x:v></x:c><c r="Z${r}" s="1"/></row>`;
    const rows = Array.from({ length: 3000 }, (_, i) => row(i + 6)).join('');
    const bytes = await withParts(await bombXlsx({ rows }), {
      'xl/media/image1.png': new Uint8Array(100_000),
    });
    const inNode = await measureWorkbook(bytes);
    expect(inNode!.sheets[0]).toMatchObject({ rows: 3005, cols: 17, cells: 14 * 4 + 1 + 9000 });
    const noZlib = vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined);
    try {
      expect(await measureWorkbook(bytes)).toEqual(inNode);
      expect(noZlib).toHaveBeenCalled();
    } finally {
      noZlib.mockRestore();
    }
  });

  it('passes what is no zip, for ExcelJS to say why', async () => {
    const bytes = new TextEncoder().encode('not a zip');
    await expect(checkWorkbookSize(bytes)).resolves.toEqual({ data: bytes });
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

// Issue #11: ExcelJS reads every part of the zip whole, not the sheets only.
describe('the size pre-check of the other parts', () => {
  it('counts every part by what ExcelJS makes of it, and scans stray sheet parts', async () => {
    const stray =
      '<worksheet><sheetData><row r="3"><c r="C3"><v>1</v></c></row></sheetData></worksheet>';
    const bytes = await withParts(await bombXlsx(), {
      'xl/media/image1.png': new Uint8Array(1000),
      'xl/worksheets/sheet9.xml': new TextEncoder().encode(stray),
    });
    const size = await measureWorkbook(bytes);
    expect(size!.sheets.map((s) => [s.name, s.rows, s.cols])).toEqual([
      ['区', 5, 14],
      ['xl/worksheets/sheet9.xml', 3, 3],
    ]);
    const kinds = Object.fromEntries(size!.parts.map((p) => [p.path, [p.kind, p.bytes]]));
    expect(kinds['xl/media/image1.png']).toEqual(['buffer', 1000]);
    expect(kinds['xl/theme/theme1.xml']?.[0]).toBe('buffer');
    expect(kinds['xl/styles.xml']?.[0]).toBe('xml');
    expect(kinds['xl/sharedStrings.xml']?.[0]).toBe('xml');
  });

  it('lets 500,000 cell formats through (30 MB of styles: ExcelJS loads them in 1 s)', async () => {
    const bytes = await stylesBomb(500_000);
    await expect(checkWorkbookSize(bytes)).resolves.toEqual({ data: bytes });
  });

  it('refuses a styles part ExcelJS could not load, naming it, quickly', async () => {
    // 3.5 million cell formats: 207 MB of XML in 1.7 MB (5 million took ExcelJS 1 GB).
    const bytes = await stylesBomb(3_500_000);
    expect(bytes.length).toBeLessThan(2_000_000);
    const t0 = performance.now();
    const e = await readWorkbookGrids(bytes).catch((x: unknown) => x);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).kind).toBe('tooBig');
    expect((e as WorkbookReadError).subjects).toEqual(['', '', '', 'xl/styles.xml', '207']);
    expect(zhCN.ui.problems.tooBig((e as WorkbookReadError).subjects)).toBe(
      '工作簿中的部件“xl/styles.xml”解压后有 207 MB，数据量过大，无法在限定的时间和内存内读取。请删除不需要的图片、批注和单元格格式，或把数据拆分到几个较小的工作簿，保存后再选择。',
    );
    // The command line says it in one line, naming the file and the part.
    const dir = await mkdtemp(join(tmpdir(), 'tongbao-size-'));
    try {
      const file = join(dir, 'styles.xlsx');
      await writeFile(file, bytes);
      const err: string[] = [];
      const code = await runCli(['evaluate', file], { out: () => {}, err: (l) => err.push(l) });
      expect([code, err]).toEqual([2, [cliZhCN.partTooBig(file, 'xl/styles.xml', '207')]]);
      expect(err[0]).toContain('部件“xl/styles.xml”解压后有 207 MB');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a picture ExcelJS could not hold, naming it', async () => {
    const bytes = await mediaBomb(200);
    expect(bytes.length).toBeLessThan(1_000_000);
    const e = await readWorkbookGrids(bytes).catch((x: unknown) => x);
    expect((e as WorkbookReadError).subjects).toEqual(['', '', '', 'xl/media/image1.png', '200']);
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

  it('refuses a block of values in XFD1048576 as the reader does', async () => {
    const bytes = await bombXlsx({ rows: FAR_BLOCK });
    const e = await annotateWorkbook(bytes, { sheets: [] } as never).catch((x: unknown) => x);
    expect((e as WorkbookReadError).kind).toBe('tooBig');
    // Nor is it let through by another workbook's check, or by a look-alike of one.
    const other = await checkWorkbookSize(await bombXlsx());
    for (const checked of [other, { data: bytes }]) {
      expect(isSizeChecked(bytes, checked)).toBe(false);
      const again = await annotateWorkbook(
        bytes,
        { sheets: [] } as never,
        undefined,
        checked,
      ).catch((x: unknown) => x);
      expect((again as WorkbookReadError).kind).toBe('tooBig');
    }
  });

  it('scans the workbook once for a run with --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tongbao-size-'));
    try {
      const file = join(dir, 'a.xlsx');
      await writeFile(file, await bombXlsx());
      const before = measured.count;
      const code = await runCli(['evaluate', file, '--out', join(dir, 'b.xlsx')], {
        out: () => {},
        err: () => {},
      });
      expect(code).toBe(0);
      expect(measured.count - before).toBe(1);
      expect((await readWorkbookGrids(await readFile(join(dir, 'b.xlsx'))))[0]!.name).toBe('区');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
