import { foldText } from '../core/cells';
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
import type { Catalog } from '../i18n/catalog';
import { xmlInvalidCharacters } from '../report/xml-text';
import { resolveSettings, schemeOf, type Settings, type SettingsInput } from '../settings/settings';
import {
  compileFigures,
  computeFigures,
  rankTable,
  type CompiledScheme,
  type CountValues,
  type FigureValue,
  type FigureValues,
} from '../scheme/compute';
import {
  figureDecimals,
  isSingleCount,
  mainFigure,
  neededCounts,
  scaledDecimals,
  sideText,
  sideValue,
  signedSides,
  type FigureDef,
  type Scheme,
} from '../scheme/scheme';
import { detectHotlineTables, type HotlineTable } from '../hotline/detect';
import { isGrandTotalRow } from '../tables/columns';
import { detectTables, type DetectedTable, type TableRow } from '../tables/detect';
import type { StructuredCheck } from './structured-types';
import { checkStructured } from './structured';
import { readStructures } from '../tables/structure';
import { parsePrintedText } from '../core/printed';
import { checkTotal, PartsSum } from '../core/totals';
import { FUZHOU_ID } from '../scheme/fuzhou';
import type { Group } from '../tables/groups';
import { isErrorValue, readCount } from '../core/counts';
import { checkHotlineTotals, readSummary } from '../summary/index';
import type { SummaryReading } from '../summary/types';
import type { PeriodReading } from './periods';
export { auditSummary, type AuditSummary } from './audit-summary';

export type NotEvaluatedReason =
  'noCases' | 'nothingToEvaluate' | 'invalidData' | 'missingColumns' | 'missingName';

export interface Unit {
  readonly sheet: string;
  /** Index into `Analysis.tables`. */
  readonly tableIndex: number;
  readonly table: string;
  /** The table's narrative group (from its title by the scheme's rules); null when none. */
  readonly group: Group | null;
  readonly name: string;
  /** The parent's name for a `下属单位` row; null for top-level units. */
  readonly parent: string | null;
  /** 1-based sheet row. */
  readonly row: number;
  /**
   * The scheme's main figure was computed: its index when it has one, else at least one rate.
   * A unit that is not evaluated may still carry the rates its counts allow.
   */
  readonly evaluated: boolean;
  readonly reason: NotEvaluatedReason | null;
  /** The counts that could be read, by the scheme's count names; undefined where not. */
  readonly counts: CountValues;
  /**
   * Every figure of the scheme by name: rates and index as integers in units of
   * 10^-decimals (the figure's own decimals), a grade's name, a rank; null where the table
   * does not support it or the data is bad.
   */
  readonly figures: FigureValues;
  readonly hasChildren: boolean;
}

/**
 * 'computed': a printed rate, index, grade or rank; 'childSum': a parent whose counts differ
 * from the sum of its 下属单位; 'total': a 合计/总计 row whose count differs from the sum of
 * the table's units.
 */
export type DiscrepancyKind = 'computed' | 'childSum' | 'total';

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
  readonly field: string;
  /** The cell's value as the sheet has it. */
  readonly printed: CellValue;
  /**
   * Scaled integer for rates and index (at `decimals`), a grade's name, a rank, a count for
   * `childSum`; null when the figure cannot be computed but the sheet prints one.
   */
  readonly recomputed: number | string | null;
  /** Decimals of `recomputed` when it is a scaled figure; 0 otherwise. */
  readonly decimals: number;
}

/** What the audit of one table did with the figures the sheet prints. */
export interface Checked {
  /** Printed figure cells recomputed and compared. */
  readonly figures: number;
  readonly matched: number;
  readonly discrepancies: number;
  /**
   * Printed cells that were not checked: a figure the scheme has no formula for, or whose
   * inputs are missing or bad, or an error value.
   */
  readonly notChecked: number;
  /** The headers of the printed columns left unchecked because the scheme has no formula. */
  readonly unknownColumns: readonly string[];
}

export interface Analysis {
  readonly settings: Settings;
  /** The compiled scheme the figures follow. */
  readonly scheme: Scheme;
  /** Decimals of the scheme's main figure (its index, else its first rate): the common case. */
  readonly decimals: number;
  readonly period: { readonly year: number; readonly month: number } | null;
  /**
   * [issue 16] Set by `analyzeByPeriod` (src/evaluation/periods.ts): which sheets were read as
   * which period, and last month when the workbook holds it.
   */
  readonly periods?: PeriodReading;
  readonly tables: readonly DetectedTable[];
  /** The 12345 平台 tables (件次, 满意度, transfers) found beside the evaluation tables. */
  readonly hotline: readonly HotlineTable[];
  readonly units: readonly Unit[];
  /**
   * Per table (by index): printed rate columns kept as Excel percentages ('fraction': 0.9851
   * shows as 98.51%) rather than percent numbers.
   */
  readonly printedScale: readonly Readonly<Record<string, 'percent' | 'fraction'>>[];
  /** Per table (by index): what the audit checked. */
  readonly checked: readonly Checked[];
  readonly discrepancies: readonly Discrepancy[];
  readonly diagnostics: readonly Diagnostic[];
  /**
   * The summary tables beside the evaluation tables (totals, categories, last month's
   * column where there is one), with their own discrepancies (a 合计 that is not the sum of
   * its parts, in them and in the 12345 tables) and diagnostics.
   */
  readonly summary: SummaryReading;
  /**
   * [issue 16] Tables no preset scheme reads, read from their layout instead: the formula Tongbao
   * proposes for each printed figure (found from the table) and the check of every printed figure
   * and total with it. Empty when every table was read by the scheme.
   */
  readonly structured?: readonly StructuredCheck[];
}

