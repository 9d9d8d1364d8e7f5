import type { RenderedFigures } from '../../src/charts/figures';
import type { Analysis } from '../../src/evaluation/analyze';
import type { ChartImage } from '../../src/io/xlsx-charts';
import type { Narrative } from '../../src/narrative/types';
import type { ReportModel } from '../../src/report/model';
import type { ChartSpec } from '../../src/summary/chart-spec';

/**
 * The figures of a report (or the charts given), drawn in this browser: SVG by ECharts, PNG
 * by the browser's own renderer through a canvas (with the machine's Chinese fonts). ECharts
 * and the rasteriser load only now. A browser that cannot turn the SVG into a PNG (a canvas
 * it refuses to export) gets a line in the picture's place; the other figures are kept.
 */
export async function drawFigures(
  charts: ReportModel | readonly ChartSpec[],
): Promise<RenderedFigures> {
  const [{ renderFigures }, { browserRasterizer }] = await Promise.all([
    import('../../src/charts/figures'),
    import('../../src/charts/raster-browser'),
  ]);
  // A figure the browser cannot draw is left out of the documents on its own (renderFigures
  // catches each one), never the whole export.
  return renderFigures(charts, browserRasterizer);
}

/**
 * The bulletin as a .docx Blob, with its figures. The .docx code and ECharts are loaded only
 * now, so the task pane opens without them.
 */
export async function bulletinDocx(
  analysis: Analysis,
  narrative: Narrative,
  text: string,
): Promise<{ name: string; blob: Blob }> {
  const [{ buildReport }, { packDocx }] = await Promise.all([
    import('../../src/report/model'),
    import('../../src/report/docx'),
  ]);
  const model = buildReport(analysis, narrative, undefined, text);
  const figures = await drawFigures(model);
  const bytes = await packDocx(model, analysis.settings.report.fonts, figures);
  return {
    name: `${model.title.replace(/[\\/:*?"<>|]/g, '')}.docx`,
    blob: new Blob([bytes as BlobPart], {
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
  };
}

/**
 * The pictures for the checked workbook's chart sheet: every chart of the narrative, titled
 * “图N …” as the command line titles them (`--out`); a chart without a PNG is left out.
 */
export async function chartImages(
  charts: readonly ChartSpec[],
  title: (n: number, title: string) => string,
): Promise<ChartImage[]> {
  if (charts.length === 0) return [];
  const figures = await drawFigures(charts);
  return charts.flatMap((chart, i) => {
    const f = figures.get(chart.id);
    return f?.png
      ? [{ title: title(i + 1, chart.title), png: f.png, widthPx: f.width, heightPx: f.height }]
      : [];
  });
}

/** Save a Blob through an <a download> (works in Excel on the web and on Windows, not on Mac). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
