import JSZip from 'jszip';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { figureFailures, renderFigures } from '../src/charts/figures';
import { pngSize } from '../src/charts/raster';
import { encodePng } from '../src/charts/raster-node';
import { renderChartSvg } from '../src/charts/svg';
import { runCli } from '../src/cli/run';
import type { CellValue } from '../src/core/grid';
import { FIGURE_FAILED, FIGURE_MISSING } from '../src/report/docx';
import type { ChartSpec } from '../src/summary/chart-spec';
import type * as RasterNode from '../src/charts/raster-node';
import { paragraphs } from './helpers/docx-xml';
import { COUNT_HEADER, countRow } from './helpers/grid';
import { hostileXlsx } from './helpers/hostile-xlsx';

// The rasteriser the command line uses, wrapped so that a test can make it fail for chosen
// figures (`failing`, by the order in which they are drawn, from 1). Off unless set.
const forced = vi.hoisted(() => ({ failing: new Set<number>(), calls: 0 }));
vi.mock('../src/charts/raster-node', async (importOriginal) => {
  const real = await importOriginal<typeof RasterNode>();
  return {
    ...real,
    createNodeRasterizer: async (...args: Parameters<typeof real.createNodeRasterizer>) => {
      const rasterize = await real.createNodeRasterizer(...args);
      if (!rasterize) return null;
      return (svg: string, width: number) => {
        forced.calls++;
        if (forced.failing.has(forced.calls))
          return Promise.reject(new Error('forced failure for the test'));
        return rasterize(svg, width);
      };
    },
  };
});

/** The texts of an SVG's <text> elements, parsed strictly as XML (throws if it is not). */
function svgTexts(svg: string): string[] {
  const texts: string[] = [];
  let depth = 0;
  let current = '';
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    if (t.local === 'text') depth++;
  });
  parser.on('text', (t) => {
    if (depth > 0) current += t;
  });
  parser.on('closetag', (t) => {
    if (t.local === 'text') {
      depth--;
      texts.push(current);
      current = '';
    }
  });
  parser.write(svg).close();
  return texts;
}

/**
 * The code units of `text` XML 1.0 cannot hold, as U+ numbers: C0 controls but TAB, LF and
 * CR, U+FFFE, U+FFFF, and surrogates (the texts here hold no astral characters).
 */
function notXml(text: string): string[] {
  const bad: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
    if (control || c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff))
      bad.push(`U+${c.toString(16).toUpperCase()}`);
  }
  return bad;
}

function parseXml(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** Every property name a plain object inherits, and whether any object gained one. */
function prototypeIsClean(): boolean {
  const inherited: string[] = [];
  for (const k in {}) inherited.push(k);
  const own = Object.getOwnPropertyNames(Object.prototype).sort().join();
  return inherited.length === 0 && own === PROTOTYPE_NAMES;
}
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join();

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongbao-hostile-figures-'));
});

// 马尾区政府 in row 3, the hostile name in A4 with 台江区政府's counts (综合指标值 98.88): the
// figure “五城区综合指标值” has a bar for each. Names as Excel stores them in the sheet XML:
// characters XML cannot hold as `_xHHHH_`, `<` and `&` as entities.
const HOSTILE: readonly { what: string; stored: string; shown: string }[] = [
  { what: 'a control character U+0001', stored: '台江_x0001_区', shown: '台江区' },
  { what: 'an ANSI escape (ESC [31m)', stored: '_x001B_[31m台江', shown: '[31m台江' },
  { what: 'U+FFFE', stored: '台江_xFFFE_区', shown: '台江区' },
  { what: 'U+FFFF', stored: '台江区_xFFFF_', shown: '台江区' },
  { what: 'a lone high surrogate', stored: '台江_xD800_区', shown: '台江区' },
  { what: 'a lone low surrogate', stored: '台江_xDC00_区', shown: '台江区' },
  {
    what: 'markup, ampersand and quotes',
    stored: "&lt;b&gt;台江&amp;&quot;区'&lt;/b&gt;",
    shown: '<b>台江&"区\'</b>',
  },
  { what: 'constructor', stored: 'constructor', shown: 'constructor' },
  { what: '__proto__', stored: '__proto__', shown: '__proto__' },
  { what: 'a label template {b}{c}', stored: '{b}台江{c}', shown: '{b}台江{c}' },
];

