/**
 * 一、基本情况, the introductions of （一）12345平台 and （二）数字城管系统 and their 1. 分类情况,
 * from the summary tables of this month and, when given, last month: sections of paragraphs,
 * each with the facts it states; the editorial parts (诉求热点, 热点问题, 典型案例, the topics
 * under each 类别 …) as marked places for the writer.
 */
import { formatScaled, percentOf } from '../core/fixed';
import { CHECK_MARK } from '../i18n/narrative';
import {
  summaryZhCN,
  type ChangeText,
  type NamedCount,
  type Stated,
  type SummaryTemplates,
  type Trend,
} from '../i18n/summary';
import { FlagMarks, summaryFlags } from './flags';
import { takeTop } from './rank';
import { CHART_IDS, summaryCharts } from '../summary/charts';
import { changesStated, compareSummary } from '../summary/compare';
import { thresholdScaled, type SummarySettings } from '../summary/settings';
import {
  isRate,
  type CategoryDimension,
  type Change,
  type ComparedFigure,
  type ComparedItem,
  type ComparedList,
  type FigureId,
  type SummaryComparison,
  type SummaryFact,
  type SummaryParagraph,
  type SummaryReading,
  type SummarySection,
} from '../summary/types';

const num = (v: number) => formatScaled(v, 2, true);

export function changeText(
  c: Change,
  rate: boolean,
  s: SummarySettings,
  t: SummaryTemplates,
): ChangeText {
  const amount = num(Math.abs(c.value));
  return {
    direction: c.value > 0 ? 'up' : c.value < 0 ? 'down' : 'none',
    amount:
      rate && c.basis === 'difference' && s.rateChangeWording === 'percentagePoints'
        ? t.points(amount)
        : `${amount}%`,
    size: c.size,
  };
}

class Builder {
  constructor(
    readonly cmp: SummaryComparison,
    readonly s: SummarySettings,
    readonly t: SummaryTemplates,
    readonly marks: FlagMarks,
  ) {}

  /** [issue 16] The mark of a flagged figure, as a field to spread (none: the text as ever). */
  mark(id: FigureId): { mark?: string } {
    const mark = this.marks.figure(id);
    return mark === '' ? {} : { mark };
  }

  /** Categories as a sentence lists them, each marked if it was read with a doubt. */
  named(list: ComparedList, items: readonly ComparedItem[]): NamedCount[] {
    return items.map((x) => {
      const mark = this.marks.item(list.dimension, list.area, x.name, 'value');
      return { name: x.name, value: String(x.value), ...(mark === '' ? {} : { mark }) };
    });
  }

  figure(id: FigureId): ComparedFigure | null {
    return this.cmp.figures[id] ?? null;
  }

  stated(id: FigureId): Stated | null {
    const f = this.figure(id);
    if (f === null) return null;
    const rate = isRate(id);
    return {
      value: rate ? `${num(f.value)}%` : String(f.value),
      change: f.change === null ? null : changeText(f.change, rate, this.s, this.t),
      ...this.mark(id),
    };
  }

  /** Like `stated`, without the 环比 (the seed gives none for 应结案数, 结案数, 返工). */
  plain(id: FigureId): Stated | null {
    const st = this.stated(id);
    return st === null ? null : { ...st, change: null };
  }

  trend(id: FigureId): Trend | null {
    const f = this.figure(id);
    if (f?.change == null) return null;
    const c = changeText(f.change, isRate(id), this.s, this.t);
    return { size: c.size, direction: c.direction, ...this.mark(id) };
  }

  list(dimension: CategoryDimension, area: string | null = null): ComparedList | null {
    return this.cmp.lists.find((l) => l.dimension === dimension && l.area === area) ?? null;
  }

  top(list: ComparedList | null, n: number): ComparedItem[] {
    if (list === null) return [];
    return takeTop(list.items, n, (x) => x.value, this.s.tiesAtCutoff);
  }

