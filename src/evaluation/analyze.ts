import { diagnostic, type Diagnostic } from '../core/diagnostics';
import { toScaled } from '../core/fixed';
import { cellAddress, type CellValue, type SheetGrid } from '../core/grid';
import { compileRules, resolveSettings, type EvaluationRules, type Settings, type SettingsInput } from '../core/settings';
import { COUNT_FIELDS, type ComputedField, type CountField } from '../tables/columns';
import { detectTables, type DetectedTable, type TableRow } from '../tables/detect';
import type { Group } from '../tables/groups';
import { readCount } from './counts';
import { score, type Counts, type Scores } from './score';

export type NotEvaluatedReason = 'noCases' | 'nothingToEvaluate' | 'invalidData' | 'missingColumns' | 'missingName';

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
  /** The counts that could be read (all of them when `evaluated`). */
  readonly counts: Partial<Record<CountField, number>>;
  /** Recomputed figures in units of 10^-decimals; null when not evaluated. */
  readonly scores: Scores | null;
  readonly hasChildren: boolean;
}

export type DiscrepancyKind = 'computed' | 'childSum';

export interface Discrepancy {
  readonly kind: DiscrepancyKind;
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
  readonly units: readonly Unit[];
  readonly discrepancies: readonly Discrepancy[];
  readonly diagnostics: readonly Diagnostic[];
}

function isSettings(s: Settings | SettingsInput): s is Settings {
  const e = (s as Settings).evaluation as Settings['evaluation'] | undefined;
  return e !== undefined && Array.isArray(e.bands) && e.weights?.rework !== undefined && e.decimals !== undefined;
}

/** Find every evaluation table, recompute every unit, audit every printed figure. */
export function analyzeWorkbook(sheets: readonly SheetGrid[], input: Settings | SettingsInput = {}): Analysis {
  const settings = isSettings(input) ? input : resolveSettings(input);
  const rules = compileRules(settings.evaluation);
  const detection = detectTables(sheets);
  const units: Unit[] = [];
  const discrepancies: Discrepancy[] = [];
  const diagnostics = [...detection.diagnostics];
  detection.tables.forEach((table, tableIndex) => {
    const evaluated = evaluateTable(table, tableIndex, rules, diagnostics, discrepancies);
    units.push(...evaluated);
  });
  return {
    settings,
    decimals: rules.decimals,
    period: detection.period,
    tables: detection.tables,
    units,
    discrepancies,
    diagnostics,
  };
}

const PAIR_CHECKS: readonly (readonly [CountField, CountField])[] = [
  ['处置数', '应处置数'],
  ['结案数', '应结案数'],
  ['按期结案数', '结案数'],
];

function evaluateTable(
  table: DetectedTable,
  tableIndex: number,
  rules: EvaluationRules,
  diagnostics: Diagnostic[],
  discrepancies: Discrepancy[],
): Unit[] {
  const { sheet, columns } = table;
  const values = table.grid.values;
  const at = (gridRow: number, col: number) => ({
    cell: cellAddress(gridRow + table.origin.row, col + table.origin.col),
    row: gridRow + table.origin.row + 1,
  });
  const nameCol = (row: TableRow) => (row.parent !== null && columns.name.length > 1 ? columns.name[1]! : columns.name[0]!);
  const units: Unit[] = [];
  const byRow: { row: TableRow; unit: Unit }[] = [];
  for (const row of table.rows) {
    const cells = values[row.gridRow] ?? [];
    const counts: Partial<Record<CountField, number>> = {};
    let reason: NotEvaluatedReason | null = null;
    let scores: Scores | null = null;
    const unitName = row.name;
    if (row.kind === 'noCases') {
      reason = 'noCases';
      const a = at(row.gridRow, nameCol(row));
      diagnostics.push(diagnostic('noCases', sheet, a.cell, a.row, { unit: unitName }));
    } else {
      let bad = false;
      for (const field of COUNT_FIELDS) {
        const col = columns.counts[field];
        if (col === undefined) continue;
        const reading = readCount(cells[col]);
        if (reading.ok) {
          counts[field] = reading.value;
          continue;
        }
        const optional = field === '超期未处置数' || field === '超期处置数';
        if (reading.problem === 'empty' && optional) continue;
        bad = true;
        const a = at(row.gridRow, col);
        const unit = unitName;
        if (reading.problem === 'empty') diagnostics.push(diagnostic('emptyCount', sheet, a.cell, a.row, { unit, field }));
        else if (reading.problem === 'notNumber')
          diagnostics.push(diagnostic('notNumber', sheet, a.cell, a.row, { unit, field, text: reading.text }));
        else diagnostics.push(diagnostic(reading.problem, sheet, a.cell, a.row, { unit, field, value: reading.value }));
      }
      for (const [field, limitField] of PAIR_CHECKS) {
        const value = counts[field];
        const limit = counts[limitField];
        if (value !== undefined && limit !== undefined && value > limit) {
          bad = true;
          const a = at(row.gridRow, columns.counts[field]!);
          diagnostics.push(diagnostic('exceeds', sheet, a.cell, a.row, { unit: unitName, field, value, limitField, limit }));
        }
      }
      const rework = counts.返工数;
      const disposed = counts.处置数;
      if (rework !== undefined && disposed !== undefined && rework > disposed) {
        const a = at(row.gridRow, columns.counts.返工数!);
        diagnostics.push(diagnostic('reworkExceedsDisposed', sheet, a.cell, a.row, { unit: unitName, rework, disposed }));
      }
      if (table.missing.length > 0) reason = 'missingColumns';
      else if (unitName === '') reason = 'missingName';
      else if (bad) reason = 'invalidData';
      else {
        const c = counts as Counts;
        const zeroField: CountField | null = c.应处置数 === 0 ? '应处置数' : c.应结案数 === 0 ? '应结案数' : null;
        scores = zeroField === null ? score(c, rules) : null;
        if (scores === null) {
          reason = 'nothingToEvaluate';
          const field = zeroField ?? '应结案数';
          const a = at(row.gridRow, columns.counts[field]!);
          diagnostics.push(diagnostic('nothingToEvaluate', sheet, a.cell, a.row, { unit: unitName, field }));
        }
      }
    }
    const unit: Unit = {
      sheet,
      tableIndex,
      table: table.title,
      group: table.group,
      name: unitName,
      parent: row.parent,
      row: at(row.gridRow, 0).row,
      evaluated: scores !== null,
      reason,
      counts,
      scores,
      hasChildren: false,
    };
    units.push(unit);
    byRow.push({ row, unit });
    auditPrinted(table, row, unit, rules, at, discrepancies);
  }
  return auditChildSums(table, byRow, at, discrepancies);
}

