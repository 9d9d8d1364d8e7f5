import { Button, MessageBar, MessageBarBody, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { resolveSettings } from '../../src/core/settings';
import type { Catalog } from '../../src/i18n/catalog';
import { buildNarrative, narrativeText } from '../../src/narrative/build';
import type { Narrative } from '../../src/narrative/types';
import { ExcelTooOldError, type RecomputeResult } from '../excel/adapter';
import { bulletinDocx, download } from './export';
import type { PaneHost } from './host';
import { NarrativeBox } from './NarrativeBox';
import { ResultsView } from './ResultsView';
import { SettingsDialog } from './SettingsDialog';
import { Notice, PaneHeader, usePaneStyles, type NoticeState } from './layout';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'done'; readonly result: RecomputeResult; readonly narrative: Narrative };

export interface AppProps {
  readonly host: PaneHost;
  readonly catalog: Catalog;
  /** Excel for Mac cannot download a file from an add-in. */
  readonly canDownload: boolean;
}

export function App({ host, catalog, canDownload }: AppProps) {
  const styles = usePaneStyles();
  const ui = catalog.ui;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [exporting, setExporting] = useState(false);
  const settings = status.kind === 'done' ? status.result.analysis.settings : resolveSettings();

  const run = async () => {
    setStatus({ kind: 'working' });
    setNotice(null);
    try {
      const result = await host.recompute();
      const narrative = buildNarrative(result.analysis);
      setText(narrativeText(narrative));
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
  const exportWord = async () => {
    if (status.kind !== 'done') return;
    if (!canDownload) {
      setNotice({ intent: 'warning', text: ui.macNoDownload });
      return;
    }
    setExporting(true);
    try {
      const { name, blob } = await bulletinDocx(status.result.analysis, status.narrative, text);
      download(name, blob);
      setNotice({ intent: 'success', text: ui.exported(name) });
    } catch (e) {
      setNotice({ intent: 'error', text: ui.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setExporting(false);
    }
  };
  const ready = status.kind === 'done' && status.result.analysis.tables.length > 0;

  return (
    <main className={styles.root}>
      <PaneHeader title={ui.title} subtitle={ui.subtitle} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void run()}
          disabled={status.kind === 'working'}
        >
          {ui.recompute}
        </Button>
        <Button onClick={() => void exportWord()} disabled={!ready || exporting}>
          {ui.exportWord}
        </Button>
        <SettingsDialog settings={settings} ui={ui} />
      </div>
      {exporting && <Spinner size="small" label={ui.exporting} />}
      <Notice notice={notice} />
      {status.kind === 'working' && <Spinner size="small" label={ui.working} />}
      {status.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'done' && <Outcome result={status.result} catalog={catalog} />}
      {ready && status.kind === 'done' && (
        <>
          <ResultsView analysis={status.result.analysis} catalog={catalog} onSelect={select} />
          <section aria-label={ui.narrative}>
            <Subtitle2 as="h2">{ui.narrative}</Subtitle2>
            <NarrativeBox value={text} onChange={setText} ui={ui} />
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
