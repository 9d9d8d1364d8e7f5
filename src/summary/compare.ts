/**
 * 环比: this month against last, exactly. A count's change is (this − last) / last; a rate's
 * is the difference in percentage points or the relative change (`rateChange`), all in
 * hundredths rounded once with the bulletin's rounding; each sized 基本持平 / 略有 / 明显.
 */
import { foldText } from '../core/cells';
import { divRound, percentOf } from '../core/fixed';
import type { FlagTarget } from '../narrative/flags';
import { sortByValue, takeTop } from '../narrative/rank';
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
  type Located,
  type SummaryComparison,
  type SummaryDiagnostic,
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
const nameKey = foldText;

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

/**
 * [issue 16] Beyond these a 环比 is more likely a misreading (last month's figure taken from
 * the wrong cell, this month's from another label) than a real change: a count that changes by
 * more than half of last month's (−50 % … +50 % is plausible), a rate that moves by more than
 * 20 percentage points (whatever `rateChange` the text prints). Fixed, not settings: a bulletin
 * with such a change is checked by hand either way.
 */
export const IMPLAUSIBLE = {
  /** |this − last| > last × ½. */
  countShare: 0.5,
  /** |this − last| > 20 percentage points, in hundredths of a point. */
  ratePoints: 2000,
} as const;

/** Whether this month against last is an implausible 环比 (counts: none when last month is 0). */
export function isImplausible(value: number, previous: number, rate: boolean): boolean {
  if (rate) return Math.abs(value - previous) > IMPLAUSIBLE.ratePoints;
  return previous > 0 && Math.abs(value - previous) > previous * IMPLAUSIBLE.countShare;
}

/**
 * The categories whose 环比 the text states: the top 类别 of 12345 (诉求件分类情况, “其中，城乡建设类
 * 诉求受理量与上月基本持平，环比下降0.07%…”); no other list's.
 */
export function changesStated(list: ComparedList, s: SummarySettings): ComparedItem[] {
  if (list.dimension !== 'hotline.category' || list.area !== null) return [];
  return takeTop(list.items, s.top.categories, (x) => x.value, s.tiesAtCutoff);
}

/** An implausible 环比: the figure or category it is of, and the diagnostic that says it. */
export interface ImplausibleChange {
  readonly target: FlagTarget & { readonly kind: 'figure' | 'item' };
  readonly diagnostic: SummaryDiagnostic & { readonly code: 'summaryImplausibleChange' };
}

/** Where last month came from: its own workbook (or sheets), or this sheet's 上月 column. */
export interface PreviousSource {
  /** This month's reading's 上月 columns (lastMonthFromColumns): no cell of its own. */
  readonly columns: boolean;
  /** Last month's workbook, given apart from this one. */
  readonly book: boolean;
}

/**
 * Every implausible 环比 the text would state: of the summary figures, and of the category
 * items `stated` picks from each list (the text states the 环比 of a few top categories; a
 * small category that doubles is no misreading). Each a warning at this month's cell, naming
 * last month's.
 */
export function implausibleChanges(
  cmp: SummaryComparison,
  current: SummaryReading,
  previous: SummaryReading | null,
  source: PreviousSource,
  stated: (list: ComparedList) => readonly ComparedItem[],
): ImplausibleChange[] {
  if (previous === null) return [];
  const out: ImplausibleChange[] = [];
  const push = (
    target: ImplausibleChange['target'],
    at: Located,
    label: string,
    rate: boolean,
    value: number,
    last: number,
    /** A count's 环比 as the text states it. */
    relative: Change | null,
    lastAt: Located | null | undefined,
  ) => {
    // Last month read from this month's own 上月 column keeps this month's cell: no cell of its
    // own to name (said as the 上月 column).
    const column =
      source.columns || (lastAt != null && lastAt.sheet === at.sheet && lastAt.cell === at.cell);
    out.push({
      target,
      diagnostic: {
        code: 'summaryImplausibleChange',
        severity: 'warning',
        sheet: at.sheet,
        cell: at.cell,
        row: at.row,
        params: {
          label,
          unit: rate ? 'percent' : 'count',
          value,
          previous: last,
          // A count's as the text states it, a rate's in points whatever the text's wording.
          change: rate ? value - last : (relative?.value ?? 0),
          previousCell: column || lastAt == null ? null : `${lastAt.sheet}!${lastAt.cell}`,
          previousColumn: column,
          previousBook: source.book,
        },
      },
    });
  };
  for (const id of FIGURE_IDS) {
    const f = cmp.figures[id];
    const at = current.values[id]?.at ?? null;
    // A figure printed nowhere (a sum of its parts) is judged by its parts.
    if (f === undefined || f.previous === null || at === null) continue;
    if (!isImplausible(f.value, f.previous, isRate(id))) continue;
    const label = current.figures.find((x) => x.id === id)?.label ?? id;
    push(
      { kind: 'figure', id },
      at,
      label,
      isRate(id),
      f.value,
      f.previous,
      f.change,
      previous.values[id]?.at,
    );
  }
  const before = listsBy(previous);
  for (const list of cmp.lists) {
    const last = before.get(listKey(list.dimension, list.area)) ?? [];
    for (const x of stated(list)) {
      if (x.previous === null || !isImplausible(x.value, x.previous, false)) continue;
      const lastAt = last.flatMap((l) => l.items).find((y) => nameKey(y.name) === nameKey(x.name));
      push(
        { kind: 'item', dimension: list.dimension, area: list.area, name: x.name },
        x.at,
        x.name,
        false,
        x.value,
        x.previous,
        x.change,
        lastAt,
      );
    }
  }
  return out;
}
