import { beforeEach, describe, expect, it } from 'vitest';
import {
  ExcelTooOldError,
  insertTemplateSheet,
  recompute,
  selectCell,
  TemplateSheetExistsError,
} from '../addin/excel/adapter';
import {
  CHART_SHEET_MARK,
  CHART_SHEET_NAME,
  ChartPicturesUnsupportedError,
  ChartSheetTakenError,
  insertChartSheet,
  toBase64,
  type SheetPicture,
} from '../addin/excel/charts';
import { columnWidthPoints } from '../addin/excel/template';
import { summaryTemplate, TEMPLATE_SHEET_NAME } from '../src/summary/template';
import { zhCN } from '../src/i18n/catalog';
import { describeDiagnostic } from '../src/report/describe';
import { generateGrid } from '../bench/generate';
import { FakeWorkbook, REQUEST_LIMIT, type FakeSheetData } from './fake/excel-fake';
import { fakeFromXlsx, installFake } from './helpers/fake-host';

const SHEET = '数字城管综合评价表';
let fake: FakeWorkbook;

beforeEach(async () => {
  fake = await fakeFromXlsx('samples/2017-08.xlsx');
  installFake(fake);
});

const cell = (s: FakeSheetData, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return s.cells.get(`${Number(m[2]) - 1},${col}`);
};

/** Every cell of the workbook except those in the given columns of the given sheet. */
function outside(f: FakeWorkbook, sheet: string, cols: Set<number>) {
  const snap = f.snapshot();
  for (const k of Object.keys(snap[sheet]!))
    if (cols.has(Number(k.split(',')[1]))) delete snap[sheet]![k];
  return snap;
}

