import {
  diagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticParams,
} from '../core/diagnostics';
import { toScaled } from '../core/fixed';
import {
  cellAddress,
  isEmptyCell,
  noteKey,
  type CellNote,
  type CellValue,
  type SheetGrid,
} from '../core/grid';
import { xmlInvalidCharacters } from '../report/xml-text';
import {
  compileRules,
  resolveSettings,
  type EvaluationRules,
  type Settings,
  type SettingsInput,
} from '../core/settings';
import { COUNT_FIELDS, type ComputedField, type CountField } from '../tables/columns';
import { detectHotlineTables, type HotlineTable } from '../hotline/detect';
import { detectTables, type DetectedTable, type TableRow } from '../tables/detect';
import type { Group } from '../tables/groups';
import { isErrorValue, readCount } from './counts';
import { score, type Counts, type Scores } from './score';

export type NotEvaluatedReason =
  'noCases' | 'nothingToEvaluate' | 'invalidData' | 'missingColumns' | 'missingName';

export interface Unit {
  readonly sheet: string;
  /** Index into `Analysis.tables`. */
  readonly tableIndex: number;
  readonly table: string;
  readonly group: Group;
  readonly name: string;
  /** The parent's name for a `下属单位` row; null for top-level units. */
  readonly parent: string | null;
  /** 1-based sheet row. */
  readonly row: number;
  readonly evaluated: boolean;
  readonly reason: NotEvaluatedReason | null;
  /** The counts that could be read (all of them when `evaluated`); undefined where not. */
  readonly counts: { readonly [K in CountField]: number | undefined };
  /** Recomputed figures in units of 10^-decimals; null when not evaluated. */
  readonly scores: Scores | null;
  readonly hasChildren: boolean;
}

export type DiscrepancyKind = 'computed' | 'childSum';

export interface Discrepancy {
  readonly kind: DiscrepancyKind;
  /** Index into `Analysis.tables`: tables may share a sheet and its rows (side by side). */
  readonly tableIndex: number;
  readonly sheet: string;
  readonly cell: string;
  readonly row: number;
  readonly unit: string;
  readonly parent: string | null;
  /** The Chinese column name: 按期结案率, 评价等级, or a count for `childSum`. */
  readonly field: ComputedField | CountField;
  /** The cell's value as the sheet has it. */
  readonly printed: CellValue;
  /** Scaled integer for rates and index, the grade's letter, a count for `childSum`; null when not evaluated. */
  readonly recomputed: number | string | null;
}

