/**
 * [issue 16] A printed cell as an exact decimal (`PrintedNumber`): “1378”, 1378, “99%”,
 * “99.35%”, “98.5”, “↓22.21%” (a signed change), full-width digits and ％, thousands
 * separators (“12,184”). Never float arithmetic on the value: a number is read from its text —
 * the shortest round-trip text, cut to the 15 significant digits Excel shows (Excel stores a
 * typed “99.35%” as 99.35 / 100, whose shortest text is 0.9934999999999999; Excel shows
 * 0.9935, and so does this) — and a percentage stored as a fraction is shifted two places as
 * text, not multiplied.
 *
 * Char tests only: the structure reader calls this for every cell of a 100,000-row sheet.
 */
import { isSpaceCode } from './cells';
import type { CellValue } from './grid';

/**
 * A printed number, exactly: `scaled / 10^decimals`. `percent`: the figure is a percentage
 * (printed “99.35%”, or stored 0.9935 in a rate column, which Excel shows as 99.35%): the
 * value is then in percent (scaled 9935, decimals 2), whichever way it was stored.
 */
export interface PrintedNumber {
  readonly scaled: number;
  readonly decimals: number;
  readonly percent: boolean;
  /** The cell as read, for messages (“99.35%”, “0.9935”, “↓22.21%”). */
  readonly text: string;
}

export type StructCell =
  | { readonly kind: 'number'; readonly value: PrintedNumber }
  | { readonly kind: 'empty' }
  /** Text that is not a number (“—”, “无”, “#DIV/0!”). */
  | { readonly kind: 'text'; readonly text: string };

/** The most digits a scaled value may have and stay an exact safe integer. */
const MAX_DIGITS = 15;

/** A digit 0–9 (after full-width folding), or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57 ? c - 48 : -1;
}

/** Full-width digits, signs, ％, ，and ． (U+FF01–FF5E) folded to ASCII; other text kept. */
function foldWidth(s: string): string {
  let wide = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x2212) {
      wide = true;
      break;
    }
  }
  if (!wide) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x2212)
      out += '-'; // − MINUS SIGN
    else out += s[i];
  }
  return out;
}

/**
 * `digits` (no sign, no leading zeros but one) with the decimal point `decimals` places from
 * the right, as a PrintedNumber; null when it does not fit an exact integer.
 */
function make(
  negative: boolean,
  intPart: string,
  fracPart: string,
  percent: boolean,
  text: string,
): PrintedNumber | null {
  let digits = intPart + fracPart;
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i++;
  digits = digits.slice(i);
  // More than 15 significant digits or decimals (5e-324 is 324 decimals): not a printed figure.
  if (digits.length > MAX_DIGITS || fracPart.length > MAX_DIGITS) return null;
  const magnitude = Number(digits);
  return {
    scaled: negative && magnitude !== 0 ? -magnitude : magnitude,
    decimals: fracPart.length,
    percent,
    text,
  };
}

/**
 * A printed number in text: optional sign or arrow (↑ +, ↓ −), digits with optional thousands
 * separators in groups of three, an optional fraction, an optional % sign. Anything else
 * (“—”, “无”, “#DIV/0!”, “12345转办”, “1378件”) is not a number: null.
 */
