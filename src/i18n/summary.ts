import type { Change, SummaryPart, SummarySectionId } from '../summary/types';
import { cnCount } from './narrative';

/**
 * The bulletin's own phrasing of 一、基本情况, the 12345 and 数字城管 introductions and their
 * 分类情况 paragraphs (samples/seed/bulletin-2017-08.txt), zh-CN: like the ranking paragraphs
 * (./narrative.ts) they are only ever written in Chinese. Values arrive formatted (“109169”,
 * “99.74%”); templates place them and choose the words a change calls for.
 */

/** A formatted change: “下降1.61%”, “上升0.27个百分点”; 'none' when unchanged. */
export interface ChangeText {
  readonly direction: 'up' | 'down' | 'none';
  /** “1.61%”, “0.27个百分点”. */
  readonly amount: string;
  readonly size: Change['size'];
}

/** A figure as a sentence states it: value with its unit, and its 环比 if known. */
export interface Stated {
  readonly value: string;
  readonly change: ChangeText | null;
  /** [issue 16] “【请核对】” after the figure and its 环比 when the figure is flagged. */
  readonly mark?: string;
}

export interface NamedCount {
  readonly name: string;
  /** “11939” (the unit is the template's). */
  readonly value: string;
  /** [issue 16] “【请核对】” after the count when the category is flagged. */
  readonly mark?: string;
}

export interface Trend {
  readonly size: Change['size'];
  readonly direction: ChangeText['direction'];
  /** [issue 16] “【请核对】” after the clause when its 环比 is built on a flagged figure. */
  readonly mark?: string;
}

/** 事件 or 部件 立案 in the 数字城管 introduction. */
interface City {
  readonly value: string;
  readonly majors: readonly string[];
  readonly mark?: string;
}

export interface SummaryTemplates {
  readonly partTitles: { readonly [K in SummaryPart]: string };
  readonly sectionTitles: { readonly [K in SummarySectionId]: string };
  readonly month: (month: number | null) => string;
  readonly basic: {
    /** “8月份，我市12345政府公共服务系统受理诉求件（案件）109169件，环比下降1.61%。” */
    readonly total: (month: string, total: Stated) => string;
    /** “12345平台的群众基本满意度较上月略有下降，数字城管系统的结案率和按期结案率略有提升。” */
    readonly trends: (
      satisfaction: Trend | null,
      closed: Trend | null,
      onTime: Trend | null,
    ) => string;
    /** “其中：12345平台受理诉求35275件，环比上升3.15%；群众基本满意度99.74%，环比下降0.09%。” */
    readonly hotline: (
      lead: string,
      accepted: Stated | null,
      satisfaction: Stated | null,
    ) => string;
    /** “数字城管系统本月共受理有效案件73894件，…；返工数1018件，返工率1.4%。” */
    readonly city: (f: {
      readonly accepted: Stated | null;
      readonly toClose: Stated | null;
      readonly closed: Stated | null;
      readonly closedRate: Stated | null;
      readonly onTimeRate: Stated | null;
      readonly rework: Stated | null;
      readonly reworkRate: Stated | null;
    }) => string;
  };
  readonly hotline: {
    /** “8月份，12345平台受理诉求件35275件，主要来源于网站和电话。” */
    readonly intro: (
      month: string,
      accepted: string,
      channels: readonly string[],
      /** [issue 16] After “…件” when 受理诉求件 is flagged. */
      mark?: string,
    ) => string;
    /** “本月受理诉求件以投诉、咨询为主，其中投诉类25884件，咨询类7224件。” */
    readonly types: (types: readonly NamedCount[]) => string;
    /** “本月各类诉求件占比与上月基本持平，诉求件受理渠道及类型对比如下图所示：” */
    readonly sharesAndChart: (sharesFlat: boolean | null, chart: boolean) => string;
    /** “诉求件受理排名前三位的是：城乡建设类11939件，…，共占受理总数的52.18%。” */
    readonly top: (items: readonly NamedCount[], share: string) => string;
    /** “其中，城乡建设类诉求受理量与上月基本持平，环比下降0.07%；交通环保类和政法类…。” */
    readonly changes: (
      groups: readonly {
        readonly names: readonly string[];
        readonly changes: readonly ChangeText[];
      }[],
    ) => string;
    readonly categoriesChart: string;
  };
  readonly city: {
    /** “8月份，数字城管系统事件立案68234件，主要分布在街面秩序、市容环境、广告宣传三类；部件立案…。” */
    readonly intro: (month: string, events: City | null, parts: City | null) => string;
    readonly majorsChart: string;
    /** “事件立案受理主要集中在：…三方面，共30474件，占案件总数的41.24%。其中五城区…等问题上；…。” */
    readonly minors: (
      kind: 'event' | 'part',
      names: readonly string[],
      sum: string,
      share: string,
      areas: readonly { readonly area: string; readonly names: readonly string[] }[],
    ) => string;
    readonly allChart: string;
  };
  /** What the writer is asked to fill in where the bulletin's text is editorial. */
  readonly editorial: {
    readonly categoryTopic: (category: string) => string;
    readonly hotlineHotspots: string;
    readonly cityHotspots: string;
    readonly cases: string;
    readonly supervision: string;
    readonly requirements: string;
  };
  readonly chartTitles: {
    readonly channelsAndTypes: string;
    readonly categories: string;
    readonly eventMajors: string;
    readonly partMajors: string;
    readonly all: string;
    readonly others: string;
    readonly countSeries: string;
  };
  readonly change: (c: ChangeText) => string;
  /** “0.27%” or “0.27个百分点” for a rate's change. */
  readonly points: (amount: string) => string;
}

