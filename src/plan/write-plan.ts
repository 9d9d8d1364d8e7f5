import { scaledToNumber } from '../core/fixed';
import { cellAddress, columnLetters, isEmptyCell, noteKey, type CellValue } from '../core/grid';
import { decimalsOf, reasonText, type Analysis, type Unit } from '../evaluation/analyze';
import { zhCN } from '../i18n/catalog';
import type { FigureDef } from '../scheme/scheme';
import { OWN_COLUMN_SUFFIX } from '../tables/columns';
import type { DetectedTable } from '../tables/detect';

/**
 * What the add-in (and the annotated-workbook writer) writes, as plain data: for every
 * evaluation table, one recomputed column per figure of the scheme (Fuzhou: 返工率, 结案率,
 * 按期结案率, 综合指标值, 评价等级) right of the user's table, headed “…（复核）”, with number
 * formats and conditional formats. Both hosts apply the same plan; the plan is what the tests
 * assert on. Coordinates are 0-based sheet rows and columns.
 */

/** A value to write; null leaves the cell as it is. */
export type PlanValue = string | number | null;

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface ValueBlock extends Rect {
  readonly values: readonly (readonly PlanValue[])[];
  /** Same shape as `values`; null leaves the format alone. */
  readonly numberFormat: readonly (readonly (string | null)[])[];
}

export type ConditionalRule =
  | {
      readonly type: 'textEquals';
      readonly range: Rect;
      readonly text: string;
      readonly fill: string;
      readonly font: string;
    }
  | {
      readonly type: 'colorScale';
      readonly range: Rect;
      readonly min: string;
      readonly mid: string;
      readonly max: string;
    }
  /** A formula relative to the range's top-left cell; true highlights the cell. */
  | {
      readonly type: 'formula';
      readonly range: Rect;
      readonly formula: string;
      readonly fill: string;
      readonly font: string;
    };

export interface TableWrites {
  readonly title: string;
  /** True when an earlier run's columns are being replaced (their old rules are cleared). */
  readonly replacing: boolean;
  /** The own columns (one per figure of the scheme), left to right. */
  readonly columns: Rect;
  readonly block: ValueBlock;
  readonly header: Rect;
  readonly rules: readonly ConditionalRule[];
}

export interface SheetWrites {
  readonly sheet: string;
  readonly tables: readonly TableWrites[];
}

export interface Conflict {
  readonly sheet: string;
  readonly cell: string;
  readonly value: CellValue;
}

export interface WritePlan {
  readonly sheets: readonly SheetWrites[];
  /**
   * Cells where the new columns would go that hold the user's data — a value, spaces, a formula
   * (even one whose result is ""), any cell of a merged area: write nothing at all.
   */
  readonly conflicts: readonly Conflict[];
}

/** Grade fills, best to worst (Excel's good/neutral/bad palette). */
const GRADE_COLORS: readonly { fill: string; font: string }[] = [
  { fill: '#C6EFCE', font: '#006100' },
  { fill: '#DDEBF7', font: '#1F4E78' },
  { fill: '#FFEB9C', font: '#9C5700' },
  { fill: '#F8CBAD', font: '#843C0C' },
  { fill: '#FFC7CE', font: '#9C0006' },
];
const MISMATCH = { fill: '#FFC7CE', font: '#9C0006' };
export const HEADER_FILL = '#DDEBF7';

const FORMAT = { text: '@', header: '@', whole: '0' };

