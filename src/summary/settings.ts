/**
 * Settings of the summary paragraphs (一、基本情况, the 12345 and 数字城管 introductions and
 * 分类情况): how a 环比 is computed and worded, when a change reads “基本持平”, “略有” or
 * “明显”, how many categories a sentence names, which lists must add up to their total.
 * To be merged by the lead under `summary` in the main settings object; paths in errors
 * already read `summary.…`.
 */
import { SettingsError } from '../core/errors';
import { toScaled, type RoundingMode } from '../core/fixed';
import { isList } from '../core/grid';
import { CATEGORY_DIMENSIONS, type CategoryDimension } from './types';

/**
 * Where a change is “基本持平” (|change| ≤ flatWithin), “略有…” (below markedFrom) or
 * “明显…” (from markedFrom up). Percent for counts, the change's own unit for rates.
 * markedFrom ≤ flatWithin means every change beyond flatWithin is 明显.
 */
export interface TrendThresholds {
  readonly flatWithin: number;
  readonly markedFrom: number;
}

export interface SummarySettings {
  /**
   * 环比 of a rate (满意度, 结案率, 按期结案率): 'difference' in percentage points (this − last,
   * what the seed's figures are consistent with) or 'relative' ((this − last) / last).
   */
  readonly rateChange: 'difference' | 'relative';
  /** A rate's 环比 as “上升0.27%” (as printed) or “上升0.27个百分点”. */
  readonly rateChangeWording: 'percent' | 'percentagePoints';
  /** Rounding of every 环比 and share to 2 decimals (the bulletin: half-up). */
  readonly rounding: RoundingMode;
  readonly trend: {
    /** Counts (受理量 of a category): percent. The seed: −0.07 % 基本持平, −2.97 % 略有减少. */
    readonly counts: TrendThresholds;
    /** Rates: in the unit of `rateChange`. The seed: −0.09, +0.08, +0.27 略有. */
    readonly rates: TrendThresholds;
    /** “各类诉求件占比与上月基本持平”: every category's share moved at most this (points). */
    readonly shares: { readonly flatWithin: number };
  };
  /** How many entries each sentence names. */
  readonly top: {
    /** 诉求件受理排名前三位. */
    readonly categories: number;
    /** 以投诉、咨询为主. */
    readonly types: number;
    /** 主要来源于网站和电话. */
    readonly channels: number;
    /** 事件/部件 主要分布在…三类. */
    readonly majors: number;
    /** 事件/部件 立案受理主要集中在…三方面. */
    readonly minors: number;
    /** 五城区/七县（市）…高发案件主要集中在…等问题上. */
    readonly areaMinors: number;
  };
  /** Entries tied with the last one named: all listed ('includeAll') or cut in sheet order. */
  readonly tiesAtCutoff: 'includeAll' | 'cut';
  /**
   * Lists that hold every category, so their sum must equal their total (12345 受理, 事件立案,
   * 部件立案) even without a 合计 row. A list of the main 小类 only is not complete.
   */
  readonly completeLists: readonly CategoryDimension[];
}

export const DEFAULT_SUMMARY_SETTINGS: SummarySettings = {
  rateChange: 'difference',
  rateChangeWording: 'percent',
  rounding: 'halfUp',
  trend: {
    counts: { flatWithin: 0.5, markedFrom: 10 },
    rates: { flatWithin: 0.05, markedFrom: 1 },
    shares: { flatWithin: 2 },
  },
  top: { categories: 3, types: 2, channels: 2, majors: 3, minors: 3, areaMinors: 3 },
  tiesAtCutoff: 'includeAll',
  completeLists: [
    'hotline.category',
    'hotline.type',
    'hotline.channel',
    'city.event.major',
    'city.part.major',
  ],
};

export type SummarySettingsInput = Partial<Omit<SummarySettings, 'trend' | 'top'>> & {
  readonly trend?: {
    readonly counts?: Partial<TrendThresholds>;
    readonly rates?: Partial<TrendThresholds>;
    readonly shares?: Partial<SummarySettings['trend']['shares']>;
  };
  readonly top?: Partial<SummarySettings['top']>;
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkShape(input: unknown, model: unknown, path: string): void {
  if (!isPlainObject(input)) throw new SettingsError(path, { kind: 'object' });
  const known = model as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    const at = `${path}.${key}`;
    if (!Object.prototype.hasOwnProperty.call(known, key))
      throw new SettingsError(at, { kind: 'unknownKey' });
    if (value === null) throw new SettingsError(at, { kind: 'notNull' });
    if (isPlainObject(known[key])) checkShape(value, known[key], at);
  }
}

/** Merge `input` over the defaults and validate; throws SettingsError naming `summary.…`. */
export function resolveSummarySettings(input: SummarySettingsInput = {}): SummarySettings {
  checkShape(input, DEFAULT_SUMMARY_SETTINGS, 'summary');
  const d = DEFAULT_SUMMARY_SETTINGS;
  const t = input.trend ?? {};
  const s: SummarySettings = {
    ...d,
    ...input,
    trend: {
      counts: { ...d.trend.counts, ...t.counts },
      rates: { ...d.trend.rates, ...t.rates },
      shares: { ...d.trend.shares, ...t.shares },
    },
    top: { ...d.top, ...input.top },
  };
  validateSummarySettings(s);
  return s;
}

/** A percent threshold (0 to 100, at most 2 decimals) as hundredths: 0.5 → 50. */
export function thresholdScaled(v: number): number {
  return toScaled(v, 2, 'halfUp')!.scaled;
}

/** Throws SettingsError (path `summary.…`) at the first field that is not as documented. */
export function validateSummarySettings(s: SummarySettings): void {
  const oneOf = (path: string, v: unknown, options: readonly string[]) => {
    if (typeof v !== 'string' || !options.includes(v))
      throw new SettingsError(`summary.${path}`, { kind: 'oneOf', options });
  };
  oneOf('rateChange', s.rateChange, ['difference', 'relative']);
  oneOf('rateChangeWording', s.rateChangeWording, ['percent', 'percentagePoints']);
  oneOf('rounding', s.rounding, ['halfUp', 'halfEven']);
  oneOf('tiesAtCutoff', s.tiesAtCutoff, ['includeAll', 'cut']);
  const threshold = (path: string, v: unknown) => {
    const scaled = typeof v === 'number' && v >= 0 && v <= 100 ? toScaled(v, 2, 'halfUp') : null;
    if (!scaled?.exact)
      throw new SettingsError(`summary.${path}`, { kind: 'bandMin', decimals: 2 });
  };
  for (const key of ['counts', 'rates'] as const) {
    threshold(`trend.${key}.flatWithin`, s.trend[key].flatWithin);
    threshold(`trend.${key}.markedFrom`, s.trend[key].markedFrom);
  }
  threshold('trend.shares.flatWithin', s.trend.shares.flatWithin);
  for (const key of [
    'categories',
    'types',
    'channels',
    'majors',
    'minors',
    'areaMinors',
  ] as const) {
    const v = s.top[key];
    if (!Number.isInteger(v) || v < 1 || v > 10)
      throw new SettingsError(`summary.top.${key}`, { kind: 'integer', min: 1, max: 10 });
  }
  const lists: unknown = s.completeLists;
  if (!isList(lists as readonly unknown[]))
    throw new SettingsError('summary.completeLists', {
      kind: 'oneOf',
      options: CATEGORY_DIMENSIONS,
    });
  (lists as readonly unknown[]).forEach((v, i) =>
    oneOf(`completeLists[${i}]`, v, CATEGORY_DIMENSIONS),
  );
}
