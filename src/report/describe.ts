import type { Diagnostic } from '../core/diagnostics';
import { formatScaled } from '../core/fixed';
import type { Analysis, Discrepancy } from '../evaluation/analyze';
import type { Catalog } from '../i18n/catalog';

/** A diagnostic's message in the catalog's language. */
export function describeDiagnostic(d: Diagnostic, catalog: Catalog): string {
  const render = catalog.diagnostics[d.code] as (p: typeof d.params) => string;
  return render(d.params);
}

/**
 * A printed value as the sheet shows it: a rate kept as an Excel percentage (0.8945, shown
 * 89.45%) is said as the percent the reader sees, not as the binary fraction underneath
 * (0.8945000000000001).
 */
function printedText(value: Discrepancy['printed'], scale: 'percent' | 'fraction' | undefined) {
  if (value === null) return '';
  if (scale === 'fraction' && typeof value === 'number' && Number.isFinite(value))
    return `${Number((value * 100).toPrecision(12))}%`;
  return String(value);
}

/**
 * A discrepancy as the user reads it, in the CLI summary and the task pane alike. `scales` are
 * the analysis' `printedScale` (per table, per column).
 */
export function describeDiscrepancy(
  d: Discrepancy,
  catalog: Catalog,
  notEvaluated: string,
  scales?: Analysis['printedScale'],
): {
  sheet: string;
  cell: string;
  unit: string;
  field: string;
  printed: string;
  recomputed: string;
} {
  const scale = d.kind === 'computed' ? scales?.[d.tableIndex]?.[d.field] : undefined;
  const recomputed =
    d.recomputed === null
      ? notEvaluated
      : typeof d.recomputed === 'number' && d.kind === 'computed'
        ? `${formatScaled(d.recomputed, d.decimals, false)}${scale === 'fraction' ? '%' : ''}`
        : String(d.recomputed);
  return {
    sheet: d.sheet,
    cell: d.cell,
    unit: d.parent ? `${d.parent}/${d.unit}` : d.unit,
    field:
      d.kind === 'childSum'
        ? `${d.field}${catalog.discrepancyKinds.childSum}`
        : d.kind === 'total'
          ? `${d.field}${catalog.discrepancyKinds.totalSum}`
          : d.field,
    printed: printedText(d.printed, scale),
    recomputed,
  };
}
