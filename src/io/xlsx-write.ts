import ExcelJS from 'exceljs';
import { columnIndex, rangeAddress } from '../core/grid';
import { addChartSheet, type ChartImage } from './xlsx-charts';
import { HEADER_FILL, type ConditionalRule, type Rect, type WritePlan } from '../plan/write-plan';
import {
  checkWorkbookSize,
  isSizeChecked,
  loadWithoutMerges,
  parseRange,
  rawCellsFor,
  sheetParts,
  WorkbookReadError,
  type RawCell,
  type RawCells,
  type SizeChecked,
} from './xlsx-read';

/**
 * The annotated workbook: a copy of the user's .xlsx with the add-in's plan applied by
 * ExcelJS — the same columns, number formats and conditional formats, nothing else changed.
 */
export async function annotateWorkbook(
  data: ArrayBuffer | Uint8Array,
  plan: WritePlan,
  /** [figures] Optional: the charts' pictures, on Tongbao's own sheet (src/io/xlsx-charts.ts). */
  charts?: readonly ChartImage[],
  /** [grid bounds] The reader's `checkWorkbookSize` answer for `data`: not scanned again. */
  checked?: SizeChecked,
): Promise<Uint8Array> {
  // [grid bounds] The reader's size check and merge hook: a file the reader refuses is
  // refused here too, and a merge over J1:XFD1048576 is kept as its range, not expanded.
  if (!isSizeChecked(data, checked)) await checkWorkbookSize(data);
  const wb = new ExcelJS.Workbook();
  let merges: Map<string, string[]> | undefined;
  try {
    merges = await loadWithoutMerges(wb, data);
  } catch (e) {
    throw new WorkbookReadError(
      `ExcelJS could not read the workbook: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const patches = keepUserCells(wb, await rawCellsFor(data, wb));
  for (const sheetWrites of plan.sheets) {
    const ws = wb.getWorksheet(sheetWrites.sheet);
    if (!ws) continue;
    // First drop every rule an earlier run left on its columns, then write afresh.
    for (const table of sheetWrites.tables) if (table.replacing) removeRules(ws, table.columns);
    for (const table of sheetWrites.tables) {
      table.block.values.forEach((row, dr) =>
        row.forEach((value, dc) => {
          if (value === null) return;
          const cell = ws.getCell(table.block.row + dr + 1, table.block.col + dc + 1);
          // ExcelJS writes strings as text, never as formulas: no escaping needed here.
          cell.value = value === '' ? null : value;
          const format = table.block.numberFormat[dr]?.[dc];
          if (format) cell.numFmt = format;
        }),
      );
      for (let c = 0; c < table.header.cols; c++) {
        const cell = ws.getCell(table.header.row + 1, table.header.col + c + 1);
        cell.font = { ...cell.font, bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HEADER_FILL) } };
      }
      for (let c = 0; c < table.columns.cols; c++) {
        const column = ws.getColumn(table.columns.col + c + 1);
        if (!column.width || column.width < 12) column.width = 12;
      }
      table.rules.forEach((rule) =>
        ws.addConditionalFormatting({ ref: rangeAddress(rule.range), rules: [toRule(rule)] }),
      );
    }
  }
  // [figures] throws ChartSheetTakenError, nothing written; [] removes an earlier run's sheet.
  if (charts) addChartSheet(wb, charts);
  const out = new Uint8Array(await wb.xlsx.writeBuffer());
  // [grid bounds] ExcelJS writes the merges it expanded; those kept as ranges are put back.
  const kept = new Map<string, string[]>();
  for (const [sheet, refs] of merges ?? []) {
    const valid = refs.map((r) => r.trim()).filter((r) => parseRange(r) !== null);
    if (valid.length > 0 && wb.getWorksheet(sheet)) kept.set(sheet, valid);
  }
  return patches.size === 0 && kept.size === 0 ? out : patchSheets(out, patches, kept);
}

/** Where `<mergeCells>` goes in a sheet ExcelJS wrote: before the first of these. */
const AFTER_MERGES =
  /<(?:conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|drawing|legacyDrawing|picture|tableParts|extLst)\b|<\/worksheet>/;

/** The sheet's `<mergeCells>`, the refs as the file had them (each a plain A1 range). */
function withMerges(xml: string, refs: readonly string[]): string {
  const at = xml.search(AFTER_MERGES);
  if (at < 0 || /<mergeCells\b/.test(xml)) return xml;
  const cells = refs.map((r) => `<mergeCell ref="${r}"/>`).join('');
  return `${xml.slice(0, at)}<mergeCells count="${refs.length}">${cells}</mergeCells>${xml.slice(at)}`;
}

/**
 * The user's cells as they were, through ExcelJS's round trip: date-formatted numbers back to
 * the number the file held (ExcelJS made Dates of them, and writes an Invalid Date as `NaN`),
 * strings escaped as Excel stores them (`_x0001_` for a control character, which ExcelJS
 * would drop; `_x005F_x0041_` for the typed text `_x0041_`, which ExcelJS would write so that
 * Excel reads “A”). Numbers no double can hold (100,000 digits) are written afterwards from
 * the file's own text: the returned patches, sheet → address → `<v>` text.
 */
function keepUserCells(wb: ExcelJS.Workbook, raw: RawCells): Map<string, Map<string, string>> {
  const patches = new Map<string, Map<string, string>>();
  for (const ws of wb.worksheets) {
    const rawCells = raw.get(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const rawCell = rawCells?.get(cell.address);
        const patch = (text: string) => {
          let sheet = patches.get(ws.name);
          if (!sheet) patches.set(ws.name, (sheet = new Map<string, string>()));
          sheet.set(cell.address, text);
        };
        const v = cell.value as unknown;
        if (typeof v === 'string') {
          const kept = rawCell?.t === 'inlineStr' ? encodeControls(v) : excelString(v);
          if (kept !== v) cell.value = kept;
        } else if (v instanceof Date || (typeof v === 'number' && !Number.isFinite(v))) {
          cell.value = rawNumberFor(rawCell, patch);
        } else if (v !== null && typeof v === 'object') {
          const o = v as Record<string, unknown>;
          if (Array.isArray(o.richText)) {
            const runs = o.richText as { text?: unknown }[];
            if (runs.some((r) => typeof r.text === 'string' && excelString(r.text) !== r.text))
              cell.value = {
                richText: runs.map((r) =>
                  typeof r.text === 'string' ? { ...r, text: excelString(r.text) } : r,
                ),
              } as ExcelJS.CellRichTextValue;
          } else if (
            ('formula' in o || 'sharedFormula' in o) &&
            (o.result instanceof Date ||
              (typeof o.result === 'number' && !Number.isFinite(o.result)))
          ) {
            cell.value = { ...o, result: rawNumberFor(rawCell, patch) } as ExcelJS.CellValue;
          } else if (
            'hyperlink' in o &&
            typeof o.text === 'string' &&
            excelString(o.text) !== o.text
          ) {
            cell.value = { ...o, text: excelString(o.text) } as ExcelJS.CellHyperlinkValue;
          }
        }
      });
    });
  }
  return patches;
}

/** The number a cell's `<v>` held; a placeholder and a patch when no double holds it. */
function rawNumberFor(raw: RawCell | undefined, patch: (text: string) => void): number {
  const text = raw?.v?.trim() ?? '';
  const n = Number(text);
  if (text !== '' && Number.isFinite(n)) return n;
  if (text !== '' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) patch(text);
  return 0;
}

/**
 * Write the numbers no double holds back into the sheets' XML, as the file had them, and the
 * merged areas kept as ranges.
 */
async function patchSheets(
  bytes: Uint8Array,
  patches: ReadonlyMap<string, ReadonlyMap<string, string>>,
  merges: ReadonlyMap<string, readonly string[]>,
): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetParts(zip);
  for (const sheet of new Set([...patches.keys(), ...merges.keys()])) {
    const part = parts.get(sheet);
    const file = part === undefined ? null : zip.file(part);
    if (!file) continue;
    const cells = patches.get(sheet) ?? new Map<string, string>();
    const refs = merges.get(sheet) ?? [];
    let xml = await file.async('string');
    if (cells.size > 0)
      xml = xml.replace(
        /(<c\b[^>]*?\sr="([A-Z]+\d+)"[^>]*>)<v>[^<]*<\/v>/g,
        (whole, open: string, address: string) => {
          const text = cells.get(address);
          return text === undefined ? whole : `${open}<v>${text}</v>`;
        },
      );
    if (refs.length > 0) xml = withMerges(xml, refs);
    zip.file(part!, xml);
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A string as ExcelJS must be given it for Excel to read it back unchanged: the typed text
 * `_x0041_` escaped as `_x005F_x0041_`, and the characters ExcelJS would drop or XML would
 * alter written as Excel writes them (`_x0001_`, `_x000D_`).
 */
export function excelString(s: string): string {
  return encodeControls(s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_'));
}

/** C0 controls but TAB and LF, DEL, U+FFFE/U+FFFF and lone surrogates as `_xHHHH_`. */
function encodeControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000B-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]/.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair =
      c >= 0xd800 && c <= 0xdbff && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    if (pair) {
      out += s.slice(i, i + 2);
      i++;
    } else if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
      c === 0x7f ||
      (c >= 0xd800 && c <= 0xdfff) ||
      c === 0xfffe ||
      c === 0xffff
    )
      out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    else out += s[i];
  }
  return out;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function toRule(rule: ConditionalRule): ExcelJS.ConditionalFormattingRule {
  const style = (fill: string, font: string): Partial<ExcelJS.Style> => ({
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(fill) } },
    font: { color: { argb: argb(font) } },
  });
  switch (rule.type) {
    case 'textEquals':
      return {
        type: 'cellIs',
        operator: 'equal',
        formulae: [`"${rule.text.replace(/"/g, '""')}"`],
        priority: 1,
        style: style(rule.fill, rule.font),
      };
    case 'colorScale':
      return {
        type: 'colorScale',
        priority: 1,
        cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
        color: [{ argb: argb(rule.min) }, { argb: argb(rule.mid) }, { argb: argb(rule.max) }],
      };
    case 'formula':
      return {
        type: 'expression',
        priority: 1,
        formulae: [rule.formula.replace(/^=/, '')],
        style: style(rule.fill, rule.font),
      };
  }
}

/** A1 reference → rectangle (0-based); null for what is not a plain A1 range (A:A, 1:1, names). */
function rect(a1: string): Rect | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(a1);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]!);
  const lastRow = m[4] === undefined ? row : Number(m[4]) - 1;
  const lastCol = m[3] === undefined ? col : columnIndex(m[3]);
  return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

/** Drop an earlier run's rules: those lying wholly inside the add-in's own columns. */
function removeRules(ws: ExcelJS.Worksheet, columns: Rect): void {
  const internal = ws as unknown as { conditionalFormattings?: { ref: string }[] };
  if (!internal.conditionalFormattings) return;
  const inside = (r: Rect | null) =>
    r !== null &&
    r.col >= columns.col &&
    r.col + r.cols <= columns.col + columns.cols &&
    r.row >= columns.row &&
    r.row + r.rows <= columns.row + columns.rows;
  internal.conditionalFormattings = internal.conditionalFormattings.filter(
    (cf) => !cf.ref.split(/\s+/).every((x) => inside(rect(x))),
  );
}
