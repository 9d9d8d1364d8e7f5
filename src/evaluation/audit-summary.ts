/**
 * The audit's totals, kept apart from the engine so the task pane's first paint can show
 * them without loading it.
 */
interface Checked {
  readonly figures: number;
  readonly matched: number;
  readonly discrepancies: number;
  readonly notChecked: number;
}

/** The audit of the whole workbook: every table's checks added up, and the 下属单位 sums. */
export interface AuditSummary {
  readonly figures: number;
  readonly matched: number;
  readonly discrepancies: number;
  readonly notChecked: number;
  /** Parent rows whose counts differ from the sum of their 下属单位. */
  readonly childSums: number;
  /** 合计/总计 cells that differ from the sum of the table's units. */
  readonly totals: number;
}

export function auditSummary(a: {
  readonly checked: readonly Pick<
    Checked,
    'figures' | 'matched' | 'discrepancies' | 'notChecked'
  >[];
  readonly discrepancies: readonly { readonly kind: string }[];
}): AuditSummary {
  let figures = 0;
  let matched = 0;
  let discrepancies = 0;
  let notChecked = 0;
  for (const c of a.checked) {
    figures += c.figures;
    matched += c.matched;
    discrepancies += c.discrepancies;
    notChecked += c.notChecked;
  }
  const childSums = a.discrepancies.filter((d) => d.kind === 'childSum').length;
  const totals = a.discrepancies.filter((d) => d.kind === 'total').length;
  return { figures, matched, discrepancies, notChecked, childSums, totals };
}
