/**
 * Reading the workbook, following the host's rules:
 *  - no method is called on an object whose `isNullObject` is not yet known: the sheet list
 *    comes first (collection items are never null objects), then the used ranges of those
 *    sheets, loaded (a load on a null object is allowed, a method call is not);
 *  - hidden and very hidden sheets are neither read nor evaluated, only named;
 *  - an ordinary workbook takes two round trips: the sheet list, then every sheet's values and
 *    merged areas at once (`getRange()`, the whole sheet, always exists);
 *  - when that request fails, the sheets are read apart, measured before they are read: the
 *    used ranges' shapes first (cheap whatever their size). Excel reads at most 5,000,000 cells
 *    of a range (`RangeExceedsLimit`), and one stray value in XFD2000 makes the used range
 *    A1:XFD2000, 32.7 million cells: a used range larger than one request is looked into, by
 *    the used ranges of its strips, down to the blocks that hold values, and only those are
 *    read — never the empty far columns, never one row per request;
 *  - Excel on the web refuses a request or a response over 5 MB: a block that is refused is
 *    halved and read again, down to one row;
 *  - `getMergedAreasOrNullObject` fails above 512 areas and returns an area only from the range
 *    holding its top-left cell: read apart, the merged areas are asked for in row bands (more
 *    bands while a request fails), each area kept once, from the band of its top-left cell;
 *    a sheet whose merges still fail is evaluated without, and the pane says so;
 *  - cells far beyond all the others (a stray value in XFD2000 or A1048576) are left out of the
 *    grid and named (`SheetGrid.farCells`), by the command line's rule (src/io/xlsx-read.ts):
 *    the engine says which cells lie outside the tables in the same words. A sheet whose values
 *    still span more than 5,000,000 cells is refused naming its range, in the CLI's words;
 *  - `formulas` is loaded with `values` everywhere (a formula whose result is "" reads as an
 *    empty value but is the user's cell: the write plan must not write over it). It doubles
 *    each response: the row blocks count two properties a cell (`PROPS_PER_CELL`), and a
 *    workbook too big for one response takes more round trips than with values alone.
 */
import {
  cellAddress,
  noteKey,
  rangeAddress,
  type MergedArea,
  type SheetGrid,
} from '../../src/core/grid';
import { HostError, errorCode, isPayloadLimit } from '../taskpane/errors';
import type { ExcelSupport } from './support';

/** Cells per read request when a sheet is too big for one response (≈ 60 bytes a cell). */
export const CELLS_PER_READ = 60_000;

/**
 * “A range is limited to 5,000,000 cells for read operations” (Resource limits and performance
 * optimization for Office Add-ins, “Excel add-ins”); the CLI refuses a sheet whose values span
 * more (MAX_GRID_CELLS in src/io/xlsx-read.ts, which the add-in cannot import: it loads ExcelJS).
 */
export const MAX_READ_CELLS = 5_000_000;

/**
 * The command line's rule for far-off cells (FAR_GAP_ROWS, FAR_GAP_COLS and FAR_CELLS in
 * src/io/xlsx-read.ts; a test keeps them equal): values more than 1,000 empty rows below or 100
 * empty columns right of all the others, at most 20 cells in all counted from the end of the
 * sheet, are left out of the grid and named. More than that is content.
 */
export const FAR_GAP_ROWS = 1000;
export const FAR_GAP_COLS = 100;
export const FAR_CELLS = 20;

/** What every read loads of each cell. */
const CELL_PROPS = 'values,formulas';
/** `values` and `formulas`: the block sizes count both. */
const PROPS_PER_CELL = 2;
/** Cells one read request carries: a used range larger than this is looked into first. */
const CELLS_PER_BATCH = CELLS_PER_READ / PROPS_PER_CELL;
/** A used range's shape: what it costs nothing to load, whatever its size. */
const SHAPE = 'isNullObject,rowIndex,columnIndex,rowCount,columnCount';
/** Strips a large used range is cut into to find where its values are. */
const STRIPS = 16;
/** Rounds of looking into strips, and the most strips one round asks for. */
const LOOK_ROUNDS = 4;
const MAX_STRIPS = 4096;
/** Row bands per sheet in successive requests for merged areas while one fails. */
const MERGE_BANDS = [2, 16, 128, 1024];

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

/** A block of a sheet, 0-based sheet coordinates. */
interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** A block read: its values and formulas (`Range.formulas`: a formula starts with `=`). */
interface Piece {
  readonly rect: Rect;
  readonly values: unknown[][];
  readonly formulas: unknown[][];
}

