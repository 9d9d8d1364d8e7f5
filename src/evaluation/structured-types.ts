/**
 * [issue 16] What Tongbao found in a table no preset scheme reads: the formula it proposes for
 * each printed figure column (found from the table itself) and the check of every printed figure
 * and total against it. Built by `../scheme/propose.ts` and `structured.ts` from a `StructTable`.
 */
import type { StructTable } from '../tables/structure-types';

/** Rounding of a printed figure: 四舍五入, banker's, truncation (去尾), rounding up (进一). */
export type ProposedRounding = 'halfUp' | 'halfEven' | 'down' | 'up';

/** A count column with its sign in a sum: 按时 + 超时, 总立案数 − 超时 − 其它超时. */
export interface Term {
  /** Index into the table's `columns`. */
  readonly column: number;
  readonly coef: 1 | -1;
  /**
   * A constant factor, exactly (`scaled / 10^decimals`): a weight printed in the header (0.4 from
   * “(占40%)”) or a per-case value found from the rows (0.5 分 per overdue case). Absent: 1.
   */
  readonly weight?: { readonly scaled: number; readonly decimals: number };
}

export interface ProposedFormula {
  /** Index into the table's `columns`: the printed column the formula reproduces. */
  readonly column: number;
  /** A rate (numerator / denominator, as a percentage or a plain ratio) or a count that is a sum. */
  readonly kind: 'rate' | 'sum';
  readonly numerator: readonly Term[];
  /** null for a sum. */
  readonly denominator: readonly Term[] | null;
  /**
   * A share of a total (占比 = 数量 / 合计的数量): the denominator is taken from this row (a
   * 合计/总计, index into the table's `rows`) instead of each row's own. Absent: the row's own.
   */
  readonly denominatorRow?: number;
  /** 100: printed as a percentage; 1: a plain ratio or a count. */
  readonly scale: 100 | 1;
  /**
   * Decimals the column is printed at (the most any of its cells shows; for a column of whole
   * percentages in a table that drops trailing zeros, “100%” beside “89.45%”, the table's).
   */
  readonly decimals: number;
  readonly rounding: ProposedRounding;
  /** Rows (indices into the table's `rows`) where the printed cell could be checked. */
  readonly checked: readonly number[];
  /** Of those, the rows where the printed figure equals the formula's value. */
  readonly fitting: readonly number[];
  /**
   * How the formula was found: the column's header names it (处置率 over 处置数 / 应处置数) or a
   * search over the count columns chose it as the one fitting most rows.
   */
  readonly basis: 'names' | 'search';
  /** Other formulas fitting as many rows (ambiguity: said, never silent); at most a few. */
  readonly alternatives: readonly string[];
  /** “办结率 = 已办结 / 总件数，取整到1%，15行中15行吻合”: the formula in the user's words. */
  readonly statement: string;
}

export type StructuredDiscrepancyKind =
  /** A printed figure differs from its formula's value over the row's own counts. */
  | 'formula'
  /** A 合计/小计/总计 count differs from the sum of the rows it closes. */
  | 'total'
  /** A printed rank differs from the rank of the printed figure it ranks. */
  | 'rank';

export interface StructuredDiscrepancy {
  readonly kind: StructuredDiscrepancyKind;
  /** A1 address of the printed cell. */
  readonly cell: string;
  /** Index into the table's `rows`. */
  readonly row: number;
  /** Index into the table's `columns`. */
  readonly column: number;
  /** As printed (“89.45%”) and as recomputed (“89.65%”), in the column's own form. */
  readonly printed: string;
  readonly expected: string;
}

/** A printed rank column checked against the figure it ranks (competition ranking: 1, 1, 3). */
export interface RankRule {
  /** Index into the table's `columns`: the printed ranks. */
  readonly column: number;
  /** Index into the table's `columns`: the figure ranked (the nearest score/rate before it). */
  readonly by: number;
  /** 'desc': the highest figure is 1st. */
  readonly order: 'desc' | 'asc';
  /**
   * Ranks continuing another block of the same list (side-by-side halves: 东海县 3, 灌南县 4):
   * the table's first place is printed offset + 1. 0 for a list of its own.
   */
  readonly offset: number;
  /** Unit rows with a printed rank and a printed figure, and of those the rows whose rank fits. */
  readonly checked: readonly number[];
  readonly fitting: readonly number[];
  /** “排名 = 按总分从高到低排名（并列同名次），19行中18行吻合”. */
  readonly statement: string;
}

export interface StructuredCheck {
  readonly table: StructTable;
  /** Sheet row/column (0-based) of the grid's first cell, set by the analysis (grid rows → sheet rows). */
  readonly origin?: { readonly row: number; readonly col: number };
  readonly formulas: readonly ProposedFormula[];
  /** Printed figure columns no formula was found for (综合得分 from an unprinted scoring). */
  readonly unexplained: readonly { readonly column: number; readonly why: string }[];
  /** Rank columns and the figure each ranks (absent when the table has none). */
  readonly ranks?: readonly RankRule[];
  /** Each total row's check against the rows it closes (`closes`), and its rates from its own counts. */
  readonly totals: readonly {
    readonly row: number;
    readonly columnsChecked: number;
    readonly wrong: readonly number[];
  }[];
  readonly discrepancies: readonly StructuredDiscrepancy[];
  /** Printed figures checked (formula cells + total cells + ranks) and how many matched. */
  readonly figuresChecked: number;
  readonly figuresMatched: number;
  /** Printed figures not checked (no formula, zero denominator, a previous period's column). */
  readonly notChecked: number;
}