describe('重新计算 on the sample workbook', () => {
  it('takes three round trips: the sheet list, values and merges, the writes', async () => {
    const result = await recompute();
    expect(result.wrote).toBe(true);
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    console.log(
      `samples/2017-08.xlsx: ${fake.syncs} round trips (sheet list, values + merges, writes); ` +
        `requests ${fake.requestBytes.map(kb).join(', ')}; responses ${fake.responseBytes.map(kb).join(', ')}`,
    );
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.syncs).toBe(3);
    expect(result.syncs).toBe(3);
    expect(result).toMatchObject({ hiddenSheets: [], mergesUnread: [], writeProblem: null });
  });

  // [issue 18] C6: 台江区政府's 处置数 (6901), formatted as a date, as in test/date-counts.test.ts.
  const DATE_WARNING = [
    SHEET,
    'C6',
    '“台江区政府”的“处置数”单元格是日期格式（显示为 1918-11-22），已按其中的数字 6901 计；如是误输入，请改为案件数并设为“常规”格式',
  ];
  const dateWarnings = (r: Awaited<ReturnType<typeof recompute>>) =>
    r.analysis.diagnostics
      .filter((d) => d.code === 'dateFormatted')
      .map((d) => [d.sheet, d.cell, describeDiagnostic(d, zhCN)]);

  it('a count formatted as a date: the CLI’s warning, in the same three round trips, the same figures and writes', async () => {
    const clean = await fakeFromXlsx('samples/2017-08.xlsx');
    installFake(clean);
    const plain = await recompute();
    expect(dateWarnings(plain)).toEqual([]);
    installFake(fake);
    fake.setNumberFormat(SHEET, 'C6', 'yyyy-mm-dd');
    const result = await recompute();
    // The formats of the count columns go with the write request: no round trip more.
    expect(fake.syncs).toBe(3);
    expect(result.syncs).toBe(3);
    expect(dateWarnings(result)).toEqual([DATE_WARNING]);
    expect(result.analysis.units).toEqual(plain.analysis.units);
    expect(result.analysis.diagnostics.filter((d) => d.code !== 'dateFormatted')).toEqual(
      plain.analysis.diagnostics,
    );
    expect(result.plan).toEqual(plain.plan);
    expect(fake.sheet(SHEET).cells.get('5,2')).toEqual({ value: 6901, numberFormat: 'yyyy-mm-dd' });
    fake.sheet(SHEET).cells.set('5,2', { value: 6901 });
    expect(fake.snapshot()).toEqual(clean.snapshot());
  });

  it('a count formatted as a date with nothing to write (a protected sheet): said all the same, after one read of the formats', async () => {
    fake.setNumberFormat(SHEET, 'C6', 'yyyy-mm-dd');
    fake.sheet(SHEET).protected = true;
    const result = await recompute();
    expect(result.wrote).toBe(false);
    // The list, the values, then the count columns' formats in a read of their own.
    expect(fake.syncs).toBe(3);
    expect(dateWarnings(result)).toEqual([DATE_WARNING]);
  });

  it('writes the five recomputed columns right of each table, with formats', async () => {
    await recompute();
    const s = fake.sheet(SHEET);
    // Table (一) ends at column N (评价等级): its own columns are O..S, header in row 5.
    expect(['O5', 'P5', 'Q5', 'R5', 'S5'].map((a) => cell(s, a)?.value)).toEqual([
      '返工率（复核）',
      '结案率（复核）',
      '按期结案率（复核）',
      '综合指标值（复核）',
      '评价等级（复核）',
    ]);
    expect(cell(s, 'O5')).toMatchObject({ bold: true, fill: '#DDEBF7' });
    // 台江区政府, row 6: 0.88, 99.83, 97.84, 98.88, A.
    expect(['O6', 'P6', 'Q6', 'R6', 'S6'].map((a) => cell(s, a)?.value)).toEqual([
      0.88,
      99.83,
      97.84,
      98.88,
      'A',
    ]);
    expect(cell(s, 'R6')?.numberFormat).toBe('0.00');
    // Table (三) has two name columns, so its columns start one further right, at P.
    expect(cell(s, 'P23')?.value).toBe('返工率（复核）');
    expect(cell(s, 'S39')?.value).toBe(97.67); // 市交警支队's 综合指标值
    expect(cell(s, 'T32')?.value).toBe('本月无应处置案件'); // 市渣土办's grade cell says why
    // Table (五): 市自来水有限公司, row 62, 按期结案率 recomputed 98.51 (printed 98.5 in L62).
    expect(cell(s, 'Q62')?.value).toBe(98.51);
    expect([...s.cells.values()].some((c) => c.formula !== undefined)).toBe(false);
  });

  it('adds one conditional format per column range: grade colours, a colour scale, mismatch rules', async () => {
    await recompute();
    const cfs = fake.sheet(SHEET).conditionalFormats;
    const ofTable5 = cfs.filter((cf) => /^[O-S]59:[O-S]72$/.test(cf.address));
    // Per figure in the scheme's order (the index's colour scale, then the grade's colours),
    // then the mismatch rules: the ranges do not overlap, so only each column's order matters.
    expect(ofTable5.map((cf) => `${cf.type}@${cf.address}`)).toEqual([
      'ColorScale@R59:R72',
      'CellValue@S59:S72',
      'CellValue@S59:S72',
      'CellValue@S59:S72',
      'CellValue@S59:S72',
      'CellValue@S59:S72',
      'Custom@O59:O72',
      'Custom@P59:P72',
      'Custom@Q59:Q72',
      'Custom@R59:R72',
      'Custom@S59:S72',
    ]);
    const onTime = ofTable5.find((cf) => cf.type === 'Custom' && cf.address === 'Q59:Q72')!;
    expect((onTime.rule.custom as { rule: { formula: string } }).rule.formula).toBe(
      '=AND(ISNUMBER(Q59),TRIM($L59)<>"",IFERROR(ROUND(--SUBSTITUTE(TRIM($L59),"%",""),2)<>Q59,FALSE()))',
    );
    const gradeA = ofTable5.find((cf) => cf.type === 'CellValue')!.rule.cellValue as {
      rule: unknown;
      format: { fill: { color: string } };
    };
    expect(gradeA.rule).toEqual({ formula1: '="A"', operator: 'EqualTo' });
    expect(gradeA.format.fill.color).toBe('#C6EFCE');
    expect(cfs).toHaveLength(5 * 11);
  });

  it('changes no cell outside its own columns', async () => {
    const own = new Set([14, 15, 16, 17, 18, 19]); // O..T: the bands of all five tables
    const before = outside(fake, SHEET, own);
    const hotline = fake.snapshot()['12345平台运行情况表'];
    await recompute();
    expect(outside(fake, SHEET, own)).toEqual(before);
    expect(fake.snapshot()['12345平台运行情况表']).toEqual(hotline);
  });

  it('a second run replaces its own columns and leaves the workbook as the first run did', async () => {
    await recompute();
    const first = fake.snapshot();
    const firstRules = JSON.stringify(fake.sheet(SHEET).conditionalFormats);
    const again = await recompute();
    expect(again.wrote).toBe(true);
    expect(again.plan.sheets.flatMap((s) => s.tables).every((t) => t.replacing)).toBe(true);
    expect(fake.snapshot()).toEqual(first);
    expect(JSON.stringify(fake.sheet(SHEET).conditionalFormats)).toBe(firstRules);
    expect(again.analysis.discrepancies).toHaveLength(1); // its own columns are not read as printed figures
  });

  it('refuses, changing nothing, when the cells for the new columns hold anything else', async () => {
    fake.sheet(SHEET).cells.set('6,16', { value: '请勿覆盖' }); // Q7, in table (一)'s band
    const before = fake.snapshot();
    const result = await recompute();
    expect(result.wrote).toBe(false);
    expect(result.plan.conflicts).toEqual([{ sheet: SHEET, cell: 'Q7', value: '请勿覆盖' }]);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.sheet(SHEET).conditionalFormats).toEqual([]);
    // The list, the values, the count columns' number formats (issue 18: no write request to
    // carry them): no write request at all.
    expect(fake.syncs).toBe(3);
  });

  it('works without merged-area support (ExcelApi 1.13), finding the same units', async () => {
    const withMerges = (await recompute()).analysis.units.map((u) => [
      u.parent,
      u.name,
      u.figures.综合指标值,
    ]);
    const old = await fakeFromXlsx('samples/2017-08.xlsx');
    old.supported.delete('ExcelApi 1.13');
    installFake(old);
    const without = (await recompute()).analysis.units.map((u) => [
      u.parent,
      u.name,
      u.figures.综合指标值,
    ]);
    expect(without).toEqual(withMerges);
  });

  it('says when Excel is too old (no ExcelApi 1.7)', async () => {
    fake.supported = new Set(['ExcelApi 1.1', 'ExcelApi 1.5']);
    await expect(recompute()).rejects.toBeInstanceOf(ExcelTooOldError);
    expect(fake.syncs).toBe(0);
  });

  it('selects the cell a discrepancy names', async () => {
    await selectCell(SHEET, 'L62');
    expect(fake.selected).toBe(`${SHEET}!L62`);
  });

  it('writes grade names that look like formulas as Text-formatted cells, with no apostrophe', async () => {
    await recompute({
      evaluation: {
        bands: [
          { grade: '=A', min: 90 },
          { grade: '-B', min: 0 },
        ],
      },
    });
    const s = fake.sheet(SHEET);
    // Numberformat @ first, then the plain value: Excel keeps it as text, exactly.
    expect(cell(s, 'S6')).toMatchObject({ value: '=A', numberFormat: '@' });
    expect([...s.cells.values()].some((c) => c.formula !== undefined)).toBe(false);
    expect([...s.cells.values()].some((c) => String(c.value).startsWith("'"))).toBe(false);
  });
});

