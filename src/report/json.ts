import { scaledToNumber } from '../core/fixed';
import { cellAddress, type CellValue } from '../core/grid';
import { scaledDecimalsOf, type Analysis } from '../evaluation/analyze';
import { zhCN, type Catalog } from '../i18n/catalog';
import type { Comparison, Narrative } from '../narrative/types';
import { isRate, type Change } from '../summary/types';
import { describeDiagnostic } from './describe';
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
  /** The ranking paragraphs, when a narrative was built. */
  narrative?: { sections: { id: string; part: string; title: string; paragraphs: string[] }[] };
  /** How this month's units matched last month's, when last month was given. */
  comparison?: Comparison | null;
}

/** The CLI's `--json` document: plain numbers in percent/points, at most `decimals` places. */
export function toEvaluationJson(
  a: Analysis,
  catalog: Catalog = zhCN,
  narrative?: Narrative,
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
          },
          comparison: narrative.comparison,
        }
      : {}),
  };
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
    diagnostics: r.diagnostics.map((d) => ({
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
