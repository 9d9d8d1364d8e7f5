import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { formatScaled, percentOf } from '../core/fixed';
import { xmlSafe } from '../report/xml-text';
import type { ChartSpec } from '../summary/chart-spec';

/** The ECharts option of a figure: only the chart types and components Tongbao registers. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TitleComponentOption
>;

/**
 * Fonts named in the SVG, first found wins: Word on Windows draws the SVG with 微软雅黑 (or
 * 黑体); Linux (and the PNG rasteriser, which is given Noto Sans CJK) with Noto Sans CJK SC.
 */
export const CHART_FONT_FAMILY = "'Microsoft YaHei', 'SimHei', 'Noto Sans CJK SC', sans-serif";

/**
 * The SVG's size in CSS pixels. The .docx shows it 15 cm wide, so 1 px ≈ 0.71 pt: 15 px text
 * prints at about 10.5 pt (五号), as legible as the attachment tables' 9 pt.
 */
export const CHART_WIDTH = 600;
const FONT_SIZE = 15;
const SMALL_FONT_SIZE = 14;
const TEXT = '#000000';
const AXIS = '#595959';
const GRID_LINE = '#D9D9D9';

/**
 * Blues and greys of clearly different lightness, dark and light alternating, so that
 * neighbouring slices stay apart on a black-and-white print; each slice also has a white edge.
 */
export const CHART_PALETTE = [
  '#1F3A5F',
  '#9DB4D3',
  '#4A6F9C',
  '#D6E0EE',
  '#595959',
  '#BFBFBF',
  '#2E5686',
  '#E8E8E8',
  '#7F7F7F',
  '#6D8FBB',
] as const;

/** Bar series colours: one series is the darkest; several alternate dark and light. */
const BAR_PALETTE = ['#2E5686', '#9DB4D3', '#595959', '#BFBFBF', '#1F3A5F', '#D6E0EE'] as const;

/** A value as the bulletin prints it: at most 2 decimals, trailing zeros dropped. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '';
  return formatScaled(Math.round(v * 100), 2, true);
}

/**
 * Each value's share of the total, in hundredths of a percent (3385 for 33.85 %), rounded
 * half-up as the bulletin rounds (counts exactly; other values through one float division).
 */
export function shares(values: readonly number[]): number[] {
  const positive = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const total = positive.reduce((a, b) => a + b, 0);
  const integers =
    positive.every((v) => Number.isInteger(v)) && total <= Number.MAX_SAFE_INTEGER / 1e4;
  return positive.map((v) =>
    total === 0 ? 0 : integers ? percentOf(v, total) : Math.round((v / total) * 10000),
  );
}

/** “城乡建设类 33.85%”. */
export function pieLabel(name: string, share: number): string {
  return `${name} ${formatScaled(share, 2, false)}%`;
}

/**
 * The chart with every text that ECharts writes into the SVG (categories, series names — the
 * legend —, title, unit) as XML 1.0 can hold it: a unit named with a control character, an
 * escape sequence, U+FFFE/U+FFFF or half a surrogate pair made the whole SVG unreadable
 * (resvg: “SVG data parsing failed”), as it would make the .docx (`xmlSafe`, the same cleaning
 * as the .docx's text). `<`, `&` and quotes need nothing here: ECharts escapes text content.
 */
export function svgSafeSpec(spec: ChartSpec): ChartSpec {
  return {
    ...spec,
    title: xmlSafe(spec.title),
    categories: spec.categories.map(xmlSafe),
    series: spec.series.map((s) => ({ ...s, name: xmlSafe(s.name) })),
    ...(spec.unit === undefined ? {} : { unit: xmlSafe(spec.unit) }),
  };
}

/** Whether a bar chart lays its bars horizontally: when the names would not fit under the bars. */
export function horizontalBars(spec: ChartSpec): boolean {
  const n = Math.max(1, spec.categories.length);
  const longest = Math.max(0, ...spec.categories.map(textWidth));
  const slot = (CHART_WIDTH - 90) / n;
  return n > 8 || longest * SMALL_FONT_SIZE > slot - 6;
}

/** Width of a text in font-size units: CJK and full-width characters 1, others about 0.55. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.55;
  return w;
}

/** The size a chart is drawn at (CSS pixels; the .docx scales it to 15 cm wide). */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  if (spec.kind === 'pie') {
    return { width: CHART_WIDTH, height: spec.series.length > 1 ? 330 : 320 };
  }
  if (horizontalBars(spec)) {
    const legend = spec.series.length > 1 ? 32 : 0;
    const perCategory = 14 + 16 * Math.max(1, spec.series.length);
    return {
      width: CHART_WIDTH,
      height: Math.max(200, 56 + legend + spec.categories.length * perCategory),
    };
  }
  return { width: CHART_WIDTH, height: 360 };
}

const textStyle = (size = FONT_SIZE) => ({
  fontFamily: CHART_FONT_FAMILY,
  fontSize: size,
  color: TEXT,
  // ECharts gives outside labels a white halo (stroke + paint-order): not every SVG reader
  // honours paint-order, and a stroke drawn over the glyphs thins them.
  textBorderWidth: 0,
});

/**
 * The ECharts option for a figure: a still picture for a printed document — no animation,
 * no hover styles, no tooltip, explicit fonts and sizes, the palette above.
 */
export function chartOption(given: ChartSpec): ChartOption {
  const spec = svgSafeSpec(given);
  const common: ChartOption = {
    animation: false,
    backgroundColor: '#FFFFFF',
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: FONT_SIZE, color: TEXT },
  };
  return spec.kind === 'pie'
    ? { ...common, ...pieOption(spec) }
    : { ...common, ...barOption(spec) };
}

