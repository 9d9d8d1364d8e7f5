import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { recompute } from '../addin/excel/adapter';
import type { CellValue } from '../src/core/grid';
import { analyzeWorkbook, type Analysis } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import { readWorkbookGrids, WorkbookReadError } from '../src/io/xlsx-read';
import { describeDiagnostic } from '../src/report/describe';
import { FakeWorkbook } from './fake/excel-fake';
import { installFake } from './helpers/fake-host';
import { COUNT_HEADER, countRow } from './helpers/grid';
import { hostileXlsx, sharedStringCount } from './helpers/hostile-xlsx';

// Columns: A 区政府, B 应处置数, C 处置数, D 超期未处置数, E 超期处置数, F 返工数, G 应结案数,
// H 结案数, I 按期结案数. Row 3 台江区政府, row 4 马尾区政府 (5896 in C4, 5983 in G4).
const ROWS: CellValue[][] = [
  ['各区政府综合评价表'],
  ['区政府', ...COUNT_HEADER],
  countRow('台江区政府'),
  countRow('马尾区政府'),
];

async function evaluate(bytes: Uint8Array): Promise<Analysis> {
  return analyzeWorkbook(await readWorkbookGrids(bytes));
}

/** The diagnostics of one cell, as the user reads them. */
function messagesAt(a: Analysis, cell: string): string[] {
  return a.diagnostics.filter((d) => d.cell === cell).map((d) => describeDiagnostic(d, zhCN));
}

function unit(a: Analysis, name: string) {
  return a.units.find((u) => u.name === name)!;
}

describe('dates and date-formatted numbers', () => {
  it('a phone number in a date-formatted count is read as the number, reported as too large', async () => {
    const bytes = await hostileXlsx(ROWS, {
      dateFormatted: ['C4'],
      cells: { C4: '><v>13812345678</v>' },
    });
    const [grid] = await readWorkbookGrids(bytes);
    expect(grid!.values[3]![2]).toBe(13812345678);
    const a = await evaluate(bytes);
    expect(messagesAt(a, 'C4')).toEqual([
      '“马尾区政府”的“处置数”数值过大（13812345678），未参加评价',
    ]);
    expect(unit(a, '台江区政府').evaluated).toBe(true);
  });

  it('a phone number in a date-formatted note column does not stop the run', async () => {
    const rows = ROWS.map((r) => [...r]);
    rows[1]!.push('联系电话');
    const bytes = await hostileXlsx(rows, {
      dateFormatted: ['J3'],
      cells: { J3: '><v>13812345678</v>' },
    });
    const a = await evaluate(bytes);
    expect(a.units.filter((u) => u.evaluated)).toHaveLength(2);
  });

  it('a count formatted as a date is the count (as office.js gives it), said as a warning', async () => {
    const bytes = await hostileXlsx(ROWS, { dateFormatted: ['C3', 'G3'] });
    const [grid] = await readWorkbookGrids(bytes);
    expect(grid!.values[2]!.slice(1)).toEqual(countRow('台江区政府').slice(1));
    const a = await evaluate(bytes);
    expect(unit(a, '台江区政府').evaluated).toBe(true);
    // 6901 days after 1899-12-30 is 1918-11-22: the date Excel shows in C3.
    expect(
      a.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.severity, d.cell]),
    ).toEqual([
      ['warning', 'C3'],
      ['warning', 'G3'],
    ]);
    expect(messagesAt(a, 'C3')[0]).toContain(
      '日期格式（显示为 1918-11-22），已按其中的数字 6901 计',
    );
  });

  it('a real date is its serial number, in the 1900 and the 1904 date systems', async () => {
    for (const date1904 of [false, true]) {
      const rows = ROWS.map((r) => [...r]);
      rows[0]!.push('截至');
      const bytes = await hostileXlsx(rows, {
        date1904,
        dateFormatted: ['B1'],
        cells: { B1: '><v>42978</v>' },
      });
      const [grid] = await readWorkbookGrids(bytes);
      expect(grid!.values[0]![1]).toBe(42978);
    }
  });

  it('a fractional date-formatted number keeps its exact digits', async () => {
    const bytes = await hostileXlsx(ROWS, {
      dateFormatted: ['J3'],
      cells: { J3: '><v>98.51</v>' },
    });
    const [grid] = await readWorkbookGrids(bytes);
    expect(grid!.values[2]![9]).toBe(98.51);
  });
});

