import type { NarrativeSettings } from '../core/settings';
import type { Analysis, Unit } from '../evaluation/analyze';
import type { NarrativeTemplates } from '../i18n/narrative';
import type { Group } from '../tables/groups';
import type { MonthMatch } from './compare';
import { displayName, num } from './names';
import { leaders, roundRobin, sortByValue, takeTop } from './rank';
import type { ChangedUnit, Fact, Measure, Paragraph, ValuedUnit } from './types';

const MEASURES: readonly Measure[] = ['index', 'onTime'];
const DISTRICT_GROUPS: readonly Group[] = ['五城区', '七县(市)'];

interface Ranked {
  readonly unit: Unit;
  readonly value: number;
}

/**
 * Section 一(二)2 of the bulletin: per measure, the 市直单位 best / bottom / improved sentence,
 * then one paragraph each for 五城区 and 七县(市). Sentences without data are left out.
 */
export function cityParagraphs(
  a: Analysis,
  match: MonthMatch | null,
  s: NarrativeSettings,
  t: NarrativeTemplates,
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const m of MEASURES) {
    const valueOf = (u: Unit) => (m === 'index' ? u.scores!.index : u.scores!.onTime);
    const fmt = (v: number) => `${num(v, a.decimals)}${m === 'index' ? '分' : '%'}`;
    const fmtChange = (v: number) =>
      m === 'index'
        ? t.change.points(num(v, a.decimals))
        : t.change[s.rateChange](num(v, a.decimals));
    const valued = (r: Ranked): ValuedUnit => ({
      name: displayName(r.unit.name, r.unit.group, s),
      fullName: r.unit.name,
      parent: r.unit.parent,
      sheet: r.unit.sheet,
      row: r.unit.row,
      value: r.value,
    });
    const ranked = (group: Group): Ranked[] =>
      a.units
        .filter((u) => u.evaluated && u.parent === null && u.group === group)
        .map((unit) => ({ unit, value: valueOf(unit) }));
    const changes = (rs: readonly Ranked[]): ChangedUnit[] => {
      if (match === null) return [];
      const out: ChangedUnit[] = [];
      for (const r of rs) {
        const p = match.previousOf.get(r.unit);
        if (!p?.scores) continue;
        const previous = valueOf(p);
        if (r.value > previous) out.push({ ...valued(r), previous, change: r.value - previous });
      }
      return sortByValue(out, (x) => x.change);
    };

    // 市直单位: best (with ties), bottom, improved.
    const city = sortByValue(ranked('市直单位'), (r) => r.value);
    const facts: Fact[] = [];
    const sentences: string[] = [];
    if (city.length > 0) {
      const tied = leaders(city, (r) => r.value);
      const named = roundRobin(tied, (r) => r.unit.tableIndex, s.namedInTies).map(valued);
      const value = tied[0]!.value;
      facts.push({ kind: 'best', measure: m, group: '市直单位', named, count: tied.length, value });
      sentences.push(
        t.city.best(
          m,
          named.map((x) => x.name),
          tied.length,
          fmt(value),
        ),
      );
      const below = sortByValue(
        city.filter((r) => r.value < value),
        (r) => r.value,
        true,
      );
      const bottom = takeTop(below, s.bottomCount, (r) => r.value, s.tiesAtCutoff).map(valued);
      if (bottom.length > 0) {
        facts.push({ kind: 'bottom', measure: m, group: '市直单位', units: bottom });
        sentences.push(
          t.city.bottom(
            m,
            bottom.map((x) => ({ name: x.name, value: fmt(x.value) })),
          ),
        );
      }
      const improved = takeTop(changes(city), s.improvedCount, (x) => x.change, s.tiesAtCutoff);
      if (improved.length > 0) {
        facts.push({ kind: 'improved', measure: m, group: '市直单位', units: improved });
        sentences.push(
          t.city.improved(
            m,
            improved.map((x) => ({
              name: x.name,
              value: fmt(x.value),
              change: fmtChange(x.change),
            })),
          ),
        );
      }
    }
    if (sentences.length > 0)
      paragraphs.push({ text: `${t.city.lead(m)}${sentences.join('；')}。`, facts });

    // 五城区 and 七县(市): which rose, best and last.
    for (const group of DISTRICT_GROUPS) {
      const rs = sortByValue(ranked(group), (r) => r.value);
      if (rs.length === 0) continue;
      const groupFacts: Fact[] = [];
      const rose = changes(rs);
      if (rose.length > 0) groupFacts.push({ kind: 'rose', measure: m, group, units: rose });
      const best = leaders(rs, (r) => r.value).map(valued);
      const lowest = rs[rs.length - 1]!.value;
      // Tied last places in table order; none when every unit shares one value.
      const worst =
        lowest === best[0]!.value ? [] : rs.filter((r) => r.value === lowest).map(valued);
      groupFacts.push({ kind: 'groupRange', measure: m, group, best, worst });
      const item = (x: ValuedUnit) => ({ name: x.name, value: fmt(x.value) });
      let text: string;
      if (rose.length > 1) {
        text = `${t.city.roseMany(
          m,
          group,
          rose.map((x) => x.name),
        )}，${t.city.range(m, null, best.map(item), worst.map(item))}。`;
      } else {
        const range = t.city.range(m, group, best.map(item), worst.map(item));
        text = rose.length === 1 ? `${t.city.roseOne(m, rose[0]!.name)}；${range}。` : `${range}。`;
      }
      paragraphs.push({ text, facts: groupFacts });
    }
  }
  return paragraphs;
}
