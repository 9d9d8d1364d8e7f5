import { describe, expect, it } from 'vitest';
import { checkTotal, PartsSum } from '../src/core/totals';

describe('one totals check (src/core/totals.ts)', () => {
  it('a printed 合计 against its units: right, wrong, and the sum it should be', () => {
    expect(checkTotal(60, [10, 20, 30], 'unchecked')).toMatchObject({ ok: true, value: 60 });
    const wrong = checkTotal(61, [10, 20, 30], 'unchecked');
    expect(wrong).toMatchObject({ ok: false, value: 60, decimals: 0 });
    expect(wrong!.scaled).toBe(60n);
  });

  it('not checked: a total that is not a number, a total with no parts', () => {
    expect(checkTotal(null, [1, 2], 'unchecked')).toBeNull();
    expect(checkTotal(undefined, [1, 2], 'leftOut')).toBeNull();
    expect(checkTotal(Number.NaN, [1, 2], 'leftOut')).toBeNull();
    expect(checkTotal(0, [], 'leftOut')).toBeNull();
    expect(checkTotal(0, [null, undefined], 'leftOut')).toBeNull();
  });

  it('a missing part leaves a total of every part unchecked, or is left out when the caller says', () => {
    expect(checkTotal(30, [10, undefined, 20], 'unchecked')).toBeNull();
    expect(checkTotal(30, [10, undefined, 20], 'leftOut')).toMatchObject({ ok: true, value: 30 });
    expect(checkTotal(31, [10, null, 20], 'leftOut')).toMatchObject({ ok: false, value: 30 });
  });

  it('exact decimals, never floats: 0.1 + 0.2 is 0.3, at the most decimals printed', () => {
    const tenth = { scaled: 1, decimals: 1 };
    const fifth = { scaled: 2, decimals: 1 };
    const r = checkTotal({ scaled: 3, decimals: 1 }, [tenth, fifth], 'unchecked');
    expect(r).toMatchObject({ ok: true, decimals: 1 });
    expect(r!.scaled).toBe(3n);
    // “15.00” printed over “12.0” + 3: compared at two decimals, 1500 = 1200 + 300.
    const at2 = checkTotal(
      { scaled: 1500, decimals: 2 },
      [{ scaled: 120, decimals: 1 }, 3],
      'unchecked',
    );
    expect(at2).toMatchObject({ ok: true, decimals: 2 });
    expect(at2!.scaled).toBe(1500n);
    const off = checkTotal(15, [{ scaled: 121, decimals: 1 }, 3], 'unchecked');
    expect(off).toMatchObject({ ok: false, decimals: 1, value: 15.1 });
    expect(off!.scaled).toBe(151n);
  });

  it('sums beyond 2^53 stay exact', () => {
    const big = Number.MAX_SAFE_INTEGER; // 9007199254740991
    const r = checkTotal({ scaled: 0, decimals: 0 }, [big, big], 'unchecked');
    expect(r!.scaled).toBe(18014398509481982n);
    expect(r!.ok).toBe(false);
  });

  it('PartsSum streams one total after another (reset between parents)', () => {
    const s = new PartsSum();
    s.add(5);
    s.add(undefined);
    expect(s.check(5, 'unchecked')).toBeNull();
    expect(s.check(5, 'leftOut')).toMatchObject({ ok: true });
    s.reset();
    expect(s.check(0, 'leftOut')).toBeNull();
    s.add(7);
    s.add(8);
    expect(s.check(15, 'unchecked')).toMatchObject({ ok: true, value: 15 });
  });
});
