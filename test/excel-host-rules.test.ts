/**
 * The adapter against the host rules real Excel enforces (each encoded in the fake and tested
 * there, test/excel-fake.test.ts): hidden and protected sheets, more than 512 merged areas,
 * the 5,000,000-cell read limit, 5 MB payloads, cell-edit mode, a read-only workbook, a write
 * that fails part way.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { recompute, selectCell } from '../addin/excel/adapter';
import {
  HiddenSheetError,
  HostError,
  ProtectedSheetsError,
  ReadOnlyWorkbookError,
  problemText,
} from '../addin/taskpane/errors';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { FAR_CELLS, FAR_GAP_COLS, FAR_GAP_ROWS, MAX_READ_CELLS } from '../addin/excel/read';
import { columnIndex } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { zhCN } from '../src/i18n/catalog';
import {
  FAR_CELLS as CLI_FAR_CELLS,
  FAR_GAP_COLS as CLI_FAR_GAP_COLS,
  FAR_GAP_ROWS as CLI_FAR_GAP_ROWS,
  MAX_GRID_CELLS,
  readWorkbookGrids,
} from '../src/io/xlsx-read';
import { describeDiagnostic } from '../src/report/describe';
import type { FakeWorkbook } from './fake/excel-fake';
import { CELL_READ_LIMIT, REQUEST_LIMIT } from './fake/excel-fake';
import { fakeFromXlsx, installFake } from './helpers/fake-host';

const SHEET = '数字城管综合评价表';
const HOTLINE = '12345平台运行情况表';
/** Columns O..T of SHEET: the bands the add-in writes for its five tables. */
const OWN = new Set([14, 15, 16, 17, 18, 19]);
let fake: FakeWorkbook;

beforeEach(async () => {
  fake = await fakeFromXlsx('samples/2017-08.xlsx');
  installFake(fake);
});

/** Every cell and rule of the workbook, to compare two workbooks whole. */
function state(f: FakeWorkbook) {
  return {
    cells: f.snapshot(),
    rules: JSON.stringify(f.sheets.map((s) => s.conditionalFormats)),
  };
}

/** The user's cells: everything but the add-in's own columns on SHEET. */
function userCells(f: FakeWorkbook) {
  const snap = f.snapshot();
  for (const k of Object.keys(snap[SHEET]!))
    if (OWN.has(Number(k.split(',')[1]))) delete snap[SHEET]![k];
  return snap;
}

const units = (r: Awaited<ReturnType<typeof recompute>>) =>
  r.analysis.units.map((u) => [u.parent, u.name, u.figures.综合指标值]);

describe('hidden and very hidden sheets', () => {
  it('are not evaluated, not written, and named for the pane', async () => {
    const copy = fake.sheet(SHEET);
    fake.addSheet('旧表', [], copy.merges).cells = new Map(copy.cells);
    fake.sheet('旧表').visibility = 'Hidden';
    fake.addSheet('底稿', [['应处置数'], [1]]).visibility = 'VeryHidden';
    const before = fake.snapshot();
    const result = await recompute();
    expect(result.hiddenSheets).toEqual(['旧表', '底稿']);
    expect(result.analysis.tables.every((t) => t.sheet !== '旧表')).toBe(true);
    expect(result.analysis.diagnostics.every((d) => d.sheet !== '旧表' && d.sheet !== '底稿')).toBe(
      true,
    );
    expect(fake.snapshot()['旧表']).toEqual(before['旧表']);
    expect(fake.sheet('旧表').conditionalFormats).toEqual([]);
    expect(result.wrote).toBe(true);
    expect(fake.syncs).toBe(3);
    expect(zhCN.ui.hiddenSkipped(result.hiddenSheets)).toBe(
      '已跳过隐藏的工作表：旧表、底稿（不复核，也不写入）。',
    );
  });

  it('are never activated: selecting a cell there is refused with a message', async () => {
    fake.sheet(HOTLINE).visibility = 'Hidden';
    fake.active = SHEET;
    const refused = await selectCell(HOTLINE, 'B3').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HiddenSheetError);
    expect(fake.active).toBe(SHEET);
    expect(fake.selected).toBeNull();
    expect(problemText(zhCN.ui, refused)).toContain(`工作表“${HOTLINE}”已隐藏`);
    const gone = await selectCell('已删除', 'A1').catch((e: unknown) => e);
    expect(gone).toMatchObject({ key: 'itemNotFound' });
    await selectCell(SHEET, 'L62');
    expect([fake.active, fake.selected]).toEqual([SHEET, `${SHEET}!L62`]);
  });
});

