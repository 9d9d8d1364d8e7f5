import { SettingsError } from '../core/errors';
import { toScaled, type RoundingMode } from '../core/fixed';

/**
 * A city's evaluation scheme as data: the count columns it reads (with the header variants
 * sheets use), the figures it computes from them — rates as numerator / denominator, an index
 * as weighted rates, a grade from bands, a rank — and how tables are grouped. Fuzhou 2017 is
 * the default (`fuzhouScheme`); presets ship as JSON files in `src/scheme/presets/`, and a
 * settings file may carry its own. Everything is validated with the settings' own errors.
 */

/** A count column: its canonical name (“应结案数”) and other headers meaning the same. */
export interface CountDef {
  readonly key: string;
  readonly headers: readonly string[];
}

/** What a rate is when its denominator is 0: not available, or printed as 0. */
export type WhenZero = 'notAvailable' | 'zero';

export interface RateDef {
  readonly kind: 'rate';
  readonly key: string;
  readonly headers: readonly string[];
  readonly numerator: string;
  readonly denominator: string;
  /** 100% − numerator / denominator (一次完成率 = 1 − 返工率), rounded once. */
  readonly complement: boolean;
  /** Printed as 100% when the numerator exceeds the denominator. */
  readonly cap: boolean;
  readonly decimals: number;
  readonly rounding: RoundingMode;
  readonly whenZero: WhenZero;
}

export interface IndexTerm {
  /** A rate of the scheme: its *rounded* value enters the index, as the bulletin computes. */
  readonly figure: string;
  /** Weight as a fraction (0.2); weights of an index add up to 1. */
  readonly weight: number;
  /** The term is (100% − rate) × weight. */
  readonly complement: boolean;
  /**
   * When the rate's denominator is 0 (the rate reads 0): 'zero' — the term scores nothing
   * (Fuzhou: 处置数 = 0 → the rework term is 0); 'asValue' — the term uses the 0 as it reads.
   */
  readonly whenZeroDenominator: 'zero' | 'asValue';
}

export interface IndexDef {
  readonly kind: 'index';
  readonly key: string;
  readonly headers: readonly string[];
  readonly terms: readonly IndexTerm[];
  /** Counts that must be present and non-zero for the index (Fuzhou: 应处置数, 应结案数). */
  readonly requires: readonly string[];
  readonly decimals: number;
  readonly rounding: RoundingMode;
}

export interface GradeBand {
  readonly grade: string;
  /** Lowest value that earns this grade; bands are listed best first. */
  readonly min: number;
}

export interface GradeDef {
  readonly kind: 'grade';
  readonly key: string;
  readonly headers: readonly string[];
  /** The figure graded: the index, or a rate. */
  readonly from: string;
  readonly bands: readonly GradeBand[];
}

export interface RankDef {
  readonly kind: 'rank';
  readonly key: string;
  readonly headers: readonly string[];
  /** The figure ranked within each table. */
  readonly by: string;
  readonly order: 'desc' | 'asc';
  /** 'competition': 1, 1, 3 (the usual 排名); 'dense': 1, 1, 2. */
  readonly ties: 'competition' | 'dense';
}

export type FigureDef = RateDef | IndexDef | GradeDef | RankDef;

/** A count that may not exceed another (结案数 ≤ 应结案数), unless a capped rate allows it. */
export interface CountCheck {
  readonly value: string;
  readonly limit: string;
}

/** A table belongs to `group` when its title (or sheet name) matches `pattern`. */
export interface GroupRule {
  readonly pattern: string;
  readonly group: string;
}

/** A figure the ranking paragraphs rank by, and how its values read: 98.88分 or 97.84%. */
export interface NarrativeMeasure {
  readonly figure: string;
  readonly unit: '分' | '%';
  /** The word the “均为…” clause uses (Fuzhou: 综合分值); the figure's name otherwise. */
  readonly valueName: string;
}

export interface Scheme {
  readonly id: string;
  readonly name: string;
  /**
   * The bulletin part its ranking paragraphs belong to: 数字城管 cases (the default) or
   * 12345 诉求件 — which also words them (“从案件…看” / “从诉求件…看”).
   */
  readonly part: 'cityManagement' | 'hotline';
  readonly counts: readonly CountDef[];
  /** Headers of the unit-name column beyond the built-in ones (单位, 责任单位, 城区, …). */
  readonly names: readonly string[];
  readonly figures: readonly FigureDef[];
  readonly checks: readonly CountCheck[];
  readonly groups: readonly GroupRule[];
  readonly measures: readonly NarrativeMeasure[];
}

