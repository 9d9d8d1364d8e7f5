import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args';
import { runCli } from '../src/cli/run';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { summaryTemplate, TEMPLATE_SHEET_NAME } from '../src/summary/template';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-template-'));
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const template = summaryTemplate();

describe('tongbao template <out.xlsx>', () => {
  it('parses as its own command: one output, no option', () => {
    expect(parseArgs(['template', 'a.xlsx'])).toEqual({ command: 'template', out: 'a.xlsx' });
    expect(parseArgs(['template'])).toEqual({ error: 'usage' });
    expect(parseArgs(['template', 'a.xlsx', 'b.xlsx'])).toEqual({ error: 'usage' });
    expect(parseArgs(['template', 'a.xlsx', '--json'])).toEqual({
      error: 'unknownOption',
      option: '--json',
    });
  });

  it('writes the 通报数据 sheet: labels, widths, bold headings; read back, it is a summary sheet', async () => {
    const file = join(dir, 'nested', '通报数据.xlsx');
    const r = await cli('template', file);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(file);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(TEMPLATE_SHEET_NAME)!;
    expect(wb.worksheets.map((w) => w.name)).toEqual([TEMPLATE_SHEET_NAME]);
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual(template.columnWidths);
    expect(ws.getRow(template.headerRow + 1).values).toEqual([undefined, '指标', '本月', '上月']);
    for (const row of [template.titleRow, template.headerRow, ...template.headingRows])
      expect(ws.getCell(row + 1, 1).font?.bold, `row ${row + 1}`).toBe(true);
    expect(ws.getCell(template.figureRows['hotline.accepted']! + 1, 2).value).toBeNull();

    // As written: every label where the template has it, nothing in the value columns.
    const grids = await readWorkbookGrids(await readFile(file));
    expect(grids).toHaveLength(1);
    const values = grids[0]!.values;
    template.values.forEach((row, r) =>
      row.forEach((v, c) => expect(values[r]?.[c] ?? null, `${r},${c}`).toBe(v)),
    );
    const empty = analyzeWorkbook(grids);
    expect(empty.summary.diagnostics).toEqual([]);
    expect(empty.summary.figures).toEqual([]);

    // Two cells filled in by hand (in Excel, WPS…): those figures are read, from this sheet.
    const accepted = template.figureRows['hotline.accepted']! + 1;
    const events = template.figureRows['city.events']! + 1;
    ws.getCell(accepted, 2).value = 35275;
    ws.getCell(events, 2).value = 68234;
    const filled = join(dir, 'filled.xlsx');
    await writeFile(filled, new Uint8Array(await wb.xlsx.writeBuffer()));
    const analysis = analyzeWorkbook(await readWorkbookGrids(await readFile(filled)));
    expect(analysis.summary.sheets).toContain(TEMPLATE_SHEET_NAME);
    expect(analysis.summary.diagnostics).toEqual([]);
    const figure = (id: string) => analysis.summary.figures.find((f) => f.id === id);
    expect(figure('hotline.accepted')).toMatchObject({ value: 35275, sheet: TEMPLATE_SHEET_NAME });
    expect(figure('city.events')).toMatchObject({ value: 68234, sheet: TEMPLATE_SHEET_NAME });
    expect(analysis.summary.figures).toHaveLength(2);
  });

  it('never replaces a file that exists (it may be the user’s workbook), writing nothing', async () => {
    const file = join(dir, 'again.xlsx');
    await writeFile(file, 'the user’s workbook');
    const r = await cli('template', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('已存在');
    expect(await readFile(file, 'utf8')).toBe('the user’s workbook');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a wrong extension, a folder, a missing name, writing nothing', async () => {
    const json = join(dir, 'template.json');
    expect(await cli('template', json)).toMatchObject({ code: 1 });
    expect(existsSync(json)).toBe(false);
    expect((await cli('template', dir)).code).toBe(2);
    const usage = await cli('template');
    expect(usage.code).toBe(1);
    expect(usage.err).toContain('template <通报数据.xlsx>');
  });
});
