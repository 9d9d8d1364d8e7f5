/**
 * The vocabulary of the summary tables: what a label names (a total, a category list, a
 * value column), with the variants real sheets use — system prefixes (“数字城管应结案数”),
 * units in brackets (“受理量（件）”, “满意度(%)”), numbering (“二、”), spaces, full-width forms.
 */
import { foldText } from '../core/cells';
import type { CellValue } from '../core/grid';
import type { CategoryDimension, FigureId, SystemId } from './types';

/** NFKC, no whitespace, no trailing unit in brackets: the form labels are compared in. */
export function norm(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[([](单位[:：])?(%|件|件次|个|次|万件)[)\]]$/, '')
    .replace(/%$/, '')
    .replace(/[:：]$/, '');
}

/** Heading numbering dropped: “二、”, “(三)”, “1.”, “（1）”. */
export function stripNumbering(t: string): string {
  return t.replace(/^([(（]?([一二三四五六七八九十]+|\d+)[)）、.．]+)+/, '');
}

export function cellText(v: CellValue | undefined): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** A system named at the start of a label: the label without it, and the system. */
export function splitSystem(label: string): { system: SystemId | null; rest: string } {
  const prefixes: readonly [RegExp, SystemId][] = [
    [/^(我市|全市)?12345政府公共服务系统(的)?/, 'all'],
    [/^(全系统|系统合计|系统)/, 'all'],
    [/^12345(平台|热线)?(的)?/, 'hotline'],
    [/^数字(化)?城管(系统)?(的)?/, 'city'],
  ];
  for (const [re, system] of prefixes) {
    const m = re.exec(label);
    if (m) return { system, rest: label.slice(m[0].length) };
  }
  return { system: null, rest: label };
}

/** The system a heading or title speaks of, from its keywords. */
export function systemOfText(t: string): SystemId | null {
  const n = norm(t);
  if (/12345政府公共服务系统|基本情况/.test(n) && !/平台/.test(n)) return 'all';
  if (/数字(化)?城管|事件|部件|立案|案件/.test(n)) return 'city';
  if (/12345|诉求/.test(n)) return 'hotline';
  return null;
}

const FIGURE_SYSTEM: { readonly [K in FigureId]: SystemId } = {
  'system.accepted': 'all',
  'hotline.accepted': 'hotline',
  'hotline.satisfaction': 'hotline',
  'city.accepted': 'city',
  'city.events': 'city',
  'city.parts': 'city',
  'city.toClose': 'city',
  'city.closed': 'city',
  'city.closedOnTime': 'city',
  'city.disposed': 'city',
  'city.rework': 'city',
  'city.closedRate': 'city',
  'city.onTimeRate': 'city',
  'city.reworkRate': 'city',
};

/** Labels that name one figure whatever the context. */
const FIXED: readonly [RegExp, FigureId][] = [
  // “受理诉求件总数” is the whole system's total (12345 + 数字城管), as “受理诉求件（案件）” is;
  // “受理诉求件数”, “12345受理量” the platform's (issue #16: never the one for the other).
  [
    /^(受理)?诉求件?\(案件\)(总数|总量|数)?$|^受理(总量|总数|合计)$|^(受理)?诉求(件)?(总数|总量|合计)$/,
    'system.accepted',
  ],
  [/^(受理)?诉求(件)?(数|量|件数)?$|^受理诉求(件)?(数|量|件数)?$/, 'hotline.accepted'],
  [/^(群众)?(基本)?满意(度|率)$/, 'hotline.satisfaction'],
  [
    /^(受理)?有效案件(数|总数)?$|^立案(数|总数|件数)?$|^案件(总数|数)$|^受理案件(数)?$/,
    'city.accepted',
  ],
  [/^事件立案(数|件数)?$|^事件(数)?$/, 'city.events'],
  [/^部件立案(数|件数)?$|^部件(数)?$/, 'city.parts'],
  [/^应结案(数|件数)?$/, 'city.toClose'],
  [/^结案(数|件数)?$/, 'city.closed'],
  [/^按期结案(数|件数)?$/, 'city.closedOnTime'],
  [/^(已)?处置(数|件数)?$/, 'city.disposed'],
  [/^返工(数|件数)?$/, 'city.rework'],
  [/^结案率$/, 'city.closedRate'],
  [/^按期结案率$/, 'city.onTimeRate'],
  [/^返工率$/, 'city.reworkRate'],
];

/** “受理(数|量)”: whose 受理 depends on the system named around it. */
const ACCEPTED_RE = /^受理(数|量|件数|总数|总量)?$/;

/**
 * The figure a label names, given the system the row, the table or the heading speaks of.
 * Null for anything else (a unit's name, a category, 应处置数 which only evaluation tables have).
 */
