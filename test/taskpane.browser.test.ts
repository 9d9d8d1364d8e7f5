import { mkdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readWorkbookGrids } from '../src/io/xlsx-read';
import type { FakeWorkbook } from './fake/excel-fake';
import { fakeOfficeHost, launchChromium, serveStatic, shownFigures } from './helpers/browser';
import { docxParts } from './helpers/docx-xml';
import { seed } from './helpers/seed';

// The production task pane (dist/, from `npm run build`) in Debian's Chromium, with the fake
// Excel host standing in for office.js, loaded with the sample workbook.
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

/** Where the production pages load office.js: Microsoft's CDN (see webpack.config.js). */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * office.js is the fake host, offline: from the CDN (the default build) or from office-js/
 * (a build with `--env officeJs=local`). `after` runs once it has loaded.
 */
async function fakeOffice(target: Page | BrowserContext, after = ''): Promise<void> {
  const body = `${officeHost}\n;${after}`;
  for (const url of [OFFICE_JS_CDN, '**/office-js/office.js'])
    await target.route(url, (route) => route.fulfill({ contentType: 'text/javascript', body }));
}

/** The production pane as Excel would open it, with the sample workbook in the fake host. */
async function excelPage(height: number, platform = 'OfficeOnline') {
  const grids = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
  const page = await browser.newPage({ viewport: { width: 320, height }, acceptDownloads: true });
  await fakeOffice(page);
  await page.addInitScript(
    ([workbook, p]) => {
      const w = window as unknown as Record<string, unknown>;
      w.__TONGBAO_WORKBOOK__ = workbook;
      w.__TONGBAO_PLATFORM__ = p;
    },
    [JSON.parse(JSON.stringify(grids)) as unknown, platform] as const,
  );
  await page.goto(`${base}/taskpane.html`);
  return page;
}

