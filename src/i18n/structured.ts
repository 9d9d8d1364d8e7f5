/**
 * [issue 16] What the formula proposal says: the statement of each formula found from a table
 * (“办结率 = 已办结 / 总件数 ×100%，四舍五入到1%，13行中13行吻合”), its alternatives, and why a
 * printed column has none. Kept out of the main catalog: only the code that reads a table by its
 * own layout loads it, so the panes' first paint does not carry it. zh-CN first, English fallback.
 */
import type { ProposedRounding } from '../evaluation/structured-types';

export interface ProposeStrings {
  /** 四舍五入, 去尾…: the rounding modes' names. */
  readonly modes: { readonly [K in ProposedRounding]: string };
  /** “四舍五入到0.01%”, “四舍五入取整”, “去尾到1%”. */
  readonly rounding: (mode: ProposedRounding, decimals: number, percent: boolean) => string;
  /** “15行中15行吻合”. */
  readonly fit: (checked: number, fitting: number) => string;
  /** Rows not checkable because the denominator is 0. */
  readonly zeroRows: (rows: number) => string;
  /** The value of a column in a total row: “合计行的数量”. */
  readonly ofRow: (row: string, column: string) => string;
  /** The parts of a statement joined: “A，B，C”. */
  readonly join: (parts: readonly string[]) => string;
  /** “×100%” after a rate printed as a percentage. */
  readonly percent: string;
  /** A rank rule: “排名：按总分从高到低排（并列同名次）”. */
  readonly rank: (column: string, by: string, order: 'desc' | 'asc') => string;
  /** Ranks continuing another block: “名次从3起（接续另一栏）”. */
  readonly rankOffset: (first: number) => string;
  /** An alternative the header names but that fits fewer rows. */
  readonly byNames: (formula: string, fit: string) => string;
  /** Alternatives left unlisted. */
  readonly more: (count: number) => string;
  /** Rounding modes that fit as many rows as the one chosen. */
  readonly alsoRounding: (modes: string) => string;
  readonly why: {
    readonly previous: string;
    readonly lastYear: string;
    readonly changeNoBase: string;
    readonly noCounts: string;
    readonly tooFew: (rows: number) => string;
    readonly bestFit: (formula: string, checked: number, fitting: number) => string;
    readonly noFit: string;
    readonly score: string;
    readonly shareOutside: (low: string, high: string) => string;
    readonly rankNoFit: string;
  };
}

const PRECISION = (decimals: number, percent: boolean): string =>
  decimals <= 0 ? (percent ? '1%' : '1') : `0.${'0'.repeat(decimals - 1)}1${percent ? '%' : ''}`;

export const proposeZhCN: ProposeStrings = {
  modes: { halfUp: '四舍五入', halfEven: '四舍六入五成双', down: '去尾', up: '进一' },
  rounding: (mode, decimals, percent) =>
    decimals <= 0 && !percent
      ? `${proposeZhCN.modes[mode]}取整`
      : `${proposeZhCN.modes[mode]}到${PRECISION(decimals, percent)}`,
  fit: (checked, fitting) => `${checked}行中${fitting}行吻合`,
  zeroRows: (rows) => `另有${rows}行分母为0，未核对`,
  ofRow: (row, column) => `${row}行的${column}`,
  join: (parts) => parts.join('，'),
  percent: ' ×100%',
  rank: (column, by, order) =>
    `${column}：按${by}${order === 'desc' ? '从高到低' : '从低到高'}排（并列同名次）`,
  rankOffset: (first) => `名次从${first}起（接续另一栏）`,
  byNames: (formula, fit) => `按表头应为 ${formula}（${fit}）`,
  more: (count) => `另有${count}个`,
  alsoRounding: (modes) => `按${modes}同样吻合`,
  why: {
    previous: '上期的数值：表中没有上期的件数，无法核对',
    lastYear: '去年同期的数值：表中没有去年同期的件数，无法核对',
    changeNoBase: '需要上期（或去年同期）的件数，表中没有，无法核对',
    noCounts: '表中没有可用来计算它的件数列',
    tooFew: (rows) => `可核对的行太少（${rows}行），不能确定公式`,
    bestFit: (formula, checked, fitting) =>
      `没有找到足够吻合的公式：最接近的 ${formula}，${checked}行中只有${fitting}行吻合`,
    noFit: '没有找到吻合的公式',
    score: '得分的计算方法（各项及权重）不在表中',
    shareOutside: (low, high) =>
      low === high
        ? `分母不在表中：按各行推算为${low}（可能是正文中的总数）`
        : `分母不在表中：按各行推算在${low}至${high}之间（可能是正文中的总数）`,
    rankNoFit: '排名与表中任何一列数值的顺序都不一致，无法核对',
  },
};

export const proposeEnUS: ProposeStrings = {
  modes: { halfUp: 'half up', halfEven: 'half even', down: 'truncated', up: 'rounded up' },
  rounding: (mode, decimals, percent) =>
    decimals <= 0 && !percent
      ? `${proposeEnUS.modes[mode]} to a whole number`
      : `${proposeEnUS.modes[mode]} to ${PRECISION(decimals, percent)}`,
  fit: (checked, fitting) => `fits ${fitting} of ${checked} rows`,
  zeroRows: (rows) => `${rows} row(s) with a zero denominator not checked`,
  ofRow: (row, column) => `${column} of the ${row} row`,
  join: (parts) => parts.join(', '),
  percent: ' ×100%',
  rank: (column, by, order) =>
    `${column}: ranked by ${by}, ${order === 'desc' ? 'highest' : 'lowest'} first (ties share a rank)`,
  rankOffset: (first) => `ranks start at ${first} (continuing another block)`,
  byNames: (formula, fit) => `the header suggests ${formula} (${fit})`,
  more: (count) => `${count} more`,
  alsoRounding: (modes) => `${modes} fits as well`,
  why: {
    previous: "last period's figure: last period's counts are not in the table",
    lastYear: "last year's figure: last year's counts are not in the table",
    changeNoBase: "needs last period's (or last year's) counts, which are not in the table",
    noCounts: 'no count column in the table to compute it from',
    tooFew: (rows) => `too few rows to check (${rows}) to tell the formula`,
    bestFit: (formula, checked, fitting) =>
      `no formula fits clearly: the closest, ${formula}, fits ${fitting} of ${checked} rows`,
    noFit: 'no formula fits',
    score: 'how the score is computed (its parts and weights) is not in the table',
    shareOutside: (low, high) =>
      low === high
        ? `the denominator is not in the table: from the rows it is ${low} (perhaps a total in the text)`
        : `the denominator is not in the table: from the rows it lies between ${low} and ${high} (perhaps a total in the text)`,
    rankNoFit: 'the ranks follow the order of no column in the table',
  },
};
