import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../src/core/grid';
import { analyzeWorkbook, auditSummary, reasonText } from '../src/evaluation/analyze';
import type { ProposedFormula } from '../src/evaluation/structured-types';
import { zhCN } from '../src/i18n/catalog';
import { toEvaluationJson } from '../src/report/json';
import { compileFigures, computeFigures } from '../src/scheme/compute';
import { schemeFromProposal } from '../src/scheme/from-proposal';
import { compileScheme, type RateDef } from '../src/scheme/scheme';
import type {
  StructCell,
  StructColumn,
  StructRow,
  StructTable,
} from '../src/tables/structure-types';

/**
 * Issue #16, scope 4 (the scheme side): a rate's numerator and denominator may be sums and
 * differences of counts; rates round 去尾 and 进一 as well as 四舍五入; a 合计/小计 row's
 * printed rates are recomputed from its own counts; and a scheme file is written from the
 * formulas Tongbao proposes for a table. Every expected figure is worked out by hand beside it.
 */

// ─── A 12345 table with sums, a difference, truncation and rounding up ─────────────────

/**
 * 办结率 = (按时办结数 + 超时办结数) / 派遣数, 2 decimals, 四舍五入 (a sum, written as a list);
 * 满意率 = (回访数 − 不满意数) / 回访数, whole percent, 去尾 (a difference, with coefficients);
 * 超时率 = 超时办结数 / (按时办结数 + 超时办结数), 1 decimal, 进一 (a sum as the denominator).
 */
const HOTLINE = {
  name: '某市12345工单',
  part: 'hotline',
  counts: ['派遣数', '按时办结数', '超时办结数', '回访数', '不满意数'],
  figures: [
    {
      kind: 'rate',
      key: '办结率',
      numerator: ['按时办结数', '超时办结数'],
      denominator: '派遣数',
    },
    {
      kind: 'rate',
      key: '满意率',
      numerator: { 回访数: 1, 不满意数: -1 },
      denominator: '回访数',
      decimals: 0,
      rounding: 'down',
    },
    {
      kind: 'rate',
      key: '超时率',
      numerator: '超时办结数',
      denominator: { 按时办结数: 1, 超时办结数: 1 },
      decimals: 1,
      rounding: 'up',
    },
  ],
};

const HEADER = ['单位', '派遣数', '按时办结数', '超时办结数', '回访数', '不满意数'];
const RATES = ['办结率(%)', '满意率(%)', '超时率(%)'];

function hotlineSheet(rows: CellValue[][]) {
  return analyzeWorkbook([{ name: '8月', values: [[...HEADER, ...RATES], ...rows] }], {
    scheme: HOTLINE as never,
  });
}

