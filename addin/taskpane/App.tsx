import { auditSummary } from '../../src/evaluation/audit-summary';
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Settings } from '../../src/settings/settings';
import type { Catalog, UiStrings } from '../../src/i18n/catalog';
import type { Narrative } from '../../src/narrative/types';
import type { ChartSpec } from '../../src/summary/chart-spec';
import { problemText } from './errors';
import { bulletinDocx, download } from './export';
import { FilePicker } from './FilePicker';
import type { PaneHost, RecomputeResult } from './host';
import { Notice, PaneHeader, failedNotice, usePaneStyles, type NoticeState } from './layout';
import { NarrativeSection } from './NarrativeSection';
import { ResultsView } from './ResultsView';
import { SettingsButton } from './SettingsButton';
import { useNarrativeText } from './useNarrativeText';
import { useSettings } from './useSettings';
import { readPreviousMonth, scoredWith, type Book } from './workbook-file';

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'done'; readonly result: RecomputeResult; readonly narrative: Narrative };

/**
 * The Excel host, and what only the Excel pane asks of it: adding the 通报数据 sheet (resolves
 * with the sheet's name), and the chart sheet (the figures the text names, drawn as pictures).
 * Without them, the Excel adapter's own functions, loaded on the click.
 */
export type ExcelPaneHost = PaneHost & {
  readonly insertTemplate?: () => Promise<string>;
  readonly insertCharts?: (text: string, charts: readonly ChartSpec[]) => Promise<ChartsOutcome>;
};

/** What 插入图表工作表 did: the sheet written (null: none, an old one removed or not). */
export interface ChartsOutcome {
  readonly sheet: string | null;
  readonly pictures: number;
  readonly replaced: boolean;
}

const defaultInsertTemplate = async () => (await import('../excel/adapter')).insertTemplateSheet();

/** Asks the host first (ExcelApi 1.9), so an old Excel draws nothing; then draws and inserts. */
const defaultInsertCharts = async (
  text: string,
  charts: readonly ChartSpec[],
): Promise<ChartsOutcome> => {
  const excel = await import('../excel/adapter');
  if (!excel.chartPicturesSupported()) throw new excel.ChartPicturesUnsupportedError();
  return excel.insertChartSheet(await excel.figurePictures(text, charts));
};

/** The user's sheet of that name, or an Excel without pictures: warnings; else the host's problem. */
function chartsNotice(ui: UiStrings, e: unknown): NoticeState {
  if (e instanceof Error && e.name === 'ChartSheetTakenError')
    return {
      intent: 'warning',
      text: ui.chartSheetRefused((e as Error & { sheet: string }).sheet),
    };
  if (e instanceof Error && e.name === 'ChartPicturesUnsupportedError')
    return { intent: 'warning', text: ui.chartsNeedNewerExcel };
  return { intent: 'error', text: problemText(ui, e) };
}

/** A sheet of that name already there is a warning; anything else, the host's problem. */
function templateNotice(ui: UiStrings, e: unknown): NoticeState {
  if (e instanceof Error && e.name === 'TemplateSheetExistsError')
    return { intent: 'warning', text: ui.templateExists((e as Error & { sheet: string }).sheet) };
  return { intent: 'error', text: problemText(ui, e) };
}

export interface AppProps {
  readonly host: ExcelPaneHost;
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
  const [inserting, setInserting] = useState(false);
  const [insertingCharts, setInsertingCharts] = useState(false);
  const config = useSettings(host.settings, catalog, host.partition);
  // Last month's workbook as a promise (it may still be reading when 重新计算 is pressed), with
  // its grids, so that it is scored by the same settings as this month; the latest result in a
  // ref, so that a late answer never brings back an older one.
  const previous = useRef<Promise<Book | null>>(Promise.resolve(null));
  const lastResult = useRef<RecomputeResult | null>(null);

