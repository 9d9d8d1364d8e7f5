/**
 * Issue #16 scope 5 in the panes and the web page: the implausible 环比 and the reasons for the
 * text's “【请核对】” marks are listed ABOVE the generated text, each with its sheet!cell; in the
 * Excel pane a click selects the cell. The production builds (dist/, dist/web/) in Chromium at
 * the pane's 320 px, with the fake Office host.
 *
 * The workbooks: August's sample with its 全系统受理 total B5 typed one too high (109170; its
 * parts 35275 + 73894 = 109169), and July's sample with its 12345 受理 cell holding the whole
 * system's 110951 (a misread last month: (35275 − 110951) / 110951 = −68.206 % → 下降68.21%).
 * Every expected line below is written out by hand from those figures.
 */
import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../src/evaluation/analyze';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import type { FakeWorkbook } from './fake/excel-fake';
import { fakeOfficeHost, launchChromium, serveStatic } from './helpers/browser';

const MARK = '【请核对】';
const SUMMARY = '通报数据汇总';

let pane: { base: string; server: Server };
let web: { base: string; server: Server };
let browser: Browser;
let officeHost: string;
let august: string;
let july: string;
/** July's 12345 受理 cell (where the misread July holds 110951). */
let julyCell: string;

/** A copy of `file` with one cell changed, written to the scratch folder. */
async function edited(file: string, dir: string, sheet: string, cell: string, value: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  const out = join(dir, file.replace(/^.*\//, ''));
  await wb.xlsx.writeFile(out);
  return out;
}

beforeAll(async () => {
  officeHost = await fakeOfficeHost();
  pane = await serveStatic('dist');
  web = await serveStatic('dist/web');
  browser = await launchChromium();
  const dir = await mkdtemp(join(tmpdir(), 'tongbao-flags-'));
  august = await edited('samples/2017-08.xlsx', dir, SUMMARY, 'B5', 109170);
  // The engine only finds where July keeps the figure; the value put there is ours.
  const grids = await readWorkbookGrids(await readFile('samples/2017-07.xlsx'));
  const at = analyzeWorkbook(grids).summary.figures.find((f) => f.id === 'hotline.accepted')!;
  julyCell = `${at.sheet}!${at.cell}`;
  july = await edited('samples/2017-07.xlsx', dir, at.sheet, at.cell, 110951);
  await mkdir('out', { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => pane?.server.close(r));
  await new Promise((r) => web?.server.close(r));
});

/** The three figures of the total that is not its parts' sum, as the list says them. */
const TOTALS = [
  `通报文字中“全系统受理诉求件（案件）”处标有“${MARK}”：合计与各项之和不符（通报数据汇总!B5）`,
  `通报文字中“12345平台受理诉求件”处标有“${MARK}”：合计与各项之和不符（通报数据汇总!C5、通报数据汇总!B5）`,
  `通报文字中“数字城管受理有效案件”处标有“${MARK}”：合计与各项之和不符（通报数据汇总!E5、通报数据汇总!B5）`,
];
/** The implausible 环比 against the misread July, and the reason for its mark. */
const change = () => [
  `[提醒] 通报数据汇总!C5 “12345平台受理诉求件”环比下降68.21%（本月 通报数据汇总!C5 为 35275，上月工作簿 ${julyCell} 为 110951），变化超过上月的一半，可能取错了单元格，请核对`,
  `通报文字中“12345平台受理诉求件”处标有“${MARK}”：环比变化过大（通报数据汇总!C5、${julyCell}）`,
];

const checks = (page: Page) => page.getByTestId('narrative-checks');
const lines = async (page: Page) =>
  (await checks(page).locator('li').allInnerTexts()).map((t) => t.trim());

/** The list ends above the text box starts, and both fit the width (nothing cut at the side). */
async function aboveTheText(page: Page, width: number) {
  const list = (await checks(page).boundingBox())!;
  const box = (await page.getByTestId('narrative').boundingBox())!;
  expect(list.y + list.height).toBeLessThanOrEqual(box.y);
  expect(list.x + list.width).toBeLessThanOrEqual(width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
}

describe('the warnings above the text', () => {
  it('Excel pane: listed above the text, the text marked; a click selects the line’s cell', async () => {
    const grids = await readWorkbookGrids(await readFile(august));
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
    await page.getByRole('button', { name: '重新计算' }).click();
    const box = page.getByTestId('narrative');
    await expect
      .poll(() => box.inputValue(), { timeout: 20_000 })
      .toContain(`受理诉求件（案件）109170件${MARK}`);
    await expect.poll(() => lines(page)).toEqual(TOTALS);

    // Last month's workbook, misread: its warning comes first, then every mark's reason.
    await page.getByTestId('previous').setInputFiles(july);
    await expect
      .poll(() => box.inputValue(), { timeout: 30_000 })
      .toContain(`12345平台受理诉求35275件，环比下降68.21%${MARK}；`);
    await expect.poll(() => lines(page)).toEqual([change()[0], ...TOTALS, change()[1]]);
    await aboveTheText(page, 320);

    // Each line is a button that selects its (this month's) cell.
    const buttons = checks(page).getByRole('button');
    expect(await buttons.count()).toBe(5);
    const selected = () =>
      page.evaluate(() => (window as unknown as { __fake: FakeWorkbook }).__fake.selected);
    await buttons.nth(0).click();
    await expect.poll(selected).toBe('通报数据汇总!C5');
    await buttons.nth(3).click();
    await expect.poll(selected).toBe('通报数据汇总!E5');
    expect(await buttons.nth(3).getAttribute('title')).toBe('在工作表中选中 通报数据汇总!E5');

    await checks(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'out/flags-pane.png' });
    expect(errors).toEqual([]);
  }, 90_000);

  it('Word pane: the same lines above the text, not clickable', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await page.route(/office\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: officeHost }),
    );
    await page.addInitScript(() => {
      (window as unknown as Record<string, unknown>).__TONGBAO_HOST__ = 'Word';
    });
    await page.goto(`${pane.base}/taskpane.html`);
    await page.getByTestId('workbook').setInputFiles(august);
    await expect
      .poll(() => page.getByTestId('narrative').inputValue(), { timeout: 30_000 })
      .toContain(`数字城管系统本月共受理有效案件73894件${MARK}`);
    await expect.poll(() => lines(page)).toEqual(TOTALS);
    expect(await checks(page).getByRole('button').count()).toBe(0);
    await aboveTheText(page, 320);
  }, 60_000);

  it('网页版: the same lines above the text at 320 px', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 320, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${web.base}/index.html`);
    await page.getByTestId('previous').setInputFiles(july);
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain('已读取上月工作簿“2017-07.xlsx”');
    await page.getByTestId('workbook').setInputFiles(august);
    await expect
      .poll(() => page.getByTestId('narrative').inputValue(), { timeout: 30_000 })
      .toContain(`环比下降68.21%${MARK}`);
    await expect.poll(() => lines(page)).toEqual([change()[0], ...TOTALS, change()[1]]);
    expect(await checks(page).getByRole('button').count()).toBe(0);
    await aboveTheText(page, 320);
    // (The list may re-render as its lazy part arrives: scroll by selector, not by a handle.)
    await page.evaluate(() =>
      document.querySelector('[data-testid="narrative-checks"]')?.scrollIntoView(),
    );
    await page.screenshot({ path: 'out/flags-web.png' });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
