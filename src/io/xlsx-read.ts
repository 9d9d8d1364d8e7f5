import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { UserFacingError } from '../core/errors';
import { excelDate } from '../core/excel-date';
import {
  cellAddress,
  columnIndex,
  noteKey,
  rangeAddress,
  type CellNote,
  type CellValue,
  type MergedArea,
  type SheetGrid,
} from '../core/grid';
import { excerpt } from '../core/counts';
import type { WorkbookSize } from './xlsx-size';

// [issue 18] Moved to src/core/excel-date.ts (the Excel pane uses it, without ExcelJS).
export { excelDate } from '../core/excel-date';

/**
 * The workbook could not be opened as .xlsx: `legacyXls` for an Excel 97-2003 file (the user
 * must save it as .xlsx), `encrypted` for a password-protected workbook (same container as
 * .xls, holding an EncryptedPackage), `notXlsx` for anything else (not a zip, corrupt).
 */
export class WorkbookReadError extends UserFacingError {
  override readonly name = 'WorkbookReadError';
  constructor(
    message: string,
    readonly kind: 'legacyXls' | 'encrypted' | 'notXlsx' | 'tooBig' = 'notXlsx',
    // [grid bounds] `tooBig` names the sheet and the range its values span (and the cells);
    // for another part of the zip, its path and megabytes after three empty subjects.
    subjects: readonly string[] = [],
  ) {
    // The kind is the catalog key; the file name is the caller's (`problemText(ui, e, file)`).
    super(message, kind, null, subjects);
  }
}

// [grid bounds] begin — bounded time and memory on small hostile files.
/**
 * The most cells the grids of one workbook may hold in all (each sheet's grid is the box from
 * A1 to its last value): a stray value in XFD1048576 would otherwise ask for 17 billion.
 */
export const MAX_GRID_CELLS = 5_000_000;

/** `A1:B2` (or `A1`, `$A$1`) as a 0-based merged area; null if it is no range. */
export function parseRange(ref: string): MergedArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return null;
  const c1 = columnIndex(m[1]!);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] === undefined ? c1 : columnIndex(m[3]);
  const r2 = m[4] === undefined ? r1 : Number(m[4]) - 1;
  if (r1 < 0 || r2 < 0) return null;
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  };
}

// [issue 18] begin — far-off cells and overlapping merged areas.
/**
 * Values more than so many empty rows (columns) beyond all the others are far off: a stray
 * value in A1048576 under a table. At most `FAR_CELLS` of them in all, counted from the end
 * of the sheet, are left out of the grid and named (`SheetGrid.farCells`); more than that is
 * content, read (or refused as too big, as before). No evaluation table fits in 20 cells.
 */
export const FAR_GAP_ROWS = 1000;
export const FAR_GAP_COLS = 100;
export const FAR_CELLS = 20;

/**
 * Row (or column) numbers holding values, as runs that no gap of more than `gap` empty ones
 * splits, each with its number of cells: at most 1,048,576 / `gap` runs, whatever the sheet.
 * Numbers mostly come in order, so the run hit last is tried first.
 */
class Runs {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly counts: number[] = [];
  private hit = 0;
  constructor(private readonly gap: number) {}

  add(n: number): void {
    const { starts, ends, counts, gap } = this;
    let i = this.hit;
    if (!(i < starts.length && n >= starts[i]! - gap - 1 && n <= ends[i]! + gap + 1)) {
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! > n) hi = mid;
        else lo = mid + 1;
      }
      if (lo > 0 && n <= ends[lo - 1]! + gap + 1) i = lo - 1;
      else if (lo < starts.length && n >= starts[lo]! - gap - 1) i = lo;
      else {
        starts.splice(lo, 0, n);
        ends.splice(lo, 0, n);
        counts.splice(lo, 0, 1);
        this.hit = lo;
        return;
      }
    }
    counts[i]!++;
    if (n < starts[i]!) {
      starts[i] = n;
      if (i > 0 && n - ends[i - 1]! - 1 <= gap) this.join(--i);
    } else if (n > ends[i]!) {
      ends[i] = n;
      if (i + 1 < starts.length && starts[i + 1]! - n - 1 <= gap) this.join(i);
    }
    this.hit = i;
  }

  /** Runs `i` and `i + 1` as one. */
  private join(i: number): void {
    this.ends[i] = Math.max(this.ends[i]!, this.ends[i + 1]!);
    this.counts[i]! += this.counts[i + 1]!;
    this.starts.splice(i + 1, 1);
    this.ends.splice(i + 1, 1);
    this.counts.splice(i + 1, 1);
  }

  /** The last number read: the end of the runs left once the far-off ones are dropped; 0 if none. */
  last(): number {
    let i = this.ends.length - 1;
    if (i < 0) return 0;
    let dropped = 0;
    while (i > 0 && dropped + this.counts[i]! <= FAR_CELLS) dropped += this.counts[i--]!;
    return this.ends[i]!;
  }
}

