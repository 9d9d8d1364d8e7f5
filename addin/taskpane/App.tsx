import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Field,
} from '@fluentui/react-components';
import { useState } from 'react';
import { resolveSettings } from '../../src/core/settings';
import type { Catalog } from '../../src/i18n/catalog';
import { buildNarrative, narrativeText } from '../../src/narrative/build';
import type { Analysis } from '../../src/evaluation/analyze';
import type { Narrative } from '../../src/narrative/types';
import { ExcelTooOldError, type RecomputeResult } from '../excel/adapter';
import { bulletinDocx, download } from './export';
import { analyzeFile } from './workbook-file';
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

  const [previous, setPrevious] = useState<{ name: string; analysis: Analysis } | null>(null);

  const narrate = (result: RecomputeResult, last: Analysis | null) => {
    const narrative = buildNarrative(result.analysis, last);
    setText(narrativeText(narrative));
    setStatus({ kind: 'done', result, narrative });
  };
  const run = async () => {
    setStatus({ kind: 'working' });
    setNotice(null);
    try {
      narrate(await host.recompute(), previous?.analysis ?? null);
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
  /** Last month's workbook, for the 较上月 sentences: the paragraphs are rebuilt at once. */
  const choosePrevious = async (file: File | undefined) => {
    if (!file) return;
    try {
      const analysis = await analyzeFile(file);
      if (analysis === null || analysis.tables.length === 0) {
        setNotice({
          intent: 'error',
          text: analysis === null ? ui.notXlsx(file.name) : ui.noTables,
        });
        return;
      }
      setPrevious({ name: file.name, analysis });
      if (status.kind === 'done') narrate(status.result, analysis);
      setNotice({ intent: 'success', text: ui.previousLoaded(file.name) });
    } catch (e) {
      setNotice({ intent: 'error', text: ui.failed(e instanceof Error ? e.message : String(e)) });
    }
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
      <Field
        label={ui.importPrevious}
        hint={previous ? ui.previousLoaded(previous.name) : undefined}
      >
        <input
          type="file"
          accept=".xlsx"
          data-testid="previous"
          onChange={(e) => void choosePrevious(e.target.files?.[0])}
        />
      </Field>
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