describe('a rate over sums and differences of counts', () => {
  // A区: 办结率 115/120 = 95.833…% → 95.83; 满意率 86/90 = 95.55…% → 95 (去尾; 四舍五入 96);
  //      超时率 15/115 = 13.043…% → 13.1 (进一; 四舍五入 13.0).
  // B区: 200/200 = 100.00; 149/150 = 99.33…% → 99; 20/200 = 10% exactly → 10.0.
  // C区: 66/75 = 88.00; 51/60 = 85% → 85 (printed 86: wrong); 16/66 = 24.24…% → 24.3.
  // 合计: 395 = 120 + 200 + 75, 330, 51, 300, 14; 办结率 381/395 = 96.455…% → 96.46 (printed
  //      96.45: wrong); 满意率 286/300 = 95.33…% → 95; 超时率 51/381 = 13.385…% → 13.4.
  const rows: CellValue[][] = [
    ['A区', 120, 100, 15, 90, 4, 95.83, 95, 13.1],
    ['B区', 200, 180, 20, 150, 1, 100, 99, 10],
    ['C区', 75, 50, 16, 60, 9, 88, 86, 24.3],
    ['合计', 395, 330, 51, 300, 14, 96.45, 95, 13.4],
  ];

  it('computes each unit exactly and flags the two misprints, one of them on the 合计 row', () => {
    const a = hotlineSheet(rows);
    const out = toEvaluationJson(a);
    expect(out.units.map((u) => [u.name, u.figures])).toEqual([
      ['A区', { 办结率: 95.83, 满意率: 95, 超时率: 13.1 }],
      ['B区', { 办结率: 100, 满意率: 99, 超时率: 10 }],
      ['C区', { 办结率: 88, 满意率: 85, 超时率: 24.3 }],
    ]);
    expect(
      out.discrepancies.map((d) => [d.cell, d.unit, d.field, d.printed, d.recomputed]),
    ).toEqual([
      ['H4', 'C区', '满意率', 86, 85],
      ['G5', '合计', '办结率', 96.45, 96.46],
    ]);
    // 3 units × 3 rates, and the 合计's 3 rates from its own counts: 12 checked, 2 wrong.
    expect(a.checked[0]).toMatchObject({
      figures: 12,
      matched: 10,
      discrepancies: 2,
      notChecked: 0,
    });
    expect(out.diagnostics.map((d) => d.code)).toEqual(['totalRowSkipped']);
  });

  it('is the README’s example, which compiles to the same formulas', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('#### 分子、分母可以是几个计数列相加或相减'));
    const block = /```jsonc\n([\s\S]*?)```/.exec(section)![1]!;
    // JSON with comments and trailing commas, as the README writes it.
    const example: unknown = JSON.parse(
      block.replace(/\/\/[^\n]*/g, '').replace(/,(\s*[}\]])/g, '$1'),
    );
    expect(compileScheme(example).figures).toEqual(compileScheme(HOTLINE).figures);
  });

  it('the three ways to write a side give the same figures', () => {
    const asObjects = {
      ...HOTLINE,
      figures: [
        { ...HOTLINE.figures[0], numerator: { 按时办结数: 1, 超时办结数: 1 } },
        HOTLINE.figures[1],
        { ...HOTLINE.figures[2], denominator: ['按时办结数', '超时办结数'] },
      ],
    };
    const a = analyzeWorkbook([{ name: '8月', values: [[...HEADER, ...RATES], ...rows] }], {
      scheme: asObjects as never,
    });
    expect(a.units.map((u) => u.figures)).toEqual(hotlineSheet(rows).units.map((u) => u.figures));
  });

  it('a difference below 0 is a data error, said as a negative count is', () => {
    // D区: 回访数 5, 不满意数 7: 回访数 − 不满意数 = −2.
    const a = hotlineSheet([rows[0]!, ['D区', 10, 8, 1, 5, 7, '', '', '']]);
    const out = toEvaluationJson(a);
    expect(out.units.map((u) => [u.name, u.evaluated, u.reason])).toEqual([
      ['A区', true, null],
      ['D区', false, 'invalidData'],
    ]);
    expect(out.diagnostics).toEqual([
      {
        sheet: '8月',
        cell: 'E3',
        severity: 'error',
        code: 'negative',
        message: '“D区”的“回访数－不满意数”为负数（-2），未参加评价',
      },
    ]);
  });

  it('a sum denominator of 0 is named as the sum', () => {
    const scheme = { ...HOTLINE, figures: [HOTLINE.figures[2]] };
    const a = analyzeWorkbook(
      [
        {
          name: '8月',
          values: [
            ['单位', '按时办结数', '超时办结数', '超时率'],
            ['E区', 0, 0, ''],
          ],
        },
      ],
      { scheme: scheme as never },
    );
    expect(toEvaluationJson(a).diagnostics.map((d) => [d.cell, d.message])).toEqual([
      ['B2', '“E区”的“按时办结数＋超时办结数”为0，不参加评价'],
    ]);
    expect(reasonText(a.scheme, zhCN.reasons, 'nothingToEvaluate')).toBe(
      '按时办结数＋超时办结数为0',
    );
  });

  it('without a check, a sum over a sum may pass 100 %; a capped one prints 100 %', () => {
    const scheme = {
      name: '封顶',
      counts: ['受理数', '办结数', '转办数'],
      figures: [
        { kind: 'rate', key: '处理率', numerator: ['办结数', '转办数'], denominator: '受理数' },
        {
          kind: 'rate',
          key: '处理率封顶',
          numerator: ['办结数', '转办数'],
          denominator: '受理数',
          cap: true,
        },
      ],
    };
    // (8 + 5) / 10 = 130 %; capped: 100 %.
    const a = analyzeWorkbook(
      [
        {
          name: 'S',
          values: [
            ['单位', '受理数', '办结数', '转办数'],
            ['F区', 10, 8, 5],
          ],
        },
      ],
      { scheme: scheme as never },
    );
    expect(a.units[0]!.figures).toEqual({ 处理率: 13000, 处理率封顶: 10000 });
  });

  it('stays exact where a sum of large counts passes 2^53 once scaled', () => {
    // 10 counts of 10^9 (the largest a cell may hold) over 3: 10^10 / 3 × 100 at 4 decimals =
    // 333333333333.3333…% → 3333333333333333 (四舍五入), 3333333333333334 (进一): the float
    // product 10^10 × 10^6 = 10^16 is past 2^53, so this is the BigInt path.
    const names = Array.from({ length: 10 }, (_, i) => `项${i + 1}`);
    const rate = (rounding: string) => ({
      kind: 'rate',
      key: `比率${rounding}`,
      numerator: names,
      denominator: '基数',
      decimals: 4,
      rounding,
    });
    const compiled = compileFigures(
      compileScheme({
        name: '大数',
        counts: [...names, '基数'],
        figures: [rate('halfUp'), rate('up'), rate('down')],
      }),
    );
    const counts: Record<string, number> = {
      ...Object.fromEntries(names.map((n) => [n, 1e9] as const)),
      基数: 3,
    };
    expect(computeFigures(compiled, counts, () => true).values).toEqual({
      比率halfUp: 3333333333333333,
      比率up: 3333333333333334,
      比率down: 3333333333333333,
    });
    // Over 1: 10^16 (> 2^53): not kept, rather than kept inexactly.
    const huge = computeFigures(compiled, { ...counts, 基数: 1 }, () => true);
    expect(huge.values.比率halfUp).toBeNull();
    expect(huge.why.比率halfUp).toBe('input');
  });
});

