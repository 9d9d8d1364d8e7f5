/**
 * [issue 16] The formula proposal and the structured check on small tables of our own: each
 * test plants what a clerk would see (a misprint, a truncated rate, a wrong 小计) and asserts
 * where Tongbao says it is. The printed values are worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { checkStructured } from '../src/evaluation/structured';
import { proposeEnUS } from '../src/i18n/structured';
import { proposeFormulas } from '../src/scheme/propose';
import type { StructTable } from '../src/tables/structure-types';
import { makeTable } from './helpers/struct-from-corpus';

const col = (t: StructTable, label: string) => t.columns.findIndex((c) => c.label === label);
const formulaOf = (t: StructTable, label: string) => {
  const f = proposeFormulas(t).formulas.find((x) => x.column === col(t, label));
  if (!f) throw new Error(`no formula for ${label}`);
  return f;
};
const labels = (t: StructTable, cols: readonly { column: number }[]) =>
  cols.map((x) => t.columns[x.column]!.label).sort();

describe('makeTable (the unit tests’ builder)', () => {
  it('reads printed strings as exact numbers and the header words as periods', () => {
    const t = makeTable({
      header: [['单位', '7月受理数', '6月受理数', '上期结案率', '环比', '结案率']],
      rows: [['甲', '1,0', '12', '97%', '↓22.21%', '89.45%']],
      period: '2024年7月',
    });
    expect(t.columns.map((c) => c.time)).toEqual([
      'current',
      'current',
      'previous',
      'previous',
      'change',
      'current',
    ]);
    expect(t.rows[0]!.cells[1]).toEqual({ kind: 'text', text: '1,0' });
    expect(t.rows[0]!.cells[4]).toMatchObject({
      kind: 'number',
      value: { scaled: -2221, decimals: 2, percent: true },
    });
    expect(t.columns[5]!.percent).toBe(true);
  });
});

describe('proposeFormulas: a rate and its misprint', () => {
  // 结案率 = 结案数 / 应结案数, every value exact: 190/200 = 95%, 398/400 = 99.5%, 15/16 = 93.75%…
  const rows = [
    ['A', '200', '190', '95.00%'],
    ['B', '400', '398', '99.50%'],
    ['C', '80', '72', '90.00%'],
    ['D', '50', '49', '98.00%'],
    ['E', '125', '120', '96.00%'],
    ['F', '16', '15', '93.75%'],
    ['G', '250', '240', '96%'], // “96%” in a column printed at 2 decimals is 96.00
    ['H', '40', '39', '97.05%'], // planted: 39/40 = 97.50%
    ['I', '20', '19', '95.00%'],
    ['J', '8', '7', '87.50%'],
  ];
  const table = makeTable({ header: [['单位', '应结案数', '结案数', '结案率']], rows });

  it('states the formula with the rows it fits, named by the header', () => {
    const f = formulaOf(table, '结案率');
    expect(f.kind).toBe('rate');
    expect(labels(table, f.numerator)).toEqual(['结案数']);
    expect(labels(table, f.denominator!)).toEqual(['应结案数']);
    expect(f.scale).toBe(100);
    expect(f.decimals).toBe(2);
    expect(f.basis).toBe('names');
    expect(f.checked).toHaveLength(10);
    expect(f.fitting).toHaveLength(9);
    expect(f.statement).toBe('结案率 = 结案数 / 应结案数 ×100%，四舍五入到0.01%，10行中9行吻合');
  });

  it('finds the planted misprint at its cell, printed and recomputed in the column’s form', () => {
    const check = checkStructured(table);
    expect(check.discrepancies).toEqual([
      { kind: 'formula', cell: 'D9', row: 7, column: 3, printed: '97.05%', expected: '97.50%' },
    ]);
    // the ten rates are the figures; the counts are the data they start from
    expect(check.figuresChecked).toBe(10);
    expect(check.figuresMatched).toBe(9);
    expect(check.notChecked).toBe(0);
  });

  it('speaks English when asked', () => {
    const f = proposeFormulas(table, proposeEnUS).formulas[0]!;
    expect(f.statement).toBe(
      '结案率 = 结案数 / 应结案数 ×100%, half up to 0.01%, fits 9 of 10 rows',
    );
  });
});

describe('proposeFormulas: the rounding told from the rows', () => {
  // 2/3 = 66.67 (66.66 truncated), 1/6 = 16.67 (16.66), 1/7 = 14.29 (14.28), 2/9 = 22.22,
  // 3/11 = 27.27 (27.27), 7/12 = 58.33
  const counts = [
    ['3', '2'],
    ['6', '1'],
    ['7', '1'],
    ['9', '2'],
    ['11', '3'],
    ['12', '7'],
  ];
  const build = (printed: readonly string[]) =>
    makeTable({
      header: [['单位', '任务数', '完成数', '完成率']],
      rows: counts.map(([d, n], i) => [`单位${i}`, d!, n!, printed[i]!]),
    });

  it('truncation (去尾) when the rows print 66.66%', () => {
    const t = build(['66.66%', '16.66%', '14.28%', '22.22%', '27.27%', '58.33%']);
    const f = formulaOf(t, '完成率');
    expect(f.rounding).toBe('down');
    expect(f.fitting).toHaveLength(6);
    expect(f.statement).toContain('去尾到0.01%');
    expect(checkStructured(t).discrepancies).toEqual([]);
  });

  it('half-up (四舍五入) when the same rows print 66.67%', () => {
    const t = build(['66.67%', '16.67%', '14.29%', '22.22%', '27.27%', '58.33%']);
    const f = formulaOf(t, '完成率');
    expect(f.rounding).toBe('halfUp');
    expect(f.fitting).toHaveLength(6);
    expect(checkStructured(t).discrepancies).toEqual([]);
  });

  it('half-even apart from half-up on exact halves (1/8 = 12.5% → 12%, 5/8 → 62%)', () => {
    const t = makeTable({
      header: [['单位', '任务数', '完成数', '完成率']],
      rows: [
        ['甲', '8', '1', '12%'],
        ['乙', '8', '5', '62%'],
        ['丙', '8', '3', '38%'],
        ['丁', '16', '2', '12%'],
      ],
    });
    const f = formulaOf(t, '完成率');
    expect(f.rounding).toBe('halfEven');
    expect(f.fitting).toHaveLength(4);
  });

  it('compares exactly where binary floating point would not (29/200 = 14.5% → 15%)', () => {
    // in doubles 29 / 200 × 100 is 14.499999999999998, which rounds to 14
    expect(Math.round((29 / 200) * 100)).toBe(14);
    // half-up: 14.5 → 15, 12.5 → 13, 2.5 → 3, 66.67 → 67, 33.33 → 33 (half-even: 14, 12, 2;
    // rounding up: 34 for 33.33)
    const t = makeTable({
      header: [['单位', '任务数', '完成数', '完成率']],
      rows: [
        ['甲', '200', '29', '15%'],
        ['乙', '8', '1', '13%'],
        ['丙', '40', '1', '3%'],
        ['丁', '3', '2', '67%'],
        ['戊', '3', '1', '33%'],
      ],
    });
    const f = formulaOf(t, '完成率');
    expect(f.rounding).toBe('halfUp');
    expect(f.fitting).toEqual([0, 1, 2, 3, 4]);
    expect(f.alternatives).toEqual([]);
  });
});

describe('proposeFormulas: numerators of more than one count', () => {
  it('a sum (按时 + 超时 办结), the difference that equals it said as an alternative', () => {
    // 结案率 = (按时 + 超时) / 派遣: (80+10)/100 = 90%, (45+3)/50 = 96%, (30+0)/40 = 75%, (18+1)/20 = 95%
    const t = makeTable({
      header: [['单位', '派遣数', '按时办结数', '超时办结数', '未办结数', '结案率']],
      rows: [
        ['甲', '100', '80', '10', '10', '90%'],
        ['乙', '50', '45', '3', '2', '96%'],
        ['丙', '40', '30', '0', '10', '75%'],
        ['丁', '20', '18', '1', '1', '95%'],
      ],
    });
    const f = formulaOf(t, '结案率');
    expect(labels(t, f.numerator)).toEqual(['按时办结数', '超时办结数']);
    expect(f.numerator.every((x) => x.coef === 1)).toBe(true);
    expect(labels(t, f.denominator!)).toEqual(['派遣数']);
    expect(f.alternatives).toContain('(派遣数 - 未办结数) / 派遣数 ×100%');
  });

  it('a difference (受理 − 未结) when no 结案数 is printed', () => {
    // (120−6)/120 = 95%, (50−1)/50 = 98%, (80−8)/80 = 90%, (64−2)/64 = 96.875% → 96.9%
    const t = makeTable({
      header: [['单位', '受理数', '未结数', '结案率']],
      rows: [
        ['甲', '120', '6', '95.0%'],
        ['乙', '50', '1', '98.0%'],
        ['丙', '80', '8', '90.0%'],
        ['丁', '64', '2', '96.9%'],
      ],
    });
    const f = formulaOf(t, '结案率');
    expect(f.numerator.map((x) => [t.columns[x.column]!.label, x.coef])).toEqual([
      ['受理数', 1],
      ['未结数', -1],
    ]);
    expect(labels(t, f.denominator!)).toEqual(['受理数']);
    expect(f.basis).toBe('search');
    expect(f.decimals).toBe(1);
  });

  it('a count that is the sum of two others, with a planted misprint in it', () => {
    // 派遣数 = 完成数 + 未完成数 in every row but 戊 (printed 31, 25 + 5 = 30)
    const rows = [
      ['甲', '12', '10', '2'],
      ['乙', '7', '7', '0'],
      ['丙', '20', '15', '5'],
      ['丁', '9', '8', '1'],
      ['戊', '31', '25', '5'],
      ['己', '14', '11', '3'],
      ['庚', '3', '2', '1'],
      ['辛', '40', '33', '7'],
      ['壬', '6', '6', '0'],
    ];
    const t = makeTable({ header: [['单位', '派遣数', '完成数', '未完成数']], rows });
    const f = formulaOf(t, '派遣数');
    expect(f.kind).toBe('sum');
    expect(f.denominator).toBeNull();
    expect(labels(t, f.numerator)).toEqual(['完成数', '未完成数']);
    expect(f.statement).toBe('派遣数 = 完成数 + 未完成数，9行中8行吻合');
    const check = checkStructured(t);
    expect(check.discrepancies).toEqual([
      { kind: 'formula', cell: 'B6', row: 4, column: 1, printed: '31', expected: '30' },
    ]);
  });

  it('no sum proposed when two small columns add up by chance in most rows only', () => {
    // 丙 = 甲 + 乙 in 4 of the 5 rows: too few rows for a miss to be a misprint
    const t = makeTable({
      header: [['单位', '丙', '甲', '乙']],
      rows: [
        ['A', '3', '1', '2'],
        ['B', '5', '2', '3'],
        ['C', '4', '4', '0'],
        ['D', '7', '3', '4'],
        ['E', '9', '2', '2'],
      ],
    });
    expect(proposeFormulas(t).formulas).toEqual([]);
    expect(checkStructured(t).discrepancies).toEqual([]);
  });
});

describe('proposeFormulas: what the rows cannot settle', () => {
  it('an ambiguous column: two denominators equal in every row, the other said as an alternative', () => {
    const t = makeTable({
      header: [['单位', '受理量', '登记量', '处理量', '比值']],
      rows: [
        ['甲', '50', '50', '45', '90%'],
        ['乙', '80', '80', '76', '95%'],
        ['丙', '25', '25', '24', '96%'],
        ['丁', '40', '40', '30', '75%'],
      ],
    });
    const f = formulaOf(t, '比值');
    expect(labels(t, f.numerator)).toEqual(['处理量']);
    const den = labels(t, f.denominator!)[0]!;
    const other = den === '受理量' ? '登记量' : '受理量';
    expect(['受理量', '登记量']).toContain(den);
    expect(f.alternatives).toContain(`处理量 / ${other} ×100%`);
  });

  it('a zero denominator: not checked, counted, and said in the statement', () => {
    const t = makeTable({
      header: [['单位', '应结案数', '结案数', '结案率']],
      rows: [
        ['甲', '20', '19', '95%'],
        ['乙', '0', '0', '0%'],
        ['丙', '50', '49', '98%'],
        ['丁', '4', '3', '75%'],
      ],
    });
    const f = formulaOf(t, '结案率');
    expect(f.checked).toEqual([0, 2, 3]);
    expect(f.statement).toContain('另有1行分母为0，未核对');
    const check = checkStructured(t);
    expect(check.discrepancies).toEqual([]);
    expect(check.figuresChecked).toBe(3);
    expect(check.notChecked).toBe(1);
  });

  it('a rate no formula fits clearly is unexplained, with the closest formula and its fit', () => {
    // 比率 = 乙 / 甲 in 3 of 5 rows only (60 % < 80 %), and the header does not name it
    const t = makeTable({
      header: [['单位', '甲', '乙', '比率']],
      rows: [
        ['A', '10', '9', '90%'],
        ['B', '20', '19', '95%'],
        ['C', '50', '40', '80%'],
        ['D', '8', '2', '50%'],
        ['E', '30', '3', '70%'],
      ],
    });
    const p = proposeFormulas(t);
    expect(p.formulas).toEqual([]);
    expect(p.unexplained).toEqual([
      {
        column: 3,
        why: '没有找到足够吻合的公式：最接近的 乙 / 甲 ×100%，5行中只有3行吻合',
      },
    ]);
    const check = checkStructured(t);
    expect(check.discrepancies).toEqual([]);
    expect(check.figuresChecked).toBe(0);
    expect(check.notChecked).toBe(5);
  });

  it('last period’s rate is unexplained and not checked; the change is checked against last month', () => {
    // 环比 = (7月 − 6月) / 6月: (110−100)/100 = 10.00%, (45−50)/50 = −10.00%, (33−30)/30 = 10.00%
    const t = makeTable({
      header: [['单位', '7月受理数', '6月受理数', '环比', '上月结案率']],
      rows: [
        ['甲', '110', '100', '↑10.00%', '98%'],
        ['乙', '45', '50', '↓10.00%', '97%'],
        ['丙', '33', '30', '10.00%', '99%'],
        ['丁', '80', '64', '25.00%', '96%'],
      ],
      period: '2024年7月',
    });
    const p = proposeFormulas(t);
    const f = p.formulas.find((x) => x.column === 3)!;
    expect(f.numerator.map((x) => [t.columns[x.column]!.label, x.coef])).toEqual([
      ['7月受理数', 1],
      ['6月受理数', -1],
    ]);
    expect(labels(t, f.denominator!)).toEqual(['6月受理数']);
    expect(p.unexplained).toEqual([{ column: 4, why: '上期的数值：表中没有上期的件数，无法核对' }]);
    const check = checkStructured(t);
    expect(check.figuresChecked).toBe(4);
    expect(check.notChecked).toBe(4);
  });
});

describe('checkStructured: totals', () => {
  // two parents, each with a 小计 over its own units, and a 合计 over the two 小计
  const rows = [
    ['一中队', '100', '95', '95%'],
    ['二中队', '50', '48', '96%'],
    ['小计', '150', '143', '95.33%'], // 143/150 = 95.333…
    ['三中队', '40', '36', '90%'],
    ['四中队', '60', '57', '95%'],
    ['小计', '110', '93', '84.55%'], // planted: the units add to 100 and 93; 93/110 = 84.545… → 84.55
    ['合计', '260', '236', '90.77%'], // over the two 小计 as printed: 150 + 110, 143 + 93; 236/260 = 90.769…
  ];
  const table = makeTable({
    header: [['单位', '应结案数', '结案数', '结案率']],
    rows,
    totals: { 2: [0, 1], 5: [3, 4], 6: [2, 5] },
    parents: {
      0: ['一大队'],
      1: ['一大队'],
      2: ['一大队'],
      3: ['二大队'],
      4: ['二大队'],
      5: ['二大队'],
    },
  });

  it('checks each 小计 against its own units only, and flags the wrong one', () => {
    const check = checkStructured(table);
    expect(check.totals).toEqual([
      { row: 2, columnsChecked: 2, wrong: [] },
      { row: 5, columnsChecked: 2, wrong: [1] },
      { row: 6, columnsChecked: 2, wrong: [] },
    ]);
    expect(check.discrepancies).toEqual([
      { kind: 'total', cell: 'B7', row: 5, column: 1, printed: '110', expected: '100' },
    ]);
  });

  it('recomputes a total’s rate from its own printed counts', () => {
    const f = formulaOf(table, '结案率');
    // every row fits, the totals included: 95.33%, 84.55%, 90.77% from their own counts
    expect(f.checked).toHaveLength(7);
    expect(f.fitting).toHaveLength(7);
    // counts of the three total rows (6) and the seven rates
    expect(checkStructured(table).figuresChecked).toBe(13);
  });

  it('a wrong 合计 rate is flagged at the total row', () => {
    const wrong = rows.map((r) => [...r]);
    wrong[6]![3] = '90.76%';
    const t = makeTable({
      header: [['单位', '应结案数', '结案数', '结案率']],
      rows: wrong,
      totals: { 2: [0, 1], 5: [3, 4], 6: [2, 5] },
    });
    const d = checkStructured(t).discrepancies.filter((x) => x.kind === 'formula');
    expect(d).toEqual([
      { kind: 'formula', cell: 'D8', row: 6, column: 3, printed: '90.76%', expected: '90.77%' },
    ]);
  });

  it('a share of the total row (占比 = 数量 / 合计的数量)', () => {
    const t = makeTable({
      header: [['类别', '数量', '占比']],
      rows: [
        ['甲', '50', '25%'],
        ['乙', '30', '15%'],
        ['丙', '120', '60%'],
        ['合计', '200', '100%'],
      ],
      totals: { 3: [0, 1, 2] },
    });
    const f = formulaOf(t, '占比');
    expect(f.denominatorRow).toBe(3);
    expect(f.fitting).toHaveLength(4);
    expect(f.statement).toBe('占比 = 数量 / 合计行的数量 ×100%，四舍五入到1%，4行中4行吻合');
  });
});

describe('checkStructured: scores and ranks', () => {
  it('a weighted score from the weights in the header, and ranks with a tie (1, 1, 3)', () => {
    // 总分 = 0.6 × 甲 + 0.4 × 乙: 0.6×90 + 0.4×80 = 86.00, 0.6×80 + 0.4×95 = 86.00,
    // 0.6×70.5 + 0.4×90 = 78.30, 0.6×99 + 0.4×60 = 83.40 (printed 83.4); ranks 1, 1, 4, 3
    const t = makeTable({
      header: [
        ['单位', '甲项得分', '乙项得分', '总分', '排名'],
        ['', '(占60%)', '(占40%)', '', ''],
      ],
      rows: [
        ['A', '90', '80', '86.00', '1'],
        ['B', '80', '95', '86.00', '2'], // planted: tied with A, so 1
        ['C', '70.5', '90', '78.30', '4'],
        ['D', '99', '60', '83.40', '3'],
      ],
    });
    const p = proposeFormulas(t);
    const f = p.formulas.find((x) => x.column === 3)!;
    expect(f.numerator.map((x) => [x.column, x.weight])).toEqual([
      [1, { scaled: 60, decimals: 2 }],
      [2, { scaled: 40, decimals: 2 }],
    ]);
    expect(f.statement).toBe(
      '总分 = 0.6×甲项得分/(占60%) + 0.4×乙项得分/(占40%)，四舍五入到0.01，4行中4行吻合',
    );
    expect(p.ranks).toHaveLength(1);
    expect(p.ranks[0]!).toMatchObject({ column: 4, by: 3, order: 'desc', offset: 0 });
    expect(checkStructured(t).discrepancies).toEqual([
      { kind: 'rank', cell: 'E4', row: 1, column: 4, printed: '2', expected: '1' },
    ]);
  });
});

describe('proposeFormulas: speed', () => {
  it('proposes a 1,000-row table with 8 counts and 4 rates well under a second', () => {
    const rows: string[][] = [];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pct = (n: number, d: number) => {
      // half-up at 2 decimals, on integers: round(n × 10000 / d)
      const q = Math.floor((n * 20000) / d + 1) >> 1;
      return `${Math.floor(q / 100)}.${String(q % 100).padStart(2, '0')}%`;
    };
    for (let i = 0; i < 1000; i++) {
      const a = 200 + rand(800);
      const b = a - rand(50);
      const c = b - rand(40);
      const d = c - rand(30);
      const e = 100 + rand(500);
      const f = e - rand(20);
      const g = rand(90);
      const h = rand(70);
      rows.push([
        `单位${i}`,
        ...[a, b, c, d, e, f, g, h].map(String),
        pct(b, a),
        pct(c, b),
        pct(d, a),
        pct(f, e),
      ]);
    }
    const t = makeTable({
      header: [
        [
          '单位',
          '受理数',
          '立案数',
          '处置数',
          '结案数',
          '应办数',
          '办结数',
          '返工数',
          '延期数',
          '立案率',
          '处置率',
          '结案率',
          '办结率',
        ],
      ],
      rows,
    });
    const start = performance.now();
    const p = proposeFormulas(t);
    const ms = performance.now() - start;
    expect(p.formulas.filter((f) => f.kind === 'rate')).toHaveLength(4);
    expect(p.formulas.every((f) => f.fitting.length === 1000)).toBe(true);
    expect(ms).toBeLessThan(1000);
  });

  it('checks a 1,000-row table whose rates are all 100% over equal columns well under a second', () => {
    // 达州's layout: 应处置数 = 处置数 = 应结案数 = 结案数 in every row: every formula over them ties
    const rows: string[][] = [];
    for (let i = 0; i < 1000; i++) {
      const v = 20 + ((i * 7) % 300);
      rows.push([`单位${i}`, `${v}`, `${v}`, '100%', '99.5%', `${v}`, `${v}`, '100%', '100.00%']);
    }
    const t = makeTable({
      header: [
        [
          '专业部门',
          '应处置数',
          '处置数',
          '处置率',
          '上期处置率',
          '应结案数',
          '结案数',
          '结案率',
          '上期结案率',
        ],
      ],
      rows,
    });
    const start = performance.now();
    const check = checkStructured(t);
    const ms = performance.now() - start;
    expect(check.formulas.map((f) => f.statement)).toEqual([
      '处置率 = 处置数 / 应处置数 ×100%，四舍五入到0.01%，1000行中1000行吻合',
      '结案率 = 结案数 / 应结案数 ×100%，四舍五入到0.01%，1000行中1000行吻合',
    ]);
    expect(check.formulas[0]!.alternatives.length).toBeGreaterThan(0);
    expect(check.figuresChecked).toBe(2000);
    expect(check.notChecked).toBe(2000);
    expect(ms).toBeLessThan(1000);
  });
});

describe('proposeFormulas: rates that share a denominator, and rows every one of them misses', () => {
  // 连云港城建's case by hand: two rows print 100.00% where 结案数 > 应结案数 (5/1, 2/1), so
  // 结案率 = 结案数 / 应结案数 misses them, and so does 按期结案率 = 按期结案数 / 应结案数 — while
  // 按期结案数 / 结案数 happens to fit them (5/5, 2/2) and one row more (4 of 5 against 3 of 5).
  const header = [['责任单位', '应结案数', '结案数', '按期结案数', '结案率', '按期结案率']];
  const rows = [
    ['甲', '1', '5', '5', '100.00%', '100.00%'],
    ['乙', '1', '2', '2', '100.00%', '100.00%'],
    ['丙', '24', '24', '24', '100.00%', '100.00%'],
    ['丁', '93', '92', '92', '98.92%', '98.92%'], // 92/93 = 98.924…
    ['戊', '164', '164', '159', '100.00%', '96.95%'], // 159/164 = 96.951…
  ];

  it('keeps the header’s numerator over the other rate’s denominator, flags the same rows in both, and names the formula that fits more', () => {
    const t = makeTable({ header, rows });
    const onTime = formulaOf(t, '按期结案率');
    expect(labels(t, onTime.numerator)).toEqual(['按期结案数']);
    expect(labels(t, onTime.denominator!)).toEqual(['应结案数']);
    expect(onTime.fitting).toEqual([2, 3, 4]);
    expect(onTime.alternatives.join('；')).toContain('按期结案数 / 结案数');
    const cells = checkStructured(t)
      .discrepancies.map((d) => `${t.columns[d.column]!.label}@${t.rows[d.row]!.name}`)
      .sort();
    expect(cells).toEqual(['按期结案率@乙', '按期结案率@甲', '结案率@乙', '结案率@甲']);
  });

  it('when the rows it misses are not the other rate’s, the formula fitting more rows is kept', () => {
    // 结案率 fits every row now (结案数 ≤ 应结案数 everywhere): nothing marks 甲 and 乙 as odd.
    const fixed = rows.map((r, i) => (i < 2 ? [r[0]!, '5', '5', '5', r[4]!, r[5]!] : r));
    fixed[1] = ['乙', '2', '2', '2', '100.00%', '100.00%'];
    fixed[3] = ['丁', '93', '92', '91', '98.92%', '98.91%']; // 91/92 = 98.913…; 91/93 = 97.85
    const t = makeTable({ header, rows: fixed });
    const onTime = formulaOf(t, '按期结案率');
    expect(labels(t, onTime.denominator!)).toEqual(['结案数']);
  });
});
