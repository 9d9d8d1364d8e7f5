import type { SheetGrid } from '../../src/core/grid';
import { UserFacingError } from '../../src/core/errors';
import type { Settings } from '../../src/settings/settings';
import type { Analysis } from '../../src/evaluation/analyze';
import type { UiStrings } from '../../src/i18n/catalog';
import type { SizeChecked } from '../../src/io/xlsx-read';
import { problemText } from './errors';

/** A workbook the user picked, read and analysed; or the one line that says why not. */
export type WorkbookFile =
  | {
      readonly name: string;
      readonly bytes: Uint8Array;
      /** The size check's answer for `bytes`: the annotated copy does not scan again. */
      readonly checked: SizeChecked;
      readonly grids: readonly SheetGrid[];
      readonly analysis: Analysis;
    }
  | { readonly error: string };

/**
 * An .xlsx the user picked, read in the browser with the same reader the command line uses
 * (ExcelJS loads only now, outside the pane's first bundle) and analysed with `settings`.
 * Not a workbook, an old .xls, or no evaluation table: a message in the user's language.
 */
export async function readWorkbookFile(
  file: File,
  settings: Settings,
  ui: UiStrings,
  onStage: (stage: 'reading' | 'parsing' | 'checking') => Promise<void> = () => Promise.resolve(),
): Promise<WorkbookFile> {
  await onStage('reading');
  const [{ checkWorkbookSize, readWorkbookGrids, WorkbookReadError }, { analyzeWorkbook }, buffer] =
    await Promise.all([import('../../src/io/xlsx-read'), import('./engine'), file.arrayBuffer()]);
  const bytes = new Uint8Array(buffer);
  let grids: SheetGrid[];
  let checked: SizeChecked;
  try {
    await onStage('parsing');
    // Checked once: the token lets the reader and the annotated copy skip a second scan.
    checked = await checkWorkbookSize(bytes);
    grids = await readWorkbookGrids(bytes, checked);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { error: problemText(ui, e, file.name) };
    throw e;
  }
  await onStage('checking');
  let analysis: Analysis;
  try {
    // [issue 16] By period (engine.ts): the latest period, the one before it as last month.
    analysis = analyzeWorkbook(grids, settings);
  } catch (e) {
    // Sheets naming no period that repeat units: one line naming them.
    if (e instanceof UserFacingError) return { error: problemText(ui, e) };
    throw e;
  }
  if (analysis.tables.length === 0 && (analysis.structured ?? []).length === 0)
    return { error: ui.problems.noTables([file.name]) };
  return { name: file.name, bytes, checked, grids, analysis };
}

/** A workbook read in a pane: its grids are kept, so that other settings re-check it at once. */
export interface Book {
  readonly name: string;
  readonly grids: readonly SheetGrid[];
  readonly analysis: Analysis;
}

/**
 * `book` as `settings` score it: the book itself when its analysis was made with the same
 * settings, else analysed again from its grids (never read again). The engine loads on demand.
 */
export async function scoredWith<B extends Book>(book: B, settings: Settings): Promise<B> {
  // The analysis holds settings resolved afresh: compare what they say, not which object.
  if (JSON.stringify(book.analysis.settings) === JSON.stringify(settings)) return book;
  const { analyzeWorkbook } = await import('./engine');
  return { ...book, analysis: analyzeWorkbook(book.grids, settings) };
}

/** Last month's workbook, for the 较上月 sentences. */
export async function readPreviousMonth(
  file: File,
  settings: Settings,
  ui: UiStrings,
): Promise<WorkbookFile> {
  try {
    return await readWorkbookFile(file, settings, ui);
  } catch (e) {
    return { error: ui.failed(e instanceof Error ? e.message : String(e)) };
  }
}
