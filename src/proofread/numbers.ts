/**
 * Numbers as a draft writes them, compared exactly with what the tables give, and what the
 * tables give written back in the draft's own form (its digits, decimals and spacing).
 */
import { formatScaled, pow10 } from '../core/fixed';
import { num } from '../narrative/names';

/** A decimal as written ("95.13", "100", "37.20"): its digits as an integer and its decimals. */
export interface Decimal {
  readonly scaled: number;
  readonly decimals: number;
}

export function parseDecimal(text: string): Decimal | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  const scaled = Number(m[1]! + frac);
  if (!Number.isSafeInteger(scaled)) return null;
  return { scaled, decimals: frac.length };
}

/** The written decimal equals `expected` (scaled at `decimals`): 100 = 100.00, 99.7 ≠ 99.74. */
export function sameValue(written: Decimal, expected: number, decimals: number): boolean {
  const d = Math.max(written.decimals, decimals);
  return written.scaled * pow10(d - written.decimals) === expected * pow10(d - decimals);
}

/** A written decimal at `decimals` places (exact when it has no more than that). */
export function scaledAt(written: Decimal, decimals: number): number | null {
  if (written.decimals > decimals) {
    const f = pow10(written.decimals - decimals);
    return written.scaled % f === 0 ? written.scaled / f : null;
  }
  return written.scaled * pow10(decimals - written.decimals);
}

const FULL_DIGIT = /[\uFF10-\uFF19]/;
const ANY_DIGIT = /[0-9\uFF10-\uFF19]/;

/** The digits of `s` in full width (with the full-width point). */
function toFullWidth(s: string): string {
  return s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * `expected` (scaled at `decimals`) in the form of `written` — the element exactly as the draft
 * has it (“95.13%”, “９５．１３％”, “37.20%”, “1 782件次”): the number between its first and last
 * digit is replaced, the rest (unit, spaces) kept; a draft that pads decimals (37.20%) gets them
 * padded, one that drops trailing zeros (99.7%) gets them dropped — the narrative's style.
 */
export function inWrittenForm(written: string, expected: number, decimals: number): string {
  let first = -1;
  let last = -1;
  for (let i = 0; i < written.length; i++) {
    if (ANY_DIGIT.test(written[i]!)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return num(expected, decimals);
  const numberPart = written.slice(first, last + 1).replace(/[\s\u3000]/g, '');
  const folded = numberPart.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  const frac = /\.(\d+)$/.exec(folded)?.[1] ?? '';
  // A writer who pads (37.20%, 100.00%) gets padding; one who wrote two decimals gets two
  // (37.02% → 37.20%) unless the value is whole (98.87分 → 100分, the bulletin's habit).
  const whole = expected % pow10(decimals) === 0;
  const places = Math.max(frac.length, decimals);
  const padded = frac.length > 0 && (frac.endsWith('0') || !whole);
  const text = padded
    ? formatScaled(expected * pow10(places - decimals), places, false)
    : num(expected, decimals);
  const form = FULL_DIGIT.test(numberPart) ? toFullWidth(text) : text;
  return written.slice(0, first) + form + written.slice(last + 1);
}

/** A scaled value in the narrative's style with a unit: “85.13%”, “98.88分”, “1782件次”. */
export function plain(value: number, decimals: number, unit = ''): string {
  return `${num(value, decimals)}${unit}`;
}