export function figureOfLabel(raw: string, context: SystemId | null): FigureId | null {
  const { system: prefix, rest } = splitSystem(stripNumbering(norm(raw)));
  const system = prefix ?? context;
  const label = rest.replace(/^(本月|当月|本期)(共)?/, '');
  if (label === '') return prefix === 'city' ? 'city.accepted' : null;
  if (ACCEPTED_RE.test(label)) {
    if (system === 'all') return 'system.accepted';
    if (system === 'hotline') return 'hotline.accepted';
    if (system === 'city') return 'city.accepted';
    return null;
  }
  for (const [re, id] of FIXED) {
    if (!re.test(label)) continue;
    const own = FIGURE_SYSTEM[id];
    // “全系统受理诉求件” is the system's total; “12345平台受理诉求件（案件）” the platform's.
    if (id === 'hotline.accepted' && prefix === 'all') return 'system.accepted';
    if (id === 'system.accepted' && system === 'hotline') return 'hotline.accepted';
    // Under a heading about the whole system (基本情况) any figure may appear.
    if (system === null || system === own || system === 'all') return id;
    return null; // “12345平台结案数”: no figure of ours
  }
  return null;
}

/** How a label reads: the figure, and whether its own words name it (not the context). */
export interface LabelReading {
  readonly id: FigureId;
  /**
   * True when the label names the figure whatever the heading or row around it says
   * (“立案数”, “12345受理量”, “受理诉求件总数”); false when only the context makes it one
   * (“受理数” under a 数字城管 heading). An own reading wins over a contextual one.
   */
  readonly own: boolean;
  /**
   * The figure the label names by itself when that is another one (“受理诉求件总数” is the
   * whole system's total, read as the platform's under a 12345平台 heading); else null.
   */
  readonly alone: FigureId | null;
}

export function readLabel(raw: string, context: SystemId | null): LabelReading | null {
  const id = figureOfLabel(raw, context);
  if (id === null) return null;
  const alone = figureOfLabel(raw, null);
  return { id, own: alone === id, alone: alone === id ? null : alone };
}

/** A 受理 label that names no system (“受理量”, “本月受理数”): whose count it is needs a context. */
export function needsSystem(raw: string): boolean {
  return (
    raw.includes('受理') &&
    figureOfLabel(raw, null) === null &&
    figureOfLabel(raw, 'hotline') === 'hotline.accepted' &&
    figureOfLabel(raw, 'city') === 'city.accepted'
  );
}

/**
 * The system a label names in so many words: by a prefix (“12345受理量”, “数字城管有效案件”)
 * or as the whole system's total (“受理诉求件总数”); null for “应结案数”, “满意度”.
 */
export function systemOfLabel(raw: string): SystemId | null {
  const prefix = splitSystem(stripNumbering(norm(raw))).system;
  if (prefix !== null) return prefix;
  return figureOfLabel(raw, null) === 'system.accepted' ? 'all' : null;
}

/** An area group named in a label or title: 五城区, 七县（市）; null for none or 全市. */
export function areaOfText(t: string): string | null {
  const n = foldText(t);
  if (/七县\(市\)|七县市|七县/.test(n)) return '七县（市）';
  if (/五城区/.test(n)) return '五城区';
  const m = /^(各城区|城区|各县\(市\)|县\(市\))/.exec(n);
  if (m) return m[1]!.replace(/\(/g, '（').replace(/\)/g, '）');
  return null;
}

/** A value column named after an area (“五城区”, “七县（市）”; “全市” is all areas). */
export function areaColumn(raw: string): { area: string | null } | null {
  const n = norm(raw).replace(/(立案|受理)?(数|量|件数)?$/, '');
  if (n === '全市' || n === '全部' || n === '全市合计') return { area: null };
  const area = areaOfText(n);
  return area !== null && n.replace(/[()（）]/g, '').length <= 5 ? { area } : null;
}

/**
 * The category list a title, heading or header cell names, from its words and the system
 * around it: “诉求类别” → 12345 类别; “事件小类” → 数字城管 事件 小类; “五城区部件小类” → per area.
 */
