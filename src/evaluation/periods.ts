/**
 * [issue 16] A workbook as periods: one workbook a year (7月, 8月 … side by side) is common.
 * Each sheet's period is read from its name and its title rows; the latest period is this
 * month, the one before it last month; a unit never counts twice in one period. Above the
 * engine (`analyzeWorkbook` sees one period's sheets) and below every surface: the command
 * line, the Excel pane (`addin/excel/adapter.ts`), the web page and the Word pane
 * (`addin/taskpane/engine.ts`) analyse a workbook with `analyzeByPeriod`.
 */
import { diagnostic, type Diagnostic } from '../core/diagnostics';
import { UserFacingError } from '../core/errors';
import { cellAddress, isEmptyCell, isList, type CellValue, type SheetGrid } from '../core/grid';
import {
  comparePeriods,
  compatiblePeriods,
  isRightBefore,
  parsePeriod,
  periodKey,
  type Period,
  type PeriodKind,
} from '../core/period';
import { resolveSettings, type SettingsInput } from '../settings/settings';
import { analyzeWorkbook, type Analysis } from './analyze';

export type { Period, PeriodKind } from '../core/period';

/** Rows read for a sheet's title above its first table (a header row ends them sooner). */
const TITLE_ROWS = 12;
/** A row with this many filled cells is a header or data: the title rows end above it. */
const HEADER_CELLS = 3;
/** A label cell whose neighbour gives the period: 月份 | 2017年7月. */
const PERIOD_LABEL =
  /^(月份|月度|期间|统计期间|统计时间|时间|日期|报告期|考核期|考核月份|期数)[:：]?$/;

/** Where a sheet's period was read. */
export interface SheetPeriod {
  readonly sheet: string;
  /** Null: neither the name nor a title names one. */
  readonly period: Period | null;
  /** The title cell naming a period, when one does (sheet address). */
  readonly title: {
    readonly cell: string;
    readonly row: number;
    readonly text: string;
    readonly period: Period;
  } | null;
  /** The name names one period and the title another: the name's is taken, and said. */
  readonly conflict: { readonly name: Period; readonly title: Period } | null;
  /** No row with two filled cells: a sheet prepared for a month still to come. */
  readonly blank: boolean;
}

export type PeriodRole = 'current' | 'previous' | 'unread';

export interface PeriodGroup {
  /** Null: sheets that name no period (read with this month's when they repeat no unit). */
  readonly period: Period | null;
  readonly sheets: readonly string[];
  readonly role: PeriodRole;
}

export interface PeriodSplit {
  /** This month's sheets (the latest period's, with the sheets that name none), in workbook order. */
  readonly current: SheetGrid[];
  /** The period before it, as last month; null when the workbook holds one period only. */
  readonly previous: SheetGrid[] | null;
  /** Every period, latest first (the current one, the previous one, the others unread), then undated sheets. */
  readonly periods: readonly PeriodGroup[];
  readonly sheets: readonly SheetPeriod[];
  /** More than one period in the workbook: sheets were set apart by period. */
  readonly split: boolean;
}

/** What `analyzeByPeriod` found, carried by the analysis of this month. */
export interface PeriodReading {
  readonly groups: readonly PeriodGroup[];
  /** The period evaluated; null when the workbook names none. */
  readonly current: Period | null;
  /** Last month read from the same workbook; null when none, or when it is given apart. */
  readonly previous: Analysis | null;
  readonly previousPeriod: Period | null;
  readonly split: boolean;
}

/**
 * Sheets whose periods cannot be told apart (none named in their names or titles) and whose
 * tables repeat units: every unit would count twice. Nothing is evaluated; the sheets are named.
 */
export class PeriodsUnclearError extends UserFacingError {
  override readonly name = 'PeriodsUnclearError';
  constructor(readonly sheets: readonly string[]) {
    super(
      `sheets ${sheets.join(', ')} repeat units and name no period`,
      'periodsUnclear',
      null,
      sheets,
    );
  }
}

