import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { UserFacingError } from '../core/errors';
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
import { excerpt } from '../evaluation/counts';

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
    // [grid bounds] `tooBig` names the sheet and the range its values span.
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
): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (_, col) => {
      if (col > cols) cols = col;
      if (rowNumber > rows) rows = rowNumber;
    });
  });
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
    ? { rows: mergedRows, cols: mergedCols }
    : { rows, cols };
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
 */
export const LOAD_BYTES_PER_CELL = 300;
export const LOAD_BYTES_PER_XML_BYTE = 2.4;
export const MAX_LOAD_ESTIMATE = 700 * 2 ** 20;

/** ExcelJS's estimated memory, less its base, for so many cells and bytes of XML. */
function loadEstimate(cells: number, xmlBytes: number): number {
  return cells * LOAD_BYTES_PER_CELL + xmlBytes * LOAD_BYTES_PER_XML_BYTE;
}

/**
 * The size pre-check, before ExcelJS: each sheet's XML scanned (`./xlsx-size`, loaded on
 * demand) for the box of its values and its number of cells. Throws `tooBig` naming the sheet
 * and its range when the boxes pass `MAX_GRID_CELLS`, or when ExcelJS could not load so many
 * cells or so much XML within the budget (then with the number of cells as third subject).
 * A file that is no zip passes: ExcelJS says why it cannot read it.
 */
export async function checkWorkbookSize(data: ArrayBuffer | Uint8Array): Promise<void> {
  const { measureWorkbook } = await import('./xlsx-size');
  const size = await measureWorkbook(
    data,
    (bytes, cells) => loadEstimate(cells, bytes) > MAX_LOAD_ESTIMATE,
  );
  if (!size) return;
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
  const cells = size.sheets.reduce((n, s) => n + s.cells + s.rowElements, 0);
  const bytes = size.sheets.reduce((n, s) => n + s.xmlBytes, size.sharedStringsBytes);
  if (size.stopped || loadEstimate(cells, bytes) > MAX_LOAD_ESTIMATE) {
    // The sheet that weighs most is named (the last one scanned when the scan stopped early).
    const heaviest = size.stopped
      ? size.sheets[size.sheets.length - 1]
      : [...size.sheets].sort(
          (a, b) =>
            loadEstimate(b.cells + b.rowElements, b.xmlBytes) -
            loadEstimate(a.cells + a.rowElements, a.xmlBytes),
        )[0];
    const name = heaviest?.name ?? '';
    const range = heaviest
      ? rangeAddress({ row: 0, col: 0, rows: heaviest.rows || 1, cols: heaviest.cols || 1 })
      : 'A1';
    // When the scan stopped early, the cells counted so far: “at least”.
    const count = `${heaviest?.cells ?? cells}${size.stopped ? '+' : ''}`;
    throw new WorkbookReadError(
      `sheet ${name} holds ${count} cells in ${range} (${(bytes / 2 ** 20).toFixed(0)} MB of XML): too much to read`,
      'tooBig',
      [name, range, count],
    );
  }
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
export async function readWorkbookGrids(data: ArrayBuffer | Uint8Array): Promise<SheetGrid[]> {
  if (isEncryptedXlsx(data))
    throw new WorkbookReadError('a password-protected workbook', 'encrypted');
  if (isLegacyXls(data)) throw new WorkbookReadError('an Excel 97-2003 (.xls) file', 'legacyXls');
  await checkWorkbookSize(data); // [grid bounds]
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
  const given = mergeRefs
    ? mergeRefs.map(parseRange).filter((m): m is MergedArea => m !== null)
    : mergedAreas(ws);
  const box = gridBox(ws, given, maxCells);
  // [grid bounds] end
  const values: CellValue[][] = [];
  const notes = new Map<string, CellNote>();
  const formulas = new Set<string>();
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rawValues = row.values as unknown[];
    const cells: CellValue[] = new Array<CellValue>(Math.max(0, rawValues.length - 1)).fill(null);
    for (let c = 1; c < rawValues.length; c++) {
      const v = rawValues[c];
      if (v === null || v === undefined) continue;
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
  return withFormulas(
    notes.size > 0 ? { name: ws.name, values, merges, notes } : { name: ws.name, values, merges },
    formulas,
  );
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
    if (ctx.raw?.v != null) return rawNumber(ctx.raw, 'Invalid Date');
    const ms = v.getTime();
    if (Number.isNaN(ms))
      return { value: null, note: { kind: 'unreadable', text: 'Invalid Date' } };
    return { value: 25569 + ms / MS_PER_DAY - (ctx.is1904 ? 1462 : 0) };
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
