import type ExcelJS from 'exceljs';

/**
 * The figures as pictures in the annotated workbook, on a sheet of Tongbao's own: “通报图表”,
 * marked as Tongbao's by a workbook-level defined name pointing at its A1 (Excel keeps a
 * defined name, and moves it with the sheet when the sheet is renamed). A re-run replaces that
 * sheet, in its place; a sheet of that name without the mark is the user's, and is refused.
 * No other sheet is touched.
 */
export const CHART_SHEET_NAME = '通报图表';
export const CHART_SHEET_MARK = 'Tongbao_ChartSheet';

export interface ChartImage {
  /** Written above the picture, e.g. “图1 受理渠道及类型对比”. */
  readonly title: string;
  readonly png: Uint8Array;
  /** The size the picture is shown at, in screen pixels (the PNG may have more). */
  readonly widthPx: number;
  readonly heightPx: number;
}

/** A sheet of the chart sheet's name that Tongbao did not make: nothing was changed. */
export class ChartSheetTakenError extends Error {
  override readonly name = 'ChartSheetTakenError';
  constructor(readonly sheet: string) {
    // For developers: users read catalog.cli.chartSheetTaken / ui.chartSheetTaken.
    super(`the workbook already has a sheet named ${sheet} that Tongbao did not make`);
  }
}

const ROW_PX = 20; // rows are 15 pt high: 20 px
const NOTE = '本表由通报（Tongbao）生成，每次生成时整表替换，请勿在此编辑。';

/**
 * Adds (or replaces) the chart sheet with the pictures stacked, each under its title. Throws
 * `ChartSheetTakenError`, changing nothing, when a sheet of that name is the user's.
 */
export function addChartSheet(
  workbook: ExcelJS.Workbook,
  images: readonly ChartImage[],
  name: string = CHART_SHEET_NAME,
): ExcelJS.Worksheet | null {
  const existing = workbook.worksheets.find((ws) => sameName(ws.name, name));
  const reusable: number[] = [];
  let orderNo: number | null = null;
  if (existing) {
    if (!markedSheets(workbook).some((s) => sameName(s, existing.name))) {
      // The user's sheet of that name: left alone (and no charts, said by the caller).
      if (images.length === 0) return null;
      throw new ChartSheetTakenError(existing.name);
    }
    // The old pictures' media entries are reused (or emptied) rather than left behind: ExcelJS
    // writes every medium of the workbook, so each re-run would otherwise grow the file. Only
    // media no other sheet shows: a picture the user copied to a sheet of theirs may share one.
    const elsewhere = new Set(
      workbook.worksheets
        .filter((ws) => ws !== existing)
        .flatMap((ws) => ws.getImages().map((i) => Number(i.imageId))),
    );
    for (const image of existing.getImages()) {
      const id = Number(image.imageId);
      if (!elsewhere.has(id) && !reusable.includes(id)) reusable.push(id);
    }
    orderNo = (existing as unknown as { orderNo: number }).orderNo;
    workbook.removeWorksheet(existing.id);
  }
  // Media an earlier re-run emptied (needed fewer pictures than the one before it).
  const used = new Set(
    workbook.worksheets.flatMap((ws) => ws.getImages().map((i) => Number(i.imageId))),
  );
  const media = (workbook as unknown as { media: { buffer?: Uint8Array }[] }).media;
  media.forEach((m, id) => {
    if (!used.has(id) && !reusable.includes(id) && m.buffer && sameBytes(m.buffer, EMPTY_PNG))
      reusable.push(id);
  });
  reusable.sort((a, b) => a - b);
  for (const range of workbook.definedNames.getRanges(CHART_SHEET_MARK).ranges)
    workbook.definedNames.remove(range, CHART_SHEET_MARK);
  // No pictures this time (no chart, or no font to draw them): last run's sheet goes, its
  // media emptied, rather than last month's charts staying as if they were this month's.
  if (images.length === 0) {
    for (const id of reusable)
      reuse(workbook, id, {
        extension: 'png',
        buffer: toBuffer(EMPTY_PNG) as unknown as ExcelJS.Buffer,
      });
    return null;
  }

  const ws = workbook.addWorksheet(name, {
    properties: { defaultRowHeight: 15, tabColor: { argb: 'FF2E5686' } },
    views: [{ showGridLines: false }],
  });
  if (orderNo !== null) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  workbook.definedNames.add(`${quoteSheet(name)}!$A$1`, CHART_SHEET_MARK);
  ws.getColumn(1).width = 2;
  ws.getColumn(2).width = 60;
  const note = ws.getCell(1, 2);
  note.value = NOTE;
  note.font = { italic: true, color: { argb: 'FF7F7F7F' }, size: 9 };

  let row = 3; // 1-based
  for (const image of images) {
    const title = ws.getCell(row, 2);
    title.value = image.title;
    title.font = { bold: true, size: 12 };
    const media: ExcelJS.Image = {
      extension: 'png',
      buffer: toBuffer(image.png) as unknown as ExcelJS.Buffer,
    };
    const id =
      reusable.length > 0 ? reuse(workbook, reusable.shift()!, media) : workbook.addImage(media);
    ws.addImage(id, {
      tl: { col: 1, row }, // 0-based: column B, the row under the title
      ext: { width: image.widthPx, height: image.heightPx },
      editAs: 'oneCell',
    });
    row += 1 + Math.ceil(image.heightPx / ROW_PX) + 1;
  }
  for (const id of reusable)
    reuse(workbook, id, {
      extension: 'png',
      buffer: toBuffer(EMPTY_PNG) as unknown as ExcelJS.Buffer,
    });
  return ws;
}

/** The sheets the mark points at (normally one). */
function markedSheets(workbook: ExcelJS.Workbook): string[] {
  return workbook.definedNames
    .getRanges(CHART_SHEET_MARK)
    .ranges.map((r) => /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(r))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!));
}

/** Excel compares sheet names without regard to case. */
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function reuse(workbook: ExcelJS.Workbook, id: number, image: ExcelJS.Image): number {
  const media = (workbook as unknown as { media: object[] }).media;
  if (!Number.isInteger(id) || id < 0 || id >= media.length) return workbook.addImage(image);
  media[id] = { ...image, type: 'image' };
  return id;
}

function toBuffer(bytes: Uint8Array): Uint8Array {
  // ExcelJS hands the buffer to its zip writer, which takes a Buffer in Node and a Uint8Array
  // in browsers; Node's Buffer is a Uint8Array, so a Buffer view over the same bytes serves both.
  const B = (
    globalThis as { Buffer?: { from(b: ArrayBufferLike, o: number, l: number): Uint8Array } }
  ).Buffer;
  return B ? B.from(bytes.buffer, bytes.byteOffset, bytes.length) : bytes;
}

/** A 1×1 white PNG, for a medium an earlier run used that this one does not need. */
const EMPTY_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xf8, 0xff, 0xff, 0x3f,
  0x00, 0x05, 0xfe, 0x02, 0xfe, 0x33, 0x12, 0x95, 0x14, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
]);
