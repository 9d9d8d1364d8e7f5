import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../src/charts/raster';
import { SUMMARY_CHARTS } from './helpers/chart-fixtures';
import { launchChromium } from './helpers/browser';

// The browser's rasteriser (what the 网页版 and the pane will use for the PNG fallback): the
// SVG drawn by ECharts in the page itself, then into a canvas through a Blob URL, under the
// web page's Content-Security-Policy.
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  browser = await launchChromium();
  const out = await build({
    stdin: {
      contents: `
        import { renderChartSvg } from './src/charts/svg';
        import { browserRasterizer } from './src/charts/raster-browser';
        window.__charts = { renderChartSvg, browserRasterizer };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2017',
    write: false,
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]!.text;
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

describe('the browser rasteriser', () => {
  it('draws the chart into a PNG of the width asked for, Chinese labels included', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="${CSP}"><body></body>`,
    );
    await page.addScriptTag({ content: bundle });
    const pie = SUMMARY_CHARTS.find((c) => c.kind === 'pie')!;
    const result = await page.evaluate(async (spec) => {
      type Api = {
        renderChartSvg(s: unknown): string;
        browserRasterizer(svg: string, w: number): Promise<Uint8Array>;
      };
      const api = (window as unknown as { __charts: Api }).__charts;
      const svg = api.renderChartSvg(spec);
      const png = await api.browserRasterizer(svg, 900);
      const blank = await api.browserRasterizer(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"></svg>',
        400,
      );
      const text = await api.browserRasterizer(
        `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" style="font-size:24px;font-family:'Microsoft YaHei', 'SimHei', 'Noto Sans CJK SC', sans-serif;">城乡建设类</text></svg>`,
        400,
      );
      return {
        hasLabel: svg.includes('城乡建设类 33.85%'),
        png: [...png],
        blank: blank.length,
        text: text.length,
      };
    }, pie);
    expect(errors).toEqual([]);
    expect(result.hasLabel).toBe(true);
    const png = new Uint8Array(result.png);
    expect(pngSize(png)).toEqual({ width: 900, height: 480 });
    // A canvas with ink compresses worse than a blank one.
    expect(result.text).toBeGreaterThan(result.blank + 300);
    await page.close();
  });
});
