import { divRound } from '../core/fixed';
import type { EvaluationRules } from '../core/settings';
import type { CountField } from '../tables/columns';

/** Rates (percent) and the index (points), as integers in units of 10^-decimals. */
export interface Scores {
  readonly rework: number;
  readonly closed: number;
  readonly onTime: number;
  readonly index: number;
  readonly grade: string;
}

export type Counts = Readonly<Record<CountField, number>>;

/**
 * The bulletin's formulas (说明 2–5): each rate a percentage rounded once; the index from
 * the rounded rates, rounded once. Caller guarantees 应处置数 > 0 and 应结案数 > 0.
 */
export function score(c: Counts, rules: EvaluationRules): Scores | null {
  const { scale, rounding, weightsBp } = rules;
  const den = rules.settings.denominators;
  // rate% × scale = count / denominator × 100 × scale
  const rate = (count: number, denominator: number): number => divRound(count * 100 * scale, denominator, rounding);
  if (c[den.closed] === 0 || c[den.onTime] === 0) return null;
  const closed = rate(c.结案数, c[den.closed]);
  const onTime = rate(c.按期结案数, c[den.onTime]);
  const noneDisposed = c[den.rework] === 0;
  const rework = noneDisposed ? 0 : rate(c.返工数, c[den.rework]);
  const reworkTerm =
    noneDisposed && rules.settings.reworkTermWhenNoneDisposed === 'zero' ? 0 : (100 * scale - rework) * weightsBp.rework;
  const index = divRound(closed * weightsBp.closed + onTime * weightsBp.onTime + reworkTerm, 10000, rounding);
  return { rework, closed, onTime, index, grade: gradeOf(index, rules) };
}

export function gradeOf(index: number, rules: EvaluationRules): string {
  for (const band of rules.bands) if (index >= band.minScaled) return band.grade;
  return rules.bands[rules.bands.length - 1]!.grade;
}