describe('a table that does not start at A1', () => {
  it('gets its columns and rules at sheet addresses (used range from C3)', async () => {
    const pad = (row: (string | number | null)[]) => [null, null, ...row];
    const fake = new FakeWorkbook();
    fake.addSheet('各区', [
      [],
      [],
      pad(['各区政府综合评价表']),
      pad([
        '区政府',
        '应处置数',
        '处置数',
        '返工数',
        '应结案数',
        '结案数',
        '按期结案数',
        '按期结案率(%)',
      ]),
      pad(['台江区政府', 6949, 6901, 61, 6913, 6901, 6764, 97.8]),
    ]);
    installFake(fake);
    const result = await recompute();
    expect(result.wrote).toBe(true);
    const s = fake.sheet('各区');
    // The table spans C..J; its columns are K..O, header on row 4, 台江区 on row 5.
    expect(cell(s, 'K4')?.value).toBe('返工率（复核）');
    expect(['K5', 'L5', 'M5', 'N5', 'O5'].map((a) => cell(s, a)?.value)).toEqual([
      0.88,
      99.83,
      97.84,
      98.88,
      'A',
    ]);
    const mismatch = s.conditionalFormats.find(
      (cf) => cf.type === 'Custom' && cf.address === 'M5',
    )!;
    expect((mismatch.rule.custom as { rule: { formula: string } }).rule.formula).toContain(
      'TRIM($J5)',
    );
    expect(result.analysis.discrepancies.map((d) => d.cell)).toEqual(['J5']);
  });
});

