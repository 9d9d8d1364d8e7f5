import { Button, Checkbox, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Analysis } from '../../src/evaluation/analyze';
import type { Catalog } from '../../src/i18n/catalog';
import { buildNarrative, narrativeText } from '../../src/narrative/build';
import type { Narrative } from '../../src/narrative/types';
import { FilePicker } from './FilePicker';
import { Notice, PaneHeader, failedNotice, usePaneStyles, type NoticeState } from './layout';
import { NarrativeSection } from './NarrativeSection';
import { SettingsButton } from './SettingsButton';
import type { SettingsStore } from './settings-store';
import { useNarrativeText } from './useNarrativeText';
import { useSettings } from './useSettings';
import { readPreviousMonth, readWorkbookFile } from './workbook-file';

export interface WordHost {
  readonly insert: (ooxml: string) => Promise<void>;
  /** The document's own settings (Office.Settings), as in Excel. */
  readonly settings: SettingsStore;
  readonly partition?: string;
}

type Loaded = {
  readonly name: string;
  readonly analysis: Analysis;
  readonly narrative: Narrative;
};

/** The pane in Word: 从工作簿导入, review and edit the paragraphs, 插入到文档 at the cursor. */
export function WordApp({ host, catalog }: { readonly host: WordHost; readonly catalog: Catalog }) {
  const styles = usePaneStyles();
  const ui = catalog.ui;
  const config = useSettings(host.settings, catalog, host.partition);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Last month's workbook, as a promise: chosen just before 从工作簿导入, it may still be reading.
  const previous = useRef<Promise<{ name: string; analysis: Analysis } | null>>(
    Promise.resolve(null),
  );
  const paragraphs = useNarrativeText();
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [withTables, setWithTables] = useState(false);

  const narrate = (name: string, analysis: Analysis, last: Analysis | null) => {
    const narrative = buildNarrative(analysis, last);
    setLoaded({ name, analysis, narrative });
    paragraphs.offer(narrativeText(narrative));
  };
  const load = async (file: File) => {
    setBusy(ui.importing);
    setNotice(null);
    try {
      const read = await readWorkbookFile(file, config.settings, ui);
      if ('error' in read) return setNotice({ intent: 'error', text: read.error });
      const last = await previous.current;
      narrate(file.name, read.analysis, last?.analysis ?? null);
      setNotice({ intent: 'success', text: ui.imported(file.name, last?.name ?? null) });
    } catch (e) {
      setNotice(failedNotice(ui, e));
    } finally {
      setBusy(null);
    }
  };
  const choosePrevious = async (file: File) => {
    const reading = readPreviousMonth(file, config.settings, ui);
    const before = previous.current;
    previous.current = reading.then(async (r) =>
      'error' in r ? before : { name: file.name, analysis: r.analysis },
    );
    const read = await reading;
    if ('error' in read) return setNotice({ intent: 'error', text: read.error });
    if (loaded) {
      narrate(loaded.name, loaded.analysis, read.analysis);
      setNotice({ intent: 'success', text: ui.previousLoaded(file.name) });
    }
  };

  const insert = async () => {
    if (!loaded) return;
    setBusy(ui.insert);
    try {
      const [{ buildReport, textBlocks }, { attachmentBlocks, blocksToFlatOpc }] =
        await Promise.all([import('../../src/report/model'), import('../../src/report/ooxml')]);
      const blocks = [
        ...textBlocks(paragraphs.text),
        ...(withTables ? attachmentBlocks(buildReport(loaded.analysis, loaded.narrative)) : []),
      ];
      await host.insert(await blocksToFlatOpc(blocks, loaded.analysis.settings.report.fonts));
      setNotice({ intent: 'success', text: ui.inserted });
    } catch (e) {
      setNotice(failedNotice(ui, e));
    } finally {
      setBusy(null);
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
          onSave={async (s) => {
            await config.save(s);
            setNotice({ intent: 'success', text: ui.settingsSaved(host.settings.where) });
          }}
        />
      </div>
      {config.problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{config.problem}</MessageBarBody>
        </MessageBar>
      )}
      {busy && <Spinner size="small" label={busy} />}
      <Notice notice={notice} />
      {loaded && (
        <NarrativeSection narrative={paragraphs} ui={ui}>
          <Checkbox
            checked={withTables}
            onChange={(_, d) => setWithTables(d.checked === true)}
            label={ui.withTables}
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