/**
 * Last month: the analysis given apart (`--previous`, 上月工作簿), else the earlier period of
 * this month's own workbook (one workbook a year). Here, beside `Analysis.periods`, so the
 * narrative and the proofreader take it without loading the period reader.
 */
export function lastMonthOf(current: Analysis, previous: Analysis | null): Analysis | null {
  return previous ?? current.periods?.previous ?? null;
}

/** Decimals a figure of the analysis' scheme is kept at (0 for grades, ranks and unknowns). */
export function decimalsOf(a: Pick<Analysis, 'scheme'>, figure: string): number {
  const f = a.scheme.figures.find((x) => x.key === figure);
  return f ? figureDecimals(f) : 0;
}

/** Decimals of a figure the scheme keeps scaled (a rate or index); null for a grade or rank. */
export function scaledDecimalsOf(a: Pick<Analysis, 'scheme'>, figure: string): number | null {
  return scaledDecimals(a.scheme.figures.find((x) => x.key === figure));
}

/**
 * Why a unit is not evaluated, as the catalog says it: a count of 0 is named as the scheme
 * names it (Fuzhou: 应处置数或应结案数为0; 总案件数为0 under another scheme).
 */
export function reasonText(
  scheme: Scheme,
  reasons: Catalog['reasons'],
  reason: NotEvaluatedReason | null,
): string {
  if (reason !== 'nothingToEvaluate') return reasons[reason ?? 'invalidData'];
  const main = mainFigure(scheme.figures);
  const fields =
    main?.kind === 'index'
      ? main.requires
      : main?.kind === 'rate'
        ? [sideText(main.denominatorTerms)]
        : [];
  return fields.length > 0 ? reasons.zeroCounts(fields) : reasons.nothingToEvaluate;
}