/** Cells holding something (a value, text other than spaces) in a row. */
function filled(row: readonly CellValue[] | undefined): number {
  if (!isList(row)) return 0;
  let n = 0;
  for (const v of row) if (!isEmptyCell(v) && !(typeof v === 'string' && v.trim() === '')) n++;
  return n;
}

/** The period a sheet's name and title rows name. */
export function sheetPeriod(grid: SheetGrid): SheetPeriod {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const byName = parsePeriod(grid.name);
  let title: SheetPeriod['title'] = null;
  let blank = true;
  const values = isList(grid.values) ? grid.values : [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const n = filled(row);
    if (n >= 2) blank = false;
    if (r >= TITLE_ROWS || n >= HEADER_CELLS) break;
    if (title !== null || n === 0 || !isList(row)) continue;
    const cells = row.flatMap((v, c) => (typeof v === 'string' && v.trim() !== '' ? [c] : []));
    // A title (one cell, or two: 2017年8月份…表 | 单位：件) or a label and its value (月份 | 2017年7月).
    const texts =
      n === 2 && cells.length >= 1 && PERIOD_LABEL.test(String(row[cells[0]!]).trim())
        ? cells.slice(1)
        : cells;
    for (const c of texts) {
      const text = String(row[c]);
      const period = parsePeriod(text);
      if (period === null) continue;
      title = {
        cell: cellAddress(r + origin.row, c + origin.col),
        row: r + origin.row + 1,
        text: text.trim(),
        period,
      };
      break;
    }
  }
  // Empty rows beyond the title rows: still blank only if no row further down holds data.
  if (blank) blank = !values.some((row) => filled(row) >= 2);
  let period: Period | null = byName ?? title?.period ?? null;
  let conflict: SheetPeriod['conflict'] = null;
  if (byName !== null && title !== null) {
    if (compatiblePeriods(byName, title.period))
      period = { ...byName, year: byName.year ?? title.period.year };
    else conflict = { name: byName, title: title.period };
  }
  return { sheet: grid.name, period, title, conflict, blank };
}

/** Preferred when two kinds name as many periods (8月 and 1—8月: the month). */
const KIND_ORDER: readonly PeriodKind[] = [
  'month',
  'week',
  'issue',
  'quarter',
  'half',
  'year',
  'span',
];

/**
 * A workbook's sheets by period: the latest period is this month (with the sheets that name
 * none), the one before it last month, the others and other kinds of period (a 1—8月 sheet
 * beside monthly ones) are not read. One period, or none: every sheet, as before.
 */
