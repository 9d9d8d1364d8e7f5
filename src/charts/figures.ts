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

/**
 * Draws every chart (of a report's figure blocks, or the list given) before the document is
 * packed: SVG with ECharts, then PNG with the rasteriser if there is one — one at a time, as
 * the rasteriser holds a whole page of pixels.
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
    const size = chartSize(chart);
    const svg = renderChartSvg(chart, size);
    let png: Uint8Array | null = null;
    if (rasterize) {
      png = await rasterize(svg, size.width * scale);
      if (!pngSize(png)) throw new Error(`the rasteriser returned no PNG for chart ${chart.id}`);
    }
    out.set(chart.id, { svg, png, width: size.width, height: size.height });
  }
  return out;
}