describe('a protected sheet', () => {
  it('whose tables need columns: the whole write is refused before anything is written, the sheet named', async () => {
    fake.sheet(SHEET).protected = true;
    const before = state(fake);
    const result = await recompute();
    expect(result.wrote).toBe(false);
    expect(result.writeProblem?.error).toBeInstanceOf(ProtectedSheetsError);
    expect(result.writeProblem).toMatchObject({ written: [] });
    expect(result.writeProblem?.notWritten).toHaveLength(5);
    expect(state(fake)).toEqual(before);
    // The list, the values, the count columns' number formats (issue 18): no write request
    // was even sent.
    expect(fake.syncs).toBe(3);
    expect(result.analysis.discrepancies).toHaveLength(1); // the results are still shown
    expect(problemText(zhCN.ui, result.writeProblem!.error)).toContain(
      `未做任何修改：工作表“${SHEET}”受保护`,
    );
  });

  it('with no table to write on it does not stop the write', async () => {
    fake.sheet(HOTLINE).protected = true;
    const result = await recompute();
    expect(result).toMatchObject({ wrote: true, writeProblem: null });
  });
});

/** The merged areas the engine saw on SHEET, sheet coordinates, in one order. */
const sheetMerges = (r: Awaited<ReturnType<typeof recompute>>) => {
  const grid = r.analysis.tables.find((t) => t.sheet === SHEET)!.grid;
  const o = grid.origin ?? { row: 0, col: 0 };
  return (grid.merges ?? [])
    .map((m) => `${m.top + o.row},${m.left + o.col}:${m.bottom + o.row},${m.right + o.col}`)
    .sort();
};

describe('more than 512 merged areas (getMergedAreasOrNullObject fails above 512)', () => {
  it('600 merged pairs beside the tables: the merges are read in row bands, the results are as without them', async () => {
    const clean = await recompute();
    const written = state(fake).cells[SHEET];
    const cleanMerges = sheetMerges(clean);
    // The sample's own: the title, and the 下属单位 labels merged over their sub-units' rows
    // (A25:A26 …), which give those rows their parent.
    expect(cleanMerges).toContain('24,0:25,0');
    expect(cleanMerges.length).toBeGreaterThan(15);
    const parents = units(clean).filter(([parent]) => parent !== null);
    expect(parents.length).toBeGreaterThan(5);
    fake = await fakeFromXlsx('samples/2017-08.xlsx');
    installFake(fake);
    // 8 merged pairs of empty cells a row, rows 5..79, columns W..AL: beside the tables,
    // right of the add-in's columns (O..T), in the rows the tables take.
    const pairs: string[] = [];
    for (let r = 4; r < 79; r++)
      for (let k = 0; k < 8; k++) {
        fake.sheet(SHEET).merges.push({ top: r, left: 22 + 2 * k, bottom: r, right: 23 + 2 * k });
        pairs.push(`${r},${22 + 2 * k}:${r},${23 + 2 * k}`);
      }
    expect(pairs).toHaveLength(600);
    const result = await recompute();
    console.log(
      `600 merged pairs beside the tables: ${fake.syncs} round trips (was 10, merges unread)`,
    );
    expect(result.mergesUnread).toEqual([]);
    expect(result.wrote).toBe(true);
    expect(units(result)).toEqual(units(clean)); // sub-units keep their parent
    // Every merged area read once: the table's as before, the 600 pairs besides.
    expect(sheetMerges(result)).toEqual([...cleanMerges, ...pairs].sort());
    // The sheet list, the request that fails (more than 512 areas on one sheet), the shapes,
    // the values with the merges in two bands, the writes.
    expect(fake.syncs).toBe(5);
    // What the add-in wrote is what it writes without the pairs.
    expect(state(fake).cells[SHEET]).toEqual(written);
  });

  it('more than 512 in a single row: that sheet alone is evaluated without merges, with a notice', async () => {
    const clean = units(await recompute());
    fake = await fakeFromXlsx('samples/2017-08.xlsx');
    installFake(fake);
    // 600 merged pairs side by side in row 76 (under the last table), columns W…
    for (let k = 0; k < 600; k++)
      fake.sheet(SHEET).merges.push({ top: 75, left: 22 + 2 * k, bottom: 75, right: 23 + 2 * k });
    const result = await recompute();
    console.log(`600 merged areas in one row: ${fake.syncs} round trips`);
    expect(result.mergesUnread).toEqual([SHEET]);
    expect(result.wrote).toBe(true);
    expect(units(result)).toEqual(clean); // the engine copes without merges here
    // The values alone after the request with the first bands failed, bands of 16, 128 and
    // single rows (all sheets at once), each sheet alone, the writes: 13, never dozens.
    expect(fake.syncs).toBeLessThanOrEqual(13);
    expect(zhCN.ui.mergesUnread(result.mergesUnread)).toContain('512');
  });
});

