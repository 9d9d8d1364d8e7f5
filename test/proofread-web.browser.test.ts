import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveStatic } from './helpers/browser';
import { docxParts } from './helpers/docx-xml';
import { BULLETIN } from './helpers/seed-text';
import { publishedDraft } from './helpers/word-draft';

// 校对 on the web page (dist/web/, from `npm run build`) in Chromium: the published August 2017
// bulletin as Word saves it (runs split inside 95.13%, tracked changes, fields, tables) and as
// pasted text, against the sample workbooks.
let server: Server;
let base: string;
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  ({ base, server } = await serveStatic('dist/web'));
  browser = await launchChromium();
  scratch = await mkdtemp(join(tmpdir(), 'tongbao-proofread-web-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

const SLIP = '闽侯县 按期结案率：文中为95.13%，表中为85.13%（数字城管综合评价表!L20）';

async function pageWithWorkbooks(
  context: BrowserContext,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/index.html`);
  await page.getByTestId('previous').setInputFiles('samples/2017-07.xlsx');
  await expect
    .poll(() => page.getByRole('main').innerText(), { timeout: 30_000 })
    .toContain('已读取上月工作簿“2017-07.xlsx”');
  await page.getByTestId('workbook').setInputFiles('samples/2017-08.xlsx');
  await expect
    .poll(() => page.getByTestId('narrative').inputValue(), { timeout: 30_000 })
    .toContain('办理较好的单位是');
  return { page, errors };
}

const findings = (page: Page) => page.getByTestId('findings').locator('li');

describe('校对 on the web page', () => {
  it('a .docx draft: the one slip listed with its paragraph; 下载标记稿 gives a .docx with it highlighted and commented', async () => {
    const draft = await publishedDraft();
    const file = join(scratch, '8月通报稿.docx');
    await writeFile(file, draft.bytes);
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 900, height: 1000 },
      acceptDownloads: true,
    });
    const { page, errors } = await pageWithWorkbooks(context);
    const check = page.getByRole('button', { name: '校对本文' });
    expect(await check.isDisabled()).toBe(true);
    await page.getByTestId('draft').setInputFiles(file);
    await expect.poll(() => page.getByRole('main').innerText()).toContain('已选择：8月通报稿.docx');
    await check.click();
    await expect.poll(() => findings(page).count(), { timeout: 30_000 }).toBe(1);
    expect(await findings(page).first().innerText()).toMatch(
      new RegExp(`^第\\d+段 ${SLIP.replace(/[.()!]/g, '\\$&')}$`),
    );
    expect(await page.getByTestId('proofread-summary').innerText()).toMatch(
      /^找到 \d+ 处可核对的内容：\d+ 处与表格一致，1 处有误，\d+ 处无法核对。$/,
    );
    await mkdir('out', { recursive: true });
    // From the page's top to the end of the findings list.
    const list = (await page.getByTestId('proofread').boundingBox())!;
    await page.screenshot({
      path: 'out/proofread-web.png',
      fullPage: true,
      clip: { x: 0, y: 0, width: 900, height: Math.ceil(list.y + list.height + 16) },
    });

    // The not-checked list is there, collapsed until opened.
    const notChecked = page.getByRole('button', { name: /^未核对（\d+）$/ });
    expect(await notChecked.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('not-checked').isVisible()).toBe(false);
    await notChecked.click();
    await expect
      .poll(() => page.getByTestId('not-checked').locator('li').first().isVisible())
      .toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载标记稿' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('8月通报稿（校对）.docx');
    const parts = await docxParts(new Uint8Array(await readFile(await download.path())));
    const comments = parts['word/comments.xml'] ?? '';
    expect(comments.match(/<w:comment /g)).toHaveLength(1);
    expect(comments).toContain(SLIP);
    // The highlighted runs read 95.13% (the draft split it over three runs).
    const highlighted = [...parts['word/document.xml']!.matchAll(/<w:r[ >][\s\S]*?<\/w:r>/g)]
      .map((m) => m[0])
      .filter((r) => r.includes('<w:highlight w:val="yellow"/>'))
      .map((r) => [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
      .join('');
    expect(highlighted).toBe('95.13%');
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain('已下载“8月通报稿（校对）.docx”');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a .txt draft dropped beside the workbooks is proofread like a chosen one', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 900, height: 1000 },
    });
    const { page, errors } = await pageWithWorkbooks(context);
    // As Notepad saves it: UTF-8 with a byte-order mark.
    const bytes = Buffer.from(`\uFEFF${BULLETIN}`, 'utf8').toString('base64');
    const transfer = await page.evaluateHandle((b64) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([raw], '通报稿.txt'));
      return data;
    }, bytes);
    await page.getByTestId('drop').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.getByTestId('drop').dispatchEvent('drop', { dataTransfer: transfer });
    await expect.poll(() => page.getByRole('main').innerText()).toContain('已选择：通报稿.txt');
    // This month's workbook is still the one read (the draft did not replace it).
    expect(await page.getByRole('main').innerText()).toContain('已复核“2017-08.xlsx”中的 5 张表');
    await page.getByRole('button', { name: '校对本文' }).click();
    await expect.poll(() => findings(page).count(), { timeout: 30_000 }).toBe(1);
    expect(await findings(page).first().innerText()).toContain(SLIP);
    // A marked copy is for a .docx only.
    expect(await page.getByRole('button', { name: '下载标记稿' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('pasted text: the same slip; no marked copy to download', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 900, height: 1000 },
    });
    const { page, errors } = await pageWithWorkbooks(context);
    await page.getByTestId('draft-text').fill(BULLETIN);
    await page.getByRole('button', { name: '校对本文' }).click();
    await expect.poll(() => findings(page).count(), { timeout: 30_000 }).toBe(1);
    expect(await findings(page).first().innerText()).toContain(SLIP);
    expect(await page.getByRole('button', { name: '下载标记稿' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
