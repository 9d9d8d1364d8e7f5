import type { Analysis, Unit } from '../evaluation/analyze';
import type { Comparison, UnitKey } from './types';

/**
 * The form names are matched in across months: full/half-width folded (NFKC), spaces
 * dropped, a trailing 政府 dropped (台江区政府 = 台江区).
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/政府$/, '');
}

export function unitKey(u: Pick<Unit, 'group' | 'parent' | 'name'>): string {
  return `${u.group}|${u.parent === null ? '' : normalizeName(u.parent)}|${normalizeName(u.name)}`;
}

export interface MonthMatch {
  /** Last month's unit for each of this month's units that has one. */
  readonly previousOf: ReadonlyMap<Unit, Unit>;
  readonly comparison: Comparison;
}

/** Match this month's units to last month's by group, parent and normalized name. */
export function matchMonths(current: Analysis, previous: Analysis): MonthMatch {
  const byKey = new Map<string, Unit>();
  for (const u of previous.units)
    if (u.name !== '' && !byKey.has(unitKey(u))) byKey.set(unitKey(u), u);
  const previousOf = new Map<Unit, Unit>();
  const used = new Set<Unit>();
  const newUnits: UnitKey[] = [];
  for (const u of current.units) {
    if (u.name === '') continue;
    const p = byKey.get(unitKey(u));
    if (p && !used.has(p)) {
      previousOf.set(u, p);
      used.add(p);
    } else {
      newUnits.push({ group: u.group, parent: u.parent, name: u.name });
    }
  }
  const goneUnits = [...byKey.values()]
    .filter((p) => !used.has(p))
    .map((p) => ({ group: p.group, parent: p.parent, name: p.name }));
  return {
    previousOf,
    comparison: { previousPeriod: previous.period, matched: previousOf.size, newUnits, goneUnits },
  };
}
