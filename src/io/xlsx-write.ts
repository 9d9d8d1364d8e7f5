import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import { UserFacingError } from '../core/errors';
import { columnIndex, rangeAddress } from '../core/grid';
import { addChartSheet, type ChartImage } from './xlsx-charts';
import { HEADER_FILL, type ConditionalRule, type Rect, type WritePlan } from '../plan/write-plan';
import type { CliStrings } from '../i18n/cli';
import {
  checkWorkbookSize,
  isSizeChecked,
  loadWithoutMerges,
  parseRange,
  rawCellsFor,
  readCopyGrids,
  sheetParts,
  withoutOverlaps,
  WorkbookReadError,
  type RawCell,
  type RawCells,
  type SizeChecked,
} from './xlsx-read';

/**
 * The annotated workbook: a copy of the user's .xlsx with the add-in's plan applied by
 * ExcelJS — the same columns, number formats and conditional formats, nothing else changed.
 * (`annotatedCopy` also says what the copy could not keep.)
 */
export async function annotateWorkbook(
  data: ArrayBuffer | Uint8Array,
  plan: WritePlan,
  /** [figures] Optional: the charts' pictures, on Tongbao's own sheet (src/io/xlsx-charts.ts). */
  charts?: readonly ChartImage[],
  /** [grid bounds] The reader's `checkWorkbookSize` answer for `data`: not scanned again. */
  checked?: SizeChecked,
): Promise<Uint8Array> {
  return (await annotatedCopy(data, plan, charts, checked)).bytes;
}

/**
 * [issue 18] The annotated workbook and what it does not keep of the user's. What ExcelJS
 * leaves out of a sheet and the copy need not change (sparklines, x14 data validations, other
 * `<extLst>` entries, protected ranges, ignored errors…) is carried over from the original
 * sheet XML; what cannot be (charts, pivot tables, slicers…: parts ExcelJS drops) is listed in
 * `losses`, for the caller to say before it writes the copy. The copy is read again with the
 * reader before it is returned: `CopyUnreadableError` when it cannot be.
 */
export async function annotatedCopy(
  data: ArrayBuffer | Uint8Array,
  plan: WritePlan,
  charts?: readonly ChartImage[],
  checked?: SizeChecked,
): Promise<AnnotatedCopy> {
  // [grid bounds] The reader's size check and merge hook: a file the reader refuses is
  // refused here too, and a merge over J1:XFD1048576 is kept as its range, not expanded.
  if (!isSizeChecked(data, checked)) await checkWorkbookSize(data);
  // ExcelJS's model is let go before the copy is read again (two at once would double the memory).
  const { written, patches, merges, sheets } = await writeWithExcelJS(data, plan, charts);
  const copy = await finishCopy(data, written, patches, merges);
  await verifyCopy(copy.bytes, sheets);
  return copy;
}