  facts(ids: readonly FigureId[]): SummaryFact[] {
    return ids.flatMap((id) => {
      const f = this.figure(id);
      return f === null ? [] : [{ kind: 'figure' as const, figure: f }];
    });
  }
}

function basic(b: Builder, month: string): SummarySection | null {
  const { t } = b;
  const total = b.stated('system.accepted');
  const sentences: string[] = [];
  if (total) sentences.push(t.basic.total(month, total));
  const satisfaction = b.trend('hotline.satisfaction');
  const closed = b.trend('city.closedRate');
  const onTime = b.trend('city.onTimeRate');
  const trends = t.basic.trends(satisfaction, closed, onTime);
  if (total) sentences.push(trends);
  const lead = total ? '其中：' : `${month}，`;
  sentences.push(
    t.basic.hotline(lead, b.stated('hotline.accepted'), b.stated('hotline.satisfaction')),
  );
  sentences.push(
    t.basic.city({
      accepted: b.stated('city.accepted'),
      toClose: b.plain('city.toClose'),
      closed: b.plain('city.closed'),
      closedRate: b.stated('city.closedRate'),
      onTimeRate: b.stated('city.onTimeRate'),
      rework: b.plain('city.rework'),
      reworkRate: b.plain('city.reworkRate'),
    }),
  );
  const text = sentences.join('');
  if (text === '') return null;
  const facts: SummaryFact[] = b.facts([
    'system.accepted',
    'hotline.accepted',
    'hotline.satisfaction',
    'city.accepted',
    'city.toClose',
    'city.closed',
    'city.closedRate',
    'city.onTimeRate',
    'city.rework',
    'city.reworkRate',
  ]);
  const judged = (
    [
      ['hotline.satisfaction', satisfaction],
      ['city.closedRate', closed],
      ['city.onTimeRate', onTime],
    ] as const
  ).filter(([, x]) => x !== null);
  if (total && judged.length > 0)
    facts.push({
      kind: 'trend',
      figures: judged.map(([id]) => id),
      sizes: judged.map(([, x]) => x!.size),
    });
  return {
    id: 'basic',
    part: 'overview',
    title: t.sectionTitles.basic,
    paragraphs: [{ text, facts }],
  };
}

function topFact(
  list: ComparedList,
  items: readonly ComparedItem[],
  of: number,
): SummaryFact & { kind: 'topCategories' } {
  const sum = items.reduce((s, x) => s + x.value, 0);
  return {
    kind: 'topCategories',
    dimension: list.dimension,
    area: list.area,
    items,
    sum,
    share: percentOf(sum, of),
    of,
  };
}

function hotlineIntro(
  b: Builder,
  month: string,
  charts: ReadonlySet<string>,
): SummarySection | null {
  const { t, s } = b;
  const paragraphs: SummaryParagraph[] = [];
  const accepted = b.figure('hotline.accepted');
  const channels = b.list('hotline.channel');
  const types = b.list('hotline.type');
  const categories = b.list('hotline.category');
  const topChannels = b.top(channels, s.top.channels);
  const topTypes = b.top(types, s.top.types);
  const facts: SummaryFact[] = b.facts(['hotline.accepted']);
  if (channels && topChannels.length > 0)
    facts.push(topFact(channels, topChannels, accepted?.value ?? channels.total));
  if (types && topTypes.length > 0)
    facts.push(topFact(types, topTypes, accepted?.value ?? types.total));
  let flat: boolean | null = null;
  if (categories?.maxShareChange != null) {
    flat = categories.maxShareChange <= thresholdScaled(s.trend.shares.flatWithin);
    facts.push({
      kind: 'shareStability',
      dimension: 'hotline.category',
      maxShareChange: categories.maxShareChange,
      flat,
    });
  }
  const chart = charts.has(CHART_IDS.channelsAndTypes);
  const text = [
    accepted === null
      ? ''
      : t.hotline.intro(
          month,
          String(accepted.value),
          topChannels.map((x) => x.name),
          b.mark('hotline.accepted').mark,
        ),
    t.hotline.types(types ? b.named(types, topTypes) : []),
    t.hotline.sharesAndChart(flat, chart),
  ].join('');
  if (text === '') return null;
  paragraphs.push({ text, facts, ...(chart ? { charts: [CHART_IDS.channelsAndTypes] } : {}) });
  return {
    id: 'hotline-intro',
    part: 'hotline',
    title: t.sectionTitles['hotline-intro'],
    paragraphs,
  };
}