export function splitPeriods(grids: readonly SheetGrid[]): PeriodSplit {
  const found = grids.map(sheetPeriod);
  // A period without a year takes the year of the same period elsewhere in the workbook, or
  // the workbook's only year.
  const years = new Set(found.flatMap((s) => (s.period?.year != null ? [s.period.year] : [])));
  const sheets = found.map((s): SheetPeriod => {
    const p = s.period;
    if (p === null || p.year !== null) return s;
    const same = new Set(
      found.flatMap((o) =>
        o.period?.year != null && compatiblePeriods(o.period, p) ? [o.period.year] : [],
      ),
    );
    const year = same.size === 1 ? [...same][0]! : years.size === 1 ? [...years][0]! : null;
    return year === null ? s : { ...s, period: { ...p, year } };
  });
  const groups = new Map<string, { period: Period; sheets: string[]; live: boolean }>();
  const undated: string[] = [];
  for (const s of sheets) {
    if (s.period === null) {
      undated.push(s.sheet);
      continue;
    }
    const key = periodKey(s.period);
    const g = groups.get(key);
    if (g) {
      g.sheets.push(s.sheet);
      g.live ||= !s.blank;
    } else groups.set(key, { period: s.period, sheets: [s.sheet], live: !s.blank });
  }
  const all = [...groups.values()];
  const undatedGroup: PeriodGroup[] =
    undated.length > 0 ? [{ period: null, sheets: undated, role: 'current' }] : [];
  if (all.length <= 1) {
    return {
      current: [...grids],
      previous: null,
      periods: [
        ...all.map((g): PeriodGroup => ({ period: g.period, sheets: g.sheets, role: 'current' })),
        ...undatedGroup,
      ],
      sheets,
      split: false,
    };
  }
  // Periods with data (a blank sheet for a month still to come is no period to evaluate).
  const live = all.filter((g) => g.live);
  const candidates = live.length > 0 ? live : all;
  const perKind = new Map<PeriodKind, number>();
  for (const g of candidates) perKind.set(g.period.kind, (perKind.get(g.period.kind) ?? 0) + 1);
  const kind = [...KIND_ORDER].sort((a, b) => (perKind.get(b) ?? 0) - (perKind.get(a) ?? 0))[0]!;
  const latestYear = Math.max(0, ...years);
  const ordered = candidates
    .filter((g) => g.period.kind === kind)
    .sort((a, b) => comparePeriods(b.period, a.period, latestYear));
  const current = ordered[0]!;
  const previous = ordered[1] ?? null;
  const role = (g: (typeof all)[number]): PeriodRole =>
    g === current ? 'current' : g === previous ? 'previous' : 'unread';
  const inGroup = (g: { sheets: string[] } | null) => new Set(g?.sheets ?? []);
  const now = inGroup(current);
  for (const s of undated) now.add(s);
  const before = inGroup(previous);
  const latestFirst = [...all].sort(
    (a, b) =>
      Number(role(a) !== 'current') - Number(role(b) !== 'current') ||
      Number(role(a) !== 'previous') - Number(role(b) !== 'previous') ||
      comparePeriods(b.period, a.period, latestYear),
  );
  return {
    current: grids.filter((g) => now.has(g.name)),
    previous: previous === null ? null : grids.filter((g) => before.has(g.name)),
    periods: [
      ...latestFirst.map((g): PeriodGroup => ({
        period: g.period,
        sheets: g.sheets,
        role: role(g),
      })),
      ...undatedGroup,
    ],
    sheets,
    split: true,
  };
}

/** Two sheets of one analysis listing the same units. */
interface Repeat {
  /** The sheet where the units appear first, and the other one. */
  readonly first: string;
  readonly second: string;
  /** The first repeated unit, its cell on `second`. */
  readonly unit: string;
  readonly cell: string;
  readonly row: number;
  readonly count: number;
}

/**
 * Units (evaluation and 12345 tables) found on two sheets of one analysis. A unit repeated
 * within one sheet is the table's own diagnostic (duplicateUnit), not a period's.
 */
function repeatedUnits(a: Analysis): Repeat[] {
  // One sheet of tables (the common case, and 100,000 rows): nothing to compare.
  if (new Set([...a.tables.map((t) => t.sheet), ...a.hotline.map((t) => t.sheet)]).size < 2)
    return [];
  const entries: { key: string; sheet: string; unit: string; cell: string; row: number }[] = [];
  for (const u of a.units) {
    if (u.name === '') continue;
    const t = a.tables[u.tableIndex];
    const cols = t?.columns.name ?? [0];
    const col = (u.parent !== null && cols.length > 1 ? cols[1]! : cols[0]!) + (t?.origin.col ?? 0);
    entries.push({
      key: `u|${u.parent ?? ''}|${u.name}`,
      sheet: u.sheet,
      unit: u.parent ? `${u.parent}/${u.name}` : u.name,
      cell: cellAddress(u.row - 1, col),
      row: u.row,
    });
  }
  for (const t of a.hotline)
    for (const r of t.rows)
      entries.push({
        key: `h|${t.kind}|${r.name}`,
        sheet: t.sheet,
        unit: r.name,
        cell: cellAddress(r.row - 1, 0),
        row: r.row,
      });
  const firstSheet = new Map<string, string>();
  const pairs = new Map<string, { -readonly [K in keyof Repeat]: Repeat[K] }>();
  for (const e of entries) {
    const first = firstSheet.get(e.key);
    if (first === undefined) {
      firstSheet.set(e.key, e.sheet);
      continue;
    }
    if (first === e.sheet) continue;
    const pairKey = `${first}\u0000${e.sheet}`;
    const p = pairs.get(pairKey);
    if (p) p.count++;
    else
      pairs.set(pairKey, {
        first,
        second: e.sheet,
        unit: e.unit,
        cell: e.cell,
        row: e.row,
        count: 1,
      });
  }
  return [...pairs.values()];
}