describe('a 100,000-row table', () => {
  it('is written in row blocks, no request over 4 MB', async () => {
    const big = new FakeWorkbook();
    big.addSheet('市直单位', generateGrid(100_000));
    installFake(big);
    const result = await recompute();
    expect(result.wrote).toBe(true);
    const largest = Math.max(...big.requestBytes);
    const mb = (b: number) => (b / 2 ** 20).toFixed(2);
    const refused = big.responseBytes.filter((b) => b > REQUEST_LIMIT);
    console.log(
      `100k rows: ${big.syncs} syncs (1 optimistic read refused at ${mb(refused[0] ?? 0)} MB, then row blocks); ` +
        `largest request ${mb(largest)} MB, largest accepted response ${mb(Math.max(...big.responseBytes.filter((b) => b <= REQUEST_LIMIT)))} MB`,
    );
    // Only the optimistic read (after the sheet list) is refused; everything after fits.
    expect(refused).toHaveLength(1);
    expect(big.responseBytes[1]).toBeGreaterThan(REQUEST_LIMIT);
    expect(largest).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(largest).toBeLessThan(REQUEST_LIMIT);
    expect(big.syncs).toBeGreaterThan(2);
    // The last unit row got its figures.
    const s = big.sheet('市直单位');
    const lastRow = [...s.cells.keys()].reduce((m, k) => Math.max(m, Number(k.split(',')[0])), 0);
    expect(s.cells.get(`${lastRow},19`)?.value).toMatch(/^[A-E]$/);
  }, 120_000);
});

describe('插入通报数据表', () => {
  const template = summaryTemplate();

  it('adds the 通报数据 sheet last, with its labels, widths and bold headings; 重新计算 reads what is filled in', async () => {
    // The sample's own summary sheet (通报数据汇总) would give the figures first: without it.
    const own = fake.sheets.findIndex((x) => x.name === '通报数据汇总');
    expect(own).toBeGreaterThanOrEqual(0);
    fake.sheets.splice(own, 1);
    const before = fake.snapshot();
    expect(await insertTemplateSheet()).toBe(TEMPLATE_SHEET_NAME);
    // Two round trips: is the name free, then add and write.
    expect(fake.syncs).toBe(2);
    expect(fake.sheets.at(-1)!.name).toBe(TEMPLATE_SHEET_NAME);
    expect(fake.active).toBe(TEMPLATE_SHEET_NAME);
    // The user's sheets are untouched.
    const after = fake.snapshot();
    delete after[TEMPLATE_SHEET_NAME];
    expect(after).toEqual(before);

    const s = fake.sheet(TEMPLATE_SHEET_NAME);
    // (A bold heading row's empty cells exist, holding "": empty for Excel.)
    const value = (r: number, c: number) => s.cells.get(`${r},${c}`)?.value ?? '';
    template.values.forEach((row, r) =>
      row.forEach((v, c) => expect(value(r, c), `${r},${c}`).toBe(v ?? '')),
    );
    expect([...s.columnWidths!.entries()]).toEqual(
      template.columnWidths.map((w, c) => [c, columnWidthPoints(w)]),
    );
    for (const row of [template.titleRow, template.headerRow, ...template.headingRows])
      expect(s.cells.get(`${row},0`)?.bold, `row ${row + 1}`).toBe(true);
    expect(s.cells.get(`${template.figureRows['hotline.accepted']!},0`)?.bold).toBeUndefined();

    // The user fills in two figures; 重新计算 finds them on that sheet.
    s.cells.set(`${template.figureRows['hotline.accepted']!},1`, { value: 35275 });
    s.cells.set(`${template.figureRows['city.events']!},1`, { value: 68234 });
    const { analysis } = await recompute();
    expect(analysis.summary.sheets).toContain(TEMPLATE_SHEET_NAME);
    const figure = (id: string) => analysis.summary.figures.find((f) => f.id === id);
    expect(figure('hotline.accepted')).toMatchObject({ value: 35275, sheet: TEMPLATE_SHEET_NAME });
    expect(figure('city.events')).toMatchObject({ value: 68234, sheet: TEMPLATE_SHEET_NAME });
  });

  it('refuses, changing nothing, when a sheet of that name exists', async () => {
    fake.addSheet(TEMPLATE_SHEET_NAME, [['我的数据', 1]]);
    const before = fake.snapshot();
    const error = await insertTemplateSheet().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateSheetExistsError);
    expect((error as TemplateSheetExistsError).sheet).toBe(TEMPLATE_SHEET_NAME);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.syncs).toBe(1);
  });

  it('a read-only workbook: the host refusal, as a user-facing error; nothing added', async () => {
    fake.readOnly = true;
    const error = await insertTemplateSheet().catch((e: unknown) => e);
    expect(error).toMatchObject({ key: 'accessDenied' });
    expect(fake.sheets.map((s) => s.name)).not.toContain(TEMPLATE_SHEET_NAME);
  });

  it('says when Excel is too old (no ExcelApi 1.7)', async () => {
    fake.supported = new Set(['ExcelApi 1.1']);
    await expect(insertTemplateSheet()).rejects.toBeInstanceOf(ExcelTooOldError);
    expect(fake.syncs).toBe(0);
  });
});

