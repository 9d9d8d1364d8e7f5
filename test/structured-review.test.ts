/**
 * [issue 16] What a second read of the layout reader and the proposal found, each pinned by the
 * input that showed it (every expected figure worked out by hand in the comments).
 */
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetGrid } from '../src/core/grid';
import { analyzeWorkbook } from '../src/evaluation/analyze';

const sheet = (values: CellValue[][], origin?: { row: number; col: number }): SheetGrid[] => [
  { name: '本月', values, ...(origin ? { origin } : {}) },
];

const TABLE: CellValue[][] = [
  ['各单位完成情况'],
  ['单位', '派遣数', '完成数', '完成率'],
  ['甲', 10, 9, '90%'],
  ['乙', 20, 19, '96%'], // 19 / 20 = 95 %: the misprint
  ['丙', 30, 30, '100%'],
  ['丁', 40, 38, '95%'],
  ['合计', 100, 96, '96%'], // 10 + 20 + 30 + 40 = 100, 9 + 19 + 30 + 38 = 96, 96 / 100 = 96 %
];

const flagged = (grids: SheetGrid[]) =>
  (analyzeWorkbook(grids).structured ?? []).flatMap((c) =>
    c.discrepancies.map((d) => `${d.cell} ${d.printed}→${d.expected}`),
  );

describe('a second read of the tables read from their layout', () => {
  it('names the sheet’s cell when the grid does not start at A1 (the add-in reads from the first used cell)', () => {
    expect(flagged(sheet(TABLE))).toEqual(['D4 96%→95%']);
    // The same table starting at C4: 乙's 完成率 is F7.
    expect(flagged(sheet(TABLE, { row: 3, col: 2 }))).toEqual(['F7 96%→95%']);
  });

  it('a member whose count is text (“100件”) leaves the 合计 unchecked in that column: no false alarm', () => {
    const rows = TABLE.map((r) => [...r]);
    rows[2] = ['甲', '10件', '9件', '90%'];
    const a = analyzeWorkbook(sheet(rows));
    const found = (a.structured ?? []).flatMap((c) => c.discrepancies.map((d) => d.kind));
    expect(found).not.toContain('total');
    expect(flagged(sheet(rows))).toEqual(['D4 96%→95%']);
  });

  it('a 合计 that says it leaves a unit out is checked against no rows, and said', () => {
    const rows: CellValue[][] = [
      ...TABLE.slice(0, 6),
      ['高新区', 50, 45, '90%'],
      ['合计（不含高新区）', 100, 96, '96%'],
    ];
    const a = analyzeWorkbook(sheet(rows));
    const check = a.structured![0]!;
    expect(check.discrepancies.map((d) => d.kind)).toEqual(['formula']);
    expect(check.table.uncertain.map((u) => u.what)).toContain(
      '“合计（不含高新区）”只合计其中一部分行，无法确定是哪些行，未核对这一合计',
    );
  });

  it('a rank against unrounded scores (a formula result shown with 2 decimals) says the right rank', () => {
    // Sorted: 97.25, 95.5, 93.4567…, 92.75, 91.1234…, 90.5, 89.25, 88.0000000001 — 连江县's
    // 89.25 is 7th, printed 1st.
    const scores: [string, number, number][] = [
      ['鼓楼区', 95.5, 2],
      ['台江区', 93.4567890123457, 3],
      ['仓山区', 91.123456789012, 5],
      ['晋安区', 97.25, 1],
      ['马尾区', 88.0000000001, 8],
      ['长乐区', 90.5, 6],
      ['闽侯县', 92.75, 4],
      ['连江县', 89.25, 1],
    ];
    const rows: CellValue[][] = [['各区县得分'], ['单位', '得分', '排名'], ...scores];
    const ranks = (analyzeWorkbook(sheet(rows)).structured ?? []).flatMap((c) =>
      c.discrepancies
        .filter((d) => d.kind === 'rank')
        .map((d) => `${d.cell} ${d.printed}→${d.expected}`),
    );
    expect(ranks).toEqual(['C10 1→7']);
  });

  it('a table of 100 count columns is searched within a test’s time (single counts only) and says what it found', () => {
    const header = ['单位', ...Array.from({ length: 100 }, (_, i) => `项目${i + 1}数`), '完成率'];
    const rows: CellValue[][] = [['宽表'], header];
    for (let r = 0; r < 30; r++) {
      const counts = Array.from({ length: 100 }, (_, i) => (r + 1) * (i + 7) + r * i * i);
      // 完成率 = 项目2数 / 项目3数 in every row (single counts: found even in a wide table).
      const rate = `${((100 * counts[1]!) / (counts[2]! || 1)).toFixed(0)}%`;
      rows.push([`单位${r + 1}`, ...counts, counts[2] === 0 ? '' : rate]);
    }
    const check = analyzeWorkbook(sheet(rows)).structured![0]!;
    const f = check.formulas.find((x) => check.table.columns[x.column]!.label === '完成率');
    expect(f?.statement).toContain('完成率 = 项目2数 / 项目3数');
  }, 60_000);
});
