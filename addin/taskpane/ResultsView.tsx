import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import type { Analysis } from '../../src/evaluation/analyze';
import { auditSummary } from '../../src/evaluation/audit-summary';
import type { Catalog } from '../../src/i18n/catalog';
import { describeDiagnostic, describeDiscrepancy } from '../../src/report/describe';
import { CELL_LIST_STYLES, CellLine } from './layout';

// [issue 16] Loaded only when a table was read from its own layout.
const StructuredView = lazy(() => import('./StructuredView'));

const useStyles = makeStyles({
  ...CELL_LIST_STYLES,
  grades: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  plain: { margin: 0 },
  line: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
});

export interface ResultsProps {
  readonly analysis: Analysis;
  readonly catalog: Catalog;
  /** Select the cell in the workbook; absent where there is no open workbook (the web page). */
  readonly onSelect?: (sheet: string, cell: string) => void;
}

/**
 * Tables found, grade counts, every discrepancy and data note with its sheet and cell (in the
 * add-in a click selects the cell in Excel).
 */
export function ResultsView({ analysis, catalog, onSelect }: ResultsProps) {
  const styles = useStyles();
  const ui = catalog.ui;
  // Grades only where the scheme has them: bands in order, then the count of each.
  const gradeDef = analysis.scheme.figures.find((f) => f.kind === 'grade');
  const grades = new Map<string, number>();
  if (gradeDef?.kind === 'grade') {
    for (const band of gradeDef.bands) grades.set(band.grade, 0);
    for (const u of analysis.units) {
      const g = u.figures[gradeDef.key];
      if (typeof g === 'string') grades.set(g, (grades.get(g) ?? 0) + 1);
    }
  }
  const notes = [...analysis.diagnostics].sort(
    (a, b) =>
      ['error', 'warning', 'info'].indexOf(a.severity) -
      ['error', 'warning', 'info'].indexOf(b.severity),
  );
  const cellButton = (key: string, sheet: string, cell: string, text: string) => (
    <CellLine
      key={key}
      sheet={sheet}
      cell={cell}
      text={text}
      title={ui.selectCell(cell)}
      onSelect={onSelect}
      itemClass={styles.item}
      lineClass={styles.line}
    />
  );
  const structured = (analysis.structured ?? []).length > 0 && (
    <Suspense fallback={null}>
      <StructuredView analysis={analysis} catalog={catalog} onSelect={onSelect} />
    </Suspense>
  );
  // Only tables read from their layout: their checks are the whole result.
  if (analysis.tables.length === 0 && structured) return structured;
  return (
    <>
      {structured}
      <Accordion multiple collapsible defaultOpenItems={['discrepancies', 'grades']}>
        <AccordionItem value="tables">
          <AccordionHeader>{ui.tablesFound(analysis.tables.length)}</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {analysis.tables.map((t, i) => {
                const units = analysis.units.filter((u) => u.tableIndex === i);
                return (
                  <li key={`${t.sheet}-${t.headerRow}-${i}`}>
                    {ui.tableLine(
                      t.title,
                      t.group,
                      units.length,
                      units.filter((u) => u.evaluated).length,
                    )}
                  </li>
                );
              })}
            </ul>
          </AccordionPanel>
        </AccordionItem>
        {gradeDef && (
          <AccordionItem value="grades">
            <AccordionHeader>{ui.grades}</AccordionHeader>
            <AccordionPanel>
              <div className={styles.grades} data-testid="grades">
                {[...grades.entries()].map(([grade, n]) => (
                  <Badge
                    key={grade}
                    appearance="tint"
                    color={grade === 'A' ? 'success' : grade === 'E' ? 'danger' : 'informative'}
                  >
                    {`${grade}：${n}`}
                  </Badge>
                ))}
              </div>
            </AccordionPanel>
          </AccordionItem>
        )}
        <AccordionItem value="discrepancies">
          <AccordionHeader>{ui.discrepancies(analysis.discrepancies.length)}</AccordionHeader>
          <AccordionPanel>
            <p className={styles.plain} data-testid="audit">
              {ui.audit(auditSummary(analysis))}
            </p>
            {analysis.summary.discrepancies.length > 0 && (
              <ul className={styles.list} data-testid="summary-discrepancies">
                {analysis.summary.discrepancies.map((d, i) =>
                  cellButton(
                    `s${i}`,
                    d.sheet,
                    d.cell,
                    `${d.sheet}!${d.cell} ${catalog.summary.discrepancy(d)}`,
                  ),
                )}
              </ul>
            )}
            {analysis.discrepancies.length > 0 && (
              <ul className={styles.list} data-testid="discrepancies">
                {analysis.discrepancies.map((d, i) =>
                  cellButton(
                    `d${i}`,
                    d.sheet,
                    d.cell,
                    ui.discrepancyLine(
                      describeDiscrepancy(d, catalog, ui.notEvaluated, analysis.printedScale),
                    ),
                  ),
                )}
              </ul>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="diagnostics">
          <AccordionHeader>{ui.diagnostics(notes.length)}</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              {notes.map((d, i) =>
                cellButton(
                  `n${i}`,
                  d.sheet,
                  d.cell,
                  `[${catalog.severity[d.severity]}] ${d.sheet}!${d.cell} ${describeDiagnostic(d, catalog)}`,
                ),
              )}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </>
  );
}
