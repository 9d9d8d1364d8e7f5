import { Button, Caption1, Checkbox, Spinner } from '@fluentui/react-components';
import { Suspense, lazy, useRef, useState } from 'react';
import type { Settings } from '../../src/settings/settings';
import type { Catalog } from '../../src/i18n/catalog';
import type { Narrative } from '../../src/narrative/types';
import type { ProofreadResult } from '../../src/proofread/types';
import type { InsertOptions, InsertPlace } from '../word/adapter';
import { problemText } from './errors';
import { drawFigures } from './export';
import { FilePicker } from './FilePicker';
import { Notice, PaneHeader, failedNotice, usePaneStyles, type NoticeState } from './layout';
import { NarrativeSection } from './NarrativeSection';
import { SettingsButton } from './SettingsButton';
import type { SettingsStore } from './settings-store';
import { useNarrativeText } from './useNarrativeText';
import { useSettings } from './useSettings';
import {
  readPreviousMonth,
  readWorkbookFile,
  scoredWith,
  type Book,
  type WorkbookFile,
} from './workbook-file';

export interface WordHost {
  /** Inserts near the selection (never in a table cell) and says where it went. */
  readonly insert: (ooxml: string, options: InsertOptions) => Promise<InsertPlace>;
  /** The document's own settings (Office.Settings), as in Excel. */
  readonly settings: SettingsStore;
  readonly partition?: string;
}

type Loaded = { readonly book: Book; readonly narrative: Narrative };

/** 校对本文's findings, and where each is marked in the document (none after 清除). */
type Checked = { readonly result: ProofreadResult; readonly marks?: readonly (number | null)[] };

// The findings list, with the adapter and the engine, loads only when 校对本文 is pressed.
const ProofreadView = lazy(() =>
  import('./ProofreadView').then((m) => ({ default: m.ProofreadView })),
);
const wordProofread = () => import('../word/proofread');

/** The pane in Word: 从工作簿导入, review and edit the paragraphs, 插入到文档 at the cursor (after a
 * selection or a table the cursor is in, or replacing the selection when asked). */