/** The plan applied by ExcelJS: its output, and what `finishCopy` must put back into it. */
async function writeWithExcelJS(
  data: ArrayBuffer | Uint8Array,
  plan: WritePlan,
  charts: readonly ChartImage[] | undefined,
): Promise<{
  written: Uint8Array;
  patches: Map<string, Map<string, string>>;
  merges: Map<string, string[]>;
  sheets: string[];
}> {
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
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  // [grid bounds] ExcelJS writes the merges it expanded; those kept as ranges are put back.
  const kept = new Map<string, string[]>();
  for (const [sheet, refs] of merges ?? []) {
    // [issue 18] An area overlapping an earlier one is left out (the reader's note says so):
    // Excel and ExcelJS refuse a sheet with overlapping merges.
    const valid = withoutOverlaps(
      refs.flatMap((r) => {
        const area = parseRange(r);
        return area ? [{ ...area, ref: r.trim() }] : [];
      }),
    ).kept.map((m) => m.ref);
    if (valid.length > 0 && wb.getWorksheet(sheet)) kept.set(sheet, valid);
  }
  return { written, patches, merges: kept, sheets: wb.worksheets.map((ws) => ws.name) };
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

// [issue 18] begin — the copy's finishing: what ExcelJS left out, carried over or named, and
// the copy read again before it is kept.

/** What the annotated copy may not keep of the user's workbook (`catalog.cli.copyLossKinds`). */
export type CopyLossKind =
  | 'chart'
  | 'chartSheet'
  | 'otherSheet'
  | 'pivotTable'
  | 'slicer'
  | 'timeline'
  | 'threadedComment'
  | 'formControl'
  | 'embeddedObject'
  | 'externalLink'
  | 'customXml'
  | 'dataModel'
  | 'connection'
  | 'addinData'
  | 'richData'
  | 'cellMetadata'
  | 'customProperties'
  | 'shape'
  | 'headerPicture'
  | 'other';

/**
 * What the copy does not keep, one item per kind (and element, for `other`), with the sheets
 * it was on: what the command line and the web page say before they write the copy.
 */
export function lossItems(
  losses: readonly CopyLoss[],
  kinds: CliStrings['copyLossKinds'],
): { what: string; sheets: string[] }[] {
  const items = new Map<string, { what: string; sheets: string[] }>();
  for (const l of losses) {
    const what = l.detail === undefined ? kinds[l.kind] : `${kinds[l.kind]} ${l.detail}`;
    const item = items.get(what) ?? { what, sheets: [] };
    items.set(what, item);
    if (l.sheet !== null && !item.sheets.includes(l.sheet)) item.sheets.push(l.sheet);
  }
  return [...items.values()];
}

/** The order losses are listed in. */
const LOSS_ORDER: readonly CopyLossKind[] = [
  'chartSheet',
  'otherSheet',
  'chart',
  'pivotTable',
  'slicer',
  'timeline',
  'shape',
  'formControl',
  'embeddedObject',
  'headerPicture',
  'threadedComment',
  'richData',
  'cellMetadata',
  'externalLink',
  'connection',
  'dataModel',
  'customXml',
  'addinData',
  'customProperties',
  'other',
];

export interface CopyLoss {
  readonly kind: CopyLossKind;
  /** The sheet it is on; null for the workbook as a whole. */
  readonly sheet: string | null;
  /** For `other`: the XML element the sheet had (`protectedRanges`, `x14:slicerList`). */
  readonly detail?: string;
}

export interface AnnotatedCopy {
  readonly bytes: Uint8Array;
  /** What the copy does not keep: by kind (`LOSS_ORDER`), then sheet in workbook order. */
  readonly losses: readonly CopyLoss[];
}

/** The copy, read again with the reader, could not be read: it must not be kept. */
export class CopyUnreadableError extends UserFacingError {
  override readonly name = 'CopyUnreadableError';
  constructor(readonly reason: string) {
    super(`the annotated copy cannot be read back: ${reason}`, 'copyUnreadable', null, [reason]);
  }
}

/**
 * The copy read again with the reader (`readCopyGrids`, as the CLI and the web page read any
 * workbook): the same sheets, no merged areas overlapping (Excel would refuse to open it).
 */
async function verifyCopy(bytes: Uint8Array, sheets: readonly string[]): Promise<void> {
  let grids;
  try {
    grids = await readCopyGrids(bytes);
  } catch (e) {
    throw new CopyUnreadableError(
      (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 200),
    );
  }
  const names = grids.map((g) => g.name);
  if (names.length !== sheets.length || names.some((n, i) => n !== sheets[i]))
    throw new CopyUnreadableError(`sheets read back: ${names.join(', ')}`);
  const overlapping = grids.find((g) => (g.overlappingMerges?.length ?? 0) > 0);
  if (overlapping)
    throw new CopyUnreadableError(`overlapping merged cells on sheet ${overlapping.name}`);
}

/** The x14 conditional formats' `<ext>`: ExcelJS reads and writes these itself. */
const X14_CONDITIONAL_FORMATS = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';

/** The worksheet elements ExcelJS 4.4 reads and writes (its worksheet-xform): never carried. */
const EXCELJS_ELEMENTS = new Set([
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetProtection',
  'autoFilter',
  'mergeCells',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'drawing',
  'legacyDrawing',
  'picture',
  'tableParts',
]);

/** CT_Worksheet's children in the order the schema requires them (ECMA-376 Part 1, 18.3.1.99). */
const SHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** A sheet element (or `<ext>`) that needs a relationship to a part: the kind of that part. */
const ELEMENT_LOSS: Readonly<Record<string, CopyLossKind>> = {
  oleObjects: 'embeddedObject',
  controls: 'formControl',
  legacyDrawingHF: 'headerPicture',
  drawingHF: 'headerPicture',
  slicerList: 'slicer',
  timelineRefs: 'timeline',
  webExtensions: 'addinData',
};

const RELATIONSHIPS = [
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
];
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** A start or end tag (attribute values may hold `>`), or a comment, PI or CDATA to skip. */
const TAG =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;

interface Element {
  /** The name as written (`x14:sparklineGroups`) and without its prefix. */
  readonly name: string;
  readonly local: string;
  /** The start tag's attributes, as written. */
  readonly attributes: string;
  readonly start: number;
  /** After the start tag; after the end tag. */
  readonly inner: number;
  readonly end: number;
}

/**
 * The elements of `xml` from `from` at the depth where it starts, until an end tag closes that
 * depth (`close`: where that tag starts; the end of `xml` if none).
 */
function childElements(xml: string, from: number): { elements: Element[]; close: number } {
  const elements: Element[] = [];
  const re = new RegExp(TAG.source, 'g');
  re.lastIndex = from;
  let depth = 0;
  let open: Omit<Element, 'end'> | null = null;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2] === undefined) continue;
    const after = m.index + m[0].length;
    if (m[1] === '/') {
      if (depth === 0) return { elements, close: m.index };
      depth--;
      if (depth === 0 && open) elements.push({ ...open, end: after });
      continue;
    }
    if (depth === 0) {
      const name = m[2];
      open = {
        name,
        local: name.slice(name.indexOf(':') + 1),
        attributes: m[3] ?? '',
        start: m.index,
        inner: after,
      };
      if (m[4] === '/') elements.push({ ...open, end: after });
      else depth++;
    } else if (m[4] !== '/') depth++;
  }
  return { elements, close: xml.length };
}