/** Where a workbook-wide note is shown: the first cell of a sheet (its used range's). */
function sheetStart(grid: SheetGrid | undefined): { sheet: string; cell: string; row: number } {
  const origin = grid?.origin ?? { row: 0, col: 0 };
  return {
    sheet: grid?.name ?? '',
    cell: cellAddress(origin.row, origin.col),
    row: origin.row + 1,
  };
}

export interface ByPeriodOptions {
  /**
   * Read last month from the workbook's own earlier period (default). False when last month
   * comes from another workbook (`--previous`, 上月工作簿): the earlier sheets are not read,
   * and the note says so.
   */
  readonly ownPrevious?: boolean;
}

/**
 * The workbook's latest period analysed, with the period before it (`periods.previous`) as
 * last month, and notes that say which sheets were read as which period. Throws
 * PeriodsUnclearError when sheets that name no period repeat each other's units.
 */
export function analyzeByPeriod(
  grids: readonly SheetGrid[],
  input: SettingsInput = {},
  options: ByPeriodOptions = {},
): Analysis {
  const settings = resolveSettings(input);
  const split = splitPeriods(grids);
  const ownPrevious = options.ownPrevious ?? true;
  const periodOf = new Map(split.sheets.map((s) => [s.sheet, s.period]));
  const undated = (sheet: string) => (periodOf.get(sheet) ?? null) === null;
  const currentGroup = split.periods.find((g) => g.role === 'current' && g.period !== null);
  const currentPeriod = currentGroup?.period ?? null;
  const notes: Diagnostic[] = [];
  let grids0 = split.current;
  let analysis = analyzeWorkbook(grids0, settings);
  const repeats = repeatedUnits(analysis);
  // Sheets that name no period and repeat each other: which is which month cannot be told.
  const unclear = repeats.filter((r) => undated(r.first) && undated(r.second));
  if (unclear.length > 0) {
    const named = new Set(unclear.flatMap((r) => [r.first, r.second]));
    throw new PeriodsUnclearError(grids0.map((g) => g.name).filter((n) => named.has(n)));
  }
  // A sheet naming no period that repeats a dated sheet's units is not this month's: left out.
  const dropped = new Set<string>();
  for (const r of repeats) {
    if (undated(r.first) === undated(r.second)) continue;
    const [sheet, other] = undated(r.first) ? [r.first, r.second] : [r.second, r.first];
    if (dropped.has(sheet)) continue;
    dropped.add(sheet);
    const at = undated(r.second)
      ? { cell: r.cell, row: r.row }
      : sheetStart(grids0.find((g) => g.name === sheet));
    notes.push(
      diagnostic('periodUnknownRepeats', sheet, at.cell, at.row, {
        unit: r.unit,
        count: r.count,
        other,
        period: periodOf.get(other) ?? null,
      }),
    );
  }
  if (dropped.size > 0) {
    grids0 = grids0.filter((g) => !dropped.has(g.name));
    analysis = analyzeWorkbook(grids0, settings);
  }
  const twice = (list: readonly Repeat[]) =>
    list.map((r) =>
      diagnostic('unitInTwoSheets', r.second, r.cell, r.row, {
        unit: r.unit,
        count: r.count,
        other: r.first,
        period: periodOf.get(r.second) ?? null,
      }),
    );
  // Left: dated sheets of one period (8月 and 8月 (2)) listing the same units.
  const repeated = twice(dropped.size > 0 ? repeatedUnits(analysis) : repeats);
  // Last month from the same workbook.
  const previousGroup = split.periods.find((g) => g.role === 'previous') ?? null;
  let previous: Analysis | null = null;
  if (ownPrevious && split.previous !== null) {
    previous = analyzeWorkbook(split.previous, settings);
    repeated.push(...twice(repeatedUnits(previous)));
    const p = previousGroup?.period ?? null;
    if (p !== null && previous.period === null && p.kind === 'month' && p.year !== null)
      previous = { ...previous, period: { year: p.year, month: p.index } };
  }
  const groups: PeriodGroup[] = split.periods.map((g) =>
    g.period === null && dropped.size > 0
      ? { ...g, sheets: g.sheets.filter((s) => !dropped.has(s)) }
      : g.role === 'previous' && !ownPrevious
        ? { ...g, role: 'unread' }
        : g,
  );
  if (dropped.size > 0) groups.push({ period: null, sheets: [...dropped], role: 'unread' });
  const first = sheetStart(grids0[0]);
  if (split.split) {
    const sheetsOf = (role: PeriodRole) =>
      groups.filter(
        (g) => g.role === role && g.sheets.length > 0 && g.sheets !== previousGroup?.sheets,
      );
    const current = sheetsOf('current');
    notes.unshift(
      diagnostic('periodsRead', first.sheet, first.cell, first.row, {
        current: {
          period: currentPeriod,
          sheets: current.flatMap((g) => g.sheets),
        },
        previous: previousGroup && {
          period: previousGroup.period,
          sheets: previousGroup.sheets,
        },
        unread: sheetsOf('unread').map((g) => ({ period: g.period, sheets: g.sheets })),
        previousGiven: !ownPrevious,
      }),
    );
    // Sheets that name no period, read as this month's: said where they hold a table.
    const withTables = new Set([
      ...analysis.tables.map((t) => t.sheet),
      ...analysis.hotline.map((t) => t.sheet),
      ...analysis.summary.sheets,
    ]);
    if (currentPeriod !== null)
      for (const g of grids0)
        if (undated(g.name) && withTables.has(g.name)) {
          const at = sheetStart(g);
          notes.push(
            diagnostic('periodAssumed', g.name, at.cell, at.row, { period: currentPeriod }),
          );
        }
    const p = previousGroup?.period ?? null;
    if (
      ownPrevious &&
      p !== null &&
      currentPeriod !== null &&
      isRightBefore(p, currentPeriod) === false
    )
      notes.push(
        diagnostic('previousNotAdjacent', first.sheet, first.cell, first.row, {
          current: currentPeriod,
          previous: p,
        }),
      );
  }
  // A name and a title naming different periods, wherever the sheet went.
  for (const s of split.sheets)
    if (s.conflict && s.title)
      notes.push(
        diagnostic('periodConflict', s.sheet, s.title.cell, s.title.row, {
          name: s.conflict.name,
          title: s.conflict.title,
          text: s.title.text,
        }),
      );
  notes.push(...repeated);
  // The bulletin's month: the period the sheets were read as, where the titles did not say it
  // (a sheet named 2017年8月) or the workbook holds several.
  const period =
    (split.split || analysis.period === null) &&
    currentPeriod !== null &&
    currentPeriod.kind === 'month' &&
    currentPeriod.year !== null
      ? { year: currentPeriod.year, month: currentPeriod.index }
      : analysis.period;
  return {
    ...analysis,
    period,
    diagnostics: [...notes, ...analysis.diagnostics],
    periods: {
      groups,
      current: currentPeriod,
      previous,
      previousPeriod: previous === null ? null : (previousGroup?.period ?? null),
      split: split.split,
    },
  };
}