/** Shows exactly the decimals the engine rounded to: '0.00' for 2. */
function rateFormat(decimals: number): string {
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

const isBlank = isEmptyCell;

/** The plan for the whole workbook analysed in `a`. */
export function planWrites(a: Analysis): WritePlan {
  const bySheet = new Map<string, TableWrites[]>();
  const conflicts: Conflict[] = [];
  a.tables.forEach((table, tableIndex) => {
    const units = a.units.filter((u) => u.tableIndex === tableIndex);
    if (units.length === 0) return;
    const writes = planTable(a, table, tableIndex, units, conflicts);
    const list = bySheet.get(table.sheet);
    if (list) list.push(writes);
    else bySheet.set(table.sheet, [writes]);
  });
  return {
    sheets: [...bySheet.entries()].map(([sheet, tables]) => ({ sheet, tables })),
    conflicts,
  };
}

function planTable(
  a: Analysis,
  table: DetectedTable,
  tableIndex: number,
  units: readonly Unit[],
  conflicts: Conflict[],
): TableWrites {
  const values = table.grid.values;
  const { origin } = table;
  const own = table.columns.own;
  const ownCols = Object.values(own);
  const fields = a.scheme.figures;
  // Re-run: the columns written last time, where they are. First run: right of the table.
  const startCol = ownCols.length > 0 ? Math.min(...ownCols) : table.columns.lastUserCol + 1;
  const cols = fields.map((_, i) => startCol + i);
  const isOwn = new Set(ownCols);
  const firstDataRow = table.headerRow + table.headerRows;
  const unitRow = new Map(units.map((u) => [u.row - origin.row - 1, u]));
  let lastRow = -1;
  for (const r of unitRow.keys()) if (r > lastRow) lastRow = r;
  // What an earlier run left right under the last unit (the table shrank) is cleared too:
  // the unbroken run of rows whose own-column cells hold only what the add-in writes. The
  // first row with anything else — a note the user typed — ends it and is never touched.
  const ours = ownValues(a);
  for (let r = lastRow + 1; r < table.endRow; r++) {
    const held = cols.filter((c) => isOwn.has(c)).map((c) => values[r]?.[c]);
    if (
      held.every(isBlank) ||
      !held.every((v) => isBlank(v) || typeof v === 'number' || ours.has(String(v)))
    )
      break;
    lastRow = r;
  }
  const merged = (r: number, c: number) =>
    (table.grid.merges ?? []).some(
      (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right,
    );
  // A target cell is the user's when anything is there, even what reads as empty: spaces, a
  // formula whose result is "", a value the reader noted (a formula saved without its result,
  // a number too big to hold), any cell of a merged area (its inner cells read as empty).
  const { formulas, notes } = table.grid;
  const occupied = (r: number, c: number, v: CellValue | undefined) =>
    (v !== null && v !== undefined && v !== '') ||
    merged(r, c) ||
    formulas?.has(noteKey(r, c)) === true ||
    notes?.has(noteKey(r, c)) === true;
  const rows: PlanValue[][] = [];
  const formats: (string | null)[][] = [];
  for (let r = table.headerRow; r <= lastRow; r++) {
    const unit = unitRow.get(r);
    const rowValues: PlanValue[] = [];
    const rowFormats: (string | null)[] = [];
    fields.forEach((def, i) => {
      const field = def.key;
      const c = cols[i]!;
      const current = values[r]?.[c];
      if (!isOwn.has(c) && occupied(r, c, current)) {
        conflicts.push({
          sheet: table.sheet,
          cell: cellAddress(r + origin.row, c + origin.col),
          value: current ?? null,
        });
      }
      if (r === table.headerRow) {
        rowValues.push(`${field}${OWN_COLUMN_SUFFIX}`);
        rowFormats.push(FORMAT.header);
      } else if (r < firstDataRow) {
        rowValues.push(null);
        rowFormats.push(null);
      } else if (unit) {
        rowValues.push(ownValue(a, unit, def, i === fields.length - 1));
        rowFormats.push(formatOf(a, def));
      } else {
        // Blank, remark and title rows inside the table: clear what an earlier run left.
        rowValues.push(isOwn.has(c) && !isBlank(current) ? '' : null);
        rowFormats.push(null);
      }
    });
    rows.push(rowValues);
    formats.push(rowFormats);
  }
  const sheetRow = table.headerRow + origin.row;
  const sheetCol = startCol + origin.col;
  const block: ValueBlock = {
    row: sheetRow,
    col: sheetCol,
    rows: rows.length,
    cols: fields.length,
    values: rows,
    numberFormat: formats,
  };
  const dataRange = (i: number): Rect => ({
    row: firstDataRow + origin.row,
    col: sheetCol + i,
    rows: Math.max(1, lastRow - firstDataRow + 1),
    cols: 1,
  });
  return {
    title: table.title,
    replacing: ownCols.length > 0,
    columns: { row: sheetRow, col: sheetCol, rows: rows.length, cols: fields.length },
    block,
    header: { row: sheetRow, col: sheetCol, rows: 1, cols: fields.length },
    rules: rulesFor(a, table, tableIndex, dataRange),
  };
}

/** The texts the add-in writes into its columns: grade names and the not-evaluated reasons. */
function ownValues(a: Analysis): Set<string> {
  return new Set([
    ...a.scheme.figures.flatMap((f) => (f.kind === 'grade' ? f.bands.map((b) => b.grade) : [])),
    ...Object.values(zhCN.reasons).filter((r): r is string => typeof r === 'string'),
    reasonText(a.scheme, zhCN.reasons, 'nothingToEvaluate'),
  ]);
}

function formatOf(a: Analysis, def: FigureDef): string {
  if (def.kind === 'rate' || def.kind === 'index') return rateFormat(decimalsOf(a, def.key));
  return def.kind === 'rank' ? FORMAT.whole : FORMAT.text;
}

/** A figure as written: a plain number, a grade, a rank; the reason in the last column when the unit is not evaluated. */
function ownValue(a: Analysis, u: Unit, def: FigureDef, last: boolean): PlanValue {
  const v = u.figures[def.key] ?? null;
  if (v === null) return !u.evaluated && last ? reasonText(a.scheme, zhCN.reasons, u.reason) : '';
  if (typeof v === 'number' && (def.kind === 'rate' || def.kind === 'index'))
    return scaledToNumber(v, decimalsOf(a, def.key));
  return v;
}

/** Forms a printed grade may take for `grade`: as named, upper case, full width (Ａ, ｂ → Ｂ). */
function gradeForms(grade: string): string[] {
  const full = [...grade]
    .map((ch) => {
      const c = ch.charCodeAt(0);
      return c >= 0x21 && c <= 0x7e ? String.fromCharCode(c + 0xfee0) : ch;
    })
    .join('');
  return [...new Set([grade.toUpperCase(), full.toUpperCase()])];
}

const excelText = (s: string) => `"${s.replace(/"/g, '""')}"`;

function rulesFor(
  a: Analysis,
  table: DetectedTable,
  tableIndex: number,
  dataRange: (i: number) => Rect,
): ConditionalRule[] {
  const rules: ConditionalRule[] = [];
  const fields = a.scheme.figures;
  fields.forEach((def, i) => {
    if (def.kind === 'grade')
      def.bands.forEach((band, b) => {
        const colors = GRADE_COLORS[Math.min(b, GRADE_COLORS.length - 1)]!;
        rules.push({ type: 'textEquals', range: dataRange(i), text: band.grade, ...colors });
      });
    else if (def.kind === 'index')
      rules.push({
        type: 'colorScale',
        range: dataRange(i),
        min: '#F8696B',
        mid: '#FFEB84',
        max: '#63BE7B',
      });
  });
  // A recomputed cell whose printed twin disagrees: one formula rule per column, so it
  // follows the sheet when the user corrects the printed figure.
  const scale = a.printedScale[tableIndex] ?? {};
  fields.forEach((def, i) => {
    const printedCol = table.columns.printed[def.key];
    if (printedCol === undefined) return;
    const range = dataRange(i);
    const own = cellAddress(range.row, range.col);
    const printed = `$${columnLetters(printedCol + table.origin.col)}${range.row + 1}`;
    let formula: string;
    if (def.kind === 'grade') {
      // The engine folds full-width and lower-case grades (ｂ is B): so does the rule.
      const typed = `UPPER(TRIM(${printed}))`;
      const same = def.bands.map(
        (b) =>
          `AND(${own}=${excelText(b.grade)},OR(${gradeForms(b.grade)
            .map((f) => `${typed}=${excelText(f)}`)
            .join(',')}))`,
      );
      formula = `=AND(${own}<>"",TRIM(${printed})<>"",NOT(OR(${same.join(',')})))`;
    } else {
      const decimals = def.kind === 'rank' ? 0 : decimalsOf(a, def.key);
      // Numbers typed as text (“98.5”, “98.5%”) are compared too: --SUBSTITUTE turns them into numbers.
      formula = `=AND(ISNUMBER(${own}),TRIM(${printed})<>"",IFERROR(ROUND(--SUBSTITUTE(TRIM(${printed}),"%","")${scale[def.key] === 'fraction' ? '*100' : ''},${decimals})<>${own},FALSE()))`;
    }
    rules.push({ type: 'formula', range, formula, ...MISMATCH });
  });
  return rules;
}
