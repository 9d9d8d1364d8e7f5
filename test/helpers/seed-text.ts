import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** The published bulletin, as printed: expected sentences are cut from its own text. */
export const BULLETIN = readFileSync(
  new URL('../../samples/seed/bulletin-2017-08.txt', import.meta.url),
  'utf8',
);

/**
 * Spacing, half-width punctuation and the extraction's ** emphasis are PDF/typing noise:
 * both sides are folded the same way.
 */
export function fold(s: string): string {
  return s
    .replace(/\*\*/g, '')
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；');
}

/** The bulletin's text from `start` up to (not including) `end`, folded. */
export function published(start: string, end: string): string {
  const text = fold(BULLETIN);
  const from = text.indexOf(fold(start));
  const to = text.indexOf(fold(end), from);
  expect(from, start).toBeGreaterThanOrEqual(0);
  expect(to, end).toBeGreaterThan(from);
  return text.slice(from, to);
}
