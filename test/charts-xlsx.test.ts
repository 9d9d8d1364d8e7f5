import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderFigures } from '../src/charts/figures';
import { pngSize } from '../src/charts/raster';
import { createNodeRasterizer } from '../src/charts/raster-node';
import {
  addChartSheet,
  CHART_SHEET_MARK,
  CHART_SHEET_NAME,
  ChartSheetTakenError,
  type ChartImage,
} from '../src/io/xlsx-charts';
import { SUMMARY_CHARTS } from './helpers/chart-fixtures';

const figures = await renderFigures(SUMMARY_CHARTS, await createNodeRasterizer());
const images: ChartImage[] = SUMMARY_CHARTS.map((c, i) => {
  const f = figures.get(c.id)!;
  return { title: `图${i + 1} ${c.title}`, png: f.png!, widthPx: f.width, heightPx: f.height };
});

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

const save = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

/** A user's workbook: two sheets of their own. */
async function userWorkbook(extra?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('市直单位');
  a.addRows([
    ['单位', '结案率'],
    ['市园林局', 98.5],
    ['市水利局', 99.1],
  ]);
  wb.addWorksheet('备注').getCell('B2').value = '本月说明';
  extra?.(wb);
  return save(wb);
}

/** Every sheet's cells as [sheet, address, value] (to compare the user's sheets). */
function cells(wb: ExcelJS.Workbook, skip = CHART_SHEET_NAME): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === skip) continue;
    ws.eachRow((row) =>
      row.eachCell((c) => out.push(`${ws.name}!${c.address}=${JSON.stringify(c.value)}`)),
    );
  }
  return out;
}

async function mediaFiles(bytes: Uint8Array): Promise<Uint8Array[]> {
  const zip = await JSZip.loadAsync(bytes);
  return Promise.all(
    Object.keys(zip.files)
      .filter((n) => n.startsWith('xl/media/') && !zip.files[n]!.dir)
      .map((n) => zip.file(n)!.async('uint8array')),
  );
}

describe('the chart sheet in the annotated workbook', () => {
  it('adds “通报图表” with the pictures stacked under their titles, marked as Tongbao’s', async () => {
    const before = await load(await userWorkbook());
    const wb = await load(await userWorkbook());
    addChartSheet(wb, images);
    const out = await load(await save(wb));
    expect(out.worksheets.map((w) => w.name)).toEqual(['市直单位', '备注', CHART_SHEET_NAME]);
    const ws = out.getWorksheet(CHART_SHEET_NAME)!;
    const pictures = ws.getImages();
    expect(pictures).toHaveLength(4);
    const titles: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) =>
        titles.push(typeof c.value === 'string' ? c.value : JSON.stringify(c.value)),
      ),
    );
    expect(titles.slice(1)).toEqual(images.map((i) => i.title));
    // stacked: each picture starts below the previous one ends
    const tops = pictures.map((p) => p.range.tl.nativeRow).sort((a, b) => a - b);
    for (let i = 1; i < tops.length; i++)
      expect(tops[i]! - tops[i - 1]!).toBeGreaterThan(images[i - 1]!.heightPx / 20);
    expect(out.definedNames.getRanges(CHART_SHEET_MARK).ranges).toEqual([
      `'${CHART_SHEET_NAME}'!$A$1`,
    ]);
    expect(cells(out)).toEqual(cells(before));
    for (const m of await mediaFiles(await save(out))) expect(pngSize(m)).not.toBeNull();
  });

  it('replaces its own sheet on a re-run, in its place, without growing the file', async () => {
    const wb = await load(await userWorkbook());
    addChartSheet(wb, images);
    // The user moves on: a sheet after the chart sheet.
    wb.addWorksheet('之后').getCell('A1').value = 1;
    const first = await save(wb);
    const again = await load(first);
    addChartSheet(again, images.slice(0, 1));
    const second = await save(again);
    const out = await load(second);
    expect(out.worksheets.map((w) => w.name)).toEqual([
      '市直单位',
      '备注',
      CHART_SHEET_NAME,
      '之后',
    ]);
    expect(out.getWorksheet(CHART_SHEET_NAME)!.getImages()).toHaveLength(1);
    expect(cells(out)).toEqual(cells(await load(first)));
    const size = async (b: Uint8Array) => (await mediaFiles(b)).reduce((n, m) => n + m.length, 0);
    expect(await size(second)).toBeLessThan((await size(first)) / 2);
    // and once more with all four: no leftovers pile up
    const third = await load(second);
    addChartSheet(third, images);
    expect((await mediaFiles(await save(third))).length).toBe(4);
  });

  it('refuses a sheet of that name that the user made, changing nothing', async () => {
    const bytes = await userWorkbook((wb) => {
      wb.addWorksheet(CHART_SHEET_NAME).getCell('A1').value = '我自己的图表';
    });
    const wb = await load(bytes);
    expect(() => addChartSheet(wb, images)).toThrow(ChartSheetTakenError);
    expect(() => addChartSheet(wb, images)).toThrow(/a sheet named 通报图表/);
    const out = await load(await save(wb));
    expect(out.getWorksheet(CHART_SHEET_NAME)!.getCell('A1').value).toBe('我自己的图表');
    expect(out.getWorksheet(CHART_SHEET_NAME)!.getImages()).toHaveLength(0);
    expect(out.definedNames.getRanges(CHART_SHEET_MARK).ranges).toEqual([]);
    expect(cells(out, '')).toEqual(cells(await load(bytes), ''));
  });

  it('leaves a renamed chart sheet to the user and makes a new one', async () => {
    const wb = await load(await userWorkbook());
    addChartSheet(wb, images.slice(0, 2));
    const renamed = await load(await save(wb));
    const ws = renamed.getWorksheet(CHART_SHEET_NAME)!;
    ws.name = '我的图表';
    // Excel moves the defined name with the sheet; ExcelJS does not: do what Excel does.
    renamed.definedNames.remove(`'${CHART_SHEET_NAME}'!$A$1`, CHART_SHEET_MARK);
    renamed.definedNames.add(`'我的图表'!$A$1`, CHART_SHEET_MARK);
    addChartSheet(renamed, images.slice(2));
    const out = await load(await save(renamed));
    expect(out.worksheets.map((w) => w.name)).toEqual([
      '市直单位',
      '备注',
      '我的图表',
      CHART_SHEET_NAME,
    ]);
    expect(out.getWorksheet('我的图表')!.getImages()).toHaveLength(2);
    expect(out.getWorksheet(CHART_SHEET_NAME)!.getImages()).toHaveLength(2);
    expect(out.definedNames.getRanges(CHART_SHEET_MARK).ranges).toEqual([
      `'${CHART_SHEET_NAME}'!$A$1`,
    ]);
  });

  it('goes through annotateWorkbook as an optional argument, the other sheets as without it', async () => {
    const { annotateWorkbook } = await import('../src/io/xlsx-write');
    const { planWrites } = await import('../src/plan/write-plan');
    const { analyzeWorkbook } = await import('../src/evaluation/analyze');
    const { readWorkbookGrids } = await import('../src/io/xlsx-read');
    const bytes = new Uint8Array(await readFile('samples/2017-08.xlsx'));
    const plan = planWrites(analyzeWorkbook(await readWorkbookGrids(bytes)));
    const plain = await load(await annotateWorkbook(bytes, plan));
    const withCharts = await load(await annotateWorkbook(bytes, plan, images));
    expect(withCharts.worksheets.map((w) => w.name)).toEqual([
      ...plain.worksheets.map((w) => w.name),
      CHART_SHEET_NAME,
    ]);
    expect(cells(withCharts)).toEqual(cells(plain));
    expect(withCharts.getWorksheet(CHART_SHEET_NAME)!.getImages()).toHaveLength(4);
  });
});

