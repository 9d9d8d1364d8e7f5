import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// ECharts' own renderer (a dependency of echarts, at the version echarts pins): see below.
import LRU from 'zrender/lib/core/LRU.js';
import { xmlSafe } from '../report/xml-text';
import type { ChartSpec } from '../summary/chart-spec';
import { chartOption, chartSize } from './option';

// Only what the figures use: the modular build keeps ECharts' share of a bundle small.
use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/**
 * zrender (6.1) caches the width of every text it measures in an LRU keyed by the text, kept in
 * a plain object: a label reading “__proto__” finds Object.prototype there and links it into the
 * cache's list — every object of the process then has `prev` and `next` (the .docx packer then
 * recursed for ever: “Maximum call stack size exceeded”); “constructor”, “toString”… find
 * Object's own functions. Keys are given a prefix no property of Object.prototype starts with;
 * set once per process, for every cache of this kind (the colours' too).
 */
function guardTextCaches(lru: { prototype: object } = LRU): void {
  const proto = lru.prototype as {
    put: (this: unknown, key: string | number, value: unknown) => unknown;
    get: (this: unknown, key: string | number) => unknown;
    tongbaoGuarded?: true;
  };
  if (proto.tongbaoGuarded || typeof proto.put !== 'function' || typeof proto.get !== 'function')
    return;
  const { put, get } = proto;
  proto.put = function (key, value) {
    return put.call(this, `#${key}`, value);
  };
  proto.get = function (key) {
    return get.call(this, `#${key}`);
  };
  Object.defineProperty(proto, 'tongbaoGuarded', { value: true });
}
guardTextCaches();

/**
 * The chart as a standalone SVG document (ECharts' server-side rendering: no DOM, the same in
 * Node, the task pane and the web page). Default size: `chartSize(spec)`.
 */
export function renderChartSvg(
  spec: ChartSpec,
  size: { width: number; height: number } = chartSize(spec),
): string {
  const chart = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption(chartOption(spec));
    // The texts were cleaned in `chartOption`; whatever else ECharts wrote is cleaned here.
    return xmlSafe(portableSvg(chart.renderToSVGString()));
  } finally {
    chart.dispose();
  }
}

/** How far the alphabetic baseline lies below the middle of a CJK em box (0.88 / 0.12 em). */
const CENTRAL_TO_ALPHABETIC = 0.38;

/**
 * ECharts writes every text with `dominant-baseline="central"`, which Word's SVG reader does
 * not honour (the labels would sit half a line high). The text is moved to the alphabetic
 * baseline instead, by its own font size, so every reader — Word, browsers, resvg — puts it at
 * the same place. Also drops what only an interactive chart uses: ECharts' hydration
 * attributes and its hover style sheet (with the classes pointing at it).
 */
export function portableSvg(svg: string): string {
  return svg
    .replace(/<text\b([^>]*)>/g, (whole, attrs: string) => {
      if (!/\sdominant-baseline="central"/.test(attrs)) return whole;
      const size = Number(/font-size:\s*([\d.]+)px/.exec(attrs)?.[1] ?? 12);
      const shift = size * CENTRAL_TO_ALPHABETIC;
      let rest = attrs.replace(/\sdominant-baseline="central"/, '');
      const y = /\sy="(-?[\d.]+(?:e-?\d+)?)"/.exec(rest);
      if (y) rest = rest.replace(y[0], ` y="${round(Number(y[1]) + shift)}"`);
      else rest += ` y="${round(shift)}"`;
      return `<text${rest}>`;
    })
    .replace(/\secmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style>\s*/g, (whole, css: string) =>
      onlyHover(css) ? '' : whole,
    )
    .replace(/\sclass="zr\d+-cls-\d+"/g, '');
}

/** A style sheet of nothing but `:hover` rules (all ECharts writes for a still chart). */
function onlyHover(css: string): boolean {
  const body = css.replace(/<!\[CDATA\[|\]\]>/g, '');
  const selectors = [...body.matchAll(/([^{}]+)\{[^}]*\}/g)].map((m) => m[1]!.trim());
  return (
    selectors.every((sel) => sel.endsWith(':hover')) &&
    body.replace(/[^{}]+\{[^}]*\}/g, '').trim() === ''
  );
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
