/**
 * Ranking rules shared by every list in the bulletin. Items come in table order (the order
 * of the sheets), which breaks every tie.
 */

export type TieMode = 'includeAll' | 'cut';

/** Stable sort by value: highest first, or lowest first with `ascending`. */
export function sortByValue<T>(
  items: readonly T[],
  value: (x: T) => number,
  ascending = false,
): T[] {
  return items
    .map((item, i) => ({ item, i, v: value(item) }))
    .sort((a, b) => (ascending ? a.v - b.v : b.v - a.v) || a.i - b.i)
    .map((x) => x.item);
}

/**
 * The first `n` of a sorted list; with 'includeAll', units tied with the n-th come too.
 * Fewer than `n` items: all of them.
 */
export function takeTop<T>(
  sorted: readonly T[],
  n: number,
  value: (x: T) => number,
  mode: TieMode,
): T[] {
  if (n <= 0) return [];
  if (sorted.length <= n) return [...sorted];
  const out = sorted.slice(0, n);
  if (mode === 'includeAll') {
    const last = value(sorted[n - 1]!);
    for (let i = n; i < sorted.length && value(sorted[i]!) === last; i++) out.push(sorted[i]!);
  }
  return out;
}

/** All items sharing the first item's value (the list is sorted). */
export function leaders<T>(sorted: readonly T[], value: (x: T) => number): T[] {
  if (sorted.length === 0) return [];
  const top = value(sorted[0]!);
  return sorted.filter((x) => value(x) === top);
}

/**
 * Which of many tied units a sentence names: the first of each table in table order, then
 * the second of each, … — so 市建委、电信福州分公司、市华润燃气公司 for the bulletin's eight
 * units at 100 (one from each of tables 三, 四 and 五).
 */
export function roundRobin<T>(items: readonly T[], bucket: (x: T) => number, n: number): T[] {
  const buckets = new Map<number, T[]>();
  for (const item of items) {
    const key = bucket(item);
    const list = buckets.get(key);
    if (list) list.push(item);
    else buckets.set(key, [item]);
  }
  const lists = [...buckets.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
  const out: T[] = [];
  for (let depth = 0; out.length < n; depth++) {
    let any = false;
    for (const list of lists) {
      const item = list[depth];
      if (item === undefined) continue;
      any = true;
      if (out.length < n) out.push(item);
    }
    if (!any) break;
  }
  return out;
}
