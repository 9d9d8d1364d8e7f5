import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDocument } from './fake/word-fake';
import { fakeOfficeHost, launchChromium, serveStatic } from './helpers/browser';
import { BULLETIN } from './helpers/seed-text';

// 校对本文 in the production Word pane (dist/, from `npm run build`), in Chromium, with the fake
// Word document holding the published August 2017 bulletin.
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
  await new Promise((resolve) => server?.close(resolve));
});

/** The bulletin as typed into Word: one paragraph a line (the extraction's ** was bold). */
const PARAGRAPHS = BULLETIN.replace(/\*\*/g, '')
  .split(/\r?\n/)
  .filter((l) => l.trim() !== '');
const SLIP = '排名最后一位的是闽侯县(95.13%)';
const AT = PARAGRAPHS.findIndex((p) => p.includes(SLIP));
const START = PARAGRAPHS[AT]!.indexOf(SLIP) + SLIP.indexOf('95.13%');

/** What the fake Word document shows: its text and marks, and what is selected. */
const shown = (page: Page) =>
  page.evaluate(() => {
    const d = (window as unknown as { __word: FakeDocument }).__word;
    return {
      snapshot: JSON.stringify(d.snapshot()),
      highlighted: d.highlighted(),
      comments: d.comments.map((c) => c.content),
      selected: d.selected,
    };
  });

/** The Word pane on the bulletin, both workbooks imported; `api` caps the WordApi sets. */
async function wordPane(api: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  const body = `${officeHost}\n;`;
  await page.route(/office\.js$/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body }),
  );
  await page.addInitScript(
    ([paragraphs, wordApi]) => {
      const w = window as unknown as Record<string, unknown>;
      w.__TONGBAO_HOST__ = 'Word';
      w.__TONGBAO_WORD_TEXT__ = paragraphs;
      w.__TONGBAO_WORD_API__ = wordApi;
    },
    [PARAGRAPHS, api] as const,
  );
  await page.goto(`${base}/taskpane.html`);
  await page.getByTestId('previous').setInputFiles('samples/2017-07.xlsx');
  await page.getByTestId('workbook').setInputFiles('samples/2017-08.xlsx');
  await expect
    .poll(() => page.getByTestId('narrative').inputValue(), { timeout: 30_000 })
    .toContain('较上月进步较大的市直单位是');
  return page;
}

describe('校对本文 in the Word pane', () => {
  it('lists the one slip, highlights it in the document, selects it on a click; 清除 gives the document back', async () => {
    const page = await wordPane('1.4');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const before = (await shown(page)).snapshot;

    await page.getByRole('button', { name: '校对本文' }).click();
    const findings = page.getByTestId('findings').locator('li');
    await expect.poll(() => findings.count(), { timeout: 30_000 }).toBe(1);
    expect(await findings.first().innerText()).toBe(
      `第${AT + 1}段 闽侯县 按期结案率：文中为95.13%，表中为85.13%（数字城管综合评价表!L20）`,
    );
    const main = await page.getByRole('main').innerText();
    expect(main).toMatch(/找到 \d+ 处可核对的内容：\d+ 处与表格一致，1 处有误，\d+ 处无法核对。/);
    expect(main).toContain('已在文档中标出 1 处（黄色突出显示并加批注）');
    // What cannot be checked is there, collapsed.
    expect(
      await page.getByRole('button', { name: /^未核对（\d+）$/ }).getAttribute('aria-expanded'),
    ).toBe('false');

    // In the document: exactly those six characters highlighted, one comment on them.
    expect((await shown(page)).highlighted).toEqual([
      { paragraph: AT, text: '95.13%', start: START },
    ]);
    expect((await shown(page)).comments).toEqual([
      '通报校对：闽侯县 按期结案率：文中为95.13%，表中为85.13%（数字城管综合评价表!L20）',
    ]);

    // A click on the finding selects it in Word.
    await findings.first().getByRole('button').click();
    await expect
      .poll(async () => (await shown(page)).selected)
      .toEqual({ paragraph: AT, start: START, end: START + 6, text: '95.13%' });

    await mkdir('out', { recursive: true });
    // The pane as the user sees it (320 px wide): the buttons, the notice, the findings.
    await page.screenshot({ path: 'out/proofread-word.png' });

    await page.getByRole('button', { name: '清除校对标记' }).click();
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain('已清除 1 处校对标记，文字未改动。');
    expect((await shown(page)).snapshot).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('an older Word (WordApi 1.3): marked without a comment, and told so in Chinese', async () => {
    const page = await wordPane('1.3');
    await page.getByRole('button', { name: '校对本文' }).click();
    await expect
      .poll(() => page.getByRole('main').innerText(), { timeout: 30_000 })
      .toContain('此版本的 Word 不支持批注和修订（WordApi 1.4）：错处只以黄色突出显示，不加批注');
    expect(await page.getByRole('main').innerText()).toContain(
      '已在文档中标出 1 处（黄色突出显示）',
    );
    expect((await shown(page)).highlighted.map((h) => h.text)).toEqual(['95.13%']);
    expect((await shown(page)).comments.length).toBe(0);
    await page.close();
  }, 90_000);

  it('a Word without WordApi 1.1: said in Chinese, the document untouched', async () => {
    const page = await wordPane('1.0');
    const before = (await shown(page)).snapshot;
    await page.getByRole('button', { name: '校对本文' }).click();
    await expect
      .poll(() => page.getByRole('main').innerText(), { timeout: 30_000 })
      .toContain('此版本的 Word 不支持校对所需的功能（WordApi 1.1）');
    expect((await shown(page)).snapshot).toBe(before);
    await page.close();
  }, 90_000);
});
