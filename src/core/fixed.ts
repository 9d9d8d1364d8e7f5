/**
 * Exact decimal arithmetic on scaled integers. A rate of 98.51 % at 2 decimals is the integer
 * 9851; every division rounds once, explicitly, the way the bulletin does. Binary floating
 * point is never used for a printed figure (97.665 is not exact in a double).
 */

/**
 * How a division is rounded to the printed digits: `halfUp` 四舍五入 (ties away from zero),
 * `halfEven` 四舍六入五成双 (ties to the even digit), `down` 去尾 (truncation: any remainder
 * dropped, toward zero), `up` 进一 (any remainder rounds away from zero). Negative values are
 * rounded as their magnitude, then negated (−2.5 half-up is −3, −2.1 up is −3, −2.9 down is −2).
 */
export type RoundingMode = 'halfUp' | 'halfEven' | 'down' | 'up';

/** Every rounding mode, in the order the scheme's errors list them. */
export const ROUNDING_MODES: readonly RoundingMode[] = ['halfUp', 'halfEven', 'down', 'up'];

/**
 * round(n / d) for integers n and d > 0, exactly, in `mode` (see RoundingMode).
 * Callers keep |n| below 2^53 (see MAX_COUNT), so every step is exact.
 */
export function divRound(n: number, d: number, mode: RoundingMode): number {
  const negative = n < 0;
  const a = negative ? -n : n;
  // floor(a / d) from a float division, then corrected to the exact integer quotient:
  // a and q × d stay below 2^53, so the products and differences are exact.
  let q = Math.floor(a / d);
  let r = a - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (r !== 0 && roundsUp(mode, 2 * r, d, q)) q += 1;
  return negative && q !== 0 ? -q : q; // never −0
}

/**
 * divRound on BigInts, for dividends beyond 2^53 (a rate over a sum of very large counts, a
 * proposed formula's search): round(n / d) for d ≠ 0, exactly, in any rounding mode.
 */
export function divRoundBig(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  const r = a - q * d;
  if (r !== 0n) {
    const twice = 2n * r;
    const up =
      mode === 'up' ||
      (mode === 'halfUp' && twice >= d) ||
      (mode === 'halfEven' && (twice > d || (twice === d && q % 2n === 1n)));
    if (up) q += 1n;
  }
  return negative ? -q : q;
}

/**
 * Whether a magnitude with quotient q and a non-zero remainder r (given as 2r, against d)
 * goes up to q + 1.
 */
function roundsUp(mode: RoundingMode, twice: number, d: number, q: number): boolean {
  switch (mode) {
    case 'down':
      return false;
    case 'up':
      return true;
    case 'halfUp':
      return twice >= d;
    case 'halfEven':
      return twice > d || (twice === d && q % 2 === 1);
  }
}

/** part / whole as a percentage in hundredths (82.16 % → 8216), rounded half-up; 0 for 0/0. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : divRound(part * 10000, whole, 'halfUp');
}

export function pow10(decimals: number): number {
  return 10 ** decimals;
}

const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

export interface Scaled {
  /** The value × 10^decimals, rounded with the given mode. */
  readonly scaled: number;
  /** False when digits beyond `decimals` were rounded away. */
  readonly exact: boolean;
}

/**
 * The exact decimal value of a number (its shortest round-trip text, which is what a person
 * sees for 98.5 or 97.665) or of a decimal string, scaled to `decimals` places. Returns null
 * for anything that is not a finite decimal or does not fit a safe integer.
 */
export function toScaled(
  value: number | string,
  decimals: number,
  mode: RoundingMode,
): Scaled | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const digits = (intPart + fracPart).replace(/^0+(?=\d)/, '');
  // Position of the decimal point within `digits`, counted from the left.
  const point = digits.length - fracPart.length + Number(m[4] ?? 0);
  const keepLen = point + decimals;
  let kept: string;
  let rest: string;
  if (keepLen <= 0) {
    kept = '0';
    rest = '0'.repeat(-keepLen) + digits;
  } else if (keepLen >= digits.length) {
    kept = digits + '0'.repeat(keepLen - digits.length);
    rest = '';
  } else {
    kept = digits.slice(0, keepLen);
    rest = digits.slice(keepLen);
  }
  if (kept.length > 15) return null;
  let scaled = Number(kept);
  const restNonZero = /[1-9]/.test(rest);
  if (restNonZero) {
    const first = rest.charCodeAt(0) - 48;
    const tail = /[1-9]/.test(rest.slice(1));
    const up =
      mode === 'up' ||
      (mode !== 'down' &&
        (first > 5 || (first === 5 && (mode === 'halfUp' || tail || scaled % 2 === 1))));
    if (up) scaled += 1;
  }
  if (!Number.isSafeInteger(scaled)) return null;
  const negative = m[1] === '-' && scaled !== 0;
  return { scaled: negative ? -scaled : scaled, exact: !restNonZero };
}

/** A scaled integer as a plain JS number (98.51), for JSON and for Excel cells. */
export function scaledToNumber(scaled: number, decimals: number): number {
  // Division of an integer by a power of ten gives the double nearest the decimal, whose
  // shortest text is that decimal: 9851 / 100 prints as 98.51.
  return scaled / pow10(decimals);
}

/**
 * A scaled integer as text: no separators, `decimals` places unless `trim` drops trailing
 * zeros (100 rather than 100.00, 12.5 rather than 12.50 — the bulletin's style).
 */
export function formatScaled(scaled: number, decimals: number, trim = true): string {
  const negative = scaled < 0;
  const abs = Math.abs(scaled);
  const base = pow10(decimals);
  const int = Math.floor(abs / base);
  let frac = decimals > 0 ? String(abs % base).padStart(decimals, '0') : '';
  if (trim) frac = frac.replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
}
