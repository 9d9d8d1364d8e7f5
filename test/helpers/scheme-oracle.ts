/**
 * An independent oracle for evaluation schemes written as JSON (the shape of
 * src/scheme/presets/*.json): every figure computed with BigInt rationals, straight from the
 * scheme's own words — a rate is numerator / denominator × 100 % rounded once at its decimals
 * (each side one count, a list of counts added, or an object of counts with coefficients),
 * an index is the weighted sum of its terms' *rounded* rates rounded once, a grade is the
 * first band whose minimum the value reaches, a rank counts the better values. Nothing here
 * uses src/core/fixed.ts or the engine's compiled scheme: the scheme JSON is read directly,
 * its decimal numbers (weights 0.3, band minimums 89.5) parsed from their text.
 */

export type OracleValue = bigint | string | number | null;

type Rounding = 'halfUp' | 'halfEven' | 'down' | 'up';

interface J {
  [k: string]: unknown;
}

const ten = (n: number): bigint => 10n ** BigInt(n);

/** round(n / d) for n ≥ 0, d > 0: 去尾 (down) drops any remainder, 进一 (up) adds one for any. */
export function roundDiv(n: bigint, d: bigint, mode: Rounding): bigint {
  if (n < 0n || d <= 0n) throw new Error(`oracle: roundDiv(${n}, ${d}) out of its domain`);
  const q = n / d;
  const r = n - q * d;
  if (r === 0n || mode === 'down') return q;
  if (mode === 'up') return q + 1n;
  const r2 = 2n * r;
  if (r2 > d) return q + 1n;
  if (r2 < d) return q;
  return mode === 'halfUp' || q % 2n === 1n ? q + 1n : q;
}

/** A rate's side as the scheme writes it: “a”, ["a", "b"] (a + b) or {"a": 1, "b": -1}. */
export type Side = readonly (readonly [string, number])[];

export function readSide(v: unknown): Side {
  if (typeof v === 'string') return [[v, 1]];
  if (Array.isArray(v)) return v.map((c) => [c as string, 1] as const);
  return Object.entries(v as Record<string, number>);
}

/** Σ coef × count, or undefined when a count is missing. */
function sideSum(side: Side, c: Readonly<Record<string, number | undefined>>): bigint | undefined {
  let sum = 0n;
  for (const [count, coef] of side) {
    const v = c[count];
    if (v === undefined) return undefined;
    sum += BigInt(coef) * BigInt(v);
  }
  return sum;
}

/** A decimal number's exact value × 10^decimals, from its text (0.3 → 3000 at 4); throws if not exact. */
export function decimalScaled(v: number | string, decimals: number): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(String(v));
  if (!m) throw new Error(`oracle: not a plain decimal: ${String(v)}`);
  const frac = m[2] ?? '';
  if (frac.length > decimals && !/^0*$/.test(frac.slice(decimals)))
    throw new Error(`oracle: ${String(v)} has more than ${decimals} decimals`);
  return BigInt(m[1]! + frac.slice(0, decimals).padEnd(decimals, '0'));
}