export function parsePrintedText(raw: string): PrintedNumber | null {
  const s = foldWidth(raw);
  let start = 0;
  let end = s.length;
  while (start < end && isSpaceCode(s.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(s.charCodeAt(end - 1))) end--;
  if (start === end) return null;
  let i = start;
  let negative = false;
  const first = s.charCodeAt(i);
  if (first === 0x2193 /* ↓ */ || first === 45 /* - */) {
    negative = true;
    i++;
  } else if (first === 0x2191 /* ↑ */ || first === 43 /* + */) {
    i++;
  }
  // A space may follow an arrow (“↓ 22.21%”), never a sign.
  if (first === 0x2193 || first === 0x2191) while (i < end && isSpaceCode(s.charCodeAt(i))) i++;
  let percent = false;
  if (s.charCodeAt(end - 1) === 37 /* % */) {
    percent = true;
    end--;
    while (end > i && isSpaceCode(s.charCodeAt(end - 1))) end--;
  }
  const intStart = i;
  let digits = 0;
  let commas = false;
  let groupLen = -1; // digits since the last thousands separator; -1: none seen yet
  for (; i < end; i++) {
    if (digitAt(s, i) >= 0) {
      digits++;
      if (groupLen >= 0) groupLen++;
      continue;
    }
    if (s.charCodeAt(i) === 44 /* , */) {
      // “12,184”: a separator after 1–3 digits, then groups of exactly three.
      if (digits === 0 || (groupLen < 0 && digits > 3) || (groupLen >= 0 && groupLen !== 3))
        return null;
      commas = true;
      groupLen = 0;
      continue;
    }
    break;
  }
  if (groupLen >= 0 && groupLen !== 3) return null;
  let intPart = s.slice(intStart, i);
  if (commas) intPart = intPart.split(',').join('');
  let fracPart = '';
  if (i < end && s.charCodeAt(i) === 46 /* . */) {
    const fracStart = ++i;
    while (i < end && digitAt(s, i) >= 0) i++;
    fracPart = s.slice(fracStart, i);
  }
  if (i !== end) return null;
  if (intPart === '' && fracPart === '') return null;
  if (intPart === '') intPart = '0';
  return make(negative, intPart, fracPart, percent, raw.trim());
}

/**
 * The decimal text of a number as Excel shows it: the shortest round-trip text, or its first
 * 15 significant digits when it has more (0.9934999999999999 → 0.9935), without exponent.
 * Null for a number that is not finite.
 */
export function numberText(v: number): string | null {
  if (!Number.isFinite(v)) return null;
  if (v === 0) return '0';
  let t = String(v);
  let significant = 0;
  let exp = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 101 /* e */) {
      exp = true;
      break;
    }
    if (c >= 48 && c <= 57 && (significant > 0 || c !== 48)) significant++;
  }
  if (significant > MAX_DIGITS || exp) {
    t = v.toPrecision(MAX_DIGITS);
    // toPrecision may use an exponent: expand it.
    const e = t.indexOf('e');
    if (e >= 0) t = expand(t.slice(0, e), Number(t.slice(e + 1)));
    if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
  }
  return t;
}

/** “1.2345” × 10^exp as plain decimal text. */
function expand(mantissa: string, exp: number): string {
  const negative = mantissa.startsWith('-');
  const m = negative ? mantissa.slice(1) : mantissa;
  const dot = m.indexOf('.');
  const digits = dot >= 0 ? m.slice(0, dot) + m.slice(dot + 1) : m;
  const point = (dot >= 0 ? dot : m.length) + exp;
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return (negative ? '-' : '') + out;
}

/** A number cell as printed (`percent` false): its Excel text, exactly. */
export function printedFromNumber(v: number): PrintedNumber | null {
  // Fast paths, exact by construction: an integer below 10^15 is its own scaled value; a
  // short decimal text's digits, without the point, are the scaled value.
  if (Number.isInteger(v) && v < 1e15 && v > -1e15) {
    const n = v === 0 ? 0 : v; // never −0
    return { scaled: n, decimals: 0, percent: false, text: String(n) };
  }
  const t = numberText(v);
  if (t === null) return null;
  const dot = t.indexOf('.');
  if (dot >= 0 && t.length <= MAX_DIGITS + 1) {
    return {
      scaled: Number(t.replace('.', '')),
      decimals: t.length - dot - 1,
      percent: false,
      text: t,
    };
  }
  const negative = t.charCodeAt(0) === 45;
  const body = negative ? t.slice(1) : t;
  const point = body.indexOf('.');
  return make(
    negative,
    point >= 0 ? body.slice(0, point) : body,
    point >= 0 ? body.slice(point + 1) : '',
    false,
    t,
  );
}

/** A cell's printed number, as printed (a % sign makes it a percentage); null when none. */
export function parsePrinted(v: CellValue | undefined): PrintedNumber | null {
  if (typeof v === 'number') return printedFromNumber(v);
  if (typeof v === 'string') return parsePrintedText(v);
  return null;
}

/**
 * A fraction read as the percentage it stands for, exactly (Excel stores “99.35%” as 0.9935):
 * the point moves two places; 0.9935 → 99.35 (scaled 9935, decimals 2), 1 → 100, 0 → 0. A
 * figure already a percentage is returned as is.
 */
export function fractionAsPercent(p: PrintedNumber): PrintedNumber {
  if (p.percent) return p;
  if (p.decimals >= 2) return { ...p, decimals: p.decimals - 2, percent: true };
  return { ...p, scaled: p.scaled * (p.decimals === 1 ? 10 : 100), decimals: 0, percent: true };
}

export const EMPTY_CELL: StructCell = Object.freeze({ kind: 'empty' });

/** A cell as the structure reader gives it: a number, empty, or text that is no number. */
export function structCell(v: CellValue | undefined): StructCell {
  if (v === null || v === undefined) return EMPTY_CELL;
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE' };
  if (typeof v === 'number') {
    const p = printedFromNumber(v);
    return p ? { kind: 'number', value: p } : { kind: 'text', text: String(v) };
  }
  const p = parsePrintedText(v);
  if (p) return { kind: 'number', value: p };
  const t = v.trim();
  return t === '' ? EMPTY_CELL : { kind: 'text', text: t };
}