interface SheetRead {
  readonly name: string;
  /** The used range (values only); null for an empty sheet. */
  used: Rect | null;
  /** The blocks read: the used range, or the blocks of it that hold values. */
  pieces: Piece[];
  merges: MergedArea[] | null;
}

type Sync = () => Promise<void>;

const cellsOf = (r: Rect) => r.rows * r.cols;

/** Refused as too big to read, in the CLI's words (problems.tooBig: sheet, range). */
function tooBig(sheet: string, r: Rect): HostError {
  const range = rangeAddress(r);
  return new HostError(
    `sheet ${sheet} holds values across ${range} (${cellsOf(r)} cells): too big to read`,
    'tooBig',
    null,
    [sheet, range],
  );
}

/** A request refused for its size: the payload limits, or the read limit of 5,000,000 cells. */
function isReadLimit(e: unknown): boolean {
  return isPayloadLimit(e) || errorCode(e) === 'RangeExceedsLimit';
}

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
    pieces: [],
    merges: null,
  }));
  const mergesUnread: string[] = [];
  try {
    // Round trip 2: every visible sheet's values, and its merged areas, at once.
    await readTogether(context, support, sheets, sync);
  } catch (e) {
    // Cell-edit mode fails every request: trying again piecemeal would only fail again.
    if (errorCode(e) === 'InvalidOperationInCellEditMode') throw e;
    if (!isReadLimit(e) && !support.merges) throw e;
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
    used.load(`${SHAPE},${CELL_PROPS}`);
    const merges = support.merges ? ws.getRange().getMergedAreasOrNullObject() : null;
    merges?.load(MERGE_PROPS);
    return { sheet, used, merges };
  });
  await sync();
  for (const { sheet, used, merges } of queued) {
    sheet.used = usedOf(used);
    sheet.pieces = sheet.used
      ? [{ rect: sheet.used, values: used.values, formulas: used.formulas as unknown[][] }]
      : [];
    sheet.merges = merges ? mergesOf(merges) : null;
  }
}

/**
 * The values and merges again, each apart, after the request with both failed: the used
 * ranges' shapes; the large ones looked into, down to the blocks holding values; those blocks
 * read in row blocks (halved while refused), the merged areas in row bands riding along with
 * the first of them.
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
      .load(SHAPE);
    return { sheet, used };
  });
  await sync();
  for (const { sheet, used } of shapes) sheet.used = usedOf(used);
  const withData = sheets.filter((s) => s.used !== null);
  const blocks = await lookInto(context, withData, sync);
  for (const sheet of withData) {
    const found = blocks.get(sheet)!;
    // Values over the read limit even without the far-off ones: refused before reading them.
    if (found.reduce((n, r) => n + cellsOf(r), 0) > MAX_READ_CELLS)
      throw tooBig(sheet.name, sheet.used!);
    sheet.pieces = found.map((rect) => ({
      rect,
      values: new Array<unknown[]>(rect.rows),
      formulas: new Array<unknown[]>(rect.rows),
    }));
  }
  const merges = support.merges
    ? new BandedMerges(withData.map((sheet) => ({ sheet, rows: mergeRows(blocks.get(sheet)!) })))
    : null;
  await readBlocks(context, withData, sync, merges ?? undefined);
  await merges?.finish(context, sync, mergesUnread);
}

/**
 * The blocks of each sheet that hold its values: the used range itself when it fits one
 * request; else the used ranges of its strips, each looked into again while it is larger than
 * one request, until strips no longer shrink (values fill at least half of it: that is what
 * there is to read) or after `LOOK_ROUNDS` rounds. One round trip a round, for all sheets.
 */
