import type { NarrativeSettings } from '../settings/settings';
import { decimalsOf, type Analysis, type Unit } from '../evaluation/analyze';
import type { MeasureInfo, NarrativeTemplates } from '../i18n/narrative';
import type { MonthMatch } from './compare';
import { FlagMarks } from './flags';
import { displayName, num } from './names';
import { leaders, roundRobin, sortByValue, takeTop } from './rank';
import type { ChangedUnit, Fact, Paragraph, ValuedUnit } from './types';

const DISTRICT_GROUPS: readonly string[] = ['五城区', '七县(市)'];

interface Ranked {
  readonly unit: Unit;
  readonly value: number;
}

/** A group of units ranked together: a named group, or an ungrouped table by its title. */
interface RankGroup {
  readonly label: string;
  /** List style (best with ties, bottom, improved) — 市直单位; else best and last (districts). */
  readonly list: boolean;
  readonly member: (u: Unit) => boolean;
}

/** Groups in the order the bulletin takes them: list-style groups first, then the others. */
function rankGroups(a: Analysis): RankGroup[] {
  const seen = new Set<string>();
  const list: RankGroup[] = [];
  const range: RankGroup[] = [];
  a.tables.forEach((table, tableIndex) => {
    if (table.group === null) {
      range.push({
        label: table.title,
        list: false,
        member: (u) => u.tableIndex === tableIndex,
      });
      return;
    }
    const group = table.group;
    if (seen.has(group)) return;
    seen.add(group);
    const g = { label: group, member: (u: Unit) => u.group === group };
    if (DISTRICT_GROUPS.includes(group)) range.push({ ...g, list: false });
    else list.push({ ...g, list: true });
  });
  return [...list, ...range];
}

/**
 * Section 一(二)2 of the bulletin: per measure of the scheme (Fuzhou: 综合指标值, 按期结案率),
 * the 市直单位 best / bottom / improved sentence, then one paragraph each for 五城区 and
 * 七县(市) (and for each ungrouped table). Sentences without data are left out.
 */
export function cityParagraphs(
  a: Analysis,
  match: MonthMatch | null,
  s: NarrativeSettings,
  t: NarrativeTemplates,
  /** [issue 16] A unit whose row is flagged is marked “【请核对】” where a sentence names it. */
  marks: FlagMarks = new FlagMarks([], t.checkMark),
): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const marked = (x: ValuedUnit) => `${x.name}${marks.unit(x)}`;
  const mark = (x: ValuedUnit): { mark?: string } => {
    const m = marks.unit(x);
    return m === '' ? {} : { mark: m };
  };
  const groups = rankGroups(a);
  a.scheme.measures.forEach((measure, position) => {
    const m = measure.figure;
    const info: MeasureInfo = { ...measure, position, part: a.scheme.part };
    const decimals = decimalsOf(a, m);
    const valueOf = (u: Unit) => u.figures[m];
    const fmt = (v: number) => `${num(v, decimals)}${measure.unit}`;
    const fmtChange = (v: number) =>
      measure.unit === '分'
        ? t.change.points(num(v, decimals))
        : t.change[s.rateChange](num(v, decimals));
    const valued = (r: Ranked): ValuedUnit => ({
      name: displayName(r.unit.name, r.unit.group, s),
      fullName: r.unit.name,
      parent: r.unit.parent,
      sheet: r.unit.sheet,
      row: r.unit.row,
      value: r.value,
    });
    const ranked = (g: RankGroup): Ranked[] =>
      a.units.flatMap((unit) => {
        const value = valueOf(unit);
        return unit.evaluated && unit.parent === null && g.member(unit) && typeof value === 'number'
          ? [{ unit, value }]
          : [];
      });
    const changes = (rs: readonly Ranked[]): ChangedUnit[] => {
      if (match === null) return [];
      const out: ChangedUnit[] = [];
      for (const r of rs) {
        const p = match.previousOf.get(r.unit);
        const previous = p ? valueOf(p) : null;
        if (!p?.evaluated || typeof previous !== 'number') continue;
        if (r.value > previous) out.push({ ...valued(r), previous, change: r.value - previous });
      }
      return sortByValue(out, (x) => x.change);
    };
    let lead = t.city.lead(info);
    const led = (text: string) => {
      const out = `${lead}${text}`;
      lead = '';
      return out;
    };

    for (const g of groups) {
      const rs = sortByValue(ranked(g), (r) => r.value);
      if (g.list) {
        const facts: Fact[] = [];
        const sentences: string[] = [];
        if (rs.length > 0) {
          const tied = leaders(rs, (r) => r.value);
          const named = roundRobin(tied, (r) => r.unit.tableIndex, s.namedInTies).map(valued);
          const value = tied[0]!.value;
          facts.push({
            kind: 'best',
            measure: m,
            group: g.label,
            named,
            count: tied.length,
            value,
          });
          sentences.push(t.city.best(info, named.map(marked), tied.length, fmt(value)));
          const below = sortByValue(
            rs.filter((r) => r.value < value),
            (r) => r.value,
            true,
          );
          const bottom = takeTop(below, s.bottomCount, (r) => r.value, s.tiesAtCutoff).map(valued);
          if (bottom.length > 0) {
            facts.push({ kind: 'bottom', measure: m, group: g.label, units: bottom });
            sentences.push(
              t.city.bottom(
                info,
                g.label,
                bottom.map((x) => ({ name: x.name, value: fmt(x.value), ...mark(x) })),
              ),
            );
          }
          const improved = takeTop(changes(rs), s.improvedCount, (x) => x.change, s.tiesAtCutoff);
          if (improved.length > 0) {
            facts.push({ kind: 'improved', measure: m, group: g.label, units: improved });
            sentences.push(
              t.city.improved(
                info,
                g.label,
                improved.map((x) => ({
                  name: x.name,
                  value: fmt(x.value),
                  change: fmtChange(x.change),
                  ...mark(x),
                })),
              ),
            );
          }
        }
        if (sentences.length > 0)
          paragraphs.push({ text: led(`${sentences.join('；')}。`), facts });
        continue;
      }
      // Districts (and ungrouped tables): which rose, best and last.
      if (rs.length === 0) continue;
      const groupFacts: Fact[] = [];
      const rose = changes(rs);
      if (rose.length > 0)
        groupFacts.push({ kind: 'rose', measure: m, group: g.label, units: rose });
      const best = leaders(rs, (r) => r.value).map(valued);
      const lowest = rs[rs.length - 1]!.value;
      // Tied last places in table order; none when every unit shares one value.
      const worst =
        lowest === best[0]!.value ? [] : rs.filter((r) => r.value === lowest).map(valued);
      groupFacts.push({ kind: 'groupRange', measure: m, group: g.label, best, worst });
      const item = (x: ValuedUnit) => ({ name: x.name, value: fmt(x.value), ...mark(x) });
      let text: string;
      if (rose.length > 1) {
        text = `${t.city.roseMany(
          info,
          g.label,
          rose.map(marked),
        )}，${t.city.range(info, null, best.map(item), worst.map(item))}。`;
      } else {
        const range = t.city.range(info, g.label, best.map(item), worst.map(item));
        text =
          rose.length === 1
            ? `${t.city.roseOne(info, marked(rose[0]!))}；${range}。`
            : `${range}。`;
      }
      paragraphs.push({ text: led(text), facts: groupFacts });
    }
  });
  return paragraphs;
}