/** The `xmlns` declarations among attributes: prefix ('' for the default) → namespace. */
function declarations(attributes: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of attributes.matchAll(
    /(?:^|\s)xmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
  ))
    out.set(m[1] ?? '', m[2] ?? m[3] ?? '');
  return out;
}

function attributeOf(attributes: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

/** A worksheet's root: its declarations, its mc:Ignorable prefixes, where its children start. */
interface SheetRoot {
  readonly tag: { readonly start: number; readonly end: number; readonly attributes: string };
  readonly names: Map<string, string>;
  readonly ignorable: Set<string>;
}

function sheetRoot(xml: string): SheetRoot | null {
  const re = new RegExp(TAG.source, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[2] === undefined || m[1] === '/') continue;
    if (m[2].slice(m[2].indexOf(':') + 1) !== 'worksheet') return null;
    const attributes = m[3] ?? '';
    const names = declarations(attributes);
    const mc = [...names].find(([, uri]) => uri === MARKUP_COMPATIBILITY)?.[0];
    const list = mc === undefined ? null : attributeOf(attributes, `${mc}:Ignorable`);
    return {
      tag: { start: m.index, end: m.index + m[0].length, attributes },
      names,
      ignorable: new Set((list ?? '').split(/\s+/).filter(Boolean)),
    };
  }
  return null;
}

/** Where the worksheet's children after `<sheetData>` start; null if it has none. */
function afterSheetData(xml: string): number | null {
  const at = xml.lastIndexOf('sheetData');
  if (at < 0) return null;
  const gt = xml.indexOf('>', at);
  return gt < 0 ? null : gt + 1;
}