/** Schemes as written in a settings file or a preset: optional fields take defaults. */
export type SchemeInput = {
  readonly id?: string;
  readonly name: string;
  readonly part?: 'cityManagement' | 'hotline';
  readonly counts: readonly (string | { key: string; headers?: readonly string[] })[];
  readonly names?: readonly string[];
  readonly figures: readonly Record<string, unknown>[];
  readonly checks?: readonly CountCheck[];
  readonly groups?: readonly GroupRule[];
  readonly measures?: readonly Partial<NarrativeMeasure>[];
  /** Defaults for every figure that does not set its own. */
  readonly decimals?: number;
  readonly rounding?: RoundingMode;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Known keys per object shape: anything else is refused with its path (a misspelt key). */
const KEYS = {
  scheme: [
    'id',
    'name',
    'part',
    'counts',
    'names',
    'figures',
    'checks',
    'groups',
    'measures',
    'decimals',
    'rounding',
  ],
  count: ['key', 'headers'],
  rate: [
    'kind',
    'key',
    'headers',
    'numerator',
    'denominator',
    'complement',
    'cap',
    'decimals',
    'rounding',
    'whenZero',
  ],
  index: ['kind', 'key', 'headers', 'terms', 'requires', 'decimals', 'rounding'],
  term: ['figure', 'weight', 'complement', 'whenZeroDenominator'],
  grade: ['kind', 'key', 'headers', 'from', 'bands'],
  band: ['grade', 'min'],
  rank: ['kind', 'key', 'headers', 'by', 'order', 'ties'],
  check: ['value', 'limit'],
  group: ['pattern', 'group'],
  measure: ['figure', 'unit', 'valueName'],
} as const;

function known(o: Record<string, unknown>, keys: readonly string[], path: string): void {
  for (const [k, v] of Object.entries(o)) {
    if (!keys.includes(k)) throw new SettingsError(`${path}.${k}`, { kind: 'unknownKey' });
    if (v === null) throw new SettingsError(`${path}.${k}`, { kind: 'notNull' });
  }
}

function objectAt(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) throw new SettingsError(path, { kind: 'object' });
  return v;
}

function listAt(v: unknown, path: string, min = 0): readonly unknown[] {
  if (!Array.isArray(v) || v.length < min)
    throw new SettingsError(path, { kind: 'schemeList', min });
  return v;
}

function textAt(v: unknown, path: string): string {
  if (!nonEmpty(v)) throw new SettingsError(path, { kind: 'nonEmpty' });
  return v.trim();
}

function textList(v: unknown, path: string): string[] {
  if (v === undefined) return [];
  return listAt(v, path).map((x, i) => textAt(x, `${path}[${i}]`));
}

function oneOf<T extends string>(v: unknown, options: readonly T[], fallback: T, path: string): T {
  if (v === undefined) return fallback;
  if (!options.includes(v as T)) throw new SettingsError(path, { kind: 'oneOf', options });
  return v as T;
}

function bool(v: unknown, path: string): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean')
    throw new SettingsError(path, { kind: 'oneOf', options: ['true', 'false'] });
  return v;
}

function decimalsAt(v: unknown, fallback: number, path: string): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 4)
    throw new SettingsError(path, { kind: 'integer', min: 0, max: 4 });
  return v as number;
}

/**
 * Validate a scheme written as JSON and fill its defaults. Names must resolve: a rate's
 * counts are counts of the scheme, an index's terms are its rates, a grade and a rank name
 * a figure defined before them. Throws SettingsError with the path under `path`.
 */
