import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { columnIndex, type CellValue, type SheetGrid } from '../../src/core/grid';
import { analyzeWorkbook } from '../../src/evaluation/analyze';
import { readWorkbookGrids } from '../../src/io/xlsx-read';
import type { Finding, ProofreadResult } from '../../src/proofread/types';
import { BULLETIN } from './seed-text';

/**
 * The published bulletin as a writer's pasted draft. Its text was extracted from a PDF, which
 * broke six sentences over two lines (“…较上” / “月略有下降…”): as pasted text each half would
 * be a paragraph of its own, which no writer's draft has. These six are joined; nothing else
 * is changed (the ** emphasis and the spacing stay: the proofreader must read past them).
 */
export const PDF_BREAKS = ['较上', '占转接总数的', '、编', '机动车乱', '指标值较', '6811件,主要'];

export function publishedDraftText(): string {
  let text = BULLETIN;
  for (const b of PDF_BREAKS) {
    const re = new RegExp(`${b}\\n+`);
    expect(re.test(text), `PDF line break after “${b}”`).toBe(true);
    text = text.replace(re, b);
  }
  return text;
}

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
export function plant(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  expect(first, `“${from}” in the draft`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, first + 1), `“${from}” only once`).toBe(-1);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

export async function workbook(file: string) {
  const grids = await readWorkbookGrids(await readFile(file));
  return { grids, analysis: analyzeWorkbook(grids) };
}

/** The value of a sheet cell (A1 address) as the workbook holds it. */
export function cellValue(grids: readonly SheetGrid[], sheet: string, address: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  expect(m, address).not.toBeNull();
  const grid = grids.find((g) => g.name === sheet);
  expect(grid, sheet).toBeDefined();
  const row = Number(m![2]) - 1 - (grid!.origin?.row ?? 0);
  const col = columnIndex(m![1]!) - (grid!.origin?.col ?? 0);
  return grid!.values[row]?.[col] ?? null;
}

/** claims = matched + wrong + notChecked, and wrong = findings. */
export function expectConsistentCounts(r: ProofreadResult): void {
  const c = r.checked;
  expect(c.claims).toBe(c.matched + c.wrong + c.notChecked);
  expect(c.wrong).toBe(r.findings.length);
  expect(c.notChecked).toBe(r.notChecked.length);
}

/** The finding's offsets hold exactly what it says was written. */
export function expectPointsAt(paragraphs: readonly { text: string }[], f: Finding): void {
  const text = paragraphs[f.paragraph - 1]!.text;
  expect(text.slice(f.start, f.end)).toBe(f.written);
  expect(text.slice(f.quoteStart, f.quoteEnd)).toBe(f.quote);
  expect(f.start).toBeGreaterThanOrEqual(f.quoteStart);
  expect(f.end).toBeLessThanOrEqual(f.quoteEnd);
}