describe('a used range over Excel’s 5,000,000-cell read limit', () => {
  /** The sample with `cells` (A1 addresses, value 备用) added on SHEET. */
  const withCells = async (...addresses: string[]) => {
    const f = await fakeFromXlsx('samples/2017-08.xlsx');
    for (const a of addresses) {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      f.sheet(SHEET).cells.set(`${Number(m[2]) - 1},${columnIndex(m[1]!)}`, { value: '备用' });
    }
    installFake(f);
    return f;
  };

  /** The command line's (and web page's) read of the same workbook: an .xlsx with the cells. */
  const cliRead = async (...addresses: string[]) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile('samples/2017-08.xlsx')) as unknown as ArrayBuffer);
    for (const a of addresses) wb.getWorksheet(SHEET)!.getCell(a).value = '备用';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    return readWorkbookGrids(bytes);
  };

  const outside = (r: Awaited<ReturnType<typeof recompute>>['analysis']) =>
    r.diagnostics
      .filter((d) => d.code === 'cellsOutsideTables')
      .map((d) => `${d.sheet}!${d.cell} ${describeDiagnostic(d, zhCN)}`);

  // The round trips: the sheet list; values and merges, refused (RangeExceedsLimit); the used
  // ranges' shapes; their strips' used ranges; the blocks holding values, with the merges in
  // row bands; the writes. A used range that fits one read (A1:O1500) is read as always.
  it.each([
    ['XFD2000', 'A1:XFD2000, 32.7 million cells', 6],
    ['A1048576', 'A1:O1048576, 15.7 million cells', 6],
    ['A1500', 'A1:O1500, one read', 3],
  ])(
    'a stray value in %s (used range %s): the tables are read and written, the cell named as the CLI names it',
    async (address, _, trips) => {
      const clean = await recompute();
      fake = await withCells(address);
      const result = await recompute();
      console.log(
        `stray value in ${address}: ${fake.syncs} round trips (XFD2000 took 2005 before: one row a request); ` +
          `responses ${fake.responseBytes.map((b) => `${(b / 1024).toFixed(1)} KB`).join(', ')}`,
      );
      expect(fake.syncs).toBe(trips);
      expect(result.wrote).toBe(true);
      expect(result.mergesUnread).toEqual([]);
      expect(units(result)).toEqual(units(clean));
      expect(sheetMerges(result)).toEqual(sheetMerges(clean));
      // Said in the command line's words, from its own read of the same workbook.
      const expected = outside(analyzeWorkbook(await cliRead(address), {}));
      expect(expected).toHaveLength(1);
      expect(expected[0]).toContain(address);
      expect(outside(result.analysis)).toEqual(expected);
    },
    60_000,
  );

  it('values spanning more than 5,000,000 cells that are no stray cells: refused in one line naming the sheet and range, as the web page and CLI refuse them', async () => {
    // 21 values in XFD1000:XFD1020: more than the 20 far-off cells the rule leaves out.
    const addresses = Array.from({ length: 21 }, (_, i) => `XFD${1000 + i}`);
    fake = await withCells(...addresses);
    const before = state(fake);
    const e = await recompute().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
    expect(e).toMatchObject({ key: 'tooBig', subjects: [SHEET, 'A1:XFD1020'] });
    const cli = await cliRead(...addresses).catch((x: unknown) => x);
    expect(problemText(zhCN.ui, e)).toBe(problemText(zhCN.ui, cli));
    expect(problemText(zhCN.ui, e)).toContain(`工作表“${SHEET}”的内容分布在 A1:XFD1020 范围内`);
    expect(state(fake)).toEqual(before);
    console.log(`21 far values: refused after ${fake.syncs} round trips`);
    expect(fake.syncs).toBeLessThanOrEqual(6);
  });

  it('follows the CLI’s rule and limit (the same constants)', () => {
    expect([FAR_GAP_ROWS, FAR_GAP_COLS, FAR_CELLS, MAX_READ_CELLS]).toEqual([
      CLI_FAR_GAP_ROWS,
      CLI_FAR_GAP_COLS,
      CLI_FAR_CELLS,
      MAX_GRID_CELLS,
    ]);
    expect(MAX_READ_CELLS).toBe(CELL_READ_LIMIT);
  });
});

