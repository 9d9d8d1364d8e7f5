import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { fakeOfficeHost, launchChromium, serveStatic } from './helpers/browser';

// The paragraphs are the user's once edited: new paragraphs (last month's workbook, a re-run)
// never silently replace them. The production pane (dist/) with the fake Office host.
let server: Server;
let base: string;
let browser: Browser;
let officeHost: string;

beforeAll(async () => {
  officeHost = await fakeOfficeHost();
  ({ base, server } = await serveStatic('dist'));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function excelPane(): Promise<Page> {
  const grids = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  await page.route(/office\.js$/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: officeHost }),
  );
  await page.addInitScript(
    (workbook) => {
      (window as unknown as Record<string, unknown>).__TONGBAO_WORKBOOK__ = workbook;
    },
    JSON.parse(JSON.stringify(grids)) as unknown,
  );
  await page.goto(`${base}/taskpane.html`);
  return page;
}

const JULY = '较上月进步较大的市直单位是：福州新榕城市建设发展有限公司（本月100分，提高15分）';

describe('the pane keeps the user’s edits', () => {
  it('unedited paragraphs follow new data; edited ones wait for the user’s choice', async () => {
    const page = await excelPane();
    const box = page.getByTestId('narrative');
    await page.getByRole('button', { name: '重新计算' }).click();
    await expect.poll(() => box.inputValue(), { timeout: 20_000 }).toContain('办理较好的单位是');

    // Edited, then last month's workbook arrives: the edit stays, the choice is offered.
    const edited = `${await box.inputValue()}\n（本段由科室补充。）`;
    await box.fill(edited);
    await page.getByTestId('previous').setInputFiles('samples/2017-07.xlsx');
    await expect
      .poll(() => page.getByRole('main').innerText(), { timeout: 30_000 })
      .toContain('您修改过的文字没有被替换');
    expect(await box.inputValue()).toBe(edited);

    // 保留我的修改: nothing changes; a re-run offers the new text again.
    await page.getByRole('button', { name: '保留我的修改' }).click();
    expect(await box.inputValue()).toBe(edited);
    await page.getByRole('button', { name: '重新计算' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: '改用新段落' }).count(), { timeout: 20_000 })
      .toBe(1);
    expect(await box.inputValue()).toBe(edited);

    // 改用新段落: the generated text, with the month-over-month sentence.
    await page.getByRole('button', { name: '改用新段落' }).click();
    await expect.poll(() => box.inputValue()).toContain(JULY);
    expect(await box.inputValue()).not.toContain('本段由科室补充');
  }, 90_000);
});