/** Find every evaluation table, recompute every unit, audit every printed figure. */
export function analyzeWorkbook(sheets: readonly SheetGrid[], input: SettingsInput = {}): Analysis {
  // Resolving is idempotent: a full Settings object passes through, validated.
  const settings = resolveSettings(input);
  const scheme = schemeOf(settings);
  const compiled = compileFigures(scheme);
  const detection = detectTables(sheets, scheme);
  const { tables: hotline, diagnostics: hotlineDiagnostics } = detectHotlineTables(sheets);
  // The summary tables (基本情况 totals, categories) and every total in them and in the
  // 12345 tables, checked against its parts.
  const claimed = new Map<string, [number, number][]>();
  for (const t of detection.tables) {
    const list = claimed.get(t.sheet) ?? [];
    list.push([t.headerRow, t.endRow]);
    claimed.set(t.sheet, list);
  }
  const read = readSummary(sheets, settings.summary, claimed);
  const hotlineTally = { checked: 0 };
  const hotlineTotals = checkHotlineTotals(hotline, sheets, hotlineTally);
  const summary: SummaryReading = {
    ...read,
    discrepancies: [...read.discrepancies, ...hotlineTotals],
    checked: read.checked + hotlineTally.checked,
  };
  const summarySheets = new Set(summary.sheets);
  const units: Unit[] = [];
  const discrepancies: Discrepancy[] = [];
  // [issue 16] Each sheet read from its layout at most once, whoever asks first.
  const layouts = new Map<SheetGrid, StructuredCheck[]>();
  const layoutOf: LayoutOf = (sheet) => {
    let checks = layouts.get(sheet);
    if (!checks) layouts.set(sheet, (checks = structuredChecks(sheet)));
    return checks;
  };
  // [issue 16] Tables the default scheme reads only in part (its figures need columns the table
  // lacks) are read from their layout instead when that checks more of what they print.
  const { kept, replaced } = preferStructure(
    detection.tables,
    settings.scheme === FUZHOU_ID,
    layoutOf,
    (t) => {
      // The scheme's reading in scratch: what it checks (its own figures and the columns the
      // layout's formulas add), and whether it misreads the rows (a name lost, a child with no
      // parent, a 合计 compared with the whole table).
      const notes: Diagnostic[] = [];
      const found: Discrepancy[] = [];
      const own = evaluateTable(t, 0, compiled, notes, found);
      const all = supplementFromLayout(t, 0, own.checked, layoutOf, {
        diagnostics: notes,
        discrepancies: found,
        scale: {},
      });
      return {
        figures: all.figures,
        misread:
          notes.some((d) => d.code === 'missingName' || d.code === 'childWithoutParent') ||
          found.some((d) => d.kind === 'total') ||
          detection.diagnostics.some(
            (d) =>
              d.sheet === t.sheet &&
              (d.code === 'missingName' || d.code === 'childWithoutParent') &&
              d.row > t.headerRow + t.origin.row &&
              d.row <= t.endRow + t.origin.row,
          ),
      };
    },
  );
  const tables = kept;
  const diagnostics = [
    ...detection.diagnostics.filter(
      (d) => !replaced.some((r) => r.table.sheet === d.sheet && d.row >= r.from && d.row <= r.to),
    ),
    ...hotlineDiagnostics,
  ];
  const structured: StructuredCheck[] = replaced.flatMap((r) => r.checks);
  for (const sheet of sheets) {
    const empty = diagnostics.some((d) => d.code === 'emptySheet' && d.sheet === sheet.name);
    let found =
      tables.some((t) => t.grid === sheet) ||
      replaced.some((r) => r.table.grid === sheet) ||
      hotline.some((t) => t.sheet === sheet.name);
    if (!empty && !found) {
      // [issue 16] No table of the scheme: the sheet's tables as their layout says, each with
      // the formulas found from its printed figures. On a sheet the summary reads (categories
      // with their rates), only tables whose printed rates a formula reproduces.
      const summarySheet = summarySheets.has(sheet.name);
      const read = layoutOf(sheet).filter(
        (c) =>
          !summarySheet ||
          c.formulas.some((f) => f.kind === 'rate' && f.fitting.length > 0) ||
          (c.ranks ?? []).some((r) => r.fitting.length > 0),
      );
      structured.push(...read);
      found = read.length > 0 || summarySheet;
    }
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
    readerNotes(sheet, diagnostics); // [issue 18]
  }
  const printedScale: Record<string, 'percent' | 'fraction'>[] = [];
  const checked: Checked[] = [];
  tables.forEach((table, tableIndex) => {
    const evaluated = evaluateTable(table, tableIndex, compiled, diagnostics, discrepancies);
    units.push(...evaluated.units);
    printedScale.push(evaluated.scale);
    // [issue 16] Printed columns the scheme has no formula for, checked with the table's own.
    checked.push(
      supplementFromLayout(table, tableIndex, evaluated.checked, layoutOf, {
        diagnostics,
        discrepancies,
        scale: evaluated.scale,
      }),
    );
  });
  const main = mainFigure(scheme.figures);
  return {
    settings,
    scheme,
    decimals: main ? figureDecimals(main) : 2,
    period: detection.period,
    tables,
    hotline,
    units,
    printedScale,
    checked,
    discrepancies,
    diagnostics,
    summary,
    structured,
  };
}

/**
 * [issue 16] A table the scheme reads, whose printed columns include some the scheme has no
 * formula for (延期率 under Fuzhou's scheme): each such column is checked with the formula the
 * sheet's layout reading finds for it, said in a warning naming the formula (“请确认公式”), its
 * misfits are discrepancies like any other, and the audit counts them as checked.
 */
function supplementFromLayout(
  table: DetectedTable,
  tableIndex: number,
  checked: Checked,
  layoutOf: LayoutOf,
  out: {
    diagnostics: Diagnostic[];
    discrepancies: Discrepancy[];
    scale: Record<string, 'percent' | 'fraction'>;
  },
): Checked {
  if (table.columns.unknown.length === 0) return checked;
  const layout = layoutOf(table.grid).find((c) => sameRows(c, table));
  if (!layout) return checked;
  const o = table.origin;
  const inTable = (gridRow: number) => gridRow > table.headerRow && gridRow < table.endRow;
  let { figures, matched, discrepancies, notChecked } = checked;
  const unknownColumns = [...checked.unknownColumns];
  for (const u of table.columns.unknown) {
    const column = layout.table.columns.findIndex((c) => c.col === u.col);
    const f = layout.formulas.find((x) => x.column === column && x.kind === 'rate');
    if (column < 0 || !f) continue;
    const rows = f.checked.filter((r) => inTable(layout.table.rows[r]!.gridRow));
    if (rows.length === 0) continue;
    const fitting = f.fitting.filter((r) => rows.includes(r));
    figures += rows.length;
    matched += fitting.length;
    notChecked = Math.max(0, notChecked - rows.length);
    const at = unknownColumns.indexOf(u.label);
    if (at >= 0) unknownColumns.splice(at, 1);
    out.diagnostics.push(
      diagnostic(
        'formulaFromTable',
        table.sheet,
        cellAddress(table.headerRow + o.row, u.col + o.col),
        table.headerRow + o.row + 1,
        { table: table.title, column: u.label, statement: f.statement },
      ),
    );
    for (const d of layout.discrepancies) {
      if (d.column !== column || d.kind !== 'formula' || !rows.includes(d.row)) continue;
      const row = layout.table.rows[d.row]!;
      const printed = table.grid.values[row.gridRow]?.[u.col] ?? null;
      const expected = parsePrintedText(d.expected);
      discrepancies++;
      if (typeof printed === 'number' && Math.abs(printed) <= 1.5 && f.scale === 100)
        out.scale[u.label] = 'fraction';
      out.discrepancies.push({
        kind: 'computed',
        tableIndex,
        sheet: table.sheet,
        cell: d.cell,
        row: row.gridRow + o.row + 1,
        unit: row.name,
        parent: row.parents.length > 0 ? row.parents.join('/') : null,
        field: u.label,
        printed,
        recomputed: expected ? expected.scaled : d.expected,
        decimals: expected ? expected.decimals : 0,
      });
    }
  }
  return { figures, matched, discrepancies, notChecked, unknownColumns };
}

