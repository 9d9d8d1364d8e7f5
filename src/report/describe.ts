import type { Diagnostic } from '../core/diagnostics';
import type { Catalog } from '../i18n/catalog';

/** A diagnostic's message in the catalog's language. */
export function describeDiagnostic(d: Diagnostic, catalog: Catalog): string {
  const render = catalog.diagnostics[d.code] as (p: typeof d.params) => string;
  return render(d.params);
}
