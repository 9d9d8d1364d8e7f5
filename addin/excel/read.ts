/**
 * Reading the workbook, following the host's rules:
 *  - no method is called on an object whose `isNullObject` is not yet known: the sheet list
 *    comes first (collection items are never null objects), then the used ranges of those
 *    sheets, loaded (a load on a null object is allowed, a method call is not);
 *  - hidden and very hidden sheets are neither read nor evaluated, only named;
 *  - merged areas are read from the whole sheet (`getRange()` always exists), with the values
 *    in one request; `getMergedAreasOrNullObject` fails above 512 areas, so when that request
 *    fails the merges are read apart, and a sheet whose merges still fail is evaluated without;
 *  - Excel on the web refuses a request or a response over 5 MB: a block that is refused is
 *    halved and read again, down to one row;
 *  - `formulas` is loaded with `values` everywhere (a formula whose result is "" reads as an
 *    empty value but is the user's cell: the write plan must not write over it). It doubles
 *    each response: the row blocks count two properties a cell (`PROPS_PER_CELL`), and a
 *    workbook too big for one response takes more round trips than with values alone.
 * An ordinary workbook takes two round trips: the sheet list, then values and merges.
 */
import { noteKey, rangeAddress, type MergedArea, type SheetGrid } from '../../src/core/grid';
import { errorCode, isPayloadLimit } from '../taskpane/errors';
import type { ExcelSupport } from './support';

/** Cells per read request when a sheet is too big for one response (≈ 60 bytes a cell). */
export const CELLS_PER_READ = 60_000;

/** What every read loads of each cell. */
const CELL_PROPS = 'values,formulas';
/** `values` and `formulas`: the block sizes count both. */
const PROPS_PER_CELL = 2;

const MERGE_PROPS =
  'isNullObject,areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount';

export interface WorkbookRead {
  /** The visible sheets, in workbook order. */
  readonly grids: SheetGrid[];
  /** Hidden and very hidden sheets, in workbook order: not read. */
  readonly hidden: string[];
  /** Visible sheets whose `protection.protected` is true. */
  readonly protectedSheets: ReadonlySet<string>;
  /** Visible sheets whose merged areas could not be read. */
  readonly mergesUnread: string[];
  /** `workbook.readOnly` (ExcelApi 1.8); false where it cannot be asked. */
  readonly readOnly: boolean;
}

