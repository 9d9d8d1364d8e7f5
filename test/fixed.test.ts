import { describe, expect, it } from 'vitest';
import { divRound, formatScaled, toScaled } from '../src/core/fixed';

describe('divRound', () => {
  it('rounds half up (四舍五入), where binary floating point would not', () => {
    // 市交警支队's index is 97.665 exactly; in doubles the formula gives 97.66499999999999,
    // which prints as 97.66. In hundredths × 10000 it is 976650000 / 10000 / 10 → 97.67.
    expect((100 * 0.2 + 100 * 0.3 + (100 - 4.67) * 0.5).toFixed(2)).toBe('97.66');
    expect(divRound(10000 * 2000 + 10000 * 3000 + (10000 - 467) * 5000, 10000, 'halfUp')).toBe(
      9767,
    );
    expect(divRound(5, 2, 'halfUp')).toBe(3);
    expect(divRound(-5, 2, 'halfUp')).toBe(-3);
    expect(divRound(66 * 10000, 67, 'halfUp')).toBe(9851); // 98.507… → 98.51
  });

  it('rounds half to even when asked', () => {
    expect(divRound(5, 2, 'halfEven')).toBe(2);
    expect(divRound(7, 2, 'halfEven')).toBe(4);
    expect(divRound(10000 * 2000 + 10000 * 3000 + (10000 - 467) * 5000, 10000, 'halfEven')).toBe(
      9766,
    );
  });
});

describe('toScaled', () => {
  it('reads a printed number as the decimal a person sees', () => {
    expect(toScaled(98.5, 2, 'halfUp')).toEqual({ scaled: 9850, exact: true });
    expect(toScaled(97.665, 2, 'halfUp')).toEqual({ scaled: 9767, exact: false });
    expect(toScaled(0.1 + 0.2, 2, 'halfUp')).toEqual({ scaled: 30, exact: false });
    expect(toScaled('98.50', 2, 'halfUp')).toEqual({ scaled: 9850, exact: true });
    expect(toScaled(1e-7, 2, 'halfUp')).toEqual({ scaled: 0, exact: false });
    expect(toScaled(-3.145, 2, 'halfUp')).toEqual({ scaled: -315, exact: false });
    expect(toScaled('1.2e3', 0, 'halfUp')).toEqual({ scaled: 1200, exact: true });
  });

  it('refuses what is not a finite decimal', () => {
    for (const v of ['', '.', 'abc', '1.2.3', '#DIV/0!', Number.NaN, Infinity, '1e400']) {
      expect(toScaled(v, 2, 'halfUp'), String(v)).toBeNull();
    }
  });
});

describe('formatScaled', () => {
  it('drops trailing zeros in the bulletin style, or keeps fixed decimals', () => {
    expect(formatScaled(10000, 2)).toBe('100');
    expect(formatScaled(1250, 2)).toBe('12.5');
    expect(formatScaled(9888, 2)).toBe('98.88');
    expect(formatScaled(5, 2, false)).toBe('0.05');
    expect(formatScaled(-1022, 2)).toBe('-10.22');
  });
});