/** An element to carry from the original sheet into the copy's. */
interface Carried {
  readonly local: string;
  /** An `<ext>` of the `<extLst>` (its `uri`), or a child of the worksheet. */
  readonly uri: string | null;
  readonly xml: string;
  /** Prefixes it uses but does not declare, with the original's namespaces for them. */
  readonly needs: Map<string, string>;
  /** Those the original's mc:Ignorable lists: declared on the copy's root and listed there. */
  readonly ignorable: Set<string>;
  /** The original's default namespace (the copy's must be the same). */
  readonly namespace: string;
}

/** Prefixes an XML fragment uses and does not itself declare. */
function undeclaredPrefixes(xml: string): Set<string> {
  const used = new Set<string>();
  for (const m of xml.matchAll(/<\/?([A-Za-z_][\w.-]*):|\s([A-Za-z_][\w.-]*):[\w.-]+\s*=/g))
    used.add(m[1] ?? m[2]!);
  used.delete('xmlns');
  used.delete('xml');
  for (const m of xml.matchAll(/\sxmlns:([\w.-]+)\s*=/g)) used.delete(m[1]!);
  return used;
}

/** Whether a fragment refers to a part by relationship (`r:id`, `r:embed`…). */
function usesRelationship(xml: string, names: ReadonlyMap<string, string>): boolean {
  const prefixes = new Set<string>();
  for (const [prefix, uri] of names)
    if (prefix && RELATIONSHIPS.includes(uri)) prefixes.add(prefix);
  for (const m of xml.matchAll(/\sxmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    if (RELATIONSHIPS.includes(m[2] ?? m[3] ?? '')) prefixes.add(m[1]!);
  for (const m of xml.matchAll(/\s([A-Za-z_][\w.-]*):[\w.-]+\s*=/g))
    if (prefixes.has(m[1]!)) return true;
  return false;
}

/**
 * What of the original sheet ExcelJS does not write and can be carried over: the worksheet's
 * children it does not know and its `<extLst>` entries other than the x14 conditional formats,
 * as long as they need no part of their own. What needs one is added to `losses`.
 */
function carryable(xml: string, sheet: string, losses: CopyLoss[]): Carried[] {
  const root = sheetRoot(xml);
  const from = afterSheetData(xml);
  if (!root || from === null) return [];
  const out: Carried[] = [];
  const take = (el: Element, fragment: string, uri: string | null, scope: Map<string, string>) => {
    // What it is: an <ext>'s first child; the element an <mc:AlternateContent> offers.
    const local =
      uri !== null
        ? (firstChildName(fragment, el) ?? el.local)
        : el.local === 'AlternateContent'
          ? (alternateOf(fragment) ?? el.local)
          : el.local;
    if (usesRelationship(fragment, scope)) {
      const kind = ELEMENT_LOSS[local.slice(local.indexOf(':') + 1)] ?? 'other';
      losses.push(kind === 'other' ? { kind, sheet, detail: local } : { kind, sheet });
      return;
    }
    const needs = new Map<string, string>();
    for (const prefix of undeclaredPrefixes(fragment)) {
      const uriOf = scope.get(prefix);
      if (uriOf === undefined) {
        losses.push({ kind: 'other', sheet, detail: local });
        return;
      }
      needs.set(prefix, uriOf);
    }
    const ignorable = new Set([...needs.keys()].filter((p) => root.ignorable.has(p)));
    out.push({
      local,
      uri,
      xml: fragment,
      needs,
      ignorable,
      namespace: scope.get('') ?? '',
    });
  };
  for (const el of childElements(xml, from).elements) {
    if (el.local === 'extLst') {
      const scope = new Map([...root.names, ...declarations(el.attributes)]);
      for (const ext of childElements(xml, el.inner).elements) {
        if (ext.local !== 'ext') continue;
        const uri = attributeOf(ext.attributes, 'uri') ?? '';
        if (uri === X14_CONDITIONAL_FORMATS) continue;
        take(ext, xml.slice(ext.start, ext.end), uri, scope);
      }
    } else if (!EXCELJS_ELEMENTS.has(el.local)) {
      take(el, xml.slice(el.start, el.end), null, root.names);
    }
  }
  return out;
}

/** The element an `<mc:AlternateContent>` offers (`controls`, `oleObjects`), by local name. */
function alternateOf(fragment: string): string | null {
  for (const m of fragment.matchAll(/<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/g))
    if (!['AlternateContent', 'Choice', 'Fallback'].includes(m[1]!)) return m[1]!;
  return null;
}

/** The name of an `<ext>`'s first child (`x14:sparklineGroups`), to name what it holds. */
function firstChildName(fragment: string, el: Element): string | null {
  const first = childElements(fragment, el.inner - el.start).elements[0];
  return first ? first.name : null;
}

/**
 * The carried elements put into the copy's sheet XML: each child of the worksheet where the
 * schema's order wants it, unless ExcelJS wrote one of its own; the `<ext>`s into the copy's
 * `<extLst>` (made if need be), unless it has one of that `uri`. The namespaces they need are
 * declared on them (and on the root, listed in mc:Ignorable, where the original's were).
 */
function carryInto(
  xml: string,
  carried: readonly Carried[],
  sheet: string,
  losses: CopyLoss[],
): string {
  const root = sheetRoot(xml);
  const from = afterSheetData(xml);
  if (!root || from === null) {
    for (const c of carried) losses.push({ kind: 'other', sheet, detail: c.local });
    return xml;
  }
  const { elements, close } = childElements(xml, from);
  const extLst = elements.find((e) => e.local === 'extLst');
  const uris = new Set(
    extLst
      ? childElements(xml, extLst.inner).elements.map((e) => attributeOf(e.attributes, 'uri'))
      : [],
  );
  const present = new Set(elements.map((e) => e.local));
  const rank = (local: string) => {
    const i = SHEET_ORDER.indexOf(local);
    return i < 0 ? SHEET_ORDER.length : i;
  };
  const inserts: { at: number; order: number; text: string }[] = [];
  const rootNames = new Map<string, string>();
  const rootIgnorable = new Set<string>();
  const exts: string[] = [];
  carried.forEach((c, order) => {
    if (c.namespace !== (root.names.get('') ?? '')) {
      losses.push({ kind: 'other', sheet, detail: c.local });
      return;
    }
    if (c.uri === null ? present.has(c.local) : uris.has(c.uri)) return;
    // Declared on the element itself unless the copy's root says the same already.
    let add = '';
    for (const [prefix, uri] of c.needs) {
      const onRoot = root.names.get(prefix) ?? rootNames.get(prefix);
      if (c.ignorable.has(prefix) && (onRoot ?? uri) === uri) {
        rootNames.set(prefix, uri);
        rootIgnorable.add(prefix);
      } else if (onRoot !== uri) add += ` xmlns:${prefix}="${uri}"`;
    }
    const text = add ? c.xml.replace(/^<[A-Za-z_][\w.:-]*/, (open) => open + add) : c.xml;
    if (c.uri !== null) {
      exts.push(text);
      return;
    }
    const next = elements.find((e) => rank(e.local) > rank(c.local));
    inserts.push({ at: next ? next.start : close, order, text });
  });
  if (exts.length > 0) {
    if (extLst) {
      const end = xml.lastIndexOf('</', extLst.end - 1);
      inserts.push({ at: end, order: carried.length, text: exts.join('') });
    } else
      inserts.push({ at: close, order: carried.length, text: `<extLst>${exts.join('')}</extLst>` });
  }
  if (inserts.length === 0) return xml;
  // From the end, so that earlier positions stay put; at one position, in the carried order.
  inserts.sort((a, b) => b.at - a.at || b.order - a.order);
  let out = xml;
  for (const i of inserts) out = out.slice(0, i.at) + i.text + out.slice(i.at);
  return rootNames.size > 0 ? withRootNames(out, root, rootNames, rootIgnorable) : out;
}

/** The copy's root with more namespace declarations, and more prefixes in its mc:Ignorable. */
function withRootNames(
  xml: string,
  root: SheetRoot,
  names: ReadonlyMap<string, string>,
  ignorable: ReadonlySet<string>,
): string {
  let attributes = root.tag.attributes;
  for (const [prefix, uri] of names)
    if (!root.names.has(prefix)) attributes += ` xmlns:${prefix}="${uri}"`;
  let mc = [...root.names].find(([, uri]) => uri === MARKUP_COMPATIBILITY)?.[0];
  if (mc === undefined) {
    mc = 'mc';
    attributes += ` xmlns:mc="${MARKUP_COMPATIBILITY}"`;
  }
  const list = [...new Set([...root.ignorable, ...ignorable])].join(' ');
  const current = new RegExp(`(\\s${mc}:Ignorable\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  attributes = current.test(attributes)
    ? attributes.replace(current, `$1"${list}"`)
    : `${attributes} ${mc}:Ignorable="${list}"`;
  const head = xml.slice(root.tag.start, root.tag.end);
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(head)![1]!;
  return `${xml.slice(0, root.tag.start)}<${name}${attributes}>${xml.slice(root.tag.end)}`;
}

/** Parts ExcelJS never writes, by their path in the package. */
const PART_LOSS: readonly (readonly [RegExp, CopyLossKind])[] = [
  [/^xl\/charts\//, 'chart'],
  [/^xl\/chartsheets\//, 'chartSheet'],
  [/^xl\/(?:dialogsheets|macrosheets)\//, 'otherSheet'],
  [/^xl\/pivot(?:Tables|Cache)\//, 'pivotTable'],
  [/^xl\/slicer(?:s|Caches)\//, 'slicer'],
  [/^xl\/timeline(?:s|Caches)\//, 'timeline'],
  [/^xl\/(?:threadedComments|persons)\//, 'threadedComment'],
  [/^xl\/(?:ctrlProps|activeX)\//, 'formControl'],
  [/^xl\/embeddings\//, 'embeddedObject'],
  [/^xl\/externalLinks\//, 'externalLink'],
  [/^customXml\//, 'customXml'],
  [/^xl\/model\//, 'dataModel'],
  [/^xl\/(?:connections\.xml$|queryTables\/)/, 'connection'],
  [/^xl\/webextensions\//, 'addinData'],
  [/^xl\/richData\//, 'richData'],
  [/^xl\/metadata\.xml$/, 'cellMetadata'],
  [/^docProps\/custom\.xml$/, 'customProperties'],
  [/^xl\/diagrams\//, 'shape'],
];

/** The internal targets of a part's relationships, as package paths. */
async function relationTargets(zip: JSZip, part: string): Promise<string[]> {
  const slash = part.lastIndexOf('/');
  const rels = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = await zip.file(rels)?.async('string');
  if (xml === undefined) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const target = attributeOf(m[1]!, 'Target');
    if (target === null || attributeOf(m[1]!, 'TargetMode') === 'External') continue;
    const path = target.startsWith('/') ? [] : part.split('/').slice(0, -1);
    for (const seg of target.replace(/^\//, '').split('/')) {
      if (seg === '..') path.pop();
      else if (seg !== '.' && seg !== '') path.push(seg);
    }
    out.push(path.join('/'));
  }
  return out;
}

/**
 * The parts of the original ExcelJS does not write, each with the sheet it hangs from
 * (through relationships: sheet → drawing → chart), null for the workbook's own. Drawings
 * are kept by ExcelJS for their pictures only: shapes in them are named.
 */
async function partLosses(zip: JSZip, sheets: ReadonlyMap<string, string>): Promise<CopyLoss[]> {
  const files = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const present = new Set(files);
  const owner = new Map<string, string>();
  const parent = new Map<string, string>();
  for (const [name, part] of sheets) {
    const queue = [part];
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
      if (owner.has(p)) continue;
      owner.set(p, name);
      for (const t of await relationTargets(zip, p))
        if (present.has(t) && !owner.has(t)) {
          if (!parent.has(t)) parent.set(t, p);
          queue.push(t);
        }
    }
  }
  const out: CopyLoss[] = [];
  for (const path of files) {
    if (/(?:^|\/)_rels\//.test(path)) continue;
    let kind = PART_LOSS.find(([re]) => re.test(path))?.[1] ?? null;
    // A chart's data, embedded as a workbook: part of the chart.
    if (kind === 'embeddedObject' && /^xl\/charts\//.test(parent.get(path) ?? '')) continue;
    if (kind === null && /^xl\/drawings\/[^/]+\.xml$/.test(path)) {
      const xml = (await zip.file(path)?.async('string')) ?? '';
      if (/<(?:[\w.-]+:)?(?:sp|grpSp|cxnSp)[\s>/]/.test(xml)) kind = 'shape';
    }
    if (kind !== null) out.push({ kind, sheet: owner.get(path) ?? null });
  }
  return out;
}

/**
 * Each loss once, by kind then sheet (workbook order): a kind named on sheets is not named again
 * for the workbook, nor is what a lost chart sheet held.
 */
function orderLosses(losses: readonly CopyLoss[], sheetOrder: readonly string[]): CopyLoss[] {
  const chartSheets = new Set(losses.filter((l) => l.kind === 'chartSheet').map((l) => l.sheet));
  const onSheets = new Set(losses.filter((l) => l.sheet !== null).map((l) => l.kind));
  const seen = new Set<string>();
  const out: CopyLoss[] = [];
  for (const l of losses) {
    if (l.kind !== 'chartSheet' && l.sheet !== null && chartSheets.has(l.sheet)) continue;
    if (l.sheet === null && l.kind !== 'other' && onSheets.has(l.kind)) continue;
    const key = `${l.kind}\u0000${l.sheet ?? ''}\u0000${l.detail ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
  }
  const sheetRank = (s: string | null) => (s === null ? sheetOrder.length : sheetOrder.indexOf(s));
  return out.sort(
    (a, b) =>
      LOSS_ORDER.indexOf(a.kind) - LOSS_ORDER.indexOf(b.kind) ||
      sheetRank(a.sheet) - sheetRank(b.sheet),
  );
}

/**
 * ExcelJS's output finished: numbers no double holds and merged areas kept as ranges written
 * back, the original sheets' elements ExcelJS left out carried over; with what it could not keep.
 */
async function finishCopy(
  original: ArrayBuffer | Uint8Array,
  written: Uint8Array,
  patches: ReadonlyMap<string, ReadonlyMap<string, string>>,
  merges: ReadonlyMap<string, readonly string[]>,
): Promise<AnnotatedCopy> {
  const { default: JSZip } = await import('jszip');
  const [from, to] = await Promise.all([JSZip.loadAsync(original), JSZip.loadAsync(written)]);
  const [fromParts, toParts] = await Promise.all([sheetParts(from), sheetParts(to)]);
  const losses = await partLosses(from, fromParts);
  let changed = false;
  for (const [sheet, part] of toParts) {
    const file = to.file(part);
    if (!file) continue;
    const fromPart = fromParts.get(sheet);
    const fromXml = fromPart === undefined ? undefined : await from.file(fromPart)?.async('string');
    const carried = fromXml === undefined ? [] : carryable(fromXml, sheet, losses);
    const cells = patches.get(sheet);
    const refs = merges.get(sheet) ?? [];
    if (!cells?.size && refs.length === 0 && carried.length === 0) continue;
    let xml = await file.async('string');
    if (cells?.size)
      xml = xml.replace(
        /(<c\b[^>]*?\sr="([A-Z]+\d+)"[^>]*>)<v>[^<]*<\/v>/g,
        (whole, open: string, address: string) => {
          const text = cells.get(address);
          return text === undefined ? whole : `${open}<v>${text}</v>`;
        },
      );
    if (refs.length > 0) xml = withMerges(xml, refs);
    if (carried.length > 0) xml = carryInto(xml, carried, sheet, losses);
    to.file(part, xml);
    changed = true;
  }
  const bytes = changed
    ? await to.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
    : written;
  return { bytes, losses: orderLosses(losses, [...fromParts.keys()]) };
}
// [issue 18] end