describe('the task pane in Chromium', () => {
  it('recomputes the sample workbook: columns and formats in the workbook, discrepancy and narrative in the pane', async () => {
    const grids = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await fakeOffice(page);
    await page.addInitScript(
      (workbook) => {
        (window as unknown as Record<string, unknown>).__TONGBAO_WORKBOOK__ = workbook;
      },
      JSON.parse(JSON.stringify(grids)) as unknown,
    );
    await page.goto(`${base}/taskpane.html`);

    await page.getByRole('button', { name: '重新计算' }).click();
    const narrative = page.getByTestId('narrative');
    await expect
      .poll(() => narrative.inputValue(), { timeout: 20_000 })
      .toContain('办理较好的单位是：市建委、电信福州分公司、市华润燃气公司等8家单位');

    // The pane: the outcome, the one discrepancy, grade counts.
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain('已核对表中 250 个计算值，其中 1 处与复核结果不一致');
    const discrepancy = page.getByRole('button', {
      name: /L62 市自来水有限公司 按期结案率：表中 98\.5，复核 98\.51/,
    });
    expect(await discrepancy.count()).toBe(1);
    // Grade counts as the bulletin prints them (counted from the seed, not from our output).
    const published = seed.evaluation.map((r) => r.评价等级 as string);
    const count = (g: string) => published.filter((x) => x === g).length;
    expect((await page.getByTestId('grades').innerText()).split('\n')).toEqual(
      ['A', 'B', 'C', 'D', 'E'].map((g) => `${g}：${count(g)}`),
    );

    // The workbook, as the fake host holds it.
    const written = await page.evaluate(() => {
      const fake = (window as unknown as { __fake: FakeWorkbook }).__fake;
      const sheet = fake.sheet('数字城管综合评价表');
      return {
        syncs: fake.syncs,
        header: sheet.cells.get('4,14')?.value,
        onTime: sheet.cells.get('61,16'),
        rules: sheet.conditionalFormats.length,
      };
    });
    expect(written).toMatchObject({
      syncs: 3,
      header: '返工率（复核）',
      onTime: { value: 98.51, numberFormat: '0.00' },
      rules: 55,
    });

    // Clicking the discrepancy selects its cell in Excel.
    await discrepancy.click();
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { __fake: FakeWorkbook }).__fake.selected),
      )
      .toBe('数字城管综合评价表!L62');

    // The figures the paragraphs announce, under them: drawn (ECharts, loaded only now),
    // captioned 图1…, each at least 480 px wide in the 320 px pane (it scrolls sideways).
    const figures = await shownFigures(page);
    expect(figures.length).toBeGreaterThanOrEqual(5);
    expect(figures[0]!.alt).toMatch(/^图1 /);
    for (const f of figures) {
      expect(f.src, f.alt).toMatch(/^data:image\/svg\+xml/);
      expect(f.naturalWidth, f.alt).toBe(600);
      expect(f.width, f.alt).toBeGreaterThanOrEqual(480);
      expect(f.caption).toBe(f.alt);
    }
    // A figure deleted from the text goes from the pane, and the others are renumbered.
    const box = page.getByTestId('narrative');
    const title = figures[0]!.alt.replace(/^图1 /, '');
    const original = await box.inputValue();
    await box.fill(original.replace(`【图：${title}】`, ''));
    await expect.poll(async () => (await shownFigures(page)).length).toBe(figures.length - 1);
    expect((await shownFigures(page))[0]!.alt).toBe(figures[1]!.alt.replace(/^图2/, '图1'));
    await box.fill(original);
    await expect.poll(async () => (await shownFigures(page)).length).toBe(figures.length);

    // 插入图表工作表: the figures as pictures (drawn in this browser) on Tongbao's own sheet.
    await page.getByRole('button', { name: '插入图表工作表' }).click();
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const fake = (window as unknown as { __fake: FakeWorkbook }).__fake;
            const sheet = fake.sheets.find((s) => s.name === '通报图表');
            return (sheet?.pictures ?? []).map((p) => p.base64.slice(0, 8));
          }),
        { timeout: 20_000 },
      )
      .toHaveLength(figures.length);
    // Every picture a PNG (its base64 starts with the PNG signature, iVBORw0K).
    const pictures = await page.evaluate(() =>
      (window as unknown as { __fake: FakeWorkbook }).__fake.sheets
        .find((s) => s.name === '通报图表')!
        .pictures!.map((p) => p.base64.slice(0, 8)),
    );
    expect(new Set(pictures)).toEqual(new Set(['iVBORw0K']));

    await mkdir('out', { recursive: true });
    await page.screenshot({ path: 'out/taskpane.png', fullPage: true });
    await page.getByTestId('figures').locator('figure').first().screenshot({
      path: 'out/taskpane-figure.png',
    });

    // The 设置 panel, reached with the keyboard: the weights and bands in force, editable.
    await page.getByRole('button', { name: '设置' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('setting-weightClosed').inputValue()).toBe('20');
    expect(await dialog.getByTestId('setting-weightOnTime').inputValue()).toBe('30');
    expect(await dialog.getByTestId('setting-weightRework').inputValue()).toBe('50');
    expect(await dialog.getByRole('textbox', { name: '第1级的最低分' }).inputValue()).toBe('90');
    expect(await dialog.innerText()).toContain('设置写入本工作簿，保存文件后随文件共享给同事');
    await page.waitForTimeout(800); // let the dialog's entrance animation finish before the picture
    await page.screenshot({ path: 'out/taskpane-settings.png' });
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  }, 60_000);

  it('导出 Word downloads the bulletin as <title>.docx', async () => {
    const page = await excelPage(900);
    await page.getByRole('button', { name: '重新计算' }).click();
    await expect
      .poll(() => page.getByTestId('narrative').inputValue(), { timeout: 20_000 })
      .toContain('办理较好的单位是');
    // The user edits a sentence before exporting: the document carries the edit.
    const edited = (await page.getByTestId('narrative').inputValue()).replace(
      '办理较好的单位是',
      '办理情况较好的单位是',
    );
    await page.getByTestId('narrative').fill(edited);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      '福州市“智慧福州”管理服务中心关于2017年8月份12345政府公共服务系统运行情况的通报.docx',
    );
    const bytes = await readFile(await download.path());
    const doc = (await docxParts(new Uint8Array(bytes)))['word/document.xml']!;
    expect(doc).toContain('办理情况较好的单位是：市建委、电信福州分公司、市华润燃气公司等8家单位');
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    // The figures, drawn in the browser: a picture each (PNG, with the SVG), none missing.
    const media = Object.keys((await JSZip.loadAsync(bytes)).files);
    const drawings = doc.match(/<w:drawing>/g)?.length ?? 0;
    expect(drawings).toBeGreaterThanOrEqual(5);
    expect(doc).not.toContain('此处的图未能生成');
    expect(media.filter((k) => /^word\/media\/.*\.png$/.test(k))).toHaveLength(drawings);
    await expect.poll(() => page.getByRole('main').innerText()).toContain('已下载');
  }, 60_000);

  it('插入通报数据表 adds the empty 通报数据 sheet, once', async () => {
    const page = await excelPage(700);
    await page.getByRole('button', { name: '插入通报数据表' }).click();
    await expect.poll(() => page.getByRole('main').innerText()).toContain('已插入工作表“通报数据”');
    const sheet = () =>
      page.evaluate(() => {
        const fake = (window as unknown as { __fake: FakeWorkbook }).__fake;
        const s = fake.sheets.find((x) => x.name === '通报数据');
        return s && { header: s.cells.get('3,0')?.value, sheets: fake.sheets.length };
      });
    const added = await sheet();
    expect(added).toMatchObject({ header: '指标' });
    // A second click: the sheet is there (perhaps filled in), so nothing is added.
    await page.getByRole('button', { name: '插入通报数据表' }).click();
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain('工作簿中已有名为“通报数据”的工作表，未插入新表');
    expect(await sheet()).toEqual(added);
  }, 60_000);

  it('上月工作簿 adds the month-over-month sentences, read in the browser', async () => {
    const page = await excelPage(900);
    await page.getByRole('button', { name: '重新计算' }).click();
    const narrative = page.getByTestId('narrative');
    await expect
      .poll(() => narrative.inputValue(), { timeout: 20_000 })
      .toContain('办理较好的单位是');
    expect(await narrative.inputValue()).not.toContain('较上月');
    await page.getByTestId('previous').setInputFiles('samples/2017-07.xlsx');
    await expect
      .poll(() => narrative.inputValue(), { timeout: 30_000 })
      .toContain('较上月进步较大的市直单位是：福州新榕城市建设发展有限公司（本月100分，提高15分）');
    expect(await page.getByRole('main').innerText()).toContain('已读取上月工作簿“2017-07.xlsx”');
  }, 60_000);

  it('on a Mac, 导出 Word says why it cannot download and points to 复制', async () => {
    const page = await excelPage(600, 'Mac');
    await page.getByRole('button', { name: '重新计算' }).click();
    await expect
      .poll(() => page.getByTestId('narrative').inputValue(), { timeout: 20_000 })
      .toContain('办理较好的单位是');
    await page.getByRole('button', { name: '导出 Word' }).click();
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain('Mac 版 Excel 不支持从加载项下载文件');
  }, 60_000);

  it('in Word: 从工作簿导入 reads the .xlsx in the browser, 插入到文档 inserts at the cursor', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await fakeOffice(page);
    await page.addInitScript(() => {
      (window as unknown as Record<string, unknown>).__TONGBAO_HOST__ = 'Word';
    });
    await page.goto(`${base}/taskpane.html`);
    await page.getByTestId('previous').setInputFiles('samples/2017-07.xlsx');
    await page.getByTestId('workbook').setInputFiles('samples/2017-08.xlsx');
    const narrative = page.getByTestId('narrative');
    await expect
      .poll(() => narrative.inputValue(), { timeout: 30_000 })
      .toContain('较上月进步较大的市直单位是：福州新榕城市建设发展有限公司（本月100分，提高15分）');
    await page.getByRole('checkbox', { name: '同时插入附件表格' }).check();
    await page.getByRole('button', { name: '插入到文档' }).click();
    await expect
      .poll(() => page.getByRole('main').innerText(), { timeout: 20_000 })
      .toContain('已插入到光标处');
    const inserted = await page.evaluate(() => {
      const doc = (
        window as unknown as {
          __word: {
            insertions: { ooxml: string; location: string; landed: string }[];
            syncs: number;
          };
        }
      ).__word;
      return {
        count: doc.insertions.length,
        syncs: doc.syncs,
        ooxml: doc.insertions[0]?.ooxml ?? '',
        location: doc.insertions[0]?.location,
        landed: doc.insertions[0]?.landed,
      };
    });
    // One sync to see where the cursor is, one to insert; at the cursor, replacing nothing.
    expect(inserted).toMatchObject({ count: 1, syncs: 2, location: 'After', landed: 'atCursor' });
    expect(inserted.ooxml).toContain('排名后三位的单位是：福建省邮政报刊零售公司福州分公司（0分）');
    expect([...inserted.ooxml.matchAll(/<w:tbl>/g)]).toHaveLength(8);
    // The figures as pictures: their PNGs (drawn in the browser) and SVGs inside the package.
    const shown = await shownFigures(page);
    expect(shown.length).toBeGreaterThanOrEqual(5);
    expect(inserted.ooxml.match(/<w:drawing>/g)).toHaveLength(shown.length);
    expect(
      inserted.ooxml.match(
        /pkg:contentType="image\/png" pkg:compression="store"><pkg:binaryData>iVBORw0KGgo/g,
      ),
    ).toHaveLength(shown.length);
    expect(inserted.ooxml).toContain('pkg:name="/word/_rels/document.xml.rels"');
    await page.screenshot({ path: 'out/taskpane-word.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 90_000);

  it('shows its strings in English when Office is not Chinese', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 600 } });
    await fakeOffice(page);
    await page.addInitScript(() => {
      (window as unknown as Record<string, unknown>).__TONGBAO_LANGUAGE__ = 'en-US';
    });
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole('button', { name: 'Recompute' }).click();
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain('No evaluation table found');
  }, 30_000);
});