describe('error values and formulas', () => {
  it('an error value in a count says it is an error value', async () => {
    const bytes = await hostileXlsx(ROWS, {
      cells: { C4: 't="e"><v>#DIV/0!</v>', G4: 't="e"><f>1/0</f><v>#N/A</v>' },
    });
    const [grid] = await readWorkbookGrids(bytes);
    expect([grid!.values[3]![2], grid!.values[3]![6]]).toEqual(['#DIV/0!', '#N/A']);
    const a = await evaluate(bytes);
    expect(messagesAt(a, 'C4')).toEqual([
      '“马尾区政府”的“处置数”是错误值 #DIV/0!（公式出错），未参加评价',
    ]);
    expect(messagesAt(a, 'G4')).toEqual([
      '“马尾区政府”的“应结案数”是错误值 #N/A（公式出错），未参加评价',
    ]);
  });

  it('a formula saved without its result is not called empty', async () => {
    const bytes = await hostileXlsx(ROWS, { cells: { C4: '><f>B4-D4</f>' } });
    const [grid] = await readWorkbookGrids(bytes);
    expect(grid!.values[3]![2]).toBeNull();
    expect(grid!.notes?.get('3,2')).toEqual({ kind: 'formulaNoValue', formula: 'B4-D4' });
    const a = await evaluate(bytes);
    const [message] = messagesAt(a, 'C4');
    expect(message).toContain('公式没有缓存值');
    expect(message).toContain('=B4-D4');
    expect(message).not.toContain('为空');
    expect(unit(a, '马尾区政府').reason).toBe('invalidData');
  });

  it('shared formulas: the result when cached, the translated formula when not', async () => {
    const bytes = await hostileXlsx(ROWS, {
      cells: {
        C3: '><f t="shared" ref="C3:C4" si="0">B3-D3</f><v>6901</v>',
        C4: '><f t="shared" si="0"/>',
      },
    });
    const [grid] = await readWorkbookGrids(bytes);
    expect(grid!.values[2]![2]).toBe(6901);
    const a = await evaluate(bytes);
    expect(unit(a, '台江区政府').evaluated).toBe(true);
    expect(messagesAt(a, 'C4')[0]).toContain('=B4-D4');
  });

  it('formula results of every type read as their value', async () => {
    const rows = ROWS.map((r) => [...r]);
    rows[1]!.push('说明');
    const bytes = await hostileXlsx(rows, {
      cells: {
        C3: '><f>B3-D3-48</f><v>6901</v>',
        J3: 't="str"><f>"a"&amp;"b"</f><v>ab</v>',
        J4: 't="b"><f>TRUE()</f><v>1</v>',
      },
    });
    const [grid] = await readWorkbookGrids(bytes);
    expect([grid!.values[2]![2], grid!.values[2]![9], grid!.values[3]![9]]).toEqual([
      6901,
      'ab',
      true,
    ]);
  });
});

describe('text, booleans, hyperlinks', () => {
  it('rich text and hyperlinks are their plain text; a boolean count is not a number', async () => {
    const sst = await sharedStringCount(await hostileXlsx(ROWS));
    const bytes = await hostileXlsx(ROWS, {
      sharedStrings: ['<r><t>台江</t></r><r><rPr><b/></rPr><t>区政府</t></r>'],
      cells: { A3: `t="s"><v>${sst}</v>`, C4: 't="b"><v>1</v>' },
    });
    const a = await evaluate(bytes);
    expect(unit(a, '台江区政府').evaluated).toBe(true);
    expect(messagesAt(a, 'C4')).toEqual(['“马尾区政府”的“处置数”不是数字（true），未参加评价']);
  });

  it('a unit name with a hyperlink is its text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('区');
    ROWS.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
    ws.getCell('A3').value = { text: '台江区政府', hyperlink: 'https://example.org/' };
    const a = await evaluate(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(unit(a, '台江区政府').evaluated).toBe(true);
  });

  it('an inline string reads as Excel reads it: _x0041_ is “A”', async () => {
    const bytes = await hostileXlsx(ROWS, {
      cells: { A3: 't="inlineStr"><is><t>台江区政府_x0041_</t></is>' },
    });
    const [grid] = await readWorkbookGrids(bytes);
    expect(grid!.values[2]![0]).toBe('台江区政府A');
  });
});