async function lookInto(
  context: Excel.RequestContext,
  sheets: readonly SheetRead[],
  sync: Sync,
): Promise<Map<SheetRead, Rect[]>> {
  const found = new Map<SheetRead, Rect[]>(sheets.map((s) => [s, []]));
  let pending: { sheet: SheetRead; rect: Rect }[] = [];
  for (const sheet of sheets) {
    if (cellsOf(sheet.used!) > CELLS_PER_BATCH) pending.push({ sheet, rect: sheet.used! });
    else found.get(sheet)!.push(sheet.used!);
  }
  for (let round = 0; round < LOOK_ROUNDS && pending.length > 0; round++) {
    if (pending.length * STRIPS > MAX_STRIPS) break;
    const asked = pending.map(({ sheet, rect }) => {
      const ws = context.workbook.worksheets.getItem(sheet.name);
      const parts = strips(rect).map((s) =>
        ws.getRange(rangeAddress(s)).getUsedRangeOrNullObject(true).load(SHAPE),
      );
      return { sheet, rect, parts };
    });
    await sync();
    pending = [];
    for (const { sheet, rect, parts } of asked) {
      const used = parts.map(usedOf).filter((u): u is Rect => u !== null);
      const list = found.get(sheet)!;
      if (2 * used.reduce((n, u) => n + cellsOf(u), 0) >= cellsOf(rect)) list.push(rect);
      else
        for (const u of used)
          if (cellsOf(u) > CELLS_PER_BATCH) pending.push({ sheet, rect: u });
          else list.push(u);
    }
  }
  for (const { sheet, rect } of pending) found.get(sheet)!.push(rect);
  return found;
}

/** A block cut across its longer side into at most `STRIPS` strips. */
function strips(r: Rect): Rect[] {
  const byRows = r.rows >= r.cols;
  const length = byRows ? r.rows : r.cols;
  const step = Math.ceil(length / Math.min(STRIPS, length));
  const out: Rect[] = [];
  for (let at = 0; at < length; at += step) {
    const n = Math.min(step, length - at);
    out.push(
      byRows
        ? { row: r.row + at, col: r.col, rows: n, cols: r.cols }
        : { row: r.row, col: r.col + at, rows: r.rows, cols: n },
    );
  }
  return out;
}

/**
 * Rows [0, n) of the sheet hold every merged area the grid can meet: the blocks' rows but the
 * trailing ones that may be far off (their cells, at most, within `FAR_CELLS`: the grid will
 * leave them out; fewer values than cells only leave out fewer rows).
 */
function mergeRows(blocks: readonly Rect[]): number {
  const counts = new Map<number, number>();
  const ends = new Map<number, number>();
  for (const b of blocks) {
    counts.set(b.row, (counts.get(b.row) ?? 0) + cellsOf(b));
    ends.set(b.row, Math.max(ends.get(b.row) ?? 0, b.row + b.rows - 1));
  }
  return lastKept(counts, FAR_GAP_ROWS, ends) + 1;
}

interface Block {
  readonly piece: Piece;
  /** First row, relative to the piece. */
  readonly row: number;
  readonly rows: number;
  readonly sheet: string;
}

/**
 * Row blocks of about CELLS_PER_READ cells, several to a request; a refused one is halved.
 * The merged areas ride along with the first request.
 */
async function readBlocks(
  context: Excel.RequestContext,
  sheets: readonly SheetRead[],
  sync: Sync,
  rider: BandedMerges | undefined,
): Promise<void> {
  let batch: Block[] = [];
  let cells = 0;
  let ride = rider;
  const flush = async () => {
    await readBatch(context, batch, sync, ride);
    ride = undefined;
    batch = [];
    cells = 0;
  };
  for (const sheet of sheets) {
    for (const piece of sheet.pieces) {
      const { rows: total, cols } = piece.rect;
      const rowsPerRead = Math.max(1, Math.floor(CELLS_PER_BATCH / cols));
      for (let r = 0; r < total; r += rowsPerRead) {
        const rows = Math.min(rowsPerRead, total - r);
        if (cells > 0 && cells + rows * cols > CELLS_PER_BATCH) await flush();
        batch.push({ piece, row: r, rows, sheet: sheet.name });
        cells += rows * cols;
      }
    }
  }
  if (batch.length > 0) await flush();
}

async function readBatch(
  context: Excel.RequestContext,
  blocks: readonly Block[],
  sync: Sync,
  rider?: BandedMerges,
): Promise<void> {
  const ranges = blocks.map(({ piece, row, rows, sheet }) => {
    const { row: top, col, cols } = piece.rect;
    return context.workbook.worksheets
      .getItem(sheet)
      .getRange(rangeAddress({ row: top + row, col, rows, cols }))
      .load(CELL_PROPS);
  });
  const rode = rider?.queue(context);
  try {
    await sync();
  } catch (e) {
    if (errorCode(e) === 'InvalidOperationInCellEditMode') throw e;
    rider?.failed(e);
    if (!isPayloadLimit(e)) {
      if (!rider) throw e;
      // The merged areas may be what failed: the values again alone, the merges after.
      await readBatch(context, blocks, sync);
      return;
    }
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
    await readBatch(context, [{ ...only, rows: half }], sync);
    await readBatch(context, [{ ...only, row: only.row + half, rows: only.rows - half }], sync);
    return;
  }
  rode?.();
  blocks.forEach(({ piece, row }, i) => {
    ranges[i]!.values.forEach((values, r) => {
      piece.values[row + r] = values;
    });
    ranges[i]!.formulas.forEach((formulas, r) => {
      piece.formulas[row + r] = formulas;
    });
  });
}