// ─── Total rows: their rates from their own counts ─────────────────────────────────────

describe('a 合计/小计 row’s printed rates are recomputed from its own counts', () => {
  const scheme = {
    name: '区县',
    counts: ['应结案数', '结案数'],
    figures: [
      { kind: 'rate', key: '结案率', numerator: '结案数', denominator: '应结案数' },
      {
        kind: 'index',
        key: '得分',
        terms: [{ figure: '结案率', weight: 1 }],
      },
    ],
  };

  it('a 小计 and a 合计 are checked by their own counts; an index on them is not', () => {
    // 小计: 95/100 = 95.00 (printed 95: right); 合计: 285/300 = 95.00 (printed 94.5: wrong);
    // their 得分 (an index) are counted as not checked.
    const a = analyzeWorkbook(
      [
        {
          name: 'S',
          values: [
            ['单位', '应结案数', '结案数', '结案率', '得分'],
            ['甲', 100, 95, 95, 95],
            ['小计', 100, 95, 95, 95],
            ['乙', 200, 190, 95, 95],
            ['合计', 300, 285, 94.5, 95],
          ],
        },
      ],
      { scheme: scheme as never },
    );
    expect(a.discrepancies.map((d) => [d.kind, d.cell, d.unit, d.field, d.recomputed])).toEqual([
      ['computed', 'D5', '合计', '结案率', 9500],
    ]);
    // Units: 2 × 2 figures; totals: 2 rates checked, 2 indexes not.
    expect(a.checked[0]).toMatchObject({ figures: 6, matched: 5, discrepancies: 1, notChecked: 2 });
    expect(zhCN.ui.audit(auditSummary(a))).toContain('另有 2 个计算值未核对');
  });

  it('a total row whose count cannot be read leaves its rate unchecked', () => {
    const a = analyzeWorkbook(
      [
        {
          name: 'S',
          values: [
            ['单位', '应结案数', '结案数', '结案率'],
            ['甲', 100, 95, 95],
            ['合计', '—', 95, 90],
          ],
        },
      ],
      { scheme: { ...scheme, figures: [scheme.figures[0]] } as never },
    );
    expect(a.discrepancies).toEqual([]);
    expect(a.checked[0]).toMatchObject({ figures: 1, matched: 1, notChecked: 1 });
  });
});

