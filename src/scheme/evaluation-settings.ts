import type { RoundingMode } from '../core/fixed';

/**
 * The default scheme's parameters, as the settings carry them (`settings.evaluation`). Here,
 * beside the scheme they build (fuzhou.ts), so that scheme/ needs nothing from the settings
 * layer above it (src/settings/ resolves and validates them).
 */

/** The count columns a rate may be divided by. */
export type Denominator = '处置数' | '应处置数' | '应结案数';

export interface GradeBand {
  readonly grade: string;
  /** Lowest 综合指标值 (points) that earns this grade; bands are listed best first. */
  readonly min: number;
}

export interface EvaluationSettings {
  /** Decimals every rate and the index are rounded to (the bulletin: 2). */
  readonly decimals: number;
  readonly rounding: RoundingMode;
  /** Weights of the index terms; they must add up to 1 (the bulletin: 20 % / 30 % / 50 %). */
  readonly weights: { readonly closed: number; readonly onTime: number; readonly rework: number };
  readonly denominators: {
    readonly rework: Denominator;
    readonly closed: Denominator;
    readonly onTime: Denominator;
  };
  /**
   * When 处置数 = 0 the bulletin prints 返工率 0 but the rework term contributes nothing
   * ('zero'); 'full' would award the whole rework weight instead.
   */
  readonly reworkTermWhenNoneDisposed: 'zero' | 'full';
  readonly bands: readonly GradeBand[];
}
