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

describe('a scheme of 12345 诉求件 (hotline-dispatch)', () => {
  it('ranks them under the 12345 part, as 诉求件, not as 数字城管 cases', async () => {
    const { buildNarrative, narrativeText } = await import('../src/narrative/build');
    const a = analyzeWorkbook(
      [
        {
          name: 'S',
          values: [
            ['各单位派遣办理情况'],
            ['承办单位', '派遣数', '按时办结数', '超时办结数', '回访数', '不满意数'],
            ['市城管委', 200, 190, 10, 100, 3],
            ['市建委', 100, 99, 1, 50, 0],
          ],
        },
      ],
      { scheme: 'hotline-dispatch' },
    );
    const text = narrativeText(buildNarrative(a));
    // 190/200 = 95%, 99/100 = 99%.
    expect(text).toContain('【（一）12345平台运行情况】');
    expect(text).toContain('（1）从诉求件按时办结率看，');
    expect(text).toContain('按时办结率较好的为市建委（99%）');
    expect(text).not.toContain('数字城管');
  });
});

describe('a 12345 scheme in a workbook with summary tables', () => {
  it('places its ranking under （一）12345平台, once, with no third part', async () => {
    const { readFile } = await import('node:fs/promises');
    const { readWorkbookGrids } = await import('../src/io/xlsx-read');
    const { buildNarrative, narrativeText } = await import('../src/narrative/build');
    const grids = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
    const dispatch = {
      name: '派遣',
      values: [
        ['承办单位', '派遣数', '按时办结数', '超时办结数', '回访数', '不满意数'],
        ['市城管委', 200, 190, 10, 100, 3],
        ['市建委', 100, 99, 1, 50, 0],
      ],
    };
    const a = analyzeWorkbook([...grids, dispatch], { scheme: 'hotline-dispatch' });
    const text = narrativeText(buildNarrative(a));
    const headings = text.split('\n').filter((l) => /^【（[一二三四]）/.test(l));
    expect(headings).toEqual(['【（一）12345平台运行情况】', '【（二）数字城管系统运行情况】']);
    expect(text.indexOf('从诉求件按时办结率看')).toBeLessThan(text.indexOf('【（二）'));
  });
});

describe('why a unit is not evaluated, in the scheme’s words', async () => {
  const { reasonText } = await import('../src/evaluation/analyze');
  const { zhCN } = await import('../src/i18n/catalog');
  it('names the count that is 0 as the scheme names it', () => {
    const a = analyzeWorkbook(
      [
        {
          name: 'S',
          values: [
            ['企业名称', '总案件数', '结案数', '按期结案数', '返工数'],
            ['甲公司', 10, 10, 9, 1],
            ['丁公司', 0, 0, 0, 0],
          ],
        },
      ],
      { scheme: 'company-score' },
    );
    const d = a.units.find((u) => u.name === '丁公司')!;
    expect(d.evaluated).toBe(false);
    expect(reasonText(a.scheme, zhCN.reasons, d.reason)).toBe('总案件数为0');
    // The default scheme keeps the bulletin's own words.
    const fuzhou = analyzeWorkbook([
      { name: 'S', values: [['单位', '应处置数', '处置数', '返工数']] },
    ]);
    expect(reasonText(fuzhou.scheme, zhCN.reasons, 'nothingToEvaluate')).toBe(
      '应处置数或应结案数为0',
    );
  });
});
