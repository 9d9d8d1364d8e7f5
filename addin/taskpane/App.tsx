import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { Settings } from '../../src/core/settings';
import type { Analysis } from '../../src/evaluation/analyze';
import type { Catalog } from '../../src/i18n/catalog';
import { buildNarrative, narrativeText } from '../../src/narrative/build';
import type { Narrative } from '../../src/narrative/types';
import { ExcelTooOldError } from '../excel/adapter';
import { bulletinDocx, download } from './export';
import { FilePicker } from './FilePicker';
import type { PaneHost, RecomputeResult } from './host';
import { Notice, PaneHeader, failedNotice, usePaneStyles, type NoticeState } from './layout';
import { NarrativeSection } from './NarrativeSection';
import { ResultsView } from './ResultsView';
import { SettingsButton } from './SettingsButton';
import { useNarrativeText } from './useNarrativeText';
import { useSettings } from './useSettings';
import { readPreviousMonth } from './workbook-file';

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
  const paragraphs = useNarrativeText();
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [exporting, setExporting] = useState(false);
  const config = useSettings(host.settings, catalog, host.partition);
  const [previous, setPrevious] = useState<{ name: string; analysis: Analysis } | null>(null);

  const narrate = (result: RecomputeResult, last: Analysis | null) => {
    const narrative = buildNarrative(result.analysis, last);
    paragraphs.offer(narrativeText(narrative));
    setStatus({ kind: 'done', result, narrative });
  };
  const run = async (settings: Settings = config.settings) => {
    setStatus({ kind: 'working' });
    setNotice(null);
    try {
      narrate(await host.recompute(settings), previous?.analysis ?? null);
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
  const choosePrevious = async (file: File) => {
    const read = await readPreviousMonth(file, config.settings, ui);
    if ('error' in read) return setNotice({ intent: 'error', text: read.error });
    setPrevious({ name: file.name, analysis: read.analysis });
    if (status.kind === 'done') narrate(status.result, read.analysis);
    setNotice({ intent: 'success', text: ui.previousLoaded(file.name) });
  };
  const saveSettings = async (settings: Settings) => {
    await config.save(settings);
    const saved = ui.settingsSaved(host.settings.where);
    setNotice({
      intent: 'success',
      text: status.kind === 'done' ? `${saved}${ui.settingsSavedRecompute}` : saved,
    });
  };
  const exportWord = async () => {
    if (status.kind !== 'done') return;
    if (!canDownload) {
      setNotice({ intent: 'warning', text: ui.macNoDownload });
      return;
    }
    setExporting(true);
    try {
      const { name, blob } = await bulletinDocx(
        status.result.analysis,
        status.narrative,
        paragraphs.text,
      );
      download(name, blob);
      setNotice({ intent: 'success', text: ui.exported(name) });
    } catch (e) {
      setNotice(failedNotice(ui, e));
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
          disabled={status.kind === 'working' || !config.loaded}
        >
          {ui.recompute}
        </Button>
        <Button onClick={() => void exportWord()} disabled={!ready || exporting}>
          {ui.exportWord}
        </Button>
        <SettingsButton
          settings={config.settings}
          catalog={catalog}
          where={host.settings.where}
          userDefaults={config.user}
          onSave={saveSettings}
        />
      </div>
      {config.problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{config.problem}</MessageBarBody>
        </MessageBar>
      )}
      <FilePicker
        ui={ui}
        label={ui.importPrevious}
        accept=".xlsx"
        testId="previous"
        onFile={(f) => void choosePrevious(f)}
      />
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
          <NarrativeSection narrative={paragraphs} ui={ui} />
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