/**
 * The built-ins EdgeHTML 18 lacks of what Chromium has (older WKWebViews lack some too),
 * removed after office.js, before the pane: the polyfills stand in for them. EdgeHTML itself is
 * shown the WebView2 page (test/webview-guard.browser.test.ts); this is the polyfills' test.
 */
const EDGEHTML_18 = `(function () {
  function drop(owner, names) {
    names.forEach(function (name) { if (owner) delete owner[name]; });
  }
  drop(Array.prototype, ['flat', 'flatMap', 'at', 'findLast', 'findLastIndex', 'toSorted']);
  drop(String.prototype, ['matchAll', 'replaceAll', 'trimStart', 'trimEnd', 'at']);
  drop(Object, ['fromEntries', 'hasOwn']);
  drop(Promise, ['allSettled', 'any']);
  drop(Blob.prototype, ['arrayBuffer', 'text', 'stream']);
  drop(Element.prototype, ['animate', 'getAnimations']);
  drop(Document.prototype, ['startViewTransition']);
  drop(window, ['globalThis', 'queueMicrotask', 'structuredClone', 'reportError', 'TextEncoder',
    'TextDecoder', 'WeakRef', 'FinalizationRegistry', 'ResizeObserver', 'AggregateError']);
})();`;

describe('in the webviews of Office 2016/2019', () => {
  const UNSUPPORTED = '通报无法在此 Office 中运行';

  it('without the built-ins EdgeHTML 18 and older Safari lack (polyfilled): the pane recomputes, reads last month, exports Word', async () => {
    const grids = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await fakeOffice(page, EDGEHTML_18);
    await page.addInitScript(
      (workbook) => {
        (window as unknown as Record<string, unknown>).__TONGBAO_WORKBOOK__ = workbook;
      },
      JSON.parse(JSON.stringify(grids)) as unknown,
    );
    await page.goto(`${base}/taskpane.html`);
    const opened = Date.now();
    // The pane itself runs on the polyfills: the browser's own are gone.
    expect(await page.evaluate(() => typeof ResizeObserver.prototype.observe)).toBe('function');
    expect(await page.evaluate(() => String(Object.fromEntries).includes('[native code]'))).toBe(
      false,
    );

    await page.getByRole('button', { name: '重新计算' }).click();
    const narrative = page.getByTestId('narrative');
    await expect
      .poll(() => narrative.inputValue(), { timeout: 20_000 })
      .toContain('办理较好的单位是：市建委、电信福州分公司、市华润燃气公司等8家单位');
    await page.getByTestId('previous').setInputFiles('samples/2017-07.xlsx');
    await expect
      .poll(() => narrative.inputValue(), { timeout: 30_000 })
      .toContain('较上月进步较大的市直单位是');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Word' }).click(),
    ]);
    const doc = (await docxParts(new Uint8Array(await readFile(await download.path()))))[
      'word/document.xml'
    ]!;
    expect(doc).toContain('较上月进步较大的市直单位是');
    await page.getByRole('button', { name: '设置' }).click();
    await expect
      .poll(() => page.getByRole('dialog').getByTestId('setting-weightClosed').inputValue())
      .toBe('20');
    // Past the guard's 8 seconds: a pane that started is never replaced by its message.
    await page.waitForTimeout(Math.max(0, 8_500 - (Date.now() - opened)));
    expect(await page.getByText(UNSUPPORTED).count()).toBe(0);
    expect(errors).toEqual([]);
  }, 90_000);

  it('a bundle the webview cannot parse: the guard says so in Chinese, with the way out', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await fakeOffice(page);
    // What IE 11 meets: syntax it cannot parse.
    await page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'const a = b?.c ?? ;' }),
    );
    await page.goto(`${base}/taskpane.html`);
    await expect.poll(() => page.locator('body').innerText()).toContain(UNSUPPORTED);
    const text = await page.locator('body').innerText();
    for (const words of [
      'Office 2016、Office 2019',
      'Microsoft 365，或 Office 2021 及更新版本',
      '网页版 Excel、Word',
      'Mac 上的 Excel、Word',
      'dist/web/index.html',
      'npx tongbao evaluate 工作簿.xlsx --docx 通报.docx',
    ])
      expect(text).toContain(words);
    expect(await page.getByRole('link', { name: 'web/index.html' }).getAttribute('href')).toBe(
      'web/index.html',
    );
  }, 30_000);

  it('IE 11 (Trident) is known at once, by document.documentMode or its user agent', async () => {
    const ie11 =
      'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
    for (const how of ['documentMode', 'userAgent'] as const) {
      const context = await browser.newContext({
        viewport: { width: 320, height: 700 },
        ...(how === 'userAgent' ? { userAgent: ie11 } : {}),
      });
      if (how === 'documentMode')
        await context.addInitScript(() => {
          Object.defineProperty(document, 'documentMode', { value: 11 });
        });
      await fakeOffice(context);
      // The bundle never arrives: the message comes from the detection alone, long before
      // the guard's 8-second timer, and no pane is drawn.
      await context.route(/\/taskpane\.[0-9a-f]+\.js$/, () => undefined);
      const page = await context.newPage();
      await page.goto(`${base}/taskpane.html`, { waitUntil: 'commit' });
      await expect
        .poll(() => page.locator('body').innerText(), { timeout: 3_000 })
        .toContain(UNSUPPORTED);
      expect(await page.getByRole('button').count(), how).toBe(0);
      await context.close();
    }
  }, 30_000);
});