/**
 * The box of a sheet's values, far-off cells left out: fed every cell holding a value (1-based
 * row and column), in any order, by the size check (`./xlsx-size`) and by the reader alike.
 */
export class ValueExtent {
  private readonly rows = new Runs(FAR_GAP_ROWS);
  private readonly cols = new Runs(FAR_GAP_COLS);

  add(row: number, col: number): void {
    this.rows.add(row);
    this.cols.add(col);
  }

  /** The last row and column read (1-based; 0 when no value): cells beyond are far off. */
  get lastRow(): number {
    return this.rows.last();
  }

  get lastCol(): number {
    return this.cols.last();
  }
}

/** Merged areas this tall or taller are checked one by one; shorter ones by their top row. */
const TALL_MERGE = 64;

/**
 * The merged areas that overlap none kept before them, in the file's order (Excel keeps no
 * overlapping merges; ExcelJS refuses to load them), and each one dropped with the earlier area
 * it overlaps. Areas are found by their top row: 20,000 merges take milliseconds.
 */
export function withoutOverlaps<T extends MergedArea>(
  merges: readonly T[],
): { kept: T[]; dropped: { merge: T; overlaps: T }[] } {
  const kept: T[] = [];
  const dropped: { merge: T; overlaps: T }[] = [];
  const tall: T[] = [];
  const byTop: T[] = [];
  let height = 0;
  const overlap = (a: MergedArea, b: MergedArea) =>
    a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
  const firstFrom = (top: number) => {
    let lo = 0;
    let hi = byTop.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byTop[mid]!.top < top) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const m of merges) {
    let hit = tall.find((k) => overlap(k, m));
    for (let i = firstFrom(m.top - height); !hit && i < byTop.length; i++) {
      const k = byTop[i]!;
      if (k.top > m.bottom) break;
      if (overlap(k, m)) hit = k;
    }
    if (hit) {
      dropped.push({ merge: m, overlaps: hit });
      continue;
    }
    kept.push(m);
    const h = m.bottom - m.top;
    if (h >= TALL_MERGE) tall.push(m);
    else {
      height = Math.max(height, h);
      const last = byTop[byTop.length - 1];
      if (!last || last.top <= m.top) byTop.push(m);
      else byTop.splice(firstFrom(m.top + 1), 0, m);
    }
  }
  return { kept, dropped };
}

/** A merged area's A1 range (`A1:B2`). */
function mergeRef(m: MergedArea): string {
  return rangeAddress({
    row: m.top,
    col: m.left,
    rows: m.bottom - m.top + 1,
    cols: m.right - m.left + 1,
  });
}
// [issue 18] end

/**
 * Loads the workbook with ExcelJS minus its merged areas, returned by sheet name as written:
 * ExcelJS expands a merge cell by cell on load (`J1:XFD1048576` is 17 billion cells) and
 * checks each merge against all earlier ones (20,000 merges take half a minute). The grid
 * needs only the ranges. Where ExcelJS's internals differ from 4.4, it merges as before
 * (and `worksheetToGrid` reads its `_merges`).
 */
export async function loadWithoutMerges(
  wb: ExcelJS.Workbook,
  data: ArrayBuffer | Uint8Array,
): Promise<Map<string, string[]> | undefined> {
  interface SheetModel {
    name?: unknown;
    mergeCells?: unknown;
  }
  const xlsx = wb.xlsx as unknown as {
    reconcile?: (model: { worksheets?: (SheetModel | undefined)[] }, options: unknown) => void;
  };
  const original = xlsx.reconcile;
  let merges: Map<string, string[]> | undefined;
  if (typeof original === 'function') {
    merges = new Map();
    const found = merges;
    xlsx.reconcile = function (model, options) {
      original.call(this, model, options);
      for (const sheet of model.worksheets ?? []) {
        if (!sheet || typeof sheet.name !== 'string' || !Array.isArray(sheet.mergeCells)) continue;
        found.set(
          sheet.name,
          sheet.mergeCells.filter((r): r is string => typeof r === 'string'),
        );
        sheet.mergeCells = [];
      }
    };
  }
  // ExcelJS's typing wants its own Buffer type; any ArrayBuffer view is accepted at run time.
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return merges;
}