export function dimensionOfText(
  raw: string,
  context: SystemId | null,
): { dimension: CategoryDimension; area: string | null } | null {
  const t = stripNumbering(norm(raw));
  const area = areaOfText(t);
  const kind = /事件/.test(t) ? 'event' : /部件/.test(t) ? 'part' : null;
  if (kind !== null) {
    if (!/类|分类/.test(t)) return null;
    const level = /小类/.test(t) ? 'minor' : 'major';
    return { dimension: `city.${kind}.${level}`, area };
  }
  if (/大类|小类/.test(t)) return null;
  // 诉求 and 12345 name the platform whatever the heading above says.
  const system = /12345|诉求/.test(t) ? 'hotline' : /数字城管|案件/.test(t) ? 'city' : context;
  if (system === 'city') return null;
  if (/类型/.test(t)) return { dimension: 'hotline.type', area: null };
  if (/渠道|来源/.test(t)) return { dimension: 'hotline.channel', area: null };
  if (/类别|分类/.test(t)) return { dimension: 'hotline.category', area: null };
  return null;
}

/** The header of a list's name column: “类别”, “诉求类型”, “受理渠道”, “事件小类”, “大类名称”. */
export function isDimensionHeader(raw: string): boolean {
  const t = stripNumbering(norm(raw));
  return /^(五城区|七县\(市\)|全市)?(12345|数字城管)?(诉求件?|案件|事件|部件|受理|来源|问题)?(类别|类型|渠道|来源|大类|小类|分类)(名称)?$/.test(
    t,
  );
}

/** A column of this month's counts in a list: “件数”, “受理量（件）”, “立案数”, “本月”. */
export function isCountHeader(raw: string): boolean {
  const t = norm(raw).replace(/^(本月|当月|本期)/, '');
  if (t === '') return /^(本月|当月|本期)/.test(norm(raw));
  return /^(受理|立案|案件|诉求件?|事件|部件)?(数|量|件数|数量|受理量|立案数|件次|数值|受理数)$|^受理$|^立案$|^数值$|^数据$/.test(
    t,
  );
}

export const isPreviousHeader = (raw: string): boolean => /^(上月|上期)/.test(norm(raw));
export const isChangeHeader = (raw: string): boolean => /^环比/.test(norm(raw));
export const isShareHeader = (raw: string): boolean => /^(占比|比例|占.*比)/.test(norm(raw));

/** The label column of a label/value table: “指标”, “项目”, “名称”. */
export const isLabelHeader = (raw: string): boolean =>
  /^(指标|项目|名称|指标名称|统计项|统计项目|内容)$/.test(norm(raw));

/** The value column of a label/value table: “数值”, “本月”, “数据”. */
export const isValueHeader = (raw: string): boolean =>
  /^(数值|本月|本月数|本月数值|数据|值|本期|当月)$/.test(norm(raw));

export const isTotalLabel = (raw: string): boolean =>
  /^(合计|总计|小计|共计|全市合计|总数)$/.test(norm(raw));

export const isRemark = (raw: string): boolean => /^(备注|说明|注|数据来源)[:：]?/.test(norm(raw));

/** A row label of a columns-layout totals table. */
export type RowRole =
  | { readonly role: 'system'; readonly system: SystemId }
  | { readonly role: 'total' }
  | { readonly role: 'current' }
  | { readonly role: 'previous' }
  | { readonly role: 'period'; readonly year: number; readonly month: number }
  /** “7月”, “8月份”: a month without its year. */
  | { readonly role: 'month'; readonly month: number }
  | { readonly role: 'change' };

export function rowRole(raw: string): RowRole | null {
  const t = norm(raw);
  if (t === '') return { role: 'current' };
  if (/^(合计|总计|全系统|系统合计|全市合计)$/.test(t)) return { role: 'total' };
  if (/^12345(平台|热线)?$/.test(t)) return { role: 'system', system: 'hotline' };
  if (/^数字(化)?城管(系统)?$/.test(t)) return { role: 'system', system: 'city' };
  if (/^12345政府公共服务系统$/.test(t)) return { role: 'system', system: 'all' };
  if (/^(本月|当月|本期|数值)(数)?$/.test(t)) return { role: 'current' };
  if (/^(上月|上期)(数)?$/.test(t)) return { role: 'previous' };
  if (/^环比/.test(t)) return { role: 'change' };
  const p = periodOfText(t);
  if (p && /^\d{4}年\d{1,2}月(份)?$/.test(t)) return { role: 'period', ...p };
  const m = /^(\d{1,2})月(份)?$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { role: 'month', month: Number(m[1]) };
  return null;
}

const PERIOD_RE = /(\d{4})年(\d{1,2})月/;

export function periodOfText(t: string): { year: number; month: number } | null {
  const m = PERIOD_RE.exec(foldText(t));
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

/** Labels only evaluation tables have: a header with them is not a summary table. */
export const isEvaluationOnly = (raw: string): boolean =>
  /^(应处置数|超期未处置数|超期处置数|综合指标值|评价等级|区政府|责任单位|处置责任单位|主管\(责任\)单位|单位|单位名称|部门|接听单位)$/.test(
    norm(raw),
  );
