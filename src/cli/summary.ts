import { formatScaled } from '../core/fixed';
import { cellAddress } from '../core/grid';
import { reasonText, scaledDecimalsOf, type Analysis } from '../evaluation/analyze';
import { auditSummary } from '../evaluation/audit-summary';
import type { CliCatalog } from '../i18n/cli';
import { describeDiagnostic, describeDiscrepancy } from '../report/describe';
import { structuredText } from '../report/structured';
import type { SummaryDiagnostic } from '../summary/types';
import { safeForTerminal } from './terminal';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    w +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6) ||
        code >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/**
 * The readable summary the CLI prints without --json: one block per table, then the audit.
 * [issue 16] `changes`: the implausible 环比 the bulletin would state (`Narrative.diagnostics`),
 * listed with the summary tables' own notes.
 */
export function formatSummary(
  a: Analysis,
  catalog: CliCatalog,
  changes: readonly SummaryDiagnostic[] = [],
): string {
  const t = catalog.cli;
  const figures = a.scheme.figures.map((f) => f.key);
  const fmt = (field: string, v: number | string) => {
    const decimals = scaledDecimalsOf(a, field);
    return typeof v === 'number' && decimals !== null
      ? formatScaled(v, decimals, false)
      : String(v);
  };
  const header = [t.unitColumn, ...figures];
  const lines: string[] = [];
  if (a.tables.length > 0)
    lines.push(
      t.summaryHeader(a.tables.length, a.units.length, a.units.filter((u) => u.evaluated).length),
      '',
    );
  const flagged = new Set(
    a.discrepancies
      .filter((d) => d.kind === 'computed')
      .map((d) => `${d.tableIndex}/${d.row}/${d.field}`),
  );
  a.tables.forEach((table, i) => {
    lines.push(
      t.tableHeading(
        table.title,
        table.group,
        table.sheet,
        cellAddress(table.headerRow + table.origin.row, table.columns.name[0]! + table.origin.col),
      ),
    );
    const rows: string[][] = [header];
    for (const u of a.units.filter((x) => x.tableIndex === i)) {
      const name = safeForTerminal(u.parent === null ? u.name : `  └ ${u.name}`);
      const mark = (field: string, text: string) =>
        flagged.has(`${u.tableIndex}/${u.row}/${field}`) ? `${text}≠` : text;
      if (figures.every((f) => u.figures[f] === null)) {
        rows.push([name, `${t.notEvaluated}：${reasonText(a.scheme, catalog.reasons, u.reason)}`]);
        continue;
      }
      rows.push([
        name,
        ...figures.map((f) => {
          const v = u.figures[f];
          return v === null || v === undefined ? '—' : mark(f, fmt(f, v));
        }),
      ]);
    }
    const widths = header.map((_, c) =>
      Math.max(...rows.filter((r) => r.length > 2 || c === 0).map((r) => displayWidth(r[c] ?? ''))),
    );
    for (const r of rows) {
      lines.push(
        '  ' +
          (r.length === 2
            ? `${pad(r[0]!, widths[0]!)}  ${r[1]}`
            : r.map((cell, c) => pad(cell, widths[c]!, c > 0)).join('  ')),
      );
    }
    lines.push('');
  });
  if (a.tables.length > 0) lines.push(t.audit(auditSummary(a)));
  for (const d of a.discrepancies)
    lines.push(t.discrepancyLine(describeDiscrepancy(d, catalog, '—', a.printedScale)));
  // [issue 16] Tables no scheme reads, checked with the formulas found from them.
  const structured = structuredText(a.structured ?? [], t.structured, a.tables.length === 0);
  if (structured.length > 0) lines.push(...(a.tables.length > 0 ? [''] : []), ...structured);
  // The summary tables (基本情况 totals, categories) and the 12345 tables' 合计 rows.
  const summary = a.summary;
  if (summary.sheets.length > 0 || summary.checked > 0) {
    lines.push('', t.summaryTotals(summary.sheets, summary.checked, summary.discrepancies.length));
    for (const d of summary.discrepancies)
      lines.push(`  ${d.sheet}!${d.cell}  ${catalog.summary.discrepancy(d)}`);
    for (const d of [...summary.diagnostics, ...changes])
      lines.push(
        `  [${catalog.severity[d.severity]}] ${d.sheet}!${d.cell}  ${catalog.summary.diagnostic(d)}`,
      );
  }
  const shown = a.diagnostics.filter((d) => d.severity !== 'info');
  if (shown.length > 0) {
    lines.push('', t.diagnosticsHeading(shown.length));
    for (const d of shown)
      lines.push(
        `  [${catalog.severity[d.severity]}] ${d.sheet}!${d.cell}  ${describeDiagnostic(d, catalog)}`,
      );
  }
  // Names and sheet names come from the workbook: no control sequence reaches the terminal.
  return lines.map((line) => safeForTerminal(line)).join('\n');
}
