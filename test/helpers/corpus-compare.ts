/**
 * [issue 16] The corpus judged end to end: each published table typed into a workbook as a clerk
 * would (test/corpus/to-xlsx.mjs), read by the real .xlsx reader, evaluated by `analyzeByPeriod`
 * with default settings and no scheme file, and compared with the `expected` block that
 * test/corpus/expected.py computed from the transcription alone. A table passes when Tongbao names
 * the same units with the same parents, checks every column expected.py could check, flags every
 * misprint at its cell and raises nothing else.
 */
import { readFileSync } from 'node:fs';
import { cellAddress, columnIndex, type SheetGrid } from '../../src/core/grid';
import type { Analysis } from '../../src/evaluation/analyze';
import { analyzeByPeriod } from '../../src/evaluation/periods';
import { readWorkbookGrids } from '../../src/io/xlsx-read';
import type ExcelJS from 'exceljs';
// @ts-expect-error a plain .mjs script without types
import * as toXlsx from '../corpus/to-xlsx.mjs';

const script = toXlsx as {
  workbookFor: (table: CorpusTable, asText?: boolean) => ExcelJS.Workbook;
  corpusFiles: () => string[];
};

interface CorpusTable {
  readonly title: string;
  readonly header: readonly (readonly (string | null)[])[];
  readonly rows: readonly (readonly (string | null)[])[];
  readonly spec: {
    readonly layout?: 'rows' | 'side_by_side' | 'label_value';
    readonly columns?: Record<string, number>;
    readonly blocks?: readonly Record<string, number>[];
    readonly pairs?: readonly (readonly [number, number])[];
  };
  readonly expected: {
    readonly units: readonly { row: string; name: string; parents: string[] }[];
    readonly formulas: readonly {
      column: string;
      rows_checked?: number;
      formula: string | null;
      den?: Record<string, number> | null;
      misprints?: readonly { row: string }[];
    }[];
    readonly totals: readonly { row: number; wrong: readonly string[] }[];
    readonly ranks: readonly {
      column: string;
      rows_checked: number;
      misprints: { row: string }[];
    }[];
  };
}

export interface CorpusUnit {
  /** 1-based sheet row. */
  readonly row: number;
  readonly name: string;
  readonly parents: readonly string[];
}

/** What Tongbao made of a workbook, in the terms the corpus is judged by. */
export interface Reading {
  readonly units: readonly CorpusUnit[];
  /** A1 cells Tongbao says disagree with their recomputation. */
  readonly flagged: ReadonlySet<string>;
  /** 0-based sheet columns with at least one printed figure checked. */
  readonly checkedColumns: ReadonlySet<number>;
  /** Totals and rates the summary reader checked (a label | value table is a summary). */
  readonly summaryChecked: number;
  /** How the tables were read: by a preset scheme, or by the structure reader and its proposal. */
  readonly how: string;
}