// ─── A scheme file from a proposal ─────────────────────────────────────────────────────

/** A column as the structure reader gives it. */
function column(
  col: number,
  path: string[],
  role: StructColumn['role'] = 'figure',
  extra: Partial<StructColumn> = {},
): StructColumn {
  return {
    col,
    path,
    label: [...new Set(path)].join('/'),
    role,
    time: 'current',
    percent: false,
    ...extra,
  };
}

const num = (scaled: number, decimals = 0, percent = false): StructCell => ({
  kind: 'number',
  value: {
    scaled,
    decimals,
    percent,
    text: percent ? `${scaled / 10 ** decimals}%` : String(scaled / 10 ** decimals),
  },
});

/**
 * A two-row header: 单位 | 工单办理 (派遣数 按时办结 超时办结 未办结) | 办结率(%) | 满意度
 * (回访数 不满意数 满意率) | 上月 (派遣数). 办结率 is printed in whole percents, truncated;
 * 满意率 as a plain ratio at 4 decimals.
 */
const COLUMNS: StructColumn[] = [
  column(0, ['单位', '单位'], 'name'),
  column(1, ['工单办理', '派遣数']),
  column(2, ['工单办理', '按时办结']),
  column(3, ['工单办理', '超时办结']),
  column(4, ['工单办理', '未办结']),
  column(5, ['办结率(%)', '办结率(%)'], 'figure', { percent: true }),
  column(6, ['满意度', '回访数']),
  column(7, ['满意度', '不满意数']),
  column(8, ['满意度', '满意率']),
  column(9, ['上月', '派遣数'], 'figure', { time: 'previous' }),
];

// A: 按时 100 + 超时 15 = 115 of 120 → 95.83% → 95 (去尾); (90 − 4)/90 = 0.95555… → 0.9556.
// B: 200 of 200 → 100; 149/150 = 0.99333… → 0.9933.
// C: 66 of 75 → 88 (printed 89: the row the formula does not fit); 51/60 → 0.85.
// 合计: 381 of 395 → 96.455…% → 96; 286/300 = 0.95333… → 0.9533.
const DATA: [string, StructRow['kind'], number[], number, number][] = [
  ['A区', 'unit', [120, 100, 15, 5, 90, 4, 118], 95, 9556],
  ['B区', 'unit', [200, 180, 20, 0, 150, 1, 190], 100, 9933],
  ['C区', 'unit', [75, 50, 16, 9, 60, 9, 80], 89, 8500],
  ['合计', 'total', [395, 330, 51, 14, 300, 14, 388], 96, 9533],
];

const TABLE: StructTable = {
  sheet: '8月',
  title: '各区12345工单办理情况',
  anchor: 'A1',
  headerTop: 1,
  headerRows: 2,
  firstCol: 0,
  lastCol: 9,
  columns: COLUMNS,
  rows: DATA.map(([name, kind, c, rate, ratio], i): StructRow => ({
    gridRow: 3 + i,
    name,
    parents: [],
    kind,
    closes: kind === 'total' ? [0, 1, 2] : [],
    cells: [
      { kind: 'text', text: name },
      ...c.slice(0, 4).map((v) => num(v)),
      num(rate, 0, true),
      num(c[4]!),
      num(c[5]!),
      num(ratio, 4),
      num(c[6]!),
    ],
  })),
  endRow: 7,
  notes: [],
  uncertain: [],
};

