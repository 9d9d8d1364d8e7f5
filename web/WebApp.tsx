import { auditSummary } from '../src/evaluation/audit-summary';
import type { SizeChecked } from '../src/io/xlsx-read';
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Field,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { Settings } from '../src/settings/settings';
import { zhCN, type Catalog } from '../src/i18n/catalog';
import { structuredEnUS, structuredZhCN } from '../src/i18n/structured-ui';
import { buildNarrative, narrativeText } from '../src/narrative/build';
import type { Narrative } from '../src/narrative/types';
import { bulletinDocx, chartImages, download } from '../addin/taskpane/export';
import { FilePicker } from '../addin/taskpane/FilePicker';
import {
  Notice,
  PaneHeader,
  failedNotice,
  usePaneStyles,
  type NoticeState,
} from '../addin/taskpane/layout';
import { NarrativeSection } from '../addin/taskpane/NarrativeSection';
import { ProofreadView } from '../addin/taskpane/ProofreadView';
import type { ProofreadResult } from '../src/proofread/types';
import { ResultsView } from '../addin/taskpane/ResultsView';
import { SettingsButton } from '../addin/taskpane/SettingsButton';
import type { SettingsStore } from '../addin/taskpane/settings-store';
import { useNarrativeText } from '../addin/taskpane/useNarrativeText';
import { useSettings } from '../addin/taskpane/useSettings';
import {
  readWorkbookFile,
  scoredWith,
  type Book as ScoredBook,
} from '../addin/taskpane/workbook-file';

