/**
 * [issue 16] A table as its layout says, before any scheme: where its title, header rows, unit
 * names (with their parents), figure columns and 合计/小计/总计 rows are, and what each printed
 * cell holds as an exact decimal. The structure reader (`structure.ts`) fills it from a grid
 * with no vocabulary of counts; the proposal (`../scheme/propose.ts`) finds, for each printed
 * rate, the formula over the count columns that reproduces it; `../evaluation/structured.ts`
 * checks every printed figure and total with it. Nothing here depends on Fuzhou's columns.
 */

import type { PrintedNumber, StructCell } from '../core/printed';

/** The printed number and cell types live with their reader, in core (`../core/printed.ts`). */
export type { PrintedNumber, StructCell };

/**
 * What a column holds. `name`: the unit names; `parent`: the names of the units' parents (a
 * merged first column, 市城管执法直属一大队 over its 中队); `serial`: 序号; `figure`: numbers
 * (counts, rates, scores, ranks); `text`: anything else (备注).
 */
export type ColumnRole = 'name' | 'parent' | 'serial' | 'figure' | 'text';

/**
 * Which period a figure column is about: this period's (the default), last period's (上期, 上月,
 * 6月 beside 7月), last year's (去年同期, 同比 base), or a change between them (环比, 增减, 幅度,
 * “↓22.21%”). Only `current` columns are this period's figures.
 */
export type ColumnTime = 'current' | 'previous' | 'lastYear' | 'change';

export interface StructColumn {
  /** 0-based grid column. */
  readonly col: number;
  /** The header texts from the top header row down (a merged group label repeated), spaces removed. */
  readonly path: readonly string[];
  /** The header as one label: the path's distinct parts joined with “/” (“7月完成情况/完成数”). */
  readonly label: string;
  readonly role: ColumnRole;
  readonly time: ColumnTime;
  /** Its numbers are percentages (printed with %, or fractions ≤ 1 under a …率/占比 header). */
  readonly percent: boolean;
}

export type StructRowKind = 'unit' | 'total';

export interface StructRow {
  /** 0-based grid row. */
  readonly gridRow: number;
  /** The unit's name (spaces removed), or the total's label (“合计”, “小计”, “总计”). */
  readonly name: string;
  /** Parent names, outermost first (“市城管执法直属一大队”); [] for a top-level unit. */
  readonly parents: readonly string[];
  readonly kind: StructRowKind;
  /**
   * For a total row: the indices (into `rows`) of the rows it sums — its group's units for a
   * per-parent 合计/小计, every top-level row (units and group totals, never both for the same
   * units) for a 总计. [] for a unit.
   */
  readonly closes: readonly number[];
  /** One cell per entry of `columns`, same order. */
  readonly cells: readonly StructCell[];
}

export interface StructTable {
  readonly sheet: string;
  /** The table's own title as printed (“(一)汇总表”), or null when none is above the header. */
  readonly title: string | null;
  /** A1 address of the title cell, or of the first header cell when there is no title. */
  readonly anchor: string;
  /** 0-based grid rows of the header: first row and how many. */
  readonly headerTop: number;
  readonly headerRows: number;
  /** Grid columns the table spans (side-by-side blocks are separate tables). */
  readonly firstCol: number;
  readonly lastCol: number;
  readonly columns: readonly StructColumn[];
  readonly rows: readonly StructRow[];
  /** First grid row after the table (notes excluded). */
  readonly endRow: number;
  /** Note lines printed under the table (“注：…”). */
  readonly notes: readonly string[];
  /**
   * What the reader was unsure of, each with the cell and what it chose (two candidate name
   * columns, a row that may be a header repeated, a merge that may be a parent): said, never silent.
   */
  readonly uncertain: readonly { readonly cell: string; readonly what: string }[];
}