/** [issue 16] A sheet's tables read from their layout, cached for one analysis (`structuredChecks`). */
type LayoutOf = (sheet: SheetGrid) => readonly StructuredCheck[];

/** [issue 16] The table read from the layout where the scheme found `table`: their rows overlap. */
function sameRows(check: StructuredCheck, table: DetectedTable): boolean {
  return (
    check.table.headerTop <= table.headerRow + table.headerRows &&
    check.table.endRow > table.headerRow
  );
}

/** [issue 16] The tables of a sheet read from their layout, each checked with its own formulas. */
function structuredChecks(sheet: SheetGrid): StructuredCheck[] {
  const origin = sheet.origin ?? { row: 0, col: 0 };
  return readStructures(sheet)
    .tables.filter(
      (t) => t.rows.some((r) => r.kind === 'unit') && t.columns.some((c) => c.role === 'figure'),
    )
    .map((t) => {
      const check = checkStructured(t);
      // The cells in sheet coordinates: a used range need not start at A1 (the add-in's grids).
      const discrepancies = check.discrepancies.map((d) => ({
        ...d,
        cell: cellAddress(
          t.rows[d.row]!.gridRow + origin.row,
          t.columns[d.column]!.col + origin.col,
        ),
      }));
      return { ...check, discrepancies, origin };
    });
}

/**
 * [issue 16] The default scheme's tables, less those it reads only in part (columns its figures
 * need are missing) where the sheet's layout, read without a scheme, checks more printed figures:
 * those are given as structured checks, with the grid rows they span.
 */
function preferStructure(
  detected: readonly DetectedTable[],
  defaultScheme: boolean,
  layoutOf: LayoutOf,
  /** How many printed figures the scheme's reading of a table checks, and whether it misreads it. */
  schemeReading: (table: DetectedTable) => { figures: number; misread: boolean },
): {
  kept: DetectedTable[];
  replaced: { table: DetectedTable; from: number; to: number; checks: StructuredCheck[] }[];
} {
  const kept: DetectedTable[] = [];
  const replaced: { table: DetectedTable; from: number; to: number; checks: StructuredCheck[] }[] =
    [];
  const used = new Set<StructuredCheck>();
  for (const table of detected) {
    if (!defaultScheme || table.missing.length === 0) {
      kept.push(table);
      continue;
    }
    // The structured table at the same header, and what each reading checks.
    const same = layoutOf(table.grid).filter((c) => !used.has(c) && sameRows(c, table));
    // The layout's reading when the scheme's misreads the rows, or when it checks more printed
    // figures (rows the scheme cannot evaluate, such as 结案数 > 应结案数 printed as 100.00%, are
    // still checked against their formula).
    const layoutFigures = same.reduce((n, c) => n + c.figuresChecked, 0);
    const scheme = same.length === 0 ? null : schemeReading(table);
    if (scheme === null || (!scheme.misread && layoutFigures <= scheme.figures)) {
      kept.push(table);
      continue;
    }
    for (const c of same) used.add(c);
    const o = table.origin.row;
    replaced.push({ table, from: table.headerRow + o + 1, to: table.endRow + o, checks: same });
  }
  return { kept, replaced };
}

/** [issue 18] The most cells or merged areas one reader note names (the rest are counted). */
const NOTE_NAMES = 5;

/**
 * [issue 18] What the .xlsx reader left out of a sheet, said once per sheet: the far-off
 * cells it did not read, the merged areas overlapping an earlier one.
 */