describe('插入图表工作表', () => {
  /** A PNG of about `bytes` bytes, as base64 (the fake checks the signature, not the pixels). */
  const png = (bytes = 64) => {
    const b = new Uint8Array(bytes);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let i = 8; i < bytes; i++) b[i] = (i * 31) % 256;
    return toBase64(b);
  };
  const pictures = (n: number, bytes = 64): SheetPicture[] =>
    Array.from({ length: n }, (_, i) => ({
      title: `图${i + 1} 第${i + 1}张`,
      base64: png(bytes),
      widthPt: 450,
      heightPt: 240 + i * 10,
    }));
  const chartSheets = () => fake.sheets.filter((s) => s.name === CHART_SHEET_NAME);
  const formula = () => fake.names.map((n) => [n.name, fake.nameFormula(n)]);

  it('adds the sheet with each picture under its title, and the mark; two round trips; nothing else changes', async () => {
    const before = fake.snapshot();
    const result = await insertChartSheet(pictures(3));
    expect(result).toEqual({ sheet: CHART_SHEET_NAME, pictures: 3, replaced: false, syncs: 2 });
    expect(fake.syncs).toBe(2);
    expect(fake.active).toBe(CHART_SHEET_NAME);
    expect(formula()).toEqual([[CHART_SHEET_MARK, `=${CHART_SHEET_NAME}!$A$1`]]);
    const after = fake.snapshot();
    delete after[CHART_SHEET_NAME];
    expect(after).toEqual(before);
    expect(fake.sheets.filter((s) => s.name !== CHART_SHEET_NAME).some((s) => s.pictures)).toBe(
      false,
    );

    const s = fake.sheet(CHART_SHEET_NAME);
    expect(s.pictures!.map((p) => [p.format, p.width, p.height, p.name])).toEqual([
      ['PNG', 450, 240, '图1 第1张'],
      ['PNG', 450, 250, '图2 第2张'],
      ['PNG', 450, 260, '图3 第3张'],
    ]);
    // Stacked: each picture starts on the row under its title (rows are 15 pt), none overlaps.
    const rowHeight = (r: number) => s.rowHeights?.get(r);
    s.pictures!.forEach((p, i) => {
      const titleRow = p.top / 15 - 1;
      expect(rowHeight(titleRow)).toBe(15);
      expect(s.cells.get(`${titleRow},1`)).toMatchObject({
        value: `图${i + 1} 第${i + 1}张`,
        bold: true,
      });
      expect(p.left).toBe(s.columnWidths!.get(0));
      const next = s.pictures![i + 1];
      if (next) expect(p.top + p.height).toBeLessThan(next.top - 15);
    });
  });

  it('a re-run replaces its own sheet, in its place: still one sheet, one mark, the new pictures', async () => {
    await insertChartSheet(pictures(3));
    fake.addSheet('之后加的表', [['x']]);
    const place = fake.sheets.findIndex((s) => s.name === CHART_SHEET_NAME);
    fake.syncs = 0;
    const result = await insertChartSheet(pictures(2));
    expect(result).toMatchObject({
      sheet: CHART_SHEET_NAME,
      pictures: 2,
      replaced: true,
      syncs: 2,
    });
    expect(chartSheets()).toHaveLength(1);
    expect(fake.sheets.findIndex((s) => s.name === CHART_SHEET_NAME)).toBe(place);
    expect(fake.sheets.at(-1)!.name).toBe('之后加的表');
    expect(fake.sheet(CHART_SHEET_NAME).pictures).toHaveLength(2);
    expect(formula()).toEqual([[CHART_SHEET_MARK, `=${CHART_SHEET_NAME}!$A$1`]]);
  });

  it('refuses a sheet of that name that is the user’s, changing nothing (even with a stale mark)', async () => {
    fake.addSheet(CHART_SHEET_NAME, [['我的图表', 1]]);
    const before = fake.snapshot();
    const error = await insertChartSheet(pictures(2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartSheetTakenError);
    expect((error as ChartSheetTakenError).sheet).toBe(CHART_SHEET_NAME);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.sheet(CHART_SHEET_NAME).pictures).toBeUndefined();
    expect(fake.names).toEqual([]);
    expect(fake.syncs).toBe(1);

    // Tongbao's old sheet renamed by the user (the mark follows it), then a sheet of the name
    // made by hand: the mark does not point at it, so it is the user's too.
    fake.sheet(CHART_SHEET_NAME).name = '我的图表';
    await insertChartSheet(pictures(1));
    fake.sheet(CHART_SHEET_NAME).name = '旧图表';
    fake.addSheet(CHART_SHEET_NAME, [['手工表']]);
    const again = fake.snapshot();
    await expect(insertChartSheet(pictures(1))).rejects.toBeInstanceOf(ChartSheetTakenError);
    expect(fake.snapshot()).toEqual(again);
    expect(formula()).toEqual([[CHART_SHEET_MARK, '=旧图表!$A$1']]);
  });

  it('with no pictures, removes its own earlier sheet and mark; leaves a user’s sheet alone', async () => {
    await insertChartSheet(pictures(2));
    const result = await insertChartSheet([]);
    expect(result).toMatchObject({ sheet: null, pictures: 0, replaced: true });
    expect(chartSheets()).toHaveLength(0);
    expect(fake.names).toEqual([]);
    fake.addSheet(CHART_SHEET_NAME, [['我的']]);
    const before = fake.snapshot();
    expect(await insertChartSheet([])).toMatchObject({ sheet: null, replaced: false });
    expect(fake.snapshot()).toEqual(before);
  });

  it('says when this Excel cannot add pictures (no ExcelApi 1.9): nothing sent', async () => {
    fake.supported = new Set(['ExcelApi 1.8']);
    await expect(insertChartSheet(pictures(1))).rejects.toBeInstanceOf(
      ChartPicturesUnsupportedError,
    );
    expect(fake.syncs).toBe(0);
    expect(chartSheets()).toHaveLength(0);
  });

  it('a read-only workbook is refused before anything is written', async () => {
    fake.readOnly = true;
    await expect(insertChartSheet(pictures(1))).rejects.toMatchObject({ key: 'readOnly' });
    expect(fake.syncs).toBe(1);
    expect(chartSheets()).toHaveLength(0);
  });

  it('sends the pictures in as few requests as the budget allows, none over the limit', async () => {
    fake.requestLimit = 300_000;
    const result = await insertChartSheet(pictures(5, 90_000), { requestBudget: 250_000 });
    expect(result.pictures).toBe(5);
    expect(fake.sheet(CHART_SHEET_NAME).pictures).toHaveLength(5);
    // One to look, then 2 + 2 + 1 pictures (120 KB of base64 each).
    expect(fake.syncs).toBe(4);
    expect(Math.max(...fake.requestBytes)).toBeLessThan(300_000);
    // The whole set in one request would have been refused.
    fake.syncs = 0;
    await expect(
      insertChartSheet(pictures(5, 90_000), { requestBudget: 10_000_000 }),
    ).rejects.toMatchObject({
      key: 'payloadTooLarge',
    });
  });
});