function legend(names: readonly string[], at: 'top' | 'bottom'): LegendComponentOption {
  return {
    show: true,
    data: [...names],
    [at]: at === 'top' ? 4 : 6,
    left: 'center',
    itemWidth: 18,
    itemHeight: 12,
    itemGap: 20,
    textStyle: textStyle(SMALL_FONT_SIZE),
    selectedMode: false,
  };
}

/**
 * A label formatter printing `text` as it is: a string formatter is a template, and a name
 * holding “{b}” or “{c}” would be filled in by ECharts.
 */
function literal(text: string): () => string {
  return () => text;
}

function pieOption(spec: ChartSpec): ChartOption {
  const many = spec.series.length > 1;
  const n = spec.series.length;
  const series: PieSeriesOption[] = spec.series.map((s, i) => {
    const pct = shares(s.values);
    const data = spec.categories
      .map((name, k) => ({ name, value: s.values[k] ?? 0, share: pct[k] ?? 0, k }))
      .filter((d) => Number.isFinite(d.value) && d.value > 0)
      .map((d) => ({
        name: d.name,
        value: d.value,
        itemStyle: { color: CHART_PALETTE[d.k % CHART_PALETTE.length]! },
        label: {
          formatter: literal(
            many ? `${formatScaled(d.share, 2, false)}%` : pieLabel(d.name, d.share),
          ),
        },
      }));
    return {
      type: 'pie',
      name: s.name,
      silent: true,
      emphasis: { disabled: true },
      center: [`${((i + 0.5) / n) * 100}%`, '50%'],
      radius: many ? ['0%', `${Math.min(50, 100 / n - 8)}%`] : ['0%', '62%'],
      startAngle: 90,
      clockwise: true,
      avoidLabelOverlap: true,
      minShowLabelAngle: 0,
      itemStyle: { borderColor: '#FFFFFF', borderWidth: 1.5 },
      label: { show: true, position: 'outside', ...textStyle(many ? SMALL_FONT_SIZE : FONT_SIZE) },
      labelLine: { show: true, length: 10, length2: 14, lineStyle: { color: AXIS, width: 1 } },
      data,
    };
  });
  if (!many) return { series };
  return {
    series,
    legend: legend(spec.categories, 'bottom'),
    title: spec.series.map((s, i) => ({
      text: s.name,
      left: `${((i + 0.5) / n) * 100}%`,
      top: 4,
      textAlign: 'center',
      textStyle: { ...textStyle(FONT_SIZE), fontWeight: 'bold' },
    })),
  };
}

function barOption(spec: ChartSpec): ChartOption {
  const horizontal = horizontalBars(spec);
  const many = spec.series.length > 1;
  const all = spec.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const max = Math.max(0, ...all);
  const min = Math.min(max, ...all);
  // Figures bunched near the top (综合指标值 between 95 and 100) get an axis that does not
  // start at 0, or every bar would look the same; each bar carries its value anyway.
  const bunched = min > 0 && min / max > 0.8;
  const bounds = bunched ? bunchedAxis(min, max) : null;
  const categoryAxis = {
    type: 'category' as const,
    data: [...spec.categories],
    inverse: horizontal, // the first category at the top
    axisTick: { alignWithLabel: true },
    axisLine: { lineStyle: { color: AXIS } },
    axisLabel: { ...textStyle(SMALL_FONT_SIZE), interval: 0 },
  };
  const valueAxis = {
    type: 'value' as const,
    ...(bounds ?? { min: 0 }),
    name: spec.unit ?? '',
    nameTextStyle: textStyle(SMALL_FONT_SIZE),
    nameGap: horizontal ? 24 : 12,
    splitNumber: 5,
    axisLine: { show: true, lineStyle: { color: AXIS } },
    splitLine: { lineStyle: { color: GRID_LINE, type: 'dashed' as const } },
    axisLabel: { ...textStyle(SMALL_FONT_SIZE), formatter: (v: number) => formatValue(v) },
  };
  const series: BarSeriesOption[] = spec.series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    silent: true,
    emphasis: { disabled: true },
    data: spec.categories.map((_, k) => s.values[k] ?? 0),
    barMaxWidth: horizontal ? 18 : 40,
    barGap: '15%',
    itemStyle: { color: BAR_PALETTE[(many ? i : 0) % BAR_PALETTE.length]! },
    label: {
      show: true,
      position: horizontal ? 'right' : 'top',
      ...textStyle(SMALL_FONT_SIZE),
      formatter: (p: { value?: unknown }) => formatValue(Number(p.value)),
    },
  }));
  const top = (many ? 36 : 12) + (horizontal ? 4 : 28);
  return {
    grid: {
      left: 12,
      right: horizontal ? 64 : 24,
      top,
      bottom: horizontal ? 30 : 12,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    ...(many
      ? {
          legend: legend(
            spec.series.map((s) => s.name),
            'top',
          ),
        }
      : {}),
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}

/**
 * An axis for values bunched near the top: a round lower bound well under the smallest value,
 * a round upper bound over the largest, and a round step between (1, 2 or 5 × 10ⁿ).
 */
export function bunchedAxis(
  min: number,
  max: number,
): { min: number; max: number; interval: number } {
  const span = Math.max(max - min, max * 0.01, 1e-9);
  const raw = (span * 1.6) / 5;
  const p = 10 ** Math.floor(Math.log10(raw));
  const interval = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const lo = Math.max(0, Math.floor((min - span * 0.6) / interval) * interval);
  const hi = Math.ceil(max / interval) * interval;
  return { min: round(lo), max: round(hi), interval: round(interval) };
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
