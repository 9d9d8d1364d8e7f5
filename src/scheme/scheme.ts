import { SettingsError } from '../core/errors';
import { ROUNDING_MODES, toScaled, type RoundingMode } from '../core/fixed';

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

/**
 * One count of a rate's numerator or denominator with its integer coefficient: the side is
 * Σ coef × count (按时办结数 + 超时办结数; 总立案数 − 超时数 − 其它超时数). A side of one count
 * is that count with coefficient 1.
 */
export interface CountTerm {
  readonly count: string;
  readonly coef: number;
}

/** Coefficients a sum may give a count: whole numbers from −100 to 100, never 0. */
export const MAX_COEFFICIENT = 100;

/** What a rate is when its denominator is 0: not available, or printed as 0. */
export type WhenZero = 'notAvailable' | 'zero';

export interface RateDef {
  readonly kind: 'rate';
  readonly key: string;
  readonly headers: readonly string[];
  /**
   * The numerator's count when it is one count (most schemes); for a sum, its first count
   * with a positive coefficient, which names the side where one column must be named (the
   * cell of a message). The side itself is `numeratorTerms`: compute from that.
   */
  readonly numerator: string;
  /** As `numerator`, for the denominator (`denominatorTerms`). */
  readonly denominator: string;
  /** The numerator as the scheme writes it: Σ coef × count, at least one positive term. */
  readonly numeratorTerms: readonly CountTerm[];
  readonly denominatorTerms: readonly CountTerm[];
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
  /** Free text for the reader of the file (what a proposal could not express); not used. */
  readonly comment?: string | readonly string[];
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
    'comment',
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
    'comment',
  ],
  index: ['kind', 'key', 'headers', 'terms', 'requires', 'decimals', 'rounding', 'comment'],
  term: ['figure', 'weight', 'complement', 'whenZeroDenominator'],
  grade: ['kind', 'key', 'headers', 'from', 'bands', 'comment'],
  band: ['grade', 'min'],
  rank: ['kind', 'key', 'headers', 'by', 'order', 'ties', 'comment'],
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

/** A comment: text, or a list of texts (one line each). Read for its shape only. */
function commentAt(v: unknown, path: string): void {
  if (v === undefined || typeof v === 'string') return;
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      if (typeof x !== 'string') throw new SettingsError(`${path}[${i}]`, { kind: 'text' });
    });
    return;
  }
  throw new SettingsError(path, { kind: 'text' });
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
  const rounding = oneOf(o.rounding, ROUNDING_MODES, 'halfUp', `${path}.rounding`);
  commentAt(o.comment, `${path}.comment`);
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
  const side = (v: unknown, at: string): CountTerm[] => sideAt(v, at, countRef);
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
    commentAt(fo.comment, `${at}.comment`);
    const key = textAt(fo.key, `${at}.key`);
    claim(key, `${at}.key`);
    const headers = textList(fo.headers, `${at}.headers`);
    let def: FigureDef;
    switch (kind) {
      case 'rate': {
        const numeratorTerms = side(fo.numerator, `${at}.numerator`);
        const denominatorTerms = side(fo.denominator, `${at}.denominator`);
        def = {
          kind,
          key,
          headers,
          numerator: leadCount(numeratorTerms),
          denominator: leadCount(denominatorTerms),
          numeratorTerms,
          denominatorTerms,
          complement: bool(fo.complement, `${at}.complement`),
          cap: bool(fo.cap, `${at}.cap`),
          decimals: decimalsAt(fo.decimals, decimals, `${at}.decimals`),
          rounding: oneOf(fo.rounding, ROUNDING_MODES, rounding, `${at}.rounding`),
          whenZero: oneOf(
            fo.whenZero,
            ['notAvailable', 'zero'] as const,
            'notAvailable',
            `${at}.whenZero`,
          ),
        };
        break;
      }
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
          rounding: oneOf(fo.rounding, ROUNDING_MODES, rounding, `${at}.rounding`),
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
    if (f.kind === 'rate') for (const k of rateCounts(f)) needed.add(k);
    else if (f.kind === 'index') for (const r of f.requires) needed.add(r);
  }
  return needed;
}

/**
 * A rate's numerator or denominator as a scheme file writes it: one count (“结案数”), a sum
 * (["按时办结数", "超时办结数"]) or counts with integer coefficients ({"总立案数": 1,
 * "超时数": -1}). Each count is named once and known to the scheme (`countRef`); a sum is
 * not empty, its coefficients are whole numbers from −100 to 100 other than 0, and at least
 * one is positive (a side that can only be ≤ 0 is a mistake).
 */