/**
 * The grid's size: the box from A1 to the last value, grown to the merged areas if that stays
 * within `maxCells`. A box of values larger than that is refused (`tooBig`).
 */
function gridBox(
  ws: ExcelJS.Worksheet,
  merges: readonly MergedArea[],
  maxCells: number,
): { rows: number; cols: number; valueRows: number; valueCols: number } {
  // [issue 18] The box of the values, far-off cells left out (`valueRows` × `valueCols`).
  const extent = new ValueExtent();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (_, col) => extent.add(rowNumber, col));
  });
  const rows = extent.lastRow;
  const cols = extent.lastCol;
  if (rows * cols > maxCells) {
    const range = rangeAddress({ row: 0, col: 0, rows, cols });
    throw new WorkbookReadError(
      `sheet ${ws.name} holds values across ${range} (${rows * cols} cells): too big to read`,
      'tooBig',
      [ws.name, range],
    );
  }
  let mergedRows = rows;
  let mergedCols = cols;
  for (const m of merges) {
    mergedRows = Math.max(mergedRows, m.bottom + 1);
    mergedCols = Math.max(mergedCols, m.right + 1);
  }
  return mergedRows * mergedCols <= maxCells
    ? { rows: mergedRows, cols: mergedCols, valueRows: rows, valueCols: cols }
    : { rows, cols, valueRows: rows, valueCols: cols };
}

/**
 * What ExcelJS may be asked to load within the budget (any .xlsx up to 20 MB answered in
 * < 30 s and < 1 GB, `--max-old-space-size=1024`, 2 cores). ExcelJS holds the whole
 * workbook as objects: measured with ExcelJS 4.4 on Node 20 (load alone, peak RSS):
 *  - ordinary rows of 14 numbers: 100,000 rows (1.4 M cells, 42 MB of XML) 5.3 s, 640 MB;
 *    150,000 rows (2.1 M cells, 63 MB) 7.2 s, 890 MB; 200,000 rows (2.8 M, 85 MB) 11.8 s,
 *    1.16 GB; 300,000 rows (4.2 M, 128 MB) out of memory after 23 s;
 *  - 300,000 inline strings of 1,000 characters (308 MB of XML, 3.3 MB zipped) 5.0 s, 980 MB.
 * That is ≈ 150 MB + 300 bytes per cell or row + 2.4 bytes per byte of XML. The tongbao
 * process adds ≈ 10 % (grids, engine), so a workbook is refused before ExcelJS sees it when
 * that estimate passes 700 MB: 1.4 M cells (the bench's 100,000 units) pass, 150,000 rows of
 * 14 do not.
 *
 * ExcelJS also reads every other part of the zip whole, whatever its name, and parses those it
 * knows. Measured the same way, each part alone (≈ 150 MB + so many bytes per byte of it):
 *  - read as text and parsed: 1 M comments (64 MB) 4.0 s, 390 MB (3.7 per byte); 500,000
 *    `<dxf>` (13 MB) 200 MB (3.5); 8 M shared strings (182 MB, 20 MB zipped) 8.9 s, 720 MB
 *    (3.1); 5 M `<xf>` in styles.xml (296 MB, 0.9 MB zipped) 9.9 s, 1.03 GB (2.95); a part
 *    it does not know, 300 MB, 770 MB (2.1; from 512 M characters on it cannot read one);
 *  - kept as buffers: a 300 MB theme 1.39 GB (4.15); 300 MB of media 1.10 GB (3.2).
 * So the other parts count 3.7 bytes per byte, media and themes 4.2, in the same estimate.
 */
export const LOAD_BYTES_PER_CELL = 300;
export const LOAD_BYTES_PER_XML_BYTE = 2.4;
export const LOAD_BYTES_PER_PART_BYTE = 3.7;
export const LOAD_BYTES_PER_BUFFER_BYTE = 4.2;
export const MAX_LOAD_ESTIMATE = 700 * 2 ** 20;

