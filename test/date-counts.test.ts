import ExcelJS from 'exceljs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { excelDate } from '../src/io/xlsx-read';
import type { EvaluationJson } from '../src/report/json';

const SAMPLE = 'samples/2017-08.xlsx';
const SHEET = '数字城管综合评价表';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-date-counts-'));
});

/** The sample with some cells of the evaluation sheet changed, saved as `name`. */
async function sampleWith(name: string, change: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  change(wb.getWorksheet(SHEET)!);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function evaluateJson(file: string): Promise<EvaluationJson> {
  const json = join(dir, `${file.split('/').pop()!}.json`);
  const err: string[] = [];
  const code = await runCli(['evaluate', file, '--json', json], {
    out: () => undefined,
    err: (l) => err.push(l),
  });
  expect(err).toEqual([]);
  expect(code).toBe(0);
  return JSON.parse(await readFile(json, 'utf8')) as EvaluationJson;
}

const dateNotes = (j: EvaluationJson) => j.diagnostics.filter((d) => d.code === 'dateFormatted');

describe('a date typed into a count cell', () => {
  it('is a warning naming the sheet, the cell, the date and the number counted', async () => {
    // F7: 晋安区政府's 返工数 (27) typed as the date 2017-08-01, which Excel keeps as 42948.
    const file = await sampleWith('date-typed.xlsx', (ws) => {
      const cell = ws.getCell('F7');
      cell.value = new Date(Date.UTC(2017, 7, 1));
      cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
    });
    const json = await evaluateJson(file);
    expect(dateNotes(json)).toEqual([
      {
        sheet: SHEET,
        cell: 'F7',
        severity: 'warning',
        code: 'dateFormatted',
        message:
          '“晋安区政府”的“返工数”单元格是日期格式（显示为 2017-08-01），已按其中的数字 42948 计；如是误输入，请改为案件数并设为“常规”格式',
      },
    ]);
    // Counted as the number it holds, as office.js reads it: the same figures as a workbook
    // holding the plain number 42948 there.
    const plain = await evaluateJson(
      await sampleWith('number-typed.xlsx', (ws) => {
        ws.getCell('F7').value = 42948;
      }),
    );
    expect(json.units).toEqual(plain.units);
    const unit = json.units.find((u) => u.name === '晋安区政府')!;
    expect(unit.counts.返工数).toBe(42948);
    expect(dateNotes(plain)).toEqual([]);
  });

  it('changes no figure when a true count is only formatted as a date', async () => {
    const original = await evaluateJson(SAMPLE);
    const json = await evaluateJson(
      await sampleWith('date-formatted.xlsx', (ws) => {
        // 台江区政府's 处置数, 6901. A style of its own: ExcelJS shares one among cells.
        const cell = ws.getCell('C6');
        cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
      }),
    );
    expect(json.units).toEqual(original.units);
    expect(json.discrepancies).toEqual(original.discrepancies);
    // 6901 days after 1899-12-30: 1918-11-22, the date Excel shows.
    expect(dateNotes(json).map((d) => [d.cell, d.message])).toEqual([
      [
        'C6',
        '“台江区政府”的“处置数”单元格是日期格式（显示为 1918-11-22），已按其中的数字 6901 计；如是误输入，请改为案件数并设为“常规”格式',
      ],
    ]);
    expect(json.diagnostics.filter((d) => d.code !== 'dateFormatted')).toEqual(
      original.diagnostics,
    );
  });

  it('says nothing of a date outside the counts (a title row’s 截至 date)', async () => {
    const json = await evaluateJson(
      await sampleWith('title-date.xlsx', (ws) => {
        const cell = ws.getCell('C4');
        cell.value = new Date(Date.UTC(2017, 7, 31));
        cell.style = { ...cell.style, numFmt: 'yyyy-mm-dd' };
      }),
    );
    expect(dateNotes(json)).toEqual([]);
  });
});

describe('the date a note shows is the one Excel shows', () => {
  it.each([
    [42948, false, '2017-08-01'],
    [42948.5, false, '2017-08-01 12:00'],
    [61, false, '1900-03-01'],
    // Excel's 1900 system counts a 29 February 1900 that never was, and shows 0 as 1900-01-00.
    [60, false, '1900-02-29'],
    [59, false, '1900-02-28'],
    [1, false, '1900-01-01'],
    [0, false, '1900-01-00'],
    [0, true, '1904-01-01'],
    [41486, true, '2017-08-01'],
    [2958465, false, '9999-12-31'],
    [2958466, false, null],
    [-1, false, null],
  ] as const)('%s (1904: %s) shows %s', (serial, is1904, shown) => {
    expect(excelDate(serial, is1904)).toBe(shown);
  });
});
