/**
 * A chart as plain data: what the bulletin shows “如下图所示”. Built by the summary code (and by
 * `measureChartSpecs` for 综合指标值), drawn by src/charts (ECharts → SVG, then PNG).
 */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly kind: 'pie' | 'bar';
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  readonly unit?: string;
}