function readerNotes(sheet: SheetGrid, diagnostics: Diagnostic[]): void {
  const at = (ref: string) => {
    const m = /^([A-Z]+)(\d+)/.exec(ref);
    return m ? { cell: `${m[1]}${m[2]}`, row: Number(m[2]) } : { cell: 'A1', row: 1 };
  };
  const far = sheet.farCells ?? [];
  if (far.length > 0) {
    const first = at(far[0]!);
    diagnostics.push(
      diagnostic('cellsOutsideTables', sheet.name, first.cell, first.row, {
        cells: far.slice(0, NOTE_NAMES),
        count: far.length,
      }),
    );
  }
  const overlapping = sheet.overlappingMerges ?? [];
  if (overlapping.length > 0) {
    const first = at(overlapping[0]!.ref);
    diagnostics.push(
      diagnostic('overlappingMerges', sheet.name, first.cell, first.row, {
        merges: overlapping.slice(0, NOTE_NAMES).map((m) => ({ ...m })),
        count: overlapping.length,
      }),
    );
  }
}

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
  compiled: CompiledScheme,
  diagnostics: Diagnostic[],
  discrepancies: Discrepancy[],
): { units: Unit[]; scale: Record<string, 'percent' | 'fraction'>; checked: Checked } {
  const { sheet, columns } = table;
  const scheme = compiled.scheme;
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
  // Counts a figure needs: an empty cell there is an error; elsewhere (超期…) it is allowed.
  const needed = neededCounts(scheme);
  // Column positions resolved once per table, not per row.
  const countCols = scheme.counts.flatMap(({ key }) => {
    const col = columns.counts[key];
    return col === undefined ? [] : [{ field: key, col, optional: !needed.has(key) }];
  });
  const present = (key: string) => columns.counts[key] !== undefined;
  // A capped rate prints 100% when its numerator exceeds its denominator: no error then.
  // (Only a rate of one count over one count speaks for a check's pair.)
  const capped = new Set(
    scheme.figures.flatMap((f) =>
      f.kind === 'rate' &&
      f.cap &&
      isSingleCount(f.numeratorTerms) &&
      isSingleCount(f.denominatorTerms)
        ? [`${f.numerator}|${f.denominator}`]
        : [],
    ),
  );
  // [issue 16] Rate sides that subtract a count (总立案数 − 超时数), where the table has them all.
  const negativeSides = signedSides(scheme).filter((s) => s.terms.every((t) => present(t.count)));
  const checks = scheme.checks.filter(
    (c) => present(c.value) && present(c.limit) && !capped.has(`${c.value}|${c.limit}`),
  );
  const hasRework =
    present('返工数') && present('处置数') && scheme.counts.some((c) => c.key === '返工数');
  const childSums = new ChildSumAudit(table, countCols, discrepancies);
  const notes = table.grid.notes;
  const reportNote = (
    note: CellNote,
    gridRow: number,
    col: number,
    unit: string,
    field: string,
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
      case 'dateFormatted':
        return; // said with the number it holds, below
    }
  };
  // Every count key present (undefined until read): each unit's record is a fast copy of one shape.
  const countTemplate: Record<string, number | undefined> = {};
  for (const { field } of countCols) countTemplate[field] = undefined;
  const main = mainFigure(scheme.figures);
  const noFigures = Object.freeze({ ...compiled.template }) as Record<string, FigureValue>;
  const units: Unit[] = [];
  // Kept only for a scheme that ranks (a rank needs the whole table).
  const ranked = scheme.figures.some((f) => f.kind === 'rank');
  const figureRecords: Record<string, FigureValue>[] = [];
  for (const row of table.rows) {
    const cells = values[row.gridRow] ?? [];
    // Plain records, filled in the scheme's order (its names are never Object.prototype's).
    const read: Record<string, number | undefined> = { ...countTemplate };
    let reason: NotEvaluatedReason | null = null;
    // Units without figures share one frozen all-null record (ranks skip them).
    let figures: Record<string, FigureValue> = noFigures;
    const unit = row.name;
    const nameCol =
      row.parent !== null && columns.name.length > 1 ? columns.name[1]! : columns.name[0]!;
    const badChars = xmlInvalidCharacters(unit);
    if (badChars.length > 0)
      report('invalidCharacters', row.gridRow, nameCol, { text: unit, characters: badChars });
    if (row.kind === 'noCases') {
      reason = 'noCases';
      report('noCases', row.gridRow, nameCol, { unit });
    } else {
      let bad = false;
      for (const { field, col, optional } of countCols) {
        const note = notes?.get(noteKey(row.gridRow, col));
        if (note && note.kind !== 'dateFormatted') {
          // What the reader knows beyond the value: say what the cell really is.
          bad = true;
          reportNote(note, row.gridRow, col, unit, field);
          continue;
        }
        const reading = readCount(cells[col]);
        // A date typed into a count: counted as the number it holds (as office.js reads it),
        // and said — unless the number is refused anyway (too large, not an integer).
        if (note?.kind === 'dateFormatted' && typeof reading === 'number')
          report('dateFormatted', row.gridRow, col, {
            unit,
            field,
            date: note.date,
            value: reading,
          });
        if (typeof reading === 'number') {
          read[field] = reading;
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
      for (const { value: field, limit: limitField } of checks) {
        const value = read[field];
        const limit = read[limitField];
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
      for (const side of negativeSides) {
        const value = sideValue(side.terms, read);
        if (value !== undefined && value < 0) {
          bad = true;
          const col = columns.counts[side.terms[0]!.count]!;
          report('negative', row.gridRow, col, { unit, field: side.text, value });
        }
      }
      const rework = read.返工数;
      const disposed = read.处置数;
      if (hasRework && rework !== undefined && disposed !== undefined && rework > disposed) {
        report('reworkExceedsDisposed', row.gridRow, columns.counts.返工数!, {
          unit,
          rework,
          disposed,
        });
      }
      if (unit === '') reason = 'missingName';
      else if (bad) reason = 'invalidData';
      else {
        const result = computeFigures(compiled, read, present);
        figures = result.values;
        if (main !== undefined && figures[main.key] === null) {
          const why = result.why[main.key];
          if (why === 'required' && main.kind === 'index') {
            reason = 'nothingToEvaluate';
            const field = main.requires.find((k) => read[k] === 0)!;
            report('nothingToEvaluate', row.gridRow, columns.counts[field]!, { unit, field });
          } else if (why === 'missingColumn') {
            // An index needs all its columns; a rates-only scheme evaluates a unit on the
            // rates its table has (see `evaluated` below).
            if (main.kind !== 'rate' || !anyRate(scheme, figures)) reason = 'missingColumns';
          } else if (why === 'zeroDenominator') {
            reason = 'nothingToEvaluate';
            const f = main.kind === 'rate' ? main : null;
            if (f)
              report('nothingToEvaluate', row.gridRow, columns.counts[f.denominator]!, {
                unit,
                field: sideText(f.denominatorTerms),
              });
          } else reason = 'invalidData';
        }
      }
    }
    if (ranked) figureRecords.push(figures);
    const u: Unit = {
      sheet,
      tableIndex,
      table: table.title,
      group: table.group,
      name: unit,
      parent: row.parent,
      row: row.gridRow + table.origin.row + 1,
      evaluated:
        reason === null &&
        main !== undefined &&
        (figures[main.key] !== null || (main.kind === 'rate' && anyRate(scheme, figures))),
      reason,
      counts: read,
      figures,
      hasChildren: row.hasChildren,
    };
    units.push(u);
    if (row.parent === null) childSums.parentRow(u, row.gridRow, read);
    else childSums.childRow(u, read);
  }
  childSums.finish();
  checkTotalRows(table, tableIndex, units, countCols, discrepancies);
  // Ranks need the whole table: top-level units among themselves, each parent's 下属单位
  // among themselves (a sub-unit is ranked within its parent, as its block prints it).
  for (const f of scheme.figures) {
    if (f.kind !== 'rank') continue;
    const blocks = new Map<string, Record<string, FigureValue>[]>();
    let parentRow = -1;
    units.forEach((u, i) => {
      // Keyed by the parent's row: a block of 下属单位 follows its parent.
      if (u.parent === null) parentRow = u.row;
      const key = u.parent === null ? 'top' : String(parentRow);
      const list = blocks.get(key);
      if (list) list.push(figureRecords[i]!);
      else blocks.set(key, [figureRecords[i]!]);
    });
    for (const list of blocks.values()) rankTable(f, list);
  }
  const printedCols = Object.entries(columns.printed).map(([field, col]) => {
    const def = compiled.byKey.get(field)!;
    return { field, col, def, fraction: isFractionColumn(table, units, def, col) };
  });
  const tally = { figures: 0, matched: 0, discrepancies: 0, notChecked: 0 };
  units.forEach((u, i) =>
    auditPrinted(table, table.rows[i]!, u, printedCols, discrepancies, tally, report),
  );
  // Printed figures the scheme has no formula for: counted, never judged.
  for (const { col } of columns.unknown)
    for (const row of table.rows) {
      if (row.kind === 'noCases') continue;
      if (!isEmptyCell(values[row.gridRow]?.[col])) tally.notChecked++;
    }
  // [issue 16] The rates a 合计/小计 row prints, recomputed from its own counts (a group's
  // rate from its members' summed counts); its index, grade or rank: counted as not checked.
  for (const total of table.totals) {
    auditTotalRates(
      table,
      total,
      tableIndex,
      compiled,
      countCols,
      printedCols,
      discrepancies,
      tally,
    );
    for (const { col } of columns.unknown)
      if (!isEmptyCell(values[total.gridRow]?.[col])) tally.notChecked++;
  }
  const scale: Record<string, 'percent' | 'fraction'> = Object.create(null) as Record<
    string,
    'percent' | 'fraction'
  >;
  for (const c of printedCols) scale[c.field] = c.fraction ? 'fraction' : 'percent';
  return {
    units,
    scale,
    checked: { ...tally, unknownColumns: columns.unknown.map((c) => c.label) },
  };
}

/** At least one rate of the scheme was computed. */
function anyRate(scheme: Scheme, figures: FigureValues): boolean {
  return scheme.figures.some((f) => f.kind === 'rate' && figures[f.key] !== null);
}

/** A printed rate, index or rank as shown, scaled like the recomputation; null if not a number. */
function readPrinted(v: CellValue, def: FigureDef, fraction: boolean): number | null {
  const decimals = figureDecimals(def);
  const rounding = def.kind === 'rate' || def.kind === 'index' ? def.rounding : 'halfUp';
  if (typeof v === 'number') {
    // 0.9851 shown as 98.51%: shift the decimal point exactly, on the number's own digits.
    const text = fraction ? shiftDecimal(String(v), 2) : v;
    return toScaled(text, decimals, rounding)?.scaled ?? null;
  }
  if (typeof v !== 'string') return null;
  const t = foldText(v).replace(/%$/, '');
  return toScaled(t, decimals, rounding)?.scaled ?? null;
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
  def: FigureDef,
  col: number,
): boolean {
  if (def.kind !== 'rate') return false;
  const header = table.grid.values[table.headerRow]?.[col];
  if (typeof header === 'string' && /[%％]/.test(header)) return false;
  let asPercent = 0;
  let asFraction = 0;
  for (let i = 0; i < units.length; i++) {
    const v = table.grid.values[table.rows[i]!.gridRow]?.[col];
    const recomputed = units[i]!.figures[def.key];
    if (typeof v !== 'number' || typeof recomputed !== 'number') continue;
    if (readPrinted(v, def, false) === recomputed) asPercent++;
    if (readPrinted(v, def, true) === recomputed) asFraction++;
  }
  return asFraction > asPercent;
}

type Tally = { figures: number; matched: number; discrepancies: number; notChecked: number };

function auditPrinted(
  table: DetectedTable,
  row: TableRow,
  unit: Unit,
  printedCols: readonly { field: string; col: number; def: FigureDef; fraction: boolean }[],
  out: Discrepancy[],
  tally: Tally,
  report: <K extends DiagnosticCode>(
    code: K,
    gridRow: number,
    col: number,
    params: DiagnosticParams[K],
  ) => void,
): void {
  const cells = table.grid.values[row.gridRow] ?? [];
  if (row.kind === 'noCases') return;
  for (const { field, col, def, fraction } of printedCols) {
    const printed = cells[col] ?? null;
    if (isEmptyCell(printed)) continue;
    if (typeof printed === 'string' && isErrorValue(printed.trim())) {
      report('printedErrorValue', row.gridRow, col, {
        unit: unit.name,
        field,
        text: printed.trim(),
      });
      tally.notChecked++;
      continue;
    }
    const recomputed = unit.figures[field] ?? null;
    // A unit the scheme does not evaluate (a required count is 0) should carry no index,
    // grade or rank: one printed is flagged. Any other figure that cannot be computed (bad
    // data, missing columns, a 0 denominator) is not checked.
    if (recomputed === null) {
      const flagged = unit.reason === 'nothingToEvaluate' && def.kind !== 'rate';
      if (!flagged) {
        tally.notChecked++;
        continue;
      }
    }
    tally.figures++;
    const same =
      recomputed === null
        ? false
        : def.kind === 'grade'
          ? sameGrade(printed, String(recomputed))
          : readPrinted(printed, def, fraction) === recomputed;
    if (same) {
      tally.matched++;
      continue;
    }
    tally.discrepancies++;
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
      decimals: figureDecimals(def),
    });
  }
}