/** A printed rate or index as shown, scaled like the recomputation; null if it is not a number. */
function readPrinted(v: CellValue, rules: EvaluationRules): number | null {
  if (typeof v === 'number') return toScaled(v, rules.decimals, rules.rounding)?.scaled ?? null;
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFKC').replace(/\s+/g, '').replace(/%$/, '');
  return toScaled(t, rules.decimals, rules.rounding)?.scaled ?? null;
}

function isBlank(v: CellValue | undefined): v is null | undefined | '' {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function auditPrinted(
  table: DetectedTable,
  row: TableRow,
  unit: Unit,
  rules: EvaluationRules,
  at: (r: number, c: number) => { cell: string; row: number },
  out: Discrepancy[],
): void {
  const cells = table.grid.values[row.gridRow] ?? [];
  const s = unit.scores;
  if (s === null && unit.reason !== 'nothingToEvaluate') return;
  const expected: Record<ComputedField, number | string | null> = s
    ? { 返工率: s.rework, 结案率: s.closed, 按期结案率: s.onTime, 综合指标值: s.index, 评价等级: s.grade }
    : { 返工率: null, 结案率: null, 按期结案率: null, 综合指标值: null, 评价等级: null };
  for (const [field, col] of Object.entries(table.columns.printed) as [ComputedField, number][]) {
    const printed = cells[col];
    if (isBlank(printed)) continue;
    const recomputed = expected[field];
    // A unit that is not evaluated should carry no index or grade; its rates may read 0.
    if (recomputed === null && field !== '综合指标值' && field !== '评价等级') continue;
    const same =
      recomputed === null
        ? false
        : typeof recomputed === 'string'
          ? String(printed).normalize('NFKC').trim().toUpperCase() === recomputed
          : readPrinted(printed, rules) === recomputed;
    if (same) continue;
    const a = at(row.gridRow, col);
    out.push({
      kind: 'computed',
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

/** A parent's counts must equal the sum of its 下属单位 (true for every parent in the seed). */
function auditChildSums(
  table: DetectedTable,
  byRow: { row: TableRow; unit: Unit }[],
  at: (r: number, c: number) => { cell: string; row: number },
  out: Discrepancy[],
): Unit[] {
  const result: Unit[] = [];
  for (let i = 0; i < byRow.length; i++) {
    const { row, unit } = byRow[i]!;
    if (unit.parent !== null) {
      result.push(unit);
      continue;
    }
    const children: Unit[] = [];
    for (let j = i + 1; j < byRow.length && byRow[j]!.unit.parent !== null; j++) children.push(byRow[j]!.unit);
    if (children.length === 0) {
      result.push(unit);
      continue;
    }
    result.push({ ...unit, hasChildren: true });
    if (unit.reason === 'noCases') continue;
    for (const field of COUNT_FIELDS) {
      const col = table.columns.counts[field];
      const own = unit.counts[field];
      if (col === undefined || own === undefined) continue;
      let sum = 0;
      let complete = true;
      for (const child of children) {
        if (child.reason === 'noCases') continue;
        const v = child.counts[field];
        if (v === undefined) complete = false;
        else sum += v;
      }
      if (!complete || sum === own) continue;
      const a = at(row.gridRow, col);
      out.push({
        kind: 'childSum',
        sheet: table.sheet,
        cell: a.cell,
        row: a.row,
        unit: unit.name,
        parent: null,
        field,
        printed: table.grid.values[row.gridRow]?.[col] ?? null,
        recomputed: sum,
      });
    }
  }
  return result;
}
