import type { ChartSpec } from '../summary/chart-spec';

/**
 * One bar chart of 综合指标值 per group (五城区, 七县(市), 市直单位…), its units sorted from the
 * highest value down (ties keep their order); groups in the order they first appear. Values
 * are in points (99.21, not 9921); units without a value are left out by the caller.
 */
export function indexChartSpecs(
  units: readonly { group: string; name: string; value: number }[],
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
      title: `${group}综合指标值`,
      kind: 'bar',
      categories: sorted.map((u) => u.name),
      series: [{ name: '综合指标值', values: sorted.map((u) => u.value) }],
      unit: '分',
    };
  });
}