const useStyles = makeStyles({
  page: { maxWidth: '880px', margin: '0 auto' },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  proofread: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  dragging: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** A workbook read in this browser, with its bytes for the annotated copy. */
interface Book extends ScoredBook {
  readonly bytes: Uint8Array;
  /** The size check's answer for `bytes`: the annotated copy does not scan again. */
  readonly checked: SizeChecked;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A draft to proofread, as chosen or dropped (.docx or .txt). */
interface DraftFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly docx: boolean;
}

/** What 校对 found, and the .docx it was read from (for 下载标记稿); none for pasted text. */
interface Proofread {
  readonly result: ProofreadResult;
  readonly docx: DraftFile | null;
}

const isDraftName = (name: string) => /\.(docx|txt)$/i.test(name);

/** A .txt as saved by Notepad or WPS: UTF-8 (with or without BOM), else GB18030. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The marked copy's name: 通报稿.docx → 通报稿（校对）.docx. */
const markedName = (name: string) => `${name.replace(/\.docx$/i, '')}（校对）.docx`;

const nextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** The page's file name for the annotated copy: 2017-08.xlsx → 2017-08（复核）.xlsx. */
const annotatedName = (name: string) => `${name.replace(/\.xlsx$/i, '')}（复核）.xlsx`;

/**
 * 网页版: choose or drop this month's workbook (and, optionally, last month's); the same
 * results, paragraphs and settings as the add-in; download the checked workbook (the add-in's
 * write plan applied to a copy) and the bulletin .docx. Everything stays in this browser.
 */
export function WebApp({
  catalog,
  settings: store,
}: {
  readonly catalog: Catalog;
  readonly settings: SettingsStore;
}) {
  const styles = { ...usePaneStyles(), ...useStyles() };
  const ui = catalog.ui;
  const config = useSettings(store, catalog);
  const [current, setCurrent] = useState<Book | null>(null);
  const [previous, setPrevious] = useState<Book | null>(null);
  const [narrative, setNarrative] = useState<Narrative | null>(null);
  const paragraphs = useNarrativeText();
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState<DraftFile | null>(null);
  // The draft picker again (its chosen name cleared) when pasted text takes over.
  const [draftPicker, setDraftPicker] = useState(0);
  const [pasted, setPasted] = useState('');
  const [proofread, setProofread] = useState<Proofread | null>(null);

  const narrate = (book: Book, last: Book | null) => {
    const n = buildNarrative(book.analysis, last?.analysis ?? null);
    setNarrative(n);
    paragraphs.offer(narrativeText(n));
  };

  // The settings in force now, for a read that outlives a change of settings.
  const latest = useRef(config.settings);
  latest.current = config.settings;

  const read = async (file: File, label: (stage: string) => number): Promise<Book | null> => {
    const settings = latest.current;
    const result = await readWorkbookFile(file, settings, ui, async (stage) => {
      setProgress({ label: ui.stage(stage, file.name), value: label(stage) });
      await nextPaint();
    });
    if ('error' in result) {
      setNotice({ intent: 'error', text: result.error });
      return null;
    }
    // Settings saved while the file was read: check it again with them.
    return scoredWith(result, latest.current);
  };

  // A file dropped beside the drop zone must not make the browser leave the page (and the
  // user's edited paragraphs with it).
  useEffect(() => {
    const keep = (e: globalThis.DragEvent) => e.preventDefault();
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  /** One thing at a time: the buttons wait, a failure is said in the page, never lost. */
  const task = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setNotice(failedNotice(ui, e));
    } finally {
      setProgress(null);
      setBusy(false);
    }
  };
  const showing = async (label: string) => {
    setProgress({ label, value: 0.5 });
    await nextPaint();
  };

  const openCurrent = (file: File) =>
    task(async () => {
      setNotice(null);
      const stages: Record<string, number> = { reading: 0.1, parsing: 0.3, checking: 0.7 };
      const book = await read(file, (s) => stages[s] ?? 0);
      if (!book) return;
      setProgress({ label: ui.stage('writing', file.name), value: 0.9 });
      await nextPaint();
      setCurrent(book);
      setProofread(null);
      narrate(book, previous);
    });

  const openPrevious = (file: File) =>
    task(async () => {
      const book = await read(file, () => 0.5);
      if (!book) return;
      setPrevious(book);
      setProofread(null);
      if (current) narrate(current, book);
      setNotice({ intent: 'success', text: ui.previousLoaded(file.name) });
    });

  /** New settings: saved in this browser, and what is open is checked again with them. */
  const saveSettings = async (settings: Settings) => {
    const kept = await config.save(settings);
    latest.current = settings;
    const again = async (book: Book | null) => book && scoredWith(book, settings);
    const [now, last] = await Promise.all([again(current), again(previous)]);
    setCurrent(now);
    setPrevious(last);
    if (now) narrate(now, last);
    if (kept) setNotice({ intent: 'success', text: ui.settingsSaved('browser') });
  };

  const downloadWorkbook = (book: Book, facts: Narrative | null) =>
    task(async () => {
      await showing(ui.annotating);
      const [{ planWrites }, { annotatedCopy, lossItems }, { ChartSheetTakenError }] =
        await Promise.all([
          import('../src/plan/write-plan'),
          import('../src/io/xlsx-write'),
          import('../src/io/xlsx-charts'),
        ]);
      const plan = planWrites(book.analysis);
      if (plan.conflicts.length > 0) {
        const cells = plan.conflicts.map((c) => `${c.sheet}!${c.cell}`);
        setNotice({ intent: 'error', text: ui.conflicts(cells) });
        return;
      }
      // The command line's words for the copy (figure titles, what it cannot keep).
      const cli =
        catalog.ui === zhCN.ui
          ? (await import('../src/i18n/cli')).cliZhCN
          : (await import('../src/i18n/cli-en')).cliEnUS;
      // The figures on a sheet of their own (通报图表), as `--out` puts them.
      const images = await chartImages(facts?.charts ?? [], cli.figureTitle);
      let copy: Awaited<ReturnType<typeof annotatedCopy>>;
      let taken: string | null = null;
      try {
        copy = await annotatedCopy(book.bytes, plan, images, book.checked);
      } catch (e) {
        // A sheet of that name is the user's: the copy is saved without the charts, and says so.
        if (!(e instanceof ChartSheetTakenError)) throw e;
        taken = e.sheet;
        copy = await annotatedCopy(book.bytes, plan, undefined, book.checked);
      }
      const name = annotatedName(book.name);
      download(name, new Blob([copy.bytes as BlobPart], { type: XLSX_TYPE }));
      // What the copy could not keep of the user's workbook (charts, slicers…), as `--out` says.
      const lost =
        copy.losses.length > 0
          ? cli.copyLoses(name, lossItems(copy.losses, cli.copyLossKinds))
          : '';
      const warnings = `${taken === null ? '' : ui.chartSheetTaken(taken)}${lost}`;
      setNotice(
        warnings === ''
          ? { intent: 'success', text: ui.exported(name) }
          : { intent: 'warning', text: `${ui.exported(name)}${warnings}` },
      );
    });

  /** 下载通报数据模板: the empty 通报数据 sheet as an .xlsx, written in this browser. */
  const downloadTemplate = () =>
    task(async () => {
      await showing(ui.downloadTemplate);
      const [{ templateWorkbook }, { TEMPLATE_SHEET_NAME }] = await Promise.all([
        import('../src/io/xlsx-template'),
        import('../src/summary/template'),
      ]);
      const bytes = await templateWorkbook();
      const name = `${TEMPLATE_SHEET_NAME}.xlsx`;
      download(name, new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      setNotice({ intent: 'success', text: ui.exported(name) });
    });

  const exportWord = (book: Book, facts: Narrative) =>
    task(async () => {
      await showing(ui.exporting);
      const { name, blob } = await bulletinDocx(book.analysis, facts, paragraphs.text);
      download(name, blob);
      setNotice({ intent: 'success', text: ui.exported(name) });
    });

  /** A draft chosen or dropped: its text replaces any pasted text. */
  const chooseDraft = (file: File, dropped = false) =>
    task(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      setDraft({ name: file.name, bytes, docx: /\.docx$/i.test(file.name) });
      setPasted('');
      setProofread(null);
      // The picker names what it chose; a dropped draft is named here.
      setNotice(dropped ? { intent: 'success', text: ui.chosenFile(file.name) } : null);
      if (dropped) setDraftPicker((n) => n + 1);
    });

  /** 校对: the pasted text if there is any, else the chosen draft, against the workbook(s). */
  const check = (book: Book) =>
    task(async () => {
      const text = pasted.trim() !== '' ? pasted : null;
      const file = text === null ? draft : null;
      if (text === null && !file) {
        setNotice({ intent: 'error', text: ui.proofreadNeedsDraft });
        return;
      }
      await showing(ui.proofreading);
      const [
        { proofread: run },
        { draftFromText },
        { readDocxDraft, DraftReadError },
        { proofreadEnUS },
      ] = await Promise.all([
        import('../src/proofread/check'),
        import('../src/proofread/text'),
        import('../src/proofread/draft-docx'),
        import('../src/i18n/proofread'),
      ]);
      let read;
      try {
        read =
          text !== null
            ? draftFromText(text)
            : file!.docx
              ? await readDocxDraft(file!.bytes)
              : draftFromText(decodeText(file!.bytes));
      } catch (e) {
        if (!(e instanceof DraftReadError)) throw e;
        setNotice({ intent: 'error', text: ui.draftUnreadable(file!.name) });
        return;
      }
      const result = run(read, book.analysis, previous?.analysis ?? null, {
        // The findings in the page's language.
        messages: catalog.ui === zhCN.ui ? undefined : proofreadEnUS,
      });
      setProofread({ result, docx: file?.docx ? file : null });
      setNotice(null);
    });

  /** 下载标记稿: a copy of the .docx draft with each finding highlighted and commented. */
  const downloadMarked = (done: Proofread, file: DraftFile) =>
    task(async () => {
      await showing(ui.proofreading);
      const [{ markDocx, NotPlainDocumentError }, { DraftReadError }] = await Promise.all([
        import('../src/proofread/mark-docx'),
        import('../src/proofread/draft-docx'),
      ]);
      let copy;
      try {
        copy = await markDocx(file.bytes, done.result.findings);
      } catch (e) {
        if (!(e instanceof DraftReadError || e instanceof NotPlainDocumentError)) throw e;
        setNotice({ intent: 'error', text: ui.draftUnreadable(file.name) });
        return;
      }
      const name = markedName(file.name);
      download(name, new Blob([copy.bytes as BlobPart], { type: DOCX_TYPE }));
      setNotice({ intent: 'success', text: ui.exported(name) });
    });

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file || busy) return;
    // A draft beside the workbooks is a draft to proofread; anything else, this month's workbook.
    if (isDraftName(file.name)) void chooseDraft(file, true);
    else void openCurrent(file);
  };

  return (
    <main className={mergeClasses(styles.root, styles.page)}>
      <PaneHeader title={ui.webTitle} subtitle={ui.webIntro} />
      <div
        className={mergeClasses(styles.drop, dragging && styles.dragging)}
        data-testid="drop"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Body1>{ui.dropHere}</Body1>
        <FilePicker
          ui={ui}
          button={ui.chooseCurrent}
          primary
          accept=".xlsx"
          testId="workbook"
          disabled={busy || !config.loaded}
          onFile={(f) => void openCurrent(f)}
        />
        <FilePicker
          ui={ui}
          label={ui.importPrevious}
          accept=".xlsx"
          testId="previous"
          disabled={busy}
          onFile={(f) => void openPrevious(f)}
        />
        <FilePicker
          key={draftPicker}
          ui={ui}
          label={ui.draftLabel}
          button={ui.chooseDraft}
          accept=".docx,.txt"
          testId="draft"
          disabled={busy}
          onFile={(f) => void chooseDraft(f)}
        />
      </div>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!current || busy}
          onClick={() => current && void downloadWorkbook(current, narrative)}
        >
          {ui.downloadXlsx}
        </Button>
        <Button
          disabled={!current || !narrative || busy}
          onClick={() => current && narrative && void exportWord(current, narrative)}
        >
          {ui.exportWord}
        </Button>
        <SettingsButton
          settings={config.settings}
          catalog={catalog}
          where="browser"
          userDefaults={config.user}
          onSave={saveSettings}
        />
        <Button appearance="subtle" disabled={busy} onClick={() => void downloadTemplate()}>
          {ui.downloadTemplate}
        </Button>
      </div>
      {progress && (
        <Field validationMessage={progress.label} validationState="none">
          <ProgressBar value={progress.value} thickness="large" aria-label={progress.label} />
        </Field>
      )}
      <Notice notice={config.problem ? { intent: 'warning', text: config.problem } : null} />
      <Notice notice={notice} />
      <section className={styles.proofread} aria-label={ui.proofread}>
        <Field label={ui.pasteDraft}>
          <Textarea
            value={pasted}
            resize="vertical"
            rows={3}
            data-testid="draft-text"
            onChange={(_, d) => {
              setPasted(d.value);
              // Pasted text takes the chosen draft's place.
              if (draft && d.value.trim() !== '') {
                setDraft(null);
                setDraftPicker((n) => n + 1);
              }
            }}
          />
        </Field>
        <div className={styles.actions}>
          <Button
            disabled={!current || busy || (!draft && pasted.trim() === '')}
            onClick={() => current && void check(current)}
          >
            {ui.proofread}
          </Button>
          <Button
            disabled={!proofread?.docx || busy}
            onClick={() => proofread?.docx && void downloadMarked(proofread, proofread.docx)}
          >
            {ui.downloadMarked}
          </Button>
        </div>
        {proofread && <ProofreadView ui={ui} result={proofread.result} />}
      </section>
      {current && (
        <>
          <MessageBar
            intent={
              current.analysis.discrepancies.length > 0 ||
              (current.analysis.structured ?? []).some((c) => c.discrepancies.length > 0)
                ? 'warning'
                : 'success'
            }
            data-testid="outcome"
          >
            <MessageBarBody>
              {current.analysis.tables.length === 0
                ? // [issue 16] Only tables read from their own layout: the list below says what.
                  (ui === zhCN.ui ? structuredZhCN : structuredEnUS).heading(
                    (current.analysis.structured ?? []).length,
                  )
                : ui.webChecked(
                    current.name,
                    current.analysis.tables.length,
                    auditSummary(current.analysis),
                  )}
            </MessageBarBody>
          </MessageBar>
          <ResultsView analysis={current.analysis} catalog={catalog} />
          {/* [issue 16] Tables read from their layout only: checked, no paragraphs to show. */}
          {(current.analysis.tables.length > 0 || current.analysis.summary.sheets.length > 0) && (
            <NarrativeSection
              narrative={paragraphs}
              ui={ui}
              charts={narrative?.charts ?? []}
              // [issue 16] The warnings above the text (no workbook open to select a cell in).
              notes={narrative ? { narrative, catalog } : undefined}
            />
          )}
        </>
      )}
    </main>
  );
}
