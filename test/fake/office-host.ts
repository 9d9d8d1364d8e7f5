/**
 * Stands in for office.js in the browser test: an Excel host over the fake workbook that the
 * test put in `window.__TONGBAO_WORKBOOK__`, or a Word host over a fake document when
 * `window.__TONGBAO_HOST__` is 'Word'. The pane sees `Office`, `Excel` and `Word` as it would
 * inside Office; the test reads the workbook back from `window.__fake`, the document from
 * `window.__word`, the add-in's document settings from `window.__settings` (opened from
 * `window.__TONGBAO_DOCUMENT_SETTINGS__`, read-only when `window.__TONGBAO_READ_ONLY__`).
 * In Word, `window.__TONGBAO_WORD_SELECTION__` ('cursor' | 'text' | 'table') sets the
 * selection, `window.__TONGBAO_WORD_READ_ONLY__` makes inserts fail (AccessDenied) and
 * `window.__TONGBAO_WORD_API__` ('1.2'…) caps the WordApi sets Word claims;
 * `window.__TONGBAO_WORD_TEXT__` (paragraphs: strings or `{ text, where }`) is the document's
 * text (for 校对本文).
 * In Excel, an injected sheet may carry `visibility` ('Hidden' | 'VeryHidden') and
 * `protected`; `window.__TONGBAO_CELL_EDIT__` puts Excel in cell-edit mode and
 * `window.__TONGBAO_WORKBOOK_READ_ONLY__` opens the workbook read-only.
 */
import { FakeWorkbook } from './excel-fake';
import { FakeDocumentSettings } from './office-settings';
import { FakeDocument, selection } from './word-fake';

interface InjectedSheet {
  name: string;
  values: (string | number | boolean | null)[][];
  merges?: { top: number; left: number; bottom: number; right: number }[];
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
}

const w = window as unknown as Record<string, unknown>;
const fake = new FakeWorkbook();
for (const s of (w.__TONGBAO_WORKBOOK__ as InjectedSheet[] | undefined) ?? []) {
  const sheet = fake.addSheet(s.name, s.values, s.merges ?? []);
  sheet.visibility = s.visibility ?? 'Visible';
  sheet.protected = s.protected === true;
}
fake.cellEditMode = w.__TONGBAO_CELL_EDIT__ === true;
fake.readOnly = w.__TONGBAO_WORKBOOK_READ_ONLY__ === true;
w.__fake = fake;

// The document's add-in settings, as saved in the file the test “opens”.
const settings = new FakeDocumentSettings(
  (w.__TONGBAO_DOCUMENT_SETTINGS__ as string | undefined) ?? '{}',
);
settings.readOnly = w.__TONGBAO_READ_ONLY__ === true;
w.__settings = settings;

const doc = new FakeDocument();
const wordSelection = w.__TONGBAO_WORD_SELECTION__ as 'cursor' | 'text' | 'table' | undefined;
if (wordSelection) doc.selection = selection(wordSelection);
doc.readOnly = w.__TONGBAO_WORD_READ_ONLY__ === true;
const wordApi = w.__TONGBAO_WORD_API__ as string | undefined;
if (wordApi) doc.supportUpTo(wordApi);
const wordText = w.__TONGBAO_WORD_TEXT__ as Parameters<FakeDocument['setText']>[0] | undefined;
if (wordText) doc.setText(wordText);
w.__word = doc;
const info = {
  host: (w.__TONGBAO_HOST__ as string | undefined) ?? 'Excel',
  platform: (w.__TONGBAO_PLATFORM__ as string | undefined) ?? 'OfficeOnline',
};
w.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  PlatformType: {
    PC: 'PC',
    OfficeOnline: 'OfficeOnline',
    Mac: 'Mac',
    iOS: 'iOS',
    Android: 'Android',
  },
  onReady: (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  context: {
    document: { settings },
    displayLanguage: (w.__TONGBAO_LANGUAGE__ as string | undefined) ?? 'zh-CN',
    requirements: {
      // WordApi* is the fake document's to answer; every other set, the workbook's.
      isSetSupported: (name: string, version: string) =>
        name.startsWith('Word')
          ? doc.isSetSupported(name, version)
          : fake.isSetSupported(name, version),
    },
  },
};
w.Excel = { run: (batch: Parameters<FakeWorkbook['run']>[0]) => fake.run(batch) };
w.Word = { run: (batch: Parameters<FakeDocument['run']>[0]) => doc.run(batch) };