export interface Verdict {
  readonly file: string;
  readonly pass: boolean;
  /** Why it does not pass (empty when it does), each one line. */
  readonly reasons: readonly string[];
  readonly reading: Reading | null;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

export function loadCorpus(): { file: string; table: CorpusTable }[] {
  return script.corpusFiles().map((file) => ({
    file: file.replace(/^.*\//, ''),
    table: JSON.parse(readFileSync(file, 'utf8')) as CorpusTable,
  }));
}

/** The workbook bytes a clerk would save for the table. */
export async function corpusXlsx(table: CorpusTable, asText = false): Promise<Uint8Array> {
  const wb = script.workbookFor(table, asText);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The reading of an analysis: preset tables and tables read from their structure alike. */
export function readingOf(analysis: Analysis, sheets: readonly SheetGrid[]): Reading {
  const units: CorpusUnit[] = [];
  const flagged = new Set<string>();
  const checkedColumns = new Set<number>();
  const how: string[] = [];
  for (const u of analysis.units)
    units.push({ row: u.row, name: u.name, parents: u.parent ? [u.parent] : [] });
  for (const d of analysis.discrepancies) flagged.add(d.cell);
  // The summary tables' totals and rates (a label | value table is read as a summary).
  for (const d of analysis.summary.discrepancies) flagged.add(d.cell);
  const summaryChecked = analysis.summary.checked;
  // Printed columns the scheme has no formula for, checked with the table's own (said in a warning).
  for (const d of analysis.diagnostics)
    if (d.code === 'formulaFromTable') checkedColumns.add(columnIndex(/^[A-Z]+/.exec(d.cell)![0]));
  analysis.tables.forEach((t, i) => {
    how.push(`preset ${analysis.scheme.id}`);
    const checked = analysis.checked[i];
    if (checked && checked.figures > 0) {
      const origin = t.origin.col;
      for (const col of Object.values(t.columns.printed)) checkedColumns.add(col + origin);
    }
  });
  for (const s of analysis.structured ?? []) {
    how.push('structure');
    const origin = s.origin ??
      sheets.find((g) => g.name === s.table.sheet)?.origin ?? { row: 0, col: 0 };
    for (const r of s.table.rows)
      if (r.kind === 'unit')
        units.push({ row: r.gridRow + origin.row + 1, name: r.name, parents: r.parents });
    for (const d of s.discrepancies) flagged.add(d.cell);
    for (const f of s.formulas)
      if (f.checked.length > 0) checkedColumns.add(s.table.columns[f.column]!.col + origin.col);
    for (const r of s.ranks ?? [])
      if (r.checked.length > 0) checkedColumns.add(s.table.columns[r.column]!.col + origin.col);
  }
  units.sort((a, b) => a.row - b.row);
  if (summaryChecked > 0) how.push(`summary (${summaryChecked} checked)`);
  return { units, flagged, checkedColumns, summaryChecked, how: how.join(', ') || 'nothing read' };
}

/** The sheet cell of corpus data row `ref` (“3”, or “3.1” for block 1 side by side), column `name`. */
function cellOf(table: CorpusTable, ref: string, name: string): string | null {
  const [i, b] = ref.split('.').map(Number) as [number, number | undefined];
  const cols =
    table.spec.layout === 'side_by_side' ? table.spec.blocks?.[b ?? 0] : table.spec.columns;
  const col = cols?.[name];
  if (col === undefined) return null;
  return cellAddress(1 + table.header.length + i, col);
}

/** Column (0-based) of a figure named `name` in the corpus table, where the spec says. */
function columnOf(table: CorpusTable, name: string): number | null {
  if (table.spec.layout === 'side_by_side') return table.spec.blocks?.[0]?.[name] ?? null;
  return table.spec.columns?.[name] ?? null;
}

/** Judge a reading against the corpus table's `expected` block. */
export function judge(file: string, table: CorpusTable, reading: Reading): Verdict {
  const reasons: string[] = [];
  const e = table.expected;
  // Units: the same names (spaces aside) with the same parents, on the same rows.
  const want = e.units.map((u) => {
    const i = Number(u.row.split('.')[0]);
    return {
      row: 2 + table.header.length + i,
      name: squash(u.name),
      parents: u.parents.map(squash),
    };
  });
  const key = (u: CorpusUnit) => `${u.row}:${[...u.parents, u.name].map(squash).join('/')}`;
  if (table.spec.layout !== 'label_value') {
    const got = new Set(reading.units.map(key));
    const expected = new Set(want.map(key));
    const missing = [...expected].filter((k) => !got.has(k));
    const extra = [...got].filter((k) => !expected.has(k));
    if (missing.length > 0) reasons.push(`units missing: ${missing.slice(0, 4).join(', ')}`);
    if (extra.length > 0) reasons.push(`units not in the table: ${extra.slice(0, 4).join(', ')}`);
  }
  // Misprints: every one flagged at its cell, nothing else flagged.
  const misprints = new Set<string>();
  if (table.spec.layout !== 'label_value') {
    for (const f of e.formulas)
      for (const m of f.misprints ?? []) {
        const c = cellOf(table, m.row, f.column);
        if (c) misprints.add(c);
      }
    for (const t of e.totals)
      for (const w of t.wrong) {
        const c = cellOf(table, String(t.row), w);
        if (c) misprints.add(c);
      }
    for (const r of e.ranks)
      for (const m of r.misprints) {
        const c = cellOf(table, m.row, r.column);
        if (c) misprints.add(c);
      }
  }
  const notFlagged = [...misprints].filter((c) => !reading.flagged.has(c));
  const falseAlarms = [...reading.flagged].filter((c) => !misprints.has(c));
  if (notFlagged.length > 0) reasons.push(`misprints not found: ${notFlagged.join(', ')}`);
  if (falseAlarms.length > 0) reasons.push(`false alarms: ${falseAlarms.slice(0, 6).join(', ')}`);
  // Coverage: every column expected.py could check is checked.
  if (table.spec.layout !== 'label_value') {
    const unchecked: string[] = [];
    for (const f of e.formulas) {
      // A denominator printed outside the workbook (南通 占比 over the text's 12184) cannot be
      // checked from the workbook: Tongbao says the range it must lie in instead.
      if (!f.rows_checked || f.formula === null || (f.den && '@const' in f.den)) continue;
      const col = columnOf(table, f.column);
      if (col !== null && !reading.checkedColumns.has(col)) unchecked.push(f.column);
    }
    for (const r of e.ranks) {
      const col = columnOf(table, r.column);
      if (r.rows_checked > 0 && col !== null && !reading.checkedColumns.has(col))
        unchecked.push(r.column);
    }
    if (unchecked.length > 0) reasons.push(`columns not checked: ${unchecked.join(', ')}`);
  } else if (reading.summaryChecked === 0 && reading.flagged.size === 0) {
    reasons.push('label | value table: no figure checked');
  }
  return { file, pass: reasons.length === 0, reasons, reading };
}

/** Read, evaluate and judge one corpus table. A refusal is a verdict, not a crash. */
export async function runCorpusTable(
  file: string,
  table: CorpusTable,
  asText = false,
): Promise<Verdict> {
  const bytes = await corpusXlsx(table, asText);
  const sheets = await readWorkbookGrids(bytes);
  let analysis: Analysis;
  try {
    analysis = analyzeByPeriod(sheets, {});
  } catch (e) {
    return { file, pass: false, reasons: [`refused: ${(e as Error).message}`], reading: null };
  }
  const reading = readingOf(analysis, sheets);
  if (
    reading.units.length === 0 &&
    reading.flagged.size === 0 &&
    reading.checkedColumns.size === 0 &&
    reading.summaryChecked === 0
  )
    return {
      file,
      pass: false,
      reasons: [
        `nothing read (${analysis.diagnostics.map((d) => d.code).join(', ') || 'no diagnostics'})`,
      ],
      reading,
    };
  return judge(file, table, reading);
}