/** “A和B”, “A、B和C”. */
export const listAnd = (names: readonly string[]): string =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;

const change = (c: ChangeText) =>
  c.direction === 'none' ? '持平' : `${c.direction === 'up' ? '上升' : '下降'}${c.amount}`;

const withChange = (s: Stated) =>
  `${s.change === null ? '' : `，环比${change(s.change)}`}${s.mark ?? ''}`;
/** The mark alone, after a figure stated without its 环比. */
const marked = (s: Stated) => s.mark ?? '';

/** A rate's trend in the 基本情况 summary: “较上月略有下降”, “与上月基本持平”. */
const rateTrend = (t: Trend, first: boolean) => {
  if (t.size === 'flat' || t.direction === 'none') return '与上月基本持平';
  const how = `${t.size === 'slight' ? '略有' : '明显'}${t.direction === 'up' ? '提升' : '下降'}`;
  return first ? `较上月${how}` : how;
};

/** A count's trend in the 分类 sentence: “与上月基本持平”, “略有减少”, “明显增加”. */
const countTrend = (cs: readonly ChangeText[]) => {
  const c = cs[0]!;
  if (c.size === 'flat' || c.direction === 'none') {
    return cs.every((x) => x.direction === 'none') ? '与上月持平' : '与上月基本持平';
  }
  return `${c.size === 'slight' ? '略有' : '明显'}${c.direction === 'up' ? '增加' : '减少'}`;
};

const changesText = (cs: readonly ChangeText[]) => {
  if (cs.every((x) => x.direction === 'none')) return '';
  if (cs.length === 1) return `，环比${change(cs[0]!)}`;
  const same = cs.every((x) => x.direction === cs[0]!.direction);
  return same
    ? `，环比分别${cs[0]!.direction === 'up' ? '上升' : '下降'}${listAnd(cs.map((x) => x.amount))}`
    : `，环比分别${listAnd(cs.map(change))}`;
};

/** “投诉” → “投诉类”; “城乡建设类” stays. */
const classed = (name: string) => (name.endsWith('类') ? name : `${name}类`);

