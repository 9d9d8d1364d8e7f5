import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids, WorkbookReadError } from '../src/io/xlsx-read';

describe('reading .xlsx into grids', () => {
  it('gives values as an add-in sees them: formula results, plain rich text, empty merged cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = {
      richText: [{ text: '市' }, { text: '公安局', font: { bold: true } }],
    };
    ws.getCell('B1').value = { formula: 'C1*2', result: 14 };
    ws.getCell('C1').value = 7;
    ws.getCell('A2').value = '下属单位';
    ws.mergeCells('A2:A3');
    ws.getCell('B3').value = { error: '#DIV/0!' };
    const [grid] = await readWorkbookGrids(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(grid).toEqual({
      name: '表',
      values: [
        ['市公安局', 14, 7],
        ['下属单位', null, null],
        [null, '#DIV/0!', null],
      ],
      merges: [{ top: 1, left: 0, bottom: 2, right: 0 }],
      // B1 holds a formula: its cell is the user's even where its result is "".
      formulas: new Set(['0,1']),
    });
  });

  it('throws WorkbookReadError on bytes that are not a workbook', async () => {
    await expect(readWorkbookGrids(new TextEncoder().encode('not a zip'))).rejects.toBeInstanceOf(
      WorkbookReadError,
    );
  });
});
