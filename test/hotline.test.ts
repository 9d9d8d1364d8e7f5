import { describe, expect, it } from 'vitest';
import type { CellValue } from '../src/core/grid';
import { reportZhCN } from '../src/i18n/report';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { buildNarrative, narrativeText } from '../src/narrative/build';

const departments: CellValue[][] = [
  ['(一) 12345平台市直部门（单位）诉求件受理情况表'],
  ['责任单位', '受理', '群众满意度'],
  ['福州市公安局交通警察支队', 300, 1],
  ['福州市“智慧福州”管理服务中心', 500, 1],
  ['福州市水务投资发展有限公司', '93', 0.9677],
  ['福州市教育局', 100, 1],
];
const districts: CellValue[][] = [
  ['(二) 12345平台县（市）区诉求件受理情况表'],
  [' 责任单位 ', '受理（件次）', '满意率'],
  ['仓山区', 1000, 0.9977],
  ['罗源县', 7, 0.9966],
];
const transfers: CellValue[][] = [
  ['(三) 12345平台诉求转接电话接听情况表'],
  [...reportZhCN.transferHeader],
  ['晋安区市容局', 200, 180, 20, 200, 0, '90.00%', '100.00%'],
  ['鼓楼区市容局', 100, 100, 0, 97, 3, '100.00%', '97.00%'],
];

const analysis = analyzeWorkbook([
  { name: '12345', values: [...departments, [], ...districts, [], ...transfers] },
]);
const text = narrativeText(buildNarrative(analysis));

describe('12345 tables', () => {
  it('are found by their headers, with satisfaction kept as Excel percentages read as percent', () => {
    expect(analysis.hotline.map((t) => [t.kind, t.rows.length])).toEqual([
      ['departments', 4],
      ['districts', 2],
      ['transfers', 2],
    ]);
    expect(analysis.hotline[0]!.rows.map((r) => r.satisfaction)).toEqual([
      10000, 10000, 9677, 10000,
    ]);
    expect(analysis.diagnostics.filter((d) => d.code === 'noTableOnSheet')).toEqual([]);
  });

  it('leave the center out of the named lists but count it in totals and 等N家', () => {
    // 300 + 100 + 93 of 2000 件次 (departments 993 with the center, districts 1007) = 24.65 %
    expect(text).toContain(
      '办理数量较多的市直单位为：福州市公安局交通警察支队300件次，福州市教育局100件次，福州市水务投资发展有限公司93件次，占诉求件总数的24.65%。',
    );
    expect(text).not.toContain('智慧福州”管理服务中心500件次');
    expect(text).toContain(
      '满意度较高的市直单位是：福州市公安局交通警察支队、福州市教育局等3家单位，满意度均为100%',
    );
  });

  it('list the units whose 接通率 or 及时反馈率 is below 100%', () => {
    expect(text).toContain(
      '本月，12345平台诉求转接电话接通率未达100%的单位是：晋安区市容局（90%）；及时反馈率未达100%的单位是：鼓楼区市容局（97%）。其中，受理量较多的单位是：晋安区市容局200件、鼓楼区市容局100件，占转接总数的100%。',
    );
  });
});