export const summaryZhCN: SummaryTemplates = {
  partTitles: {
    overview: '基本情况',
    hotline: '12345平台运行情况',
    cityManagement: '数字城管系统运行情况',
    editorial: '',
  },
  sectionTitles: {
    basic: '基本情况',
    'hotline-intro': '',
    'hotline-categories': '诉求件分类情况',
    'hotline-hotspots': '诉求热点',
    'city-intro': '',
    'city-categories': '案件分类情况',
    'city-hotspots': '热点问题',
    cases: '典型案例',
    supervision: '督办及反馈情况',
    requirements: '下一阶段工作要求',
  },
  month: (month) => (month === null ? '本月' : `${month}月份`),
  basic: {
    total: (month, total) =>
      `${month}，我市12345政府公共服务系统受理诉求件（案件）${total.value}件${withChange(total)}。`,
    trends: (satisfaction, closed, onTime) => {
      const clauses: string[] = [];
      const m = (...ts: (Trend | null)[]) => ts.find((x) => x?.mark)?.mark ?? '';
      if (satisfaction)
        clauses.push(`12345平台的群众基本满意度${rateTrend(satisfaction, true)}${m(satisfaction)}`);
      const first = clauses.length === 0;
      if (closed && onTime && rateTrend(closed, first) === rateTrend(onTime, first)) {
        clauses.push(
          `数字城管系统的结案率和按期结案率${rateTrend(closed, first)}${m(closed, onTime)}`,
        );
      } else if (closed && onTime) {
        clauses.push(
          `数字城管系统的结案率${rateTrend(closed, first)}${m(closed)}，按期结案率${rateTrend(onTime, false)}${m(onTime)}`,
        );
      } else if (closed || onTime) {
        const [name, t] = closed ? ['结案率', closed] : ['按期结案率', onTime!];
        clauses.push(`数字城管系统的${name}${rateTrend(t, first)}${m(t)}`);
      }
      return clauses.length === 0 ? '' : `${clauses.join('，')}。`;
    },
    hotline: (lead, accepted, satisfaction) => {
      const parts: string[] = [];
      if (accepted) parts.push(`12345平台受理诉求${accepted.value}件${withChange(accepted)}`);
      if (satisfaction)
        parts.push(
          `${accepted ? '' : '12345平台'}群众基本满意度${satisfaction.value}${withChange(satisfaction)}`,
        );
      return parts.length === 0 ? '' : `${lead}${parts.join('；')}。`;
    },
    city: (f) => {
      const groups: string[] = [];
      if (f.accepted)
        groups.push(`本月共受理有效案件${f.accepted.value}件${withChange(f.accepted)}`);
      const closing: string[] = [];
      if (f.toClose) closing.push(`应结案数${f.toClose.value}件${marked(f.toClose)}`);
      if (f.closed) closing.push(`结案数${f.closed.value}件${marked(f.closed)}`);
      if (f.closedRate) closing.push(`结案率${f.closedRate.value}${withChange(f.closedRate)}`);
      if (closing.length > 0) groups.push(closing.join('，'));
      if (f.onTimeRate) groups.push(`按期结案率${f.onTimeRate.value}${withChange(f.onTimeRate)}`);
      const rework: string[] = [];
      if (f.rework) rework.push(`返工数${f.rework.value}件${marked(f.rework)}`);
      if (f.reworkRate) rework.push(`返工率${f.reworkRate.value}${marked(f.reworkRate)}`);
      if (rework.length > 0) groups.push(rework.join('，'));
      return groups.length === 0 ? '' : `数字城管系统${groups.join('；')}。`;
    },
  },
  hotline: {
    intro: (month, accepted, channels, mark = '') =>
      `${month}，12345平台受理诉求件${accepted}件${mark}${
        channels.length > 0 ? `，主要来源于${listAnd(channels)}` : ''
      }。`,
    types: (types) =>
      types.length === 0
        ? ''
        : `本月受理诉求件以${types.map((t) => t.name).join('、')}为主，其中${types
            .map((t) => `${classed(t.name)}${t.value}件${t.mark ?? ''}`)
            .join('，')}。`,
    sharesAndChart: (flat, chart) => {
      const shares =
        flat === null ? '' : `本月各类诉求件占比${flat ? '与上月基本持平' : '较上月有所变化'}`;
      const figure = chart ? '诉求件受理渠道及类型对比如下图所示：' : '';
      if (shares === '') return figure;
      return figure === '' ? `${shares}。` : `${shares}，${figure}`;
    },
    top: (items, share) => {
      const list = items.map((x) => `${x.name}${x.value}件${x.mark ?? ''}`).join('，');
      return items.length === 1
        ? `诉求件受理量最多的是：${list}，占受理总数的${share}。`
        : `诉求件受理排名前${cnCount(items.length)}位的是：${list}，共占受理总数的${share}。`;
    },
    changes: (groups) =>
      groups.length === 0
        ? ''
        : `其中，${groups
            .map(
              (g, i) =>
                `${listAnd(g.names)}${i === 0 ? '诉求' : ''}受理量${countTrend(g.changes)}${changesText(g.changes)}`,
            )
            .join('；')}。`,
    categoriesChart: '各类诉求件具体占比情况如下图所示：',
  },
  city: {
    intro: (month, events, parts) => {
      const clause = (what: string, x: City) =>
        `${what}立案${x.value}件${x.mark ?? ''}${
          x.majors.length > 0
            ? `，主要分布在${x.majors.join('、')}${x.majors.length > 1 ? `${cnCount(x.majors.length)}类` : '类'}`
            : ''
        }`;
      const clauses = [
        ...(events ? [clause('事件', events)] : []),
        ...(parts ? [clause('部件', parts)] : []),
      ];
      return clauses.length === 0 ? '' : `${month}，数字城管系统${clauses.join('；')}。`;
    },
    majorsChart: '事件、部件分类占比如下图所示：',
    // The seed writes the two sentences slightly differently (a colon after 事件's 集中在, a
    // comma after 部件's 其中): each kind keeps its own.
    minors: (kind, names, sum, share, areas) => {
      const what = kind === 'event' ? '事件' : '部件';
      const where = `${names.join('、')}${names.length > 1 ? `${cnCount(names.length)}方面` : '方面'}`;
      const head = `${what}立案受理主要集中在${kind === 'event' ? '：' : ''}${where}，共${sum}件，占案件总数的${share}。`;
      if (areas.length === 0) return head;
      const tail = areas
        .map((a) => `${a.area}${what}高发案件主要集中在${a.names.join('、')}等问题上`)
        .join('；');
      return `${head}其中${kind === 'event' ? '' : '，'}${tail}。`;
    },
    allChart: '各类案件整体占比情况如下图所示：',
  },
  editorial: {
    categoryTopic: (category) =>
      `${category}诉求件主要集中在……（请填写主要问题、受理量及环比，并列举典型诉求件编号）`,
    hotlineHotspots: '（请填写本月诉求热点：问题、件数、类别及简要情况）',
    cityHotspots: '（请填写本月数字城管热点问题及建议）',
    cases: '（请填写办理较好和办理较差的典型案例：标题、责任单位、经过）',
    supervision: '（请填写本月督办情况及上月整改通知反馈情况）',
    requirements: '（请填写下一阶段工作要求）',
  },
  chartTitles: {
    channelsAndTypes: '诉求件受理渠道及类型对比',
    categories: '各类诉求件占比',
    eventMajors: '事件分类占比',
    partMajors: '部件分类占比',
    all: '各类案件整体占比',
    others: '其他',
    countSeries: '受理量',
  },
  change,
  points: (amount) => `${amount}个百分点`,
};

