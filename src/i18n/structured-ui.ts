/**
 * [issue 16] How the tables Tongbao read from their own layout are described: the CLI's summary,
 * the JSON's messages, the panes' list. Kept out of the main catalog (the panes load it only when
 * such a table is shown); zh-CN first, English as the fallback.
 */

export interface StructuredStrings {
  /** The heading of the section: n tables read from their layout. */
  readonly heading: (tables: number) => string;
  /** Why these tables are described apart and what is (not) done with them. */
  readonly explain: string;
  /** The command line only, when no scheme reads the workbook: how to keep the formulas. */
  readonly schemeHint: string;
  /** “各县市区办理情况”（工作表“2024年第二季度”A1）：12 个单位 */
  readonly tableLine: (title: string, sheet: string, cell: string, units: number) => string;
  readonly untitled: string;
  /** Units with their parents: “市城管执法直属一大队 下 5 个”. */
  readonly parentsLine: (parents: readonly { name: string; units: number }[]) => string;
  /** A printed column no formula reproduces. */
  readonly unexplained: (label: string, why: string) => string;
  /** Other formulas that fit as many rows: the choice is said. */
  readonly alternatives: (list: readonly string[]) => string;
  readonly formulaWrong: (unit: string, label: string, printed: string, expected: string) => string;
  readonly totalWrong: (total: string, label: string, printed: string, expected: string) => string;
  readonly rankWrong: (unit: string, label: string, printed: string, expected: string) => string;
  /** The audit line for one table. */
  readonly audit: (checked: number, matched: number, wrong: number, notChecked: number) => string;
  /** What the reader was unsure of, at a cell. */
  readonly uncertain: (what: string) => string;
  /** The button saving a table's formulas as a scheme file, and why it is off. */
  readonly saveScheme: string;
  readonly noScheme: string;
  /** The file name of the saved scheme. */
  readonly schemeFile: (title: string) => string;
  /** The kinds, for the JSON's `kind` text. */
  readonly kinds: { readonly formula: string; readonly total: string; readonly rank: string };
}

export const structuredZhCN: StructuredStrings = {
  heading: (n) => `按表格自身推得公式核对的表 ${n} 张`,
  explain:
    '评价方案中没有这些表格（或这些列）的计算公式：Tongbao 从表格本身找出每个比率列的公式（分子、分母、小数位和舍入方式），逐行核对表中数值，并核对合计行；只核对，不写入复核列，也不据此生成排名段落。',
  schemeHint:
    '可用 tongbao scheme <工作簿.xlsx> 把这些公式保存为方案文件，核对无误后用 --scheme 选用。',
  tableLine: (title, sheet, cell, units) => `“${title}”（工作表“${sheet}”${cell}）：${units} 行`,
  untitled: '无标题表格',
  parentsLine: (parents) =>
    `上级单位：${parents.map((p) => `${p.name}（下属 ${p.units} 个）`).join('、')}`,
  unexplained: (label, why) => `“${label}”未核对：${why}`,
  alternatives: (list) => `其他吻合的公式：${list.join('；')}（请确认所用公式）`,
  formulaWrong: (unit, label, printed, expected) =>
    `${unit} ${label}：表中为 ${printed}，按公式为 ${expected}`,
  totalWrong: (total, label, printed, expected) =>
    `${total} ${label}：表中为 ${printed}，所属各行之和为 ${expected}`,
  rankWrong: (unit, label, printed, expected) =>
    `${unit} ${label}：表中为 ${printed}，按分值应为 ${expected}`,
  audit: (checked, matched, wrong, notChecked) =>
    checked === 0
      ? `未核对任何数值${notChecked > 0 ? `（${notChecked} 个数值无法核对）` : ''}`
      : `已核对 ${checked} 个数值，${wrong === 0 ? '全部一致' : `${matched} 个一致，${wrong} 处不符`}${notChecked > 0 ? `；另有 ${notChecked} 个数值未核对` : ''}`,
  uncertain: (what) => `读取时不能确定：${what}`,
  saveScheme: '保存为方案文件',
  noScheme: '此表没有可写入方案的比率公式',
  schemeFile: (title) => `${title}-方案.json`,
  kinds: { formula: '计算值与公式不符', total: '合计与所属各行之和不符', rank: '排名与分值不符' },
};

export const structuredEnUS: StructuredStrings = {
  heading: (n) => `${n} table(s) checked with formulas found from the table itself`,
  explain:
    'The scheme has no formula for these tables (or columns): Tongbao found from each table the formula of every rate column (numerator, denominator, decimals, rounding), checked every row and the total rows. They are only checked: no review columns are written and no ranking paragraphs are built from them.',
  schemeHint:
    'Save these formulas as a scheme file with `tongbao scheme <workbook.xlsx>` and use it with --scheme once checked.',
  tableLine: (title, sheet, cell, units) => `“${title}” (sheet “${sheet}” ${cell}): ${units} rows`,
  untitled: 'untitled table',
  parentsLine: (parents) =>
    `Parents: ${parents.map((p) => `${p.name} (${p.units} units)`).join(', ')}`,
  unexplained: (label, why) => `“${label}” not checked: ${why}`,
  alternatives: (list) => `Other formulas that fit: ${list.join('; ')} (please confirm)`,
  formulaWrong: (unit, label, printed, expected) =>
    `${unit} ${label}: printed ${printed}, the formula gives ${expected}`,
  totalWrong: (total, label, printed, expected) =>
    `${total} ${label}: printed ${printed}, its rows add up to ${expected}`,
  rankWrong: (unit, label, printed, expected) =>
    `${unit} ${label}: printed ${printed}, by the figure it should be ${expected}`,
  audit: (checked, matched, wrong, notChecked) =>
    checked === 0
      ? `No figure checked${notChecked > 0 ? ` (${notChecked} could not be)` : ''}`
      : `${checked} figures checked, ${wrong === 0 ? 'all agree' : `${matched} agree, ${wrong} differ`}${notChecked > 0 ? `; ${notChecked} not checked` : ''}`,
  uncertain: (what) => `Uncertain: ${what}`,
  saveScheme: 'Save as a scheme file',
  noScheme: 'No rate formula of this table can go into a scheme',
  schemeFile: (title) => `${title}-scheme.json`,
  kinds: {
    formula: 'figure differs from its formula',
    total: 'total differs from its rows',
    rank: 'rank differs from the figure',
  },
};