describe('Excel on the web’s 5 MB payloads', () => {
  // Column Z, rows 6..72, beside the tables: 67 long 备注 cells. 2 MB of UTF-8 fits one
  // response; two million characters (5.7 MB) do not, and are read in halves. Every read loads
  // `formulas` with `values` (a formula whose result is "" is the user's cell), and office.js
  // repeats each text constant in `formulas`: the halves take 16 round trips, not 10 (two
  // more than before the sample gained its two summary sheets, which the first read carries).
  it.each([
    ['2 MB', 10_400, 3],
    ['two million characters', 29_900, 16],
  ])('a 备注 column of %s: the recompute succeeds, as without it', async (_, chars, trips) => {
    const clean = units(await recompute());
    const cleanState = state(fake);
    fake = await fakeFromXlsx('samples/2017-08.xlsx');
    installFake(fake);
    const note = '情况说明：因管线改造延期，'.repeat(2_300).slice(0, chars);
    for (let r = 5; r < 72; r++) fake.sheet(SHEET).cells.set(`${r},25`, { value: note });
    const result = await recompute();
    expect(result.wrote).toBe(true);
    expect(units(result)).toEqual(clean);
    const refused = fake.responseBytes.filter((b) => b > REQUEST_LIMIT);
    const mb = (b: number) => (b / 2 ** 20).toFixed(2);
    console.log(
      `备注 ${mb(67 * chars * 3)} MB: ${fake.syncs} round trips; refused responses [${refused.map(mb).join(', ')}] MB; ` +
        `largest accepted ${mb(Math.max(...fake.responseBytes.filter((b) => b <= REQUEST_LIMIT)))} MB`,
    );
    expect(fake.syncs).toBe(trips);
    // The add-in's columns are as on a workbook without the notes.
    const own = (s: ReturnType<typeof state>['cells']) =>
      Object.entries(s[SHEET]!).filter(([k]) => OWN.has(Number(k.split(',')[1])));
    expect(own(state(fake).cells)).toEqual(own(cleanState.cells));
  });

  it('a write request the host still refuses is halved and sent again', async () => {
    const clean = await fakeFromXlsx('samples/2017-08.xlsx');
    installFake(clean);
    await recompute();
    installFake(fake);
    fake.requestLimit = 16 * 1024; // far below our 3.5 MB estimate: the host has the last word
    const result = await recompute();
    expect(result.wrote).toBe(true);
    expect(fake.requestBytes.some((b) => b > fake.requestLimit)).toBe(true);
    expect(state(fake)).toEqual(state(clean));
  });
});

