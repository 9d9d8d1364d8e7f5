import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../src/evaluation/analyze';

/**
 * The unit-name column is found by its header, never taken from a column of numbers: a
 * table whose only candidate is a 序号 column or a count is not read as units named “1”, “2”.
 */
describe('the unit-name column', () => {
  const rows = [
    [1, 842, 832, 800],
    [2, 655, 650, 640],
  ];
  it('is never a 序号 column of numbers', () => {
    const a = analyzeWorkbook(
      [{ name: 'S', values: [['序号', '应结案数', '结案数', '按期结案数'], ...rows] }],
      { scheme: 'district-rates' },
    );
    expect(a.units.map((u) => u.name)).toEqual([]);
  });
  it('is found by its header wherever it is (城区 after 序号)', () => {
    const a = analyzeWorkbook(
      [
        {
          name: 'S',
          values: [
            ['序号', '城区', '应结案数', '结案数', '按期结案数'],
            [1, '鼓楼区', 842, 832, 800],
            [2, '台江区', 655, 650, 640],
          ],
        },
      ],
      { scheme: 'district-rates' },
    );
    expect(a.units.map((u) => u.name)).toEqual(['鼓楼区', '台江区']);
    // 832 / 842 = 98.8123… → 98.81; 650 / 655 = 99.2366… → 99.24.
    expect(a.units.map((u) => u.figures.结案率)).toEqual([9881, 9924]);
  });
});
