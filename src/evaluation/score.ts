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
 * the rounded rates, rounded once. Returns null when a rate's denominator is 0 (the unit is
 * not evaluated); a 处置数 of 0 is the zero rule instead.
 */
export function score(c: Counts, rules: EvaluationRules): Scores | null {
  const { rounding, weightsBp } = rules;
  const den = rules.settings.denominators;
  // rate% × scale = count × 100 × scale / denominator
  const unit = 100 * rules.scale;
  const closedDen = c[den.closed];
  const onTimeDen = c[den.onTime];
  if (closedDen === 0 || onTimeDen === 0) return null;
  const closed = divRound(c.结案数 * unit, closedDen, rounding);
  const onTime = divRound(c.按期结案数 * unit, onTimeDen, rounding);
  const reworkDen = c[den.rework];
  const rework = reworkDen === 0 ? 0 : divRound(c.返工数 * unit, reworkDen, rounding);
  const reworkTerm =
    reworkDen === 0 && rules.settings.reworkTermWhenNoneDisposed === 'zero'
      ? 0
      : (unit - rework) * weightsBp.rework;
  const index = divRound(
    closed * weightsBp.closed + onTime * weightsBp.onTime + reworkTerm,
    10000,
    rounding,
  );
  return { rework, closed, onTime, index, grade: gradeOf(index, rules) };
}

export function gradeOf(index: number, rules: EvaluationRules): string {
  for (const band of rules.bands) if (index >= band.minScaled) return band.grade;
  return rules.bands[rules.bands.length - 1]!.grade;
}