describe('a write that fails part way', () => {
  const budget = 6 * 1024; // several write round trips for the sample

  it('at every round trip in turn: the pane is told what was written, and a re-run repairs it exactly', async () => {
    const original = await fakeFromXlsx('samples/2017-08.xlsx');
    const clean = await fakeFromXlsx('samples/2017-08.xlsx');
    installFake(clean);
    const cleanRun = await recompute({}, { requestBudget: budget });
    const trips = cleanRun.syncs;
    expect(trips).toBeGreaterThan(4);
    const partial: string[] = [];
    for (let at = 1; at <= trips; at++) {
      const f = await fakeFromXlsx('samples/2017-08.xlsx');
      installFake(f);
      f.failSync = { at, code: 'GeneralException' };
      const first = await recompute({}, { requestBudget: budget }).catch((e: unknown) => e);
      const r = first as Awaited<ReturnType<typeof recompute>>;
      if (first instanceof Error) {
        // The sheet list failed: nothing was written, the error is the host's, in Chinese.
        expect(at).toBe(1);
        expect(first).toBeInstanceOf(HostError);
        expect(problemText(zhCN.ui, first)).toContain('错误代码：GeneralException');
        expect(state(f).cells).toEqual(state(original).cells);
      } else if (r.writeProblem === null) {
        // Values and merges failed together: read again apart (the merges may be the
        // cause), and written in full.
        expect(at).toBe(2);
        expect(r.wrote).toBe(true);
      } else {
        expect(r.wrote).toBe(false);
        const p = r.writeProblem;
        expect(p.error).toMatchObject({ key: 'hostGeneral', code: 'GeneralException' });
        expect(p.written.length + p.notWritten.length).toBe(5);
        partial.push(`${at}:${p.written.length}/5`);
        // Every table named as written is, cell for cell, as the clean run wrote it.
        for (const t of p.written) {
          const table = cleanRun.plan.sheets
            .flatMap((s) => s.tables)
            .find((x) => x.title === t.title)!;
          const { row, col, rows, cols } = table.columns;
          for (let r2 = row; r2 < row + rows; r2++)
            for (let c = col; c < col + cols; c++)
              expect(f.sheet(t.sheet).cells.get(`${r2},${c}`)).toEqual(
                clean.sheet(t.sheet).cells.get(`${r2},${c}`),
              );
        }
        expect(userCells(f)).toEqual(userCells(original));
      }
      f.failSync = null;
      const again = await recompute({}, { requestBudget: budget });
      expect(again).toMatchObject({ wrote: true, writeProblem: null });
      expect(state(f)).toEqual(state(clean));
      expect(userCells(f)).toEqual(userCells(original));
    }
    console.log(`partial writes (failing round trip: tables fully written): ${partial.join(', ')}`);
    expect(partial.some((p) => !p.includes(':0/') && !p.includes(':5/'))).toBe(true);
  });

  it('is worded for the pane: what was written, what was not, and that 重新计算 completes it', () => {
    const text = zhCN.ui.writeStopped(
      [{ sheet: '表', title: '（一）各区' }],
      [{ sheet: '表', title: '（二）市直' }],
    );
    expect(text).toContain('已写入 （一）各区（表）；未写完 （二）市直（表）');
    expect(text).toContain('请点击“重新计算”补全');
  });
});

describe('the host refuses', () => {
  it('in cell-edit mode: nothing is read, the user is told to leave the cell', async () => {
    fake.cellEditMode = true;
    const e = await recompute().catch((x: unknown) => x);
    expect(e).toMatchObject({ key: 'cellEditMode', code: 'InvalidOperationInCellEditMode' });
    expect(problemText(zhCN.ui, e)).toBe(
      'Excel 正处于单元格编辑状态，加载项无法读写工作表。请按 Enter 或 Tab 键（或单击其他单元格）结束编辑，再点击“重新计算”。（错误代码：InvalidOperationInCellEditMode）',
    );
    expect(fake.syncs).toBe(1);
  });

  it('a read-only workbook: the results are shown, nothing is written', async () => {
    fake.readOnly = true;
    const before = state(fake);
    const result = await recompute();
    expect(result.writeProblem?.error).toBeInstanceOf(ReadOnlyWorkbookError);
    expect(result.analysis.discrepancies).toHaveLength(1);
    expect(state(fake)).toEqual(before);
    // The list, the values, the count columns' number formats (issue 18, a read).
    expect(fake.syncs).toBe(3);
  });

  it('without ExcelApi 1.8 the read-only workbook refuses the write itself (AccessDenied)', async () => {
    fake.readOnly = true;
    fake.supported = new Set(['ExcelApi 1.1', 'ExcelApi 1.2', 'ExcelApi 1.6', 'ExcelApi 1.7']);
    const result = await recompute();
    expect(result.writeProblem?.error).toMatchObject({ key: 'accessDenied', code: 'AccessDenied' });
    expect(result.writeProblem?.written).toEqual([]);
    expect(problemText(zhCN.ui, result.writeProblem!.error)).toContain('错误代码：AccessDenied');
  });
});
