/**
 * [issue 16] The tables read from their own layout, described the same way everywhere (CLI,
 * JSON, Excel pane, web page): per table its title and place, the formulas found with how many
 * rows they fit, every discrepancy at its cell, what was not checked and what was uncertain.
 */
import type { StructuredCheck, StructuredDiscrepancy } from '../evaluation/structured-types';
import type { StructuredStrings } from '../i18n/structured-ui';
import { cellAddress } from '../core/grid';

export interface StructuredItem {
  readonly sheet: string;
  /** A1 cell the line is about (a click selects it in the add-in). */
  readonly cell: string;
  readonly text: string;
}

export interface StructuredTableView {
  readonly sheet: string;
  readonly anchor: string;
  /** “各县市区办理情况”（工作表“…”A1）：12 个单位 */
  readonly heading: string;
  /** Parents of the units, when the table has them. */
  readonly parents: string | null;
  /** The formula statements (“办结率 = 已办结 / 总件数，取整到1%，15行中15行吻合”) and ambiguities. */
  readonly formulas: readonly string[];
  readonly audit: string;
  readonly discrepancies: readonly StructuredItem[];
  /** Columns not checked (with why) and what the reader was unsure of. */
  readonly notes: readonly StructuredItem[];
}

export function describeStructuredDiscrepancy(
  check: StructuredCheck,
  d: StructuredDiscrepancy,
  t: StructuredStrings,
): string {
  const row = check.table.rows[d.row];
  const unit = row ? [...row.parents, row.name].join('/') : '';
  const label = check.table.columns[d.column]?.label ?? '';
  if (d.kind === 'total') return t.totalWrong(unit, label, d.printed, d.expected);
  if (d.kind === 'rank') return t.rankWrong(unit, label, d.printed, d.expected);
  return t.formulaWrong(unit, label, d.printed, d.expected);
}

export function structuredViews(
  checks: readonly StructuredCheck[],
  t: StructuredStrings,
): StructuredTableView[] {
  return checks.map((check) => {
    const table = check.table;
    const units = table.rows.filter((r) => r.kind === 'unit');
    const parents = new Map<string, number>();
    for (const u of units) {
      const p = u.parents.join('/');
      if (p !== '') parents.set(p, (parents.get(p) ?? 0) + 1);
    }
    const formulas: string[] = [];
    for (const f of check.formulas) {
      formulas.push(f.statement);
      // Found by a search rather than named by the headers, or not fitting every row: the
      // other formulas that fit as well (or better) are said, for the user to confirm.
      if (
        (f.basis === 'search' || f.fitting.length < f.checked.length) &&
        f.alternatives.length > 0
      )
        formulas.push(t.alternatives(f.alternatives));
    }
    for (const r of check.ranks ?? []) formulas.push(r.statement);
    const notes: StructuredItem[] = [];
    const origin = check.origin ?? { row: 0, col: 0 };
    for (const u of check.unexplained) {
      const col = table.columns[u.column];
      // At the column's (lowest) header cell.
      const cell = col
        ? cellAddress(origin.row + table.headerTop + table.headerRows - 1, origin.col + col.col)
        : table.anchor;
      if (col) notes.push({ sheet: table.sheet, cell, text: t.unexplained(col.label, u.why) });
    }
    for (const u of table.uncertain)
      notes.push({ sheet: table.sheet, cell: u.cell, text: t.uncertain(u.what) });
    return {
      sheet: table.sheet,
      anchor: table.anchor,
      heading: t.tableLine(table.title ?? t.untitled, table.sheet, table.anchor, units.length),
      parents:
        parents.size === 0
          ? null
          : t.parentsLine([...parents].map(([name, n]) => ({ name, units: n }))),
      formulas,
      audit: t.audit(
        check.figuresChecked,
        check.figuresMatched,
        check.discrepancies.length,
        check.notChecked,
      ),
      discrepancies: check.discrepancies.map((d) => ({
        sheet: table.sheet,
        cell: d.cell,
        text: describeStructuredDiscrepancy(check, d, t),
      })),
      notes,
    };
  });
}

/** The section as plain lines (the CLI's summary). */
export function structuredText(
  checks: readonly StructuredCheck[],
  t: StructuredStrings,
  /** Say how to keep the formulas as a scheme (the workbook has no table of a scheme). */
  hint = false,
): string[] {
  if (checks.length === 0) return [];
  const lines = [t.heading(checks.length), t.explain, ...(hint ? [t.schemeHint] : []), ''];
  for (const v of structuredViews(checks, t)) {
    lines.push(`【${v.heading}】`);
    if (v.parents) lines.push(`  ${v.parents}`);
    for (const f of v.formulas) lines.push(`  ${f}`);
    lines.push(`  ${v.audit}`);
    for (const d of v.discrepancies) lines.push(`  ${d.sheet}!${d.cell}  ${d.text}`);
    for (const n of v.notes) lines.push(`  ${n.sheet}!${n.cell}  ${n.text}`);
    lines.push('');
  }
  lines.pop(); // no blank line after the last table: the caller separates sections
  return lines;
}