function sideAt(
  v: unknown,
  path: string,
  countRef: (v: unknown, at: string) => string,
): CountTerm[] {
  let terms: CountTerm[];
  if (typeof v === 'string') terms = [{ count: countRef(v, path), coef: 1 }];
  else if (Array.isArray(v)) {
    if (v.length === 0) throw new SettingsError(path, { kind: 'schemeSum', problem: 'empty' });
    terms = v.map((c, i) => ({ count: countRef(c, `${path}[${i}]`), coef: 1 }));
  } else if (isObject(v)) {
    const entries = Object.entries(v);
    if (entries.length === 0)
      throw new SettingsError(path, { kind: 'schemeSum', problem: 'empty' });
    terms = entries.map(([c, coef]) => {
      const at = `${path}.${c}`;
      const count = countRef(c, at);
      if (
        typeof coef !== 'number' ||
        !Number.isInteger(coef) ||
        coef === 0 ||
        Math.abs(coef) > MAX_COEFFICIENT
      )
        throw new SettingsError(at, { kind: 'schemeSum', problem: 'coefficient' });
      return { count, coef };
    });
  } else throw new SettingsError(path, { kind: 'schemeSum', problem: 'shape' });
  const seen = new Set<string>();
  terms.forEach((t, i) => {
    if (seen.has(t.count))
      throw new SettingsError(Array.isArray(v) ? `${path}[${i}]` : path, {
        kind: 'schemeDuplicate',
        name: t.count,
      });
    seen.add(t.count);
  });
  if (!terms.some((t) => t.coef > 0))
    throw new SettingsError(path, { kind: 'schemeSum', problem: 'noPositive' });
  return terms;
}

/** The count that names a side: its first with a positive coefficient. */
function leadCount(terms: readonly CountTerm[]): string {
  return terms.find((t) => t.coef > 0)!.count;
}

/** Every count a rate reads, numerator's first, each once. */
export function rateCounts(f: RateDef): string[] {
  return [...new Set([...f.numeratorTerms, ...f.denominatorTerms].map((t) => t.count))];
}

/** A side is its one count alone (coefficient 1): what every scheme before sums had. */
export function isSingleCount(terms: readonly CountTerm[]): boolean {
  return terms.length === 1 && terms[0]!.coef === 1;
}

/**
 * A side in the user's words: “结案数”, “按时办结数＋超时办结数”, “总立案数－超时数－其它超时数”,
 * “2×按时数＋超时数”. Full-width signs, as the bulletin's text writes them.
 */
export function sideText(terms: readonly CountTerm[]): string {
  return terms
    .map((t, i) => {
      const size = Math.abs(t.coef);
      const sign = t.coef < 0 ? '－' : i > 0 ? '＋' : '';
      return `${sign}${size === 1 ? '' : `${size}×`}${t.count}`;
    })
    .join('');
}

/**
 * The sides of the scheme's rates that subtract a count, each once (by its text): a row where
 * one comes to less than 0 holds a data error, said as a negative count is.
 */
export function signedSides(scheme: Scheme): { terms: readonly CountTerm[]; text: string }[] {
  const out = new Map<string, readonly CountTerm[]>();
  for (const f of scheme.figures)
    if (f.kind === 'rate')
      for (const terms of [f.numeratorTerms, f.denominatorTerms])
        if (terms.some((t) => t.coef < 0)) out.set(sideText(terms), terms);
  return [...out].map(([text, terms]) => ({ terms, text }));
}

/**
 * Σ coef × count over a row's counts; undefined when a count is missing. Exact: counts are at
 * most MAX_COUNT (10^9) and coefficients at most 100, so each term is below 10^11 and a sum
 * of the scheme's counts stays far inside 2^53.
 */
export function sideValue(
  terms: readonly CountTerm[],
  counts: Readonly<Record<string, number | undefined>>,
): number | undefined {
  if (terms.length === 1) {
    // One count: every scheme before sums, read as fast as it was.
    const t = terms[0]!;
    const v = counts[t.count];
    return v === undefined || t.coef === 1 ? v : t.coef * v;
  }
  let sum = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    const v = counts[t.count];
    if (v === undefined) return undefined;
    sum += t.coef * v;
  }
  return sum;
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