export function compileScheme(input: unknown, path = 'scheme'): Scheme {
  const o = objectAt(input, path);
  known(o, KEYS.scheme, path);
  const name = textAt(o.name, `${path}.name`);
  const id = o.id === undefined ? name : textAt(o.id, `${path}.id`);
  const decimals = decimalsAt(o.decimals, 2, `${path}.decimals`);
  const rounding = oneOf(o.rounding, ['halfUp', 'halfEven'] as const, 'halfUp', `${path}.rounding`);
  const counts: CountDef[] = listAt(o.counts, `${path}.counts`, 1).map((c, i) => {
    const at = `${path}.counts[${i}]`;
    if (typeof c === 'string') return { key: textAt(c, at), headers: [] };
    const co = objectAt(c, at);
    known(co, KEYS.count, at);
    return { key: textAt(co.key, `${at}.key`), headers: textList(co.headers, `${at}.headers`) };
  });
  const taken = new Set<string>();
  const claim = (key: string, at: string) => {
    // Figures and counts are keys of plain records (fast, one shape per scheme): never a name
    // JavaScript objects already carry (“constructor”, “__proto__”, “toString”…).
    if (key === '__proto__' || Object.prototype.hasOwnProperty.call(Object.prototype, key))
      throw new SettingsError(at, { kind: 'schemeReserved', name: key });
    if (taken.has(key)) throw new SettingsError(at, { kind: 'schemeDuplicate', name: key });
    taken.add(key);
  };
  counts.forEach((c, i) => claim(c.key, `${path}.counts[${i}]`));
  const countKeys = new Set(counts.map((c) => c.key));
  const figures: FigureDef[] = [];
  const figureKinds = new Map<string, FigureDef['kind']>();
  const countRef = (v: unknown, at: string): string => {
    const key = textAt(v, at);
    if (!countKeys.has(key))
      throw new SettingsError(at, { kind: 'schemeUnknown', name: key, what: 'count' });
    return key;
  };
  const figureRef = (v: unknown, at: string, kinds: readonly FigureDef['kind'][]): string => {
    const key = textAt(v, at);
    const kind = figureKinds.get(key);
    if (kind === undefined || !kinds.includes(kind))
      throw new SettingsError(at, {
        kind: 'schemeUnknown',
        name: key,
        what: kinds.includes('index') ? 'figure' : 'rate',
      });
    return key;
  };
  listAt(o.figures, `${path}.figures`, 1).forEach((f, i) => {
    const at = `${path}.figures[${i}]`;
    const fo = objectAt(f, at);
    const kind = oneOf(fo.kind, ['rate', 'index', 'grade', 'rank'] as const, 'rate', `${at}.kind`);
    if (fo.kind === undefined)
      throw new SettingsError(`${at}.kind`, {
        kind: 'oneOf',
        options: ['rate', 'index', 'grade', 'rank'],
      });
    known(fo, KEYS[kind], at);
    const key = textAt(fo.key, `${at}.key`);
    claim(key, `${at}.key`);
    const headers = textList(fo.headers, `${at}.headers`);
    let def: FigureDef;
    switch (kind) {
      case 'rate':
        def = {
          kind,
          key,
          headers,
          numerator: countRef(fo.numerator, `${at}.numerator`),
          denominator: countRef(fo.denominator, `${at}.denominator`),
          complement: bool(fo.complement, `${at}.complement`),
          cap: bool(fo.cap, `${at}.cap`),
          decimals: decimalsAt(fo.decimals, decimals, `${at}.decimals`),
          rounding: oneOf(fo.rounding, ['halfUp', 'halfEven'] as const, rounding, `${at}.rounding`),
          whenZero: oneOf(
            fo.whenZero,
            ['notAvailable', 'zero'] as const,
            'notAvailable',
            `${at}.whenZero`,
          ),
        };
        break;
      case 'index': {
        const terms = listAt(fo.terms, `${at}.terms`, 1).map((t, j): IndexTerm => {
          const ta = `${at}.terms[${j}]`;
          const to = objectAt(t, ta);
          known(to, KEYS.term, ta);
          const weight = to.weight;
          const scaled =
            typeof weight === 'number' && weight >= 0 && weight <= 1
              ? toScaled(weight, 4, 'halfUp')
              : null;
          if (!scaled?.exact) throw new SettingsError(`${ta}.weight`, { kind: 'weight' });
          return {
            figure: figureRef(to.figure, `${ta}.figure`, ['rate']),
            weight: weight as number,
            complement: bool(to.complement, `${ta}.complement`),
            whenZeroDenominator: oneOf(
              to.whenZeroDenominator,
              ['zero', 'asValue'] as const,
              'asValue',
              `${ta}.whenZeroDenominator`,
            ),
          };
        });
        const sum = terms.reduce((s, t) => s + toScaled(t.weight, 4, 'halfUp')!.scaled, 0);
        if (sum !== 10000) throw new SettingsError(`${at}.terms`, { kind: 'termWeightsSum' });
        def = {
          kind,
          key,
          headers,
          terms,
          requires: textList(fo.requires, `${at}.requires`).map((r, j) =>
            countRef(r, `${at}.requires[${j}]`),
          ),
          decimals: decimalsAt(fo.decimals, decimals, `${at}.decimals`),
          rounding: oneOf(fo.rounding, ['halfUp', 'halfEven'] as const, rounding, `${at}.rounding`),
        };
        break;
      }
      case 'grade': {
        const from = figureRef(fo.from, `${at}.from`, ['rate', 'index']);
        const source = figures.find((x) => x.key === from) as RateDef | IndexDef;
        def = {
          kind,
          key,
          headers,
          from,
          bands: compileBands(fo.bands, source.decimals, `${at}.bands`),
        };
        break;
      }
      case 'rank':
        def = {
          kind,
          key,
          headers,
          by: figureRef(fo.by, `${at}.by`, ['rate', 'index']),
          order: oneOf(fo.order, ['desc', 'asc'] as const, 'desc', `${at}.order`),
          ties: oneOf(fo.ties, ['competition', 'dense'] as const, 'competition', `${at}.ties`),
        };
        break;
    }
    figures.push(def);
    figureKinds.set(key, kind);
  });
  const checks = (o.checks === undefined ? [] : listAt(o.checks, `${path}.checks`)).map((c, i) => {
    const at = `${path}.checks[${i}]`;
    const co = objectAt(c, at);
    known(co, KEYS.check, at);
    return { value: countRef(co.value, `${at}.value`), limit: countRef(co.limit, `${at}.limit`) };
  });
  const groups = (o.groups === undefined ? [] : listAt(o.groups, `${path}.groups`)).map((g, i) => {
    const at = `${path}.groups[${i}]`;
    const go = objectAt(g, at);
    known(go, KEYS.group, at);
    const pattern = textAt(go.pattern, `${at}.pattern`);
    try {
      new RegExp(pattern);
    } catch {
      throw new SettingsError(`${at}.pattern`, { kind: 'pattern' });
    }
    return { pattern, group: textAt(go.group, `${at}.group`) };
  });
  const measures = (
    o.measures === undefined ? defaultMeasures(figures) : listAt(o.measures, `${path}.measures`)
  ).map((m, i): NarrativeMeasure => {
    const at = `${path}.measures[${i}]`;
    const mo = objectAt(m, at);
    known(mo, KEYS.measure, at);
    const figure = figureRef(mo.figure, `${at}.figure`, ['rate', 'index']);
    const isIndex = figureKinds.get(figure) === 'index';
    return {
      figure,
      unit: oneOf(mo.unit, ['分', '%'] as const, isIndex ? '分' : '%', `${at}.unit`),
      valueName: mo.valueName === undefined ? figure : textAt(mo.valueName, `${at}.valueName`),
    };
  });
  return {
    id,
    name,
    part: oneOf(o.part, ['cityManagement', 'hotline'] as const, 'cityManagement', `${path}.part`),
    counts,
    names: textList(o.names, `${path}.names`),
    figures,
    checks,
    groups,
    measures,
  };
}