interface Used {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

interface SheetRead {
  readonly name: string;
  used: Used | null;
  values: unknown[][];
  /** `Range.formulas`, same shape as `values`: a formula is a string starting with `=`. */
  formulas: unknown[][];
  merges: MergedArea[] | null;
}

type Sync = () => Promise<void>;

export async function readWorkbook(
  context: Excel.RequestContext,
  support: ExcelSupport,
  sync: Sync,
): Promise<WorkbookRead> {
  // Round trip 1: the sheet list, with what decides whether a sheet is read and written.
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  if (support.readOnly) context.workbook.load('readOnly');
  await sync();
  const visible = worksheets.items.filter((ws) => ws.visibility === 'Visible');
  const hidden = worksheets.items.filter((ws) => ws.visibility !== 'Visible').map((ws) => ws.name);
  const protectedSheets = new Set(
    visible.filter((ws) => ws.protection.protected).map((ws) => ws.name),
  );
  const sheets: SheetRead[] = visible.map((ws) => ({
    name: ws.name,
    used: null,
    values: [],
    formulas: [],
    merges: null,
  }));
  const mergesUnread: string[] = [];
  try {
    // Round trip 2: every visible sheet's values, and its merged areas, at once.
    await readTogether(context, support, sheets, sync);
  } catch (e) {
    // Cell-edit mode fails every request: trying again piecemeal would only fail again.
    if (errorCode(e) === 'InvalidOperationInCellEditMode') throw e;
    if (!isPayloadLimit(e) && !support.merges) throw e;
    await readApart(context, support, sheets, sync, mergesUnread);
  }
  return {
    grids: sheets.map(toGrid),
    hidden,
    protectedSheets,
    mergesUnread,
    readOnly: support.readOnly ? context.workbook.readOnly : false,
  };
}

async function readTogether(
  context: Excel.RequestContext,
  support: ExcelSupport,
  sheets: SheetRead[],
  sync: Sync,
): Promise<void> {
  const queued = sheets.map((sheet) => {
    const ws = context.workbook.worksheets.getItem(sheet.name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(`isNullObject,rowIndex,columnIndex,rowCount,columnCount,${CELL_PROPS}`);
    const merges = support.merges ? ws.getRange().getMergedAreasOrNullObject() : null;
    merges?.load(MERGE_PROPS);
    return { sheet, used, merges };
  });
  await sync();
  for (const { sheet, used, merges } of queued) {
    sheet.used = usedOf(used);
    sheet.values = sheet.used ? used.values : [];
    sheet.formulas = sheet.used ? (used.formulas as unknown[][]) : [];
    sheet.merges = merges ? mergesOf(merges) : null;
  }
}

/**
 * The values and merges again, each apart, after the request with both failed: the used
 * ranges' shapes, the values in row blocks (halved while refused), then the merges — for all
 * sheets in one request, and sheet by sheet if that fails too.
 */
async function readApart(
  context: Excel.RequestContext,
  support: ExcelSupport,
  sheets: SheetRead[],
  sync: Sync,
  mergesUnread: string[],
): Promise<void> {
  const shapes = sheets.map((sheet) => {
    const used = context.workbook.worksheets
      .getItem(sheet.name)
      .getUsedRangeOrNullObject(true)
      .load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
    return { sheet, used };
  });
  await sync();
  for (const { sheet, used } of shapes) sheet.used = usedOf(used);
  const withData = sheets.filter((s) => s.used !== null);
  await readBlocks(context, withData, sync);
  if (!support.merges) return;
  try {
    await readMerges(context, withData, sync);
  } catch (e) {
    if (errorCode(e) === 'InvalidOperationInCellEditMode') throw e;
    for (const sheet of withData) {
      try {
        await readMerges(context, [sheet], sync);
      } catch (e2) {
        if (errorCode(e2) === 'InvalidOperationInCellEditMode') throw e2;
        // Over 512 merged areas (or any failure of this read alone): the engine copes
        // without merges, less well, and the pane says so.
        mergesUnread.push(sheet.name);
      }
    }
  }
}

async function readMerges(
  context: Excel.RequestContext,
  sheets: readonly SheetRead[],
  sync: Sync,
): Promise<void> {
  const queued = sheets.map((sheet) => {
    const merges = context.workbook.worksheets
      .getItem(sheet.name)
      .getRange()
      .getMergedAreasOrNullObject();
    merges.load(MERGE_PROPS);
    return { sheet, merges };
  });
  await sync();
  for (const { sheet, merges } of queued) sheet.merges = mergesOf(merges);
}

interface Block {
  readonly sheet: SheetRead;
  /** First row, relative to the used range. */
  readonly row: number;
  readonly rows: number;
}

/** Row blocks of about CELLS_PER_READ cells, several to a request; a refused one is halved. */
async function readBlocks(
  context: Excel.RequestContext,
  sheets: readonly SheetRead[],
  sync: Sync,
): Promise<void> {
  let batch: Block[] = [];
  let cells = 0;
  for (const sheet of sheets) {
    const used = sheet.used!;
    sheet.values = new Array<unknown[]>(used.rows);
    sheet.formulas = new Array<unknown[]>(used.rows);
    const budget = CELLS_PER_READ / PROPS_PER_CELL;
    const rowsPerRead = Math.max(1, Math.floor(budget / used.cols));
    for (let r = 0; r < used.rows; r += rowsPerRead) {
      const rows = Math.min(rowsPerRead, used.rows - r);
      if (cells > 0 && cells + rows * used.cols > budget) {
        await readBatch(context, batch, sync);
        batch = [];
        cells = 0;
      }
      batch.push({ sheet, row: r, rows });
      cells += rows * used.cols;
    }
  }
  if (batch.length > 0) await readBatch(context, batch, sync);
}

async function readBatch(
  context: Excel.RequestContext,
  blocks: readonly Block[],
  sync: Sync,
): Promise<void> {
  const ranges = blocks.map(({ sheet, row, rows }) => {
    const used = sheet.used!;
    return context.workbook.worksheets
      .getItem(sheet.name)
      .getRange(rangeAddress({ row: used.row + row, col: used.col, rows, cols: used.cols }))
      .load(CELL_PROPS);
  });
  try {
    await sync();
  } catch (e) {
    if (!isPayloadLimit(e)) throw e;
    // Still too big: the batch in halves, a single block in halves, down to one row.
    if (blocks.length > 1) {
      const mid = Math.ceil(blocks.length / 2);
      await readBatch(context, blocks.slice(0, mid), sync);
      await readBatch(context, blocks.slice(mid), sync);
      return;
    }
    const only = blocks[0]!;
    if (only.rows <= 1) throw e;
    const half = Math.ceil(only.rows / 2);
    await readBatch(context, [{ sheet: only.sheet, row: only.row, rows: half }], sync);
    await readBatch(
      context,
      [{ sheet: only.sheet, row: only.row + half, rows: only.rows - half }],
      sync,
    );
    return;
  }
  blocks.forEach(({ sheet, row }, i) => {
    ranges[i]!.values.forEach((values, r) => {
      sheet.values[row + r] = values;
    });
    ranges[i]!.formulas.forEach((formulas, r) => {
      sheet.formulas[row + r] = formulas;
    });
  });
}

function usedOf(used: Excel.Range): Used | null {
  if (used.isNullObject) return null;
  return {
    row: used.rowIndex,
    col: used.columnIndex,
    rows: used.rowCount,
    cols: used.columnCount,
  };
}

/** Merged areas in sheet coordinates. */
function mergesOf(areas: Excel.RangeAreas): MergedArea[] {
  if (areas.isNullObject) return [];
  return areas.areas.items.map((m) => ({
    top: m.rowIndex,
    left: m.columnIndex,
    bottom: m.rowIndex + m.rowCount - 1,
    right: m.columnIndex + m.columnCount - 1,
  }));
}

/**
 * The grid the engine reads: values from the used range's top-left, merges moved there too.
 * Merges are read from the whole sheet, so one may lie (partly) above or left of the used
 * range: it is clipped to the grid, and dropped when nothing of it is left.
 */
function toGrid(sheet: SheetRead): SheetGrid {
  const used = sheet.used;
  if (!used) return { name: sheet.name, values: [] };
  const merges = sheet.merges
    ?.filter((m) => m.bottom >= used.row && m.right >= used.col)
    .map((m) => ({
      top: Math.max(0, m.top - used.row),
      left: Math.max(0, m.left - used.col),
      bottom: m.bottom - used.row,
      right: m.right - used.col,
    }));
  const formulas = formulaCells(sheet.formulas);
  return {
    name: sheet.name,
    values: sheet.values as (string | number | boolean)[][],
    origin: { row: used.row, col: used.col },
    merges,
    ...(formulas.size > 0 ? { formulas } : {}),
  };
}

/** The cells of `Range.formulas` holding a formula (a string starting with `=`), as grid keys. */
function formulaCells(formulas: readonly (readonly unknown[] | undefined)[]): Set<string> {
  const out = new Set<string>();
  formulas.forEach((row, r) =>
    row?.forEach((f, c) => {
      if (typeof f === 'string' && f.startsWith('=')) out.add(noteKey(r, c));
    }),
  );
  return out;
}