describe('a unit with a hostile name still gets its figure', () => {
  it.each(HOSTILE)(
    '$what: exit 0, the .docx opens, the figure shows the cleaned name',
    async (h) => {
      const rows: CellValue[][] = [
        ['各区政府综合评价表'],
        ['区政府', ...COUNT_HEADER],
        countRow('马尾区政府'),
        countRow('台江区政府'),
      ];
      const bytes = await hostileXlsx(rows, {
        cells: { A4: `t="inlineStr"><is><t>${h.stored}</t></is>` },
      });
      const input = join(dir, `in-${HOSTILE.indexOf(h)}.xlsx`);
      const docx = join(dir, `out-${HOSTILE.indexOf(h)}.docx`);
      const out = join(dir, `out-${HOSTILE.indexOf(h)}.xlsx`);
      await writeFile(input, bytes);
      forced.failing.clear();
      const r = await cli('evaluate', input, '--docx', docx, '--out', out);
      expect(r.err.filter((l) => l.includes('未能绘制'))).toEqual([]);
      expect(r.code).toBe(0);
      expect(prototypeIsClean()).toBe(true);

      const zip = await JSZip.loadAsync(await readFile(docx));
      const names = Object.keys(zip.files);
      for (const n of names.filter((n) => /\.(xml|rels)$/.test(n)))
        parseXml(await zip.file(n)!.async('string'));
      const svgs = names.filter((n) => n.endsWith('.svg'));
      expect(svgs).toHaveLength(1);
      const texts = svgTexts(await zip.file(svgs[0]!)!.async('string'));
      expect(texts).toContain(h.shown);
      expect(texts).toContain('马尾区');
      const pngs = names.filter((n) => n.endsWith('.png'));
      expect(pngs).toHaveLength(1);
      expect(pngSize(await zip.file(pngs[0]!)!.async('uint8array'))?.width).toBe(1200);
      const body = paragraphs(await zip.file('word/document.xml')!.async('string'));
      expect(body.map((p) => p.text)).toContain('图1 五城区综合指标值');
      expect(body.map((p) => p.text)).not.toContain(FIGURE_FAILED);

      // The checked workbook's chart sheet has the picture too.
      const copy = await JSZip.loadAsync(await readFile(out));
      expect(Object.keys(copy.files).filter((n) => /^xl\/media\/.*\.png$/.test(n))).toHaveLength(1);
    },
  );
});

const BAR: ChartSpec = {
  id: 'bar',
  title: '__proto__\u0001图',
  kind: 'bar',
  categories: [
    ...Object.getOwnPropertyNames(Object.prototype),
    'prototype',
    '\u001b[31m台江',
    '<&>"\'',
    '\uD800台\uFFFE',
  ],
  series: [
    { name: '__proto__', values: [] },
    { name: 'constructor\uFFFF', values: [] },
  ],
  unit: 'toString',
};

