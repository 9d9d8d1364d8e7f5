import { divRound, divRoundBig, pow10, toScaled, type RoundingMode } from '../core/fixed';
import {
  sideValue,
  type CountTerm,
  type FigureDef,
  type IndexDef,
  type RankDef,
  type RateDef,
  type Scheme,
} from './scheme';

/**
 * A figure's value: a scaled integer (98.51 % at 2 decimals → 9851; the figure's own
 * decimals), a grade's name, a rank (1, 2, …), or null when the table does not support it.
 */
export type FigureValue = number | string | null;

/**
 * Figure values by key: a plain record filled in the scheme's order (compileScheme refuses
 * names Object.prototype carries, so every key read is the scheme's own).
 */
export type FigureValues = Readonly<Record<string, FigureValue>>;

/** Counts by key as read (undefined: column missing or the cell unreadable). */
export type CountValues = Readonly<Record<string, number | undefined>>;

export interface CompiledScheme {
  readonly scheme: Scheme;
  /** Figures in evaluation order (as listed: a figure only refers to earlier ones). */
  readonly figures: readonly FigureDef[];
  readonly byKey: ReadonlyMap<string, FigureDef>;
  /** Band minimums scaled to the graded figure's decimals, per grade figure. */
  readonly bands: ReadonlyMap<string, readonly { grade: string; min: number }[]>;
  /** Per index: its terms resolved (rate position, 100% at the rate's decimals, the factor
   * that brings a term to the common decimals times its weight in basis points) and the divisor. */
  readonly terms: ReadonlyMap<string, CompiledTerms>;
  /** Every figure null, in the scheme's order: each unit's record is a copy of this shape. */
  readonly template: Readonly<Record<string, FigureValue>>;
  /** Per-call scratch: which rates read 0 for a 0 denominator (by figure position). */
  readonly zeroScratch: Uint8Array;
}

type CompiledTerms = readonly {
  readonly figure: string;
  readonly position: number;
  readonly complement: boolean;
  readonly whenZeroDenominator: 'zero' | 'asValue';
  readonly hundred: number;
  readonly factor: number;
}[] & { readonly divisor: number };

export function compileFigures(scheme: Scheme): CompiledScheme {
  const byKey = new Map(scheme.figures.map((f) => [f.key, f] as const));
  const position = new Map(scheme.figures.map((f, i) => [f.key, i] as const));
  const bands = new Map<string, { grade: string; min: number }[]>();
  const terms = new Map<string, CompiledTerms>();
  for (const f of scheme.figures) {
    if (f.kind === 'grade') {
      const source = byKey.get(f.from) as RateDef | IndexDef;
      bands.set(
        f.key,
        f.bands.map((b) => ({
          grade: b.grade,
          min: toScaled(b.min, source.decimals, 'halfUp')!.scaled,
        })),
      );
    } else if (f.kind === 'index') {
      const decimalsOf = (key: string) => (byKey.get(key) as RateDef).decimals;
      const top = Math.max(f.decimals, ...f.terms.map((t) => decimalsOf(t.figure)));
      const list = f.terms.map((t) => {
        const d = decimalsOf(t.figure);
        return {
          figure: t.figure,
          position: position.get(t.figure)!,
          complement: t.complement,
          whenZeroDenominator: t.whenZeroDenominator,
          hundred: 100 * pow10(d),
          factor: pow10(top - d) * toScaled(t.weight, 4, 'halfUp')!.scaled,
        };
      });
      terms.set(f.key, Object.assign(list, { divisor: 10000 * pow10(top - f.decimals) }));
    }
  }
  return {
    scheme,
    figures: scheme.figures,
    byKey,
    bands,
    terms,
    template: Object.fromEntries(scheme.figures.map((f) => [f.key, null] as const)),
    zeroScratch: new Uint8Array(scheme.figures.length),
  };
}

/** Why a figure is not available for a unit. */
export type Unavailable = 'missingColumn' | 'zeroDenominator' | 'required' | 'input';

export interface UnitResult {
  readonly values: FigureValues;
  /** For figures that are null: why. */
  readonly why: Readonly<Record<string, Unavailable>>;
}

/**
 * Every figure a unit's counts allow (ranks excepted: they need the whole table, see
 * `rankTable`). `present` tells whether the table has a count's column at all.
 *
 * Hot: called once per unit (100,000 in the bench). Records are plain objects filled in the
 * scheme's order (one hidden class per scheme: scheme names are never Object.prototype's,
 * compileScheme refuses those), `why` is allocated only when a figure is missing, and no
 * closure or Set is made per call.
 */
