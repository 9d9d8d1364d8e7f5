import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { renderFigures, reportCharts } from '../src/charts/figures';
import { pngSize } from '../src/charts/raster';
import { createNodeRasterizer } from '../src/charts/raster-node';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { FIGURE_MISSING, packDocx } from '../src/report/docx';
import { demoReport, SUMMARY_CHARTS } from './helpers/chart-fixtures';
import { paragraphs } from './helpers/docx-xml';

function parseXml(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

const fonts = DEFAULT_SETTINGS.report.fonts;
const model = demoReport([SUMMARY_CHARTS[0]!, SUMMARY_CHARTS[1]!]);
const rasterize = await createNodeRasterizer();
const figures = await renderFigures(model, rasterize);
const zip = await JSZip.loadAsync(await packDocx(model, fonts, figures));
const text = (name: string) => zip.file(name)!.async('string');
const doc = await text('word/document.xml');
const rels = await text('word/_rels/document.xml.rels');

/** Relationship id → target, from document.xml.rels. */
const targets = new Map(
  [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [
    m[1]!,
    m[2]!,
  ]),
);

describe('figures in the .docx', () => {
  it('renders both charts before packing, each with its PNG', () => {
    expect(reportCharts(model).map((c) => c.id)).toEqual(['channels-types', 'hotline-categories']);
    expect([...figures.values()].every((f) => f.png !== null)).toBe(true);
  });

  it('has every XML part well-formed, the media SVGs too', async () => {
    const names = Object.keys(zip.files).filter((n) => /\.(xml|rels|svg)$/.test(n));
    expect(names.filter((n) => n.endsWith('.svg'))).toHaveLength(2);
    for (const n of names) parseXml(await text(n));
  });

  it('writes each picture as a PNG blip with the SVG as its asvg:svgBlip, both resolving', async () => {
    const drawings = [...doc.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map((m) => m[0]);
    expect(drawings).toHaveLength(2);
    const seen = new Set<string>();
    for (const d of drawings) {
      expect(d).toContain('<wp:inline');
      const blip = /<a:blip r:embed="([^"]+)"/.exec(d)![1]!;
      const svgBlip = /<asvg:svgBlip [^>]*r:embed="([^"]+)"/.exec(d)![1]!;
      expect(d).toContain('uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}"');
      const png = await zip.file(`word/${targets.get(blip)!}`)!.async('uint8array');
      expect(pngSize(png)?.width).toBe(1200);
      const svg = await zip.file(`word/${targets.get(svgBlip)!}`)!.async('string');
      expect(svg).toMatch(/^<svg /);
      seen.add(svg);
      // 15 cm wide, the chart's aspect ratio
      const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(d)!;
      expect(Number(cx)).toBe(5_400_000);
      const f = [...figures.values()].find((x) => x.svg === svg)!;
      expect(Number(cy)).toBeCloseTo((5_400_000 * f.height) / f.width, -1);
      expect(d).toMatch(/<wp:docPr [^>]*descr="图\d /);
    }
    expect(seen.size).toBe(2);
    const ids = [...doc.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(2);
    const types = await text('[Content_Types].xml');
    expect(types).toMatch(/Extension="png"/);
    expect(types).toContain('<Default ContentType="image/svg+xml" Extension="svg"/>');
  });

  it('centres the picture under its paragraph and the caption “图N …” under it, in the body font', () => {
    const paras = paragraphs(doc);
    const at = (t: string) => paras.findIndex((p) => p.text === t);
    for (const [i, chart] of [SUMMARY_CHARTS[0]!, SUMMARY_CHARTS[1]!].entries()) {
      const caption = at(`图${i + 1} ${chart.title}`);
      expect(caption).toBeGreaterThan(1);
      const picture = paras[caption - 1]!.xml;
      expect(picture).toContain('<w:drawing>');
      expect(picture).toContain('<w:jc w:val="center"/>');
      expect(picture).toContain('<w:keepNext/>');
      // no exact line height on the picture's paragraph: it would crop the picture
      expect(picture).not.toMatch(/w:lineRule="exact"/);
      // the announcing paragraph may end a page: a chain of it + picture + caption moved as one
      // block and left pages half empty (issue #18; see test/docx-render.test.ts)
      expect(paras[caption - 2]!.text).toContain('如下图所示');
      expect(paras[caption - 2]!.xml).not.toContain('<w:keepNext/>');
      expect(paras[caption]!.xml).toContain('<w:keepLines/>');
      expect(paras[caption]!.xml).toContain('<w:jc w:val="center"/>');
      expect(paras[caption]!.xml).toContain(`w:eastAsia="${fonts.body[0]!}"`);
    }
  });

  it('without drawings (no Chinese font for the PNG) says so in place of the picture', async () => {
    const bare = await JSZip.loadAsync(await packDocx(model, fonts));
    const xml = await bare.file('word/document.xml')!.async('string');
    expect(xml).not.toContain('<w:drawing>');
    const texts = paragraphs(xml).map((p) => p.text);
    expect(texts.filter((t) => t === FIGURE_MISSING)).toHaveLength(2);
    expect(texts).toContain('图1 受理渠道及类型对比');
    const svgOnly = await renderFigures(model, null);
    expect([...svgOnly.values()].every((f) => f.png === null && f.svg.startsWith('<svg'))).toBe(
      true,
    );
    const xml2 = await (
      await JSZip.loadAsync(await packDocx(model, fonts, svgOnly))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml2).not.toContain('<w:drawing>');
  });
});