/**
 * Merged areas asked for in row bands of rows [0, rows) over all columns (a merged target
 * cell right of a table is the user's, even empty), every sheet in one request: 2 bands each,
 * then 16, 128, 1024 while the request fails (more than 512 areas in one band). Excel returns
 * an area only from the band holding its top-left cell; an area is kept once all the same.
 */
class BandedMerges {
  private level = 0;
  private done: boolean;

  constructor(private readonly sheets: readonly { sheet: SheetRead; rows: number }[]) {
    this.done = sheets.length === 0;
  }

  /** Queues this level's bands; what to do once the request succeeded. */
  queue(context: Excel.RequestContext): () => void {
    const n = MERGE_BANDS[this.level]!;
    const asked = this.sheets.map(({ sheet, rows }) => {
      const ws = context.workbook.worksheets.getItem(sheet.name);
      const areas = bands(rows, n).map(({ row, rows: count }) =>
        ws
          .getRange(rangeAddress({ row, col: 0, rows: count, cols: 16_384 }))
          .getMergedAreasOrNullObject()
          .load(MERGE_PROPS),
      );
      return { sheet, areas };
    });
    return () => {
      for (const { sheet, areas } of asked) {
        const seen = new Map<string, MergedArea>();
        for (const m of areas.flatMap(mergesOf))
          seen.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
        sheet.merges = [...seen.values()];
      }
      this.done = true;
    };
  }

  /** The request with the bands failed: a refused payload says nothing of them, else more. */
  failed(e: unknown): void {
    if (!isReadLimit(e)) this.level++;
  }

  /** This level's bands are the finest: single rows, or the most bands asked for. */
  private finest(): boolean {
    const n = MERGE_BANDS[this.level]!;
    return this.level === MERGE_BANDS.length - 1 || this.sheets.every(({ rows }) => n >= rows);
  }

  async finish(context: Excel.RequestContext, sync: Sync, unread: string[]): Promise<void> {
    while (!this.done) {
      const commit = this.queue(context);
      try {
        await sync();
        commit();
      } catch (e) {
        if (errorCode(e) === 'InvalidOperationInCellEditMode') throw e;
        if (!this.finest()) {
          this.level++;
          continue;
        }
        // One sheet with more than 512 areas in a single row fails the others' requests too:
        // each alone, at these bands; a sheet that still fails is read without merges (the
        // engine copes, less well, and the pane says so).
        if (this.sheets.length === 1) unread.push(this.sheets[0]!.sheet.name);
        else
          for (const one of this.sheets) {
            const alone = new BandedMerges([one]);
            alone.level = this.level;
            await alone.finish(context, sync, unread);
          }
        return;
      }
    }
  }
}

/** Rows [0, rows) in at most `n` bands of equal height. */
function bands(rows: number, n: number): { row: number; rows: number }[] {
  const step = Math.max(1, Math.ceil(rows / n));
  const out: { row: number; rows: number }[] = [];
  for (let row = 0; row < rows; row += step) out.push({ row, rows: Math.min(step, rows - row) });
  return out;
}

