import { SettingsError } from '../core/errors';
import { toScaled } from '../core/fixed';
import { isList } from '../core/grid';
import type { Denominator, EvaluationSettings, GradeBand } from '../scheme/evaluation-settings';
import { FUZHOU_EVALUATION } from '../scheme/fuzhou';
import { FUZHOU_ID, PRESET_IDS, schemeFor, type SchemeChoice } from '../scheme/presets';
import { compileBands, type Scheme } from '../scheme/scheme';
import {
  DEFAULT_SUMMARY_SETTINGS,
  resolveSummarySettings,
  type SummarySettings,
  type SummarySettingsInput,
} from '../summary/settings';

export type { Denominator, EvaluationSettings, GradeBand };

export interface NarrativeSettings {
  /** How many tied units a “…等N家单位” sentence names (one per table first, in table order). */
  readonly namedInTies: number;
  /** Length of the 排名后三位 list. */
  readonly bottomCount: number;
  /** Length of the 较上月进步较大 list. */
  readonly improvedCount: number;
  /**
   * Units tied with the last place of a list: 'includeAll' lists them all (so a “后三位” may
   * name four), 'cut' keeps the list at its length, taking tied units in table order.
   */
  readonly tiesAtCutoff: 'includeAll' | 'cut';
  /** A rate's change as “上升50%” (as the bulletin prints) or “上升50个百分点”. */
  readonly rateChange: 'percent' | 'percentagePoints';
  /** Names as they should read in the text: { 福州市公安局交通警察支队: '市公安局交通警察支队' }. */
  readonly aliases: Readonly<Record<string, string>>;
  readonly hotline: {
    /** 市直 units with most 件次 named in the volume sentence. */
    readonly topDepartments: number;
    /** Districts with most 件次 named. */
    readonly topDistricts: number;
    /** Answering units with most transfers named. */
    readonly topTransfers: number;
    /** Lowest-satisfaction units named. */
    readonly bottomSatisfaction: number;
    /** Units never named in a 12345 list (they still count in totals and “等N家”). */
    readonly leftOut: readonly string[];
  };
}

/** Fonts of the Word document, by role. Each names the font first, then what stands in for it. */
export interface ReportFonts {
  /** 2号 小标宋 for the title. */
  readonly title: readonly string[];
  /** 3号 仿宋 for the body. */
  readonly body: readonly string[];
  /** 黑体 for 一、 headings and 附件 labels. */
  readonly heading1: readonly string[];
  /** 楷体 for （一） headings. */
  readonly heading2: readonly string[];
  /** 宋体 for page numbers and table text. */
  readonly song: readonly string[];
  /** Latin letters and digits. */
  readonly latin: string;
}

export interface ReportSettings {
  /** The issuing body: 发文机关, printed above the title and as the signature. */
  readonly issuer: string;
  /** 主送机关. */
  readonly recipients: string;
  /** Overrides the title built from the issuer and the workbook's month. */
  readonly title: string | null;
  /** The signature date as printed (“2017年9月25日”); null prints none. */
  readonly date: string | null;
  readonly fonts: ReportFonts;
}

export interface Settings {
  /**
   * The evaluation scheme: a preset's id (“fuzhou-2017”, the default, built from
   * `evaluation`; “district-rates”, …) or a scheme written out (see src/scheme/scheme.ts).
   */
  readonly scheme: SchemeChoice;
  /** The default scheme's parameters (weights, denominators, bands…). */
  readonly evaluation: EvaluationSettings;
  readonly narrative: NarrativeSettings;
  /** The 基本情况 and 分类情况 paragraphs: 环比, 基本持平/略有/明显, how many named. */
  readonly summary: SummarySettings;
  readonly report: ReportSettings;
}

export const DEFAULT_SETTINGS: Settings = {
  scheme: FUZHOU_ID,
  evaluation: FUZHOU_EVALUATION,
  narrative: {
    namedInTies: 3,
    bottomCount: 3,
    improvedCount: 3,
    tiesAtCutoff: 'includeAll',
    rateChange: 'percent',
    aliases: {},
    hotline: {
      topDepartments: 5,
      topDistricts: 3,
      topTransfers: 3,
      bottomSatisfaction: 3,
      leftOut: ['福州市“智慧福州”管理服务中心'],
    },
  },
  summary: DEFAULT_SUMMARY_SETTINGS,
  report: {
    issuer: '福州市“智慧福州”管理服务中心',
    recipients: '各县（市）区委、政府，市直各有关部门：',
    title: null,
    date: null,
    fonts: {
      title: ['方正小标宋简体', '华文中宋', '宋体'],
      body: ['仿宋_GB2312', '仿宋'],
      heading1: ['黑体'],
      heading2: ['楷体_GB2312', '楷体'],
      song: ['宋体'],
      latin: 'Times New Roman',
    },
  },
};

