import type { ReportModel } from '../report/model';
import type { ChartSpec } from '../summary/chart-spec';
import type { ChartRasterizer } from './raster';
import { pngSize } from './raster';
import { chartSize } from './option';
import { renderChartSvg } from './svg';

/** A chart drawn for the documents: the SVG, and the PNG the readers without SVG show. */
export interface RenderedFigure {
  readonly svg: string;
  /** Null when there is no rasteriser (no Chinese font in Node): SVG only, no picture in .docx. */
  readonly png: Uint8Array | null;
  /** The SVG's size in CSS pixels; its aspect ratio is the picture's. */
  readonly width: number;
  readonly height: number;
  /**
   * Set when the chart could not be drawn — ECharts or the rasteriser threw (or gave no PNG):
   * why, in the library's words. `png` is then null (and `svg` empty if ECharts failed): the
   * documents leave the picture out and say so; the run goes on.
   */
  readonly failed?: string;
}

/** Chart id → its drawing; what `packDocx` and the workbook's chart sheet take. */
export type RenderedFigures = ReadonlyMap<string, RenderedFigure>;

/** How many PNG pixels per SVG pixel: 2 gives ≈ 200 dpi at 15 cm wide. */
export const PNG_SCALE = 2;

/** The charts of a report's figure blocks, in document order, each id once. */
export function reportCharts(model: ReportModel): ChartSpec[] {
  const seen = new Map<string, ChartSpec>();
  for (const section of model.sections)
    for (const block of section.blocks)
      if (block.kind === 'figure' && !seen.has(block.chart.id))
        seen.set(block.chart.id, block.chart);
  return [...seen.values()];
}

/** A chart that could not be drawn: its place in the list (0-based), and why. */
export interface FigureFailure {
  readonly index: number;
  readonly chart: ChartSpec;
  readonly reason: string;
}

/**
 * Draws every chart (of a report's figure blocks, or the list given) before the document is
 * packed: SVG with ECharts, then PNG with the rasteriser if there is one — one at a time, as
 * the rasteriser holds a whole page of pixels. A chart that cannot be drawn (ECharts or the
 * rasteriser throws) never stops the others: its entry has `failed` (`figureFailures` lists
 * them, for the caller to say “图N（…）未能绘制，已略去”).
 */
export async function renderFigures(
  charts: ReportModel | readonly ChartSpec[],
  rasterize: ChartRasterizer | null,
  options: { scale?: number } = {},
): Promise<Map<string, RenderedFigure>> {
  const list = 'sections' in charts ? reportCharts(charts) : charts;
  const scale = options.scale ?? PNG_SCALE;
  const out = new Map<string, RenderedFigure>();
  for (const chart of list) {
    let size = { width: 0, height: 0 };
    let svg = '';
    let png: Uint8Array | null = null;
    try {
      size = chartSize(chart);
      svg = renderChartSvg(chart, size);
      if (rasterize) {
        png = await rasterize(svg, size.width * scale);
        if (!pngSize(png)) throw new Error('the rasteriser returned no PNG');
      }
    } catch (e) {
      const reason = oneLine(e);
      out.set(chart.id, { svg, png: null, width: size.width, height: size.height, failed: reason });
      continue;
    }
    out.set(chart.id, { svg, png, width: size.width, height: size.height });
  }
  return out;
}

/** An error as one short line, for a note (a library's message may run over lines). */
function oneLine(e: unknown): string {
  const text = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text || 'unknown error';
}

/** The charts of `list` that could not be drawn, in order, with their place in `list`. */
export function figureFailures(
  list: readonly ChartSpec[],
  figures: RenderedFigures,
): FigureFailure[] {
  return list.flatMap((chart, index) => {
    const reason = figures.get(chart.id)?.failed;
    return reason === undefined ? [] : [{ index, chart, reason }];
  });
}