describe('the chart sheet and the user’s own pictures', () => {
  it('a picture the user placed on a sheet of theirs, sharing a medium with the chart sheet, is never replaced', async () => {
    // First run: the chart sheet. Then the user shows its first picture on their own sheet.
    const first = await load(await userWorkbook());
    addChartSheet(first, images);
    const chartSheet = first.getWorksheet(CHART_SHEET_NAME)!;
    const shared = Number(chartSheet.getImages()[0]!.imageId);
    first.getWorksheet('备注')!.addImage(shared, {
      tl: { col: 3, row: 3 },
      ext: { width: 200, height: 100 },
    });
    const media = (wb: ExcelJS.Workbook) =>
      (wb as unknown as { media: { buffer: Uint8Array }[] }).media;
    const before = Buffer.from(media(first)[shared]!.buffer).toString('base64');
    // Re-run with other pictures (the second chart only): the shared medium keeps its bytes.
    const again = await load(await save(first));
    addChartSheet(again, images.slice(1, 2));
    const after = again.getWorksheet('备注')!.getImages()[0]!;
    expect(Buffer.from(media(again)[Number(after.imageId)]!.buffer).toString('base64')).toBe(
      before,
    );
  });

  it('a run with no pictures removes the earlier run’s sheet (not last month’s charts left as if current)', async () => {
    const first = await load(await userWorkbook());
    addChartSheet(first, images);
    const again = await load(await save(first));
    expect(addChartSheet(again, [])).toBeNull();
    expect(again.getWorksheet(CHART_SHEET_NAME)).toBeUndefined();
    expect(cells(again)).toEqual(cells(await load(await userWorkbook())));
  });

  it('with no pictures, a user’s sheet of that name is left alone, without an error', async () => {
    const wb = await load(
      await userWorkbook((w) => (w.addWorksheet(CHART_SHEET_NAME).getCell('A1').value = '我的')),
    );
    expect(addChartSheet(wb, [])).toBeNull();
    expect(wb.getWorksheet(CHART_SHEET_NAME)!.getCell('A1').value).toBe('我的');
  });
});