describe('settings that stay (Excel)', () => {
  /** Open the pane on `workbook` with the document settings a saved file holds. */
  async function open(context: BrowserContext, stored?: string) {
    const grids = await readWorkbookGrids(await readFile('samples/2017-08.xlsx'));
    const page = await context.newPage();
    await fakeOffice(page);
    await page.addInitScript(
      ([workbook, settings]) => {
        const w = window as unknown as Record<string, unknown>;
        w.__TONGBAO_WORKBOOK__ = workbook;
        if (settings) w.__TONGBAO_DOCUMENT_SETTINGS__ = settings;
      },
      [JSON.parse(JSON.stringify(grids)) as unknown, stored ?? null] as const,
    );
    await page.goto(`${base}/taskpane.html`);
    return page;
  }
  const stored = (page: Page) =>
    page.evaluate(
      () => (window as unknown as { __settings: { stored: string } }).__settings.stored,
    );

  it('saved in the dialog, kept in the workbook: a re-opened workbook recomputes with them', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
    const page = await open(context);
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('setting-weightClosed').fill('40');
    await dialog.getByTestId('setting-weightOnTime').fill('40');
    await dialog.getByTestId('setting-weightRework').fill('20');
    await dialog.getByTestId('setting-issuer').fill('某市数字城管监督指挥中心');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => page.getByRole('main').innerText())
      .toContain('设置已写入本工作簿（保存文件后随文件共享）');
    const saved = await stored(page);
    const bag = JSON.parse(saved) as Record<string, { evaluation: { weights: unknown } }>;
    expect(bag['tongbao.settings']!.evaluation.weights).toEqual({
      closed: 0.4,
      onTime: 0.4,
      rework: 0.2,
    });

    // The same file opened again (a colleague, or tomorrow): the settings are in force.
    const again = await open(context, saved);
    await again.getByRole('button', { name: '重新计算' }).click();
    // 连江县政府: 99.91×0.4 + 99.91×0.4 + 100×0.2 = 99.928 → 99.93 (the sheet prints 99.96).
    await expect
      .poll(() => again.getByRole('main').innerText(), { timeout: 20_000 })
      .toContain('连江县政府 综合指标值：表中 99.96，复核 99.93');

    // A new workbook for the same user: the built-in weights, but the user's own issuer.
    const fresh = await open(context);
    await fresh.getByRole('button', { name: '设置' }).click();
    const d = fresh.getByRole('dialog');
    await expect
      .poll(() => d.getByTestId('setting-issuer').inputValue())
      .toBe('某市数字城管监督指挥中心');
    expect(await d.getByTestId('setting-weightClosed').inputValue()).toBe('20');
    await context.close();
  }, 90_000);

  it('refuses an invalid value with a Chinese message, and saves nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
    const page = await open(context);
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('setting-weightClosed').fill('二十');
    await dialog.getByTestId('setting-bottomCount').fill('99');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.innerText()).toContain('结案率权重：应为 0 到 100% 之间的数');
    await dialog.getByTestId('setting-weightClosed').fill('20');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.innerText()).toContain('排名后几位：应为 0 到 50 之间的整数');
    expect(await stored(page)).toBe('{}');
    expect(
      await page.evaluate(
        () => (window as unknown as { __settings: { saves: number } }).__settings.saves,
      ),
    ).toBe(0);
    await context.close();
  }, 60_000);

  it('a read-only workbook: the save is refused in Chinese, the dialog stays open', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
    await context.addInitScript(() => {
      (window as unknown as Record<string, unknown>).__TONGBAO_READ_ONLY__ = true;
    });
    const page = await open(context);
    await page.getByRole('button', { name: '设置' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('setting-date').fill('2017年9月25日');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.innerText()).toContain('此工作簿以只读方式打开');
    expect(await stored(page)).toBe('{}');
    await context.close();
  }, 60_000);
});

