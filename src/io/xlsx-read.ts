import ExcelJS from 'exceljs';
import { UserFacingError } from '../core/errors';
import type { CellValue, MergedArea, SheetGrid } from '../core/grid';

/**
 * The workbook could not be opened as .xlsx: `legacyXls` for an Excel 97-2003 file (the user
 * must save it as .xlsx), `encrypted` for a password-protected workbook (same container as
 * .xls, holding an EncryptedPackage), `notXlsx` for anything else (not a zip, corrupt).
 */
export class WorkbookReadError extends UserFacingError {
  override readonly name = 'WorkbookReadError';
  constructor(
    message: string,
    readonly kind: 'legacyXls' | 'encrypted' | 'notXlsx' = 'notXlsx',
  ) {
    // The kind is the catalog key; the file name is the caller's (`problemText(ui, e, file)`).
    super(message, kind);
  }
}

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
 * results, rich text as plain text), every sheet from A1, merged areas listed and the
 * cells inside them other than the top-left read as empty — as office.js reports them.
 */
export async function readWorkbookGrids(data: ArrayBuffer | Uint8Array): Promise<SheetGrid[]> {
  if (isEncryptedXlsx(data))
    throw new WorkbookReadError('a password-protected workbook', 'encrypted');
  if (isLegacyXls(data)) throw new WorkbookReadError('an Excel 97-2003 (.xls) file', 'legacyXls');
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typing wants its own Buffer type; any ArrayBuffer view is accepted at run time.
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(e instanceof Error ? e.message : String(e));
  }
  return wb.worksheets.map(worksheetToGrid);
}

/** One ExcelJS worksheet as a grid (exported for the annotated-workbook writer and tests). */
export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const raw = row.values as unknown[];
    const cells: CellValue[] = new Array<CellValue>(Math.max(0, raw.length - 1)).fill(null);
    for (let c = 1; c < raw.length; c++) cells[c - 1] = plainValue(raw[c]);
    values[rowNumber - 1] = cells;
    if (cells.length > width) width = cells.length;
  });
  for (let r = 0; r < values.length; r++) {
    const cells = (values[r] ??= []);
    while (cells.length < width) cells.push(null);
  }
  const merges = mergedAreas(ws);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = values[r];
      if (!cells) continue;
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cells[c] = null;
    }
  }
  return { name: ws.name, values, merges };
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

function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    if (typeof o.error === 'string') return o.error;
    if (typeof o.text === 'string') return o.text;
  }
  return null;
}
