import { scaledToNumber } from '../core/fixed';
import { cellAddress, type CellValue } from '../core/grid';
import { scaledDecimalsOf, type Analysis } from '../evaluation/analyze';
import { zhCN, type Catalog } from '../i18n/catalog';
import type { Comparison, Narrative } from '../narrative/types';
import { isRate, type Change } from '../summary/types';
import { describeDiagnostic } from './describe';
import { describeStructuredDiscrepancy } from './structured';
import type { StructuredCheck, Term } from '../evaluation/structured-types';
import { structuredZhCN, type StructuredStrings } from '../i18n/structured-ui';
import type { PeriodRole } from '../evaluation/periods';

export interface UnitJson {
  sheet: string;
  table: string;
  group: string | null;
  name: string;
  parent: string | null;
  row: number;
  evaluated: boolean;
  reason: string | null;
  /** The counts read, by the scheme's names. */
  counts: Record<string, number | null>;
  /**
   * Every figure of the scheme by its name (结案率, 综合指标值, 评价等级, 排名…): rates in
   * percent, the index in points, at most the figure's decimals; null where not available.
   */
  figures: Record<string, number | string | null>;
}

export interface EvaluationJson {
  period: { year: number; month: number } | null;
  /**
   * [issue 16] A workbook of several periods: each period with its sheets, latest first —
   * `current` (evaluated), `previous` (last month, for the 较上月 sentences), `unread`; sheets
   * naming no period under `period: null`.
   */
  periods?: {
    role: PeriodRole;
    period: { kind: string; year: number | null; index: number; from?: number } | null;
    sheets: string[];
  }[];
  /** The scheme the figures follow: its id and name. */
  scheme: { id: string; name: string };
  tables: {
    sheet: string;
    title: string;
    group: string | null;
    headerCell: string;
    units: number;
    /** What the audit did with the figures this table prints. */
    checked: { figures: number; matched: number; discrepancies: number; notChecked: number };
    /** Printed columns the scheme has no formula for (listed as not checked). */
    notCheckedColumns: string[];
  }[];
  units: UnitJson[];
  discrepancies: {
    kind: string;
    sheet: string;
    cell: string;
    unit: string;
    parent: string | null;
    field: string;
    printed: CellValue;
    recomputed: number | string | null;
  }[];
  diagnostics: { sheet: string; cell: string; severity: string; code: string; message: string }[];
  /**
   * The summary tables: totals and rates (rates in percent), category lists, last month's
   * values and the 环比 (percent, or percentage points for a rate by default: `basis`), the
   * totals that are not the sum of their parts; when the workbook has them.
   */
  summary?: {
    figures: {
      id: string;
      label: string;
      sheet: string;
      cell: string;
      value: number;
      previous: number | null;
      change: { value: number; basis: string; size: string } | null;
    }[];
    lists: {
      dimension: string;
      area: string | null;
      title: string;
      sheet: string;
      total: number | null;
      items: {
        name: string;
        sheet: string;
        cell: string;
        value: number;
        previous: number | null;
        change: { value: number; basis: string; size: string } | null;
      }[];
    }[];
    discrepancies: {
      sheet: string;
      cell: string;
      message: string;
      printed: number;
      recomputed: number;
    }[];
    diagnostics: { sheet: string; cell: string; severity: string; code: string; message: string }[];
  };
  /**
   * The ranking paragraphs, when a narrative was built; [issue 16] `flags`: what the text marks
   * “【请核对】” and why (`reason`: totals, change, reading, unit), with the cells to look at.
   */
  narrative?: {
    sections: { id: string; part: string; title: string; paragraphs: string[] }[];
    flags: { reason: string; label: string; cells: string[]; message: string }[];
  };
  /** How this month's units matched last month's, when last month was given. */
  comparison?: Comparison | null;
  /**
   * [issue 16] Tables no scheme reads, read from their own layout: units with their parents,
   * the formula found for each printed column (with the rows it fits), every discrepancy.
   */
  structured?: {
    sheet: string;
    title: string | null;
    cell: string;
    units: { name: string; parents: string[]; row: number }[];
    formulas: {
      column: string;
      statement: string;
      numerator: { column: string; sign: 1 | -1 }[];
      denominator: { column: string; sign: 1 | -1 }[] | null;
      decimals: number;
      rounding: string;
      percent: boolean;
      rowsChecked: number;
      rowsFitting: number;
      alternatives: string[];
    }[];
    ranks: {
      column: string;
      by: string;
      statement: string;
      rowsChecked: number;
      rowsFitting: number;
    }[];
    notCheckedColumns: { column: string; why: string }[];
    checked: { figures: number; matched: number; discrepancies: number; notChecked: number };
    discrepancies: {
      kind: string;
      cell: string;
      unit: string;
      column: string;
      printed: string;
      expected: string;
      message: string;
    }[];
    uncertain: { cell: string; what: string }[];
  }[];
}

