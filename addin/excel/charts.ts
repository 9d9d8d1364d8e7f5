/**
 * 插入图表工作表: the bulletin's figures as pictures on a sheet Tongbao owns, “通报图表”,
 * marked as Tongbao's by the workbook name `Tongbao_ChartSheet` — the same sheet and mark the
 * annotated copy gets (src/io/xlsx-charts.ts). A re-run deletes that sheet and makes it again,
 * in its place; a sheet of that name the mark does not point at is the user's, and is refused
 * with nothing changed. No other sheet is touched.
 *
 * Pictures need `shapes.addImage` (ExcelApi 1.9): an older Excel is told so before anything
 * is drawn or sent. Round trips: one to look (the sheet, the mark, read-only), one to write
 * (the sheet, its titles and every picture), more only when the pictures would pass the
 * request budget (Excel on the web refuses requests over 5 MB).
 */
import type { ChartSpec } from '../../src/summary/chart-spec';
import { CHART_SHEET_MARK, CHART_SHEET_NAME, ChartSheetTakenError } from '../../src/io/xlsx-charts';
import { textBlocks } from '../../src/report/model';
import { ExcelTooOldError, ReadOnlyWorkbookError, hostError } from '../taskpane/errors';
import { countingSync, excelSupport } from './support';
import { columnWidthPoints } from './template';
import { REQUEST_BUDGET } from './write';

export { CHART_SHEET_MARK, CHART_SHEET_NAME, ChartSheetTakenError };

/** One picture for the sheet: its title (“图1 …”), PNG as base64, shown size in points. */
export interface SheetPicture {
  readonly title: string;
  readonly base64: string;
  readonly widthPt: number;
  readonly heightPt: number;
}

export interface ChartSheetResult {
  /** The sheet written; null when there were no pictures (an earlier sheet was removed). */
  readonly sheet: string | null;
  readonly pictures: number;
  /** An earlier run's sheet was there and was replaced (or removed). */
  readonly replaced: boolean;
  readonly syncs: number;
}

/** This Excel has no `shapes.addImage` (ExcelApi 1.9): nothing was changed. */
export class ChartPicturesUnsupportedError extends Error {
  override readonly name = 'ChartPicturesUnsupportedError';
  constructor() {
    super('ExcelApi 1.9 (shapes.addImage) is not supported by this Excel');
  }
}

/** Can this Excel put pictures on a sheet (ExcelApi 1.9)? */
export function chartPicturesSupported(): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', '1.9');
}

/** Rows are set to 15 pt so that a picture's top is known without asking Excel. */
const ROW_PT = 15;
/** Column A is a narrow margin; titles and pictures start in column B. */
const MARGIN_CHARS = 2;
const TITLE_CHARS = 60;
const NOTE = '本表由通报（Tongbao）生成，每次插入图表时整表替换，请勿在此编辑。';
/** Bytes a picture's operations take in a request besides its base64. */
const PICTURE_OVERHEAD = 1024;

export interface ChartSheetOptions {
  /** Bytes per request (tests make it small to get several round trips). */
  readonly requestBudget?: number;
}

/**
 * Adds (or replaces) the chart sheet with the pictures stacked, each under its title, and
 * makes it the active sheet. With no pictures, an earlier run's sheet is removed (last
 * month's charts must not stay as if they were this month's). Throws ChartSheetTakenError
 * or ChartPicturesUnsupportedError, changing nothing.
 */
