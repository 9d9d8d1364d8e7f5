import { cliZhCN } from '../src/i18n/cli';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/run';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import type * as XlsxRead from '../src/io/xlsx-read';
import {
  FAR_CELLS,
  FAR_GAP_COLS,
  FAR_GAP_ROWS,
  readWorkbookGrids,
  ValueExtent,
  withoutOverlaps,
} from '../src/io/xlsx-read';
import { measureWorkbook } from '../src/io/xlsx-size';
import { annotatedCopy, annotateWorkbook, CopyUnreadableError } from '../src/io/xlsx-write';
import { planWrites } from '../src/plan/write-plan';
import { describeDiagnostic } from '../src/report/describe';
import { bombXlsx } from './helpers/bomb-xlsx';
import { extrasXlsx, part, SPARKLINE_GROUP } from './helpers/hostile-xlsx';

// The re-read of the annotated copy made to fail on demand (the real reader otherwise).
const reread = vi.hoisted(() => ({ fail: null as string | null }));
vi.mock('../src/io/xlsx-read', async (importOriginal) => {
  const real = await importOriginal<typeof XlsxRead>();
  return {
    ...real,
    readCopyGrids: (data: Uint8Array) => {
      if (reread.fail !== null) return Promise.reject(new Error(reread.fail));
      return real.readCopyGrids(data);
    },
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-18-'));
});
afterEach(async () => {
  reread.fail = null;
  await rm(dir, { recursive: true, force: true });
});

/** The command line with stdout and stderr in one list, in the order they were printed. */
async function cli(argv: string[]) {
  const lines: string[] = [];
  const code = await runCli(argv, {
    out: (l) => lines.push(`out: ${l}`),
    err: (l) => lines.push(`err: ${l}`),
  });
  return { code, lines, err: lines.filter((l) => l.startsWith('err: ')).map((l) => l.slice(5)) };
}

async function plan(bytes: Uint8Array) {
  return planWrites(analyzeWorkbook(await readWorkbookGrids(bytes)));
}

/** A full ExcelJS load, merges and all: the load that says “Cannot merge already merged cells”. */
async function excelJsLoad(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Parsed with namespaces: throws on a prefix no declaration binds, or on malformed XML. */
function parseWithNamespaces(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** The names of a worksheet's children, in order. */
function sheetChildren(xml: string): string[] {
  const names: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  parser.on('opentag', (t) => {
    if (depth === 1) names.push(t.local);
    if (!t.isSelfClosing) depth++;
  });
  parser.on('closetag', (t) => {
    if (!t.isSelfClosing) depth--;
  });
  parser.write(xml).close();
  return names;
}

describe('overlapping merged areas in the sheet XML (issue 18)', () => {
  // W1:X2 and X2:Y3 share X2; the second W1:X2 is the same area again. Right of the
  // columns the copy adds (O:S).
  const merges = ['W1:X2', 'X2:Y3', 'AA1:AB1', 'W1:X2'];

  it('the fixture is the bug: ExcelJS cannot load it', async () => {
    await expect(excelJsLoad(await bombXlsx({ merges }))).rejects.toThrow(
      'Cannot merge already merged cells',
    );
  });

  it('reads them as Excel would keep them: the first of each overlap, the others named', async () => {
    const [grid] = await readWorkbookGrids(await bombXlsx({ merges }));
    expect(grid!.merges).toEqual([
      { top: 0, left: 22, bottom: 1, right: 23 },
      { top: 0, left: 26, bottom: 0, right: 27 },
    ]);
    expect(grid!.overlappingMerges).toEqual([
      { ref: 'X2:Y3', overlaps: 'W1:X2' },
      { ref: 'W1:X2', overlaps: 'W1:X2' },
    ]);
    const analysis = analyzeWorkbook([grid!]);
    expect(analysis.units.filter((u) => u.evaluated)).toHaveLength(3);
    const note = analysis.diagnostics.filter((d) => d.code === 'overlappingMerges');
    expect(note.map((d) => [d.sheet, d.cell, d.severity])).toEqual([['区', 'X2', 'warning']]);
    expect(describeDiagnostic(note[0]!, zhCN)).toBe(
      '合并单元格有重叠（X2:Y3 与 W1:X2；W1:X2 重复），Excel 不允许这样的合并；复核时按未合并读取，复核工作簿中已去掉后一个合并，以便能正常打开',
    );
  });

  it('the annotated copy keeps the first merges only, and ExcelJS loads it', async () => {
    const bytes = await bombXlsx({ merges });
    const out = await annotateWorkbook(bytes, await plan(bytes));
    const xml = await part(out, 'xl/worksheets/sheet1.xml');
    expect([...xml.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((m) => m[1])).toEqual([
      'W1:X2',
      'AA1:AB1',
    ]);
    const wb = await excelJsLoad(out);
    expect(wb.getWorksheet('区')!.getCell('S2').value).toBe('评价等级（复核）');
  });

  it('the command line writes a copy that opens, and the JSON says which merges overlapped', async () => {
    const book = join(dir, 'a.xlsx');
    await writeFile(book, await bombXlsx({ merges }));
    const r = await cli([
      'evaluate',
      book,
      '--out',
      join(dir, 'b.xlsx'),
      '--json',
      join(dir, 'a.json'),
    ]);
    expect(r.code).toBe(0);
    expect(r.err.filter((l) => /^(注意|错误)/.test(l))).toEqual([]);
    await excelJsLoad(await readFile(join(dir, 'b.xlsx')));
    const json = JSON.parse(await readFile(join(dir, 'a.json'), 'utf8')) as {
      diagnostics: { code: string; cell: string; message: string }[];
    };
    const d = json.diagnostics.find((x) => x.code === 'overlappingMerges');
    expect(d?.cell).toBe('X2');
    expect(d?.message).toContain('X2:Y3 与 W1:X2');
  });

  it('finds the first overlap in the file’s order, tall areas included', () => {
    const a = (top: number, left: number, bottom: number, right: number, ref: string) => ({
      top,
      left,
      bottom,
      right,
      ref,
    });
    const { kept, dropped } = withoutOverlaps([
      a(0, 9, 1048575, 16383, 'J1:XFD1048576'), // tall: checked one by one
      a(5, 0, 6, 1, 'A6:B7'),
      a(3, 0, 5, 0, 'A4:A6'), // its last row is A6's: an earlier area, found by its top row
      a(500, 10, 500, 11, 'K501:L501'), // inside the tall one
      a(7, 0, 7, 1, 'A8:B8'),
    ]);
    expect(kept.map((m) => m.ref)).toEqual(['J1:XFD1048576', 'A6:B7', 'A8:B8']);
    expect(dropped.map((d) => [d.merge.ref, d.overlaps.ref])).toEqual([
      ['A4:A6', 'A6:B7'],
      ['K501:L501', 'J1:XFD1048576'],
    ]);
  });

  it('checks 20,000 disjoint merges in milliseconds', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      top: i,
      left: 15,
      bottom: i,
      right: 16,
    }));
    const t0 = performance.now();
    expect(withoutOverlaps(many).kept).toHaveLength(20_000);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('the copy is read again before it is kept (issue 18)', () => {
  it('a copy the reader cannot read: nothing written, one line saying why', async () => {
    const book = join(dir, 'a.xlsx');
    await writeFile(book, await bombXlsx());
    reread.fail = 'Corrupted zip: missing 1 bytes';
    const out = join(dir, 'b.xlsx');
    const r = await cli(['evaluate', book, '--out', out, '--json', join(dir, 'a.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([cliZhCN.copyUnreadable(out, 'Corrupted zip: missing 1 bytes')]);
    expect(r.err[0]).toMatch(/^错误：未写出 .*b\.xlsx：复核工作簿生成后重新读取失败/);
    expect(await readdir(dir)).toEqual(['a.xlsx']);
  });

  it('the web page’s writer refuses it too, with the problem the panes show', async () => {
    const bytes = await bombXlsx();
    reread.fail = 'Cannot merge already merged cells';
    const e = await annotateWorkbook(bytes, await plan(bytes)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CopyUnreadableError);
    expect(
      zhCN.ui.problems[(e as CopyUnreadableError).key]((e as CopyUnreadableError).subjects),
    ).toBe(
      '复核工作簿生成后重新读取失败（Cannot merge already merged cells），未保存。原工作簿没有改动；可改用 Excel 加载项直接在原工作簿中写入复核列。',
    );
  });
});

describe('a stray value far below the tables (issue 18)', () => {
  it('A1048576: the same figures as without it, and a note naming the cell', async () => {
    const plain = await readWorkbookGrids(await bombXlsx());
    const t0 = performance.now();
    const far = await readWorkbookGrids(await bombXlsx({ farCell: 'A1048576' }));
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(far[0]!.values).toEqual(plain[0]!.values);
    expect(far[0]!.farCells).toEqual(['A1048576']);
    const [a, b] = [analyzeWorkbook(plain), analyzeWorkbook(far)];
    expect(b.units).toEqual(a.units);
    expect(b.discrepancies).toEqual(a.discrepancies);
    const note = b.diagnostics.filter((d) => !a.diagnostics.includes(d));
    expect(note.map((d) => [d.code, d.sheet, d.cell, d.severity])).toEqual([
      ['cellsOutsideTables', '区', 'A1048576', 'warning'],
    ]);
    expect(describeDiagnostic(note[0]!, zhCN)).toBe(
      'A1048576有内容，位于各表之外的远处（与其余内容隔着上千个空行或上百个空列），未读入；如是误输入，请删除（按 Ctrl+End 可找到）',
    );
  });

  it('the command line: exit 0, the note in the summary and the JSON, the cell kept in the copy', async () => {
    const book = join(dir, 'a.xlsx');
    await writeFile(book, await bombXlsx({ farCell: 'A1048576' }));
    const summary = await cli(['evaluate', book]);
    expect(summary.code).toBe(0);
    expect(summary.lines.join('\n')).toContain('区!A1048576  A1048576有内容，位于各表之外');
    const r = await cli([
      'evaluate',
      book,
      '--json',
      join(dir, 'a.json'),
      '--out',
      join(dir, 'b.xlsx'),
    ]);
    expect(r.code).toBe(0);
    const json = await readFile(join(dir, 'a.json'), 'utf8');
    expect(json).toContain('"cell":"A1048576","severity":"warning","code":"cellsOutsideTables"');
    const copy = await excelJsLoad(await readFile(join(dir, 'b.xlsx')));
    expect(copy.getWorksheet('区')!.getCell('A1048576').value).toBe(1);
  });

  it('the size check measures the box the reader reads', async () => {
    const bytes = await bombXlsx({ farCell: 'XFD1048576' });
    const size = await measureWorkbook(bytes);
    const [grid] = await readWorkbookGrids(bytes);
    expect([size!.sheets[0]!.rows, size!.sheets[0]!.cols]).toEqual([
      grid!.values.length,
      grid!.values[0]!.length,
    ]);
  });

  const extent = (cells: readonly (readonly [number, number])[]) => {
    const e = new ValueExtent();
    for (const [r, c] of cells) e.add(r, c);
    return [e.lastRow, e.lastCol];
  };
  const table: [number, number][] = [];
  for (let r = 1; r <= 5; r++) for (let c = 1; c <= 14; c++) table.push([r, c]);

  it('leaves out a few cells more than 1,000 empty rows or 100 empty columns away', () => {
    expect([FAR_GAP_ROWS, FAR_GAP_COLS, FAR_CELLS]).toEqual([1000, 100, 20]);
    // 1,000 empty rows between: still read; 1,001: far off.
    expect(extent([...table, [5 + 1001, 1]])).toEqual([1006, 14]);
    expect(extent([...table, [5 + 1002, 1]])).toEqual([5, 14]);
    expect(extent([...table, [1, 14 + 101]])).toEqual([5, 115]);
    expect(extent([...table, [1, 14 + 102]])).toEqual([5, 14]);
    // Several far places, 20 cells in all: all left out; 21: the 20 farthest left out.
    const far = (n: number) =>
      Array.from({ length: n }, (_, i) => [10_000 + i * 5_000, 1] as const);
    expect(extent([...table, ...far(20)])).toEqual([5, 14]);
    expect(extent([...table, ...far(21)])).toEqual([10_000, 14]);
    // 21 in one place: content, read (and refused if too big, as before).
    const block = Array.from({ length: 21 }, (_, i) => [1048556 + i, 1] as const);
    expect(extent([...table, ...block])).toEqual([1048576, 14]);
    // Cells in any order: 2800 alone at first, then 1000 joins the table, 1900 joins both.
    expect(
      extent([[1048576, 1], ...table.slice().reverse(), [2800, 2], [1000, 2], [1900, 2]]),
    ).toEqual([2800, 14]);
  });
});

describe('what ExcelJS does not keep, carried over or named (issue 18)', () => {
  it('the copy keeps the sparkline group, the x14 validation, protected range and ignored errors', async () => {
    const bytes = await extrasXlsx();
    // The fixture is the bug: ExcelJS alone drops the sparklines.
    const plainWb = await excelJsLoad(bytes);
    const plain = await part(
      new Uint8Array(await plainWb.xlsx.writeBuffer()),
      'xl/worksheets/sheet1.xml',
    );
    expect(plain).not.toContain('sparkline');
    const copy = await annotatedCopy(bytes, await plan(bytes));
    expect(copy.losses).toEqual([]);
    const xml = await part(copy.bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain(SPARKLINE_GROUP);
    expect(xml).toContain('<xm:f>名单!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>A3:A5</xm:sqref>');
    expect(xml).toContain('<protectedRange sqref="A3:A5" name="单位名称"/>');
    expect(xml).toContain('<ignoredError sqref="B3:N5" numberStoredAsText="1"/>');
    // In the schema's order (CT_Worksheet), with every prefix bound, xr2 ignorable.
    expect(sheetChildren(xml)).toEqual([
      'dimension',
      'sheetFormatPr',
      'cols',
      'sheetData',
      'protectedRanges',
      ...Array<string>(xml.match(/<conditionalFormatting /g)!.length).fill('conditionalFormatting'),
      'pageMargins',
      'pageSetup',
      'ignoredErrors',
      'extLst',
    ]);
    const zip = await JSZip.loadAsync(copy.bytes);
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)))
      parseWithNamespaces(await zip.file(name)!.async('string'));
    expect(/mc:Ignorable="([^"]*)"/.exec(xml)![1]!.split(' ')).toContain('xr2');
    // It opens, the user's cells and the new columns read back.
    const wb = await excelJsLoad(copy.bytes);
    expect(wb.getWorksheet('区')!.getCell('O2').value).toBe('返工率（复核）');
    const [before, after] = [await readWorkbookGrids(bytes), await readWorkbookGrids(copy.bytes)];
    expect(after[0]!.values.map((r) => r.slice(0, 14))).toEqual(before[0]!.values);
  });

  it('run on its own copy, keeps one sparkline group, not two', async () => {
    const bytes = await extrasXlsx();
    const once = await annotateWorkbook(bytes, await plan(bytes));
    const twice = await annotateWorkbook(once, await plan(once));
    const xml = await part(twice, 'xl/worksheets/sheet1.xml');
    expect(xml.match(/<x14:sparklineGroup /g)).toHaveLength(1);
    expect(xml.match(/<x14:dataValidation /g)).toHaveLength(1);
    expect(xml.match(/<protectedRanges>/g)).toHaveLength(1);
  });

  it('names what it cannot keep: a chart, a slicer (by relationship), custom XML', async () => {
    const bytes = await extrasXlsx({ chart: true, slicer: true, customXml: true });
    const copy = await annotatedCopy(bytes, await plan(bytes));
    expect(copy.losses).toEqual([
      { kind: 'chart', sheet: '区' },
      { kind: 'slicer', sheet: '区' },
      { kind: 'customXml', sheet: null },
    ]);
    const xml = await part(copy.bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('slicerList'); // its part is gone: not carried half
    expect(xml).toContain(SPARKLINE_GROUP);
  });

  it('names a form control Excel wraps in mc:AlternateContent, once', async () => {
    const bytes = await extrasXlsx({ controls: true });
    const copy = await annotatedCopy(bytes, await plan(bytes));
    expect(copy.losses).toEqual([{ kind: 'formControl', sheet: '区' }]);
    const xml = await part(copy.bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('AlternateContent');
    expect(xml).toContain(SPARKLINE_GROUP);
  });

  it('the command line says it before writing, in one line, and the JSON lists it', async () => {
    const book = join(dir, 'a.xlsx');
    await writeFile(book, await extrasXlsx({ chart: true, slicer: true, customXml: true }));
    const out = join(dir, 'b.xlsx');
    const json = join(dir, 'a.json');
    const r = await cli(['evaluate', book, '--out', out, '--json', json]);
    expect(r.code).toBe(0);
    const line = cliZhCN.copyLoses(out, [
      { what: '图表', sheets: ['区'] },
      { what: '切片器', sheets: ['区'] },
      { what: '自定义 XML 数据', sheets: [] },
    ]);
    expect(line).toBe(
      `注意：${out} 不保留原工作簿中的图表（区）、切片器（区）、自定义 XML 数据；如需保留，请用 Excel 加载项直接在原工作簿中写入复核列`,
    );
    expect(r.lines.indexOf(`err: ${line}`)).toBeGreaterThanOrEqual(0);
    expect(r.lines.indexOf(`err: ${line}`)).toBeLessThan(
      r.lines.indexOf(`out: ${cliZhCN.wroteJson(json)}`),
    );
    const doc = JSON.parse(await readFile(json, 'utf8')) as { annotatedCopyLosses: unknown };
    expect(doc.annotatedCopyLosses).toEqual([
      { kind: 'chart', sheet: '区', text: '图表' },
      { kind: 'slicer', sheet: '区', text: '切片器' },
      { kind: 'customXml', sheet: null, text: '自定义 XML 数据' },
    ]);
  });

  it('a workbook with nothing lost: no line, an empty list', async () => {
    const book = join(dir, 'a.xlsx');
    await writeFile(book, await readFile('samples/2017-08.xlsx'));
    const json = join(dir, 'a.json');
    const r = await cli(['evaluate', book, '--out', join(dir, 'b.xlsx'), '--json', json]);
    expect([r.code, r.err.filter((l) => /^(注意|错误)/.test(l))]).toEqual([0, []]);
    expect(JSON.parse(await readFile(json, 'utf8'))).toMatchObject({ annotatedCopyLosses: [] });
    // Without --out the JSON has no such key.
    await cli(['evaluate', book, '--json', json]);
    expect(JSON.parse(await readFile(json, 'utf8'))).not.toHaveProperty('annotatedCopyLosses');
  });
});