/** The CLI's `--json` document: plain numbers in percent/points, at most `decimals` places. */
export function toEvaluationJson(
  a: Analysis,
  catalog: Catalog = zhCN,
  narrative?: Narrative,
  structuredStrings: StructuredStrings = structuredZhCN,
): EvaluationJson {
  const perTable = new Array<number>(a.tables.length).fill(0);
  for (const u of a.units) perTable[u.tableIndex]!++;
  const figure = (key: string, v: number | string | null | undefined) => {
    if (v === undefined || v === null) return null;
    const decimals = scaledDecimalsOf(a, key);
    return typeof v === 'number' && decimals !== null ? scaledToNumber(v, decimals) : v;
  };
  return {
    period: a.period ? { ...a.period } : null,
    ...(a.periods?.split
      ? {
          periods: a.periods.groups.map((g) => ({
            role: g.role,
            period: g.period && { ...g.period },
            sheets: [...g.sheets],
          })),
        }
      : {}),
    scheme: { id: a.scheme.id, name: a.scheme.name },
    tables: a.tables.map((t, i) => {
      const c = a.checked[i]!;
      return {
        sheet: t.sheet,
        title: t.title,
        group: t.group,
        headerCell: cellAddress(t.headerRow + t.origin.row, t.columns.name[0]! + t.origin.col),
        units: perTable[i]!,
        checked: {
          figures: c.figures,
          matched: c.matched,
          discrepancies: c.discrepancies,
          notChecked: c.notChecked,
        },
        notCheckedColumns: [...c.unknownColumns],
      };
    }),
    units: a.units.map((u) => ({
      sheet: u.sheet,
      table: u.table,
      group: u.group,
      name: u.name,
      parent: u.parent,
      row: u.row,
      evaluated: u.evaluated,
      reason: u.reason,
      counts: Object.fromEntries(
        a.scheme.counts.map((c) => [c.key, u.counts[c.key] ?? null] as const),
      ),
      figures: Object.fromEntries(
        a.scheme.figures.map((f) => [f.key, figure(f.key, u.figures[f.key])] as const),
      ),
    })),
    discrepancies: a.discrepancies.map((d) => ({
      kind: d.kind,
      sheet: d.sheet,
      cell: d.cell,
      unit: d.unit,
      parent: d.parent,
      field: d.field,
      printed: d.printed,
      recomputed:
        typeof d.recomputed === 'number' && d.kind === 'computed'
          ? scaledToNumber(d.recomputed, d.decimals)
          : d.recomputed,
    })),
    diagnostics: a.diagnostics.map((d) => ({
      sheet: d.sheet,
      cell: d.cell,
      severity: d.severity,
      code: d.code,
      message: describeDiagnostic(d, catalog),
    })),
    ...(a.summary.sheets.length > 0 ? { summary: summaryJson(a, catalog, narrative) } : {}),
    ...(narrative
      ? {
          narrative: {
            sections: narrative.sections.map((x) => ({
              id: x.id,
              part: x.part,
              title: x.title,
              paragraphs: x.paragraphs.map((p) => p.text),
            })),
            flags: narrative.flags.map((f) => ({
              reason: f.reason,
              label: f.label,
              cells: [...f.cells],
              message: catalog.summary.flag(f),
            })),
          },
          comparison: narrative.comparison,
        }
      : {}),
    ...((a.structured ?? []).length > 0
      ? { structured: structuredJson(a.structured ?? [], structuredStrings) }
      : {}),
  };
}

