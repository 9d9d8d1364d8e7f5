import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import { launchChromium, serveStatic, shownFigures } from './helpers/browser';
import { docxParts } from './helpers/docx-xml';
import { seed } from './helpers/seed';
import { LEGACY_XLS } from './helpers/legacy-xls';
import { SPARKLINE_GROUP, extrasXlsx, part } from './helpers/hostile-xlsx';

// 网页版 (dist/web/, from `npm run build`) in Debian's Chromium: no Office, no server but a
// plain static one (or none: file://), the sample workbooks read in the page.
const WEB = 'dist/web';
const JULY_SENTENCE =
  '较上月进步较大的市直单位是：福州新榕城市建设发展有限公司（本月100分，提高15分）';
const TIES = '办理较好的单位是：市建委、电信福州分公司、市华润燃气公司等8家单位';

let server: Server;
let base: string;
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  ({ base, server } = await serveStatic(WEB));
  browser = await launchChromium();
  scratch = await mkdtemp(join(tmpdir(), 'tongbao-web-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** A page that records every request it makes, and every script error. */
async function openPage(context: BrowserContext, url = `${base}/index.html`) {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, requests, errors };
}

const newContext = () =>
  browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 900, height: 1000 },
    acceptDownloads: true,
  });

async function load(page: Page, file: string) {
  await page.getByTestId('workbook').setInputFiles(file);
}

const mainText = (page: Page) => page.getByRole('main').innerText();

