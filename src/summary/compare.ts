/**
 * 环比: this month against last, exactly. A count's change is (this − last) / last; a rate's
 * is the difference in percentage points or the relative change (`rateChange`), all in
 * hundredths rounded once with the bulletin's rounding; each sized 基本持平 / 略有 / 明显.
 */
import { divRound, percentOf } from '../core/fixed';
import { sortByValue } from '../narrative/rank';
import { thresholdScaled, type SummarySettings, type TrendThresholds } from './settings';
import {
  FIGURE_IDS,
  LIST_TOTAL,
  isRate,
  type CategoryDimension,
  type CategoryList,
  type Change,
  type ComparedFigure,
  type ComparedItem,
  type ComparedList,
  type FigureId,
  type SummaryComparison,
  type SummaryReading,
} from './types';

function size(change: number, t: TrendThresholds): Change['size'] {
  const abs = Math.abs(change);
  if (abs <= thresholdScaled(t.flatWithin)) return 'flat';
  return abs < thresholdScaled(t.markedFrom) ? 'slight' : 'marked';
}

/** A count's 环比 in hundredths of a percent; null when last month is 0 (no base). */
export function countChange(value: number, previous: number, s: SummarySettings): Change | null {
  if (previous === 0) return null;
  const v = divRound((value - previous) * 10000, previous, s.rounding);
  return { value: v === 0 ? 0 : v, basis: 'relative', size: size(v, s.trend.counts) };
}

/** A rate's 环比 (both in hundredths of a percent): points, or relative per the settings. */
export function rateChange(value: number, previous: number, s: SummarySettings): Change | null {
  if (s.rateChange === 'difference') {
    const v = value - previous;
    return { value: v, basis: 'difference', size: size(v, s.trend.rates) };
  }
  if (previous === 0) return null;
  const v = divRound((value - previous) * 10000, previous, s.rounding);
  return { value: v === 0 ? 0 : v, basis: 'relative', size: size(v, s.trend.rates) };
}

const listKey = (dimension: CategoryDimension, area: string | null) => `${dimension}|${area ?? ''}`;

/** Category names compared as people read them: full/half width and spaces folded. */
const nameKey = (name: string) => name.normalize('NFKC').replace(/[\s\u3000]+/g, '');

/** All lists of one dimension and area, merged (a list may be split over two tables). */
function listsBy(reading: SummaryReading): Map<string, CategoryList[]> {
  const out = new Map<string, CategoryList[]>();
  for (const l of reading.lists) {
    const key = listKey(l.dimension, l.area);
    out.set(key, [...(out.get(key) ?? []), l]);
  }
  return out;
}

/**
 * This month's figures and lists, each with last month's value and the change where last
 * month has it. `previous` null: no 环比 anywhere (the paragraphs leave those clauses out).
 */
export function compareSummary(
  current: SummaryReading,
  previous: SummaryReading | null,
  settings: SummarySettings,
): SummaryComparison {
  const figures: { [K in FigureId]?: ComparedFigure } = {};
  for (const id of FIGURE_IDS) {
    const v = current.values[id];
    if (v === undefined) continue;
    const p = previous?.values[id]?.value ?? null;
    const change =
      p === null
        ? null
        : isRate(id)
          ? rateChange(v.value, p, settings)
          : countChange(v.value, p, settings);
    figures[id] = { id, value: v.value, previous: p, change };
  }
  const last = previous === null ? null : listsBy(previous);
  const lists: ComparedList[] = [];
  for (const [key, group] of listsBy(current)) {
    const first = group[0]!;
    const before = last?.get(key) ?? null;
    const prevByName = new Map<string, number>();
    for (const l of before ?? [])
      for (const x of l.items)
        if (!prevByName.has(nameKey(x.name))) prevByName.set(nameKey(x.name), x.value);
    const seen = new Set<string>();
    const items: ComparedItem[] = [];
    for (const l of group) {
      for (const x of l.items) {
        const k = nameKey(x.name);
        if (seen.has(k)) continue;
        seen.add(k);
        const p = prevByName.get(k) ?? null;
        items.push({
          name: x.name,
          value: x.value,
          previous: p,
          change: p === null ? null : countChange(x.value, p, settings),
          at: x,
        });
      }
    }
    const sorted = sortByValue(items, (x) => x.value);
    const ownTotal = group.find((l) => l.total !== null)?.total?.value ?? null;
    const figure =
      first.area === null ? (current.values[LIST_TOTAL[first.dimension]]?.value ?? null) : null;
    const sum = items.reduce((s, x) => s + x.value, 0);
    const total = ownTotal ?? figure ?? sum;
    let maxShareChange: number | null = null;
    if (before !== null && before.length > 0) {
      const prevFigure =
        first.area === null ? (previous?.values[LIST_TOTAL[first.dimension]]?.value ?? null) : null;
      const prevTotal =
        before.find((l) => l.total !== null)?.total?.value ??
        prevFigure ??
        [...prevByName.values()].reduce((s, v) => s + v, 0);
      for (const x of items) {
        if (x.previous === null) continue;
        const d = Math.abs(percentOf(x.value, total) - percentOf(x.previous, prevTotal));
        maxShareChange = Math.max(maxShareChange ?? 0, d);
      }
    }
    lists.push({
      dimension: first.dimension,
      area: first.area,
      items: sorted,
      total,
      newItems: before === null ? [] : items.filter((x) => x.previous === null).map((x) => x.name),
      maxShareChange,
    });
  }
  return {
    period: current.period,
    previousPeriod: previous?.period ?? null,
    hasPrevious: previous !== null,
    figures,
    lists,
  };
}
