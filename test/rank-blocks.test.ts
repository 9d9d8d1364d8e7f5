import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../src/evaluation/analyze';

/**
 * 排名 in a table with 下属单位: top-level units are ranked among themselves, each parent's
 * sub-units among themselves. company-score: 综合得分 = 结案率×40% + 按期结案率×30% +
 * 一次完成率×30%, rates over 总案件数 (capped).
 * 甲集团 20/19/19/1 → 95; 乙集团 10/10/5/0 → 40 + 15 + 30 = 85; 甲一 10/10/10/0 → 100;
 * 甲二 10/9/9/1 → 90; 乙一 as 乙集团 → 85.
 */
describe('ranks with 下属单位', () => {
  it('ranks each parent’s sub-units within their block', () => {
    const a = analyzeWorkbook(
      [
        {
          name: 'S',
          values: [
            ['企业名称', '', '总案件数', '结案数', '按期结案数', '返工数', '排名'],
            ['甲集团', '', 20, 19, 19, 1, 1],
            ['下属单位', '甲一', 10, 10, 10, 0, 1],
            ['下属单位', '甲二', 10, 9, 9, 1, 2],
            ['乙集团', '', 10, 10, 5, 0, 2],
            ['下属单位', '乙一', 10, 10, 5, 0, 1],
          ],
        },
      ],
      { scheme: 'company-score' },
    );
    expect(a.units.map((u) => [u.name, u.figures.排名])).toEqual([
      ['甲集团', 1],
      ['甲一', 1],
      ['甲二', 2],
      ['乙集团', 2],
      ['乙一', 1],
    ]);
    // The printed ranks are those: nothing flagged (the parents' counts are their blocks' sums).
    expect(a.discrepancies).toEqual([]);
  });
});
