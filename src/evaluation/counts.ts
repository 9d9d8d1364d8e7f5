import type { CellValue } from '../core/grid';

/** Counts above this are refused: it keeps every intermediate product an exact integer. */
export const MAX_COUNT = 1_000_000_000;

export type CountReading =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: 'empty' }
  | { readonly ok: false; readonly problem: 'notNumber'; readonly text: string }
  | { readonly ok: false; readonly problem: 'negative' | 'notInteger' | 'tooLarge'; readonly value: number };

const NUMBER_TEXT = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/**
 * A case count as typed: a number, or a number typed as text (“ 1,053 ”, full-width “５１”).
 * Anything else is a reading problem, never an exception.
 */
export function readCount(v: CellValue | undefined): CountReading {
  let value: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { ok: false, problem: 'notNumber', text: String(v) };
    value = v;
  } else if (typeof v === 'string') {
    const t = v.normalize('NFKC').replace(/\s+/g, '');
    if (t === '') return { ok: false, problem: 'empty' };
    if (!NUMBER_TEXT.test(t)) return { ok: false, problem: 'notNumber', text: v.trim() };
    value = Number(t.replace(/,/g, ''));
  } else if (v === null || v === undefined) {
    return { ok: false, problem: 'empty' };
  } else {
    return { ok: false, problem: 'notNumber', text: String(v) };
  }
  if (value < 0) return { ok: false, problem: 'negative', value };
  if (!Number.isInteger(value)) return { ok: false, problem: 'notInteger', value };
  if (value > MAX_COUNT) return { ok: false, problem: 'tooLarge', value };
  return { ok: true, value: value === 0 ? 0 : value };
}