/**
 * A printed grade as the user means it: ｂ, Ｂ, b and “ B ” are B. Both sides are folded the same
 * way, so a band named Ⅰ级 (which NFKC turns into I级) or in lower case matches itself.
 */
export function sameGrade(printed: CellValue, grade: string): boolean {
  return foldGrade(String(printed)) === foldGrade(grade);
}

/** The form grades are compared in (the add-in's red-fill rule compares the same form). */
export function foldGrade(v: string): string {
  return v.normalize('NFKC').trim().toUpperCase();
}

/**
 * A 合计/总计 row: each count the sum of the table's top-level units (a parent already holds
 * its 下属单位). Checked only where every unit's count was read (a unit with a bad or empty
 * cell leaves that column alone), and a total cell that is not a number is left alone too.
 */
function checkTotalRows(
  table: DetectedTable,
  tableIndex: number,
  units: readonly Unit[],
  countCols: readonly { field: string; col: number }[],
  out: Discrepancy[],
): void {
  if (table.totals.length === 0) return;
  const top = units.filter((u) => u.parent === null && u.reason !== 'noCases');
  for (const total of table.totals) {
    // A 小计 sums part of the table (which part, the sheet does not say): not checked.
    if (!isGrandTotalRow(total.name)) continue;
    const cells = table.grid.values[total.gridRow] ?? [];
    for (const { field, col } of countCols) {
      const printed = readCount(cells[col]);
      if (typeof printed !== 'number') continue;
      const sum = checkTotal(
        printed,
        top.map((u) => u.counts[field]),
        'unchecked',
      );
      if (sum === null || sum.ok) continue;
      const a = addressIn(table, total.gridRow, col);
      out.push({
        kind: 'total',
        tableIndex,
        sheet: table.sheet,
        cell: a.cell,
        row: a.row,
        unit: total.name,
        parent: null,
        field,
        printed: cells[col] ?? null,
        recomputed: sum.value,
        decimals: 0,
      });
    }
  }
}

