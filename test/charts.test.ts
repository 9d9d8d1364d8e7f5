import { inflateSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { measureChartSpecs } from '../src/charts/index-chart';
import { chartOption, chartSize, horizontalBars, shares } from '../src/charts/option';
import { pngSize, svgSize } from '../src/charts/raster';
import { createNodeRasterizer, findCjkFont } from '../src/charts/raster-node';
import { renderChartSvg } from '../src/charts/svg';
import type { ChartSpec } from '../src/summary/chart-spec';
import { INDEX_UNITS, SUMMARY_CHARTS } from './helpers/chart-fixtures';

/** The texts of an SVG's <text> elements, parsed strictly as XML (throws if it is not). */
function svgTexts(svg: string): string[] {
  const texts: string[] = [];
  let inText = 0;
  let current = '';
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    if (t.local === 'text') inText++;
  });
  parser.on('text', (t) => {
    if (inText > 0) current += t;
  });
  parser.on('closetag', (t) => {
    if (t.local === 'text') {
      inText--;
      texts.push(current);
      current = '';
    }
  });
  parser.write(svg).close();
  return texts;
}

const pie = SUMMARY_CHARTS.find((c) => c.id === 'hotline-categories')!;
const bars = SUMMARY_CHARTS.find((c) => c.id === 'channels-types')!;
const [districts, cityUnits] = measureChartSpecs(INDEX_UNITS);

describe('the chart SVG (ECharts, server-side)', () => {
  it('draws a pie with each slice labelled “类别 percent%”, as text, in well-formed XML', () => {
    const svg = renderChartSvg(pie);
    const texts = svgTexts(svg);
    // 11939 / 35275 = 33.845…% → 33.85 (half-up, as the bulletin rounds)
    expect(texts).toContain('城乡建设类 33.85%');
    expect(texts).toContain('交通环保类 10.66%');
    expect(texts).toContain('政法类 7.67%');
    expect(texts).toHaveLength(pie.categories.length);
    expect(svgSize(svg)).toEqual(chartSize(pie));
    expect(svg).toContain('Microsoft YaHei');
  });

  it('draws bars with their category axis, legend and values', () => {
    const texts = svgTexts(renderChartSvg(bars));
    for (const t of ['投诉', '咨询', '本月', '上月', '25884', '7224', '件'])
      expect(texts).toContain(t);
  });

  it('lays long unit names out horizontally, highest first, with a readable axis', () => {
    expect(horizontalBars(cityUnits!)).toBe(true);
    expect(horizontalBars(districts!)).toBe(false);
    const texts = svgTexts(renderChartSvg(cityUnits!));
    expect(texts).toContain('市住房保障和房产管理局');
    expect(texts).toContain('98.51');
    expect(chartSize(cityUnits!).height).toBeGreaterThan(cityUnits!.categories.length * 25);
  });

  it('is portable: no dominant-baseline (Word ignores it), no hover styles, no ECharts metadata', () => {
    const svg = renderChartSvg(pie);
    expect(svg).not.toMatch(/dominant-baseline|<style|ecmeta_|:hover|class="zr/);
    // Every label moved to the alphabetic baseline by 0.38 of its size: 15 px → y="5.7".
    expect(svg).toMatch(/<text [^>]*style="font-size:15px;[^"]*"[^>]*\sy="5\.7"/);
  });

  it('is the same every time (no ids or randomness leak between charts)', () => {
    const a = renderChartSvg(bars).replace(/zr\d+/g, '');
    renderChartSvg(pie);
    expect(renderChartSvg(bars).replace(/zr\d+/g, '')).toBe(a);
  });

  it('escapes what XML cannot hold as text', () => {
    const spec: ChartSpec = {
      id: 'x',
      title: 'x',
      kind: 'pie',
      categories: ['A<B & "C"', '其他'],
      series: [{ name: 's', values: [1, 3] }],
    };
    expect(svgTexts(renderChartSvg(spec))).toContain('A<B & "C" 25.00%');
  });
});

describe('the ECharts option', () => {
  it('is a still picture in the document fonts: no animation, no hover, explicit families', () => {
    const o = chartOption(pie) as Record<string, unknown> & {
      series: { emphasis?: { disabled?: boolean }; silent?: boolean }[];
      textStyle: { fontFamily: string };
    };
    expect(o.animation).toBe(false);
    expect(o.textStyle.fontFamily).toBe(
      "'Microsoft YaHei', 'SimHei', 'Noto Sans CJK SC', sans-serif",
    );
    for (const s of o.series) {
      expect(s.silent).toBe(true);
      expect(s.emphasis?.disabled).toBe(true);
    }
  });

  it('computes shares exactly, rounding half-up, zero and bad values as 0', () => {
    expect(shares([11939, 35275 - 11939])).toEqual([3385, 6615]);
    expect(shares([1, 1, 1])).toEqual([3333, 3333, 3333]);
    expect(shares([1, 7])).toEqual([1250, 8750]);
    expect(shares([0, -2, Number.NaN, 5])).toEqual([0, 0, 0, 10000]);
    expect(shares([0, 0])).toEqual([0, 0]);
  });
});

describe('measureChartSpecs', () => {
  it('makes one bar chart per group, units sorted from the highest 综合指标值, in points', () => {
    const specs = measureChartSpecs([
      ...INDEX_UNITS,
      { group: '五城区', name: '坏数据', value: Number.NaN },
    ]);
    expect(specs.map((s) => [s.id, s.title, s.kind, s.unit])).toEqual([
      ['index:五城区', '五城区综合指标值', 'bar', '分'],
      ['index:市直单位', '市直单位综合指标值', 'bar', '分'],
    ]);
    expect(specs[0]!.categories).toEqual(['马尾区', '鼓楼区', '台江区', '仓山区', '晋安区']);
    expect(specs[0]!.series).toEqual([
      { name: '综合指标值', values: [99.63, 99.21, 98.5, 97.66, 96.1] },
    ]);
    const values = specs[1]!.series[0]!.values;
    expect([...values].sort((a, b) => b - a)).toEqual(values);
  });

  it('keeps the order of equal values', () => {
    const [spec] = measureChartSpecs([
      { group: 'g', name: 'b', value: 90 },
      { group: 'g', name: 'a', value: 90 },
      { group: 'g', name: 'c', value: 95 },
    ]);
    expect(spec!.categories).toEqual(['c', 'b', 'a']);
  });
});

/** A PNG's pixels as RGB rows (8-bit truecolour, filters none/sub/up only: what Tongbao writes). */
function decodePng(png: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const { width, height } = pngSize(png)!;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const idat: Uint8Array[] = [];
  for (let at = 8; at < png.length;) {
    const n = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IHDR') expect([...png.subarray(at + 16, at + 18)]).toEqual([8, 2]);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + n));
    at += 12 + n;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  expect(raw.length).toBe((stride + 1) * height);
  const rgb = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    if (filter > 2) throw new Error(`unexpected PNG filter ${filter}`);
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const up = y > 0 ? rgb[(y - 1) * stride + x]! : 0;
      const left = x >= 3 ? rgb[y * stride + x - 3]! : 0;
      rgb[y * stride + x] = (v + (filter === 2 ? up : filter === 1 ? left : 0)) & 0xff;
    }
  }
  return { width, height, rgb };
}

