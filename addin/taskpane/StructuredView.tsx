import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Analysis } from '../../src/evaluation/analyze';
import { zhCN, type Catalog } from '../../src/i18n/catalog';
import { structuredEnUS, structuredZhCN } from '../../src/i18n/structured-ui';
import { structuredViews, type StructuredItem } from '../../src/report/structured';
import { schemeFromProposal } from '../../src/scheme/from-proposal';
import { download } from './export';
import { CELL_LIST_STYLES, CellLine } from './layout';

const useStyles = makeStyles({
  ...CELL_LIST_STYLES,
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  plain: { margin: 0 },
  table: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  formula: { margin: 0, color: tokens.colorNeutralForeground2 },
  line: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
});

export interface StructuredViewProps {
  readonly analysis: Analysis;
  readonly catalog: Catalog;
  readonly onSelect?: (sheet: string, cell: string) => void;
}

/**
 * [issue 16] The tables no scheme reads, checked with the formulas found from them: each table
 * with its formulas (and how many rows they fit), its audit, every discrepancy and note at its
 * cell (a click selects it in Excel). Loaded only when such a table was found.
 */
export default function StructuredView({ analysis, catalog, onSelect }: StructuredViewProps) {
  const styles = useStyles();
  const t = catalog.ui === zhCN.ui ? structuredZhCN : structuredEnUS;
  const checks = analysis.structured ?? [];
  if (checks.length === 0) return null;
  const item = (key: string, x: StructuredItem) => (
    <CellLine
      key={key}
      sheet={x.sheet}
      cell={x.cell}
      text={`${x.sheet}!${x.cell} ${x.text}`}
      title={catalog.ui.selectCell(x.cell)}
      onSelect={onSelect}
      itemClass={styles.item}
      lineClass={styles.line}
    />
  );
  return (
    <section className={styles.root} data-testid="structured" aria-label={t.heading(checks.length)}>
      <Subtitle2>{t.heading(checks.length)}</Subtitle2>
      <p className={styles.plain}>{t.explain}</p>
      {structuredViews(checks, t).map((v, i) => {
        const check = checks[i]!;
        // The formulas as a scheme file, to check, edit and choose in 设置 or with --scheme.
        const scheme = schemeFromProposal(check.table, check.formulas);
        const save = () =>
          scheme &&
          download(
            t.schemeFile(check.table.title ?? check.table.sheet).replace(/[\\/:*?"<>|]/g, '_'),
            new Blob([JSON.stringify(scheme, null, 2)], { type: 'application/json' }),
          );
        return (
          <div key={`${v.sheet}-${v.anchor}-${i}`} className={styles.table}>
            <strong>{v.heading}</strong>
            {v.parents && <p className={styles.formula}>{v.parents}</p>}
            {v.formulas.map((f, j) => (
              <p key={j} className={styles.formula}>
                {f}
              </p>
            ))}
            <p className={styles.plain} data-testid="structured-audit">
              {v.audit}
            </p>
            {(v.discrepancies.length > 0 || v.notes.length > 0) && (
              <ul className={styles.list}>
                {v.discrepancies.map((d, j) => item(`d${j}`, d))}
                {v.notes.map((n, j) => item(`n${j}`, n))}
              </ul>
            )}
            <div>
              <Button
                size="small"
                disabled={scheme === null}
                title={scheme === null ? t.noScheme : undefined}
                onClick={save}
              >
                {t.saveScheme}
              </Button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
