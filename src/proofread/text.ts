import type { Draft } from './types';

/**
 * Pasted text as a draft: one paragraph per line (CR LF, CR, LF, and the Unicode line and
 * paragraph separators), empty lines dropped. A line with tabs is a table row pasted from
 * Word or Excel: it stays body text (the proofreader knows a tab-separated row for one).
 */
export function draftFromText(text: string): Draft {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return {
    paragraphs: body
      .split(/\r\n|[\r\n\u2028\u2029\u0085]|\v|\f/)
      .filter((line) => line.trim() !== '')
      .map((line) => ({ text: line, where: 'body' as const })),
  };
}