/**
 * Items with a 环比, grouped by the words their change calls for, in rank order; an implausible
 * 环比 marked after its amount.
 */
function changeGroups(b: Builder, list: ComparedList, items: readonly ComparedItem[]) {
  const groups: { key: string; names: string[]; changes: ChangeText[] }[] = [];
  for (const x of items) {
    if (x.change === null) continue;
    const text = changeText(x.change, false, b.s, b.t);
    const c = {
      ...text,
      amount: text.amount + b.marks.item(list.dimension, list.area, x.name, 'change'),
    };
    const key = c.size === 'flat' || c.direction === 'none' ? 'flat' : `${c.size}-${c.direction}`;
    const g = groups.find((y) => y.key === key);
    if (g) {
      g.names.push(x.name);
      g.changes.push(c);
    } else groups.push({ key, names: [x.name], changes: [c] });
  }
  return groups;
}

function hotlineCategories(b: Builder, charts: ReadonlySet<string>): SummarySection | null {
  const { t, s } = b;
  const list = b.list('hotline.category');
  if (list === null || list.items.length === 0) return null;
  // The same categories whose 环比 is judged plausible or not (compare.ts).
  const top = changesStated(list, s);
  const of = b.figure('hotline.accepted')?.value ?? list.total;
  const fact = topFact(list, top, of);
  const chart = charts.has(CHART_IDS.categories);
  const text =
    t.hotline.top(b.named(list, top), `${num(fact.share)}%`) +
    t.hotline.changes(changeGroups(b, list, top)) +
    (chart ? t.hotline.categoriesChart : '');
  const paragraphs: SummaryParagraph[] = [
    { text, facts: [fact], ...(chart ? { charts: [CHART_IDS.categories] } : {}) },
    ...top.map((x) => ({
      text: '',
      facts: [],
      editorial: { prompt: t.editorial.categoryTopic(x.name) },
    })),
  ];
  return {
    id: 'hotline-categories',
    part: 'hotline',
    title: t.sectionTitles['hotline-categories'],
    paragraphs,
  };
}

function cityIntro(b: Builder, month: string, charts: ReadonlySet<string>): SummarySection | null {
  const { t, s } = b;
  const facts: SummaryFact[] = b.facts(['city.events', 'city.parts']);
  const side = (kind: 'event' | 'part') => {
    const f = b.figure(kind === 'event' ? 'city.events' : 'city.parts');
    const list = b.list(kind === 'event' ? 'city.event.major' : 'city.part.major');
    if (f === null) return null;
    const top = b.top(list, s.top.majors);
    if (list && top.length > 0) facts.push(topFact(list, top, f.value));
    return {
      value: String(f.value),
      majors: top.map((x) => x.name),
      ...b.mark(kind === 'event' ? 'city.events' : 'city.parts'),
    };
  };
  const events = side('event');
  const parts = side('part');
  const ids = [CHART_IDS.eventMajors, CHART_IDS.partMajors].filter((id) => charts.has(id));
  const intro = t.city.intro(month, events, parts);
  if (intro === '') return null;
  const text = intro + (ids.length > 0 ? t.city.majorsChart : '');
  return {
    id: 'city-intro',
    part: 'cityManagement',
    title: t.sectionTitles['city-intro'],
    paragraphs: [{ text, facts, ...(ids.length > 0 ? { charts: ids } : {}) }],
  };
}

