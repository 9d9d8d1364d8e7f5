import { scaledToNumber } from '../core/fixed';
import { cellAddress, type CellValue } from '../core/grid';
import type { Analysis } from '../evaluation/analyze';
import { zhCN, type Catalog } from '../i18n/catalog';
import type { Comparison, Narrative } from '../narrative/types';
import { describeDiagnostic } from './describe';

export interface UnitJson {
  sheet: string;
  table: string;
  group: string;
  name: string;
  parent: string | null;
  row: number;
  evaluated: boolean;
  reason: string | null;
  rates: { rework: number | null; closed: number | null; onTime: number | null };
  index: number | null;
  grade: string | null;
}

export interface EvaluationJson {
  period: { year: number; month: number } | null;
  tables: { sheet: string; title: string; group: string; headerCell: string; units: number }[];
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
  const num = (v: number | undefined | null) =>
    v === undefined || v === null ? null : scaledToNumber(v, a.decimals);
  return {
    period: a.period ? { ...a.period } : null,
    tables: a.tables.map((t, i) => ({
      sheet: t.sheet,
      title: t.title,
      group: t.group,
      headerCell: cellAddress(t.headerRow + t.origin.row, t.columns.name[0]! + t.origin.col),
      units: perTable[i]!,
    })),
    units: a.units.map((u) => ({
      sheet: u.sheet,
      table: u.table,
      group: u.group,
      name: u.name,
      parent: u.parent,
      row: u.row,
      evaluated: u.evaluated,
      reason: u.reason,
      rates: {
        rework: num(u.scores?.rework),
        closed: num(u.scores?.closed),
        onTime: num(u.scores?.onTime),
      },
      index: num(u.scores?.index),
      grade: u.scores?.grade ?? null,
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
          ? num(d.recomputed)
          : d.recomputed,
    })),
    diagnostics: a.diagnostics.map((d) => ({
      sheet: d.sheet,
      cell: d.cell,
      severity: d.severity,
      code: d.code,
      message: describeDiagnostic(d, catalog),
    })),
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