// The budget the webviews of Office 2016/2019 can afford: everything the pane loads before it
// can be used (office.js aside), measured in the browser, not guessed from the build's files.
describe('first paint', () => {
  async function firstPaintKB(host: 'Excel' | 'Word', ready: string): Promise<number> {
    const page = await browser.newPage({ viewport: { width: 320, height: 600 } });
    const scripts = new Set<string>();
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.origin === base && url.pathname.endsWith('.js')) scripts.add(url.pathname.slice(1));
    });
    await page.route(/office\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: officeHost }),
    );
    await page.addInitScript((h) => {
      (window as unknown as Record<string, unknown>).__TONGBAO_HOST__ = h;
    }, host);
    await page.goto(`${base}/taskpane.html`);
    await page.getByRole('button', { name: ready }).waitFor();
    const { gzipSync } = await import('node:zlib');
    let bytes = 0;
    for (const file of scripts) bytes += gzipSync(await readFile(`dist/${file}`)).length;
    await page.close();
    return bytes / 1024;
  }

  it('the Excel and the Word pane each load at most 180 KB of gzipped JavaScript before use', async () => {
    const excel = await firstPaintKB('Excel', '重新计算');
    const word = await firstPaintKB('Word', '从工作簿导入');
    console.log(
      `first paint, gzipped JavaScript (office.js aside): Excel pane ${excel.toFixed(1)} KB, Word pane ${word.toFixed(1)} KB`,
    );
    expect(excel).toBeLessThanOrEqual(180);
    expect(word).toBeLessThanOrEqual(180);
  }, 60_000);
});
