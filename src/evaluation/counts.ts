import type { CellValue } from '../core/grid';

/** Counts above this are refused: it keeps every intermediate product an exact integer. */
export const MAX_COUNT = 1_000_000_000;

/** Why a cell is not a usable count. */
export type CountProblem =
  | { readonly problem: 'empty' }
  | { readonly problem: 'notNumber'; readonly text: string }
  | { readonly problem: 'negative' | 'notInteger' | 'tooLarge'; readonly value: number };

/** A count, or what is wrong with the cell (a plain number in the common case: no allocation). */
export type CountReading = number | CountProblem;

const EMPTY: CountProblem = { problem: 'empty' };

const NUMBER_TEXT = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/**
 * A case count as typed: a number, or a number typed as text (“ 1,053 ”, full-width “５１”).
 * Anything else is a reading problem, never an exception.
 */
export function readCount(v: CellValue | undefined): CountReading {
  let value: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { problem: 'notNumber', text: String(v) };
    value = v;
  } else if (typeof v === 'string') {
    const t = v.normalize('NFKC').replace(/\s+/g, '');
    if (t === '') return EMPTY;
    if (!NUMBER_TEXT.test(t)) return { problem: 'notNumber', text: v.trim() };
    value = Number(t.replace(/,/g, ''));
  } else if (v === null || v === undefined) {
    return EMPTY;
  } else {
    return { problem: 'notNumber', text: String(v) };
  }
  if (value < 0) return { problem: 'negative', value };
  if (!Number.isInteger(value)) return { problem: 'notInteger', value };
  if (value > MAX_COUNT) return { problem: 'tooLarge', value };
  return value === 0 ? 0 : value; // -0 reads as 0
}