describe('numbers no double holds', () => {
  const digits = '9'.repeat(100_000);

  it('a count of 100,000 digits is “数值过大”, with its length', async () => {
    const bytes = await hostileXlsx(ROWS, { cells: { C4: `><v>${digits}</v>` } });
    const a = await evaluate(bytes);
    expect(messagesAt(a, 'C4')).toEqual([
      `“马尾区政府”的“处置数”数值过大（${'9'.repeat(20)}…，共 100000 位），未参加评价`,
    ]);
  });

  it('the same digits typed as text are “数值过大” too, not “Infinity”', async () => {
    const sst = await sharedStringCount(await hostileXlsx(ROWS));
    const bytes = await hostileXlsx(ROWS, {
      sharedStrings: [`<t>${digits}</t>`],
      cells: { C4: `t="s"><v>${sst}</v>` },
    });
    const [message] = messagesAt(await evaluate(bytes), 'C4');
    expect(message).toContain('数值过大');
    expect(message).toContain('共 100000 位');
    expect(message).not.toContain('Infinity');
  });

  it('a text of 100,000 characters in a count is shown shortened', async () => {
    const sst = await sharedStringCount(await hostileXlsx(ROWS));
    const bytes = await hostileXlsx(ROWS, {
      sharedStrings: [`<t>${'未'.repeat(100_000)}</t>`],
      cells: { C4: `t="s"><v>${sst}</v>` },
    });
    const [message] = messagesAt(await evaluate(bytes), 'C4');
    expect(message!.length).toBeLessThan(100);
  });

  it('1e999 is too large, “abc” in a number cell is not a number: no crash, no NaN', async () => {
    const bytes = await hostileXlsx(ROWS, {
      cells: { C4: '><v>1e999</v>', G4: '><v>abc</v>', C3: '><v>-1E+999</v>' },
    });
    const a = await evaluate(bytes);
    expect(messagesAt(a, 'C4')).toEqual(['“马尾区政府”的“处置数”数值过大（1e999），未参加评价']);
    expect(messagesAt(a, 'G4')).toEqual([
      '“马尾区政府”的“应结案数”在文件中标为数字，内容却不是数字（abc），未参加评价',
    ]);
    expect(messagesAt(a, 'C3')[0]).toContain('数值过大');
    expect(JSON.stringify(a.units)).not.toMatch(/NaN|Infinity/);
  });
});

describe('files ExcelJS itself cannot load', () => {
  it('a shared string index out of range is a WorkbookReadError with one line', async () => {
    const bytes = await hostileXlsx(ROWS, { cells: { A3: 't="s"><v>999</v>' } });
    const error = await readWorkbookGrids(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as Error).message).toMatch(/^ExcelJS could not read the workbook: [^\n]+$/);
  });
});

describe('the command line, the web page and the add-in agree on the same workbook', () => {
  it('gives the same grid and the same analysis as office.js values', async () => {
    const rows = ROWS.map((r) => [...r]);
    rows[1]!.push('说明');
    const bytes = await hostileXlsx(rows, {
      dateFormatted: ['C3', 'G3', 'J3'],
      cells: {
        C4: 't="e"><v>#DIV/0!</v>',
        G4: 't="e"><f>1/0</f><v>#N/A</v>',
        J3: '><v>13812345678</v>',
        J4: 't="b"><v>0</v>',
      },
    });
    // What office.js returns in `values` for these cells: serial numbers for dates, the error
    // text for errors, booleans as booleans.
    const officeValues: CellValue[][] = rows.map((r) => [...r]);
    while (officeValues[0]!.length < 10) officeValues[0]!.push('');
    officeValues[2]![9] = 13812345678;
    officeValues[3]![2] = '#DIV/0!';
    officeValues[3]![6] = '#N/A';
    officeValues[3]![9] = false;

    const [grid] = await readWorkbookGrids(bytes);
    const fromFile = grid!.values.map((r) => r.map((v) => v ?? ''));
    expect(fromFile).toEqual(
      officeValues.map((r) => {
        const out = r.map((v) => v ?? '');
        while (out.length < 10) out.push('');
        return out;
      }),
    );

    const fake = new FakeWorkbook();
    fake.addSheet('区', officeValues);
    // The same cells formatted as dates, as Excel holds them (`numberFormat`).
    for (const a of ['C3', 'G3', 'J3']) fake.setNumberFormat('区', a, 'yyyy-mm-dd');
    installFake(fake);
    const inAddin = (await recompute()).analysis;
    const fromXlsx = analyzeWorkbook([grid!]);
    const summary = (a: Analysis) => ({
      units: a.units.map((u) => [u.name, u.evaluated, u.reason, u.counts, u.figures]),
      diagnostics: a.diagnostics.map((d) => [d.sheet, d.cell, d.code, describeDiagnostic(d, zhCN)]),
    });
    // The same units, figures and diagnostics: the counts formatted as dates (C3, G3) are a
    // warning in both, with the same date; J3 (说明, no count) is no warning in either.
    expect(summary(inAddin)).toEqual(summary(fromXlsx));
    expect(summary(inAddin).diagnostics.map((d) => [d[1], d[2]])).toEqual([
      ['C3', 'dateFormatted'],
      ['G3', 'dateFormatted'],
      ['C4', 'errorValue'],
      ['G4', 'errorValue'],
    ]);
  });
});