const FORMULAS: ProposedFormula[] = [
  {
    column: 1,
    kind: 'sum',
    numerator: [
      { column: 2, coef: 1 },
      { column: 3, coef: 1 },
      { column: 4, coef: 1 },
    ],
    denominator: null,
    scale: 1,
    decimals: 0,
    rounding: 'halfUp',
    checked: [0, 1, 2, 3],
    fitting: [0, 1, 2, 3],
    basis: 'search',
    alternatives: [],
    statement: '派遣数 = 按时办结 + 超时办结 + 未办结，4行中4行吻合',
  },
  {
    column: 5,
    kind: 'rate',
    numerator: [
      { column: 2, coef: 1 },
      { column: 3, coef: 1 },
    ],
    denominator: [{ column: 1, coef: 1 }],
    scale: 100,
    decimals: 0,
    rounding: 'down',
    checked: [0, 1, 2, 3],
    fitting: [0, 1, 3],
    basis: 'search',
    alternatives: [],
    statement: '办结率 = (按时办结 + 超时办结) / 派遣数，去尾到1%，4行中3行吻合',
  },
  {
    column: 8,
    kind: 'rate',
    numerator: [
      { column: 6, coef: 1 },
      { column: 7, coef: -1 },
    ],
    denominator: [{ column: 6, coef: 1 }],
    scale: 1,
    decimals: 4,
    rounding: 'halfUp',
    checked: [0, 1, 2, 3],
    fitting: [0, 1, 2, 3],
    basis: 'search',
    alternatives: [],
    statement: '满意率 = (回访数 − 不满意数) / 回访数，四舍五入到0.0001，4行中4行吻合',
  },
];

