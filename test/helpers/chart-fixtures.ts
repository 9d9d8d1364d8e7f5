import { measureChartSpecs } from '../../src/charts/index-chart';
import type { Block, ReportModel } from '../../src/report/model';
import type { ChartSpec } from '../../src/summary/chart-spec';

/**
 * Made-up figures shaped like the bulletin's (the seed's 12345 totals: 35275 诉求件, of which
 * 城乡建设类 11939, 交通环保类 3761, 政法类 2707; 投诉 25884, 咨询 7224; 数字城管 73894 cases,
 * 事件 68234 and 部件 5660): the four summary charts and one of 综合指标值.
 */
export const SUMMARY_CHARTS: readonly ChartSpec[] = [
  {
    id: 'channels-types',
    title: '受理渠道及类型对比',
    kind: 'bar',
    categories: ['投诉', '咨询', '求助', '建议', '表扬'],
    series: [
      { name: '本月', values: [25884, 7224, 1390, 512, 265] },
      { name: '上月', values: [24310, 7702, 1205, 498, 301] },
    ],
    unit: '件',
  },
  {
    id: 'hotline-categories',
    title: '各类诉求件占比',
    kind: 'pie',
    categories: [
      '城乡建设类',
      '交通环保类',
      '政法类',
      '劳动社保类',
      '教育卫生类',
      '农林水利类',
      '商贸旅游类',
      '其他',
    ],
    series: [{ name: '诉求件', values: [11939, 3761, 2707, 2210, 1980, 1650, 1423, 9605] }],
    unit: '件',
  },
  {
    id: 'city-categories',
    title: '事件、部件分类占比',
    kind: 'pie',
    categories: [
      '暴露垃圾',
      '乱堆物堆料',
      '店外经营',
      '其他事件',
      '井盖',
      '路灯',
      '交通标志',
      '其他部件',
    ],
    series: [{ name: '案件', values: [14210, 9120, 7144, 37760, 1650, 820, 615, 2575] }],
    unit: '件',
  },
  {
    id: 'city-overall',
    title: '各类案件整体占比',
    kind: 'pie',
    categories: ['事件', '部件'],
    series: [{ name: '案件', values: [68234, 5660] }],
    unit: '件',
  },
];

export const INDEX_UNITS = [
  { group: '五城区', name: '鼓楼区', value: 99.21 },
  { group: '五城区', name: '台江区', value: 98.5 },
  { group: '五城区', name: '仓山区', value: 97.66 },
  { group: '五城区', name: '晋安区', value: 96.1 },
  { group: '五城区', name: '马尾区', value: 99.63 },
  { group: '市直单位', name: '市自来水有限公司', value: 98.51 },
  { group: '市直单位', name: '市城乡建设委员会', value: 97.2 },
  { group: '市直单位', name: '市园林局', value: 95.87 },
  { group: '市直单位', name: '市交通运输委员会', value: 99.02 },
  { group: '市直单位', name: '福州供电公司', value: 96.44 },
  { group: '市直单位', name: '市城市管理委员会', value: 98.13 },
  { group: '市直单位', name: '市公安局交警支队', value: 94.3 },
  { group: '市直单位', name: '市水利局', value: 99.5 },
  { group: '市直单位', name: '市住房保障和房产管理局', value: 97.91 },
  { group: '市直单位', name: '福州燃气有限公司', value: 100 },
];

/** The four summary charts and the first group's 综合指标值. */
export function demoCharts(): ChartSpec[] {
  return [...SUMMARY_CHARTS, ...measureChartSpecs(INDEX_UNITS)];
}

/** A short bulletin: each chart under a paragraph announcing it, captioned 图1…图N. */
export function demoReport(charts: readonly ChartSpec[] = demoCharts()): ReportModel {
  const blocks: Block[] = [
    { kind: 'title', text: '关于2017年8月份12345政府公共服务系统运行情况的通报（图表样稿）' },
    { kind: 'heading1', text: '一、基本情况' },
  ];
  charts.forEach((chart, i) => {
    blocks.push({
      kind: 'paragraph',
      text: `本月${chart.title}情况如下图所示（数字为演示用，非实际数据）。`,
    });
    blocks.push({ kind: 'figure', chart, caption: `图${i + 1} ${chart.title}` });
  });
  blocks.push({ kind: 'paragraph', text: '以上图表由通报（Tongbao）生成。' });
  return { title: '图表样稿', sections: [{ orientation: 'portrait', blocks }] };
}
