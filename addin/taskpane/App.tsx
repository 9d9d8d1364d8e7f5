import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { resolveSettings } from '../../src/core/settings';
import type { Catalog } from '../../src/i18n/catalog';
import { buildNarrative, narrativeText } from '../../src/narrative/build';
import { ExcelTooOldError, type RecomputeResult } from '../excel/adapter';
import type { PaneHost } from './host';
import { NarrativeBox } from './NarrativeBox';
import { ResultsView } from './ResultsView';
import { SettingsDialog } from './SettingsDialog';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '280px',
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    alignItems: 'center',
  },
  heading: { display: 'block', margin: 0 },
  subtitle: { display: 'block', margin: 0, color: tokens.colorNeutralForeground3 },
});

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'done'; readonly result: RecomputeResult; readonly narrative: string };

export function App({ host, catalog }: { readonly host: PaneHost; readonly catalog: Catalog }) {
  const styles = useStyles();
  const ui = catalog.ui;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const settings = status.kind === 'done' ? status.result.analysis.settings : resolveSettings();

  const run = async () => {
    setStatus({ kind: 'working' });
    try {
      const result = await host.recompute();
      const narrative = narrativeText(buildNarrative(result.analysis));
      setStatus({ kind: 'done', result, narrative });
    } catch (e) {
      const message =
        e instanceof ExcelTooOldError
          ? ui.excelTooOld
          : ui.failed(e instanceof Error ? e.message : String(e));
      setStatus({ kind: 'error', message });
    }
  };
  const select = (sheet: string, cell: string) => {
    host
      .select(sheet, cell)
      .catch((e: unknown) => setStatus({ kind: 'error', message: ui.failed(String(e)) }));
  };

  return (
    <main className={styles.root}>
      <header>
        <Title3 as="h1" className={styles.heading}>
          {ui.title}
        </Title3>
        <Caption1 as="p" className={styles.subtitle}>
          {ui.subtitle}
        </Caption1>
      </header>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void run()}
          disabled={status.kind === 'working'}
        >
          {ui.recompute}
        </Button>
        <SettingsDialog settings={settings} ui={ui} />
      </div>
      {status.kind === 'working' && <Spinner size="small" label={ui.working} />}
      {status.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'done' && <Outcome result={status.result} catalog={catalog} />}
      {status.kind === 'done' && status.result.analysis.tables.length > 0 && (
        <>
          <ResultsView analysis={status.result.analysis} catalog={catalog} onSelect={select} />
          <section aria-label={ui.narrative}>
            <Subtitle2 as="h2">{ui.narrative}</Subtitle2>
            <NarrativeBox text={status.narrative} ui={ui} />
          </section>
        </>
      )}
    </main>
  );
}

function Outcome({
  result,
  catalog,
}: {
  readonly result: RecomputeResult;
  readonly catalog: Catalog;
}) {
  const ui = catalog.ui;
  const { analysis, plan } = result;
  if (analysis.tables.length === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{ui.noTables}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!result.wrote) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          {ui.conflicts(plan.conflicts.map((c) => `${c.sheet}!${c.cell}`))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const tables = plan.sheets.reduce((n, s) => n + s.tables.length, 0);
  return (
    <MessageBar intent={analysis.discrepancies.length > 0 ? 'warning' : 'success'}>
      <MessageBarBody>{ui.wrote(tables, analysis.discrepancies.length)}</MessageBarBody>
    </MessageBar>
  );
}