export type SettingsInput = {
  readonly scheme?: SchemeChoice;
  readonly evaluation?: Partial<Omit<EvaluationSettings, 'weights' | 'denominators'>> & {
    readonly weights?: Partial<EvaluationSettings['weights']>;
    readonly denominators?: Partial<EvaluationSettings['denominators']>;
  };
  readonly narrative?: Partial<Omit<NarrativeSettings, 'hotline'>> & {
    readonly hotline?: Partial<NarrativeSettings['hotline']>;
  };
  readonly summary?: SummarySettingsInput;
  readonly report?: Partial<Omit<ReportSettings, 'fonts'>> & {
    readonly fonts?: Partial<ReportFonts>;
  };
};

const DENOMINATORS: readonly Denominator[] = ['处置数', '应处置数', '应结案数'];

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths whose keys are the user's own (unit names), not setting names. */
const FREE_KEYS = new Set(['narrative.aliases']);

/**
 * The input's shape, checked against the defaults' at every level before anything is merged:
 * a settings file is unknown JSON, so `{"narrative":{"hotline":"x"}}` or a misspelt key is
 * refused with its path rather than silently ignored.
 */
function checkShape(input: unknown, model: unknown, path: string): void {
  if (!isPlainObject(input)) throw new SettingsError(path || '(root)', { kind: 'object' });
  if (FREE_KEYS.has(path)) return;
  const known = model as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    const at = path ? `${path}.${key}` : key;
    if (!Object.prototype.hasOwnProperty.call(known, key))
      throw new SettingsError(at, { kind: 'unknownKey' });
    const expected = known[key];
    // null is a value only where the default is null (report.title, report.date).
    if (value === null && expected !== null) throw new SettingsError(at, { kind: 'notNull' });
    if (isPlainObject(expected)) checkShape(value, expected, at);
    else if (key === 'bands' && Array.isArray(value))
      value.forEach((band: unknown, i) => checkShape(band, { grade: '', min: 0 }, `${at}[${i}]`));
  }
}

/**
 * Each settings object's compiled scheme, compiled once. Kept beside the object rather than in
 * it, so that `JSON.stringify(settings)` (how settings are saved and compared) is unchanged.
 */
const compiled = new WeakMap<Settings, Scheme>();

/** Settings objects this module resolved: resolving one again returns it as it is. */
const resolved = new WeakSet<Settings>();

/**
 * Merge `input` over the defaults and validate; throws SettingsError naming the bad field.
 * Settings already resolved here are returned as they are, with the scheme compiled once.
 */