  const narrate = async (result: RecomputeResult) => {
    const settings = result.analysis.settings;
    const [last, { buildNarrative, narrativeText }] = await Promise.all([
      previous.current,
      import('./engine'),
    ]);
    // Last month is scored by this run's settings.
    const before = last && (await scoredWith(last, settings)).analysis;
    if (lastResult.current !== result) return; // a newer run has taken over
    const narrative = buildNarrative(result.analysis, before);
    paragraphs.offer(narrativeText(narrative));
    setStatus({ kind: 'done', result, narrative });
  };
  const run = async (settings: Settings = config.settings) => {
    setStatus({ kind: 'working' });
    setNotice(null);
    // Until this run answers there is no result to re-narrate (a failed run leaves none).
    lastResult.current = null;
    try {
      const result = await host.recompute(settings);
      lastResult.current = result;
      await narrate(result);
    } catch (e) {
      setStatus({ kind: 'error', message: problemText(ui, e) });
    }
  };
  // A cell that cannot be selected (its sheet hidden or gone) is a notice: the results stay.
  const select = (sheet: string, cell: string) => {
    host
      .select(sheet, cell)
      .catch((e: unknown) => setNotice({ intent: 'warning', text: problemText(ui, e) }));
  };
  /** Last month's workbook, for the 较上月 sentences: the paragraphs are rebuilt at once. */
  const choosePrevious = async (file: File) => {
    const reading = readPreviousMonth(file, config.settings, ui);
    const before = previous.current;
    previous.current = reading.then((r) => ('error' in r ? before : r));
    const read = await reading;
    if ('error' in read) return setNotice({ intent: 'error', text: read.error });
    if (lastResult.current) await narrate(lastResult.current);
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
  /** 插入通报数据表: the empty 通报数据 sheet, added to the workbook (never over a sheet). */
  const insertTemplate = async () => {
    setInserting(true);
    setNotice(null);
    try {
      const sheet = await (host.insertTemplate ?? defaultInsertTemplate)();
      setNotice({ intent: 'success', text: ui.templateInserted(sheet) });
    } catch (e) {
      setNotice(templateNotice(ui, e));
    } finally {
      setInserting(false);
    }
  };
  /** 插入图表工作表: the figures the text names, as pictures on Tongbao's own sheet. */
  const insertCharts = async () => {
    if (status.kind !== 'done') return;
    setInsertingCharts(true);
    setNotice(null);
    try {
      const done = await (host.insertCharts ?? defaultInsertCharts)(
        paragraphs.text,
        status.narrative.charts,
      );
      setNotice(
        done.sheet === null
          ? { intent: 'warning', text: ui.chartsNone(done.replaced) }
          : {
              intent: 'success',
              text: ui.chartsInserted(done.sheet, done.pictures, done.replaced),
            },
      );
    } catch (e) {
      setNotice(chartsNotice(ui, e));
    } finally {
      setInsertingCharts(false);
    }
  };
  const ready = status.kind === 'done' && status.result.analysis.tables.length > 0;
  const hasCharts = ready && status.kind === 'done' && status.narrative.charts.length > 0;

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
          canDownload={canDownload}
        />
        <Button
          appearance="subtle"
          onClick={() => void insertTemplate()}
          disabled={inserting || status.kind === 'working'}
        >
          {ui.insertTemplate}
        </Button>
      </div>
      <Notice notice={config.problem ? { intent: 'warning', text: config.problem } : null} />
      <FilePicker
        ui={ui}
        label={ui.importPrevious}
        accept=".xlsx"
        testId="previous"
        disabled={status.kind === 'working'}
        onFile={(f) => void choosePrevious(f)}
      />
      {hasCharts && (
        <div className={styles.actions}>
          <Button onClick={() => void insertCharts()} disabled={insertingCharts}>
            {ui.insertCharts}
          </Button>
        </div>
      )}
      {exporting && <Spinner size="small" label={ui.exporting} />}
      {insertingCharts && <Spinner size="small" label={ui.insertingCharts} />}
      <Notice notice={notice} />
      {status.kind === 'working' && <Spinner size="small" label={ui.working} />}
      {status.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'done' && <Outcome result={status.result} catalog={catalog} />}
      {/* [issue 16] Tables read from their own layout only: checked and listed, no paragraphs. */}
      {!ready && status.kind === 'done' && (status.result.analysis.structured ?? []).length > 0 && (
        <ResultsView analysis={status.result.analysis} catalog={catalog} onSelect={select} />
      )}
      {ready && status.kind === 'done' && (
        <>
          <ResultsView analysis={status.result.analysis} catalog={catalog} onSelect={select} />
          <NarrativeSection
            narrative={paragraphs}
            ui={ui}
            charts={status.narrative.charts}
            // [issue 16] The warnings above the text; a click selects the cell.
            notes={{ narrative: status.narrative, catalog, onSelect: select }}
          />
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
  return (
    <>
      <WriteOutcome result={result} catalog={catalog} />
      {result.hiddenSheets.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{ui.hiddenSkipped(result.hiddenSheets)}</MessageBarBody>
        </MessageBar>
      )}
      {result.mergesUnread.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{ui.mergesUnread(result.mergesUnread)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** What happened to the workbook: written, refused (conflicts, protection), or stopped part way. */
function WriteOutcome({
  result,
  catalog,
}: {
  readonly result: RecomputeResult;
  readonly catalog: Catalog;
}) {
  const ui = catalog.ui;
  const { analysis, plan, writeProblem } = result;
  // [issue 16] Tables read from their own layout are checked, never written into.
  if (analysis.tables.length === 0 && (analysis.structured ?? []).length > 0) return null;
  if (analysis.tables.length === 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{ui.noTables}</MessageBarBody>
      </MessageBar>
    );
  }
  if (plan.conflicts.length > 0) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          {ui.conflicts(plan.conflicts.map((c) => `${c.sheet}!${c.cell}`))}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (writeProblem) {
    // A refusal says itself that nothing was changed; a stop part way names what was written.
    const refusal = ['protectedSheets', 'readOnly'].includes(writeProblem.error.key);
    const stopped =
      writeProblem.written.length > 0 || !refusal
        ? ui.writeStopped(writeProblem.written, writeProblem.notWritten)
        : '';
    return (
      <MessageBar intent="error">
        <MessageBarBody data-testid="write-problem">
          {stopped}
          {problemText(ui, writeProblem.error)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const tables = plan.sheets.reduce((n, s) => n + s.tables.length, 0);
  return (
    <MessageBar intent={analysis.discrepancies.length > 0 ? 'warning' : 'success'}>
      <MessageBarBody>{ui.wrote(tables, auditSummary(analysis))}</MessageBarBody>
    </MessageBar>
  );
}
