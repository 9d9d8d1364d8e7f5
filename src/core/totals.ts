/**
 * [issue 16] One check for every printed total: a 合计/小计/总计 row against the rows it closes
 * (the evaluation tables, the tables read from their own layout, the 12345 tables), a parent
 * against its 下属单位, a summary total against its parts (受理诉求件 = 12345 + 数字城管, a
 * category list against its 合计). Exact: the parts are added as scaled integers at the most
 * decimals any of them or the total prints (“12.0” + “3” against “15.0”), never as floats.
 *
 * Each caller reads its own cells (what is a number there is the caller's reader's business)
 * and words its own discrepancy; what they share is here: a total that is not a number is not
 * checked, a total with no parts is not checked, and a part with no number either leaves the
 * total unchecked or is left out of the sum, as the caller says.
 */
import { printedFromNumber } from './printed';

/** A number exactly: `scaled / 10^decimals` (a PrintedNumber is one). */
export interface Exact {
  readonly scaled: number;
  readonly decimals: number;
}

/**
 * A part as read: a whole number (a count), an exact decimal, or null/undefined where its cell
 * holds no number (a missing part).
 */
export type PartValue = number | Exact | null | undefined;

/**
 * What a missing part does. 'unchecked': the total is of every part, so it cannot be checked
 * (an evaluation 合计 against every unit, a parent against every 下属单位). 'leftOut': the part
 * is left out and the rest are summed (a row that prints nothing in that column).
 */
export type MissingParts = 'unchecked' | 'leftOut';

/** A printed total against the sum of its parts. */
export interface TotalCheck {
  /** The printed total is the sum, exactly. */
  readonly ok: boolean;
  /** The sum, scaled: `scaled / 10^decimals`, at the most decimals the total or a part prints. */
  readonly scaled: bigint;
  readonly decimals: number;
  /** The sum as a number: exact for whole numbers (counts). */
  readonly value: number;
}

/** A part or total as an exact decimal; null for a number that has none (NaN, ±Infinity). */
const exactOf = (v: number | Exact): Exact | null => {
  if (typeof v !== 'number') return v;
  if (Number.isSafeInteger(v)) return { scaled: v, decimals: 0 };
  // Not a count: its exact decimal as Excel shows it (never float arithmetic).
  return printedFromNumber(v);
};

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/**
 * The parts of one total, added as they are read (so a streaming reader needs no second pass);
 * `reset` starts the next total.
 */
export class PartsSum {
  /** The sum while every part is whole and it stays a safe integer. */
  private whole = 0;
  /** The sum scaled by 10^decimals, once a part has decimals or the sum outgrows a number. */
  private big: bigint | null = null;
  private decimals = 0;
  private parts = 0;
  private missing = 0;

  reset(): void {
    this.whole = 0;
    this.big = null;
    this.decimals = 0;
    this.parts = 0;
    this.missing = 0;
  }

  add(part: PartValue): void {
    if (this.big === null && typeof part === 'number' && Number.isSafeInteger(part)) {
      const next = this.whole + part;
      if (Number.isSafeInteger(next)) {
        this.parts++;
        this.whole = next;
        return;
      }
    }
    const exact = part === null || part === undefined ? null : exactOf(part);
    if (exact === null) {
      this.missing++;
      return;
    }
    this.parts++;
    const { scaled, decimals } = exact;
    if (this.big === null) {
      if (decimals === 0) {
        const next = this.whole + scaled;
        if (Number.isSafeInteger(next)) {
          this.whole = next;
          return;
        }
      }
      this.big = BigInt(this.whole);
    }
    if (decimals > this.decimals) {
      this.big *= pow10(decimals - this.decimals);
      this.decimals = decimals;
    }
    this.big += BigInt(scaled) * pow10(this.decimals - decimals);
  }

  /**
   * The printed total (null/undefined: not a number) against the parts added; null when it
   * cannot be checked: the total is not a number, there is no part, or a part is missing and
   * `missing` is 'unchecked'.
   */
  check(printed: PartValue, missing: MissingParts): TotalCheck | null {
    if (printed === null || printed === undefined || this.parts === 0) return null;
    if (missing === 'unchecked' && this.missing > 0) return null;
    if (this.big === null && typeof printed === 'number' && Number.isSafeInteger(printed))
      return {
        ok: this.whole === printed,
        scaled: BigInt(this.whole),
        decimals: 0,
        value: this.whole,
      };
    const p = exactOf(printed);
    if (p === null) return null;
    const d = Math.max(this.decimals, p.decimals);
    const sum = (this.big ?? BigInt(this.whole)) * pow10(d - this.decimals);
    return {
      ok: BigInt(p.scaled) * pow10(d - p.decimals) === sum,
      scaled: sum,
      decimals: d,
      value: d === 0 ? Number(sum) : Number(sum) / 10 ** d,
    };
  }
}

/** A printed total against the sum of `parts` (see `PartsSum.check`). */
export function checkTotal(
  printed: PartValue,
  parts: Iterable<PartValue>,
  missing: MissingParts,
): TotalCheck | null {
  const sum = new PartsSum();
  for (const p of parts) sum.add(p);
  return sum.check(printed, missing);
}