/** Settings field names, to merge into the 设置 catalog (src/i18n/settings.ts ZH_FIELDS). */
export const SUMMARY_SETTINGS_FIELDS_ZH: Readonly<Record<string, string>> = {
  summary: '基本情况与分类段落',
  'summary.rateChange': '比率的环比算法',
  'summary.rateChangeWording': '比率环比的写法',
  'summary.rounding': '环比的舍入方式',
  'summary.trend': '变化幅度的用词',
  'summary.trend.counts': '件数的变化幅度',
  'summary.trend.counts.flatWithin': '件数“基本持平”的上限（%）',
  'summary.trend.counts.markedFrom': '件数“明显”变化的下限（%）',
  'summary.trend.rates': '比率的变化幅度',
  'summary.trend.rates.flatWithin': '比率“基本持平”的上限',
  'summary.trend.rates.markedFrom': '比率“明显”变化的下限',
  'summary.trend.shares': '占比的变化幅度',
  'summary.trend.shares.flatWithin': '各类占比“基本持平”的上限（百分点）',
  'summary.top': '列举的类别数',
  'summary.top.categories': '诉求件类别排名前几位',
  'summary.top.types': '诉求件类型列举几项',
  'summary.top.channels': '受理渠道列举几项',
  'summary.top.majors': '事件/部件大类列举几项',
  'summary.top.minors': '事件/部件小类列举几项',
  'summary.top.areaMinors': '各区域小类列举几项',
  'summary.tiesAtCutoff': '类别末位并列',
  'summary.completeLists': '应与总数相符的类别表',
};

/** Option names, to merge into the 设置 catalog's ZH_OPTIONS. */
export const SUMMARY_SETTINGS_OPTIONS_ZH: Readonly<Record<string, string>> = {
  difference: '两月之差（百分点）',
  relative: '相对变化（(本月−上月)/上月）',
  'hotline.category': '12345诉求件类别',
  'hotline.type': '12345诉求件类型',
  'hotline.channel': '12345受理渠道',
  'city.event.major': '事件大类',
  'city.event.minor': '事件小类',
  'city.part.major': '部件大类',
  'city.part.minor': '部件小类',
};
