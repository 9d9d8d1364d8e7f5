import type { NarrativeMeasure } from '../scheme/scheme';
import type { SectionId } from '../narrative/types';

/**
 * The bulletin's sentence patterns (samples/seed/bulletin-2017-08.txt), zh-CN: the narrative is only
 * ever written in Chinese. Values arrive formatted (“98.88分”, “97.84%”); templates only
 * place them. Full-width punctuation, lists joined with 、.
 */
export interface Item {
  readonly name: string;
  /** Formatted value with its unit: “80分”, “33.33%”, “1782件次”. */
  readonly value: string;
  /** [issue 16] “【请核对】” after the unit and its figure when the unit is flagged. */
  readonly mark?: string;
}

/**
 * [issue 16] After a figure or clause built on a flagged figure (src/narrative/flags.ts): the
 * writer checks it, then deletes the mark; the .docx highlights it, the proofreader skips it.
 */
export const CHECK_MARK = '【请核对】';

export interface ChangeItem extends Item {
  /** Formatted change: “提高15分”, “上升50%”. */
  readonly change: string;
}

/** A measure of the scheme as the templates need it: its name, unit, and place in the list. */
export interface MeasureInfo extends NarrativeMeasure {
  /** 0 for the first measure: the paragraphs are numbered （1）, （2）… */
  readonly position: number;
  /** What is ranked: 数字城管 cases or 12345 诉求件. */
  readonly part: 'cityManagement' | 'hotline';
}

type Measure = MeasureInfo;
type Group = string;

export interface NarrativeTemplates {
  readonly partTitles: { readonly hotline: string; readonly cityManagement: string };
  /** 一、运行情况: the first heading when there is no 基本情况. */
  readonly operationsHeading: string;
  /** “【待填写：…】”, “【图：…】”: the words of the text's markers. */
  readonly toWrite: string;
  readonly figure: string;
  /** “【请核对】” (CHECK_MARK). */
  readonly checkMark: string;
  /** The chart of a group's units by a measure, and the sentence announcing them. */
  readonly measureChart: (group: string, figure: string) => string;
  readonly measureCharts: (figure: string) => string;
  readonly sectionTitles: {
    readonly [
      K in Extract<SectionId, 'hotline-handling' | 'hotline-transfers' | 'city-handling'>
    ]: string;
  };
  readonly city: {
    readonly lead: (m: Measure) => string;
    readonly best: (m: Measure, names: readonly string[], count: number, value: string) => string;
    readonly bottom: (m: Measure, group: Group, items: readonly Item[]) => string;
    readonly improved: (m: Measure, group: Group, items: readonly ChangeItem[]) => string;
    readonly roseOne: (m: Measure, name: string) => string;
    readonly roseMany: (m: Measure, group: Group, names: readonly string[]) => string;
    /** `group` null when the sentence continues one that already named the group. */
    readonly range: (
      m: Measure,
      group: Group | null,
      best: readonly Item[],
      worst: readonly Item[],
    ) => string;
  };
  readonly hotline: {
    readonly volume: (
      scope: 'departments' | 'districts',
      items: readonly Item[],
      share: string,
    ) => string;
    readonly satisfactionBest: (
      scope: 'departments' | 'districts',
      names: readonly string[],
      count: number,
      value: string,
    ) => string;
    readonly satisfactionBottom: (
      scope: 'departments' | 'districts',
      items: readonly Item[],
    ) => string;
    readonly satisfactionLead: string;
    readonly transfersAll: (when: string) => string;
    readonly transfersBelow: (
      when: string,
      notConnected: readonly Item[],
      notTimely: readonly Item[],
    ) => string;
    readonly transferVolume: (items: readonly Item[], share: string) => string;
  };
  readonly change: {
    readonly points: (v: string) => string;
    readonly percent: (v: string) => string;
    readonly percentagePoints: (v: string) => string;
  };
  readonly month: (month: number | null) => string;
}

const list = (names: readonly string[]) => names.join('、');
const items = (xs: readonly Item[], wrap: (v: string) => string = (v) => `（${v}）`) =>
  list(xs.map((x) => `${x.name}${wrap(x.value)}${x.mark ?? ''}`));

/** 1 → 一, 2 → 两 (as in 后两位), … 10 → 十; larger counts stay in digits. */
export function cnCount(n: number): string {
  return n >= 1 && n <= 10 ? '一两三四五六七八九十'[n - 1]! : String(n);
}

/** Scores (分) read as 办理较好…/综合分值; rates by their own name. */
const isScore = (m: Measure) => m.unit === '分';