/**
 * [issue 16] A 合计/小计/总计 row's printed rates against the rates of its own counts (the
 * counts it prints, each checked against its units by `checkTotalRows`). A rate that cannot be
 * computed (a count unreadable, a 0 denominator), an index, grade or rank, and an error value
 * are counted as not checked.
 */
function auditTotalRates(
  table: DetectedTable,
  total: { readonly gridRow: number; readonly name: string },
  tableIndex: number,
  compiled: CompiledScheme,
  countCols: readonly { field: string; col: number }[],
  printedCols: readonly { field: string; col: number; def: FigureDef; fraction: boolean }[],
  out: Discrepancy[],
  tally: Tally,
): void {
  const cells = table.grid.values[total.gridRow] ?? [];
  const read: Record<string, number | undefined> = {};
  for (const { field, col } of countCols) {
    const v = readCount(cells[col]);
    if (typeof v === 'number') read[field] = v;
  }
  const present = (key: string) => table.columns.counts[key] !== undefined;
  const figures = computeFigures(compiled, read, present).values;
  for (const { field, col, def, fraction } of printedCols) {
    const printed = cells[col] ?? null;
    if (isEmptyCell(printed)) continue;
    const recomputed = def.kind === 'rate' ? figures[field] : null;
    if (
      typeof recomputed !== 'number' ||
      (typeof printed === 'string' && isErrorValue(printed.trim()))
    ) {
      tally.notChecked++;
      continue;
    }
    tally.figures++;
    if (readPrinted(printed, def, fraction) === recomputed) {
      tally.matched++;
      continue;
    }
    tally.discrepancies++;
    const a = addressIn(table, total.gridRow, col);
    out.push({
      kind: 'computed',
      tableIndex,
      sheet: table.sheet,
      cell: a.cell,
      row: a.row,
      unit: total.name,
      parent: null,
      field,
      printed,
      recomputed,
      decimals: figureDecimals(def),
    });
  }
}