/** ExcelJS's estimated memory, less its base, for so many cells and bytes of each kind. */
function loadEstimate(s: {
  readonly cells: number;
  readonly sheetBytes: number;
  readonly xmlBytes?: number;
  readonly bufferBytes?: number;
}): number {
  return (
    s.cells * LOAD_BYTES_PER_CELL +
    s.sheetBytes * LOAD_BYTES_PER_XML_BYTE +
    (s.xmlBytes ?? 0) * LOAD_BYTES_PER_PART_BYTE +
    (s.bufferBytes ?? 0) * LOAD_BYTES_PER_BUFFER_BYTE
  );
}

/**
 * Proof that `checkWorkbookSize` passed these very bytes (the same object): given to
 * `readWorkbookGrids` and `annotateWorkbook` (xlsx-write), they do not scan them again.
 */
export interface SizeChecked {
  readonly data: ArrayBuffer | Uint8Array;
}
const sizeChecked = new WeakSet<SizeChecked>();

/** True when `checked` is `checkWorkbookSize`'s answer for `data`. */
export function isSizeChecked(
  data: ArrayBuffer | Uint8Array,
  checked: SizeChecked | undefined,
): boolean {
  return checked !== undefined && sizeChecked.has(checked) && checked.data === data;
}

/**
 * The size pre-check, before ExcelJS: every part of the zip inflated and measured
 * (`./xlsx-size`, loaded on demand), each sheet scanned for the box of its values and its
 * number of cells. Throws `tooBig` naming the sheet and its range when the boxes pass
 * `MAX_GRID_CELLS`, or when ExcelJS could not load it all within the budget: then naming the
 * part that weighs most — a sheet with its range and its number of cells (subjects: sheet,
 * range, cells), another part with its uncompressed size (subjects: '', '', '', part path,
 * megabytes). A count or size ending in “+” is where the scan stopped. A file that is no zip
 * passes: ExcelJS says why it cannot read it. Returns the proof that `data` passed.
 */
export async function checkWorkbookSize(data: ArrayBuffer | Uint8Array): Promise<SizeChecked> {
  const { measureWorkbook } = await import('./xlsx-size');
  const size = await measureWorkbook(data, (soFar) => loadEstimate(soFar) > MAX_LOAD_ESTIMATE);
  if (size) refuseTooBig(size);
  const checked: SizeChecked = Object.freeze({ data });
  sizeChecked.add(checked);
  return checked;
}

function refuseTooBig(size: WorkbookSize): void {
  let budget = MAX_GRID_CELLS;
  for (const sheet of size.sheets) {
    const box = sheet.rows * sheet.cols;
    if (box > budget) {
      const range = rangeAddress({ row: 0, col: 0, rows: sheet.rows, cols: sheet.cols });
      throw new WorkbookReadError(
        `sheet ${sheet.name} holds values across ${range} (${box} cells): too big to read`,
        'tooBig',
        [sheet.name, range],
      );
    }
    budget -= box;
  }
  const sheetWeight = (s: (typeof size.sheets)[number]) =>
    loadEstimate({ cells: s.cells + s.rowElements, sheetBytes: s.xmlBytes });
  const partWeight = (p: (typeof size.parts)[number]) =>
    loadEstimate(
      p.kind === 'buffer'
        ? { cells: 0, sheetBytes: 0, bufferBytes: p.bytes }
        : { cells: 0, sheetBytes: 0, xmlBytes: p.bytes },
    );
  const total =
    size.sheets.reduce((n, s) => n + sheetWeight(s), 0) +
    size.parts.reduce((n, p) => n + partWeight(p), 0);
  if (!size.stopped && total <= MAX_LOAD_ESTIMATE) return;
  // The part that weighs most is named; “+” when the scan stopped inside it.
  const lastSheet = size.parts.length === 0 ? size.sheets[size.sheets.length - 1] : undefined;
  const lastPart = size.parts[size.parts.length - 1];
  let sheet = size.sheets[0];
  for (const s of size.sheets) if (sheetWeight(s) > sheetWeight(sheet!)) sheet = s;
  let part = size.parts[0];
  for (const p of size.parts) if (partWeight(p) > partWeight(part!)) part = p;
  if (part && (!sheet || partWeight(part) > sheetWeight(sheet))) {
    // Where the scan stopped in it, the size the zip gives for it if that is more.
    const cut = size.stopped && part === lastPart;
    const mb =
      cut && part.zipBytes > part.bytes
        ? `${Math.round(part.zipBytes / 2 ** 20)}`
        : `${Math.round(part.bytes / 2 ** 20)}${cut ? '+' : ''}`;
    throw new WorkbookReadError(
      `part ${part.path} holds ${mb} MB uncompressed: too much to read`,
      'tooBig',
      ['', '', '', part.path, mb],
    );
  }
  const name = sheet?.name ?? '';
  const range = sheet
    ? rangeAddress({ row: 0, col: 0, rows: sheet.rows || 1, cols: sheet.cols || 1 })
    : 'A1';
  const count = `${sheet?.cells ?? 0}${size.stopped && sheet === lastSheet ? '+' : ''}`;
  const bytes = size.sheets.reduce((n, s) => n + s.xmlBytes, 0);
  throw new WorkbookReadError(
    `sheet ${name} holds ${count} cells in ${range} (${(bytes / 2 ** 20).toFixed(0)} MB of XML): too much to read`,
    'tooBig',
    [name, range, count],
  );
}

