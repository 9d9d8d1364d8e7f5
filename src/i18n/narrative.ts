import type { Group } from '../tables/groups';
import type { Measure, SectionId } from '../narrative/types';

/**
 * The bulletin's sentence patterns (samples/seed/bulletin-2017-08.txt), zh-CN: the narrative is only
 * ever written in Chinese. Values arrive formatted (“98.88分”, “97.84%”); templates only
 * place them. Full-width punctuation, lists joined with 、.
 */
export interface Item {
  readonly name: string;
  /** Formatted value with its unit: “80分”, “33.33%”, “1782件次”. */
  readonly value: string;
}

export interface ChangeItem extends Item {
  /** Formatted change: “提高15分”, “上升50%”. */
  readonly change: string;
}

export interface NarrativeTemplates {
  readonly partTitles: { readonly hotline: string; readonly cityManagement: string };
  readonly sectionTitles: { readonly [K in SectionId]: string };
  readonly city: {
    readonly lead: (m: Measure) => string;
    readonly best: (m: Measure, names: readonly string[], count: number, value: string) => string;
    readonly bottom: (m: Measure, items: readonly Item[]) => string;
    readonly improved: (m: Measure, items: readonly ChangeItem[]) => string;
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
  list(xs.map((x) => `${x.name}${wrap(x.value)}`));

/** 1 → 一, 2 → 两 (as in 后两位), … 10 → 十; larger counts stay in digits. */
export function cnCount(n: number): string {
  return n >= 1 && n <= 10 ? '一两三四五六七八九十'[n - 1]! : String(n);
}

const NOUN: Record<Measure, string> = { index: '综合指标值', onTime: '按期结案率' };

export const narrativeZhCN: NarrativeTemplates = {
  partTitles: { hotline: '12345平台运行情况', cityManagement: '数字城管系统运行情况' },
  sectionTitles: {
    'hotline-handling': '诉求件办理情况',
    'hotline-transfers': '诉求转接接听情况',
    'city-handling': '案件办理情况',
  },
  city: {
    lead: (m) => (m === 'index' ? '（1）从案件综合指标值看，' : '（2）从案件按期结案率看，'),
    best: (m, names, count, value) => {
      const who = m === 'index' ? '办理较好的单位是' : '按期结案率较好的单位是';
      const what = m === 'index' ? '综合分值' : '按期结案率';
      if (count > names.length)
        return `${who}：${list(names)}等${count}家单位，${what}均为${value}`;
      if (count > 1) return `${who}：${list(names)}，${what}均为${value}`;
      return `${who}：${names[0]}，${what}为${value}`;
    },
    bottom: (m, xs) => {
      const who = m === 'index' ? '单位' : '市直单位';
      return xs.length === 1
        ? `排名最后一位的${who}是：${items(xs)}`
        : `排名后${cnCount(xs.length)}位的${who}是：${items(xs)}`;
    },
    improved: (m, xs) => {
      const rank = m === 'index' ? '' : `前${cnCount(xs.length)}位`;
      return `较上月进步较大的${rank}市直单位是：${list(xs.map((x) => `${x.name}（本月${x.value}，${x.change}）`))}`;
    },
    roseOne: (m, name) =>
      m === 'index' ? `本月${name}综合指标值较上月有所上升` : `本月${name}按期结案率有所上升`,
    roseMany: (m, group, names) => `${group}中${list(names)}${NOUN[m]}较上月均有所提升`,
    range: (m, group, best, worst) => {
      const lead = `${group === null ? '' : `${group}中`}${NOUN[m]}较好的为`;
      const many = (xs: readonly Item[]) =>
        xs.length === 1 ? items(xs) : `${list(xs.map((x) => x.name))}（均为${xs[0]!.value}）`;
      if (worst.length === 0) return `${lead}${many(best)}`;
      const last = worst.length === 1 ? '排名最后一位的是' : '排名最后的是';
      return `${lead}${many(best)}，${last}${many(worst)}`;
    },
  },
  hotline: {
    // Items that carry their own figures read as clauses: “仓山区7751件次，晋安区5056件次”.
    volume: (scope, xs, share) => {
      const list = xs.map((x) => `${x.name}${x.value}`).join('，');
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
