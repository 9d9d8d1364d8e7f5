import type { ChartSpec } from '../summary/chart-spec';

/**
 * One bar chart per group (五城区, 七县(市), 市直单位…) of a figure the paragraphs rank by
 * (Fuzhou: 综合指标值), its units sorted from the highest value down (ties keep their order);
 * groups in the order they first appear. Values are as printed (99.21, not 9921); units
 * without a value are left out by the caller.
 */
export function measureChartSpecs(
  units: readonly { group: string; name: string; value: number }[],
  measure: { readonly figure: string; readonly unit: string } = {
    figure: '综合指标值',
    unit: '分',
  },
  title: (group: string) => string = (group) => `${group}${measure.figure}`,
): ChartSpec[] {
  const groups = new Map<string, { name: string; value: number }[]>();
  for (const u of units) {
    if (!Number.isFinite(u.value)) continue;
    let list = groups.get(u.group);
    if (!list) groups.set(u.group, (list = []));
    list.push({ name: u.name, value: u.value });
  }
  return [...groups].map(([group, list]) => {
    const sorted = [...list].sort((a, b) => b.value - a.value);
    return {
      id: `index:${group}`,
      title: title(group),
      kind: 'bar',
      categories: sorted.map((u) => u.name),
      series: [{ name: measure.figure, values: sorted.map((u) => u.value) }],
      unit: measure.unit,
    };
  });
}