/**
 * A parent's counts must equal the sum of its 下属单位 (true for every parent in the seed).
 * Sums are kept while the rows stream past, so the audit costs no second pass.
 */
class ChildSumAudit {
  private parent: { unit: Unit; gridRow: number } | null = null;
  private own: CountValues = {};
  // By the fields' positions, reused from parent to parent (no allocation per row).
  private readonly sums: PartsSum[];

  constructor(
    private readonly table: DetectedTable,
    private readonly fields: readonly { field: string; col: number }[],
    private readonly out: Discrepancy[],
  ) {
    this.sums = fields.map(() => new PartsSum());
  }

  /** A top-level row and the counts read from it: closes the previous parent's block. */
  parentRow(unit: Unit, gridRow: number, read: CountValues): void {
    this.finish();
    if (!unit.hasChildren || unit.reason === 'noCases') return;
    this.parent = { unit, gridRow };
    this.own = read;
    for (const sum of this.sums) sum.reset();
  }

  /** A 下属单位 row with the counts read from it (undefined where unreadable). */
  childRow(unit: Unit, read: CountValues): void {
    if (this.parent === null) return;
    // A 下属单位 with no cases adds nothing (and is not a missing part).
    const none = unit.reason === 'noCases';
    for (let i = 0; i < this.fields.length; i++)
      this.sums[i]!.add(none ? 0 : read[this.fields[i]!.field]);
  }

  finish(): void {
    const p = this.parent;
    if (p === null) return;
    this.parent = null;
    for (let i = 0; i < this.fields.length; i++) {
      const { field, col } = this.fields[i]!;
      const sum = this.sums[i]!.check(this.own[field], 'unchecked');
      if (sum === null || sum.ok) continue;
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
        recomputed: sum.value,
        decimals: 0,
      });
    }
  }
}
