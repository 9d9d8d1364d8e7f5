import { percentOf } from '../core/fixed';
import type { NarrativeSettings } from '../settings/settings';
import type { Analysis } from '../evaluation/analyze';
import type { HotlineRow, HotlineTable } from '../hotline/detect';
import type { Item, NarrativeTemplates } from '../i18n/narrative';
import { FlagMarks } from './flags';
import { displayName, num } from './names';
import { leaders, roundRobin, sortByValue, takeTop } from './rank';
import type { Fact, Paragraph, ValuedUnit } from './types';

const share = percentOf;

const pct = (v: number) => `${num(v)}%`;

/**
 * Sections 一(一)2 and 3: volume (most 件次 and their share of all 件次 of both tables),
 * satisfaction (units at the top value, bottom units), and transferred calls.
 */
export function hotlineParagraphs(
  a: Analysis,
  s: NarrativeSettings,
  t: NarrativeTemplates,
  /** [issue 16] A unit whose row is flagged is marked “【请核对】” where a sentence names it. */
  marks: FlagMarks = new FlagMarks([], t.checkMark),
): { handling: Paragraph[]; transfers: Paragraph[] } {
  const h = s.hotline;
  const leftOut = new Set(h.leftOut);
  const tablesOf = (kind: HotlineTable['kind']) => a.hotline.filter((x) => x.kind === kind);
  const rowsOf = (kind: HotlineTable['kind']) =>
    tablesOf(kind).flatMap((table, ti) => table.rows.map((row) => ({ table, ti, row })));
  const valued = (x: { table: HotlineTable; row: HotlineRow }, value: number): ValuedUnit => ({
    name: displayName(x.row.name, null, s),
    fullName: x.row.name,
    parent: null,
    sheet: x.table.sheet,
    row: x.row.row,
    value,
  });
  const item = (x: ValuedUnit, fmt: (v: number) => string): Item => {
    const mark = marks.unit(x);
    return { name: x.name, value: fmt(x.value), ...(mark === '' ? {} : { mark }) };
  };

  const handling: Paragraph[] = [];
  const departments = rowsOf('departments');
  const districts = rowsOf('districts');
  const total = [...departments, ...districts].reduce((sum, x) => sum + x.row.count, 0);

  // Volume: the units with most 件次, their share of all 件次 of both tables.
  for (const [scope, rows, n] of [
    ['departments', departments, h.topDepartments],
    ['districts', districts, h.topDistricts],
  ] as const) {
    const candidates = sortByValue(
      rows.filter((x) => !leftOut.has(x.row.name)),
      (x) => x.row.count,
    );
    const top = takeTop(candidates, n, (x) => x.row.count, s.tiesAtCutoff).map((x) =>
      valued(x, x.row.count),
    );
    if (top.length === 0) continue;
    const part = top.reduce((sum, x) => sum + x.value, 0);
    const fact: Fact = { kind: 'volume', scope, units: top, share: share(part, total), total };
    const text = t.hotline.volume(
      scope,
      top.map((x) => item(x, (v) => `${v}件次`)),
      pct(fact.share),
    );
    handling.push({ text, facts: [fact] });
  }

  // Satisfaction: everyone at the top value (counted, a few named by volume), the lowest.
  for (const [scope, rows] of [
    ['departments', departments],
    ['districts', districts],
  ] as const) {
    const rated = rows.filter((x) => x.row.satisfaction !== null);
    if (rated.length === 0) continue;
    const sorted = sortByValue(rated, (x) => x.row.satisfaction!);
    const tied = leaders(sorted, (x) => x.row.satisfaction!);
    const value = tied[0]!.row.satisfaction!;
    const byVolume = sortByValue(
      tied.filter((x) => !leftOut.has(x.row.name)),
      (x) => x.row.count,
    );
    const named = roundRobin(byVolume, () => 0, s.namedInTies).map((x) => valued(x, value));
    const facts: Fact[] = [];
    const sentences: string[] = [];
    if (named.length > 0) {
      facts.push({ kind: 'satisfactionBest', scope, named, count: tied.length, value });
      sentences.push(
        t.hotline.satisfactionBest(
          scope,
          named.map((x) => `${x.name}${marks.unit(x)}`),
          tied.length,
          pct(value),
        ),
      );
    }
    const below = sortByValue(
      rated.filter((x) => x.row.satisfaction! < value && !leftOut.has(x.row.name)),
      (x) => x.row.satisfaction!,
      true,
    );
    const bottom = takeTop(
      below,
      h.bottomSatisfaction,
      (x) => x.row.satisfaction!,
      s.tiesAtCutoff,
    ).map((x) => valued(x, x.row.satisfaction!));
    if (bottom.length > 0) {
      facts.push({ kind: 'satisfactionBottom', scope, units: bottom });
      sentences.push(
        t.hotline.satisfactionBottom(
          scope,
          bottom.map((x) => item(x, pct)),
        ),
      );
    }
    if (sentences.length === 0) continue;
    const lead = scope === 'departments' ? t.hotline.satisfactionLead : '';
    handling.push({ text: `${lead}${sentences.join('；')}。`, facts });
  }

  // Transferred calls: 接通率 and 及时反馈率 from the counts, then the busiest units.
  const transfers: Paragraph[] = [];
  const calls = rowsOf('transfers').filter((x) => x.row.count > 0);
  if (calls.length > 0) {
    const when = t.month(a.period?.month ?? null);
    const rate = (part: number | null, x: { row: HotlineRow }) =>
      part === null ? null : share(part, x.row.count);
    const below = (pick: (r: HotlineRow) => number | null) =>
      calls.flatMap((x) => {
        const r = rate(pick(x.row), x);
        return r !== null && r < 10000 ? [valued(x, r)] : [];
      });
    const known = calls.every((x) => x.row.connected !== null && x.row.timely !== null);
    if (known) {
      const notConnected = below((r) => r.connected);
      const notTimely = below((r) => r.timely);
      const text =
        notConnected.length === 0 && notTimely.length === 0
          ? t.hotline.transfersAll(when)
          : t.hotline.transfersBelow(
              when,
              notConnected.map((x) => item(x, pct)),
              notTimely.map((x) => item(x, pct)),
            );
      transfers.push({ text, facts: [{ kind: 'transferRates', notConnected, notTimely }] });
    }
    const all = calls.reduce((sum, x) => sum + x.row.count, 0);
    const busiest = takeTop(
      sortByValue(
        calls.filter((x) => !leftOut.has(x.row.name)),
        (x) => x.row.count,
      ),
      h.topTransfers,
      (x) => x.row.count,
      s.tiesAtCutoff,
    ).map((x) => valued(x, x.row.count));
    if (busiest.length > 0) {
      const fact: Fact = {
        kind: 'transferVolume',
        units: busiest,
        share: share(
          busiest.reduce((sum, x) => sum + x.value, 0),
          all,
        ),
        total: all,
      };
      const text = t.hotline.transferVolume(
        busiest.map((x) => item(x, (v) => `${v}件`)),
        pct(fact.share),
      );
      const last = transfers[transfers.length - 1];
      // “…均为100%。其中，受理量较多的单位是：…”: one paragraph, as the bulletin writes it.
      if (last)
        transfers[transfers.length - 1] = { text: last.text + text, facts: [...last.facts, fact] };
      else transfers.push({ text, facts: [fact] });
    }
  }
  return { handling, transfers };
}