export async function insertChartSheet(
  pictures: readonly SheetPicture[],
  options: ChartSheetOptions = {},
): Promise<ChartSheetResult> {
  const support = excelSupport();
  if (!support.core) throw new ExcelTooOldError();
  if (!chartPicturesSupported()) throw new ChartPicturesUnsupportedError();
  const budget = options.requestBudget ?? REQUEST_BUDGET;
  try {
    return await Excel.run(async (context) => {
      const trips = countingSync(context);
      const sync = trips.sync;
      const workbook = context.workbook;
      // Look: the sheet of that name, the mark, and whether the workbook may be changed.
      const existing = workbook.worksheets.getItemOrNullObject(CHART_SHEET_NAME);
      existing.load('isNullObject,name,position');
      const mark = workbook.names.getItemOrNullObject(CHART_SHEET_MARK);
      mark.load('isNullObject,formula');
      if (support.readOnly) workbook.load('readOnly');
      await sync();
      if (support.readOnly && workbook.readOnly) throw new ReadOnlyWorkbookError();
      const markedSheet = mark.isNullObject ? null : sheetOf(String(mark.formula));
      const ours =
        !existing.isNullObject && markedSheet !== null && sameName(markedSheet, existing.name);
      if (!existing.isNullObject && !ours) {
        // The user's sheet: left alone. With nothing to put there, there is nothing to say.
        if (pictures.length === 0)
          return { sheet: null, pictures: 0, replaced: false, syncs: trips.count };
        throw new ChartSheetTakenError(existing.name);
      }

      // Write: the old mark (pointing at our old sheet, or left #REF! by a deleted one) and
      // our old sheet go; the new sheet takes the old one's place.
      if (!mark.isNullObject) mark.delete();
      const position = ours ? existing.position : null;
      if (ours) existing.delete();
      if (pictures.length === 0) {
        if (!mark.isNullObject) await sync();
        return { sheet: null, pictures: 0, replaced: ours, syncs: trips.count };
      }
      const sheet = workbook.worksheets.add(CHART_SHEET_NAME);
      if (position !== null) sheet.position = position;
      workbook.names.add(CHART_SHEET_MARK, sheet.getRange('A1'), '通报图表工作表（请勿删除）');
      sheet.getRange('A1').format.columnWidth = columnWidthPoints(MARGIN_CHARS);
      sheet.getRange('B1').format.columnWidth = columnWidthPoints(TITLE_CHARS);
      const note = sheet.getRange('B1');
      note.values = [[NOTE]];
      note.format.font.color = '#7F7F7F';

      // Each picture under its title, a blank row between: row i (0-based) starts at i × 15 pt.
      const left = columnWidthPoints(MARGIN_CHARS);
      let row = 2;
      const placed = pictures.map((p) => {
        const at = { picture: p, titleRow: row, top: (row + 1) * ROW_PT };
        row += 1 + Math.ceil(p.heightPt / ROW_PT) + 1;
        return at;
      });
      sheet.getRange(`A1:A${row}`).format.rowHeight = ROW_PT;
      for (const { picture, titleRow } of placed) {
        const title = sheet.getRange(`B${titleRow + 1}`);
        title.values = [[picture.title]];
        title.format.font.bold = true;
      }
      sheet.activate();

      // The pictures, in as few requests as the budget allows (the sheet's own writes first).
      let bytes = 4096;
      let inBatch = 0;
      for (const { picture, top } of placed) {
        const size = picture.base64.length + PICTURE_OVERHEAD;
        if (inBatch > 0 && bytes + size > budget) {
          await sync();
          bytes = 0;
          inBatch = 0;
        }
        inBatch++;
        const shape = sheet.shapes.addImage(picture.base64);
        shape.name = picture.title;
        shape.left = left;
        shape.top = top;
        shape.width = picture.widthPt;
        shape.height = picture.heightPt;
        bytes += size;
      }
      await sync();
      return {
        sheet: CHART_SHEET_NAME,
        pictures: pictures.length,
        replaced: ours,
        syncs: trips.count,
      };
    });
  } catch (e) {
    if (e instanceof ChartSheetTakenError) throw e;
    throw hostError(e);
  }
}

/** The sheet a name's formula refers to (`=通报图表!$A$1`, `='a b'!$A$1`); null for #REF!. */
function sheetOf(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'#]+))!/.exec(formula);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
}

/** Excel compares sheet names without regard to case. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The pictures for the sheet, drawn in the browser: the figures the text still names, titled
 * and numbered as the document numbers them (图1, 图2…), as PNG (ECharts and the canvas
 * rasteriser are loaded only here). Browser only.
 */
export async function figurePictures(
  text: string,
  charts: readonly ChartSpec[],
): Promise<SheetPicture[]> {
  const figures = textBlocks(text, undefined, charts).flatMap((b) =>
    b.kind === 'figure' ? [{ chart: b.chart, caption: b.caption }] : [],
  );
  if (figures.length === 0) return [];
  const [{ renderFigures }, { browserRasterizer }] = await Promise.all([
    import('../../src/charts/figures'),
    import('../../src/charts/raster-browser'),
  ]);
  const drawn = await renderFigures(
    figures.map((f) => f.chart),
    browserRasterizer,
  );
  return figures.flatMap(({ chart, caption }) => {
    const figure = drawn.get(chart.id);
    if (!figure?.png) return [];
    // CSS pixels to points (96 px = 72 pt): the picture shows at the SVG's size.
    return [
      {
        title: caption,
        base64: toBase64(figure.png),
        widthPt: figure.width * 0.75,
        heightPt: figure.height * 0.75,
      },
    ];
  });
}

/** Bytes as base64, in slices (a whole PNG spread into one call would pass the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