describe('网页版 in Chromium', () => {
  it('reads the sample workbooks, shows the figures and paragraphs, downloads both files; nothing leaves the page', async () => {
    const context = await newContext();
    const { page, requests, errors } = await openPage(context);
    expect(await page.getByRole('button', { name: '选择本月工作簿…' }).count()).toBe(1);

    await page.getByTestId('previous').setInputFiles('samples/2017-07.xlsx');
    await expect.poll(() => mainText(page)).toContain('已读取上月工作簿“2017-07.xlsx”');
    await load(page, 'samples/2017-08.xlsx');
    const narrative = page.getByTestId('narrative');
    await expect.poll(() => narrative.inputValue(), { timeout: 30_000 }).toContain(TIES);
    expect(await narrative.inputValue()).toContain(JULY_SENTENCE);

    // The figures: the one wrong figure of the bulletin, with its sheet and cell; grade counts
    // as the bulletin prints them (counted from the seed, not from our output).
    const text = await mainText(page);
    expect(text).toContain(
      '已复核“2017-08.xlsx”中的 5 张表。已核对表中 250 个计算值，其中 1 处与复核结果不一致',
    );
    expect(text).toContain(
      '数字城管综合评价表!L62 市自来水有限公司 按期结案率：表中 98.5，复核 98.51',
    );
    const published = seed.evaluation.map((r) => r.评价等级 as string);
    const count = (g: string) => published.filter((x) => x === g).length;
    expect((await page.getByTestId('grades').innerText()).split('\n')).toEqual(
      ['A', 'B', 'C', 'D', 'E'].map((g) => `${g}：${count(g)}`),
    );
    // The figures the paragraphs announce, drawn under them at their own size (600 px).
    const figures = await shownFigures(page);
    expect(figures.map((f) => [f.alt, Math.round(f.width)])).toContainEqual([
      '图1 诉求件受理渠道及类型对比',
      600,
    ]);
    expect(figures.length).toBeGreaterThanOrEqual(5);

    await mkdir('out', { recursive: true });
    await page.screenshot({ path: 'out/web.png', fullPage: true });

    // The checked workbook: every cell the user had is unchanged; the add-in's columns are there.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载复核工作簿' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('2017-08（复核）.xlsx');
    const before = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
    const after = await readWorkbookGrids(await readFile(await xlsx.path()));
    // The user's sheets, then Tongbao's chart sheet with a picture per figure.
    expect(after.map((s) => s.name)).toEqual([...before.map((s) => s.name), '通报图表']);
    const charts = new ExcelJS.Workbook();
    await charts.xlsx.load((await readFile(await xlsx.path())) as unknown as ArrayBuffer);
    expect(charts.getWorksheet('通报图表')!.getImages()).toHaveLength(figures.length);
    for (const [i, sheet] of before.entries()) {
      sheet.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) expect(after[i]!.values[r]?.[c], `${sheet.name} ${r},${c}`).toEqual(v);
        }),
      );
    }
    const evaluation = after.find((s) => s.name === '数字城管综合评价表')!;
    expect(evaluation.values[4]![14]).toBe('返工率（复核）');
    expect(evaluation.values[61]![16]).toBe(98.51); // Q62, beside the sheet's 98.5 in L62

    // The bulletin .docx, with the month-over-month sentence and East Asian fonts.
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Word' }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/2017年8月份.*通报\.docx$/);
    const doc = (await docxParts(new Uint8Array(await readFile(await docx.path()))))[
      'word/document.xml'
    ]!;
    expect(doc).toContain(JULY_SENTENCE);
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');

    // Nothing but the page's own files was ever requested.
    const foreign = requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(2);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a sheet of the chart sheet’s name is the user’s: the checked workbook comes without charts, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile('samples/2017-08.xlsx')) as unknown as ArrayBuffer);
    wb.addWorksheet('通报图表').getCell('A1').value = '我的图表';
    const file = join(scratch, 'with-chart-sheet.xlsx');
    await writeFile(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const context = await newContext();
    const { page, errors } = await openPage(context);
    await load(page, file);
    await expect
      .poll(() => page.getByTestId('narrative').inputValue(), { timeout: 30_000 })
      .toContain(TIES);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载复核工作簿' }).click(),
    ]);
    await expect
      .poll(() => mainText(page))
      .toContain('工作簿中已有名为“通报图表”的工作表且不是通报生成的，复核工作簿中未放入图表');
    const after = await readWorkbookGrids(await readFile(await xlsx.path()));
    const own = after.find((s) => s.name === '通报图表')!;
    expect(own.values).toEqual([['我的图表']]);
    expect(after.find((s) => s.name === '数字城管综合评价表')!.values[61]![16]).toBe(98.51);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('the checked workbook keeps the sparklines and says what it cannot keep (a chart), as --out does', async () => {
    const file = join(scratch, 'with-extras.xlsx');
    await writeFile(file, await extrasXlsx({ chart: true }));
    const context = await newContext();
    const { page, errors } = await openPage(context);
    await load(page, file);
    await expect.poll(() => mainText(page), { timeout: 30_000 }).toContain('下载复核工作簿');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载复核工作簿' }).click(),
    ]);
    await expect.poll(() => mainText(page)).toContain('不保留原工作簿中的图表（区）');
    const bytes = new Uint8Array(await readFile(await xlsx.path()));
    expect(await part(bytes, 'xl/worksheets/sheet1.xml')).toContain(SPARKLINE_GROUP);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('下载通报数据模板: the empty 通报数据 sheet as .xlsx, before any workbook is chosen', async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载通报数据模板' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('通报数据.xlsx');
    const grids = await readWorkbookGrids(await readFile(await xlsx.path()));
    expect(grids.map((g) => g.name)).toEqual(['通报数据']);
    expect(grids[0]!.values.some((r) => r[0] === '指标' && r[1] === '本月')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('works opened straight from the folder on disk (file://)', async () => {
    const context = await newContext();
    const url = `file://${resolve(WEB, 'index.html')}`;
    const { page, requests, errors } = await openPage(context, url);
    await load(page, 'samples/2017-08.xlsx');
    await expect
      .poll(() => page.getByTestId('narrative').inputValue(), { timeout: 30_000 })
      .toContain(TIES);
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Word' }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('a workbook dropped on the page is read like a chosen one', async () => {
    const context = await newContext();
    const { page, errors } = await openPage(context);
    const bytes = (await readFile('samples/2017-08.xlsx')).toString('base64');
    const transfer = await page.evaluateHandle((b64) => {
      const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([raw], '八月.xlsx'));
      return data;
    }, bytes);
    await page.getByTestId('drop').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.getByTestId('drop').dispatchEvent('drop', { dataTransfer: transfer });
    await expect
      .poll(() => page.getByTestId('narrative').inputValue(), { timeout: 30_000 })
      .toContain(TIES);
    expect(await mainText(page)).toContain('已复核“八月.xlsx”中的 5 张表');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('in a browser that cannot run the page, says so in Chinese instead of a blank page', async () => {
    const context = await newContext();
    const page = await context.newPage();
    // What IE 11 meets: script it cannot parse.
    await page.route(/\/web\.[0-9a-f]+\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'const a = b?.c ?? ;' }),
    );
    await page.goto(`${base}/index.html`);
    await expect
      .poll(() => page.locator('body').innerText())
      .toContain('通报网页版无法在此浏览器中运行');
    expect(await page.locator('body').innerText()).toContain('极速模式');

    // IE 11 itself (or a compatibility mode) is told at once, before any script could fail.
    const ie = await context.newPage();
    await ie.addInitScript(() => Object.defineProperty(document, 'documentMode', { value: 11 }));
    await ie.goto(`${base}/index.html`);
    await expect
      .poll(() => ie.locator('body').innerText(), { timeout: 3_000 })
      .toContain('通报网页版无法在此浏览器中运行');
    await context.close();
  }, 30_000);

  it('bad files get a clear message in the page', async () => {
    const text = join(scratch, '说明.xlsx');
    await writeFile(text, '这不是工作簿');
    const xls = join(scratch, '旧表.xls');
    await writeFile(xls, LEGACY_XLS);
    const empty = join(scratch, '无表.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '本月工作安排';
    await wb.xlsx.writeFile(empty);

    const context = await newContext();
    const { page, errors } = await openPage(context);
    await load(page, text);
    await expect.poll(() => mainText(page)).toContain('“说明.xlsx”不是有效的 .xlsx 工作簿');
    await load(page, xls);
    await expect
      .poll(() => mainText(page))
      .toContain('“旧表.xls”是旧版 Excel 97-2003 格式（.xls），无法读取');
    await load(page, empty);
    await expect.poll(() => mainText(page)).toContain('“无表.xlsx”中未找到综合评价表');
    expect(await page.getByRole('button', { name: '下载复核工作簿' }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('settings stay in this browser: reloaded, still in force; invalid, refused; exported, read by --settings', async () => {
    const context = await newContext();
    const { page } = await openPage(context);
    await page.getByRole('button', { name: '设置' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByTestId('setting-weightClosed').fill('四十');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.innerText()).toContain('结案率权重：应为 0 到 100% 之间的数');
    expect(await page.evaluate(() => localStorage.getItem('tongbao.settings'))).toBeNull();

    await dialog.getByTestId('setting-weightClosed').fill('40');
    await dialog.getByTestId('setting-weightOnTime').fill('40');
    await dialog.getByTestId('setting-weightRework').fill('20');
    await dialog.getByTestId('setting-aliases').fill('连江县=连江县（测试）');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: '导出设置文件' }).click(),
    ]);
    const exported = join(scratch, file.suggestedFilename());
    await file.saveAs(exported);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => mainText(page)).toContain('设置已保存在本浏览器中');

    // Reload: the page opens with the saved settings.
    await page.reload();
    await load(page, 'samples/2017-08.xlsx');
    await expect
      .poll(() => mainText(page), { timeout: 30_000 })
      .toContain('连江县政府 综合指标值：表中 99.96，复核 99.93');
    await page.getByRole('button', { name: '设置' }).click();
    dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('setting-weightClosed').inputValue()).toBe('40');
    await context.close();

    // The exported file works on the command line.
    const out: string[] = [];
    const code = await runCli(['evaluate', 'samples/2017-08.xlsx', '--settings', exported], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('复核为 99.93');
  }, 120_000);

  it('a settings file imported in the dialog is saved whole, fields the form does not show included', async () => {
    const file = join(scratch, '城管局设置.json');
    await writeFile(
      file,
      JSON.stringify({
        narrative: { hotline: { topDepartments: 8 } },
        report: { issuer: '某市城市管理局', fonts: { body: ['楷体'] } },
      }),
    );
    const context = await newContext();
    const { page } = await openPage(context);
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('settings-file').setInputFiles(file);
    await expect.poll(() => dialog.innerText()).toContain('已读入设置文件“城管局设置.json”');
    expect(await dialog.getByTestId('setting-issuer').inputValue()).toBe('某市城市管理局');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => mainText(page)).toContain('设置已保存在本浏览器中');
    const saved = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('tongbao.settings'))) ?? 'null',
    ) as {
      narrative: { hotline: { topDepartments: number } };
      report: { fonts: { body: string[] } };
    };
    expect(saved.narrative.hotline.topDepartments).toBe(8);
    expect(saved.report.fonts.body).toEqual(['楷体']);
    await context.close();
  }, 60_000);

  it('where the browser keeps nothing, new settings still apply for the session, and it says so', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked by policy', 'SecurityError');
        },
      });
    });
    const { page, errors } = await openPage(context);
    await expect.poll(() => mainText(page)).toContain('此浏览器禁止保存数据');
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('setting-weightClosed').fill('40');
    await dialog.getByTestId('setting-weightOnTime').fill('40');
    await dialog.getByTestId('setting-weightRework').fill('20');
    await dialog.getByRole('button', { name: '保存' }).click();
    await load(page, 'samples/2017-08.xlsx');
    await expect
      .poll(() => mainText(page), { timeout: 30_000 })
      .toContain('连江县政府 综合指标值：表中 99.96，复核 99.93');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
