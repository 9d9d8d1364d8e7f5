import { foldText } from './cells';
import type { CellValue } from './grid';

/** Counts above this are refused: it keeps every intermediate product an exact integer. */
export const MAX_COUNT = 1_000_000_000;

/** Why a cell is not a usable count. */
export type CountProblem =
  | { readonly problem: 'empty' }
  | { readonly problem: 'notNumber'; readonly text: string }
  | { readonly problem: 'negative' | 'notInteger' | 'tooLarge'; readonly value: number }
  /** Digits beyond what a number can hold (Infinity once parsed): the start of them. */
  | { readonly problem: 'hugeNumber'; readonly text: string; readonly digits: number };

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
    if (Number.isNaN(v)) return { problem: 'notNumber', text: String(v) };
    if (!Number.isFinite(v)) return { problem: 'hugeNumber', text: String(v), digits: 0 };
    value = v;
  } else if (typeof v === 'string') {
    const t = foldText(v);
    if (t === '') return EMPTY;
    if (!NUMBER_TEXT.test(t)) return { problem: 'notNumber', text: excerpt(v.trim(), 40) };
    value = Number(t.replace(/,/g, ''));
    if (!Number.isFinite(value)) return hugeNumber(t);
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

/** The first digits of an over-long number, for a message a user can read. */
export function hugeNumber(text: string): CountProblem {
  const digits = text.replace(/\D/g, '').length;
  return { problem: 'hugeNumber', text: excerpt(text), digits };
}

/** At most 20 characters of `text`, with “…” when cut. */
export function excerpt(text: string, max = 20): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** Excel's error values: what office.js and the .xlsx reader give for a failed formula. */
const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
]);

export function isErrorValue(text: string): boolean {
  return ERROR_VALUES.has(text.trim().toUpperCase());
}
