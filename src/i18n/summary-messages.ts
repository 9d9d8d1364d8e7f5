import type { SummaryDiagnostic, SummaryDiscrepancy } from '../summary/types';

/**
 * The summary tables' notes and totals that disagree, as the pane and the command line say
 * them — kept apart from the paragraph templates (src/i18n/summary.ts) so the catalog, which
 * the task pane loads at first paint, does not carry them.
 */
const pct = (v: number) => {
  const abs = Math.abs(v);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${v < 0 ? '-' : ''}${Math.floor(abs / 100)}${frac ? `.${frac}` : ''}`;
};

export interface SummaryMessages {
  readonly diagnostic: (d: SummaryDiagnostic) => string;
  readonly discrepancy: (d: SummaryDiscrepancy) => string;
}

/** Diagnostics and discrepancies of the summary tables, for the pane and the command line. */
export const summaryMessagesZhCN: SummaryMessages = {
  diagnostic: (d) => {
    switch (d.code) {
      case 'summaryUnreadable':
        return `“${d.params.label}”的数值无法识别：${d.params.text}`;
      case 'summaryDuplicate':
        return `“${d.params.label}”出现两次且数值不同（${d.params.value}；${d.params.first} 为 ${d.params.firstValue}），采用先出现的数值`;
      case 'summaryBadCount':
        return `“${d.params.label}”应为非负整数，表中为 ${d.params.value}`;
    }
  },
  discrepancy: (d) =>
    d.kind === 'total'
      ? `${d.label}：表中为 ${d.printed}，各项之和为 ${d.recomputed}`
      : `${d.label}：表中为 ${pct(d.printed)}%，按件数计算为 ${pct(d.recomputed)}%`,
};

export const summaryMessagesEnUS: SummaryMessages = {
  diagnostic: (d) => {
    switch (d.code) {
      case 'summaryUnreadable':
        return `“${d.params.label}”: the value cannot be read: ${d.params.text}`;
      case 'summaryDuplicate':
        return `“${d.params.label}” appears twice with different values (${d.params.value}; ${d.params.first} has ${d.params.firstValue}); the first is used`;
      case 'summaryBadCount':
        return `“${d.params.label}” must be a whole number of cases, not ${d.params.value}`;
    }
  },
  discrepancy: (d) =>
    d.kind === 'total'
      ? `${d.label}: printed ${d.printed}, its parts add up to ${d.recomputed}`
      : `${d.label}: printed ${pct(d.printed)}%, its counts give ${pct(d.recomputed)}%`,
};