describe('schemeFromProposal', () => {
  const proposed = schemeFromProposal(TABLE, FORMULAS)!;
  // As saved to a file and read back.
  const saved: unknown = JSON.parse(JSON.stringify(proposed));

  it('writes counts by their labels, the name column, each rate with its terms, decimals and rounding', () => {
    expect(saved).toEqual({
      name: '各区12345工单办理情况（从表格推断的方案）',
      counts: [
        { key: '工单办理/派遣数', headers: ['工单办理派遣数', '派遣数'] },
        { key: '工单办理/按时办结', headers: ['工单办理按时办结', '按时办结'] },
        { key: '工单办理/超时办结', headers: ['工单办理超时办结', '超时办结'] },
        { key: '满意度/回访数', headers: ['满意度回访数', '回访数'] },
        { key: '满意度/不满意数', headers: ['满意度不满意数', '不满意数'] },
      ],
      names: ['单位'],
      figures: [
        {
          kind: 'rate',
          key: '办结率',
          // “办结率(%)” is read as 办结率: no other spelling needed.
          numerator: ['工单办理/按时办结', '工单办理/超时办结'],
          denominator: '工单办理/派遣数',
          decimals: 0,
          rounding: 'down',
          comment: FORMULAS[1]!.statement,
        },
        {
          kind: 'rate',
          key: '满意度/满意率',
          headers: ['满意度满意率', '满意率'],
          numerator: { '满意度/回访数': 1, '满意度/不满意数': -1 },
          denominator: '满意度/回访数',
          // 0.9556 at 4 decimals is 95.56 % at 2.
          decimals: 2,
          rounding: 'halfUp',
          comment: FORMULAS[2]!.statement,
        },
      ],
      comment: [
        '派遣数 = 按时办结 + 超时办结 + 未办结，4行中4行吻合——方案只能核对“不大于”，不能核对两数相等，这一关系未写入方案',
      ],
    });
  });

  it('validates, and computes what the proposal says on every row it fits', () => {
    const scheme = compileScheme(saved);
    const compiled = compileFigures(scheme);
    const colOf = (key: string) =>
      COLUMNS.findIndex((c) => c.label === key || c.label.replace(/\(%\)$/, '') === key);
    TABLE.rows.forEach((row, r) => {
      const counts = Object.fromEntries(
        scheme.counts.map((c) => {
          const cell = row.cells[colOf(c.key)]!;
          return [c.key, cell.kind === 'number' ? cell.value.scaled : undefined];
        }),
      );
      const values = computeFigures(compiled, counts, () => true).values;
      for (const f of FORMULAS.filter((x) => x.kind === 'rate')) {
        const def = scheme.figures.find((x) => colOf(x.key) === f.column) as RateDef;
        const cell = row.cells[f.column]!;
        if (cell.kind !== 'number') throw new Error('a printed number');
        // The printed value in percent at the figure's decimals (a plain ratio: 2 fewer).
        const shift = def.decimals - (cell.value.decimals - (cell.value.percent ? 0 : 2));
        const printed = cell.value.scaled * 10 ** shift;
        if (f.fitting.includes(r)) expect(values[def.key], `${row.name} ${def.key}`).toBe(printed);
        else expect(values[def.key], `${row.name} ${def.key}`).not.toBe(printed);
      }
    });
  });

  it('read with the scheme, the sheet gives the proposal’s figures and its one misfit', () => {
    // The table as a sheet prints it: a title, two header rows (单位 merged down over both,
    // 工单办理 and 满意度 across their columns, 办结率(%) in the lower one), the 合计 below the
    // units. (A figure header merged down from the upper row is not seen by the scheme's table
    // reader, src/tables/detect.ts, which takes its labels from one row: not this file's matter.)
    const grid: CellValue[][] = [
      ['各区12345工单办理情况'],
      ['单位', '工单办理', '', '', '', '', '满意度', '', '', '上月'],
      [
        '',
        '派遣数',
        '按时办结',
        '超时办结',
        '未办结',
        '办结率(%)',
        '回访数',
        '不满意数',
        '满意率',
        '派遣数',
      ],
      ...DATA.map(([name, , c, rate, ratio]) => [
        name,
        ...c.slice(0, 4),
        rate,
        c[4]!,
        c[5]!,
        ratio / 10000,
        c[6]!,
      ]),
    ];
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 9 },
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 1, left: 6, bottom: 1, right: 8 },
    ];
    const a = analyzeWorkbook([{ name: '8月', values: grid, merges }], { scheme: saved as never });
    const out = toEvaluationJson(a);
    expect(out.units.map((u) => [u.name, u.figures])).toEqual([
      ['A区', { 办结率: 95, '满意度/满意率': 95.56 }],
      ['B区', { 办结率: 100, '满意度/满意率': 99.33 }],
      ['C区', { 办结率: 88, '满意度/满意率': 85 }],
    ]);
    // C区's printed 89 is the one misfit; the 合计's rates (96, 0.9533) are right.
    expect(
      out.discrepancies.map((d) => [d.cell, d.unit, d.field, d.printed, d.recomputed]),
    ).toEqual([['F6', 'C区', '办结率', 89, 88]]);
    expect(a.checked[0]).toMatchObject({ figures: 8, matched: 7, discrepancies: 1 });
  });

  it('leaves out what a scheme cannot say, and says so', () => {
    // A ratio printed at 1 decimal (0.9) is not a percentage with decimals; a formula over a
    // printed rate column is not over counts.
    const coarse: ProposedFormula = { ...FORMULAS[2]!, decimals: 1, statement: '满意率（1位）' };
    const overRate: ProposedFormula = {
      ...FORMULAS[1]!,
      numerator: [{ column: 8, coef: 1 }],
      statement: '办结率 = 满意率 / 派遣数',
    };
    expect(schemeFromProposal(TABLE, [coarse])).toBeNull();
    const s = schemeFromProposal(TABLE, [FORMULAS[1]!, { ...overRate, column: 5 }, coarse])!;
    expect(s.figures.map((f) => f.key)).toEqual(['办结率']);
    expect(s.comment).toEqual([
      '“办结率(%)”未写入方案（公式用到另一个比率列，方案只能用计数列）：办结率 = 满意率 / 派遣数',
      '“满意度/满意率”未写入方案（比值只印到 1 位小数，方案的比率以百分数计，至少要 2 位）：满意率（1位）',
    ]);
    expect(() => compileScheme(JSON.parse(JSON.stringify(s)))).not.toThrow();
  });
});