/** “98.51” from 9851n at 2 decimals; “97” at 0. Non-negative values only. */
export function scaledText(v: bigint, decimals: number): string {
  if (v < 0n) return `-${scaledText(-v, decimals)}`;
  if (decimals === 0) return v.toString();
  const s = v.toString().padStart(decimals + 1, '0');
  return `${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

interface Rate {
  kind: 'rate';
  key: string;
  numerator: Side;
  denominator: Side;
  complement: boolean;
  cap: boolean;
  decimals: number;
  rounding: Rounding;
  whenZero: 'notAvailable' | 'zero';
}

interface Index {
  kind: 'index';
  key: string;
  terms: { figure: string; k: bigint; complement: boolean; zeroTerm: boolean }[];
  requires: string[];
  decimals: number;
  rounding: Rounding;
}

interface Grade {
  kind: 'grade';
  key: string;
  from: string;
  bands: { grade: string; min: number | string }[];
}

interface Rank {
  kind: 'rank';
  key: string;
  by: string;
  order: 'desc' | 'asc';
  ties: 'competition' | 'dense';
}

type Figure = Rate | Index | Grade | Rank;

/** The scheme JSON read with its documented defaults. */
export function readScheme(json: unknown): { figures: Figure[]; checks: [string, string][] } {
  const s = json as J;
  const decimals = (s.decimals as number | undefined) ?? 2;
  const rounding = (s.rounding as Rounding | undefined) ?? 'halfUp';
  const figures = (s.figures as J[]).map((f): Figure => {
    switch (f.kind) {
      case 'rate':
        return {
          kind: 'rate',
          key: f.key as string,
          numerator: readSide(f.numerator),
          denominator: readSide(f.denominator),
          complement: f.complement === true,
          cap: f.cap === true,
          decimals: (f.decimals as number | undefined) ?? decimals,
          rounding: (f.rounding as Rounding | undefined) ?? rounding,
          whenZero: (f.whenZero as Rate['whenZero'] | undefined) ?? 'notAvailable',
        };
      case 'index':
        return {
          kind: 'index',
          key: f.key as string,
          terms: (f.terms as J[]).map((t) => ({
            figure: t.figure as string,
            k: decimalScaled(t.weight as number, 4),
            complement: t.complement === true,
            zeroTerm: t.whenZeroDenominator === 'zero',
          })),
          requires: (f.requires as string[] | undefined) ?? [],
          decimals: (f.decimals as number | undefined) ?? decimals,
          rounding: (f.rounding as Rounding | undefined) ?? rounding,
        };
      case 'grade':
        return {
          kind: 'grade',
          key: f.key as string,
          from: f.from as string,
          bands: f.bands as Grade['bands'],
        };
      case 'rank':
        return {
          kind: 'rank',
          key: f.key as string,
          by: f.by as string,
          order: (f.order as Rank['order'] | undefined) ?? 'desc',
          ties: (f.ties as Rank['ties'] | undefined) ?? 'competition',
        };
      default:
        throw new Error(`oracle: unknown figure kind ${String(f.kind)}`);
    }
  });
  const checks = ((s.checks as J[] | undefined) ?? []).map(
    (c) => [c.value as string, c.limit as string] as [string, string],
  );
  return { figures, checks };
}

/**
 * Every figure of every unit (one table, all units top-level). `counts[i][key]` is undefined
 * when the table has no such column. Rates and indexes are scaled BigInts at their decimals.
 * A unit breaking a count check (value > limit, unless a capped rate divides value by limit),
 * or where a rate's side that subtracts comes to less than 0, has no figures at all.
 */
export function oracle(
  schemeJson: unknown,
  counts: readonly Readonly<Record<string, number | undefined>>[],
): Record<string, OracleValue>[] {
  const { figures, checks } = readScheme(schemeJson);
  // A capped rate of one count over one count lets that pair's check go.
  const one = (s: Side) => (s.length === 1 && s[0]![1] === 1 ? s[0]![0] : null);
  const capped = new Set(
    figures.flatMap((f) =>
      f.kind === 'rate' && f.cap && one(f.numerator) !== null && one(f.denominator) !== null
        ? [`${one(f.numerator)}|${one(f.denominator)}`]
        : [],
    ),
  );
  const signed = figures.flatMap((f) =>
    f.kind === 'rate' ? [f.numerator, f.denominator].filter((s) => s.some(([, k]) => k < 0)) : [],
  );
  const decimalsOf = (key: string) => {
    const f = figures.find((x) => x.key === key)!;
    return f.kind === 'rate' || f.kind === 'index' ? f.decimals : 0;
  };
  const out = counts.map((c) => {
    const v: Record<string, OracleValue> = {};
    const zeroDen = new Set<string>();
    const invalid =
      checks.some(
        ([value, limit]) =>
          c[value] !== undefined &&
          c[limit] !== undefined &&
          !capped.has(`${value}|${limit}`) &&
          c[value] > c[limit],
      ) ||
      signed.some((s) => {
        const v = sideSum(s, c);
        return v !== undefined && v < 0n;
      });
    for (const f of figures) {
      if (invalid) {
        v[f.key] = null;
        continue;
      }
      switch (f.kind) {
        case 'rate': {
          const n = sideSum(f.numerator, c);
          const d = sideSum(f.denominator, c);
          if (n === undefined || d === undefined) v[f.key] = null;
          else if (d === 0n) {
            v[f.key] = f.whenZero === 'zero' ? 0n : null;
            if (f.whenZero === 'zero') zeroDen.add(f.key);
          } else {
            const part = f.cap && n > d ? d : n;
            const num = f.complement ? d - part : part;
            v[f.key] = roundDiv(num * 100n * ten(f.decimals), d, f.rounding);
          }
          break;
        }
        case 'index': {
          if (f.requires.some((r) => c[r] === undefined || c[r] === 0)) {
            v[f.key] = null;
            break;
          }
          // Σ k_i/10000 × t_i/10^d_i, scaled by 10^D: over the common denominator 10000 × 10^maxd.
          const maxd = Math.max(...f.terms.map((t) => decimalsOf(t.figure)));
          let sum = 0n;
          let missing = false;
          for (const t of f.terms) {
            const r = v[t.figure];
            if (typeof r !== 'bigint') {
              missing = true;
              break;
            }
            if (zeroDen.has(t.figure) && t.zeroTerm) continue;
            const d = decimalsOf(t.figure);
            const term = t.complement ? 100n * ten(d) - r : r;
            sum += t.k * term * ten(maxd - d);
          }
          v[f.key] = missing
            ? null
            : roundDiv(sum * ten(f.decimals), 10000n * ten(maxd), f.rounding);
          break;
        }
        case 'grade': {
          const x = v[f.from];
          if (typeof x !== 'bigint') v[f.key] = null;
          else {
            const d = decimalsOf(f.from);
            const band = f.bands.find((b) => x >= decimalScaled(b.min, d)) ?? f.bands.at(-1)!;
            v[f.key] = band.grade;
          }
          break;
        }
        case 'rank':
          v[f.key] = null; // below, over the whole table
          break;
      }
    }
    return v;
  });
  for (const f of figures) {
    if (f.kind !== 'rank') continue;
    const values = out.map((v) => v[f.by]).filter((x): x is bigint => typeof x === 'bigint');
    const better = (a: bigint, b: bigint) => (f.order === 'desc' ? b > a : b < a);
    for (const v of out) {
      const x = v[f.by];
      if (typeof x !== 'bigint') continue;
      v[f.key] =
        f.ties === 'competition'
          ? values.filter((y) => better(x, y)).length + 1
          : new Set(values.filter((y) => better(x, y)).map(String)).size + 1;
    }
  }
  return out;
}

/** An oracle value in the engine's form: scaled integers as numbers, grades and ranks as they are. */
export function asEngine(v: OracleValue): number | string | null {
  return typeof v === 'bigint' ? Number(v) : v;
}
