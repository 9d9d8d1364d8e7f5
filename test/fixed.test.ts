import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divRound,
  formatScaled,
  ROUNDING_MODES,
  toScaled,
  type RoundingMode,
} from '../src/core/fixed';

/**
 * round(n / d) in BigInt, from the definitions: the magnitude's quotient q and remainder r;
 * 去尾 keeps q, 进一 takes q + 1 for any r, half-up at 2r ≥ d, half-even at 2r > d or a tie on
 * an odd q; the sign put back.
 */
function bigRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const a = n < 0n ? -n : n;
  const q = a / d;
  const r = a % d;
  const up =
    r !== 0n &&
    (mode === 'up' ||
      (mode === 'halfUp' && 2n * r >= d) ||
      (mode === 'halfEven' && (2n * r > d || (2n * r === d && q % 2n === 1n))));
  const m = up ? q + 1n : q;
  return n < 0n ? -m : m;
}

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

  it('truncates (去尾) and rounds up (进一) when asked', () => {
    // 66 / 67 = 98.507…%: 98.50 truncated, 98.51 rounded up; an exact quotient stays.
    expect(divRound(66 * 10000, 67, 'down')).toBe(9850);
    expect(divRound(66 * 10000, 67, 'up')).toBe(9851);
    // 2 / 3 = 66.666…%: 66 truncated, 67 up (and half-up), whole percents.
    expect(divRound(200, 3, 'down')).toBe(66);
    expect(divRound(200, 3, 'up')).toBe(67);
    expect(divRound(100, 4, 'up')).toBe(25);
    expect(divRound(100, 4, 'down')).toBe(25);
    // 99.9% is not 100% when truncated.
    expect(divRound(999 * 100, 1000, 'down')).toBe(99);
    // Negative values round as their magnitude (toward zero truncated, away from it up).
    expect(divRound(-7, 2, 'down')).toBe(-3);
    expect(divRound(-7, 2, 'up')).toBe(-4);
    expect(Object.is(divRound(-1, 3, 'down'), 0)).toBe(true); // never −0
  });

  it('equals BigInt arithmetic in every mode, over the whole exact range', () => {
    const safe = fc.oneof(
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
    );
    const divisor = fc.oneof(
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 1, max: 1000 }),
      fc.constantFrom(1, 2, 4, 8, 10, 100, 10000),
    );
    fc.assert(
      fc.property(safe, divisor, fc.constantFrom(...ROUNDING_MODES), (n, d, mode) => {
        expect(divRound(n, d, mode)).toBe(Number(bigRound(BigInt(n), BigInt(d), mode)));
      }),
      { numRuns: 5000 },
    );
    // Ties, where the modes part: (2k + 1) / 2 for small k.
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.constantFrom(...ROUNDING_MODES),
        (k, mode) => {
          const n = 2 * k + 1;
          expect(divRound(n, 2, mode)).toBe(Number(bigRound(BigInt(n), 2n, mode)));
        },
      ),
    );
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

  it('reads a decimal text in every mode as BigInt arithmetic does', () => {
    // digits with a decimal point somewhere, read at 0–4 decimals: the exact value is
    // digits / 10^f, so the scaled value is round(digits × 10^decimals / 10^f).
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...ROUNDING_MODES),
        (digits, f, decimals, mode) => {
          const abs = (digits < 0n ? -digits : digits).toString().padStart(f + 1, '0');
          const text = `${digits < 0n ? '-' : ''}${f === 0 ? abs : `${abs.slice(0, -f)}.${abs.slice(-f)}`}`;
          const exact = digits * 10n ** BigInt(decimals);
          const expected = bigRound(exact, 10n ** BigInt(f), mode);
          const got = toScaled(text, decimals, mode);
          // Beyond 15 kept digits the text is refused (it may not fit a safe integer).
          const kept = bigRound(exact, 10n ** BigInt(f), 'down');
          if (kept >= 10n ** 15n || kept <= -(10n ** 15n)) {
            expect(got, text).toBeNull();
            return;
          }
          expect(got?.scaled, text).toBe(Number(expected));
          expect(got?.exact, text).toBe(
            f <= decimals || digits % 10n ** BigInt(f - decimals) === 0n,
          );
        },
      ),
      { numRuns: 3000 },
    );
    expect(toScaled('98.519', 2, 'down')).toEqual({ scaled: 9851, exact: false });
    expect(toScaled('98.511', 2, 'up')).toEqual({ scaled: 9852, exact: false });
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
