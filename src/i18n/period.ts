/**
 * [issue 16] A period as the catalog says it, in the sheets' own words: 2017年8月, 第35周,
 * 2025年第一季度, 1—8月; and the English fallback. Sheet lists for the period notes.
 */
import type { PeriodSheets } from '../core/diagnostics';
import type { Period } from '../core/period';

const CN_QUARTER = ['', '一', '二', '三', '四'];

export function periodZhCN(p: Period | null): string {
  if (p === null) return '未注明期间';
  const y = p.year === null ? '' : `${p.year}年`;
  switch (p.kind) {
    case 'month':
      return `${y}${p.index}月`;
    case 'week':
      return `${y}第${p.index}周`;
    case 'issue':
      return `${y}第${p.index}期`;
    case 'quarter':
      return `${y}第${CN_QUARTER[p.index] ?? p.index}季度`;
    case 'half':
      return `${y}${p.index === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${p.year ?? ''}年度`;
    case 'span':
      return `${y}${p.from ?? 1}—${p.index}月`;
  }
}

/** 上月 for months, 上一期 for any other period (weeks, quarters…). */
export function beforeZhCN(p: Period | null): string {
  return p === null || p.kind === 'month' ? '上月' : '上一期';
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

export function periodEnUS(p: Period | null): string {
  if (p === null) return 'no period named';
  const y = p.year === null ? '' : ` ${p.year}`;
  switch (p.kind) {
    case 'month':
      return `${MONTHS[p.index - 1] ?? p.index}${y}`;
    case 'week':
      return `week ${p.index}${y}`;
    case 'issue':
      return `issue ${p.index}${y}`;
    case 'quarter':
      return `Q${p.index}${y}`;
    case 'half':
      return `H${p.index}${y}`;
    case 'year':
      return `${p.year ?? ''}`;
    case 'span':
      return `${MONTHS[(p.from ?? 1) - 1]}–${MONTHS[p.index - 1]}${y}`;
  }
}

const quoted = (sheets: readonly string[]) => sheets.map((s) => `“${s}”`).join('、');

/** 2017年8月 — 工作表“8月数字城管”“8月12345” */
export function periodSheetsZhCN(g: PeriodSheets): string {
  return `${periodZhCN(g.period)} — 工作表${quoted(g.sheets)}`;
}

export function periodSheetsEnUS(g: PeriodSheets): string {
  return `${periodEnUS(g.period)}: sheets ${g.sheets.map((s) => `“${s}”`).join(', ')}`;
}