export const narrativeZhCN: NarrativeTemplates = {
  partTitles: { hotline: '12345平台运行情况', cityManagement: '数字城管系统运行情况' },
  operationsHeading: '运行情况',
  toWrite: '待填写',
  figure: '图',
  checkMark: CHECK_MARK,
  measureChart: (group, figure) => `${group}${figure}`,
  measureCharts: (figure) => `各单位${figure}如下图所示：`,
  sectionTitles: {
    'hotline-handling': '诉求件办理情况',
    'hotline-transfers': '诉求转接接听情况',
    'city-handling': '案件办理情况',
  },
  city: {
    lead: (m) =>
      `（${m.position + 1}）从${m.part === 'hotline' ? '诉求件' : '案件'}${m.figure}看，`,
    best: (m, names, count, value) => {
      const who = isScore(m) ? '办理较好的单位是' : `${m.figure}较好的单位是`;
      const what = m.valueName;
      if (count > names.length)
        return `${who}：${list(names)}等${count}家单位，${what}均为${value}`;
      if (count > 1) return `${who}：${list(names)}，${what}均为${value}`;
      return `${who}：${names[0]}，${what}为${value}`;
    },
    bottom: (m, group, xs) => {
      const who = isScore(m) ? '单位' : group;
      return xs.length === 1
        ? `排名最后一位的${who}是：${items(xs)}`
        : `排名后${cnCount(xs.length)}位的${who}是：${items(xs)}`;
    },
    improved: (m, group, xs) => {
      const rank = isScore(m) ? '' : `前${cnCount(xs.length)}位`;
      return `较上月进步较大的${rank}${group}是：${list(xs.map((x) => `${x.name}（本月${x.value}，${x.change}）${x.mark ?? ''}`))}`;
    },
    roseOne: (m, name) =>
      isScore(m) ? `本月${name}${m.figure}较上月有所上升` : `本月${name}${m.figure}有所上升`,
    roseMany: (m, group, names) => `${group}中${list(names)}${m.figure}较上月均有所提升`,
    range: (m, group, best, worst) => {
      const lead = `${group === null ? '' : `${group}中`}${m.figure}较好的为`;
      const many = (xs: readonly Item[]) =>
        xs.length === 1
          ? items(xs)
          : `${list(xs.map((x) => `${x.name}${x.mark ?? ''}`))}（均为${xs[0]!.value}）`;
      if (worst.length === 0) return `${lead}${many(best)}`;
      const last = worst.length === 1 ? '排名最后一位的是' : '排名最后的是';
      return `${lead}${many(best)}，${last}${many(worst)}`;
    },
  },
  hotline: {
    // Items that carry their own figures read as clauses: “仓山区7751件次，晋安区5056件次”.
    volume: (scope, xs, share) => {
      const list = xs.map((x) => `${x.name}${x.value}${x.mark ?? ''}`).join('，');
      return scope === 'departments'
        ? `（1）从诉求件办理数量来看，办理数量较多的市直单位为：${list}，占诉求件总数的${share}。`
        : `诉求件办理数量较多的县（市）区为：${list}，占诉求件总数的${share}。`;
    },
    satisfactionLead: '（2）从诉求件满意率来看，',
    satisfactionBest: (scope, names, count, value) => {
      const who =
        scope === 'departments'
          ? '满意度较高的市直单位是'
          : '各县（市）区中满意度较高的县（市）区是';
      if (count > names.length) return `${who}：${list(names)}等${count}家单位，满意度均为${value}`;
      if (count > 1) return `${who}：${list(names)}，满意度均为${value}`;
      return `${who}：${names[0]}，满意度为${value}`;
    },
    satisfactionBottom: (scope, xs) => {
      const place = xs.length === 1 ? '最后一位' : `后${cnCount(xs.length)}位`;
      return scope === 'departments'
        ? `列${place}的是：${items(xs)}`
        : `位列${place}的县（市）区是：${items(xs, (v) => `（满意率${v}）`)}`;
    },
    transfersAll: (when) => `${when}，各单位的12345平台诉求转接电话接通率和及时反馈率均为100%。`,
    transfersBelow: (when, notConnected, notTimely) => {
      const parts = [
        notConnected.length > 0
          ? `接通率未达100%的单位是：${items(notConnected)}`
          : '各单位接通率均为100%',
        notTimely.length > 0
          ? `及时反馈率未达100%的单位是：${items(notTimely)}`
          : '各单位及时反馈率均为100%',
      ];
      return `${when}，12345平台诉求转接电话${parts.join('；')}。`;
    },
    transferVolume: (xs, share) =>
      `其中，受理量较多的单位是：${items(xs, (v) => v)}，占转接总数的${share}。`,
  },
  change: {
    points: (v) => `提高${v}分`,
    percent: (v) => `上升${v}%`,
    percentagePoints: (v) => `上升${v}个百分点`,
  },
  month: (month) => (month === null ? '本月' : `${month}月份`),
};
