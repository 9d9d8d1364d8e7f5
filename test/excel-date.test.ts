import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { recompute } from '../addin/excel/adapter';
import { isDateFormat } from '../src/core/excel-date';
import type { CellValue } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { FakeWorkbook } from './fake/excel-fake';
import { installFake } from './helpers/fake-host';
import { COUNT_HEADER, countRow } from './helpers/grid';

// [issue 18] Which number formats show a date or time: the rule the command line's reader and
// the add-in share (src/core/excel-date.ts), and both readers following it.
const CASES: readonly (readonly [string, boolean])[] = [
  ['General', false],
  ['0', false],
  ['0.00%', false],
  ['#,##0', false],
  ['@', false],
  ['yyyy-mm-dd', true],
  ['m/d/yy', true],
  ['[$-804]yyyy"年"m"月"d"日"', true],
  ['h:mm', true],
  ['[h]:mm:ss', true],
  ['"d"0', false], // a quoted d is text
  ['[Red]0', false], // a colour is no code
  ['0\\d', false], // an escaped d is text (ExcelJS alone would read a date)
  ['#,##0_);[Red](#,##0)', false],
  ['[h]', true], // elapsed hours
  ['DD/MM/YYYY', true],
  ['YYYY', true],
];

describe('a number format shows a date or time', () => {
  it.each(CASES)('%s: %s', (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });
});

// 台江区政府's 处置数 (6901) in C3, formatted each way.
const ROWS: CellValue[][] = [
  ['各区政府综合评价表'],
  ['区政府', ...COUNT_HEADER],
  countRow('台江区政府'),
  countRow('马尾区政府'),
];

async function fileWith(format: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('区');
  ROWS.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  ws.getCell('C3').numFmt = format;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const dateCells = (a: { diagnostics: readonly { code: string; cell: string }[] }) =>
  a.diagnostics.filter((d) => d.code === 'dateFormatted').map((d) => d.cell);

describe('the command line and the add-in say the same of a count so formatted', () => {
  // Left out: the rare formats ExcelJS (the command line's reader) decides otherwise (see
  // `isDateFormat`): an escaped d, elapsed time alone, uppercase codes other than M.
  const apart = new Set(['0\\d', '[h]', 'YYYY']);
  it.each(CASES.filter(([f]) => !apart.has(f)))('%s (a date: %s)', async (format, date) => {
    const cli = analyzeWorkbook(await readWorkbookGrids(await fileWith(format)));
    const fake = new FakeWorkbook();
    fake.addSheet('区', ROWS);
    fake.setNumberFormat('区', 'C3', format);
    installFake(fake);
    const addin = (await recompute()).analysis;
    expect(dateCells(cli)).toEqual(date ? ['C3'] : []);
    expect(dateCells(addin)).toEqual(dateCells(cli));
    expect(addin.diagnostics).toEqual(cli.diagnostics);
    expect(addin.units).toEqual(cli.units);
  });
});