export function computeFigures(
  c: CompiledScheme,
  counts: CountValues,
  present: (key: string) => boolean,
): UnitResult {
  const values: Record<string, FigureValue> = { ...c.template };
  let why: Record<string, Unavailable> | null = null;
  const zero = c.zeroScratch;
  zero.fill(0);
  const figures = c.figures;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    let value: FigureValue = null;
    let reason: Unavailable | null = null;
    switch (f.kind) {
      case 'rate': {
        const n = sideValue(f.numeratorTerms, counts);
        const d = sideValue(f.denominatorTerms, counts);
        if (n === undefined || d === undefined)
          reason =
            allPresent(f.numeratorTerms, present) && allPresent(f.denominatorTerms, present)
              ? 'input'
              : 'missingColumn';
        // A sum that subtracts can come to less than 0: a data error (the evaluation says so
        // as it says a negative count), never a rate.
        else if (n < 0 || d < 0) reason = 'input';
        else if (d !== 0) {
          value = rate(f, n, d);
          if (value === null) reason = 'input';
        } else if (f.whenZero === 'zero') {
          value = 0;
          zero[i] = 1;
        } else reason = 'zeroDenominator';
        break;
      }
      case 'index': {
        let missing: string | undefined;
        let required = false;
        for (const k of f.requires) {
          const v = counts[k];
          if (v === undefined) {
            missing = k;
            break;
          }
          if (v === 0) required = true;
        }
        if (missing !== undefined) reason = present(missing) ? 'input' : 'missingColumn';
        else if (required) reason = 'required';
        else {
          const r = index(c, f, values, zero);
          if (typeof r === 'number') value = r;
          else reason = (r.term !== null ? why?.[r.term] : undefined) ?? 'input';
        }
        break;
      }
      case 'grade': {
        const v = values[f.from];
        if (typeof v === 'number') value = gradeOf(v, c.bands.get(f.key)!);
        else reason = why?.[f.from] ?? 'input';
        break;
      }
      case 'rank':
        // Filled per table by rankTable; unavailable until then.
        reason = why?.[f.by] ?? 'input';
        break;
    }
    values[f.key] = value;
    if (reason !== null) (why ??= {})[f.key] = reason;
  }
  return { values, why: why ?? NO_REASONS };
}

const NO_REASONS: Readonly<Record<string, Unavailable>> = Object.freeze({});

function allPresent(terms: readonly CountTerm[], present: (key: string) => boolean): boolean {
  return terms.every((t) => present(t.count));
}

/**
 * numerator / denominator as a percentage at the rate's decimals, rounded once; null when it
 * is too large to be kept exactly (sums of huge counts over a tiny denominator).
 */
function rate(f: RateDef, n: number, d: number): number | null {
  const unit = 100 * pow10(f.decimals);
  const part = f.cap && n > d ? d : n;
  const num = f.complement ? d - part : part;
  // A complement of a count larger than its base (no cap) would read below 0: keep the sign,
  // the count check reports the cause.
  const scaled = num * unit;
  // One count (≤ 10^9) × 10^6 is always exact; a sum of several large counts may pass 2^53,
  // and is then divided as BigInts (exact either way; the float product is a safe integer
  // only when the true product is).
  if (Number.isSafeInteger(scaled)) return divRound(scaled, d, f.rounding);
  return bigDivRound(BigInt(num) * BigInt(unit), BigInt(d), f.rounding);
}

/**
 * divRound for a dividend beyond 2^53 (a rate over a sum of very large counts), d > 0; null
 * when the quotient is beyond 2^53 too.
 */
function bigDivRound(n: bigint, d: bigint, mode: RoundingMode): number | null {
  const q = divRoundBig(n, d, mode);
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  return q > limit || q < -limit ? null : Number(q);
}

/**
 * The weighted sum of the terms' rounded rates, rounded once at the index's decimals; or the
 * term whose rate is missing (null: the sum left the exact range).
 */
function index(
  c: CompiledScheme,
  f: IndexDef,
  values: Readonly<Record<string, FigureValue>>,
  zero: Uint8Array,
): number | { term: string | null } {
  const terms = c.terms.get(f.key)!;
  let sum = 0;
  for (const t of terms) {
    const v = values[t.figure];
    if (typeof v !== 'number') return { term: t.figure };
    if (zero[t.position] === 1 && t.whenZeroDenominator === 'zero') continue;
    const term = t.complement ? t.hundred - v : v;
    sum += term * t.factor;
    // Exact while the sum is a safe integer: always so for rates up to 100% (1e6 × 1e4 × 1e4
    // at 4 decimals). An uncapped rate far above 100% (a count larger than its base, in a
    // scheme without that check) could leave it: no index then, rather than an inexact one.
    if (!Number.isSafeInteger(sum)) return { term: null };
  }
  return divRound(sum, terms.divisor, f.rounding);
}

export function gradeOf(value: number, bands: readonly { grade: string; min: number }[]): string {
  for (const band of bands) if (value >= band.min) return band.grade;
  return bands[bands.length - 1]!.grade;
}

/**
 * Ranks within one table, on the units whose ranked figure is available: 'competition' gives
 * 1, 1, 3; 'dense' gives 1, 1, 2. Writes into each unit's values.
 */
export function rankTable(f: RankDef, units: readonly Record<string, FigureValue>[]): void {
  const ranked = units.filter((v) => typeof v[f.by] === 'number');
  const sorted = [...ranked].sort((a, b) =>
    f.order === 'desc'
      ? (b[f.by] as number) - (a[f.by] as number)
      : (a[f.by] as number) - (b[f.by] as number),
  );
  let rank = 0;
  let distinct = 0;
  let previous: number | null = null;
  sorted.forEach((v, i) => {
    const value = v[f.by] as number;
    if (value !== previous) {
      distinct++;
      rank = f.ties === 'dense' ? distinct : i + 1;
      previous = value;
    }
    v[f.key] = rank;
  });
}