export function resolveSettings(input: SettingsInput = {}): Settings {
  if (resolved.has(input as Settings)) return input as Settings;
  checkShape(input, DEFAULT_SETTINGS, '');
  const d = DEFAULT_SETTINGS.evaluation;
  const e = input.evaluation ?? {};
  const evaluation: EvaluationSettings = {
    decimals: e.decimals ?? d.decimals,
    rounding: e.rounding ?? d.rounding,
    weights: { ...d.weights, ...e.weights },
    denominators: { ...d.denominators, ...e.denominators },
    reworkTermWhenNoneDisposed: e.reworkTermWhenNoneDisposed ?? d.reworkTermWhenNoneDisposed,
    bands: e.bands ?? d.bands,
  };
  validateEvaluation(evaluation);
  const scheme = input.scheme ?? FUZHOU_ID;
  if (typeof scheme !== 'string' && !isPlainObject(scheme))
    throw new SettingsError('scheme', { kind: 'schemeChoice', options: PRESET_IDS });
  // Compiling validates: throws naming the path inside the scheme.
  const compiledScheme = schemeFor(scheme, evaluation);
  if (scheme !== FUZHOU_ID && !sameJson(evaluation, d)) {
    const name = typeof scheme === 'string' ? scheme : String(scheme.name);
    throw new SettingsError('evaluation', { kind: 'schemeOwnsFormulas', scheme: name });
  }
  const dn = DEFAULT_SETTINGS.narrative;
  const n = input.narrative ?? {};
  const narrative: NarrativeSettings = {
    ...dn,
    ...n,
    hotline: { ...dn.hotline, ...n.hotline },
  };
  validateNarrative(narrative);
  const dr = DEFAULT_SETTINGS.report;
  const r = input.report ?? {};
  const report: ReportSettings = { ...dr, ...r, fonts: { ...dr.fonts, ...r.fonts } };
  validateReport(report);
  const summary = resolveSummarySettings(input.summary);
  const settings: Settings = { scheme, evaluation, narrative, summary, report };
  compiled.set(settings, compiledScheme);
  resolved.add(settings);
  return settings;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The compiled scheme the settings name: the same object for the same settings object. */
export function schemeOf(s: Settings): Scheme {
  let scheme = compiled.get(s);
  if (scheme === undefined) {
    scheme = schemeFor(s.scheme, s.evaluation);
    compiled.set(s, scheme);
  }
  return scheme;
}

function validateReport(r: ReportSettings): void {
  for (const key of ['issuer', 'recipients'] as const) {
    if (typeof r[key] !== 'string') throw new SettingsError(`report.${key}`, { kind: 'text' });
  }
  // The issuer heads the bulletin, titles it and signs it: it cannot be left empty.
  if (r.issuer.trim() === '') throw new SettingsError('report.issuer', { kind: 'nonEmpty' });
  for (const key of ['title', 'date'] as const) {
    const v = r[key];
    if (v !== null && (typeof v !== 'string' || v.trim() === ''))
      throw new SettingsError(`report.${key}`, { kind: 'textOrNull' });
  }
  for (const key of ['title', 'body', 'heading1', 'heading2', 'song'] as const) {
    const list = r.fonts[key];
    // An entry that is not text (null, a number) is named by its place in the list.
    const bad = isList(list) ? list.findIndex((f) => typeof f !== 'string') : -1;
    if (bad >= 0)
      throw new SettingsError(`report.fonts.${key}`, {
        kind: 'listItem',
        index: bad,
        item: 'font',
      });
    if (
      !isList(list) ||
      list.length === 0 ||
      list.some((f) => typeof f !== 'string' || f.trim() === '')
    ) {
      throw new SettingsError(`report.fonts.${key}`, { kind: 'fontList' });
    }
  }
  if (typeof r.fonts.latin !== 'string' || r.fonts.latin.trim() === '') {
    throw new SettingsError('report.fonts.latin', { kind: 'fontName' });
  }
}

function validateNarrative(n: NarrativeSettings): void {
  const count = (path: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min || v > 50) {
      throw new SettingsError(`narrative.${path}`, { kind: 'integer', min, max: 50 });
    }
  };
  count('namedInTies', n.namedInTies, 1);
  count('bottomCount', n.bottomCount, 0);
  count('improvedCount', n.improvedCount, 0);
  count('hotline.topDepartments', n.hotline.topDepartments, 0);
  count('hotline.topDistricts', n.hotline.topDistricts, 0);
  count('hotline.topTransfers', n.hotline.topTransfers, 0);
  count('hotline.bottomSatisfaction', n.hotline.bottomSatisfaction, 0);
  if (n.tiesAtCutoff !== 'includeAll' && n.tiesAtCutoff !== 'cut') {
    throw new SettingsError('narrative.tiesAtCutoff', {
      kind: 'oneOf',
      options: ['includeAll', 'cut'],
    });
  }
  if (n.rateChange !== 'percent' && n.rateChange !== 'percentagePoints') {
    throw new SettingsError('narrative.rateChange', {
      kind: 'oneOf',
      options: ['percent', 'percentagePoints'],
    });
  }
  if (
    typeof n.aliases !== 'object' ||
    n.aliases === null ||
    Object.values(n.aliases).some((v) => typeof v !== 'string' || v.trim() === '')
  ) {
    throw new SettingsError('narrative.aliases', { kind: 'aliases' });
  }
  const leftOut = n.hotline.leftOut;
  const bad = isList(leftOut) ? leftOut.findIndex((v) => typeof v !== 'string') : -1;
  if (bad >= 0)
    throw new SettingsError('narrative.hotline.leftOut', {
      kind: 'listItem',
      index: bad,
      item: 'name',
    });
  if (!isList(leftOut)) {
    throw new SettingsError('narrative.hotline.leftOut', { kind: 'nameList' });
  }
}

/** Validate the default scheme's evaluation settings; throws SettingsError naming the field. */
export function validateEvaluation(s: EvaluationSettings): void {
  if (!Number.isInteger(s.decimals) || s.decimals < 0 || s.decimals > 4) {
    throw new SettingsError('evaluation.decimals', { kind: 'integer', min: 0, max: 4 });
  }
  if (s.rounding !== 'halfUp' && s.rounding !== 'halfEven') {
    throw new SettingsError('evaluation.rounding', {
      kind: 'oneOf',
      options: ['halfUp', 'halfEven'],
    });
  }
  const bp = (key: keyof EvaluationSettings['weights']): number => {
    const w = s.weights[key];
    const scaled = typeof w === 'number' && w >= 0 && w <= 1 ? toScaled(w, 4, 'halfUp') : null;
    if (!scaled?.exact) {
      throw new SettingsError(`evaluation.weights.${key}`, { kind: 'weight' });
    }
    return scaled.scaled;
  };
  const weightsBp = { closed: bp('closed'), onTime: bp('onTime'), rework: bp('rework') };
  if (weightsBp.closed + weightsBp.onTime + weightsBp.rework !== 10000) {
    throw new SettingsError('evaluation.weights', { kind: 'weightsSum' });
  }
  for (const key of ['rework', 'closed', 'onTime'] as const) {
    if (!DENOMINATORS.includes(s.denominators[key])) {
      throw new SettingsError(`evaluation.denominators.${key}`, {
        kind: 'oneOf',
        options: DENOMINATORS,
      });
    }
  }
  if (s.reworkTermWhenNoneDisposed !== 'zero' && s.reworkTermWhenNoneDisposed !== 'full') {
    throw new SettingsError('evaluation.reworkTermWhenNoneDisposed', {
      kind: 'oneOf',
      options: ['zero', 'full'],
    });
  }
  // The bands as any scheme's grade bands are checked, at these decimals.
  compileBands(s.bands, s.decimals, 'evaluation.bands');
}