function usedOf(used: Excel.Range): Rect | null {
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

/** A cell the user filled: a value, or a formula (whose result may read as ""). */
function holds(value: unknown, formula: unknown): boolean {
  return (
    (value !== '' && value !== null && value !== undefined) ||
    (typeof formula === 'string' && formula.startsWith('='))
  );
}

/**
 * The last number kept of `counts` (number → cells there), by the CLI's rule for far-off
 * cells: numbers in runs that no gap of more than `gap` empty ones splits; the trailing runs
 * holding at most `FAR_CELLS` cells in all are far off (never the first run). `ends` gives a
 * number's own last one (a block's rows), where it spans several.
 */
function lastKept(
  counts: ReadonlyMap<number, number>,
  gap: number,
  ends?: ReadonlyMap<number, number>,
): number {
  const runs: { end: number; count: number }[] = [];
  for (const n of [...counts.keys()].sort((a, b) => a - b)) {
    const end = ends?.get(n) ?? n;
    const last = runs[runs.length - 1];
    if (last && n - last.end - 1 <= gap) {
      last.end = Math.max(last.end, end);
      last.count += counts.get(n)!;
    } else runs.push({ end, count: counts.get(n)! });
  }
  let i = runs.length - 1;
  let dropped = 0;
  while (i > 0 && dropped + runs[i]!.count <= FAR_CELLS) dropped += runs[i--]!.count;
  return runs[i]!.end;
}

/**
 * The box the grid covers — the used range, less the far-off cells at its end — and those
 * cells' addresses, in sheet order.
 */
function extent(used: Rect, pieces: readonly Piece[]): { box: Rect; far: string[] } {
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (const { rect, values, formulas } of pieces)
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!holds(v, formulas[r]?.[c])) return;
        rows.set(rect.row + r, (rows.get(rect.row + r) ?? 0) + 1);
        cols.set(rect.col + c, (cols.get(rect.col + c) ?? 0) + 1);
      }),
    );
  if (rows.size === 0) return { box: used, far: [] };
  const lastRow = lastKept(rows, FAR_GAP_ROWS);
  const lastCol = lastKept(cols, FAR_GAP_COLS);
  const box = {
    row: used.row,
    col: used.col,
    rows: lastRow - used.row + 1,
    cols: lastCol - used.col + 1,
  };
  if (box.rows === used.rows && box.cols === used.cols) return { box, far: [] };
  const far: { row: number; col: number }[] = [];
  for (const { rect, values, formulas } of pieces)
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const at = { row: rect.row + r, col: rect.col + c };
        if ((at.row > lastRow || at.col > lastCol) && holds(v, formulas[r]?.[c])) far.push(at);
      }),
    );
  far.sort((a, b) => a.row - b.row || a.col - b.col);
  return { box, far: far.map((f) => cellAddress(f.row, f.col)) };
}

/** The pieces' values and formula cells within the box, in grid coordinates. */
function assemble(
  box: Rect,
  pieces: readonly Piece[],
): { values: unknown[][]; formulas: Set<string> } {
  const formulas = new Set<string>();
  const only = pieces.length === 1 ? pieces[0]! : null;
  // The used range read whole (the ordinary case): its own rows, cut to the box if need be.
  const whole = only !== null && only.rect.row === box.row && only.rect.col === box.col;
  let values: unknown[][];
  if (whole) {
    values = only.values.slice(0, box.rows);
    if (only.rect.cols > box.cols) values = values.map((row) => row.slice(0, box.cols));
  } else {
    values = Array.from({ length: box.rows }, () => new Array<unknown>(box.cols).fill(''));
  }
  for (const piece of pieces) {
    const dr = piece.rect.row - box.row;
    const dc = piece.rect.col - box.col;
    piece.formulas.forEach((row, r) => {
      const gr = dr + r;
      if (gr >= box.rows) return;
      row.forEach((f, c) => {
        const gc = dc + c;
        if (gc >= box.cols) return;
        if (!whole) values[gr]![gc] = piece.values[r]![c];
        if (typeof f === 'string' && f.startsWith('=')) formulas.add(noteKey(gr, gc));
      });
    });
  }
  return { values, formulas };
}

/**
 * The grid the engine reads: values from the box's top-left, merges moved there too. Merges
 * are read from the whole sheet (or whole rows), so one may lie (partly) above or left of the
 * box: it is clipped to the grid, and dropped when nothing of it is left.
 */
function toGrid(sheet: SheetRead): SheetGrid {
  const used = sheet.used;
  if (!used) return { name: sheet.name, values: [] };
  const { box, far } = extent(used, sheet.pieces);
  if (cellsOf(box) > MAX_READ_CELLS) throw tooBig(sheet.name, box);
  const { values, formulas } = assemble(box, sheet.pieces);
  const merges = sheet.merges
    ?.filter((m) => m.bottom >= box.row && m.right >= box.col)
    .map((m) => ({
      top: Math.max(0, m.top - box.row),
      left: Math.max(0, m.left - box.col),
      bottom: m.bottom - box.row,
      right: m.right - box.col,
    }));
  return {
    name: sheet.name,
    values: values as (string | number | boolean)[][],
    origin: { row: box.row, col: box.col },
    merges,
    ...(formulas.size > 0 ? { formulas } : {}),
    ...(far.length > 0 ? { farCells: far } : {}),
  };
}
