/**
 * Stands in for office.js in the browser test: an Excel host over the fake workbook that the
 * test put in `window.__TONGBAO_WORKBOOK__`. The task pane sees `Office` and `Excel` as it
 * would inside Excel; the test reads the workbook back from `window.__fake`.
 */
import { FakeWorkbook } from './excel-fake';

interface InjectedSheet {
  name: string;
  values: (string | number | boolean | null)[][];
  merges?: { top: number; left: number; bottom: number; right: number }[];
}

const w = window as unknown as Record<string, unknown>;
const fake = new FakeWorkbook();
for (const s of (w.__TONGBAO_WORKBOOK__ as InjectedSheet[] | undefined) ?? [])
  fake.addSheet(s.name, s.values, s.merges ?? []);
w.__fake = fake;

const info = { host: 'Excel', platform: 'OfficeOnline' };
w.Office = {
  HostType: { Excel: 'Excel', Word: 'Word' },
  onReady: (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: (w.__TONGBAO_LANGUAGE__ as string | undefined) ?? 'zh-CN',
    requirements: {
      isSetSupported: (name: string, version: string) => fake.isSetSupported(name, version),
    },
  },
};
w.Excel = { run: (batch: Parameters<FakeWorkbook['run']>[0]) => fake.run(batch) };
