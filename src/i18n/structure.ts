/**
 * [issue 16] What the structure reader (`src/tables/structure.ts`) says it was unsure of, or
 * why it read no table: the `what` of each `uncertain` entry and of each diagnostic. zh-CN is
 * the users' language; en-US the fallback.
 */
export interface StructureMessages {
  /** Two text columns both look like unit names: the one read is said. */
  readonly twoNameColumns: (chosen: string, other: string) => string;
  /** A row with no total word equals the sum of the rows below it: read as their total. */
  readonly totalFromData: (name: string, rows: number) => string;
  /** A rate column under a “(%)” header whose numbers are all ≤ 1: read as printed. */
  readonly percentAsPrinted: (label: string) => string;
  /** Bare numbers in a column printed with % signs: read as percentages as printed (said once). */
  readonly bareInPercentColumn: (label: string, text: string) => string;
  /** A row with figures but no name: not read as a unit. */
  readonly rowWithoutName: string;
  /** A name cell merged down over several rows: each row read under the same name. */
  readonly nameMergedDown: (name: string) => string;
  /** The same unit twice in one table. */
  readonly duplicateUnit: (name: string) => string;
  /** A row with a name but no figure at the table's end: read as a unit with empty cells. */
  readonly unitWithoutFigures: (name: string) => string;
  /**
   * Parent names carried down an unmerged column (its empty cells take the name above): said
   * once per column, at the first such cell.
   */
  readonly parentCarried: (parent: string, name: string) => string;
  /** A lone label inside a table (一、城区): read as the parent of the rows under it. */
  readonly sectionLabel: (label: string) => string;
  /** A total row whose sum closes no row of the table. */
  readonly totalClosesNothing: (name: string) => string;
  /** A total that leaves some rows out by its own words (合计（不含高新区）): not checked. */
  readonly partialTotal: (name: string) => string;
  /** Diagnostic: label | value pairs (受理数 | 51571), not a table of units. */
  readonly labelValue: string;
  /** Diagnostic: rows by month or week (月份 | 受理数 …), summary figures over time. */
  readonly periodRows: string;
  /** Diagnostic: a header and figures but no column of names. */
  readonly noNameColumn: string;
  /** Diagnostic: rows of figures with no header above them. */
  readonly noHeader: string;
}

export const structureZhCN: StructureMessages = {
  twoNameColumns: (chosen, other) =>
    `“${chosen}”列和“${other}”列都像单位名称，按“${chosen}”列读取单位`,
  totalFromData: (name, rows) => `“${name}”一行等于其下 ${rows} 行之和，按合计行读取`,
  percentAsPrinted: (label) =>
    `“${label}”列的数值都不大于 1，按表头“(%)”读作百分数本身（如 0.88 即 0.88%）`,
  bareInPercentColumn: (label, text) =>
    `“${label}”列其他单元格带“%”，此单元格“${text}”不带，按百分数 ${text}% 读取（此列其他不带“%”的数同样处理）`,
  rowWithoutName: '此行有数值但没有单位名称，未作为单位读取',
  nameMergedDown: (name) => `单位名称“${name}”向下合并了多行，各行都按此名称读取`,
  duplicateUnit: (name) => `单位“${name}”在表中出现不止一次`,
  unitWithoutFigures: (name) => `表格末行“${name}”没有数值，按无数据的单位读取`,
  parentCarried: (parent, name) => `“${name}”的上级单位单元格为空且未合并，沿用上一行的“${parent}”`,
  sectionLabel: (label) =>
    `表内单独一行的“${label}”按分组标题读取，其下各行以它为上级（其他分组标题同样处理）`,
  totalClosesNothing: (name) => `“${name}”行找不到它所合计的行`,
  partialTotal: (name) => `“${name}”只合计其中一部分行，无法确定是哪些行，未核对这一合计`,
  labelValue: '此处是“指标｜数值”成对排列的汇总数据，不是单位表，未按单位读取',
  periodRows: '此处各行按月份（时间）排列，是汇总数据，不是单位表，未按单位读取',
  noNameColumn: '此表有表头和数值，但没有单位名称列，未按单位表读取',
  noHeader: '这些数值上方没有表头，未读取',
};

export const structureEnUS: StructureMessages = {
  twoNameColumns: (chosen, other) =>
    `Both “${chosen}” and “${other}” look like unit names; units read from “${chosen}”`,
  totalFromData: (name, rows) =>
    `“${name}” equals the sum of the ${rows} rows below it: read as their total`,
  percentAsPrinted: (label) =>
    `“${label}”: every number is at most 1; read as percentages as printed (0.88 is 0.88%) by the “(%)” header`,
  bareInPercentColumn: (label, text) =>
    `“${label}”: the other cells carry “%”, this one (“${text}”) does not; read as ${text}% (and so for the column's other bare numbers)`,
  rowWithoutName: 'A row with figures but no unit name: not read as a unit',
  nameMergedDown: (name) =>
    `The unit name “${name}” is merged down over several rows; each row read under it`,
  duplicateUnit: (name) => `The unit “${name}” appears more than once in the table`,
  unitWithoutFigures: (name) =>
    `The last row “${name}” has no figures: read as a unit with empty cells`,
  parentCarried: (parent, name) =>
    `The parent cell of “${name}” is empty and not merged: “${parent}” carried down from the row above (and so for the other empty cells of the column)`,
  sectionLabel: (label) =>
    `“${label}”, alone on a row inside the table, read as a group label: the parent of the rows under it (and so for the other group labels)`,
  totalClosesNothing: (name) => `No rows found for the total “${name}” to close`,
  partialTotal: (name) =>
    `“${name}” totals only some of the rows, which cannot be told for sure: this total is not checked`,
  labelValue: 'Label | value pairs of summary figures, not a table of units: not read as units',
  periodRows:
    'Rows by month (or week): summary figures over time, not a table of units; not read as units',
  noNameColumn: 'A header and figures but no column of unit names: not read as a table of units',
  noHeader: 'Figures with no header above them: not read',
};