function cityCategories(b: Builder, charts: ReadonlySet<string>): SummarySection | null {
  const { t, s } = b;
  const paragraphs: SummaryParagraph[] = [];
  const accepted = b.figure('city.accepted');
  for (const kind of ['event', 'part'] as const) {
    const dimension: CategoryDimension = kind === 'event' ? 'city.event.minor' : 'city.part.minor';
    const list = b.list(dimension);
    if (list === null || list.items.length === 0) continue;
    const top = b.top(list, s.top.minors);
    const fact = topFact(list, top, accepted?.value ?? list.total);
    const facts: SummaryFact[] = [fact];
    const areas = b.cmp.lists
      .filter((l) => l.dimension === dimension && l.area !== null && l.items.length > 0)
      .map((l) => {
        const items = b.top(l, s.top.areaMinors);
        facts.push(topFact(l, items, l.total));
        return { area: l.area!, names: items.map((x) => x.name) };
      });
    paragraphs.push({
      text: t.city.minors(
        kind,
        top.map((x) => x.name),
        String(fact.sum),
        `${num(fact.share)}%`,
        areas,
      ),
      facts,
    });
  }
  if (paragraphs.length > 0 && charts.has(CHART_IDS.all))
    paragraphs.push({ text: t.city.allChart, facts: [], charts: [CHART_IDS.all] });
  if (paragraphs.length === 0) return null;
  return {
    id: 'city-categories',
    part: 'cityManagement',
    title: t.sectionTitles['city-categories'],
    paragraphs,
  };
}

function editorial(
  id: SummarySection['id'],
  part: SummarySection['part'],
  t: SummaryTemplates,
  prompt: string,
): SummarySection {
  return {
    id,
    part,
    title: t.sectionTitles[id],
    paragraphs: [{ text: '', facts: [], editorial: { prompt } }],
  };
}

/**
 * The summary sections in the bulletin's order. The ranking paragraphs (buildNarrative's
 * hotline-handling, hotline-transfers, city-handling) go between them: 12345's 2. and 3. after
 * 'hotline-categories', 数字城管's 2. after 'city-categories'. Sections without data are left
 * out; editorial sections are always there.
 */
export function summaryParagraphs(
  current: SummaryReading,
  previous: SummaryReading | null,
  settings: SummarySettings,
  templates: SummaryTemplates = summaryZhCN,
  /**
   * [issue 16] Where the text marks a flagged figure “【请核对】”; by default the summary
   * tables' own flags (a total that is not its parts' sum, an implausible 环比, a figure read
   * with a doubt).
   */
  marks: FlagMarks = new FlagMarks(
    summaryFlags(current, previous, settings).flags,
    CHECK_MARK,
    current,
  ),
): SummarySection[] {
  const cmp = compareSummary(current, previous, settings);
  const b = new Builder(cmp, settings, templates, marks);
  const t = templates;
  const month = t.month(current.period?.month ?? null);
  const charts = new Set(summaryCharts(current, templates).map((c) => c.id));
  const sections: (SummarySection | null)[] = [
    basic(b, month),
    hotlineIntro(b, month, charts),
    hotlineCategories(b, charts),
    editorial('hotline-hotspots', 'hotline', t, t.editorial.hotlineHotspots),
    cityIntro(b, month, charts),
    cityCategories(b, charts),
    editorial('city-hotspots', 'cityManagement', t, t.editorial.cityHotspots),
    editorial('cases', 'editorial', t, t.editorial.cases),
    editorial('supervision', 'editorial', t, t.editorial.supervision),
    editorial('requirements', 'editorial', t, t.editorial.requirements),
  ];
  return sections.filter((x): x is SummarySection => x !== null);
}

/** The sections as plain text (editorial places as their prompt in 【】), for the CLI and tests. */
export function summaryText(sections: readonly SummarySection[]): string {
  return sections
    .map((s) =>
      [
        `【${s.title || s.id}】`,
        ...s.paragraphs.map((p) => (p.editorial ? `【待填写】${p.editorial.prompt}` : p.text)),
      ].join('\n'),
    )
    .join('\n\n');
}
