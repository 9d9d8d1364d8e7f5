/**
 * [issue 16] A table no scheme reads, in the Excel pane and the web page (production builds in
 * Chromium, 320 px): 达州's 2022-04 department table as a clerk types it (test/corpus), with its
 * merged parent column, per-parent 合计 rows and the misprint 89.45% (918 / 1024 = 89.648… →
 * 89.65%, by hand). Both surfaces say the table was checked with formulas found from itself,
 * list the misprint at its cell (a click selects it in Excel) and write nothing into the sheet.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import type { FakeWorkbook } from './fake/excel-fake';
import { fakeOfficeHost, launchChromium, serveStatic } from './helpers/browser';
import { corpusXlsx, loadCorpus } from './helpers/corpus-compare';

const FILE = 'dazhou-2022-04-departments.json';
const HEADING = '按表格自身推得公式核对的表 1 张';
const MISPRINT =
  '2022年4月!L4 市城管执法直属一大队/二中队 按期结案率：表中为 89.45%，按公式为 89.65%';
const FORMULA = '按期结案率 = 按期结案数 / 应结案数 ×100%，四舍五入到0.01%，9行中8行吻合';
const PARENTS = '上级单位：市城管执法直属一大队（下属 5 个）、市政工程处（下属 2 个）';

let pane: { base: string; server: Server };
let web: { base: string; server: Server };
let browser: Browser;
let officeHost: string;
let bytes: Uint8Array;
let book: string;

beforeAll(async () => {
  officeHost = await fakeOfficeHost();
  pane = await serveStatic('dist');
  web = await serveStatic('dist/web');
  browser = await launchChromium();
  const table = loadCorpus().find((c) => c.file === FILE)!.table;
  bytes = await corpusXlsx(table);
  const dir = await mkdtemp(join(tmpdir(), 'tongbao-structured-'));
  book = join(dir, 'dazhou-2022-04.xlsx');
  await writeFile(book, bytes);
  await mkdir('out', { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => pane?.server.close(r));
  await new Promise((r) => web?.server.close(r));
});

const section = (page: Page) => page.getByTestId('structured');

describe('a table read from its layout', () => {
  it('Excel pane: the formulas found, the misprint at its cell (a click selects it), nothing written', async () => {
    const grids = await readWorkbookGrids(bytes);
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(/office\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: officeHost }),
    );
    await page.addInitScript(
      (workbook) => {
        (window as unknown as Record<string, unknown>).__TONGBAO_WORKBOOK__ = workbook;
      },
      JSON.parse(JSON.stringify(grids)) as unknown,
    );
    await page.goto(`${pane.base}/taskpane.html`);
    const snapshot = () =>
      page.evaluate(() =>
        JSON.stringify(
          (window as unknown as { __fake: FakeWorkbook }).__fake.sheets.map((x) => [
            x.name,
            [...x.cells.entries()],
            x.merges,
            x.conditionalFormats.length,
            [...(x.columnWidths ?? new Map()).entries()],
          ]),
        ),
      );
    const before = await snapshot();
    await page.getByRole('button', { name: '重新计算' }).click();
    await expect.poll(() => section(page).innerText(), { timeout: 20_000 }).toContain(HEADING);
    const text = await section(page).innerText();
    expect(text).toContain(PARENTS);
    expect(text).toContain(FORMULA);
    expect(text).not.toContain('未找到');
    const misprint = section(page).getByRole('button', { name: MISPRINT });
    expect(await misprint.count()).toBe(1);
    await misprint.click();
    const selected = () =>
      page.evaluate(() => (window as unknown as { __fake: FakeWorkbook }).__fake.selected);
    await expect.poll(selected).toBe('2022年4月!L4');
    // Checked only: the user's sheet is as it was (no （复核） columns, no formats).
    expect(await snapshot()).toBe(before);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await section(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'out/structured-pane.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);

  it('web page: says what it did instead of “no table”, lists the misprint and the formulas', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${web.base}/index.html`);
    await page.getByTestId('workbook').setInputFiles(book);
    await expect
      .poll(() => page.getByTestId('outcome').innerText(), { timeout: 30_000 })
      .toContain(HEADING);
    const text = await section(page).innerText();
    expect(text).toContain(MISPRINT);
    expect(text).toContain(FORMULA);
    expect(text).toContain(PARENTS);
    // No empty paragraph box: these tables build no paragraphs.
    expect(await page.getByTestId('narrative').count()).toBe(0);
    // The formulas saved as a scheme file: 按期结案率 = 按期结案数 / 应结案数, two decimals.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      section(page).getByRole('button', { name: '保存为方案文件' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('(二)数字城管系统案件市局各部门处置情况-方案.json');
    const scheme = JSON.parse(await readFile(await file.path(), 'utf8')) as {
      figures: { key: string; numerator: unknown; denominator: unknown; decimals: number }[];
    };
    expect(scheme.figures.find((f) => f.key === '按期结案率')).toMatchObject({
      numerator: '按期结案数',
      denominator: '应结案数',
      decimals: 2,
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await page.screenshot({ path: 'out/structured-web.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);
});