/** Without a list, the paragraphs rank by the scheme's main figure. */
function defaultMeasures(figures: readonly FigureDef[]): { figure: string }[] {
  const main = mainFigure(figures);
  return main ? [{ figure: main.key }] : [];
}

/** The figure a scheme is mainly about: its index, else its first rate. */
export function mainFigure(figures: readonly FigureDef[]): RateDef | IndexDef | undefined {
  return (
    figures.find((f): f is IndexDef => f.kind === 'index') ??
    figures.find((f): f is RateDef => f.kind === 'rate')
  );
}

/**
 * The counts the figures are computed from (each rate's two, each index's required ones): an
 * empty cell in one of them is an error, and a table lacking one loses figures.
 */
export function neededCounts(scheme: Scheme): Set<string> {
  const needed = new Set<string>();
  for (const f of scheme.figures) {
    if (f.kind === 'rate') needed.add(f.numerator).add(f.denominator);
    else if (f.kind === 'index') for (const r of f.requires) needed.add(r);
  }
  return needed;
}

/** Decimals of a figure kept as a scaled integer (a rate or an index); null for a grade or rank. */
export function scaledDecimals(f: FigureDef | undefined): number | null {
  return f?.kind === 'rate' || f?.kind === 'index' ? f.decimals : null;
}

/** Grade bands: unique names, minimums strictly decreasing at the graded figure's decimals, the last at 0. */
export function compileBands(v: unknown, decimals: number, path: string): GradeBand[] {
  if (!Array.isArray(v) || v.length === 0) throw new SettingsError(path, { kind: 'bandsList' });
  // Each band first (name, minimum), then their order, then the last one at 0.
  const seen = new Set<string>();
  const scaled: number[] = [];
  const bands = v.map((band: unknown, i) => {
    const at = `${path}[${i}]`;
    const bo = objectAt(band, at);
    known(bo, KEYS.band, at);
    if (!nonEmpty(bo.grade) || seen.has(bo.grade))
      throw new SettingsError(`${at}.grade`, { kind: 'bandGrade' });
    seen.add(bo.grade);
    const min =
      typeof bo.min === 'number' && bo.min >= 0 && bo.min <= 100
        ? toScaled(bo.min, decimals, 'halfUp')
        : null;
    if (!min?.exact) throw new SettingsError(`${at}.min`, { kind: 'bandMin', decimals });
    scaled.push(min.scaled);
    return { grade: bo.grade, min: bo.min as number };
  });
  for (let i = 1; i < scaled.length; i++)
    if (scaled[i]! >= scaled[i - 1]!)
      throw new SettingsError(`${path}[${i}].min`, { kind: 'bandsOrder' });
  if (scaled[scaled.length - 1] !== 0)
    throw new SettingsError(`${path}[${bands.length - 1}].min`, { kind: 'lastBandZero' });
  return bands;
}

/** Decimals a figure's values are kept at (a grade's and a rank's: 0). */
export function figureDecimals(f: FigureDef): number {
  return f.kind === 'rate' || f.kind === 'index' ? f.decimals : 0;
}
