import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { buildPreviousSampleWorkbook, buildSampleWorkbook } from '../scripts/sample-workbook';

describe('the bundled sample workbook', () => {
  it('is what scripts/build-sample.ts builds from the seed (rebuild it with npm run sample)', async () => {
    const committed = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
    const built = await readWorkbookGrids(
      new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer()),
    );
    expect(committed).toEqual(built);
  });

  it('2017-07.xlsx is what the builder makes of the seed and JULY_CHANGES', async () => {
    const committed = await readWorkbookGrids(await readFile('samples/2017-07.xlsx'));
    const built = await readWorkbookGrids(
      new Uint8Array(await buildPreviousSampleWorkbook().xlsx.writeBuffer()),
    );
    expect(committed).toEqual(built);
    expect(committed.map((g) => g.name)).toEqual([
      '各区政府',
      '各县(市)政府',
      '市直单位',
      '在榕中央及省属企业',
      '市属企业',
      '通报数据', // July's summary figures: the 通报数据 template filled in (src/summary)
    ]);
  });

  it('keeps the staff layout: merged 下属单位 label, merged 本月无应处置案件, 备注 rows', async () => {
    const [, sheet] = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
    const values = sheet!.values;
    const rowOf = (text: string) => values.findIndex((r) => r.some((v) => v === text));
    const firstChild = rowOf('本委');
    expect(values[firstChild]![0]).toBe('下属单位');
    expect(values[firstChild + 1]![0]).toBeNull(); // under the merged label, as office.js reads it
    expect(sheet!.merges).toContainEqual({
      top: firstChild,
      left: 0,
      bottom: firstChild + 1,
      right: 0,
    });
    const idle = rowOf('市渣土办');
    expect(values[idle]!.slice(2, 4)).toEqual(['本月无应处置案件', null]);
    expect(
      values.some((r) => typeof r[0] === 'string' && r[0].startsWith('备注：中石油福州分公司')),
    ).toBe(true);
  });
});
