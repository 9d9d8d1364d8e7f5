import { formatScaled } from '../core/fixed';
import { cellAddress } from '../core/grid';
import type { Analysis } from '../evaluation/analyze';
import type { Catalog } from '../i18n/catalog';
import { describeDiagnostic, describeDiscrepancy } from '../report/describe';
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

/** The readable summary the CLI prints without --json: one block per table, then the audit. */
export function formatSummary(a: Analysis, catalog: Catalog): string {
  const t = catalog.cli;
  const fmt = (v: number) => formatScaled(v, a.decimals, false);
  const lines: string[] = [];
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
    const rows: string[][] = [t.columns.slice()];
    for (const u of a.units.filter((x) => x.tableIndex === i)) {
      const name = safeForTerminal(u.parent === null ? u.name : `  └ ${u.name}`);
      const mark = (field: string, text: string) =>
        flagged.has(`${u.tableIndex}/${u.row}/${field}`) ? `${text}≠` : text;
      if (!u.scores) {
        rows.push([name, `${t.notEvaluated}：${catalog.reasons[u.reason ?? 'invalidData']}`]);
        continue;
      }
      const s = u.scores;
      rows.push([
        name,
        mark('返工率', fmt(s.rework)),
        mark('结案率', fmt(s.closed)),
        mark('按期结案率', fmt(s.onTime)),
        mark('综合指标值', fmt(s.index)),
        mark('评价等级', s.grade),
      ]);
    }
    const widths = t.columns.map((_, c) =>
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
  lines.push(t.discrepancies(a.discrepancies.length));
  for (const d of a.discrepancies)
    lines.push(t.discrepancyLine(describeDiscrepancy(d, a.decimals, catalog, '—')));
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
