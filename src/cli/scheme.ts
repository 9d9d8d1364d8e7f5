import type { Analysis } from '../evaluation/analyze';
import type { CliStrings } from '../i18n/cli';
import { schemeFromProposal } from '../scheme/from-proposal';
import type { CliIO } from './run';

/**
 * [issue 16] `tongbao scheme <book.xlsx>`: the scheme Tongbao proposes from the workbook's own
 * tables, as JSON on stdout (to redirect into a file), what it was found from on stderr. Only
 * tables no scheme reads propose one; the first table whose formulas a scheme can hold gives it
 * (the others are named, so that the user can compare).
 */
export function printProposedScheme(
  analysis: Analysis,
  file: string,
  io: CliIO,
  t: CliStrings,
): 0 | 2 {
  const checks = analysis.structured ?? [];
  // The workbook's evaluation tables follow a scheme already (the categories' shares and the
  // like beside them are checked, but are no scheme of units).
  if (checks.length === 0 || analysis.tables.length > 0) {
    io.err(t.schemeNotNeeded(file, analysis.scheme.name));
    return 2;
  }
  for (const check of checks) {
    const scheme = schemeFromProposal(check.table, check.formulas);
    if (scheme === null) continue;
    const title = check.table.title ?? check.table.sheet;
    const rates = check.formulas.filter((f) => f.kind === 'rate').length;
    io.out(JSON.stringify(scheme, null, 2));
    io.err(t.schemeProposed([title], rates));
    return 0;
  }
  io.err(t.schemeNothing(file));
  return 2;
}
