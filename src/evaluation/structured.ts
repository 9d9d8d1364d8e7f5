/**
 * [issue 16] Every printed figure of a table read from its own layout, checked with the formulas
 * `proposeFormulas` found for it: each rate, sum and change against its formula over the row's own
 * counts, each 合计/小计/总计 count against the sum of the rows it closes, each rank against the
 * figure it ranks. A cell that does not fit is a discrepancy, at its cell, printed and recomputed
 * in the column's own form (“89.45%” / “89.65%”).
 *
 * What counts as a printed figure: every number in a figure column that is not an input count
 * (rates, scores, ranks, changes, last period's rates), every number in a total row, and every
 * count a sum formula explains (派遣数 = 完成数 + 未完成数). A unit's own counts are the data the
 * checks start from, not figures to check. `figuresChecked` counts cells with at least one check
 * (a 合计's 派遣数 checked both as a total and by its sum counts once), `figuresMatched` those that
 * passed every check, `notChecked` the rest (no formula, a zero denominator, last period's rate).
 * One discrepancy per cell: a total's own check first, then its formula, then its rank.
 */
import { cellAddress } from '../core/grid';
import { checkTotal } from '../core/totals';
import {
  cellNumber,
  classifyColumns,
  formulaValue,
  proposeFormulas,
  rankCounter,
  showPrinted,
  showValue,
} from '../scheme/propose';
import { proposeZhCN, type ProposeStrings } from '../i18n/structured';
import type { StructTable } from '../tables/structure-types';
import type {
  StructuredCheck,
  StructuredDiscrepancy,
  StructuredDiscrepancyKind,
} from './structured-types';

export function checkStructured(
  table: StructTable,
  strings: ProposeStrings = proposeZhCN,
): StructuredCheck {
  const proposal = proposeFormulas(table, strings);
  const cols = table.columns;
  const cls = classifyColumns(table);
  const explained = new Set(proposal.formulas.map((f) => f.column));
  const inputs = new Set([...cls.counts, ...cls.bases].filter((c) => !explained.has(c)));

  /** Per cell “r,c”: false once a check failed. */
  const result = new Map<string, boolean>();
  const discrepancies: StructuredDiscrepancy[] = [];
  const record = (
    kind: StructuredDiscrepancyKind,
    r: number,
    c: number,
    ok: boolean,
    printed: () => string,
    expected: () => string,
  ) => {
    const key = `${r},${c}`;
    const before = result.get(key);
    if (before === false) return;
    result.set(key, ok);
    if (!ok) {
      const row = table.rows[r]!;
      discrepancies.push({
        kind,
        cell: cellAddress(row.gridRow, cols[c]!.col),
        row: r,
        column: c,
        printed: printed(),
        expected: expected(),
      });
    }
  };

  // totals: each whole-number column against the rows the total closes
  const summable = cols.flatMap((col, c) => {
    if (col.role !== 'figure' || col.percent) return [];
    if (![...cls.counts, ...cls.bases, ...cls.changes].includes(c)) return [];
    const whole = table.rows.every((row) => {
      const v = cellNumber(row, c);
      return !v || v.decimals === 0 || v.scaled % 10 ** v.decimals === 0;
    });
    return whole ? [c] : [];
  });
  const totals: { row: number; columnsChecked: number; wrong: number[] }[] = [];
  table.rows.forEach((row, r) => {
    if (row.kind !== 'total' || row.closes.length === 0) return;
    let columnsChecked = 0;
    const wrong: number[] = [];
    for (const c of summable) {
      const printed = cellNumber(row, c);
      if (!printed) continue;
      // A member whose cell holds text that is no number (“100件”) cannot be added: the total
      // is not checked in that column (never a false 合计 alarm from a sum missing a part).
      if (row.closes.some((m) => table.rows[m]?.cells[c]?.kind === 'text')) continue;
      // A member that prints no number in the column (an empty cell) is left out of the sum.
      const sum = checkTotal(
        printed,
        row.closes.map((m) => cellNumber(table.rows[m], c)),
        'leftOut',
      );
      if (sum === null) continue;
      columnsChecked++;
      if (!sum.ok) wrong.push(c);
      record(
        'total',
        r,
        c,
        sum.ok,
        () => showPrinted(printed, false),
        () => showValue(sum.scaled, sum.decimals, false),
      );
    }
    totals.push({ row: r, columnsChecked, wrong });
  });

  // formulas
  for (const f of proposal.formulas) {
    const col = cols[f.column]!;
    const percent = col.percent || f.scale === 100;
    const fitting = new Set(f.fitting);
    for (const r of f.checked) {
      const printed = cellNumber(table.rows[r], f.column)!;
      record(
        'formula',
        r,
        f.column,
        fitting.has(r),
        () => showPrinted(printed, percent),
        () => {
          const v = formulaValue(table, f, r);
          return v.kind === 'value' ? showValue(v.scaled, f.decimals, percent) : '';
        },
      );
    }
  }

  // ranks: competition ranking (1, 1, 3) on the printed figure
  for (const rule of proposal.ranks) {
    const fitting = new Set(rule.fitting);
    // Every figure at the column's most decimals (an unrounded 93.4567890123457 beside 95.5).
    const places = Math.max(
      0,
      ...rule.checked.map((r) => cellNumber(table.rows[r], rule.by)!.decimals),
    );
    const value = (r: number) => {
      const v = cellNumber(table.rows[r], rule.by)!;
      return BigInt(v.scaled) * 10n ** BigInt(places - v.decimals);
    };
    // The expected rank of each row, from the figures sorted once (not every row against every row).
    const beyond = rankCounter(rule.checked.map(value));
    for (const r of rule.checked) {
      const printed = cellNumber(table.rows[r], rule.column)!;
      record(
        'rank',
        r,
        rule.column,
        fitting.has(r),
        () => showPrinted(printed, false),
        () => String(rule.offset + beyond(value(r), rule.order) + 1),
      );
    }
  }

  // what was (not) checked
  let figures = 0;
  let checked = 0;
  let matched = 0;
  table.rows.forEach((row, r) => {
    cols.forEach((col, c) => {
      if (col.role !== 'figure' || !cellNumber(row, c)) return;
      if (inputs.has(c) && row.kind !== 'total') return;
      figures++;
      const ok = result.get(`${r},${c}`);
      if (ok === undefined) return;
      checked++;
      if (ok) matched++;
    });
  });

  discrepancies.sort((a, b) => a.row - b.row || a.column - b.column);
  return {
    table,
    formulas: proposal.formulas,
    unexplained: proposal.unexplained,
    ...(proposal.ranks.length > 0 ? { ranks: proposal.ranks } : {}),
    totals,
    discrepancies,
    figuresChecked: checked,
    figuresMatched: matched,
    notChecked: figures - checked,
  };
}