function structuredJson(
  checks: readonly StructuredCheck[],
  t: StructuredStrings,
): NonNullable<EvaluationJson['structured']> {
  return checks.map((check) => {
    const { table } = check;
    const label = (i: number) => table.columns[i]?.label ?? '';
    const terms = (list: readonly Term[]) =>
      list.map((x) => ({ column: label(x.column), sign: x.coef }));
    return {
      sheet: table.sheet,
      title: table.title,
      cell: table.anchor,
      units: table.rows
        .filter((r) => r.kind === 'unit')
        .map((r) => ({
          name: r.name,
          parents: [...r.parents],
          row: r.gridRow + (check.origin?.row ?? 0) + 1,
        })),
      formulas: check.formulas.map((f) => ({
        column: label(f.column),
        statement: f.statement,
        numerator: terms(f.numerator),
        denominator: f.denominator === null ? null : terms(f.denominator),
        decimals: f.decimals,
        rounding: f.rounding,
        percent: f.scale === 100,
        rowsChecked: f.checked.length,
        rowsFitting: f.fitting.length,
        alternatives: [...f.alternatives],
      })),
      ranks: (check.ranks ?? []).map((r) => ({
        column: label(r.column),
        by: label(r.by),
        statement: r.statement,
        rowsChecked: r.checked.length,
        rowsFitting: r.fitting.length,
      })),
      notCheckedColumns: check.unexplained.map((u) => ({ column: label(u.column), why: u.why })),
      checked: {
        figures: check.figuresChecked,
        matched: check.figuresMatched,
        discrepancies: check.discrepancies.length,
        notChecked: check.notChecked,
      },
      discrepancies: check.discrepancies.map((d) => {
        const row = table.rows[d.row];
        return {
          kind: d.kind,
          cell: d.cell,
          unit: row ? [...row.parents, row.name].join('/') : '',
          column: label(d.column),
          printed: d.printed,
          expected: d.expected,
          message: describeStructuredDiscrepancy(check, d, t),
        };
      }),
      uncertain: table.uncertain.map((u) => ({ cell: u.cell, what: u.what })),
    };
  });
}

const hundredths = (v: number) => v / 100;

function summaryJson(
  a: Analysis,
  catalog: Catalog,
  narrative: Narrative | undefined,
): NonNullable<EvaluationJson['summary']> {
  const r = a.summary;
  const cmp = narrative?.summary ?? null;
  const change = (c: Change | null | undefined) =>
    c ? { value: hundredths(c.value), basis: c.basis, size: c.size } : null;
  return {
    figures: r.figures.map((f) => {
      const rate = isRate(f.id);
      const c = cmp?.figures[f.id];
      const previous = c ? c.previous : f.previous;
      return {
        id: f.id,
        label: f.label,
        sheet: f.sheet,
        cell: f.cell,
        value: rate ? hundredths(f.value) : f.value,
        previous: previous === null ? null : rate ? hundredths(previous) : previous,
        change: change(c?.change),
      };
    }),
    lists: r.lists.map((l) => {
      const compared = cmp?.lists.find((x) => x.dimension === l.dimension && x.area === l.area);
      return {
        dimension: l.dimension,
        area: l.area,
        title: l.title,
        sheet: l.sheet,
        total: l.total?.value ?? null,
        items: l.items.map((x) => {
          const c = compared?.items.find((y) => y.name === x.name);
          return {
            name: x.name,
            sheet: x.sheet,
            cell: x.cell,
            value: x.value,
            previous: c ? c.previous : x.previous,
            change: change(c?.change),
          };
        }),
      };
    }),
    discrepancies: r.discrepancies.map((d) => ({
      sheet: d.sheet,
      cell: d.cell,
      message: catalog.summary.discrepancy(d),
      printed: d.unit === 'percent' ? hundredths(d.printed) : d.printed,
      recomputed: d.unit === 'percent' ? hundredths(d.recomputed) : d.recomputed,
    })),
    // [issue 16] With the reading's own, the implausible 环比 the text was checked for.
    diagnostics: [...r.diagnostics, ...(narrative?.diagnostics ?? [])].map((d) => ({
      sheet: d.sheet,
      cell: d.cell,
      severity: d.severity,
      code: d.code,
      message: catalog.summary.diagnostic(d),
    })),
  };
}

/**
 * The report as text: top-level keys on their own lines and one array item per line —
 * readable, diff-friendly, and half the size of fully indented JSON.
 */
export function formatEvaluationJson(doc: EvaluationJson): string {
  const entries = Object.entries(doc);
  const lines = entries.map(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (!Array.isArray(value) || value.length === 0)
      return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`;
    const items = (value as unknown[]).map((item) => `    ${JSON.stringify(item)}`).join(',\n');
    return `  ${JSON.stringify(key)}: [\n${items}\n  ]${comma}`;
  });
  return `{\n${lines.join('\n')}\n}\n`;
}
