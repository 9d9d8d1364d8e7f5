import {
  Button,
  Checkbox,
  Field,
  Spinner,
  Subtitle2,
  makeStyles,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Analysis } from '../../src/evaluation/analyze';
import type { Catalog } from '../../src/i18n/catalog';
import { buildNarrative, narrativeText } from '../../src/narrative/build';
import type { Narrative } from '../../src/narrative/types';
import { NarrativeBox } from './NarrativeBox';
import { analyzeFile } from './workbook-file';
import { Notice, PaneHeader, usePaneStyles, type NoticeState } from './layout';

const useStyles = makeStyles({
  hidden: { display: 'none' },
});

export interface WordHost {
  readonly insert: (ooxml: string) => Promise<void>;
}

type Loaded = { readonly analysis: Analysis; readonly narrative: Narrative };

/** The pane in Word: 从工作簿导入, review and edit the paragraphs, 插入到文档 at the cursor. */
export function WordApp({ host, catalog }: { readonly host: WordHost; readonly catalog: Catalog }) {
  const styles = { ...usePaneStyles(), ...useStyles() };
  const ui = catalog.ui;
  const current = useRef<HTMLInputElement>(null);
  const previous = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [withTables, setWithTables] = useState(false);

  const load = async () => {
    const file = current.current?.files?.[0];
    if (!file) return;
    const last = previous.current?.files?.[0] ?? null;
    setBusy(ui.importing);
    setNotice(null);
    try {
      const analysis = await analyzeFile(file);
      if (analysis === null) return setNotice({ intent: 'error', text: ui.notXlsx(file.name) });
      if (analysis.tables.length === 0) return setNotice({ intent: 'warning', text: ui.noTables });
      const before = last ? await analyzeFile(last) : null;
      if (last && before === null)
        return setNotice({ intent: 'error', text: ui.notXlsx(last.name) });
      const narrative = buildNarrative(analysis, before);
      setLoaded({ analysis, narrative });
      setText(narrativeText(narrative));
      setNotice({ intent: 'success', text: ui.imported(file.name, last?.name ?? null) });
    } catch (e) {
      setNotice({ intent: 'error', text: ui.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(null);
    }
  };

  const insert = async () => {
    if (!loaded) return;
    setBusy(ui.insert);
    try {
      const [{ buildReport, textBlocks }, { attachmentBlocks, blocksToFlatOpc }] =
        await Promise.all([import('../../src/report/model'), import('../../src/report/ooxml')]);
      const blocks = [
        ...textBlocks(text),
        ...(withTables ? attachmentBlocks(buildReport(loaded.analysis, loaded.narrative)) : []),
      ];
      await host.insert(await blocksToFlatOpc(blocks, loaded.analysis.settings.report.fonts));
      setNotice({ intent: 'success', text: ui.inserted });
    } catch (e) {
      setNotice({ intent: 'error', text: ui.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <main className={styles.root}>
      <PaneHeader title={ui.title} subtitle={ui.wordIntro} />
      <input
        ref={current}
        className={styles.hidden}
        type="file"
        accept=".xlsx"
        data-testid="workbook"
        onChange={() => void load()}
      />
      <Field label={ui.importPrevious}>
        <input ref={previous} type="file" accept=".xlsx" data-testid="previous" />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => current.current?.click()}
          disabled={busy !== null}
        >
          {ui.importWorkbook}
        </Button>
      </div>
      {busy && <Spinner size="small" label={busy} />}
      <Notice notice={notice} />
      {loaded && (
        <section aria-label={ui.narrative}>
          <Subtitle2 as="h2">{ui.narrative}</Subtitle2>
          <NarrativeBox value={text} onChange={setText} ui={ui} />
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
        </section>
      )}
    </main>
  );
}