export interface Analysis {
  readonly settings: Settings;
  readonly decimals: number;
  readonly period: { readonly year: number; readonly month: number } | null;
  readonly tables: readonly DetectedTable[];
  /** The 12345 平台 tables (件次, 满意度, transfers) found beside the evaluation tables. */
  readonly hotline: readonly HotlineTable[];
  readonly units: readonly Unit[];
  /**
   * Per table (by index): printed rate columns kept as Excel percentages ('fraction': 0.9851
   * shows as 98.51%) rather than percent numbers.
   */
  readonly printedScale: readonly Partial<Record<ComputedField, 'percent' | 'fraction'>>[];
  readonly discrepancies: readonly Discrepancy[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Find every evaluation table, recompute every unit, audit every printed figure. */
export function analyzeWorkbook(sheets: readonly SheetGrid[], input: SettingsInput = {}): Analysis {
  // Resolving is idempotent: a full Settings object passes through, validated.
  const settings = resolveSettings(input);
  const rules = compileRules(settings.evaluation);
  const detection = detectTables(sheets);
  const { tables: hotline, diagnostics: hotlineDiagnostics } = detectHotlineTables(sheets);
  const units: Unit[] = [];
  const discrepancies: Discrepancy[] = [];
  const diagnostics = [...detection.diagnostics, ...hotlineDiagnostics];
  for (const sheet of sheets) {
    const empty = diagnostics.some((d) => d.code === 'emptySheet' && d.sheet === sheet.name);
    const found =
      detection.tables.some((t) => t.grid === sheet) || hotline.some((t) => t.sheet === sheet.name);
    if (!empty && !found) {
      const origin = sheet.origin ?? { row: 0, col: 0 };
      diagnostics.push(
        diagnostic(
          'noTableOnSheet',
          sheet.name,
          cellAddress(origin.row, origin.col),
          origin.row + 1,
          {},
        ),
      );
    }
  }
  const printedScale: Partial<Record<ComputedField, 'percent' | 'fraction'>>[] = [];
  detection.tables.forEach((table, tableIndex) => {
    const evaluated = evaluateTable(table, tableIndex, rules, diagnostics, discrepancies);
    units.push(...evaluated.units);
    printedScale.push(evaluated.scale);
  });
  return {
    settings,
    decimals: rules.decimals,
    period: detection.period,
    tables: detection.tables,
    hotline,
    units,
    printedScale,
    discrepancies,
    diagnostics,
  };
}

/** All eight keys always present, so every unit's counts share one shape (fast to read). */
type CountRecord = { readonly [K in CountField]: number | undefined };

const NO_COUNTS: CountRecord = toCountRecord([]);

function toCountRecord(v: readonly (number | undefined)[]): CountRecord {
  return {
    应处置数: v[0],
    处置数: v[1],
    超期未处置数: v[2],
    超期处置数: v[3],
    返工数: v[4],
    应结案数: v[5],
    结案数: v[6],
    按期结案数: v[7],
  };
}

const COUNT_INDEX = Object.fromEntries(COUNT_FIELDS.map((f, i) => [f, i])) as Record<
  CountField,
  number
>;

const PAIR_CHECKS: readonly (readonly [CountField, CountField])[] = [
  ['处置数', '应处置数'],
  ['结案数', '应结案数'],
  ['按期结案数', '结案数'],
];

/** Sheet address of a grid cell of `table`. */
function addressIn(
  table: DetectedTable,
  gridRow: number,
  col: number,
): { cell: string; row: number } {
  return {
    cell: cellAddress(gridRow + table.origin.row, col + table.origin.col),
    row: gridRow + table.origin.row + 1,
  };
}

function evaluateTable(
  table: DetectedTable,
  tableIndex: number,
  rules: EvaluationRules,
  diagnostics: Diagnostic[],
  discrepancies: Discrepancy[],
): { units: Unit[]; scale: Partial<Record<ComputedField, 'percent' | 'fraction'>> } {
  const { sheet, columns } = table;
  const values = table.grid.values;
  const report = <K extends DiagnosticCode>(
    code: K,
    gridRow: number,
    col: number,
    params: DiagnosticParams[K],
  ) => {
    const a = addressIn(table, gridRow, col);
    diagnostics.push(diagnostic(code, sheet, a.cell, a.row, params));
  };
  // Column positions resolved once per table, not per row.
  const countCols = COUNT_FIELDS.flatMap((field, index) => {
    const col = columns.counts[field];
    return col === undefined
      ? []
      : [{ field, index, col, optional: field === '超期未处置数' || field === '超期处置数' }];
  });
  const read = new Array<number | undefined>(COUNT_FIELDS.length);
  const childSums = new ChildSumAudit(table, discrepancies);
  const printedCols = (Object.entries(columns.printed) as [ComputedField, number][]).map(
    ([field, col]) => ({
      field,
      col,
    }),
  );
  const notes = table.grid.notes;
  const reportNote = (
    note: CellNote,
    gridRow: number,
    col: number,
    unit: string,
    field: CountField,
  ) => {
    switch (note.kind) {
      case 'formulaNoValue':
        return report('formulaNoValue', gridRow, col, { unit, field, formula: note.formula });
      case 'hugeNumber':
        return report('hugeNumber', gridRow, col, {
          unit,
          field,
          text: note.text,
          digits: note.digits,
        });
      case 'notANumber':
      case 'unreadable':
        return report('unreadableCell', gridRow, col, { unit, field, text: note.text });
    }
  };
  const units: Unit[] = [];
  for (const row of table.rows) {
    const cells = values[row.gridRow] ?? [];
    let counts: CountRecord = NO_COUNTS;
    let reason: NotEvaluatedReason | null = null;
    let scores: Scores | null = null;
    const unit = row.name;
    const nameCol =
      row.parent !== null && columns.name.length > 1 ? columns.name[1]! : columns.name[0]!;
    for (let k = 0; k < read.length; k++) read[k] = undefined;
    const badChars = xmlInvalidCharacters(unit);
    if (badChars.length > 0)
      report('invalidCharacters', row.gridRow, nameCol, { text: unit, characters: badChars });
    if (row.kind === 'noCases') {
      reason = 'noCases';
      report('noCases', row.gridRow, nameCol, { unit });
    } else {
      let bad = false;
      for (const { field, index, col, optional } of countCols) {
        const note = notes?.get(noteKey(row.gridRow, col));
        if (note) {
          // What the reader knows beyond the value: say what the cell really is.
          bad = true;
          reportNote(note, row.gridRow, col, unit, field);
          continue;
        }
        const reading = readCount(cells[col]);
        if (typeof reading === 'number') {
          read[index] = reading;
          continue;
        }
        if (reading.problem === 'empty' && optional) continue;
        bad = true;
        if (reading.problem === 'empty') report('emptyCount', row.gridRow, col, { unit, field });
        else if (reading.problem === 'notNumber')
          if (isErrorValue(reading.text))
            report('errorValue', row.gridRow, col, { unit, field, text: reading.text });
          else report('notNumber', row.gridRow, col, { unit, field, text: reading.text });
        else if (reading.problem === 'hugeNumber')
          report('hugeNumber', row.gridRow, col, {
            unit,
            field,
            text: reading.text,
            digits: reading.digits,
          });
        else report(reading.problem, row.gridRow, col, { unit, field, value: reading.value });
      }
      counts = toCountRecord(read);
      for (const [field, limitField] of PAIR_CHECKS) {
        const value = read[COUNT_INDEX[field]];
        const limit = read[COUNT_INDEX[limitField]];
        if (value !== undefined && limit !== undefined && value > limit) {
          bad = true;
          report('exceeds', row.gridRow, columns.counts[field]!, {
            unit,
            field,
            value,
            limitField,
            limit,
          });
        }
      }
      const rework = read[COUNT_INDEX.返工数];
      const disposed = read[COUNT_INDEX.处置数];
      if (rework !== undefined && disposed !== undefined && rework > disposed) {
        report('reworkExceedsDisposed', row.gridRow, columns.counts.返工数!, {
          unit,
          rework,
          disposed,
        });
      }
      if (table.missing.length > 0) reason = 'missingColumns';
      else if (unit === '') reason = 'missingName';
      else if (bad) reason = 'invalidData';
      else {
        const c = counts as Counts;
        const zeroField: CountField | null =
          c.应处置数 === 0 ? '应处置数' : c.应结案数 === 0 ? '应结案数' : null;
        scores = zeroField === null ? score(c, rules) : null;
        if (scores === null) {
          reason = 'nothingToEvaluate';
          const field = zeroField ?? '应结案数';
          report('nothingToEvaluate', row.gridRow, columns.counts[field]!, { unit, field });
        }
      }
    }
    const u: Unit = {
      sheet,
      tableIndex,
      table: table.title,
      group: table.group,
      name: unit,
      parent: row.parent,
      row: row.gridRow + table.origin.row + 1,
      evaluated: scores !== null,
      reason,
      counts,
      scores,
      hasChildren: row.hasChildren,
    };
    units.push(u);
    if (row.parent === null) childSums.parentRow(u, row.gridRow, read);
    else childSums.childRow(u, read);
  }
  childSums.finish();
  const cols = printedCols.map((c) => ({
    ...c,
    fraction: isFractionColumn(table, units, c.field, c.col, rules),
  }));
  if (cols.length > 0)
    units.forEach((u, i) => auditPrinted(table, table.rows[i]!, u, cols, rules, discrepancies));
  const scale: Partial<Record<ComputedField, 'percent' | 'fraction'>> = {};
  for (const c of cols) scale[c.field] = c.fraction ? 'fraction' : 'percent';
  return { units, scale };
}

/** A printed rate or index as shown, scaled like the recomputation; null if it is not a number. */
function readPrinted(v: CellValue, rules: EvaluationRules, fraction: boolean): number | null {
  if (typeof v === 'number') {
    // 0.9851 shown as 98.51%: shift the decimal point exactly, on the number's own digits.
    const text = fraction ? shiftDecimal(String(v), 2) : v;
    return toScaled(text, rules.decimals, rules.rounding)?.scaled ?? null;
  }
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFKC').replace(/\s+/g, '').replace(/%$/, '');
  return toScaled(t, rules.decimals, rules.rounding)?.scaled ?? null;
}

/** `digits` × 10^places, as decimal text (no binary rounding on the way). */
function shiftDecimal(digits: string, places: number): string {
  return `${digits}e${places}`;
}

/**
 * A rate column formatted as a percentage holds fractions (0.9851 shows as 98.51%). A header
 * that says (%) holds percentages; otherwise the column is read as fractions when more of its
 * numbers agree with the recomputation that way than as percentages.
 */
function isFractionColumn(
  table: DetectedTable,
  units: readonly Unit[],
  field: ComputedField,
  col: number,
  rules: EvaluationRules,
): boolean {
  if (field === '综合指标值' || field === '评价等级') return false;
  const header = table.grid.values[table.headerRow]?.[col];
  if (typeof header === 'string' && /[%％]/.test(header)) return false;
  let asPercent = 0;
  let asFraction = 0;
  for (let i = 0; i < units.length; i++) {
    const v = table.grid.values[table.rows[i]!.gridRow]?.[col];
    const s = units[i]!.scores;
    if (typeof v !== 'number' || s === null) continue;
    const recomputed = recomputedField(s, field);
    if (readPrinted(v, rules, false) === recomputed) asPercent++;
    if (readPrinted(v, rules, true) === recomputed) asFraction++;
  }
  return asFraction > asPercent;
}

function auditPrinted(
  table: DetectedTable,
  row: TableRow,
  unit: Unit,
  printedCols: readonly { field: ComputedField; col: number; fraction: boolean }[],
  rules: EvaluationRules,
  out: Discrepancy[],
): void {
  const cells = table.grid.values[row.gridRow] ?? [];
  const s = unit.scores;
  if (s === null && unit.reason !== 'nothingToEvaluate') return;
  for (const { field, col, fraction } of printedCols) {
    const printed = cells[col] ?? null;
    if (isEmptyCell(printed)) continue;
    const recomputed = s === null ? null : recomputedField(s, field);
    // A unit that is not evaluated should carry no index or grade; its rates may read 0.
    if (recomputed === null && field !== '综合指标值' && field !== '评价等级') continue;
    const same =
      recomputed === null
        ? false
        : typeof recomputed === 'string'
          ? sameGrade(printed, recomputed)
          : readPrinted(printed, rules, fraction) === recomputed;
    if (same) continue;
    const a = addressIn(table, row.gridRow, col);
    out.push({
      kind: 'computed',
      tableIndex: unit.tableIndex,
      sheet: table.sheet,
      cell: a.cell,
      row: a.row,
      unit: unit.name,
      parent: unit.parent,
      field,
      printed,
      recomputed,
    });
  }
}

/**
 * A printed grade as the user means it: ｂ, Ｂ, b and “ B ” are B. Both sides are folded the same
 * way, so a band named Ⅰ级 (which NFKC turns into I级) or in lower case matches itself.
 */
function sameGrade(printed: CellValue, grade: string): boolean {
  const fold = (v: string) => v.normalize('NFKC').trim().toUpperCase();
  return fold(String(printed)) === fold(grade);
}

/** A recomputed figure by its column name (scaled rates and index, the grade's letter). */
export function recomputedField(s: Scores, field: ComputedField): number | string {
  switch (field) {
    case '返工率':
      return s.rework;
    case '结案率':
      return s.closed;
    case '按期结案率':
      return s.onTime;
    case '综合指标值':
      return s.index;
    case '评价等级':
      return s.grade;
  }
}

/**
 * A parent's counts must equal the sum of its 下属单位 (true for every parent in the seed).
 * Sums are kept while the rows stream past, so the audit costs no second pass.
 */
class ChildSumAudit {
  private parent: { unit: Unit; gridRow: number } | null = null;
  private readonly own: (number | undefined)[];
  private readonly sums: number[];
  private readonly complete: boolean[];
  private readonly fields: readonly { field: CountField; index: number; col: number }[];

  constructor(
    private readonly table: DetectedTable,
    private readonly out: Discrepancy[],
  ) {
    this.fields = COUNT_FIELDS.flatMap((field, index) => {
      const col = table.columns.counts[field];
      return col === undefined ? [] : [{ field, index, col }];
    });
    this.own = new Array<number | undefined>(COUNT_FIELDS.length).fill(undefined);
    this.sums = new Array<number>(COUNT_FIELDS.length).fill(0);
    this.complete = new Array<boolean>(COUNT_FIELDS.length).fill(true);
  }

  /** A top-level row and the counts read from it: closes the previous parent's block. */
  parentRow(unit: Unit, gridRow: number, read: readonly (number | undefined)[]): void {
    this.finish();
    if (!unit.hasChildren || unit.reason === 'noCases') return;
    this.parent = { unit, gridRow };
    for (const { index } of this.fields) {
      this.own[index] = read[index];
      this.sums[index] = 0;
      this.complete[index] = true;
    }
  }

  /** A 下属单位 row with the counts read from it (undefined where unreadable). */
  childRow(unit: Unit, read: readonly (number | undefined)[]): void {
    if (this.parent === null || unit.reason === 'noCases') return;
    for (const { index } of this.fields) {
      const v = read[index];
      if (v === undefined) this.complete[index] = false;
      else this.sums[index]! += v;
    }
  }

  finish(): void {
    const p = this.parent;
    if (p === null) return;
    this.parent = null;
    for (const { field, index, col } of this.fields) {
      const own = this.own[index];
      const sum = this.sums[index]!;
      if (own === undefined || !this.complete[index] || sum === own) continue;
      const a = addressIn(this.table, p.gridRow, col);
      this.out.push({
        kind: 'childSum',
        tableIndex: p.unit.tableIndex,
        sheet: this.table.sheet,
        cell: a.cell,
        row: a.row,
        unit: p.unit.name,
        parent: null,
        field,
        printed: this.table.grid.values[p.gridRow]?.[col] ?? null,
        recomputed: sum,
      });
    }
  }
}
