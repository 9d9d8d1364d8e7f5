import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeOfficeHost, launchChromium, serveStatic } from './helpers/browser';

// The production pages (dist/, `npm run build`) under the user agents of the old Windows
// webviews. EdgeHTML (Microsoft Edge Legacy: retail Office 2016/2019 on Windows 10 without
// the WebView2 runtime) parses the bundle but lacks what Fluent UI v9 needs (`:is()`,
// canvas.toBlob, flex gap…), so the pages' inline guard treats it as it treats IE 11: a
// Chinese page naming the fix, and the pane never drawn. Chromium serves as the engine: the
// bundle really loads and starts here, so "never drawn" is the guard's doing.

/** EdgeHTML 18, as Microsoft Edge Legacy on Windows 10 sends it. */
const EDGEHTML =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
/**
 * The same engine hosted as a webview (a guess at Office's exact string: the WebView token
 * is what Windows' Win32 WebViewControl adds; the guard only needs `Edge/<digits>`).
 */
const EDGEHTML_WEBVIEW =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';
/** An earlier EdgeHTML (Edge 17): any `Edge/<digits>` is legacy Edge. */
const EDGEHTML_17 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/64.0.3282.140 Safari/537.36 Edge/17.17134';
/** Chromium Edge (and WebView2) says `Edg/`, without the final e: it runs the pane. */
const CHROMIUM_EDGE =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91';
const IE11 =
  'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const WEBVIEW2 = 'https://developer.microsoft.com/microsoft-edge/webview2/';

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

/** A context with `userAgent`, office.js being the fake Excel host (offline). */
async function contextAs(userAgent: string): Promise<BrowserContext> {
  const context = await browser.newContext({ userAgent, viewport: { width: 340, height: 760 } });
  await context.route(OFFICE_JS_CDN, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: officeHost }),
  );
  return context;
}

/** Opens `path` and waits until its bundle has loaded and run its first line. */
async function openStarted(context: BrowserContext, path: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/${path}`);
  // The bundle parsed and started (it sets this first): whatever shows now, it had its chance.
  await expect
    .poll(() =>
      page.evaluate(() => (window as { __TONGBAO_STARTED__?: boolean }).__TONGBAO_STARTED__),
    )
    .toBe(true);
  await page.waitForLoadState('networkidle');
  return { page, errors };
}

const guardText = (page: Page) => page.getByTestId('unsupported').innerText();

describe('the task pane in EdgeHTML (Microsoft Edge Legacy webview)', () => {
  it('says in Chinese to install the WebView2 runtime, points to the 网页版 and the command line, and never draws the pane', async () => {
    const context = await contextAs(EDGEHTML);
    const { page, errors } = await openStarted(context, 'taskpane.html');
    expect(await page.getByTestId('unsupported').getAttribute('data-webview')).toBe('edgehtml');
    const text = await guardText(page);
    for (const words of [
      '通报无法在此 Office 中运行',
      '旧版 Microsoft Edge（EdgeHTML）',
      '零售版 Office 2016、Office 2019',
      '安装 Microsoft Edge WebView2 运行时',
      '同一个 Office 就会改用新版 Edge（Chromium）控件',
      WEBVIEW2,
      '常青版',
      'IT 人员',
      '网页版',
      'dist/web/index.html',
      'npx tongbao evaluate 工作簿.xlsx --docx 通报.docx',
    ])
      expect(text, words).toContain(words);
    // Not the IE 11 story: no claim that this is the volume-licensed Office's IE webview.
    expect(text).not.toContain('Internet Explorer');
    expect(await page.getByRole('link', { name: WEBVIEW2 }).getAttribute('href')).toBe(WEBVIEW2);
    expect(await page.getByRole('link', { name: 'web/index.html' }).getAttribute('href')).toBe(
      'web/index.html',
    );

    // The pane's React root never rendered: the bundle ran, found no #root, drew nothing.
    await page.waitForTimeout(1_500);
    expect(await page.locator('#root').count()).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('main').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('重新计算');
    expect(errors).toEqual([]);

    await mkdir('out', { recursive: true });
    await page.screenshot({ path: 'out/guard-edgehtml.png', fullPage: true });
    await context.close();
  }, 60_000);

  it('knows any Edge/<digits> as EdgeHTML, the webview form too', async () => {
    for (const ua of [EDGEHTML_WEBVIEW, EDGEHTML_17]) {
      const context = await contextAs(ua);
      const { page } = await openStarted(context, 'taskpane.html');
      expect(await page.getByTestId('unsupported').getAttribute('data-webview'), ua).toBe(
        'edgehtml',
      );
      expect(await page.getByRole('button').count(), ua).toBe(0);
      await context.close();
    }
  }, 60_000);

  it('Chromium Edge (Edg/…, as WebView2) still runs the pane', async () => {
    const context = await contextAs(CHROMIUM_EDGE);
    const { page, errors } = await openStarted(context, 'taskpane.html');
    await page.getByRole('button', { name: '重新计算' }).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('unsupported').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('IE 11 gets its own words: volume-licensed Office, where WebView2 does not help', async () => {
    const context = await contextAs(IE11);
    const page = await context.newPage();
    // The bundle never arrives: what shows comes from the detection alone.
    await context.route(/\/taskpane\.[0-9a-f]+\.js$/, () => undefined);
    await page.goto(`${base}/taskpane.html`, { waitUntil: 'commit' });
    await expect.poll(() => page.getByTestId('unsupported').count(), { timeout: 3_000 }).toBe(1);
    expect(await page.getByTestId('unsupported').getAttribute('data-webview')).toBe('trident');
    const text = await guardText(page);
    for (const words of [
      'Internet Explorer 11',
      '批量许可版 Office 2016、Office 2019',
      '安装 WebView2 运行时也不会改变',
      'Microsoft 365，或 Office 2021 及更新版本',
      'dist/web/index.html',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain('EdgeHTML');
    expect(text).not.toContain(WEBVIEW2);
    await context.close();
  }, 30_000);
});

describe('the 网页版 in legacy Microsoft Edge', () => {
  it('says to use a current browser and draws nothing; Chromium Edge runs it', async () => {
    const legacy = await browser.newContext({ userAgent: EDGEHTML, locale: 'zh-CN' });
    const { page, errors } = await openStarted(legacy, 'web/index.html');
    expect(await page.getByTestId('unsupported').getAttribute('data-browser')).toBe('edgehtml');
    const text = await guardText(page);
    for (const words of [
      '通报网页版无法在此浏览器中运行',
      '旧版 Microsoft Edge（EdgeHTML）',
      '新版 Microsoft Edge（Chromium 内核）',
      'npx tongbao evaluate',
    ])
      expect(text, words).toContain(words);
    await page.waitForTimeout(1_000);
    expect(await page.getByTestId('workbook').count()).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);
    expect(errors).toEqual([]);
    await legacy.close();

    const current = await browser.newContext({ userAgent: CHROMIUM_EDGE, locale: 'zh-CN' });
    const ok = await openStarted(current, 'web/index.html');
    await ok.page.getByTestId('workbook').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await ok.page.getByTestId('unsupported').count()).toBe(0);
    await current.close();
  }, 60_000);
});
