/**
 * The bulletin's figures (“如下图所示”) as chart-ready data, drawn elsewhere (src/charts):
 * 诉求件受理渠道及类型对比, 各类诉求件占比, 事件/部件分类占比, 各类案件整体占比.
 */
import { foldText } from '../core/cells';
import { summaryZhCN, type SummaryTemplates } from '../i18n/summary';
import { sortByValue } from '../narrative/rank';
import type { ChartSpec } from './chart-spec';
import type { CategoryDimension, CategoryItem, SummaryReading } from './types';

export const CHART_IDS = {
  channelsAndTypes: 'hotline-channels-types',
  categories: 'hotline-categories',
  eventMajors: 'city-event-majors',
  partMajors: 'city-part-majors',
  all: 'city-all',
} as const;

/** The items of every all-areas list of one dimension, first of each name, in sheet order. */
export function itemsOf(reading: SummaryReading, dimension: CategoryDimension): CategoryItem[] {
  const seen = new Set<string>();
  const out: CategoryItem[] = [];
  for (const l of reading.lists) {
    if (l.dimension !== dimension || l.area !== null) continue;
    for (const x of l.items) {
      const key = foldText(x.name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(x);
    }
  }
  return out;
}

/** Pie slices beyond this many are folded into “其他”. */
const MAX_SLICES = 10;

function pie(
  id: string,
  title: string,
  items: readonly CategoryItem[],
  t: SummaryTemplates,
  total: number | null = null,
): ChartSpec {
  const sorted = sortByValue(items, (x) => x.value);
  const shown = sorted.length > MAX_SLICES ? sorted.slice(0, MAX_SLICES - 1) : sorted;
  const shownSum = shown.reduce((s, x) => s + x.value, 0);
  const rest = (total ?? sorted.reduce((s, x) => s + x.value, 0)) - shownSum;
  const categories = shown.map((x) => x.name);
  const values = shown.map((x) => x.value);
  if (rest > 0) {
    categories.push(t.chartTitles.others);
    values.push(rest);
  }
  return { id, title, kind: 'pie', categories, series: [{ name: title, values }], unit: '件' };
}

/**
 * The charts the reading has data for, in the bulletin's order. Values are counts (件); a pie
 * with more than ten categories shows the nine largest and “其他”.
 */
export function summaryCharts(
  reading: SummaryReading,
  templates: SummaryTemplates = summaryZhCN,
): ChartSpec[] {
  const t = templates;
  const charts: ChartSpec[] = [];
  const channels = itemsOf(reading, 'hotline.channel');
  const types = itemsOf(reading, 'hotline.type');
  if (channels.length + types.length > 0) {
    const all = [...sortByValue(channels, (x) => x.value), ...sortByValue(types, (x) => x.value)];
    charts.push({
      id: CHART_IDS.channelsAndTypes,
      title: t.chartTitles.channelsAndTypes,
      kind: 'bar',
      categories: all.map((x) => x.name),
      series: [{ name: t.chartTitles.countSeries, values: all.map((x) => x.value) }],
      unit: '件',
    });
  }
  const categories = itemsOf(reading, 'hotline.category');
  if (categories.length > 0)
    charts.push(pie(CHART_IDS.categories, t.chartTitles.categories, categories, t));
  const eventMajors = itemsOf(reading, 'city.event.major');
  if (eventMajors.length > 0)
    charts.push(pie(CHART_IDS.eventMajors, t.chartTitles.eventMajors, eventMajors, t));
  const partMajors = itemsOf(reading, 'city.part.major');
  if (partMajors.length > 0)
    charts.push(pie(CHART_IDS.partMajors, t.chartTitles.partMajors, partMajors, t));
  // All cases by 小类 (事件 and 部件 together), the rest of 受理有效案件 as “其他”.
  const minors = [...itemsOf(reading, 'city.event.minor'), ...itemsOf(reading, 'city.part.minor')];
  const everything = minors.length > 0 ? minors : [...eventMajors, ...partMajors];
  if (everything.length > 0) {
    const accepted = reading.values['city.accepted']?.value ?? null;
    const sum = everything.reduce((s, x) => s + x.value, 0);
    charts.push(
      pie(
        CHART_IDS.all,
        t.chartTitles.all,
        everything,
        t,
        accepted !== null && accepted >= sum ? accepted : null,
      ),
    );
  }
  return charts;
}