describe('every text that enters the SVG', () => {
  for (const kind of ['bar', 'pie'] as const)
    for (const many of [false, true])
      it(`is cleaned and escaped: ${kind}${many ? ', with a legend and titles' : ''}`, () => {
        const spec: ChartSpec = {
          ...BAR,
          kind,
          series: BAR.series.slice(0, many ? 2 : 1).map((s, i) => ({
            ...s,
            values: BAR.categories.map((_, k) => 10 + k + i),
          })),
        };
        const texts = svgTexts(renderChartSvg(spec)).join('\n');
        for (const name of [
          'constructor',
          '__proto__',
          'hasOwnProperty',
          'toString',
          'valueOf',
          'prototype',
          '[31m台江',
          '<&>"\'',
          '台',
        ])
          expect(texts).toContain(name);
        expect(notXml(texts)).toEqual([]);
        expect(prototypeIsClean()).toBe(true);
        for (const fn of [
          Object,
          ...['toString', 'valueOf'].map((k) => Reflect.get({}, k) as object),
        ])
          expect(Object.getOwnPropertyNames(fn)).not.toContain('next');
      });

  it('prints a pie label holding “{b}” or “{c}” as typed, not as a template', () => {
    const texts = svgTexts(
      renderChartSvg({
        id: 'p',
        title: 't',
        kind: 'pie',
        categories: ['{b}区', '{c}县'],
        series: [{ name: 's', values: [3, 1] }],
      }),
    );
    expect(texts).toEqual(['{b}区 75.00%', '{c}县 25.00%']);
  });
});

describe('a figure that cannot be drawn is left out, with a note; the run goes on', () => {
  const white = () => Promise.resolve(encodePng(new Uint8Array(4 * 3 * 4).fill(255), 4, 3));
  const charts: ChartSpec[] = ['甲', '乙', '丙'].map((t) => ({
    id: t,
    title: t,
    kind: 'bar',
    categories: ['a', 'b'],
    series: [{ name: 's', values: [1, 2] }],
  }));

  it('renderFigures: the others drawn, the failed one named with its reason', async () => {
    let n = 0;
    const figures = await renderFigures(charts, () =>
      ++n === 2 ? Promise.reject(new Error('no\ncanvas')) : white(),
    );
    expect([...figures.keys()]).toEqual(['甲', '乙', '丙']);
    expect(figures.get('甲')!.png).not.toBeNull();
    expect(figures.get('丙')!.png).not.toBeNull();
    expect(figures.get('乙')!.png).toBeNull();
    expect(figureFailures(charts, figures)).toEqual([
      { index: 1, chart: charts[1], reason: 'no canvas' },
    ]);
  });

  it('renderFigures: bytes that are no PNG are a failure too', async () => {
    const figures = await renderFigures(charts.slice(0, 1), () =>
      Promise.resolve(new Uint8Array([1, 2, 3])),
    );
    expect(figureFailures(charts, figures).map((f) => f.reason)).toEqual([
      'the rasteriser returned no PNG',
    ]);
  });

  it('the command line: exit 0, the note printed, the other figures in the .docx and the workbook', async () => {
    const docx = join(dir, 'forced.docx');
    const out = join(dir, 'forced.xlsx');
    forced.failing = new Set([2]);
    forced.calls = 0;
    const r = await cli('evaluate', 'samples/2017-08.xlsx', '--docx', docx, '--out', out);
    forced.failing = new Set();
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      '提示：图2（各类诉求件占比）未能绘制，已略去：forced failure for the test',
    );
    expect(r.err.filter((l) => l.includes('未能绘制'))).toHaveLength(1);

    const zip = await JSZip.loadAsync(await readFile(docx));
    const doc = await zip.file('word/document.xml')!.async('string');
    parseXml(doc);
    // The sample's bulletin has 8 figures: 7 pictures, and a line where the second was.
    expect(doc.match(/<w:drawing>/g)).toHaveLength(7);
    const texts = paragraphs(doc).map((p) => p.text);
    const at = texts.indexOf(FIGURE_FAILED);
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toBe('图2 各类诉求件占比');
    expect(texts).not.toContain(FIGURE_MISSING);
    for (const n of ['图1 诉求件受理渠道及类型对比', '图3 事件分类占比', '图8 市直单位综合指标值'])
      expect(texts).toContain(n);

    const copy = await JSZip.loadAsync(await readFile(out));
    expect(Object.keys(copy.files).filter((n) => /^xl\/media\/.*\.png$/.test(n))).toHaveLength(7);
  });
});