/** Merged areas cut to a grid of `rows` × `cols` from A1 (those outside it dropped). */
function clipMerges(merges: readonly MergedArea[], rows: number, cols: number): MergedArea[] {
  const out: MergedArea[] = [];
  for (const m of merges) {
    if (m.top >= rows || m.left >= cols) continue;
    const bottom = Math.min(m.bottom, rows - 1);
    const right = Math.min(m.right, cols - 1);
    if (bottom === m.top && right === m.left) continue;
    out.push({ top: m.top, left: m.left, bottom, right });
  }
  return out;
}
// [grid bounds] end

/** The OLE compound-file signature that .xls (and other Office 97-2003 files) start with. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isLegacyXls(data: ArrayBuffer | Uint8Array): boolean {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** “EncryptedPackage” as the compound file's directory spells stream names (UTF-16LE). */
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);

/**
 * A password-protected .xlsx: Office wraps the encrypted workbook in the same OLE container
 * as an .xls, as a stream named EncryptedPackage.
 */
export function isEncryptedXlsx(data: ArrayBuffer | Uint8Array): boolean {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (!isLegacyXls(bytes)) return false;
  const first = ENCRYPTED_PACKAGE[0]!;
  outer: for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < ENCRYPTED_PACKAGE.length; k++)
      if (bytes[i + k] !== ENCRYPTED_PACKAGE[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * An .xlsx file's sheets as the grids an Excel add-in would see: values only (formula
 * results, rich text as plain text, hyperlinks as their text, error values as their text,
 * date-formatted numbers as the serial number they hold), every sheet from A1, merged areas
 * listed and the cells inside them other than the top-left read as empty — as office.js
 * reports them. What office.js never shows (a formula saved without its result, a number of
 * thousands of digits) is a per-cell note (`SheetGrid.notes`) for the engine to report; no
 * cell content makes this throw.
 */
export async function readWorkbookGrids(
  data: ArrayBuffer | Uint8Array,
  // [grid bounds] `checkWorkbookSize`'s answer for `data`, when the caller has checked it.
  checked?: SizeChecked,
): Promise<SheetGrid[]> {
  if (isEncryptedXlsx(data))
    throw new WorkbookReadError('a password-protected workbook', 'encrypted');
  if (isLegacyXls(data)) throw new WorkbookReadError('an Excel 97-2003 (.xls) file', 'legacyXls');
  if (!isSizeChecked(data, checked)) await checkWorkbookSize(data); // [grid bounds]
  return readCopyGrids(data);
}

/**
 * [issue 18] `readWorkbookGrids` without the size check, for the annotated copy read again
 * before it is kept (`./xlsx-write`): the checked workbook plus a few columns and pictures.
 */
export async function readCopyGrids(data: ArrayBuffer | Uint8Array): Promise<SheetGrid[]> {
  const wb = new ExcelJS.Workbook();
  let mergeRefs: Map<string, string[]> | undefined; // [grid bounds]
  try {
    mergeRefs = await loadWithoutMerges(wb, data); // [grid bounds]
  } catch (e) {
    throw new WorkbookReadError(
      `ExcelJS could not read the workbook: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const raw = await rawCellsFor(data, wb);
  // [grid bounds] begin — one budget of cells for all the sheets.
  let budget = MAX_GRID_CELLS;
  return wb.worksheets.map((ws) => {
    const grid = worksheetToGrid(
      ws,
      raw.get(ws.name),
      date1904(wb),
      mergeRefs ? (mergeRefs.get(ws.name) ?? []) : undefined,
      budget,
    );
    budget -= grid.values.length * (grid.values[0]?.length ?? 0);
    return grid;
  });
  // [grid bounds] end
}

/** A cell as the sheet's XML holds it: its type attribute and the text of its `<v>`. */
export interface RawCell {
  readonly t: string | null;
  readonly v: string | null;
}

/** Sheet name → A1 address → the raw cell, for the cells ExcelJS could not carry over. */
export type RawCells = ReadonlyMap<string, ReadonlyMap<string, RawCell>>;

/**
 * ExcelJS turns a date-formatted number into a Date (an Invalid Date when the number is no
 * date: a phone number in a date column) and a number of thousands of digits into Infinity:
 * the number the file holds is lost. These cells' `<v>` are read again from the sheet XML.
 * Workbooks without such cells are not opened twice.
 */
export async function rawCellsFor(
  data: ArrayBuffer | Uint8Array,
  wb: ExcelJS.Workbook,
): Promise<RawCells> {
  const wanted = new Map<string, Set<string>>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (needsRaw(cell.value)) {
          let set = wanted.get(ws.name);
          if (!set) wanted.set(ws.name, (set = new Set<string>()));
          set.add(cell.address);
        }
      });
    });
  }
  if (wanted.size === 0) return new Map();
  try {
    return await readRawCells(data, wanted);
  } catch {
    // The XML that ExcelJS has just read cannot fail here; if it does, the cells are noted.
    return new Map();
  }
}

/** `_x0041_` as Excel escapes characters in strings (ExcelJS decodes shared strings only). */
export const ESCAPED_CHAR = /_x[0-9A-Fa-f]{4}_/;

function needsRaw(v: unknown): boolean {
  if (v instanceof Date) return true;
  if (typeof v === 'number') return !Number.isFinite(v);
  // An inline string's `_x0041_` is left as typed by ExcelJS, though Excel reads “A”.
  if (typeof v === 'string') return ESCAPED_CHAR.test(v);
  if (v !== null && typeof v === 'object' && 'result' in v) return needsRaw(v.result);
  return false;
}

function date1904(wb: ExcelJS.Workbook): boolean {
  return (wb.properties as { date1904?: boolean } | undefined)?.date1904 === true;
}

const XML_ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeXml(s: string): string {
  return s.replace(XML_ENTITY, (_, hex?: string, dec?: string, name?: string) =>
    hex !== undefined
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec !== undefined
        ? String.fromCodePoint(parseInt(dec, 10))
        : NAMED[name!]!,
  );
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : null;
}

/** A part's path from a relationship target, relative to the part that names it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Sheet name → its part in the package (`xl/worksheets/sheet1.xml`). */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const text = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const relations = (xml: string) => {
    const out = new Map<string, { type: string; target: string }>();
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const id = attribute(m[1]!, 'Id');
      const target = attribute(m[1]!, 'Target');
      if (id !== null && target !== null)
        out.set(id, { type: attribute(m[1]!, 'Type') ?? '', target });
    }
    return out;
  };
  const root = [...relations(await text('_rels/.rels')).values()].find((r) =>
    r.type.endsWith('/officeDocument'),
  );
  const workbook = root ? resolvePart('', root.target) : 'xl/workbook.xml';
  const rels = relations(
    await text(resolvePart(workbook, '_rels/' + workbook.split('/').pop()! + '.rels')),
  );
  const out = new Map<string, string>();
  for (const m of (await text(workbook)).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attribute(m[1]!, 'name');
    const id = /\s\w+:id\s*=\s*"([^"]*)"/.exec(m[1]!)?.[1];
    const rel = id === undefined ? undefined : rels.get(id);
    if (name !== null && rel) out.set(name, resolvePart(workbook, rel.target));
  }
  return out;
}

/** Every `<c>` of a sheet's XML whose address is wanted: its type and `<v>` text. */
export function rawCellsIn(xml: string, wanted: ReadonlySet<string>): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const r = attribute(m[1]!, 'r');
    if (r === null || !wanted.has(r)) continue;
    const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(m[2] ?? '');
    out.set(r, { t: attribute(m[1]!, 't'), v: v ? decodeXml(v[1]!) : null });
  }
  return out;
}

async function readRawCells(
  data: ArrayBuffer | Uint8Array,
  wanted: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<RawCells> {
  // Loaded only for workbooks that need it: the web page's first chunk stays without it.
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(data);
  const parts = await sheetParts(zip);
  const out = new Map<string, Map<string, RawCell>>();
  for (const [sheet, addresses] of wanted) {
    const part = parts.get(sheet);
    const xml = part === undefined ? undefined : await zip.file(part)?.async('string');
    if (xml !== undefined) out.set(sheet, rawCellsIn(xml, addresses));
  }
  return out;
}

/**
 * One ExcelJS worksheet as a grid (exported for the annotated-workbook writer and tests);
 * `raw` gives the numbers behind the cells ExcelJS made Dates or Infinity of.
 */
export function worksheetToGrid(
  ws: ExcelJS.Worksheet,
  raw?: ReadonlyMap<string, RawCell>,
  is1904 = false,
  // [grid bounds] begin — the sheet's merge refs when ExcelJS was kept from merging (else
  // its `_merges`), and the most cells the grid may hold (else `WorkbookReadError` tooBig).
  mergeRefs?: readonly string[],
  maxCells = MAX_GRID_CELLS,
): SheetGrid {
  // [issue 18] Merged areas overlapping an earlier one are left out, and named.
  const { kept: given, dropped } = mergeRefs
    ? withoutOverlaps(mergeRefs.map(parseRange).filter((m): m is MergedArea => m !== null))
    : { kept: mergedAreas(ws), dropped: [] };
  const box = gridBox(ws, given, maxCells);
  // [grid bounds] end
  const values: CellValue[][] = [];
  const notes = new Map<string, CellNote>();
  const formulas = new Set<string>();
  const farCells: string[] = []; // [issue 18]
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rawValues = row.values as unknown[];
    // [issue 18] begin — far-off cells (beyond the box of the values) are named, not read.
    const end = rowNumber > box.valueRows ? 1 : Math.min(rawValues.length, box.valueCols + 1);
    for (let c = end; c < rawValues.length; c++)
      if (rawValues[c] !== null && rawValues[c] !== undefined)
        farCells.push(cellAddress(rowNumber - 1, c - 1));
    if (rowNumber > box.valueRows) return;
    // [issue 18] end
    const cells: CellValue[] = new Array<CellValue>(Math.max(0, end - 1)).fill(null);
    for (let c = 1; c < end; c++) {
      const v = rawValues[c];
      if (v === null || v === undefined) continue;
      // The common cells, as `readCell` reads them, without building its context for each.
      if (
        (typeof v === 'number' && Number.isFinite(v)) ||
        typeof v === 'boolean' ||
        (typeof v === 'string' && raw === undefined)
      ) {
        cells[c - 1] = v;
        continue;
      }
      const address = cellAddress(rowNumber - 1, c - 1);
      let read: Read;
      try {
        read = readCell(v, {
          raw: raw?.get(address),
          is1904,
          formula: () => ws.getCell(address).formula,
        });
      } catch (e) {
        read = {
          value: null,
          note: { kind: 'unreadable', text: e instanceof Error ? e.message : String(e) },
        };
      }
      cells[c - 1] = read.value;
      if (isFormulaCell(v)) formulas.add(noteKey(rowNumber - 1, c - 1));
      if (read.note) notes.set(noteKey(rowNumber - 1, c - 1), read.note);
    }
    values[rowNumber - 1] = cells;
    if (cells.length > width) width = cells.length;
  });
  // [grid bounds] begin — the box: values, and merged areas where they fit.
  width = Math.max(width, box.cols);
  for (let r = 0; r < Math.max(values.length, box.rows); r++) {
    const cells = (values[r] ??= []);
    while (cells.length < width) cells.push(null);
  }
  const merges = clipMerges(given, values.length, width);
  // [grid bounds] end
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = values[r];
      if (!cells) continue;
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) {
          cells[c] = null;
          notes.delete(noteKey(r, c));
        }
    }
  }
  const grid = withFormulas(
    notes.size > 0 ? { name: ws.name, values, merges, notes } : { name: ws.name, values, merges },
    formulas,
  );
  // [issue 18] What was left out, for the engine to say.
  if (farCells.length === 0 && dropped.length === 0) return grid;
  return {
    ...grid,
    ...(farCells.length > 0 ? { farCells } : {}),
    ...(dropped.length > 0
      ? {
          overlappingMerges: dropped.map((d) => ({
            ref: mergeRef(d.merge),
            overlaps: mergeRef(d.overlaps),
          })),
        }
      : {}),
  };
}

/** A formula cell as ExcelJS gives it (`formula` or `sharedFormula`), whatever its result. */
function isFormulaCell(v: unknown): boolean {
  return v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v);
}

/** The grid with its formula cells (`SheetGrid.formulas`) when it has any. */
function withFormulas(grid: SheetGrid, formulas: ReadonlySet<string>): SheetGrid {
  return formulas.size > 0 ? { ...grid, formulas } : grid;
}

interface ExcelJsRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergedAreas(ws: ExcelJS.Worksheet): MergedArea[] {
  // `ws.model.merges` would serialise every row; the internal map is cheap to read.
  const internal = (ws as unknown as { _merges?: Record<string, ExcelJsRange> })._merges ?? {};
  return Object.values(internal).map((m) => ({
    top: m.top - 1,
    left: m.left - 1,
    bottom: m.bottom - 1,
    right: m.right - 1,
  }));
}

interface Read {
  readonly value: CellValue;
  readonly note?: CellNote;
}

interface CellContext {
  readonly raw: RawCell | undefined;
  readonly is1904: boolean;
  /** The cell's formula, shared formulas translated to this cell. */
  readonly formula: () => string | undefined;
}

const MS_PER_DAY = 24 * 3600 * 1000;

/** A cell's value as office.js gives it, or null and a note saying what the cell really is. */
function readCell(v: unknown, ctx: CellContext): Read {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string') return { value: ctx.raw?.t === 'inlineStr' ? decodeEscapes(v) : v };
  if (typeof v === 'boolean') return { value: v };
  if (typeof v === 'number')
    return Number.isFinite(v) ? { value: v } : rawNumber(ctx.raw, String(v));
  if (v instanceof Date) {
    // office.js gives a date-formatted cell's serial number: so does this reader.
    if (ctx.raw?.v != null) return withDate(rawNumber(ctx.raw, 'Invalid Date'), ctx.is1904);
    const ms = v.getTime();
    if (Number.isNaN(ms))
      return { value: null, note: { kind: 'unreadable', text: 'Invalid Date' } };
    return withDate({ value: 25569 + ms / MS_PER_DAY - (ctx.is1904 ? 1462 : 0) }, ctx.is1904);
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return {
        value: (o.richText as { text?: unknown }[])
          .map((t) => (typeof t.text === 'string' ? t.text : ''))
          .join(''),
      };
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null) {
        let formula: string | undefined;
        try {
          formula = ctx.formula();
        } catch {
          formula = undefined;
        }
        const text = formula ?? (typeof o.formula === 'string' ? o.formula : '');
        return { value: null, note: { kind: 'formulaNoValue', formula: text } };
      }
      return readCell(o.result, ctx);
    }
    if (typeof o.error === 'string') return { value: o.error };
    if ('hyperlink' in o || 'text' in o) return readCell(o.text, ctx);
    return { value: null, note: { kind: 'unreadable', text: excerpt(safeJson(v), 40) } };
  }
  return { value: null, note: { kind: 'unreadable', text: typeof v } };
}

/**
 * A date-formatted number read as its serial number, noted with the date it shows
 * (`dateFormatted`: the engine says so where a count is expected); a note already there (a
 * number no date can be) is kept.
 */
function withDate(read: Read, is1904: boolean): Read {
  const date = typeof read.value === 'number' ? excelDate(read.value, is1904) : null;
  return read.note || date === null ? read : { ...read, note: { kind: 'dateFormatted', date } };
}

/** The number in a cell's `<v>`, when ExcelJS could not carry it (date-formatted, huge, NaN). */
function rawNumber(raw: RawCell | undefined, fallback: string): Read {
  const text = (raw?.v ?? fallback).trim();
  const n = Number(text);
  if (text !== '' && Number.isFinite(n)) return { value: n === 0 ? 0 : n };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) || /^[+-]?Infinity$/.test(text))
    return {
      value: null,
      note: {
        kind: 'hugeNumber',
        text: excerpt(text),
        // The length says how big only for plain digits (not “1e999”, not “Infinity”).
        digits: /^[+-]?[\d.]+$/.test(text) ? text.replace(/\D/g, '').length : 0,
      },
    };
  return {
    value: null,
    note: { kind: 'notANumber', text: excerpt(text === '' ? '（空）' : text, 40) },
  };
}

/** Excel's `_xHHHH_` escapes decoded, as Excel reads an inline string. */
export function decodeEscapes(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