export function WordApp({ host, catalog }: { readonly host: WordHost; readonly catalog: Catalog }) {
  const styles = usePaneStyles();
  const ui = catalog.ui;
  const config = useSettings(host.settings, catalog, host.partition);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // This month's workbook, and last month's as a promise: chosen just before 从工作簿导入, it
  // may still be reading. Refs, so that late answers never act on a stale render.
  const current = useRef<Book | null>(null);
  const previous = useRef<Promise<Book | null>>(Promise.resolve(null));
  const latest = useRef(config.settings);
  latest.current = config.settings;
  const paragraphs = useNarrativeText();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [withTables, setWithTables] = useState(false);
  // Off by default: a selection is kept and the text goes after it.
  const [replace, setReplace] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);

  /** The paragraphs of this month against last month, as the workbooks now stand. */
  const narrate = async (): Promise<Book | null> => {
    const book = current.current;
    if (!book) return previous.current;
    // The engine loads with the first workbook (as in Excel), not before first paint.
    const [last, { buildNarrative, narrativeText }] = await Promise.all([
      previous.current,
      import('./engine'),
    ]);
    const narrative = buildNarrative(book.analysis, last?.analysis ?? null);
    setLoaded({ book, narrative });
    paragraphs.offer(narrativeText(narrative));
    return last;
  };
  /** What was read, without its bytes, scored by the settings in force now (they may have
   * changed while it was read). */
  const asBook = async (read: WorkbookFile): Promise<Book | null> =>
    'error' in read
      ? null
      : scoredWith({ name: read.name, grids: read.grids, analysis: read.analysis }, latest.current);
  const load = async (file: File) => {
    setBusy(ui.importing);
    setNotice(null);
    try {
      const read = await readWorkbookFile(file, latest.current, ui);
      if ('error' in read) return setNotice({ intent: 'error', text: read.error });
      current.current = await asBook(read);
      const last = await narrate();
      setNotice({ intent: 'success', text: ui.imported(file.name, last?.name ?? null) });
    } catch (e) {
      setNotice(failedNotice(ui, e));
    } finally {
      setBusy(null);
    }
  };
  const choosePrevious = async (file: File) => {
    const reading = readPreviousMonth(file, latest.current, ui);
    const before = previous.current;
    previous.current = reading.then(async (r) => (await asBook(r)) ?? before);
    const read = await reading;
    if ('error' in read) return setNotice({ intent: 'error', text: read.error });
    if (current.current) {
      await narrate();
      setNotice({ intent: 'success', text: ui.previousLoaded(file.name) });
    }
  };
  /** New settings: both workbooks are checked again with them, the paragraphs follow. */
  const saveSettings = async (settings: Settings) => {
    await config.save(settings);
    latest.current = settings;
    const again = async (book: Book | null) => book && scoredWith(book, settings);
    current.current = await again(current.current);
    previous.current = previous.current.then(again);
    await narrate();
    setNotice({ intent: 'success', text: ui.settingsSaved(host.settings.where) });
  };

  const insert = async () => {
    if (!loaded) return;
    setBusy(ui.insert);
    try {
      const [{ buildReport, textBlocks }, { attachmentBlocks }, { blocksToFlatOpcWithFigures }] =
        await Promise.all([
          import('../../src/report/model'),
          import('../../src/report/ooxml'),
          import('../word/ooxml'),
        ]);
      const text = textBlocks(paragraphs.text, undefined, loaded.narrative.charts);
      const blocks = [
        ...text,
        ...(withTables
          ? attachmentBlocks(buildReport(loaded.book.analysis, loaded.narrative))
          : []),
      ];
      // The figures the text still names, drawn here (ECharts, then PNG through a canvas).
      const charts = text.flatMap((b) => (b.kind === 'figure' ? [b.chart] : []));
      const figures = charts.length > 0 ? await drawFigures(charts) : undefined;
      const ooxml = await blocksToFlatOpcWithFigures(
        blocks,
        loaded.book.analysis.settings.report.fonts,
        figures,
      );
      const place = await host.insert(ooxml, { replace });
      setNotice({ intent: 'success', text: ui.insertedAt(place) });
    } catch (e) {
      // Word's errors (read-only, old Word…) in the catalog's words, the code kept.
      setNotice({ intent: 'error', text: problemText(ui, e) });
    } finally {
      setBusy(null);
    }
  };

  /** 校对本文: the open document against this month's (and last month's) workbook. */
  const proofread = async () => {
    const book = current.current;
    if (!book) return;
    setBusy(ui.proofreading);
    setNotice(null);
    try {
      const last = await previous.current;
      const word = await wordProofread();
      const done = await word.proofreadInPane(ui, book.analysis, last?.analysis ?? null);
      if (done.checked) setChecked(done.checked);
      setNotice(done.notice);
    } catch (e) {
      setNotice(failedNotice(ui, e));
    } finally {
      setBusy(null);
    }
  };
  /** 清除校对标记: every mark Tongbao made, in this session or an earlier one. */
  const clearMarks = async () => {
    setBusy(ui.clearMarks);
    setNotice(null);
    try {
      setNotice(await (await wordProofread()).clearInPane(ui));
      // The list stays, no longer clickable: its marks are gone.
      setChecked((c) => c && { result: c.result });
    } catch (e) {
      setNotice(failedNotice(ui, e));
    } finally {
      setBusy(null);
    }
  };
  const select = async (index: number) => {
    const n = checked?.marks?.[index];
    if (n === null || n === undefined) return;
    try {
      const said = await (await wordProofread()).selectInPane(ui, n);
      if (said) setNotice(said);
    } catch (e) {
      setNotice(failedNotice(ui, e));
    }
  };

  return (
    <main className={styles.root}>
      <PaneHeader title={ui.title} subtitle={ui.wordIntro} />
      <FilePicker
        ui={ui}
        label={ui.importPrevious}
        accept=".xlsx"
        testId="previous"
        onFile={(f) => void choosePrevious(f)}
      />
      <div className={styles.actions}>
        <FilePicker
          ui={ui}
          button={ui.importWorkbook}
          primary
          accept=".xlsx"
          testId="workbook"
          disabled={busy !== null || !config.loaded}
          onFile={(f) => void load(f)}
        />
        <SettingsButton
          settings={config.settings}
          catalog={catalog}
          where={host.settings.where}
          userDefaults={config.user}
          onSave={saveSettings}
        />
      </div>
      <Notice notice={config.problem ? { intent: 'warning', text: config.problem } : null} />
      <section className={styles.actions} aria-label={ui.proofread}>
        <Caption1>{ui.proofreadIntro}</Caption1>
        <Button onClick={() => void proofread()} disabled={busy !== null || !loaded}>
          {ui.proofread}
        </Button>
        <Button appearance="subtle" onClick={() => void clearMarks()} disabled={busy !== null}>
          {ui.clearMarks}
        </Button>
      </section>
      {busy && <Spinner size="small" label={busy} />}
      <Notice notice={notice} />
      {checked && (
        <Suspense fallback={<Spinner size="small" />}>
          <ProofreadView
            ui={ui}
            result={checked.result}
            marks={checked.marks}
            onSelect={checked.marks ? (i) => void select(i) : undefined}
          />
        </Suspense>
      )}
      {loaded && (
        <NarrativeSection
          narrative={paragraphs}
          ui={ui}
          charts={loaded.narrative.charts}
          // [issue 16] The warnings above the text (no cell to select from Word).
          notes={{ narrative: loaded.narrative, catalog }}
        >
          <Checkbox
            checked={withTables}
            onChange={(_, d) => setWithTables(d.checked === true)}
            label={ui.withTables}
          />
          <Checkbox
            checked={replace}
            onChange={(_, d) => setReplace(d.checked === true)}
            label={ui.replaceSelection}
          />
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void insert()} disabled={busy !== null}>
              {ui.insert}
            </Button>
          </div>
        </NarrativeSection>
      )}
    </main>
  );
}
