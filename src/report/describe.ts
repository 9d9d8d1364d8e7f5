import type { Diagnostic } from '../core/diagnostics';
import { formatScaled } from '../core/fixed';
import type { Discrepancy } from '../evaluation/analyze';
import type { Catalog } from '../i18n/catalog';

/** A diagnostic's message in the catalog's language. */
export function describeDiagnostic(d: Diagnostic, catalog: Catalog): string {
  const render = catalog.diagnostics[d.code] as (p: typeof d.params) => string;
  return render(d.params);
}

/** A discrepancy as the user reads it, in the CLI summary and the task pane alike. */
export function describeDiscrepancy(
  d: Discrepancy,
  catalog: Catalog,
  notEvaluated: string,
): {
  sheet: string;
  cell: string;
  unit: string;
  field: string;
  printed: string;
  recomputed: string;
} {
  const recomputed =
    d.recomputed === null
      ? notEvaluated
      : typeof d.recomputed === 'number' && d.kind === 'computed'
        ? formatScaled(d.recomputed, d.decimals, false)
        : String(d.recomputed);
  return {
    sheet: d.sheet,
    cell: d.cell,
    unit: d.parent ? `${d.parent}/${d.unit}` : d.unit,
    field:
      d.kind === 'childSum'
        ? `${d.field}${catalog.cli.childSum}`
        : d.kind === 'total'
          ? `${d.field}${catalog.cli.totalSum}`
          : d.field,
    printed: d.printed === null ? '' : String(d.printed),
    recomputed,
  };
}