const dark = (rgb: Uint8Array) => rgb.filter((v, i) => i % 3 === 0 && v < 100).length;

describe('the PNG fallback (resvg-wasm in Node)', () => {
  it('finds a CJK font on this machine (CI installs fonts-noto-cjk)', () => {
    expect(findCjkFont(), 'no CJK font: apt-get install fonts-noto-cjk').not.toBeNull();
  });

  it('is a real PNG of the width asked for, the SVG’s aspect ratio, drawn', async () => {
    const rasterize = (await createNodeRasterizer())!;
    const svg = renderChartSvg(pie);
    const png = await rasterize(svg, 1200);
    const size = chartSize(pie);
    expect(pngSize(png)).toEqual({ width: 1200, height: (1200 * size.height) / size.width });
    const { rgb } = decodePng(png);
    expect(dark(rgb)).toBeGreaterThan(10_000); // the dark slices and the labels
    expect(rgb.subarray(0, 30).every((v) => v === 255)).toBe(true); // white background
  });

  it('draws the Chinese labels (the font reached the rasteriser)', async () => {
    const rasterize = (await createNodeRasterizer())!;
    const text = (s: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40"><text x="4" y="30" style="font-size:24px;font-family:'Microsoft YaHei', 'SimHei', 'Noto Sans CJK SC', sans-serif;">${s}</text></svg>`;
    const inked = dark(decodePng(await rasterize(text('城乡建设类'), 400)).rgb);
    expect(inked).toBeGreaterThan(500);
    expect(dark(decodePng(await rasterize(text(''), 400)).rgb)).toBe(0);
  });

  it('has no rasteriser, rather than blank labels, without a font', async () => {
    expect(await createNodeRasterizer(null)).toBeNull();
    expect(findCjkFont({}, () => false)).toBeNull();
    expect(findCjkFont({ TONGBAO_CHART_FONT: '/x/y.ttf' }, (f) => f === '/x/y.ttf')).toEqual({
      file: '/x/y.ttf',
      family: '',
    });
    expect(findCjkFont({ WINDIR: 'C:\\Windows' }, (f) => f.endsWith('msyh.ttc'))?.family).toBe(
      'Microsoft YaHei',
    );
  });
});
